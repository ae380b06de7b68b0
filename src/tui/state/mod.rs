//! Everything the screen shows, and nothing about how it is drawn.

mod editor;
mod line_input;
mod main_screen;
mod row;
mod spelling;

pub use editor::{Editor, shown as editor_shown};
pub use line_input::LineInput;
pub use main_screen::{Filter, Focus, Main};
pub use row::{EntryText, ListEntry, ListItem, Row};
pub use spelling::Spelling;

use std::collections::{BTreeSet, VecDeque};

use chrono::NaiveDate;

use super::keymap::Keymaps;
use super::theme::Theme;
use crate::domain::{Entry, FlagRules, ItemId, PeriodId, Role};
use crate::model::Revision;

/// How many messages the log keeps.
pub const LOG_SIZE: usize = 100;

pub struct State {
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    /// The message on the status line: an info goes with the next key, an error stays until
    /// dismissed.
    pub message: Option<Message>,
    /// Every message shown this session, newest last (the message log).
    pub log: VecDeque<Message>,
    /// Saves sent and not yet answered: the status line says so.
    pub saving: BTreeSet<(PeriodId, ItemId)>,
    pub keymaps: Keymaps,
    pub theme: Theme,
    pub user: String,
    pub role: Role,
    /// The responsible names the user answers for: «мои пункты».
    pub responsible: Vec<String>,
    /// Periods other than the shown one where the user's drafts wait (told at start).
    pub drafts_elsewhere: Vec<PeriodId>,
    /// The filter to show once the period being loaded arrives (the drafts' period).
    pub next_filter: Option<Filter>,
    /// A throwaway store holding the sample (`--demo`): the status line says so.
    pub demo: bool,
    /// A period asked for and not yet shown: a reload meanwhile loads it, not the old one.
    pub pending_period: Option<PeriodId>,
    /// The date deadlines are counted as of: the user's choice, else the period's report
    /// date, else today (`as_of_for`).
    pub as_of: NaiveDate,
    /// Set with `a`; the stored report date is never changed by it.
    pub as_of_chosen: Option<NaiveDate>,
    pub today: NaiveDate,
    pub rules: FlagRules,
    /// The terminal's size in columns and rows.
    pub size: (u16, u16),
    /// Local time's offset from UTC, for showing when things were saved.
    pub utc_offset: chrono::FixedOffset,
    /// "Save and quit" was chosen: quit when the save is acknowledged.
    pub quit_after_save: bool,
    /// The user's home folder, for `~/…` in the file prompts (the runtime reads it).
    pub home: Option<std::path::PathBuf>,
    /// Where exports go unless another folder is typed: the user's documents folder.
    pub export_dir: Option<std::path::PathBuf>,
    pub spelling: Spelling,
}

pub enum Screen {
    Loading,
    /// The first load failed: what went wrong, and a key to try again.
    Failed {
        error: String,
    },
    /// The store is empty: import a file or load the bundled sample.
    Welcome {
        prompt: Option<LineInput>,
    },
    /// A plan is stored but no period of it is open yet: which to open first.
    NoPeriod(WaitingPlan),
    Main(Box<Main>),
}

/// A stored plan without periods, and the period the screen offers to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitingPlan {
    pub years: crate::domain::Years,
    pub title: String,
    pub items: usize,
    pub period: crate::domain::PeriodId,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

