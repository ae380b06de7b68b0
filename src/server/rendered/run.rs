//! A run of items rendered from the store: their objects one after another, and what each
//! one's flags are worked out from, each due-date list and string kept once a run.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Range, ReportOf};
use crate::domain::text::fold;
use crate::domain::{DeadlineCache, Entry, ItemDeadline, ItemId, Review, Stamp};
use crate::formats::status_json;
use crate::model::StoredRow;
use crate::store::{Store, StoreError};

/// Items rendered one after another: their objects (apart when kept in a file), each
/// one's place in them, and what their flags are worked out from.
#[derive(Clone, Default)]
pub struct Run {
    bytes: Vec<u8>,
    items: Vec<Placed>,
    deadlines: Vec<Arc<ItemDeadline>>,
    /// Folded assessments and responsible names.
    texts: Vec<String>,
}

/// An item of a run: where its object ends and where its flags go in the run's bytes,
/// and its due dates, folded assessment and responsible in the run's lists.
#[derive(Clone, Copy, Debug)]
pub struct Placed {
    id: ItemId,
    end: usize,
    flags_at: usize,
    deadline: u32,
    assessment: u32,
    responsible: u32,
    review: Review,
}

/// An item as a report writes it: its object but for its flags (empty when the run's
/// objects are apart), where they go in it, and what they are worked out from.
pub struct RenderedItem<'a> {
    pub object: &'a [u8],
    pub flags_at: usize,
    pub deadline: &'a ItemDeadline,
    pub responsible: &'a str,
    /// The entry's assessment, folded (`domain::text::fold`).
    pub assessment: &'a str,
    pub review: Review,
}

impl Run {
    /// Each item, with its object from `bytes` (the run's, read back from a file).
    pub fn items_over<'a>(&'a self, bytes: &'a [u8]) -> impl Iterator<Item = RenderedItem<'a>> {
        let starts = std::iter::once(0).chain(self.items.iter().map(|p| p.end));
        self.items.iter().zip(starts).filter_map(move |(p, start)| {
            Some(RenderedItem {
                object: bytes.get(start..p.end).unwrap_or_default(),
                flags_at: p.flags_at.saturating_sub(start),
                deadline: self.deadlines.get(p.deadline as usize)?,
                responsible: self.texts.get(p.responsible as usize)?,
                assessment: self.texts.get(p.assessment as usize)?,
                review: p.review,
            })
        })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The first item's id.
    pub fn first(&self) -> Option<ItemId> {
        self.items.first().map(|p| p.id)
    }

    /// The run without its objects (kept in a file).
    pub fn without_bytes(mut self) -> Run {
        self.bytes = Vec::new();
        self
    }
}

/// A run being rendered: each due-date list and string in it once.
#[derive(Default)]
struct RunMaker {
    run: Run,
    deadline_at: HashMap<*const ItemDeadline, u32>,
    text_at: HashMap<String, u32>,
}

impl RunMaker {
    /// Appends a row's object; `Err` when its stored text is not UTF-8.
    fn push(&mut self, row: &StoredRow, (of, cache): (ReportOf, &mut DeadlineCache)) -> Result<(), ()> {
        let entry = row.entry.as_ref().unwrap_or(&EMPTY);
        let info = match &row.info {
            Some(bytes) => simdutf8::basic::from_utf8(bytes).map_err(|_| ())?,
            None => entry.info.as_str(),
        };
        let deadline = cache.item_deadline(&row.item, of.period, of.years);
        let flags_at = status_json::item(&mut self.run.bytes, &row.item, entry, info, &deadline);
        let placed = Placed {
            id: row.item.id,
            end: self.run.bytes.len(),
            flags_at,
            deadline: self.deadline(deadline),
            assessment: self.text(fold(&entry.assessment)),
            responsible: self.text(row.item.responsible.clone()),
            review: entry.review,
        };
        self.run.items.push(placed);
        Ok(())
    }

    fn deadline(&mut self, deadline: Arc<ItemDeadline>) -> u32 {
        let deadlines = &mut self.run.deadlines;
        *self.deadline_at.entry(Arc::as_ptr(&deadline)).or_insert_with(|| {
            deadlines.push(deadline);
            index(deadlines.len() - 1)
        })
    }

    fn text(&mut self, text: String) -> u32 {
        let texts = &mut self.run.texts;
        *self.text_at.entry(text).or_insert_with_key(|text| {
            texts.push(text.clone());
            index(texts.len() - 1)
        })
    }
}

/// A place in a run's lists: a run holds about half a megabyte of items, far fewer.
fn index(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// An entry nobody wrote.
static EMPTY: Entry = Entry {
    info: String::new(),
    assessment: String::new(),
    changed_by: String::new(),
    changed_at: Stamp(0),
    revision: 0,
    review: Review::Open,
    carried_from: None,
};

/// The items of `range` rendered from the store a run at a time, `between_runs` called
/// between two; `each` says whether to go on.
pub fn render_range<E: From<StoreError>>(
    store: &Store,
    (of, (mut after, before)): (ReportOf, Range),
    cache: &mut DeadlineCache,
    between_runs: &dyn Fn(),
    each: &mut dyn FnMut(Run) -> Result<bool, E>,
) -> Result<(), E> {
    loop {
        let (rows, last) = store.row_run((of.plan, of.period), (after, before))?;
        let Some(next) = rows.last().map(|row| row.item.id) else { return Ok(()) };
        let mut maker = RunMaker::default();
        for row in &rows {
            maker.push(row, (of, cache)).map_err(|()| store.not_utf8())?;
        }
        drop(rows);
        if !each(maker.run)? || last {
            return Ok(());
        }
        after = Some(next);
        between_runs();
    }
}
