use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::Role;
use crate::tr;

/// A refusal or failure, carried to the client as data and worded there, in its language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApiError {
    Store(StoreFault),
    /// The user has no role in this store.
    NotAUser {
        name: String,
    },
    Forbidden {
        name: String,
        role: Role,
        needed: Role,
    },
    BadRequest {
        reason: BadRequest,
    },
    /// The server has no spelling dictionary: none at `path` (`missing`), or one it could
    /// not read.
    NoDictionary {
        path: String,
        missing: bool,
    },
    /// The client and server speak different protocol versions.
    Version {
        client: u16,
        server: u16,
        server_program: String,
    },
}

/// What the store could not do, as a client may be told it: the server's files and paths
/// stay in the server's log, never on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StoreFault {
    /// A read or write failed in a way only the server's log explains.
    Internal,
    /// The store's files cannot be read back.
    Damaged,
    /// The store holds records of a newer otchet.
    NewerData,
    DiskFull {
        free_kib: u64,
        needed_kib: u64,
    },
    ReadOnly,
    /// A write failed half way; the server takes no more requests until it is restarted.
    Stopped,
    PlanMismatch {
        years: String,
        stored: String,
        imported: String,
    },
    PlanYearsUnknown,
    PlanOverlap {
        years: String,
    },
    PeriodsOutsideYears {
        years: String,
        periods: String,
    },
    /// New years for a plan that another plan of the store has.
    YearsTaken {
        years: String,
    },
    UnknownPlan {
        id: i32,
    },
    /// Texts to carry over from a period of another plan.
    OtherPlan {
        from: String,
        to: String,
    },
    /// A period to close has an entry written, imported or reviewed.
    PeriodTouched {
        period: String,
        point: String,
    },
    /// A period to close has someone's draft in it.
    PeriodDrafted {
        period: String,
    },
    /// A period to open that no plan's years hold.
    NoPlanFor {
        period: String,
    },
    UnknownPeriod {
        period: String,
    },
    UnknownItem {
        point: String,
    },
    /// A whole-store dump loads only into an empty store.
    NotEmpty,
    /// The store's folder was deleted or replaced while the server ran.
    FolderGone,
    /// A restore stopped half way (the server was killed): only a restore again is taken.
    RestoreInterrupted,
    NewerDump {
        found: u32,
        supported: u32,
    },
}

/// Why a request was refused as malformed or not allowed by the store's rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BadRequest {
    /// The history holds no such revision.
    NoRevision {
        revision: u64,
    },
    /// The store's owner stays an admin and cannot be removed.
    OwnerStaysAdmin,
    OwnerCannotBeRemoved,
    /// The answer could not be sent (too large for a frame, say).
    Unsendable,
    /// Only a single word can be added to the spelling list.
    NotAWord,
    /// A text over the store's limit of `limit` bytes.
    TextTooLong {
        point: String,
        field: String,
        bytes: usize,
        limit: usize,
    },
    /// A streamed import ended before the parts it announced came.
    PartsMissing,
    /// A part of a streamed import came with no import before it.
    PartAlone,
    /// A dump to load breaks a rule of the store (duplicate ids, unknown items…).
    BadDump(crate::model::DumpProblem),
}

impl From<crate::domain::limits::TooLong> for ApiError {
    /// A text over the store's limit, refused naming its item and field.
    fn from(t: crate::domain::limits::TooLong) -> Self {
        let (point, field, bytes, limit) =
            (t.point, t.field.to_owned(), t.bytes, crate::domain::limits::MAX_TEXT_BYTES);
        ApiError::BadRequest { reason: BadRequest::TextTooLong { point, field, bytes, limit } }
    }
}

impl ApiError {
    pub fn is_user_error(&self) -> bool {
        match self {
            ApiError::Store(fault) => fault.is_user_error(),
            ApiError::BadRequest { .. } => true,
            _ => false,
        }
    }
}

impl StoreFault {
    /// Caused by what the user asked for, not by the program or the disk.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            StoreFault::PlanMismatch { .. }
                | StoreFault::PlanYearsUnknown
                | StoreFault::PlanOverlap { .. }
                | StoreFault::PeriodsOutsideYears { .. }
                | StoreFault::YearsTaken { .. }
                | StoreFault::UnknownPlan { .. }
                | StoreFault::NoPlanFor { .. }
                | StoreFault::OtherPlan { .. }
                | StoreFault::PeriodTouched { .. }
                | StoreFault::PeriodDrafted { .. }
                | StoreFault::UnknownPeriod { .. }
                | StoreFault::UnknownItem { .. }
                | StoreFault::NotEmpty
                | StoreFault::NewerDump { .. }
        )
    }
}

