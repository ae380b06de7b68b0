//! A screen loads what it shows: the list of a period comes without its execution texts,
//! a TUI on 10,000 items asks for the text of the item it shows (and of its nearest
//! neighbours, so that moving on is instant), never for the 10,000; a search of the texts
//! goes to the server; and an edit made elsewhere still shows in a TUI that holds only the
//! list and another item's text.

mod common;

use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::Sandbox;
use otchet::client::{Client, ClientError, EventSink, RemoteTransport, Transport};
use otchet::dev::generate::{GenOptions, generate};
use otchet::domain::{EntryEdit, Role};
use otchet::proto::{Event, Request, Response};
use otchet::tui::action::{Action, Effect};
use otchet::tui::key::Key;
use otchet::tui::state::{Focus, State};
use otchet::tui::test_support::{as_of, state_of};
use otchet::tui::theme::Theme;

/// A transport that remembers every request it passes on.
struct Counting {
    inner: RemoteTransport,
    seen: Arc<Mutex<Vec<Request>>>,
}

impl Transport for Counting {
    fn call(&mut self, request: Request) -> Result<Response, ClientError> {
        self.seen.lock().unwrap().push(request.clone());
        self.inner.call(request)
    }

    fn set_event_sink(&mut self, sink: EventSink) {
        self.inner.set_event_sink(sink);
    }
}

struct Tui {
    state: State,
    client: Client,
    seen: Arc<Mutex<Vec<Request>>>,
    events: Receiver<Event>,
}

impl Tui {
    fn open(sb: &Sandbox) -> Tui {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let inner = RemoteTransport::connect(&sb.server_paths(), None).unwrap();
        let mut client = Client::new(Box::new(Counting { inner, seen: Arc::clone(&seen) }));
        let (tx, events) = channel();
        client.set_event_sink(Box::new(move |e| {
            let _ = tx.send(e);
        }));
        // The state starts on the loading screen; the first effect is the runtime's.
        let mut state = state_of(otchet::tui::test_support::sample_snapshot(), as_of(), Role::Editor, Theme::ansi16());
        state.screen = otchet::tui::state::Screen::Loading;
        let mut tui = Tui { state, client, seen, events };
        tui.run(otchet::tui::first_load(None));
        tui
    }

    /// Carries out the effects' calls as the runtime's worker would, and their answers'.
    fn run(&mut self, effect: Effect) {
        let mut queue = vec![effect];
        while let Some(effect) = queue.pop() {
            match effect {
                Effect::Batch(all) => queue.extend(all),
                Effect::Call { purpose, request } => {
                    let result = self.client.call(request);
                    queue.push(otchet::tui::update(&mut self.state, Action::Answer { purpose, result }));
                }
                _ => {}
            }
        }
    }

    fn press(&mut self, key: Key) {
        let effect = otchet::tui::update(&mut self.state, Action::Key(key));
        self.run(effect);
    }

    fn requests(&self, wanted: fn(&Request) -> bool) -> usize {
        self.seen.lock().unwrap().iter().filter(|r| wanted(r)).count()
    }
}

fn is_shown(r: &Request) -> bool {
    matches!(r, Request::Shown { .. })
}

fn ten_thousand(sb: &Sandbox) -> (otchet::dev::generate::Generated, common::server::ServerProcess) {
    let generated = generate(&GenOptions { items: 10_000, periods: 1, seed: 3 }).unwrap();
    let server = sb.start_server(&["--idle-timeout", "30"]);
    sb.client().import(generated.report(0).unwrap()).unwrap();
    (generated, server)
}

