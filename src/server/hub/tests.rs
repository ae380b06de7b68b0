//! The hub with injected users (as SO_PEERCRED would name them) and socket pairs standing
//! in for clients: events, presence and roles. The real socket path is tested in
//! tests/server_*.rs.

use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::time::Duration;

use super::*;
use crate::domain::{Entry, EntryEdit, Report, ReportRow};
use crate::model::UserRecord;
use crate::proto::frame::{self, Frame, FrameBody, FrameError};
use crate::server::broadcast;
use crate::store::{Store, StoreOptions};

struct Fixture {
    hub: Hub,
    _dir: tempfile::TempDir,
    next: u64,
}

/// A client as the hub sees it, and the other end of its socket to read pushed events.
struct Peer {
    link: Arc<SessionLink>,
    wire: UnixStream,
}

impl Peer {
    fn next_event(&self) -> Option<Event> {
        match frame::read(&mut &self.wire) {
            Ok(Frame { body: FrameBody::Event(e), .. }) => Some(e),
            Err(FrameError::Io(e)) if matches!(e.kind(), std::io::ErrorKind::WouldBlock) => None,
            other => panic!("unexpected {other:?}"),
        }
    }

    fn events_until_quiet(&self) -> Vec<Event> {
        std::iter::from_fn(|| self.next_event()).collect()
    }
}

fn period() -> PeriodId {
    PeriodId::parse("2020-Q1").unwrap()
}

fn report() -> Report {
    let row = |point: &str| ReportRow {
        seq: format!("{point}."),
        point: format!("{point}."),
        title: format!("Мероприятие {point}"),
        deadline_text: "Ежеквартально".into(),
        info: String::new(),
        assessment: String::new(),
        ..ReportRow::default()
    };
    Report {
        title_lines: vec!["ОТЧЕТ".into()],
        organisation: "Администрация".into(),
        approved_by: "Постановление №1".into(),
        period: Some(period()),
        period_title: "I квартал 2020 года".into(),
        years: None,
        columns: crate::domain::form::standard_columns(),
        rows: vec![row("1"), row("2")],
        sections: vec![],
        signed_by: String::new(),
        executor: String::new(),
    }
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), &StoreOptions::default()).unwrap();
        let sessions = Arc::new(Sessions::default());
        let (events, _broadcaster) = broadcast::spawn(Arc::clone(&sessions)).unwrap();
        Fixture { hub: Hub::new(Service::new(store), sessions, events), _dir: dir, next: 0 }
    }

    fn connect(&mut self, uid: u32, name: &str) -> Peer {
        self.next += 1;
        let (server_end, wire) = UnixStream::pair().unwrap();
        wire.set_read_timeout(Some(Duration::from_millis(300))).unwrap();
        let link = Arc::new(SessionLink::new(self.next, Actor { uid, name: name.into() }, server_end));
        self.hub.connect(Arc::clone(&link));
        Peer { link, wire }
    }

    fn ask(&self, peer: &Peer, request: Request) -> Response {
        self.hub.handle(&peer.link, request)
    }
}

fn save(item: u32, base_revision: u64, info: &str) -> Request {
    Request::Save {
        edit: EntryEdit {
            period: period(),
            item: ItemId(item),
            base_revision,
            info: info.into(),
            assessment: String::new(),
        },
    }
}

fn saved(response: Response) -> Entry {
    match response {
        Response::Saved(SaveOutcome::Saved(entry)) => entry,
        other => panic!("not saved: {other:?}"),
    }
}

#[test]
fn saves_and_imports_reach_every_known_client_in_order() {
    let mut f = Fixture::new();
    let owner = f.connect(1000, "ivanova");
    assert!(matches!(
        f.ask(&owner, Request::Import { report: Box::new(report()), replace_edited: false, parts: 0 }),
        Response::Imported(_)
    ));
    let editor = f.connect(1001, "petrova");
    assert_eq!(
        f.ask(&owner, Request::AddUser { uid: 1001, user: UserRecord::new("petrova".into(), Role::Editor) }),
        Response::Done
    );
    assert!(matches!(f.ask(&editor, Request::Whoami), Response::Whoami { role: Role::Editor, .. }));
    assert_eq!(owner.events_until_quiet(), vec![Event::Reload]);
    assert_eq!(editor.events_until_quiet(), vec![], "the import was before the editor had a role");

    let first = saved(f.ask(&editor, save(1, 0, "первая")));
    let second = saved(f.ask(&owner, save(1, first.revision, "вторая")));
    let changed = |entry: &Entry| Event::EntryChanged { period: period(), item: ItemId(1), entry: entry.clone() };
    for peer in [&owner, &editor] {
        assert_eq!(peer.events_until_quiet(), vec![changed(&first), changed(&second)]);
    }
    // A conflict and a save of the same text change nothing, so nobody is told.
    assert!(matches!(f.ask(&editor, save(1, first.revision, "третья")), Response::Saved(SaveOutcome::Conflict { .. })));
    saved(f.ask(&owner, save(1, second.revision, "вторая")));
    assert_eq!(owner.events_until_quiet(), vec![]);
}

