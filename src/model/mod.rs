//! The records that travel between the store, the server, the client and the screen:
//! revisions, drafts, settings, users, outcomes, a period's data and the whole-store dump.
//! Plain data over `domain`; the store gives each its on-disk format (`store/records.rs`),
//! so no layer above the store ever sees the store's own types.

mod draft;
mod dump;
mod dump_check;
mod dump_parts;
mod history;
mod outcomes;
mod plans;
mod settings;
mod snapshot;
mod stored_row;
mod users;

pub use draft::Draft;
pub use dump::{DUMP_FORMAT, EntryDump, PeriodDump, PlanDump, StoreDump, UserDump};
pub use dump_check::{DumpCheck, DumpProblem, MAX_REVISION};
pub use dump_parts::{
    DUMP_PART_BYTES, DumpAssembler, DumpHead, DumpPart, entry_weight, in_runs, item_weight, text_weight,
};
pub use history::{ReviewChange, ReviewEvent, Revision, RevisionSource};
pub use outcomes::{ImportOutcome, PeriodOpened, SaveOutcome};
pub use plans::{PlanChange, PlanInfo};
pub use settings::Settings;
pub use snapshot::{FLAGGED_TITLE_WIDTH, Flagged, FlaggedItem, PeriodRow, Snapshot};
pub use stored_row::{Bytes, StoredRow};
pub use users::{Me, Owner, UserRecord};
