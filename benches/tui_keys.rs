//! Key to frame: `update` with one key, then `view` drawn into an 80×24 `TestBackend`, on
//! the sample (72 items) and on a generated plan of 10,000 items (docs/performance.md).
//!
//!     cargo bench --bench tui_keys

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use otchet::dev::{GenOptions, Generated, generate};
use otchet::domain::Role;
use otchet::proto::{Request, Response};
use otchet::tui::action::Effect;
use otchet::tui::key::{Key, KeyCode};
use otchet::tui::test_support::{sample_snapshot, state_of};
use otchet::tui::theme::Theme;
use otchet::tui::{Action, State, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

type Term = Terminal<TestBackend>;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 4, 13).expect("a date")
}

/// The main screen on `items` items (0: the sample), the selection in the middle. A
/// generated plan is held as a TUI holds it from a server: the list, and the items near
/// the cursor whole with their texts, answered as the server would.
fn screen(items: usize) -> (State, Term) {
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    if items == 0 {
        let mut state = state_of(sample_snapshot(), as_of(), Role::Editor, Theme::ansi16());
        update(&mut state, Action::Resize(80, 24));
        let middle = state.main().map_or(0, |m| m.visible.len() / 2);
        for _ in 0..middle / 18 {
            update(&mut state, Action::Key(Key::plain(KeyCode::PageDown)));
        }
        frame(&mut state, &mut term);
        return (state, term);
    }
    let generated = generate(&GenOptions { items, periods: 1, seed: 1 }).expect("generated");
    let list = generated.snapshot(0).expect("Q1").into_list();
    let mut state = state_of(list, as_of(), Role::Editor, Theme::ansi16());
    let effect = update(&mut state, Action::Resize(80, 24));
    answer(&mut state, effect, &generated);
    let middle = state.main().map_or(0, |m| m.visible.len() / 2);
    for _ in 0..middle / 18 {
        let effect = update(&mut state, Action::Key(Key::plain(KeyCode::PageDown)));
        answer(&mut state, effect, &generated);
    }
    frame(&mut state, &mut term);
    (state, term)
}

/// Answers the items asked for whole (`Request::Shown`), as a server would.
fn answer(state: &mut State, effect: Effect, generated: &Generated) {
    match effect {
        Effect::Batch(all) => all.into_iter().for_each(|e| answer(state, e, generated)),
        Effect::Call { purpose, request: Request::Shown { item, .. } } => {
            let whole = generated.items.iter().find(|i| i.id == item).cloned().map(Box::new);
            let entry = generated.periods[0].1.iter().find(|(id, _)| *id == item).map(|(_, e)| e.clone());
            let effect = update(state, Action::Answer { purpose, result: Ok(Response::Shown { item: whole, entry }) });
            answer(state, effect, generated);
        }
        _ => {}
    }
}

fn frame(state: &mut State, term: &mut Term) {
    term.draw(|f| view(state, f)).expect("draw");
}

fn key_to_frame(state: &mut State, term: &mut Term, key: Key) {
    update(state, Action::Key(key));
    frame(state, term);
}

/// The sample and 10,000 items; `OTCHET_BENCH_ITEMS=100,1000,…` for others
/// (benches/scaling.sh), 0 standing for the sample.
fn sizes() -> Vec<(usize, String)> {
    let Ok(list) = std::env::var("OTCHET_BENCH_ITEMS") else {
        return vec![(0, "sample".into()), (10_000, "10000".into())];
    };
    list.split(',').filter_map(|n| n.trim().parse().ok()).map(|n: usize| (n, n.to_string())).collect()
}

fn move_selection(c: &mut Criterion) {
    let mut group = c.benchmark_group("move_selection");
    for (items, name) in sizes() {
        let (mut state, mut term) = screen(items);
        let mut down = true;
        group.bench_function(BenchmarkId::from_parameter(&name), |b| {
            b.iter(|| {
                // Down and up in turn: the selection stays in the middle of the list.
                let key = Key::plain(if down { KeyCode::Down } else { KeyCode::Up });
                down = !down;
                key_to_frame(&mut state, &mut term, key);
            })
        });
    }
    group.finish();
}

