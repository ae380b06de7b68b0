//! What the TUI and the commands call. A `Client` sends requests through a transport:
//! over the server's socket (every command and the TUI), or in-process to a store this
//! process opened (the server itself, tests).

pub mod autostart;
mod local;
mod remote;
mod server_paths;
mod stop;
mod trust;

pub use local::LocalTransport;
pub use remote::RemoteTransport;
pub use server_paths::ServerPaths;
pub use stop::{Stopped, stop_server};

use std::fmt;

use crate::domain::{Entry, EntryEdit, Item, ItemId, Period, PeriodId, Plan, PlanId, Report, Review, Schedule};
use crate::model::{
    Draft, DumpAssembler, DumpPart, ImportOutcome, Me, PeriodOpened, PlanChange, PlanInfo, ReviewEvent, Revision,
    SaveOutcome, Settings, Snapshot, StoreDump, UserRecord, in_runs,
};
use crate::proto::{ApiError, Event, Request, Response};
use crate::tr;

/// Where pushed events go: the TUI forwards them into its own event loop.
pub type EventSink = Box<dyn Fn(Event) + Send>;

/// About how much text each part of a streamed import carries.
const IMPORT_PART_BYTES: usize = 1 << 20;

pub trait Transport: Send {
    fn call(&mut self, request: Request) -> Result<Response, ClientError>;

    /// A request followed by its parts (a streamed import), answered once; only a
    /// transport that `streams` takes parts.
    fn call_with_parts(&mut self, request: Request, parts: Vec<Request>) -> Result<Response, ClientError> {
        if parts.is_empty() { self.call(request) } else { Err(ClientError::UnexpectedResponse) }
    }

    /// Whether requests may be followed by parts: an in-process store takes a whole report.
    fn streams(&self) -> bool {
        false
    }

    /// The next answer to the request just sent, when its answers come in several (a dump).
    fn more(&mut self) -> Result<Response, ClientError> {
        Err(ClientError::UnexpectedResponse)
    }

    /// Gives up the answers still to come to the request just sent: the next call starts
    /// afresh (a new connection).
    fn abandon(&mut self) {}

    /// Events pushed by a server; an in-process store has none to push.
    fn set_event_sink(&mut self, _sink: EventSink) {}
}

#[derive(Debug)]
pub enum ClientError {
    Api(ApiError),
    /// The connection to the server failed.
    Connection {
        detail: String,
    },
    /// The server did not answer in time; the connection was given up.
    Timeout {
        secs: u64,
    },
    UnexpectedResponse,
}

impl ClientError {
    pub fn is_user_error(&self) -> bool {
        matches!(self, ClientError::Api(e) if e.is_user_error())
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Api(e) => e.fmt(f),
            ClientError::Connection { detail } => f.write_str(&tr!("client-connection-failed", detail = detail)),
            ClientError::Timeout { secs } => f.write_str(&tr!("client-timeout", secs = *secs)),
            ClientError::UnexpectedResponse => f.write_str(&tr!("client-unexpected-response")),
        }
    }
}

impl std::error::Error for ClientError {}

impl From<ApiError> for ClientError {
    fn from(e: ApiError) -> Self {
        ClientError::Api(e)
    }
}

pub struct Client {
    transport: Box<dyn Transport>,
}

macro_rules! expect {
    ($response:expr, $pattern:pat => $value:expr) => {
        match $response {
            $pattern => Ok($value),
            Response::Error(e) => Err(ClientError::Api(e)),
            _ => Err(ClientError::UnexpectedResponse),
        }
    };
}

impl Client {
    pub fn new(transport: Box<dyn Transport>) -> Self {
        Self { transport }
    }

    /// Any request; the typed calls below check the response's kind.
    pub fn call(&mut self, request: Request) -> Result<Response, ClientError> {
        self.transport.call(request)
    }

    pub fn whoami(&mut self) -> Result<Me, ClientError> {
        expect!(self.call(Request::Whoami)?, Response::Whoami { actor, role, responsible } => Me { actor, role, responsible })
    }

    pub fn snapshot(&mut self, period: Option<PeriodId>) -> Result<Option<Snapshot>, ClientError> {
        expect!(self.call(Request::Snapshot { period })?, Response::Snapshot(s) => s.map(|b| *b))
    }

    /// `status --json`'s output as the server makes it (`Request::StatusJson`), in parts:
    /// the first, and whether it is the last; `more_json` gives the next. `None` when the
    /// store holds no plan yet.
    pub fn status_json(
        &mut self,
        period: Option<PeriodId>,
        (as_of, today): (Option<chrono::NaiveDate>, chrono::NaiveDate),
        rules: crate::domain::FlagRules,
        responsible: Option<Vec<String>>,
    ) -> Result<(Option<Vec<u8>>, bool), ClientError> {
        let asked = Request::StatusJson { period, as_of, today, rules, responsible };
        expect!(self.call(asked)?, Response::StatusJson { json, last } => (json.map(|j| j.0), last))
    }

