//! Many clients saving at once against one server, and the server killed in the middle:
//! every save the server acknowledged is in the history afterwards.

mod common;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::server::{item_of, q1};
use common::{Sandbox, assert_ok};
use otchet::client::{Client, ClientError, RemoteTransport, ServerPaths};
use otchet::domain::{EntryEdit, ItemId};
use otchet::model::SaveOutcome;

const CLIENTS: usize = 20;
const SAVES: usize = 50;
/// Items the clients share, so that saves also collide.
const POINTS: [&str; 10] = ["60", "61", "62", "63", "64", "65", "66", "67", "68", "69"];

#[derive(Clone, Debug)]
struct Ack {
    item: ItemId,
    revision: u64,
    info: String,
}

#[derive(Default)]
struct Outcome {
    acks: Vec<Ack>,
    /// Round trips of every save request, conflicts included.
    latencies: Vec<Duration>,
    error: Option<String>,
}

/// One client: `SAVES` acknowledged saves over the shared items, rebasing on conflicts;
/// stops at the first error.
fn client_run(paths: &ServerPaths, n: usize, items: &[ItemId], acked: &AtomicUsize) -> Outcome {
    let mut out = Outcome::default();
    let mut client = match RemoteTransport::connect(paths, None) {
        Ok(t) => Client::new(Box::new(t)),
        Err(e) => {
            out.error = Some(describe(&e));
            return out;
        }
    };
    let mut known: HashMap<ItemId, u64> = HashMap::new();
    for k in 0..SAVES {
        let item = items[(n + k) % items.len()];
        let info = format!("клиент {n}, правка {k}");
        loop {
            let base = match known.get(&item) {
                Some(rev) => *rev,
                None => match client.entry(q1(), item) {
                    Ok(e) => e.map_or(0, |e| e.revision),
                    Err(e) => {
                        out.error = Some(describe(&e));
                        return out;
                    }
                },
            };
            let edit =
                EntryEdit { period: q1(), item, base_revision: base, info: info.clone(), assessment: String::new() };
            let started = Instant::now();
            let result = client.save(edit);
            out.latencies.push(started.elapsed());
            match result {
                Ok(SaveOutcome::Saved(entry)) => {
                    known.insert(item, entry.revision);
                    out.acks.push(Ack { item, revision: entry.revision, info });
                    acked.fetch_add(1, Ordering::Relaxed);
                    break;
                }
                Ok(SaveOutcome::Conflict { theirs }) => {
                    known.insert(item, theirs.revision);
                }
                Err(e) => {
                    out.error = Some(describe(&e));
                    return out;
                }
            }
        }
    }
    out
}

fn describe(e: &ClientError) -> String {
    format!("{e} ({e:?})")
}

fn run_load(sb: &Sandbox, items: &[ItemId], acked: &Arc<AtomicUsize>) -> Vec<std::thread::JoinHandle<Outcome>> {
    (0..CLIENTS)
        .map(|n| {
            let (paths, items, acked) = (sb.server_paths(), items.to_vec(), Arc::clone(acked));
            std::thread::spawn(move || client_run(&paths, n, &items, &acked))
        })
        .collect()
}

fn items(sb: &Sandbox) -> Vec<ItemId> {
    let mut client = sb.client();
    POINTS.iter().map(|p| item_of(&mut client, p)).collect()
}

/// Every acknowledged save is a revision in its item's history, with its text.
fn assert_all_in_history(client: &mut Client, acks: &[Ack]) {
    let mut histories = HashMap::new();
    for ack in acks {
        let history = histories.entry(ack.item).or_insert_with(|| client.history(q1(), ack.item).unwrap());
        let found = history.iter().find(|r| r.revision == ack.revision);
        assert_eq!(found.map(|r| r.info.as_str()), Some(ack.info.as_str()), "acknowledged save {ack:?} is lost");
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

#[test]
fn twenty_clients_fifty_saves_each_lose_nothing() {
    let sb = Sandbox::new();
    let server = sb.start_server(&["--idle-timeout", "5"]);
    sb.import_sample();
    let items = items(&sb);
    let acked = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let outcomes: Vec<Outcome> = run_load(&sb, &items, &acked).into_iter().map(|h| h.join().unwrap()).collect();
    let elapsed = started.elapsed();

    let errors: Vec<&String> = outcomes.iter().filter_map(|o| o.error.as_ref()).collect();
    assert!(errors.is_empty(), "errors under load: {errors:?}");
    let acks: Vec<Ack> = outcomes.iter().flat_map(|o| o.acks.iter()).cloned().collect();
    assert_eq!(acks.len(), CLIENTS * SAVES);
    assert_all_in_history(&mut sb.client(), &acks);

    let mut latencies: Vec<Duration> = outcomes.iter().flat_map(|o| o.latencies.iter().copied()).collect();
    latencies.sort();
    eprintln!(
        "load: {} clients x {} saves in {:.2?} ({} save requests with conflicts); latency median {:.2?}, p99 {:.2?}, \
         max {:.2?}; server peak RSS {} KiB",
        CLIENTS,
        SAVES,
        elapsed,
        latencies.len(),
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or_default(),
        server.peak_rss_kib().map_or("?".into(), |k| k.to_string()),
    );
}

#[test]
fn kill_9_under_load_loses_no_acknowledged_save() {
    let sb = Sandbox::new();
    let mut server = sb.start_server(&["--idle-timeout", "5"]);
    sb.import_sample();
    let items = items(&sb);
    let acked = Arc::new(AtomicUsize::new(0));
    let workers = run_load(&sb, &items, &acked);
    let started = Instant::now();
    while acked.load(Ordering::Relaxed) < CLIENTS * SAVES / 3 {
        assert!(started.elapsed() < Duration::from_secs(15), "the load did not get going");
        std::thread::sleep(Duration::from_millis(2));
    }
    server.child.kill().expect("kill -9 the server");
    let _ = server.child.wait();
    let outcomes: Vec<Outcome> = workers.into_iter().map(|h| h.join().unwrap()).collect();
    let acks: Vec<Ack> = outcomes.iter().flat_map(|o| o.acks.iter()).cloned().collect();
    assert!(acks.len() < CLIENTS * SAVES, "the kill came before the load ended");
    for o in &outcomes {
        if let Some(e) = &o.error {
            assert!(e.contains("Connection"), "a killed server is a connection error: {e}");
        }
    }

    // The next command finds the dead server's socket, cleans it up and starts a new one.
    assert!(sb.server_paths().socket.exists(), "kill -9 leaves the socket behind");
    assert_ok(&sb.run(&["status", "--period", "2020-Q1"]));
    assert_all_in_history(&mut sb.client(), &acks);
}