impl fmt::Display for StoreFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            StoreFault::Internal => tr!("fault-internal"),
            StoreFault::Damaged => tr!("fault-damaged"),
            StoreFault::NewerData => tr!("fault-newer-data"),
            StoreFault::DiskFull { free_kib, needed_kib } => {
                tr!("fault-disk-full", free = *free_kib, needed = *needed_kib)
            }
            StoreFault::ReadOnly => tr!("fault-read-only"),
            StoreFault::Stopped => tr!("fault-stopped"),
            StoreFault::PlanMismatch { years, stored, imported } => {
                tr!("store-plan-mismatch", years = years, stored = stored, imported = imported)
            }
            StoreFault::PlanYearsUnknown => tr!("store-plan-years-unknown"),
            StoreFault::PlanOverlap { years } => tr!("store-plan-overlap", years = years),
            StoreFault::PeriodsOutsideYears { years, periods } => {
                tr!("store-periods-outside-years", years = years, periods = periods)
            }
            StoreFault::UnknownPlan { id } => tr!("store-unknown-plan", id = *id),
            StoreFault::NoPlanFor { period } => tr!("store-no-plan-for", period = period),
            StoreFault::OtherPlan { from, to } => tr!("store-other-plan", from = from, to = to),
            StoreFault::PeriodTouched { period, point } => tr!("store-period-touched", period = period, point = point),
            StoreFault::PeriodDrafted { period } => tr!("store-period-drafted", period = period),
            StoreFault::YearsTaken { years } => tr!("store-years-taken", years = years),
            StoreFault::UnknownPeriod { period } => tr!("store-unknown-period", period = period),
            StoreFault::UnknownItem { point } => tr!("store-unknown-item", point = point),
            StoreFault::NotEmpty => tr!("fault-not-empty"),
            StoreFault::RestoreInterrupted => tr!("fault-restore-interrupted"),
            StoreFault::FolderGone => tr!("fault-folder-gone"),
            StoreFault::NewerDump { found, supported } => {
                tr!("store-newer-dump", found = *found, supported = *supported)
            }
        };
        f.write_str(&text)
    }
}

impl fmt::Display for BadRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            BadRequest::NoRevision { revision } => tr!("api-no-revision", revision = *revision),
            BadRequest::OwnerStaysAdmin => tr!("api-owner-stays-admin"),
            BadRequest::OwnerCannotBeRemoved => tr!("api-owner-not-removed"),
            BadRequest::Unsendable => tr!("api-unsendable"),
            BadRequest::NotAWord => tr!("api-not-a-word"),
            BadRequest::PartsMissing => tr!("api-parts-missing"),
            BadRequest::PartAlone => tr!("api-part-alone"),
            BadRequest::TextTooLong { point, field, bytes, limit } => {
                crate::i18n::text_too_long(point, field, *bytes, *limit)
            }
            BadRequest::BadDump(problem) => describe_dump_problem(problem),
        };
        f.write_str(&text)
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ApiError::Store(fault) => fault.to_string(),
            ApiError::NotAUser { name } => tr!("access-not-a-user", name = name),
            ApiError::Forbidden { name, role, needed } => match needed {
                Role::Editor => tr!("access-read-only", name = name, role = role.as_str()),
                _ => tr!("access-admin-only", name = name, role = role.as_str()),
            },
            ApiError::BadRequest { reason } => tr!("api-bad-request", detail = reason.to_string()),
            ApiError::NoDictionary { path, missing: true } => tr!("spelling-no-dictionary", path = path),
            ApiError::NoDictionary { path, missing: false } => tr!("spelling-dictionary-unreadable", path = path),
            ApiError::Version { client, server, server_program } => {
                tr!("proto-version-mismatch", client = *client, server = *server, program = server_program)
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ApiError {}

/// A dump's problem in the user's words: what is wrong, and where.
pub fn describe_dump_problem(problem: &crate::model::DumpProblem) -> String {
    use crate::model::DumpProblem as P;
    let text = match problem {
        P::DuplicatePlan { plan } => tr!("dump-duplicate-plan", plan = plan.0),
        P::DuplicateItem { plan, item } => tr!("dump-duplicate-item", plan = plan.0, item = item.0),
        P::DuplicatePeriod { period } => tr!("dump-duplicate-period", period = period.to_string()),
        P::PeriodOutsidePlan { period, years } => tr!(
            "dump-period-outside-plan",
            period = period.to_string(),
            years = format!("{}–{}", years.first, years.last)
        ),
        P::UnknownItem { period, item } => tr!("dump-unknown-item", period = period.to_string(), item = item.0),
        P::DuplicateEntry { period, point } => {
            tr!("dump-duplicate-entry", period = period.to_string(), point = point.as_str())
        }
        P::HistoryOutOfOrder { period, point } => {
            tr!("dump-history-out-of-order", period = period.to_string(), point = point.as_str())
        }
        P::RevisionMismatch { period, point, entry, history } => tr!(
            "dump-revision-mismatch",
            period = period.to_string(),
            point = point.as_str(),
            entry = entry.to_string(),
            history = history.to_string()
        ),
        P::RevisionTooLarge { period, point, revision } => tr!(
            "dump-revision-too-large",
            period = period.to_string(),
            point = point.as_str(),
            revision = revision.to_string()
        ),
        P::DuplicateUser { uid } => tr!("dump-duplicate-user", uid = *uid),
        P::PartOutOfOrder => tr!("dump-part-out-of-order"),
    };
    tr!("dump-refused", problem = text)
}