    /// The next part of `status_json`'s output.
    pub fn more_json(&mut self) -> Result<(Vec<u8>, bool), ClientError> {
        let (json, last) = expect!(self.transport.more()?, Response::StatusJson { json, last } => (json, last))?;
        Ok((json.map(|j| j.0).ok_or(ClientError::UnexpectedResponse)?, last))
    }

    /// Gives up the parts of `status_json` still to come.
    pub fn abandon(&mut self) {
        self.transport.abandon();
    }

    /// A period's list: as `snapshot`, without the execution texts.
    pub fn list(&mut self, period: Option<PeriodId>) -> Result<Option<Snapshot>, ClientError> {
        expect!(self.call(Request::List { period })?, Response::Snapshot(s) => s.map(|b| *b))
    }

    /// What `status` (text) shows, worked out by the server (see `Request::Flagged`).
    pub fn flagged(
        &mut self,
        period: Option<PeriodId>,
        (as_of, today): (Option<chrono::NaiveDate>, chrono::NaiveDate),
        rules: crate::domain::FlagRules,
        responsible: Option<Vec<String>>,
    ) -> Result<Option<crate::model::Flagged>, ClientError> {
        self.ask_flagged(Request::Flagged { period, as_of, today, rules, responsible, listed: true })
    }

    /// As `flagged`, the counts alone: `listed` is empty.
    pub fn counts(
        &mut self,
        period: Option<PeriodId>,
        (as_of, today): (Option<chrono::NaiveDate>, chrono::NaiveDate),
        rules: crate::domain::FlagRules,
        responsible: Option<Vec<String>>,
    ) -> Result<Option<crate::model::Flagged>, ClientError> {
        self.ask_flagged(Request::Flagged { period, as_of, today, rules, responsible, listed: false })
    }

    fn ask_flagged(&mut self, asked: Request) -> Result<Option<crate::model::Flagged>, ClientError> {
        expect!(self.call(asked)?, Response::Flagged(f) => f.map(|b| *b))
    }

    pub fn entry(&mut self, period: PeriodId, item: ItemId) -> Result<Option<crate::domain::Entry>, ClientError> {
        expect!(self.call(Request::Entry { period, item })?, Response::Entry(e) => e)
    }

    pub fn import(&mut self, report: Report) -> Result<ImportOutcome, ClientError> {
        self.import_with(report, false)
    }

    /// Over a socket the rows go apart from the report, in parts of about a megabyte, so
    /// that the server never holds the whole document.
    pub fn import_with(&mut self, mut report: Report, replace_edited: bool) -> Result<ImportOutcome, ClientError> {
        let parts = if self.transport.streams() { report.take_rows(IMPORT_PART_BYTES) } else { Vec::new() };
        let count = u32::try_from(parts.len()).map_err(|_| ClientError::UnexpectedResponse)?;
        let request = Request::Import { report: Box::new(report), replace_edited, parts: count };
        let parts = parts.into_iter().map(|rows| Request::ImportRows { rows }).collect();
        expect!(self.transport.call_with_parts(request, parts)?, Response::Imported(o) => o)
    }

    pub fn save(&mut self, edit: EntryEdit) -> Result<SaveOutcome, ClientError> {
        expect!(self.call(Request::Save { edit })?, Response::Saved(o) => o)
    }

    pub fn history(&mut self, period: PeriodId, item: ItemId) -> Result<Vec<Revision>, ClientError> {
        expect!(self.call(Request::History { period, item })?, Response::History(h) => h)
    }

    pub fn restore(
        &mut self,
        period: PeriodId,
        item: ItemId,
        revision: u64,
        base_revision: u64,
    ) -> Result<SaveOutcome, ClientError> {
        expect!(self.call(Request::Restore { period, item, revision, base_revision })?, Response::Saved(o) => o)
    }

    pub fn put_draft(&mut self, period: PeriodId, item: ItemId, draft: Draft) -> Result<(), ClientError> {
        expect!(self.call(Request::PutDraft { period, item, draft })?, Response::Done => ())
    }

    pub fn delete_draft(&mut self, period: PeriodId, item: ItemId) -> Result<(), ClientError> {
        expect!(self.call(Request::DeleteDraft { period, item })?, Response::Done => ())
    }

    pub fn set_schedule(&mut self, plan: PlanId, item: ItemId, schedule: Option<Schedule>) -> Result<(), ClientError> {
        expect!(self.call(Request::SetSchedule { plan, item, schedule })?, Response::Done => ())
    }

    pub fn plans(&mut self) -> Result<Vec<PlanInfo>, ClientError> {
        expect!(self.call(Request::Plans)?, Response::Plans(p) => p)
    }

    pub fn items(&mut self, plan: PlanId) -> Result<Vec<Item>, ClientError> {
        expect!(self.call(Request::Items { plan })?, Response::Items(i) => i)
    }

