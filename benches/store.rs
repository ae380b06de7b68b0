//! The store and the status computation (docs/performance.md):
//! - importing the sample into an empty store (sled open not counted, the flush is);
//! - a search of 10,000 items (`search_10000`), by word and after an edit;
//! - a snapshot of 10,000 items, step by step: the server reads items and entries, encodes
//!   the frame (and all of it at once); the client decodes it, works out every item's
//!   deadline and flags (`otchet status`), or builds the TUI's state from it.
//!
//!     cargo bench --bench store

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use otchet::dev::{GenOptions, generate};
use otchet::domain::{Actor, Counts, DeadlineCache, FlagRules, PlanId, Review, Stamp};
use otchet::model::Snapshot;
use otchet::proto::frame::{self, Frame, FrameBody};
use otchet::proto::{Request, Response};
use otchet::server::Service;
use otchet::store::{Store, StoreOptions};
use otchet::tui::state::Main;

fn actor() -> Actor {
    Actor { uid: 1000, name: "ivanova".into() }
}

fn import_sample(c: &mut Criterion) {
    let report = otchet::formats::txt::parse_report(Path::new("sample"), otchet::sample::SAMPLE).expect("sample");
    c.bench_function("import_sample", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let store = Store::open(&dir.path().join("store"), &StoreOptions::default()).expect("store");
                (dir, store)
            },
            |(dir, store)| {
                store.import(&report, &actor(), Stamp(1_586_000_000)).expect("import");
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
}

fn snapshot_10k(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    // OTCHET_BENCH_CACHE_MIB: sled's cache for this store (the server's default is 8 MiB).
    let cache_mib: u64 = std::env::var("OTCHET_BENCH_CACHE_MIB").ok().and_then(|v| v.parse().ok()).unwrap_or(8);
    let options = StoreOptions { cache_bytes: cache_mib << 20 };
    let store = Store::open(&dir.path().join("store"), &options).expect("store");
    let generated = generate(&GenOptions { items: 10_000, periods: 1, seed: 1 }).expect("generated");
    store.import(&generated.report(0).expect("Q1"), &actor(), Stamp(1_586_000_000)).expect("import");
    let period = generated.periods[0].0.id;
    drop(generated);

    let mut group = c.benchmark_group("snapshot_10000");
    group.bench_function("server_read_items", |b| b.iter(|| store.items(PlanId(2020)).expect("items")));
    group.bench_function("server_read_entries", |b| b.iter(|| store.entries(period).expect("entries")));
    let service = Service::new(store);
    let ask = || service.handle(&actor(), Stamp(1_586_000_000), Request::Snapshot { period: None });
    let response = Frame::new(FrameBody::Response(ask()));
    let mut wire = Vec::with_capacity(32 << 20);
    group.bench_function("server_encode", |b| {
        b.iter(|| {
            wire.clear();
            frame::write(&mut wire, &response).expect("frame");
        })
    });
    group.bench_function("server_whole", |b| {
        b.iter(|| {
            wire.clear();
            frame::write(&mut wire, &Frame::new(FrameBody::Response(ask()))).expect("frame");
        })
    });

    wire.clear();
    frame::write(&mut wire, &response).expect("frame");
    let read = || match frame::read(&mut &wire[..]) {
        Ok(Frame { body: FrameBody::Response(Response::Snapshot(Some(s))), .. }) => *s,
        _ => panic!("not a snapshot"),
    };
    let snapshot = read();
    let as_of = NaiveDate::from_ymd_opt(2020, 4, 13).expect("date");
    let rules = FlagRules::default();
    group.bench_function("client_decode", |b| b.iter(read));
    group.bench_function("client_status_flags", |b| b.iter(|| counts(&snapshot, as_of, &rules)));
    group.bench_function("client_tui_state", |b| {
        b.iter_batched(|| snapshot.clone(), |s| Main::from_snapshot(s, (as_of, &rules), 40), BatchSize::LargeInput)
    });
    group.finish();
    search_10k(c, &service, period);
}

/// A search of a period of 10,000 items (`Request::Search`, the server's side): a word,
/// several words, one after an edit elsewhere (the period's words followed, one item read
/// again), and one of signs only, which reads every text (as every search did before).
fn search_10k(c: &mut Criterion, service: &Service, period: otchet::domain::PeriodId) {
    let mut group = c.benchmark_group("search_10000");
    let search = |query: &str| {
        let asked = Request::Search { period, query: query.into() };
        match service.handle(&actor(), Stamp(1_586_000_000), asked) {
            Response::Found { items, .. } => items.len(),
            other => panic!("{other:?}"),
        }
    };
    search("заседан");
    group.bench_function("a_word", |b| b.iter(|| search("заседан")));
    group.bench_function("two_words", |b| b.iter(|| search("заседание комиссии")));
    let item = otchet::domain::ItemId(5_000);
    let mut revision = match service.handle(&actor(), Stamp(1_586_000_000), Request::Entry { period, item }) {
        Response::Entry(entry) => entry.map_or(0, |e| e.revision),
        other => panic!("{other:?}"),
    };
    group.bench_function("a_word_after_an_edit", |b| {
        b.iter(|| {
            revision = save(service, period, revision);
            search("заседан")
        })
    });
    group.bench_function("signs_only_every_text_read", |b| b.iter(|| search("«")));
    group.finish();
}

/// An edit of item 5,000's text; its new revision.
fn save(service: &Service, period: otchet::domain::PeriodId, base_revision: u64) -> u64 {
    let edit = otchet::domain::EntryEdit {
        period,
        item: otchet::domain::ItemId(5_000),
        base_revision,
        info: format!("Проведено заседание, правка {base_revision}"),
        assessment: "Выполнено".into(),
    };
    match service.handle(&actor(), Stamp(1_586_000_000), Request::Save { edit }) {
        Response::Saved(otchet::model::SaveOutcome::Saved(entry)) => entry.revision,
        other => panic!("{other:?}"),
    }
}

/// What `otchet status` works out: each item's deadline (once per distinct text) and flags.
fn counts(s: &Snapshot, as_of: NaiveDate, rules: &FlagRules) -> Counts {
    let entries: HashMap<_, _> = s.entries.iter().map(|(id, e)| (*id, e)).collect();
    let mut cache = DeadlineCache::default();
    let mut counts = Counts::default();
    for item in &s.items {
        let entry = entries.get(&item.id);
        let assessment = entry.map_or("", |e| e.assessment.as_str());
        let review = entry.map_or(Review::Open, |e| e.review);
        counts.add(
            cache.item_deadline(item, s.period.id, s.plan.years).flags(assessment, s.period.id, as_of, rules),
            review,
        );
    }
    counts
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(5));
    targets = import_sample, snapshot_10k
}
criterion_main!(benches);
