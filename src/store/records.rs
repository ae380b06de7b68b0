//! What the store keeps besides the domain's own types, and the format version of each.

use serde::{Deserialize, Serialize};

use crate::codec::{CodecError, Kind, Record, decode_payload};
use crate::domain::{
    Entry, Item, ItemId, Period, PeriodId, Plan, PlanId, Review, Role, Schedule, Section, Stamp, Years,
};
use crate::model::{Draft, Owner, ReviewEvent, Revision, Settings, UserRecord};

/// Reads an older format of a record: only the versions a program once wrote.
fn old<T>(
    kind: Kind,
    version: u8,
    payload: &[u8],
    v1: impl FnOnce(&[u8]) -> Result<T, CodecError>,
) -> Result<T, CodecError> {
    match version {
        1 => v1(payload),
        _ => Err(CodecError::UnknownVersion { kind, version }),
    }
}

/// A plan as format 1 wrote it: one year, no columns or closing block.
#[derive(Deserialize)]
struct PlanV1 {
    year: i32,
    organisation: String,
    approved_by: String,
    title_lines: Vec<String>,
    sections: Vec<Section>,
}

impl Record for Plan {
    const KIND: Kind = Kind::Plan;
    const VERSION: u8 = 2;

    fn decode_old(version: u8, payload: &[u8]) -> Result<Self, CodecError> {
        old(Self::KIND, version, payload, |p| {
            let v1: PlanV1 = decode_payload(Self::KIND, p)?;
            Ok(Plan {
                id: PlanId(v1.year),
                years: Years::one(v1.year),
                organisation: v1.organisation,
                approved_by: v1.approved_by,
                title_lines: v1.title_lines,
                sections: v1.sections,
                columns: Vec::new(),
                signed_by: String::new(),
                executor: String::new(),
            })
        })
    }
}

/// An item as format 1 wrote it: no extra columns.
#[derive(Deserialize)]
struct ItemV1 {
    id: ItemId,
    seq: String,
    point: String,
    title: String,
    deadline_text: String,
    schedule_override: Option<Schedule>,
    responsible: String,
}

impl Record for Item {
    const KIND: Kind = Kind::Item;
    const VERSION: u8 = 2;

    fn decode_old(version: u8, payload: &[u8]) -> Result<Self, CodecError> {
        old(Self::KIND, version, payload, |p| {
            let v1: ItemV1 = decode_payload(Self::KIND, p)?;
            Ok(Item {
                id: v1.id,
                seq: v1.seq,
                point: v1.point,
                title: v1.title,
                deadline_text: v1.deadline_text,
                schedule_override: v1.schedule_override,
                responsible: v1.responsible,
                extra: Vec::new(),
            })
        })
    }
}

/// A period as format 1 wrote it: no report date.
#[derive(Deserialize)]
struct PeriodV1 {
    id: PeriodId,
    title: String,
}

impl Record for Period {
    const KIND: Kind = Kind::Period;
    const VERSION: u8 = 2;

    fn decode_old(version: u8, payload: &[u8]) -> Result<Self, CodecError> {
        old(Self::KIND, version, payload, |p| {
            let v1: PeriodV1 = decode_payload(Self::KIND, p)?;
            Ok(Period::new(v1.id, v1.title))
        })
    }
}

/// An entry as format 1 wrote it: no review state, never carried over.
#[derive(Deserialize)]
struct EntryV1 {
    info: String,
    assessment: String,
    changed_by: String,
    changed_at: Stamp,
    revision: u64,
}

impl Record for Entry {
    const KIND: Kind = Kind::Entry;
    const VERSION: u8 = 2;

    fn decode_old(version: u8, payload: &[u8]) -> Result<Self, CodecError> {
        old(Self::KIND, version, payload, |p| {
            let v1: EntryV1 = decode_payload(Self::KIND, p)?;
            Ok(Entry {
                info: v1.info,
                assessment: v1.assessment,
                changed_by: v1.changed_by,
                changed_at: v1.changed_at,
                revision: v1.revision,
                review: Review::Open,
                carried_from: None,
            })
        })
    }
}

/// The layout version of the whole store, kept in the meta tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchemaVersion(pub u32);

impl Record for SchemaVersion {
    const KIND: Kind = Kind::Schema;
    const VERSION: u8 = 1;
}

impl Record for Revision {
    const KIND: Kind = Kind::Revision;
    /// 2: a source more (carried over); format 1 reads as it is.
    const VERSION: u8 = 2;

    fn decode_old(version: u8, payload: &[u8]) -> Result<Self, CodecError> {
        old(Self::KIND, version, payload, |p| decode_payload(Self::KIND, p))
    }
}

impl Record for ReviewEvent {
    const KIND: Kind = Kind::Review;
    const VERSION: u8 = 1;
}

impl Record for Draft {
    const KIND: Kind = Kind::Draft;
    const VERSION: u8 = 1;
}

/// Settings as format 1 wrote them: no added words.
#[derive(Deserialize)]
struct SettingsV1 {
    assessments: Vec<String>,
}

impl Record for Settings {
    const KIND: Kind = Kind::Settings;
    const VERSION: u8 = 2;

    fn decode_old(version: u8, payload: &[u8]) -> Result<Self, CodecError> {
        old(Self::KIND, version, payload, |p| {
            let v1: SettingsV1 = decode_payload(Self::KIND, p)?;
            Ok(Settings { assessments: v1.assessments, words: Vec::new() })
        })
    }
}

/// A user as format 1 wrote it: no responsible names.
#[derive(Deserialize)]
struct UserV1 {
    name: String,
    role: Role,
}

impl Record for UserRecord {
    const KIND: Kind = Kind::User;
    const VERSION: u8 = 2;

    fn decode_old(version: u8, payload: &[u8]) -> Result<Self, CodecError> {
        old(Self::KIND, version, payload, |p| {
            let v1: UserV1 = decode_payload(Self::KIND, p)?;
            Ok(UserRecord::new(v1.name, v1.role))
        })
    }
}

impl Record for Owner {
    const KIND: Kind = Kind::Owner;
    const VERSION: u8 = 1;
}

/// How many transactions the store has committed: kept in the meta tree with every commit
/// and beside sled's files in `otchet.format`, so that files which lost commits are noticed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitCount(pub u64);

impl Record for CommitCount {
    const KIND: Kind = Kind::Commits;
    const VERSION: u8 = 1;
}