    pub fn set_plan(&mut self, plan: PlanId, change: PlanChange) -> Result<Plan, ClientError> {
        expect!(self.call(Request::SetPlan { plan, change })?, Response::Plan(p) => p)
    }

    pub fn set_responsible(&mut self, plan: PlanId, item: ItemId, responsible: String) -> Result<(), ClientError> {
        expect!(self.call(Request::SetResponsible { plan, item, responsible })?, Response::Done => ())
    }

    pub fn open_period(&mut self, period: PeriodId, copy_from: Option<PeriodId>) -> Result<PeriodOpened, ClientError> {
        expect!(self.call(Request::OpenPeriod { period, copy_from })?, Response::Opened(o) => o)
    }

    pub fn close_period(&mut self, period: PeriodId) -> Result<(), ClientError> {
        expect!(self.call(Request::ClosePeriod { period })?, Response::Done => ())
    }

    pub fn set_report_date(
        &mut self,
        period: PeriodId,
        date: Option<chrono::NaiveDate>,
    ) -> Result<Period, ClientError> {
        expect!(self.call(Request::SetReportDate { period, date })?, Response::Period(p) => p)
    }

    pub fn set_review(&mut self, period: PeriodId, item: ItemId, review: Review) -> Result<Option<Entry>, ClientError> {
        expect!(self.call(Request::SetReview { period, item, review })?, Response::Entry(e) => e)
    }

    pub fn reviews(&mut self, period: PeriodId, item: ItemId) -> Result<Vec<ReviewEvent>, ClientError> {
        expect!(self.call(Request::Reviews { period, item })?, Response::Reviews(r) => r)
    }

    pub fn my_drafts(&mut self) -> Result<Vec<(PeriodId, ItemId)>, ClientError> {
        expect!(self.call(Request::MyDrafts)?, Response::DraftPlaces(d) => d)
    }

    pub fn settings(&mut self) -> Result<Settings, ClientError> {
        expect!(self.call(Request::Settings)?, Response::Settings(s) => s)
    }

    pub fn set_settings(&mut self, settings: Settings) -> Result<(), ClientError> {
        expect!(self.call(Request::SetSettings { settings })?, Response::Done => ())
    }

    pub fn users(&mut self) -> Result<Vec<(u32, UserRecord)>, ClientError> {
        expect!(self.call(Request::Users)?, Response::Users(u) => u)
    }

    pub fn add_user(&mut self, uid: u32, user: UserRecord) -> Result<(), ClientError> {
        expect!(self.call(Request::AddUser { uid, user })?, Response::Done => ())
    }

    pub fn remove_user(&mut self, uid: u32) -> Result<(), ClientError> {
        expect!(self.call(Request::RemoveUser { uid })?, Response::Done => ())
    }

    pub fn set_editing(&mut self, period: PeriodId, item: ItemId, editing: bool) -> Result<(), ClientError> {
        expect!(self.call(Request::Editing { period, item, editing })?, Response::Done => ())
    }

    /// The whole store, read at one moment, a part at a time to `take` as it comes: the
    /// store is never whole in memory on either side. A part `take` refuses ends the call.
    pub fn dump_to<E: From<ClientError>>(&mut self, mut take: impl FnMut(DumpPart) -> Result<(), E>) -> Result<(), E> {
        let mut answer = self.call(Request::Dump)?;
        loop {
            let last = match answer {
                Response::DumpParts { parts, last } => {
                    if let Err(e) = parts.into_iter().try_for_each(&mut take) {
                        if !last {
                            self.transport.abandon();
                        }
                        return Err(e);
                    }
                    last
                }
                Response::Error(e) => return Err(ClientError::Api(e).into()),
                _ => return Err(ClientError::UnexpectedResponse.into()),
            };
            if last {
                return Ok(());
            }
            answer = self.transport.more()?;
        }
    }

    /// The whole store as one value.
    pub fn dump(&mut self) -> Result<StoreDump, ClientError> {
        let mut assembler = DumpAssembler::default();
        self.dump_to(|part| {
            assembler.add(part);
            Ok::<(), ClientError>(())
        })?;
        Ok(assembler.finish())
    }

    /// Loads a dump into an empty store, sent in parts of about a megabyte.
    pub fn load_dump(&mut self, dump: StoreDump) -> Result<(), ClientError> {
        let parts = dump.into_parts();
        let answer = if self.transport.streams() {
            let frames: Vec<Request> =
                in_runs(parts, DumpPart::weight).into_iter().map(|parts| Request::LoadDumpParts { parts }).collect();
            let more = u32::try_from(frames.len()).map_err(|_| ClientError::UnexpectedResponse)?;
            self.transport.call_with_parts(Request::LoadDump { parts: Vec::new(), more }, frames)?
        } else {
            self.call(Request::LoadDump { parts, more: 0 })?
        };
        expect!(answer, Response::Done => ())
    }

    /// Sends events the server pushes to `sink` (from the transport's reader thread).
    pub fn set_event_sink(&mut self, sink: EventSink) {
        self.transport.set_event_sink(sink);
    }
}
