//! Everything that can happen to the TUI (`Action`) and everything it can ask the event
//! loop to do (`Effect`). `update` turns the first into the second without any I/O.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::key::Key;
use crate::client::ClientError;
use crate::domain::{EntryEdit, FlagRules, ItemId, PeriodId, Schedule};
use crate::formats::ExportFormat;
use crate::model::Snapshot;
use crate::model::{Draft, ImportOutcome, Revision, SaveOutcome};
use crate::proto::Event;

#[derive(Debug)]
pub enum Action {
    Key(Key),
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
    // Results of effects:
    Loaded(Result<Option<Box<Snapshot>>, ClientError>),
    Saved(Result<SaveOutcome, ClientError>),
    Imported(Result<ImportOutcome, String>),
    PreviousText(Result<Option<String>, ClientError>),
    EditorClosed(Result<String, String>),
    HistoryLoaded(Result<Vec<Revision>, ClientError>),
    Exported(Result<PathBuf, String>),
    /// A request that returns nothing failed (drafts, schedules, presence).
    Failed(ClientError),
    /// A save or draft failed (`error`) and its text went to a recovery file (its path as
    /// shown to the user), or could not.
    Recovered {
        error: String,
        file: Result<String, String>,
    },
}

#[derive(Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    Batch(Vec<Effect>),
    /// Load a period (`None`: the store's latest).
    Load(Option<PeriodId>),
    OpenPeriod(PeriodId),
    Save(EntryEdit),
    PutDraft {
        period: PeriodId,
        item: ItemId,
        draft: Draft,
    },
    DeleteDraft {
        period: PeriodId,
        item: ItemId,
    },
    SetEditing {
        period: PeriodId,
        item: ItemId,
        editing: bool,
    },
    SetSchedule {
        year: i32,
        item: ItemId,
        schedule: Option<Schedule>,
    },
    /// Fetch an item's text of another period (to copy it in).
    FetchText {
        period: PeriodId,
        item: ItemId,
    },
    FetchHistory {
        period: PeriodId,
        item: ItemId,
    },
    Restore {
        period: PeriodId,
        item: ItemId,
        revision: u64,
        base_revision: u64,
    },
    ImportFile(PathBuf),
    ImportSample,
    /// Open the text in $VISUAL / $EDITOR and read it back.
    RunEditor(String),
    /// Write the period's report (or the whole store for JSON) to a file.
    Export {
        format: ExportFormat,
        path: PathBuf,
        period: PeriodId,
        as_of: NaiveDate,
        rules: FlagRules,
    },
    /// Start the pause-after-typing timer unless it is running.
    ArmDraftTimer,
}

impl Effect {
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