#[test]
fn the_list_carries_no_execution_text_and_the_snapshot_does() {
    let sb = Sandbox::new();
    let (generated, _server) = ten_thousand(&sb);
    let mut client = sb.client();
    let list = client.list(None).unwrap().unwrap();
    assert!(!list.texts);
    assert_eq!(list.items.len(), 10_000);
    assert!(list.entries.iter().all(|(_, e)| e.info.is_empty()), "no execution text in the list");
    // Nor a long title whole: its start and end, as the list shows them.
    let widest = list.items.iter().map(|i| otchet::text_width::width(&i.title)).max().unwrap();
    let longest = generated.items.iter().map(|i| otchet::text_width::width(&i.title)).max().unwrap();
    assert!(widest <= 159 && longest > 300, "sketches of {widest} columns, titles of up to {longest}");
    // The item shown comes whole, with its text.
    let far = &generated.items[7_000];
    let shown = client.call(Request::Shown { period: list.period.id, item: far.id }).unwrap();
    let Response::Shown { item: Some(item), entry: Some(entry) } = shown else { panic!("{shown:?}") };
    let written = generated.periods[0].1.iter().find(|(id, _)| *id == far.id).map(|(_, e)| e.info.as_str());
    assert_eq!((item.title.as_str(), Some(entry.info.as_str())), (far.title.as_str(), written));
    // In parts, the same list.
    let (mut items, mut entries, mut after) = (Vec::new(), Vec::new(), None);
    loop {
        let part = client.call(Request::ListPart { period: None, after, max: 3_000 }).unwrap();
        let Response::Snapshot(Some(part)) = part else { panic!("{part:?}") };
        let n = part.items.len();
        after = part.items.last().map(|i| i.id);
        items.extend(part.items);
        entries.extend(part.entries);
        if n < 3_000 {
            break;
        }
    }
    assert_eq!((items, entries), (list.items.clone(), list.entries.clone()));
    let whole = client.snapshot(None).unwrap().unwrap();
    assert!(whole.texts);
    assert!(whole.entries.iter().filter(|(_, e)| !e.info.is_empty()).count() > 9_000);
    // Everything else is the same: revisions, assessments, review states.
    for ((_, lean), (_, full)) in list.entries.iter().zip(&whole.entries) {
        assert_eq!((lean.revision, &lean.assessment, lean.review), (full.revision, &full.assessment, full.review));
    }
    let found = client.call(Request::Search { period: list.period.id, query: "ЗАСЕДАНИЕ".into() }).unwrap();
    let Response::Found { items, .. } = found else { panic!("{found:?}") };
    let by_text = generated.periods[0].1.iter().filter(|(_, e)| e.info.to_lowercase().contains("заседание")).count();
    assert!(items.len() >= by_text && by_text > 0, "{} found, {by_text} texts hold it", items.len());
}

#[test]
fn a_tui_on_ten_thousand_items_asks_for_the_texts_it_shows_only() {
    let sb = Sandbox::new();
    let (generated, _server) = ten_thousand(&sb);
    let mut tui = Tui::open(&sb);
    assert_eq!(tui.requests(|r| matches!(r, Request::Snapshot { .. })), 0, "never the whole period");
    // The first rows come first, then the rest in parts.
    assert_eq!(tui.requests(|r| matches!(r, Request::List { .. })), 0);
    let first_part = |r: &Request| matches!(r, Request::ListPart { after: None, max: 200, .. });
    assert_eq!((tui.requests(first_part), tui.requests(|r| matches!(r, Request::ListPart { .. }))), (1, 11));
    let main = tui.state.main().unwrap();
    assert!(main.rows.len() == 10_000 && main.counts.items == 10_000 && !main.loading);
    let first = tui.requests(is_shown);
    assert!((1..=5).contains(&first), "the shown item's text and its neighbours': {first}");
    let main = tui.state.main().unwrap();
    let shown = main.selected().unwrap();
    assert!(shown.text_loaded() && shown.whole.is_some());
    assert_eq!(shown.title(), generated.items[0].title, "the shown item's title whole");
    let editor = main.editor.as_ref().expect("the editor is open on the shown item");
    assert_eq!(editor.item, shown.item.id);
    assert_eq!(editor.info_text(), shown.info());
    // Moving down asks for one more neighbour each step, at most.
    for _ in 0..20 {
        tui.press(Key::char('j'));
    }
    let after = tui.requests(is_shown);
    assert!(after - first <= 20, "{} texts asked for 20 steps", after - first);
    let main = tui.state.main().unwrap();
    assert!(main.selected().unwrap().text_loaded() && main.editor.is_some());
    // 80 steps on, the first items held are let go: back to their sketches, no text.
    for _ in 0..80 {
        tui.press(Key::char('j'));
    }
    let main = tui.state.main().unwrap();
    let loaded = main.rows.iter().filter(|r| r.text_loaded() || r.whole.is_some()).count();
    assert!(loaded <= 64 + 5, "{loaded} texts and whole items held");
    let sketched = |r: &otchet::tui::state::Row| {
        otchet::text_width::width(&r.item.title) <= 30 + 4 + 19 + 1 && r.info().is_empty()
    };
    assert!(main.rows[..10].iter().all(|r| r.whole.is_none() && !r.text_loaded() && sketched(r)), "let go");
    assert!(main.selected().unwrap().whole.is_some(), "the shown item whole");
    // A search finds an item by a text the TUI does not hold: the server searched it.
    let (far, text) = &generated.periods[0].1[7_000];
    let word = text.info.split_whitespace().find(|w| w.chars().count() >= 6).expect("a long word");
    let words: String = word.chars().take(6).collect();
    assert!(!tui.state.main().unwrap().rows[7_000].text_loaded());
    tui.press(Key::char('/'));
    for c in words.chars() {
        tui.press(Key::char(c));
    }
    assert_eq!(tui.requests(|r| matches!(r, Request::Search { .. })), words.chars().count(), "one search a keystroke");
    let main = tui.state.main().unwrap();
    assert!(main.visible.iter().any(|&i| main.rows[i].item.id == *far), "«{words}» finds item {far:?}");
}