#[test]
fn presence_is_shown_to_others_and_released_on_save_and_disconnect() {
    let mut f = Fixture::new();
    let owner = f.connect(1000, "ivanova");
    assert!(matches!(
        f.ask(&owner, Request::Import { report: Box::new(report()), replace_edited: false, parts: 0 }),
        Response::Imported(_)
    ));
    assert_eq!(owner.events_until_quiet(), vec![Event::Reload]);
    let editing = |item: u32, users: &[&str]| Event::Editing {
        period: period(),
        item: ItemId(item),
        users: users.iter().map(|u| (*u).to_owned()).collect(),
    };

    assert_eq!(f.ask(&owner, Request::Editing { period: period(), item: ItemId(2), editing: true }), Response::Done);
    assert_eq!(owner.events_until_quiet(), vec![editing(2, &["ivanova"])]);
    // Who connects later first hears who is editing what.
    let second = f.connect(1000, "ivanova");
    assert!(matches!(f.ask(&second, Request::Whoami), Response::Whoami { .. }));
    assert_eq!(second.events_until_quiet(), vec![editing(2, &["ivanova"])]);

    let entry = saved(f.ask(&owner, save(2, 0, "готово")));
    let changed = Event::EntryChanged { period: period(), item: ItemId(2), entry };
    assert_eq!(second.events_until_quiet(), vec![changed, editing(2, &[])]);
    assert!(f.hub.editors((period(), ItemId(2))).is_empty());
    owner.events_until_quiet();

    assert_eq!(f.ask(&second, Request::Editing { period: period(), item: ItemId(1), editing: true }), Response::Done);
    assert_eq!(owner.events_until_quiet(), vec![editing(1, &["ivanova"])]);
    f.hub.disconnect(second.link.id);
    assert_eq!(owner.events_until_quiet(), vec![editing(1, &[])]);
}

#[test]
fn a_stranger_is_refused_and_hears_nothing_and_a_viewer_cannot_save() {
    let mut f = Fixture::new();
    let owner = f.connect(1000, "ivanova");
    assert!(matches!(
        f.ask(&owner, Request::Import { report: Box::new(report()), replace_edited: false, parts: 0 }),
        Response::Imported(_)
    ));
    let stranger = f.connect(1002, "sidorov");
    let refusal = f.ask(&stranger, Request::Snapshot { period: None });
    assert_eq!(refusal, Response::Error(ApiError::NotAUser { name: "sidorov".into() }));
    assert!(refusal_text(&refusal).contains("otchet users add sidorov"), "{}", refusal_text(&refusal));

    f.ask(&owner, Request::AddUser { uid: 1003, user: UserRecord::new("smirnova".into(), Role::Viewer) });
    let viewer = f.connect(1003, "smirnova");
    assert!(matches!(f.ask(&viewer, Request::Snapshot { period: None }), Response::Snapshot(Some(_))));
    let refusal = f.ask(&viewer, save(1, 0, "нельзя"));
    assert_eq!(
        refusal,
        Response::Error(ApiError::Forbidden { name: "smirnova".into(), role: Role::Viewer, needed: Role::Editor })
    );
    assert_eq!(f.ask(&viewer, Request::Editing { period: period(), item: ItemId(1), editing: true }), Response::Done);

    saved(f.ask(&owner, save(1, 0, "сделано")));
    assert!(stranger.events_until_quiet().is_empty(), "events are only for users of the store");
    let seen = viewer.events_until_quiet();
    assert!(seen.iter().any(|e| matches!(e, Event::EntryChanged { .. })), "{seen:?}");
    assert!(f.hub.may_stop(&Actor { uid: 1003, name: "smirnova".into() }).is_err());
    assert!(f.hub.may_stop(&Actor { uid: 1000, name: "ivanova".into() }).is_ok());
}

fn refusal_text(response: &Response) -> String {
    crate::i18n::set_lang(crate::i18n::Lang::Ru);
    match response {
        Response::Error(e) => e.to_string(),
        other => format!("{other:?}"),
    }
}

