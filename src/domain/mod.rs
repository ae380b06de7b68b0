//! The plan, its deadlines and flags: pure code, with no terminal, storage or clock.

pub mod access;
pub mod deadline;
pub mod evaluate;
pub mod flags;
pub mod form;
pub mod limits;
pub mod period;
pub mod plan;
pub mod report;
pub mod summary;
pub mod text;

pub use access::{Actor, Role};
pub use deadline::{Clause, Deadline, DeadlineKind, Due, DueRule, Every, Schedule};
pub use evaluate::{Answering, Counts, DeadlineCache, FlagCounter, ItemDeadline};
pub use flags::{DoneRule, FlagRules, Flags, flags};
pub use period::{PeriodId, PeriodKind, Quarter, Years};
pub use plan::{Column, Entry, EntryEdit, Extra, Field, Item, ItemId, Period, Plan, PlanId, Review, Section, Stamp};
pub use report::{Report, ReportRow};
