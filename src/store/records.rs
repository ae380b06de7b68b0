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

/// An entry as the store keeps it since format 3: the execution text in the texts tree
/// (`EntryText`), so that a list of 10,000 entries reads none of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryHead {
    assessment: String,
    changed_by: String,
    changed_at: Stamp,
    revision: u64,
    review: Review,
    carried_from: Option<PeriodId>,
    /// Only in an entry of format 1 or 2, read as it was written; never written so.
    inline_info: Option<String>,
}

/// An entry's execution text, kept apart from its head; none when the text is empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryText(pub String);

impl Record for EntryText {
    const KIND: Kind = Kind::EntryText;
    const VERSION: u8 = 1;
}

impl EntryHead {
    /// The head to write, and the text to keep apart (`None`: the text is empty).
    pub fn split(entry: &Entry) -> (EntryHead, Option<EntryText>) {
        let head = EntryHead {
            assessment: entry.assessment.clone(),
            changed_by: entry.changed_by.clone(),
            changed_at: entry.changed_at,
            revision: entry.revision,
            review: entry.review,
            carried_from: entry.carried_from,
            inline_info: None,
        };
        (head, (!entry.info.is_empty()).then(|| EntryText(entry.info.clone())))
    }

    /// Whether the execution text is in the texts tree (else it is here, or empty).
    pub fn text_apart(&self) -> bool {
        self.inline_info.is_none()
    }

    /// The entry, with the text kept apart (`apart`) or the one this head holds.
    pub fn into_entry(self, apart: Option<String>) -> Entry {
        Entry {
            info: self.inline_info.or(apart).unwrap_or_default(),
            assessment: self.assessment,
            changed_by: self.changed_by,
            changed_at: self.changed_at,
            revision: self.revision,
            review: self.review,
            carried_from: self.carried_from,
        }
    }

    fn inline(entry: Entry) -> EntryHead {
        EntryHead {
            assessment: entry.assessment,
            changed_by: entry.changed_by,
            changed_at: entry.changed_at,
            revision: entry.revision,
            review: entry.review,
            carried_from: entry.carried_from,
            inline_info: Some(entry.info),
        }
    }
}

impl Record for EntryHead {
    const KIND: Kind = Kind::Entry;
    /// 3: the execution text apart; formats 1 and 2 held it and read as they are.
    const VERSION: u8 = 3;

    fn decode_old(version: u8, payload: &[u8]) -> Result<Self, CodecError> {
        match version {
            1 => {
                let v1: EntryV1 = decode_payload(Self::KIND, payload)?;
                Ok(EntryHead::inline(Entry {
                    info: v1.info,
                    assessment: v1.assessment,
                    changed_by: v1.changed_by,
                    changed_at: v1.changed_at,
                    revision: v1.revision,
                    review: Review::Open,
                    carried_from: None,
                }))
            }
            2 => Ok(EntryHead::inline(decode_payload::<Entry>(Self::KIND, payload)?)),
            _ => Err(CodecError::UnknownVersion { kind: Self::KIND, version }),
        }
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