#[test]
fn an_edit_elsewhere_shows_in_a_tui_that_holds_only_the_list() {
    let sb = Sandbox::new();
    let (_generated, _server) = ten_thousand(&sb);
    let mut tui = Tui::open(&sb);
    let main = tui.state.main().unwrap();
    let (period, far) = (main.period.id, main.rows[5_000].item.id);
    assert!(!main.rows[5_000].text_loaded(), "far from the cursor: not fetched");
    let base = main.rows[5_000].entry.revision;
    let mut other = sb.client();
    let edit = EntryEdit {
        period,
        item: far,
        base_revision: base,
        info: "Сделано в другом окне".into(),
        assessment: "выполнено".into(),
    };
    other.save(edit).unwrap();
    let event = tui.events.recv_timeout(Duration::from_secs(10)).expect("the change is pushed");
    let effect = otchet::tui::update(&mut tui.state, Action::Remote(event));
    tui.run(effect);
    let main = tui.state.main().unwrap();
    let row = &main.rows[5_000];
    assert_eq!(row.info(), "Сделано в другом окне");
    assert_eq!(row.entry.revision, base + 1);
    assert!(row.flags.done, "its flags follow");
    // The shown item is untouched, its text still there to edit.
    let shown = tui.state.main().unwrap().selected().unwrap();
    assert!(shown.text_loaded() && !shown.info().is_empty());
    tui.press(Key::plain(otchet::tui::key::KeyCode::Enter));
    assert_eq!(tui.state.main().unwrap().focus, Focus::Editor);
}

/// `status` (text) gets from the server the counts and the items it lists, no more: the
/// same counts and items as working them out over the whole list, in a tenth of the items;
/// and its index follows an entry saved since.
#[test]
fn the_status_list_is_worked_out_by_the_server_and_carries_only_the_listed_items() {
    use otchet::domain::FlagRules;
    let sb = Sandbox::new();
    let (_generated, _server) = ten_thousand(&sb);
    let mut client = sb.client();
    let list = client.list(None).unwrap().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2020, 4, 13).unwrap();
    let rules = FlagRules::default();
    let everyone = flagged_items(&list, day, &rules, None);
    let flagged = client.flagged(None, (Some(day), day), rules.clone(), None).unwrap().unwrap();
    assert_eq!(flagged.counts, everyone.0);
    assert_eq!(flagged.listed, everyone.1);
    assert!(flagged.listed.len() < 3_000 && flagged.counts.items == 10_000, "{} items sent", flagged.listed.len());
    assert!(flagged.listed.iter().all(|i| i.title_start.chars().count() < 80), "only a title's start");
    // An entry saved since: the next status has it done, not listed.
    let first = &flagged.listed[0];
    let item = list.items.iter().find(|i| i.point_label() == first.point).unwrap();
    let base = list.entries.iter().find(|(id, _)| *id == item.id).map_or(0, |(_, e)| e.revision);
    let edit = EntryEdit {
        period: list.period.id,
        item: item.id,
        base_revision: base,
        info: "Сделано".into(),
        assessment: "Выполнено в срок".into(),
    };
    client.save(edit).unwrap();
    let after = client.flagged(None, (Some(day), day), rules.clone(), None).unwrap().unwrap();
    assert_eq!(after.counts.done, flagged.counts.done + 1);
    assert!(!after.listed.iter().any(|i| i.point == first.point), "{} is done now", first.point);
    // Narrowed to a responsible: counted over their items only.
    let theirs = ["Отдел кадров".to_owned()];
    for item in list.items.iter().step_by(100) {
        let set = Request::SetResponsible { plan: list.plan.id, item: item.id, responsible: theirs[0].clone() };
        assert_eq!(client.call(set).unwrap(), Response::Done);
    }
    let list = client.list(None).unwrap().unwrap();
    let mine = client.flagged(None, (Some(day), day), rules.clone(), Some(theirs.to_vec())).unwrap().unwrap();
    let expected = flagged_items(&list, day, &rules, Some(&theirs));
    assert_eq!((mine.counts, &mine.listed), (expected.0, &expected.1));
    assert!(mine.counts.items < 10_000);
    // The counts alone (`status --json`, `period list`): the same, no item sent.
    let counts = client.counts(None, (Some(day), day), rules.clone(), Some(theirs.to_vec())).unwrap().unwrap();
    assert_eq!((counts.counts, counts.listed.len()), (expected.0, 0));
    // The text status asks for just that.
    let out = sb.run(&["status", "--as-of", "2020-04-13"]);
    common::assert_ok(&out);
    let first = common::stdout(&out).lines().nth(1).unwrap_or_default().to_owned();
    assert!(first.contains("10000 пунктов"), "{first}");
}