#[test]
#[cfg_attr(not(otchet_hunspell_ru), ignore = "needs hunspell-ru (apt-get install -y hunspell-ru)")]
fn spelling_is_one_dictionary_for_all_with_the_stores_added_words_told_to_everyone() {
    let mut f = Fixture::new();
    let owner = f.connect(1000, "ivanova");
    let viewer = f.connect(1002, "sidorov");
    f.ask(&owner, Request::AddUser { uid: 1002, user: UserRecord::new("sidorov".into(), Role::Viewer) });
    owner.events_until_quiet();
    let words: Vec<String> = ["коррупции", "коррупцыи", "ОМСУ"].map(String::from).to_vec();
    assert_eq!(
        f.ask(&viewer, Request::Spelling { words: words.clone() }),
        Response::Misspelt(vec!["ОМСУ".into(), "коррупцыи".into()])
    );
    let Response::Suggestions(s) = f.ask(&viewer, Request::Suggest { word: "коррупцыи".into() }) else {
        panic!("suggestions")
    };
    assert!(s.contains(&"коррупции".to_owned()), "{s:?}");
    assert!(matches!(
        f.ask(&viewer, Request::AddWord { word: "ОМСУ".into() }),
        Response::Error(ApiError::Forbidden { .. })
    ));
    assert!(matches!(
        f.ask(&owner, Request::AddWord { word: "два слова".into() }),
        Response::Error(ApiError::BadRequest { .. })
    ));
    let Response::Settings(settings) = f.ask(&owner, Request::AddWord { word: "ОМСУ".into() }) else {
        panic!("added")
    };
    assert_eq!(settings.words, ["ОМСУ"]);
    assert_eq!(viewer.events_until_quiet(), vec![Event::Settings(settings)], "everyone is told");
    assert_eq!(f.ask(&viewer, Request::Spelling { words }), Response::Misspelt(vec!["коррупцыи".into()]));
}

#[test]
fn a_server_without_a_dictionary_says_so_and_serves_on() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), &StoreOptions::default()).unwrap();
    let service = Service::new(store).with_dictionary(Some(dir.path().join("нет/ru_RU")));
    let actor = crate::domain::Actor { uid: 1000, name: "ivanova".into() };
    let ask = |r| service.handle(&actor, crate::domain::Stamp(1), r);
    let Response::Error(e @ ApiError::NoDictionary { missing: true, .. }) =
        ask(Request::Spelling { words: vec!["слово".into()] })
    else {
        panic!("no dictionary")
    };
    assert!(e.to_string().contains("hunspell-ru"), "{e}");
    assert!(matches!(ask(Request::Whoami), Response::Whoami { .. }));
    let off = Service::new(Store::open(tempfile::tempdir().unwrap().path(), &StoreOptions::default()).unwrap());
    let off = off.with_dictionary(None);
    assert!(matches!(
        off.handle(&actor, crate::domain::Stamp(1), Request::Suggest { word: "а".into() }),
        Response::Error(_)
    ));
}

#[test]
fn the_frame_a_peer_may_send_grows_with_its_role() {
    use crate::proto::frame::{MAX_FRAME_BYTES, MAX_TRUSTED_FRAME_BYTES};
    let mut f = Fixture::new();
    let stranger = crate::domain::Actor { uid: 4242, name: "stranger".into() };
    assert_eq!(f.hub.frame_limit(&stranger), MAX_FRAME_BYTES, "a new store's first user is its admin to be");
    let owner = f.connect(1000, "ivanova");
    assert!(matches!(f.ask(&owner, Request::Whoami), Response::Whoami { role: Role::Admin, .. }));
    f.ask(&owner, Request::AddUser { uid: 1001, user: UserRecord::new("petrova".into(), Role::Editor) });
    f.ask(&owner, Request::AddUser { uid: 1002, user: UserRecord::new("sidorov".into(), Role::Viewer) });
    let limit = |uid: u32, name: &str| f.hub.frame_limit(&crate::domain::Actor { uid, name: name.into() });
    assert_eq!(limit(1000, "ivanova"), MAX_TRUSTED_FRAME_BYTES);
    assert_eq!(limit(1001, "petrova"), EDITOR_FRAME_BYTES);
    assert_eq!(limit(1002, "sidorov"), VIEWER_FRAME_BYTES);
    assert_eq!(limit(4242, "stranger"), VIEWER_FRAME_BYTES, "no role: a question at most");
    assert!(EDITOR_FRAME_BYTES as usize > 2 * crate::domain::limits::MAX_TEXT_BYTES);
}