pub enum Overlay {
    Help {
        scroll: u16,
    },
    /// The message log, newest first.
    Messages {
        scroll: u16,
    },
    ConfirmQuit,
    Period {
        cursor: usize,
    },
    /// Opening a period for everyone: which, and whether the texts of the period before it
    /// come along (`from`; `carry` toggles).
    OpenPeriod {
        period: crate::domain::PeriodId,
        from: Option<crate::domain::PeriodId>,
        carry: bool,
    },
    /// Throwing away the open item's unsaved text.
    Discard {
        item: ItemId,
    },
    /// Bringing an older revision back for everyone.
    Restore {
        item: ItemId,
        revision: Revision,
    },
    /// Taking back a period opened by mistake.
    ClosePeriod {
        period: crate::domain::PeriodId,
    },
    /// Who owes what: the period's counts by responsible.
    Summary {
        scroll: u16,
    },
    Prompt(Prompt),
    /// The user starts editing an item that has a draft of theirs.
    DraftOffer {
        item: ItemId,
    },
    /// Someone saved since this edit started: mine and theirs, side by side.
    Conflict {
        item: ItemId,
        mine_info: String,
        mine_assessment: String,
        theirs: Entry,
        /// Rows scrolled down, both texts together.
        scroll: u16,
    },
    History {
        item: ItemId,
        revisions: Vec<Revision>,
        cursor: usize,
    },
    /// The dictionary's suggestions for the word under the cursor.
    Suggestions {
        word: WordPlace,
        choices: Vec<String>,
        cursor: usize,
    },
}

/// A word in one of the open item's texts: which, on which line, which characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordPlace {
    pub item: ItemId,
    pub pane: Focus,
    pub row: usize,
    pub start: usize,
    pub end: usize,
    pub word: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    AsOf,
    Schedule,
    Responsible,
    /// `:` then an item's point.
    GoTo,
    ExportFormat,
    ExportPath,
}

pub struct Prompt {
    pub kind: PromptKind,
    pub input: LineInput,
    pub error: Option<String>,
    /// Context carried from an earlier step (the chosen export format).
    pub carried: String,
}

impl Prompt {
    pub fn new(kind: PromptKind, initial: &str) -> Prompt {
        Prompt { kind, input: LineInput::new(initial), error: None, carried: String::new() }
    }
}

impl State {
    pub fn new(keymaps: Keymaps, theme: Theme, user: String, role: Role, today: NaiveDate, rules: FlagRules) -> State {
        State {
            screen: Screen::Loading,
            overlay: None,
            message: None,
            log: VecDeque::new(),
            saving: BTreeSet::new(),
            keymaps,
            theme,
            user,
            role,
            responsible: Vec::new(),
            drafts_elsewhere: Vec::new(),
            next_filter: None,
            pending_period: None,
            demo: false,
            as_of: today,
            as_of_chosen: None,
            today,
            rules,
            size: (80, 24),
            utc_offset: chrono::Offset::fix(&chrono::Utc),
            quit_after_save: false,
            home: None,
            export_dir: None,
            spelling: Spelling::new(true),
        }
    }

    /// The as-of date for a period with this report date.
    pub fn as_of_for(&self, report_date: Option<NaiveDate>) -> NaiveDate {
        self.as_of_chosen.or(report_date).unwrap_or(self.today)
    }

    /// Where today's as-of date comes from, for the status line.
    pub fn as_of_is_report_date(&self) -> bool {
        self.as_of_chosen.is_none() && self.main().is_some_and(|m| m.period.report_date == Some(self.as_of))
    }

    pub fn main(&self) -> Option<&Main> {
        match &self.screen {
            Screen::Main(m) => Some(m),
            _ => None,
        }
    }

    pub fn main_mut(&mut self) -> Option<&mut Main> {
        match &mut self.screen {
            Screen::Main(m) => Some(m),
            _ => None,
        }
    }

    pub fn info(&mut self, text: String) {
        self.show(Message { text, is_error: false });
    }

    /// An error stays on the status line until dismissed, and goes to the log.
    pub fn error(&mut self, text: String) {
        self.show(Message { text, is_error: true });
    }

    fn show(&mut self, message: Message) {
        if self.log.len() == LOG_SIZE {
            self.log.pop_front();
        }
        self.log.push_back(message.clone());
        self.message = Some(message);
    }

    /// An error on the status line waits to be dismissed.
    pub fn error_shown(&self) -> bool {
        self.message.as_ref().is_some_and(|m| m.is_error)
    }

    /// The message log can be opened now: from the main screen, no dialog open.
    pub fn log_opens_here(&self) -> bool {
        matches!(self.screen, Screen::Main(_)) && self.overlay.is_none()
    }
}
