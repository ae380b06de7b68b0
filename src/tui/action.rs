//! Everything that can happen to the TUI (`Action`) and everything it can ask the event
//! loop to do (`Effect`). `update` turns the first into the second without any I/O.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::key::{Key, Mouse};
use crate::client::ClientError;
use crate::domain::{FlagRules, ItemId, PeriodId};
use crate::formats::ExportFormat;
use crate::model::ImportOutcome;
use crate::proto::{Event, Request, Response};

#[derive(Debug)]
pub enum Action {
    Key(Key),
    Mouse(Mouse),
    /// A bracketed paste: lands as one edit.
    Paste(String),
    Resize(u16, u16),
    /// Local midnight passed: flags may change.
    DayChanged(NaiveDate),
    /// The pause after typing is over: keep what was typed as a draft.
    DraftTimer,
    /// The server pushed a change.
    Remote(Event),
    /// SIGHUP or SIGTERM: keep drafts and leave.
    Terminate,
    /// The server's answer to a call, with what the call was for.
    Answer {
        purpose: Purpose,
        result: Result<Response, ClientError>,
    },
    Imported(Result<ImportOutcome, String>),
    /// The full path of the written file.
    Exported(Result<PathBuf, String>),
    EditorClosed(Result<String, String>),
    /// The names in the folder of a path being typed (folders end in `/`), for Tab.
    FolderListed {
        typed: String,
        names: Result<Vec<String>, String>,
    },
    /// A text the store did not take was written to a recovery file (its path as shown to
    /// the user), or could not be.
    Recovered {
        error: String,
        file: Result<String, String>,
    },
}

/// What a call to the server is for. Its answer is applied to exactly that (this item of
/// this period), so an answer that arrives late never lands on what the user looks at now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A period's data (`None`: the store's latest period).
    Load,
    /// A part of a period's list, of at most `max` items after `after` (the first part
    /// when `None`, shown as `Load`'s answer; each next part is added to the list of
    /// `period`, and only to it).
    LoadPart {
        period: Option<PeriodId>,
        after: Option<ItemId>,
        max: u32,
    },
    /// A save of this text; on failure the text is kept as a draft and a recovery file.
    Save {
        period: PeriodId,
        item: ItemId,
        info: String,
        assessment: String,
    },
    /// An older revision brought back.
    Restore {
        period: PeriodId,
        item: ItemId,
    },
    History {
        period: PeriodId,
        item: ItemId,
    },
    /// The item's text in an earlier period, to copy in.
    PreviousText {
        period: PeriodId,
        item: ItemId,
    },
    PutDraft {
        period: PeriodId,
        item: ItemId,
        info: String,
        assessment: String,
    },
    DeleteDraft,
    /// Who edits what: advisory, a failure is not worth a message.
    Presence,
    SetSchedule,
    SetResponsible,
    /// The store's plans, asked for when it has no period to show.
    Plans,
    OpenPeriod,
    ClosePeriod,
    /// A review state or a carried-over mark set.
    Review {
        period: PeriodId,
        item: ItemId,
    },
    /// Where the user's drafts wait, at start.
    DraftPlaces,
    /// The spelling of these words.
    Spelling {
        words: Vec<String>,
    },
    /// Suggestions for the word there.
    Suggest(crate::tui::state::WordPlace),
    /// A word added to the store's list.
    AddWord,
    /// An item's execution text, for a list that came without them.
    Text {
        period: PeriodId,
        item: ItemId,
    },
    /// The server's search of the texts the list does not hold.
    Search,
}

/// File work, done on the worker thread like the calls.
#[derive(Debug, PartialEq, Eq)]
pub enum Job {
    ImportFile(PathBuf),
    ImportSample,
    /// Write the period's report (or the whole store for JSON) to a file.
    Export {
        format: ExportFormat,
        path: PathBuf,
        period: PeriodId,
        as_of: NaiveDate,
        rules: FlagRules,
    },
    /// List this folder to complete `typed`, the path as the user typed it.
    ListFolder {
        typed: String,
        folder: PathBuf,
    },
}

/// A text the store did not take, to be written to a recovery file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsaved {
    pub period: PeriodId,
    pub item: ItemId,
    pub info: String,
    pub assessment: String,
    pub error: String,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    Batch(Vec<Effect>),
    /// A request to the server, made on the worker thread; the answer comes back as
    /// `Action::Answer` with this purpose.
    Call {
        purpose: Purpose,
        request: Request,
    },
    Job(Job),
    /// Open the text in $VISUAL / $EDITOR and read it back.
    RunEditor(String),
    /// Start the pause-after-typing timer unless it is running.
    ArmDraftTimer,
    /// Write a text the store did not take to a recovery file.
    Recover(Unsaved),
}

impl Effect {
    pub fn call(purpose: Purpose, request: Request) -> Effect {
        Effect::Call { purpose, request }
    }

    pub fn and(self, other: Effect) -> Effect {
        match (self, other) {
            (Effect::None, e) | (e, Effect::None) => e,
            (Effect::Batch(mut a), Effect::Batch(b)) => {
                a.extend(b);
                Effect::Batch(a)
            }
            (Effect::Batch(mut a), e) => {
                a.push(e);
                Effect::Batch(a)
            }
            (e, other) => Effect::Batch(vec![e, other]),
        }
    }
}
