//! What clients ask of the store and what they get back. The same types travel in-process
//! (a local store) and over the server's socket, so callers never know which it is.

mod error;
pub mod frame;

pub use error::{ApiError, BadRequest, StoreFault, describe_dump_problem};

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use crate::domain::{
    Actor, Entry, EntryEdit, FlagRules, Item, ItemId, Period, PeriodId, Plan, PlanId, Report, ReportRow, Review, Role,
    Schedule,
};
use crate::model::{
    Draft, DumpPart, Flagged, ImportOutcome, PeriodOpened, PlanChange, PlanInfo, ReviewEvent, Revision, SaveOutcome,
    Settings, Snapshot, UserRecord,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    Whoami,
    /// Everything a screen or a status report of one period needs; `None` means the
    /// store's latest period.
    Snapshot {
        period: Option<PeriodId>,
    },
    /// As `Snapshot`, without the execution texts (the list a screen or `status` shows).
    List {
        period: Option<PeriodId>,
    },
    /// As `List`, of at most `max` items after the item `after` (from the first when
    /// `None`): a screen draws its first rows before the rest of a long list has come.
    /// Fewer than `max` items: the list ends there.
    ListPart {
        period: Option<PeriodId>,
        after: Option<ItemId>,
        max: u32,
    },
    /// What `status` (text) shows: the counts and the overdue or resultless items of a
    /// period as of `as_of` (else its report date, else `today`), of the items `responsible`
    /// answer for (all when `None`), by the asker's rules.
    Flagged {
        period: Option<PeriodId>,
        as_of: Option<NaiveDate>,
        today: NaiveDate,
        rules: FlagRules,
        responsible: Option<Vec<String>>,
        /// Whether the overdue and resultless items come with the counts (`status`), or
        /// the counts alone (`status --json`, `period list`).
        listed: bool,
    },
    Entry {
        period: PeriodId,
        item: ItemId,
    },
    /// An item a screen shows: whole (a list's items are sketches, `Snapshot::texts`), with
    /// its entry and execution text.
    Shown {
        period: PeriodId,
        item: ItemId,
    },
    /// `status --json`'s whole output (cli.md) of a period (`None`: the store's latest) as
    /// of `as_of` (else its report date, else `today`), of the items `responsible` answer
    /// for (all when `None`), by the asker's rules: made by the server from the items it
    /// keeps rendered (`server::rendered`), sent in parts ahead of the last
    /// (`Response::StatusJson { last }`).
    StatusJson {
        period: Option<PeriodId>,
        as_of: Option<NaiveDate>,
        today: NaiveDate,
        rules: FlagRules,
        responsible: Option<Vec<String>>,
    },
    /// The items of a period whose title, execution text, assessment, responsible or
    /// point holds `query` (case and ё/е folded).
    Search {
        period: PeriodId,
        query: String,
    },
    /// A report to merge. With `parts` above 0 its rows follow in that many `ImportRows`
    /// requests before the answer (a large document is never one frame, nor whole in the
    /// server's memory).
    Import {
        report: Box<Report>,
        /// The document's texts win over those edited in the program since.
        replace_edited: bool,
        parts: u32,
    },
    /// A part of a streamed import's rows, in order; answered only as the import.
    ImportRows {
        rows: Vec<ReportRow>,
    },
    Save {
        edit: EntryEdit,
    },
    History {
        period: PeriodId,
        item: ItemId,
    },
    /// Brings an older text back as a new revision.
    Restore {
        period: PeriodId,
        item: ItemId,
        revision: u64,
        base_revision: u64,
    },
    PutDraft {
        period: PeriodId,
        item: ItemId,
        draft: Draft,
    },
    DeleteDraft {
        period: PeriodId,
        item: ItemId,
    },
    SetSchedule {
        plan: PlanId,
        item: ItemId,
        schedule: Option<Schedule>,
    },
    /// Every plan, with its item count and periods.
    Plans,
    /// A plan's items in plan order.
    Items {
        plan: PlanId,
    },
    SetPlan {
        plan: PlanId,
        change: PlanChange,
    },
    SetResponsible {
        plan: PlanId,
        item: ItemId,
        responsible: String,
    },
    /// Opens a period, carrying over the texts of `copy_from` when given.
    OpenPeriod {
        period: PeriodId,
        copy_from: Option<PeriodId>,
    },
    /// Takes back a period nothing was done in yet.
    ClosePeriod {
        period: PeriodId,
    },
    SetReportDate {
        period: PeriodId,
        date: Option<NaiveDate>,
    },
    /// Open or ready: an editor's; accepted, or anything from accepted: an admin's.
    SetReview {
        period: PeriodId,
        item: ItemId,
        review: Review,
    },
    /// A carried-over text kept as it is.
    ConfirmCarried {
        period: PeriodId,
        item: ItemId,
    },
    /// An entry's review changes, oldest first.
    Reviews {
        period: PeriodId,
        item: ItemId,
    },
    /// Where the user has drafts, in every period.
    MyDrafts,
    SetSettings {
        settings: Settings,
    },
    Users,
    AddUser {
        uid: u32,
        user: UserRecord,
    },
    RemoveUser {
        uid: u32,
    },
    /// Advisory: the user started (`true`) or stopped editing an item; others are told.
    Editing {
        period: PeriodId,
        item: ItemId,
        editing: bool,
    },
    /// Store-wide settings (the standard assessments, the added words).
    Settings,
    /// Which of these words the dictionary and the store's added words do not know.
    Spelling {
        words: Vec<String>,
    },
    /// The dictionary's suggestions for a word.
    Suggest {
        word: String,
    },
    /// A word taken as right from now on, for every user of the store.
    AddWord {
        word: String,
    },
    /// The whole store (JSON export, backup).
    Dump,
    /// Loads a whole-store dump into an empty store (JSON import, restore): its parts
    /// (`DumpPart`, the head first) here and in the `more` `LoadDumpParts` that follow.
    LoadDump {
        parts: Vec<DumpPart>,
        more: u32,
    },
    /// More parts of the `LoadDump` before it.
    LoadDumpParts {
        parts: Vec<DumpPart>,
    },
}

