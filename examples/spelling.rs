//! What the spelling dictionary costs the server: the first question (which loads it),
//! a question about one screen of words once loaded, one suggestion, and the server's
//! resident and peak memory before and after.
//!
//!     cargo build --release --bin otchet --example spelling
//!     target/release/examples/spelling [--otchet target/release/otchet]
//!
//! Needs Debian's hunspell-ru (/usr/share/hunspell/ru_RU.aff, .dic).

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use otchet::client::{Client, RemoteTransport, ServerPaths};
use otchet::proto::{Request, Response};

fn main() -> Result<(), String> {
    let mut it = std::env::args().skip(1);
    let mut exe = PathBuf::from("target/release/otchet");
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--otchet" => exe = PathBuf::from(it.next().ok_or("--otchet needs a value")?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let home = tempfile::tempdir().map_err(|e| e.to_string())?;
    let db = home.path().join("store");
    let otchet = |sub: &[&str]| {
        let mut cmd = Command::new(&exe);
        cmd.args(sub)
            .arg("--db")
            .arg(&db)
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("OTCHET_SYSTEM_CONFIG", home.path().join("none.toml"));
        cmd
    };
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/serov-2020-q1.txt");
    otchet(&["import", &sample.to_string_lossy()]).stdout(Stdio::null()).status().map_err(|e| e.to_string())?;
    otchet(&["serve", "--stop"]).stdout(Stdio::null()).status().map_err(|e| e.to_string())?;
    let mut server =
        otchet(&["serve", "--idle-timeout", "0"]).stderr(Stdio::null()).spawn().map_err(|e| e.to_string())?;
    let mut client = connect(&ServerPaths::new(&db, None))?;
    let snapshot = client.snapshot(None).map_err(|e| e.to_string())?.ok_or("empty store")?;
    let text: String = snapshot.entries.iter().map(|(_, e)| e.info.as_str()).collect::<Vec<_>>().join(" ");
    let words: Vec<String> = otchet::spelling::words(&text).into_iter().map(|w| w.word.to_owned()).collect();
    let screen: Vec<String> = words.iter().take(120).cloned().collect();
    let before = memory_kib(server.id());

    let ask = |client: &mut Client, request: Request| -> Result<(Response, Duration), String> {
        let t = Instant::now();
        let r = client.call(request).map_err(|e| e.to_string())?;
        Ok((r, t.elapsed()))
    };
    let (first, load) = ask(&mut client, Request::Spelling { words: screen.clone() })?;
    let Response::Misspelt(unknown) = first else { return Err(format!("no dictionary: {first:?}")) };
    let (_, one_screen) = ask(&mut client, Request::Spelling { words: screen.clone() })?;
    let most: Vec<String> = words.iter().take(otchet::spelling::MAX_WORDS_PER_QUESTION).cloned().collect();
    let (_, all) = ask(&mut client, Request::Spelling { words: most.clone() })?;
    let (_, suggest) = ask(&mut client, Request::Suggest { word: "коррупцыи".into() })?;
    let after = memory_kib(server.id());
    println!("first question (loads the dictionary), {} words: {load:.1?}", screen.len());
    println!(
        "the same {} words again: {one_screen:.2?}; all {} words of the sample: {all:.2?}",
        screen.len(),
        words.len()
    );
    println!("one suggestion: {suggest:.1?}; unknown on the first screen: {}", unknown.len());
    println!(
        "server VmRSS {} -> {} KiB (+{} KiB), VmHWM {} -> {} KiB",
        before.0,
        after.0,
        after.0 - before.0,
        before.1,
        after.1
    );
    let _ = server.kill();
    let _ = server.wait();
    Ok(())
}

fn connect(paths: &ServerPaths) -> Result<Client, String> {
    let started = Instant::now();
    loop {
        match RemoteTransport::connect(paths, None) {
            Ok(t) => return Ok(Client::new(Box::new(t))),
            Err(_) if started.elapsed() < Duration::from_secs(10) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(e.to_string()),
        }
    }
}

/// VmRSS and VmHWM of a process, in KiB.
fn memory_kib(pid: u32) -> (i64, i64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}
