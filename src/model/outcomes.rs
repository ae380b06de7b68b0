//! What a save and an import did.

use serde::{Deserialize, Serialize};

use crate::domain::{Entry, Period};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SaveOutcome {
    Saved(Entry),
    /// Someone saved since `base_revision`: nothing was written; here is their entry.
    Conflict {
        theirs: Entry,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOutcome {
    /// The period the report was of; empty for the plan itself.
    pub period: String,
    /// The plan's years, as a phrase ("2021–2024 годы").
    pub years: String,
    pub plan_created: bool,
    pub period_created: bool,
    pub items_added: usize,
    pub items_updated: usize,
    pub entries_changed: usize,
    /// Stored texts an empty cell of the report did not erase.
    pub entries_kept: usize,
    /// Points whose text was edited in the program since and was kept over the document's.
    pub edited_kept: Vec<String>,
}

/// What opening a period did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodOpened {
    pub period: Period,
    /// False: it was open already, and nothing was copied.
    pub created: bool,
    /// How many texts were carried over.
    pub carried: usize,
}
