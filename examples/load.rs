//! Load on one server: N clients saving M times each, at once. Prints the save latency
//! (median, 99th percentile) and the server's peak resident memory.
//!
//!     cargo build --release --bin otchet --example load
//!     target/release/examples/load --otchet target/release/otchet [--clients 20] [--saves 50] [--shared]
//!
//! Without `--shared` every client saves its own item (no conflicts: the plain save path);
//! with it, 20 clients share 10 items and rebase on every conflict.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use otchet::client::{Client, RemoteTransport, ServerPaths};
use otchet::domain::{EntryEdit, ItemId, PeriodId};
use otchet::model::SaveOutcome;

struct Args {
    otchet: PathBuf,
    clients: usize,
    saves: usize,
    shared: bool,
}

fn args() -> Result<Args, String> {
    let mut args = Args { otchet: PathBuf::from("target/release/otchet"), clients: 20, saves: 50, shared: false };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--otchet" => args.otchet = PathBuf::from(value()?),
            "--clients" => args.clients = value()?.parse().map_err(|e| format!("--clients: {e}"))?,
            "--saves" => args.saves = value()?.parse().map_err(|e| format!("--saves: {e}"))?,
            "--shared" => args.shared = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

fn main() -> Result<(), String> {
    let args = args()?;
    let home = tempfile::tempdir().map_err(|e| e.to_string())?;
    let db = home.path().join("store");
    let otchet = |sub: &[&str]| {
        let mut cmd = Command::new(&args.otchet);
        cmd.args(sub)
            .arg("--db")
            .arg(&db)
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("OTCHET_SYSTEM_CONFIG", home.path().join("none.toml"));
        cmd
    };
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/serov-2020-q1.txt");
    let status = otchet(&["import", &sample.to_string_lossy()]).status().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err("import failed".into());
    }
    otchet(&["serve", "--stop"]).stdout(Stdio::null()).status().map_err(|e| e.to_string())?;

    let mut server = otchet(&["serve", "--idle-timeout", "0"])
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", args.otchet.display()))?;
    let paths = ServerPaths::new(&db, None);
    let started = Instant::now();
    let mut probe = loop {
        match RemoteTransport::connect(&paths, None) {
            Ok(t) => break Client::new(Box::new(t)),
            Err(_) if started.elapsed() < Duration::from_secs(10) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(e.to_string()),
        }
    };
    let period = PeriodId::parse("2020-Q1").ok_or("period")?;
    let items: Vec<ItemId> = probe
        .snapshot(Some(period))
        .map_err(|e| e.to_string())?
        .ok_or("empty store")?
        .items
        .iter()
        .map(|i| i.id)
        .collect();
    let rss_before = peak_rss_kib(server.id());

    let begun = Instant::now();
    let workers: Vec<_> = (0..args.clients)
        .map(|n| {
            let (paths, items, saves, shared) = (paths.clone(), items.clone(), args.saves, args.shared);
            std::thread::spawn(move || client_run(&paths, n, &items, saves, shared, period))
        })
        .collect();
    let mut latencies = Vec::new();
    let mut conflicts = 0;
    for w in workers {
        let (l, c) = w.join().map_err(|_| "a client panicked")??;
        latencies.extend(l);
        conflicts += c;
    }
    let elapsed = begun.elapsed();
    latencies.sort();
    let pick = |p: f64| latencies[((latencies.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "{} clients x {} saves in {:.2?}: {} save requests ({} conflicts); latency median {:.2?}, p99 {:.2?}, max {:.2?}",
        args.clients,
        args.saves,
        elapsed,
        latencies.len(),
        conflicts,
        pick(0.5),
        pick(0.99),
        pick(1.0)
    );
    println!(
        "server peak RSS: {} KiB after start-up and one snapshot, {} KiB after the load",
        rss_before.map_or("?".into(), |k| k.to_string()),
        peak_rss_kib(server.id()).map_or("?".into(), |k| k.to_string())
    );
    drop(probe);
    let pid = nix::unistd::Pid::from_raw(i32::try_from(server.id()).map_err(|e| e.to_string())?);
    let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM);
    let _ = server.wait();
    Ok(())
}

fn client_run(
    paths: &ServerPaths,
    n: usize,
    items: &[ItemId],
    saves: usize,
    shared: bool,
    period: PeriodId,
) -> Result<(Vec<Duration>, usize), String> {
    let mut client = Client::new(Box::new(RemoteTransport::connect(paths, None).map_err(|e| e.to_string())?));
    let mut latencies = Vec::with_capacity(saves);
    let mut conflicts = 0;
    let mut base = std::collections::HashMap::new();
    for k in 0..saves {
        let item = if shared { items[(n + k) % 10] } else { items[n % items.len()] };
        loop {
            let base_revision = match base.get(&item) {
                Some(r) => *r,
                None => client.entry(period, item).map_err(|e| e.to_string())?.map_or(0, |e| e.revision),
            };
            let edit = EntryEdit {
                period,
                item,
                base_revision,
                info: format!("клиент {n}, правка {k}"),
                assessment: String::new(),
            };
            let t = Instant::now();
            let outcome = client.save(edit).map_err(|e| e.to_string())?;
            latencies.push(t.elapsed());
            match outcome {
                SaveOutcome::Saved(entry) => {
                    base.insert(item, entry.revision);
                    break;
                }
                SaveOutcome::Conflict { theirs } => {
                    conflicts += 1;
                    base.insert(item, theirs.revision);
                }
            }
        }
    }
    Ok((latencies, conflicts))
}

fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}