fn switch_filter(c: &mut Criterion) {
    let mut group = c.benchmark_group("switch_filter");
    for (items, name) in sizes() {
        let (mut state, mut term) = screen(items);
        // Round the five filters: all, overdue, no result, due soon, not done.
        group.bench_function(BenchmarkId::from_parameter(&name), |b| {
            b.iter(|| key_to_frame(&mut state, &mut term, Key::char('f')))
        });
    }
    group.finish();
}

fn type_character(c: &mut Criterion) {
    let mut group = c.benchmark_group("type_character");
    for (items, name) in sizes() {
        let (mut state, mut term) = screen(items);
        key_to_frame(&mut state, &mut term, Key::plain(KeyCode::Enter));
        key_to_frame(&mut state, &mut term, ctrl_end());
        group.bench_function(BenchmarkId::from_parameter(&name), |b| {
            // Untimed: take the letter back, so the text stays as it was.
            b.iter_custom(|iters| timed_then_undone(&mut state, &mut term, iters, Key::char('ж')))
        });
    }
    group.finish();
}

/// The screen on `items` items with «прокуро» typed into its search.
fn searching(items: usize) -> (State, Term) {
    let (mut state, mut term) = screen(items);
    key_to_frame(&mut state, &mut term, Key::char('/'));
    for letter in "прокуро".chars() {
        key_to_frame(&mut state, &mut term, Key::char(letter));
    }
    (state, term)
}

/// A letter typed into the search (`/`), after «прокуро»: the list narrowed to what holds
/// «прокурор» in its title, point, responsible, assessment or execution text (looking only
/// at what «прокуро» found).
fn search_keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("search_keystroke");
    for (items, name) in sizes() {
        let (mut state, mut term) = searching(items);
        group.bench_function(BenchmarkId::from_parameter(&name), |b| {
            // Untimed: back to «прокуро».
            b.iter_custom(|iters| timed_then_undone(&mut state, &mut term, iters, Key::char('р')))
        });
    }
    group.finish();
}

/// Backspace in the search, from «прокурор» back to «прокуро»: what «прокуро» showed is
/// taken back, nothing having changed since (`Main::refilter`).
fn search_backspace(c: &mut Criterion) {
    let mut group = c.benchmark_group("search_backspace");
    for (items, name) in sizes() {
        let (mut state, mut term) = searching(items);
        group.bench_function(BenchmarkId::from_parameter(&name), |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    key_to_frame(&mut state, &mut term, Key::char('р'));
                    let started = Instant::now();
                    key_to_frame(&mut state, &mut term, Key::plain(KeyCode::Backspace));
                    spent += started.elapsed();
                }
                spent
            })
        });
    }
    group.finish();
}

/// The first letter typed into an empty search: every row is looked at, the worst case of
/// a keystroke (as a Backspace after a row changed).
fn search_first_letter(c: &mut Criterion) {
    let mut group = c.benchmark_group("search_first_letter");
    for (items, name) in sizes() {
        let (mut state, mut term) = screen(items);
        key_to_frame(&mut state, &mut term, Key::char('/'));
        group.bench_function(BenchmarkId::from_parameter(&name), |b| {
            // Untimed: back to the empty search.
            b.iter_custom(|iters| timed_then_undone(&mut state, &mut term, iters, Key::char('п')))
        });
    }
    group.finish();
}

/// `key` to frame, timed, then Backspace and its frame untimed, `iters` times.
fn timed_then_undone(state: &mut State, term: &mut Term, iters: u64, key: Key) -> Duration {
    let mut spent = Duration::ZERO;
    for _ in 0..iters {
        let started = Instant::now();
        key_to_frame(state, term, key);
        spent += started.elapsed();
        key_to_frame(state, term, Key::plain(KeyCode::Backspace));
    }
    spent
}

/// To the end of the text, where people type.
fn ctrl_end() -> Key {
    Key { code: KeyCode::End, ctrl: true, alt: false }
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1));
    targets = move_selection, switch_filter, type_character, search_keystroke, search_backspace, search_first_letter
}
criterion_main!(benches);