impl Request {
    /// The least role that may make this request.
    pub fn required_role(&self) -> Role {
        match self {
            Request::Whoami
            | Request::Snapshot { .. }
            | Request::List { .. }
            | Request::ListPart { .. }
            | Request::Flagged { .. }
            | Request::Entry { .. }
            | Request::Shown { .. }
            | Request::StatusJson { .. }
            | Request::Search { .. }
            | Request::History { .. }
            | Request::Users
            | Request::Settings
            | Request::Plans
            | Request::Items { .. }
            | Request::Reviews { .. }
            | Request::MyDrafts
            | Request::Spelling { .. }
            | Request::Suggest { .. }
            | Request::Editing { .. } => Role::Viewer,
            Request::Save { .. }
            | Request::Restore { .. }
            | Request::PutDraft { .. }
            | Request::DeleteDraft { .. }
            | Request::SetSchedule { .. }
            | Request::SetReview { .. }
            | Request::ConfirmCarried { .. }
            | Request::AddWord { .. } => Role::Editor,
            Request::Import { .. }
            | Request::ImportRows { .. }
            | Request::OpenPeriod { .. }
            | Request::ClosePeriod { .. }
            | Request::SetReportDate { .. }
            | Request::SetPlan { .. }
            | Request::SetResponsible { .. }
            | Request::SetSettings { .. }
            | Request::AddUser { .. }
            | Request::RemoveUser { .. }
            | Request::Dump
            | Request::LoadDump { .. }
            | Request::LoadDumpParts { .. } => Role::Admin,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    Done,
    Whoami {
        actor: Actor,
        role: Role,
        /// The responsible names the user answers for.
        responsible: Vec<String>,
    },
    /// `None` when the store holds no plan yet.
    Snapshot(Option<Box<Snapshot>>),
    /// The answer to `Flagged`; `None` when the store holds no plan yet.
    Flagged(Option<Box<Flagged>>),
    Entry(Option<Entry>),
    /// The answer to `Shown`: the item (`None`: not in the period's plan) and its entry.
    Shown {
        item: Option<Box<Item>>,
        entry: Option<Entry>,
    },
    /// A part of the answer to `StatusJson`: the output's next bytes, and `last` on the
    /// last part. `None` (in a last part) when the store holds no plan yet.
    StatusJson {
        json: Option<crate::model::Bytes>,
        last: bool,
    },
    /// The answer to `Search`, with the query it answers.
    Found {
        query: String,
        items: Vec<ItemId>,
    },
    Imported(ImportOutcome),
    Saved(SaveOutcome),
    History(Vec<Revision>),
    Period(Period),
    Opened(PeriodOpened),
    Reviews(Vec<ReviewEvent>),
    DraftPlaces(Vec<(PeriodId, ItemId)>),
    Plans(Vec<PlanInfo>),
    Items(Vec<Item>),
    Plan(Plan),
    Users(Vec<(u32, UserRecord)>),
    /// The answer to `Dump`: its parts in order, in one answer or several (`last` on the
    /// last of them).
    DumpParts {
        parts: Vec<DumpPart>,
        last: bool,
    },
    Settings(Settings),
    /// The words asked about that are not known.
    Misspelt(Vec<String>),
    Suggestions(Vec<String>),
    Error(ApiError),
}

/// What the server tells every connected client without being asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    /// Someone saved an entry (or brought back an older text).
    EntryChanged { period: PeriodId, item: ItemId, entry: Entry },
    /// Who is editing an item now (empty: nobody).
    Editing { period: PeriodId, item: ItemId, users: Vec<String> },
    /// Items, periods or the plan changed in bulk (import, a new period, a schedule): reload.
    Reload,
    /// The store's settings changed (a word was added).
    Settings(Settings),
}