/// The counts and listed items of a whole list, worked out here from each item's flags.
fn flagged_items(
    list: &otchet::model::Snapshot,
    as_of: chrono::NaiveDate,
    rules: &otchet::domain::FlagRules,
    answering: Option<&[String]>,
) -> (otchet::domain::Counts, Vec<otchet::model::FlaggedItem>) {
    let (period, years) = (list.period.id, list.plan.years);
    let entries: std::collections::HashMap<_, _> = list.entries.iter().map(|(id, e)| (*id, e)).collect();
    let mut cache = otchet::domain::DeadlineCache::default();
    let mut counts = otchet::domain::Counts::default();
    let mut listed = Vec::new();
    for item in list.items.iter().filter(|i| answering.is_none_or(|names| i.answered_by(names))) {
        let deadline = cache.item_deadline(item, period, years);
        let (assessment, review) =
            entries.get(&item.id).map_or(("", Default::default()), |e| (&*e.assessment, e.review));
        let f = deadline.flags(assessment, period, as_of, rules);
        counts.add(f, review);
        if f.overdue || f.no_result {
            let due =
                if f.overdue { deadline.missed_due(period, as_of, f.no_result) } else { deadline.nearest_due(as_of) };
            listed.push(otchet::model::FlaggedItem {
                point: item.point_label().to_owned(),
                title_start: otchet::text_width::one_line_start(&item.title, otchet::model::FLAGGED_TITLE_WIDTH),
                overdue: f.overdue,
                no_result: f.no_result,
                due: due.map(|d| d.date),
            });
        }
    }
    (counts, listed)
}

/// The calls among an effect's.
fn calls(effect: Effect) -> Vec<Request> {
    match effect {
        Effect::Batch(all) => all.into_iter().flat_map(calls).collect(),
        Effect::Call { request, .. } => vec![request],
        _ => Vec::new(),
    }
}

/// A list's rows keep of each item its point, responsible and what a list of the
/// terminal's width shows of its title, not its deadline's words (their meaning is kept); a terminal widened past that room loads the
/// list again, whole, for the new room.
#[test]
fn a_list_keeps_of_its_titles_the_room_it_shows_and_widening_loads_it_again() {
    let generated = generate(&GenOptions { items: 300, periods: 1, seed: 5 }).unwrap();
    let whole = generated.snapshot(0).unwrap();
    let mut state = state_of(whole.clone().into_list(), as_of(), Role::Editor, Theme::ansi16());
    let narrow = otchet::tui::update(&mut state, Action::Resize(80, 24));
    assert!(!calls(narrow).iter().any(|r| matches!(r, Request::List { .. })), "80 columns: the list as it came");
    let main = state.main().unwrap();
    assert_eq!(main.sketch_room, 30);
    let longest = main.rows.iter().map(|r| otchet::text_width::width(&r.item.title)).max().unwrap();
    assert!(longest <= 30 + 4 + 19 + 1, "titles kept to {longest} columns");
    assert!(main.rows.iter().all(|r| r.whole.is_none()), "no item whole, nor its deadline's words");
    let at_once = otchet::tui::state::Main::from_snapshot(whole, (as_of(), &state.rules), 40);
    let flags = |m: &otchet::tui::state::Main| m.rows.iter().map(|r| r.flags).collect::<Vec<_>>();
    assert_eq!(flags(main), flags(&at_once), "the same flags as from the whole items");
    let wide = calls(otchet::tui::update(&mut state, Action::Resize(200, 50)));
    let period = state.main().unwrap().period.id;
    assert!(wide.contains(&Request::List { period: Some(period) }), "{wide:?}");
    assert_eq!(state.main().unwrap().sketch_room, 80);
    let again = calls(otchet::tui::update(&mut state, Action::Resize(190, 50)));
    assert!(!again.iter().any(|r| matches!(r, Request::List { .. })), "not again within the room");
}
