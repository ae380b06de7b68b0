//! `status --json` without reading the period from the store each time: each item's object
//! of the report (`formats::status_json::item`: all of it but its flags, which depend on
//! the date asked for) is rendered once and kept in a file of the server's own, a segment
//! of consecutive items at a time. A change marks the segment of the item it touched, which
//! the next report renders again (`Store::changed_since`, as the search follows changes);
//! a report reads the segments back and puts each item's flags in. The period kept is the
//! one reported last; without room for the file, every report renders its items anew.

mod file;

use std::fs::File;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use file::SegmentFile;

use crate::domain::{DeadlineCache, Entry, ItemId, PeriodId, PlanId, Review, Stamp, Years};
use crate::formats::status_json;
use crate::model::StoredRow;
use crate::store::{Changed, Store, StoreError};

/// The period reported last, its items rendered.
#[derive(Default)]
pub struct RenderedReports {
    kept: Mutex<Option<Rendered>>,
    /// How many times a period was rendered whole, and segments of one again.
    renders: (AtomicU64, AtomicU64),
    /// The room a file leaves free on its disk, when not the default (tests).
    keep_free: Option<u64>,
}

/// Which period's items, of which plan (its years give the due dates).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportOf {
    pub plan: PlanId,
    pub years: Years,
    pub period: PeriodId,
}

/// A period's items rendered, as of the store's change `seen`.
struct Rendered {
    of: ReportOf,
    seen: u64,
    file: SegmentFile,
    segments: Vec<Segment>,
}

/// The plan's items from `first` to the next segment's first.
struct Segment {
    first: ItemId,
    /// Where they are in the file; `None` once one of them changed.
    kept: Option<Arc<Kept>>,
}

/// A segment's items in the file: their objects one after another, `len` bytes at `at`.
struct Kept {
    at: u64,
    len: usize,
    items: Vec<Placed>,
}

/// An item's object in the bytes of its run: where it ends, and where its flags go.
#[derive(Clone, Copy, Debug)]
pub struct Placed {
    pub id: ItemId,
    end: u32,
    flags_at: u32,
}

/// Items rendered one after another: their bytes, and each one's place in them.
#[derive(Default)]
pub struct Run {
    bytes: Vec<u8>,
    items: Vec<Placed>,
}

impl Run {
    /// Each item: its id, its object but for its flags, and where they go in it.
    pub fn items(&self) -> impl Iterator<Item = (ItemId, &[u8], usize)> {
        items_of(&self.bytes, &self.items)
    }
}

fn items_of<'a>(bytes: &'a [u8], items: &'a [Placed]) -> impl Iterator<Item = (ItemId, &'a [u8], usize)> {
    let starts = std::iter::once(0).chain(items.iter().map(|p| p.end as usize));
    items.iter().zip(starts).map(move |(p, start)| {
        let object = bytes.get(start..p.end as usize).unwrap_or_default();
        (p.id, object, (p.flags_at as usize).saturating_sub(start))
    })
}

/// A report's items as of one moment: segments in the file, or, without one, the whole
/// period to render as it is read.
pub struct Segments {
    file: Option<Arc<File>>,
    list: Vec<Source>,
}

enum Source {
    Kept { kept: Arc<Kept>, range: Range },
    Unkept(Range),
}

/// Items after the first (from the plan's first when `None`) and before the second (to
/// its last).
type Range = (Option<ItemId>, Option<ItemId>);

impl RenderedReports {
    /// As `default`, each file leaving `bytes` free on its disk.
    #[cfg(test)]
    pub fn keeping_free(bytes: u64) -> RenderedReports {
        RenderedReports { keep_free: Some(bytes), ..RenderedReports::default() }
    }

    /// How many times a period was rendered whole, and segments of one again, so far.
    #[cfg(test)]
    pub fn renders(&self) -> (u64, u64) {
        (self.renders.0.load(Ordering::Relaxed), self.renders.1.load(Ordering::Relaxed))
    }

    /// The bytes written to the kept file so far (0 without one).
    #[cfg(test)]
    pub fn written(&self) -> u64 {
        self.lock().as_ref().map_or(0, |r| r.file.end())
    }

    /// The period's items as of the store's latest change: those kept, the segments that
    /// changed since rendered again, or all of them rendered anew (`between_runs` called
    /// between two runs read from the store).
    pub fn current(&self, store: &Store, of: ReportOf, between_runs: &dyn Fn()) -> Result<Segments, StoreError> {
        let mut kept = self.lock();
        let changes = kept.as_ref().filter(|k| k.of == of).and_then(|k| store.changed_since(k.seen));
        match (kept.as_mut(), changes) {
            (Some(rendered), Some(changes)) => {
                rendered.follow(&changes.changed);
                rendered.seen = changes.latest;
            }
            _ => {
                *kept = None;
                *kept = self.render_all(store, of, between_runs)?;
            }
        }
        let Some(rendered) = kept.as_mut() else { return Ok(Segments::unkept()) };
        match self.render_changed(store, rendered) {
            Ok(true) => {}
            // No room on the disk for them: nothing is kept from now on.
            Ok(false) => {
                *kept = None;
                return Ok(Segments::unkept());
            }
            Err(e) => {
                *kept = None;
                return Err(e);
            }
        }
        if rendered.file.mostly_dropped() {
            rendered.compact(store.path());
        }
        Ok(rendered.segments())
    }

    fn lock(&self) -> MutexGuard<'_, Option<Rendered>> {
        // Segments half changed by a panic are dropped: the next report renders anew.
        self.kept.lock().unwrap_or_else(|poisoned| {
            let mut kept = poisoned.into_inner();
            *kept = None;
            self.kept.clear_poison();
            kept
        })
    }

    /// Every item rendered into a new file; `None` when there is no room for one.
    fn render_all(&self, store: &Store, of: ReportOf, between_runs: &dyn Fn()) -> Result<Option<Rendered>, StoreError> {
        let Some(mut file) = self.new_file(store.path()) else { return Ok(None) };
        // Before reading: a change committed meanwhile is followed at the next report.
        let seen = store.latest_change();
        self.renders.0.fetch_add(1, Ordering::Relaxed);
        let all = (ItemId(0), (None, None));
        let segments = render_segments(store, (of, all), &mut file, between_runs)?;
        Ok(segments.map(|segments| Rendered { of, seen, file, segments }))
    }

    fn new_file(&self, dir: &Path) -> Option<SegmentFile> {
        match self.keep_free {
            Some(bytes) => SegmentFile::keeping(dir, bytes),
            None => SegmentFile::new(dir),
        }
    }

    /// The segments whose items changed, rendered again: each into as many segments as
    /// it now has runs. `false` when the file had no room for them.
    fn render_changed(&self, store: &Store, rendered: &mut Rendered) -> Result<bool, StoreError> {
        let mut i = 0;
        while i < rendered.segments.len() {
            if rendered.segments[i].kept.is_some() {
                i += 1;
                continue;
            }
            self.renders.1.fetch_add(1, Ordering::Relaxed);
            let of = (rendered.of, (rendered.segments[i].first, rendered.range(i)));
            let Some(fresh) = render_segments(store, of, &mut rendered.file, &|| ())? else { return Ok(false) };
            let count = fresh.len();
            rendered.segments.splice(i..=i, fresh);
            i += count;
        }
        Ok(true)
    }
}

/// The items of `range` (the first of them from `first` on) rendered into `file`, a
/// segment a run; `None` when the file has no room for them.
fn render_segments(
    store: &Store,
    (of, (first, range)): (ReportOf, (ItemId, Range)),
    file: &mut SegmentFile,
    between_runs: &dyn Fn(),
) -> Result<Option<Vec<Segment>>, StoreError> {
    let (dir, mut cache) = (store.path(), DeadlineCache::default());
    let mut segments: Vec<Segment> = Vec::new();
    let mut room = true;
    render_range(store, (of, range), &mut cache, between_runs, &mut |run: Run| {
        let start = match segments.is_empty() {
            true => first,
            false => run.items.first().map_or(first, |p| p.id),
        };
        let kept = file.append(&run.bytes, dir).map(|at| Kept { at, len: run.bytes.len(), items: run.items });
        room &= kept.is_some();
        segments.push(Segment { first: start, kept: kept.map(Arc::new) });
        Ok(room)
    })?;
    if segments.is_empty() {
        // No item there (any more): the range is still the segment's.
        segments.push(Segment { first, kept: Some(Arc::new(Kept { at: 0, len: 0, items: Vec::new() })) });
    }
    Ok(room.then_some(segments))
}

impl Rendered {
    /// The segments holding an item or entry a change touched are to render again.
    fn follow(&mut self, changed: &[Changed]) {
        for change in changed {
            let id = match *change {
                Changed::Item(plan, id) if plan == self.of.plan => id,
                Changed::Entry(period, id) if period == self.of.period => id,
                _ => continue,
            };
            let at = self.segments.partition_point(|s| s.first <= id).saturating_sub(1);
            if let Some(kept) = self.segments.get_mut(at).and_then(|s| s.kept.take()) {
                self.file.dropped(kept.len as u64);
            }
        }
    }

    /// The items of segment `i`.
    fn range(&self, i: usize) -> Range {
        let after = self.segments.get(i).and_then(|s| s.first.0.checked_sub(1)).map(ItemId);
        (after, self.segments.get(i + 1).map(|s| s.first))
    }

    /// The kept segments copied into a new file, the dropped ones left behind; when no
    /// file can be made, the old one stays.
    fn compact(&mut self, dir: &Path) {
        let Some(mut fresh) = self.file.another(dir) else { return };
        let old = self.file.shared();
        let mut buffer = Vec::new();
        let mut moved = Vec::with_capacity(self.segments.len());
        for segment in &self.segments {
            let Some(kept) = &segment.kept else {
                moved.push(None);
                continue;
            };
            let copied =
                file::read(&old, (kept.at, kept.len), &mut buffer).ok().and_then(|()| fresh.append(&buffer, dir));
            let Some(at) = copied else { return };
            moved.push(Some(Arc::new(Kept { at, len: kept.len, items: kept.items.clone() })));
        }
        for (segment, kept) in self.segments.iter_mut().zip(moved) {
            segment.kept = kept;
        }
        self.file = fresh;
    }

    fn segments(&self) -> Segments {
        let list = (0..self.segments.len())
            .map(|i| match &self.segments[i].kept {
                Some(kept) => Source::Kept { kept: Arc::clone(kept), range: self.range(i) },
                None => Source::Unkept(self.range(i)),
            })
            .collect();
        Segments { file: Some(self.file.shared()), list }
    }
}

impl Segments {
    /// The whole period, rendered as it is read.
    fn unkept() -> Segments {
        Segments { file: None, list: vec![Source::Unkept((None, None))] }
    }

    /// Each run of items in plan order, read back from the file or rendered from the
    /// store; `each` says whether to go on.
    pub fn read<E: From<StoreError>>(
        &self,
        store: &Store,
        of: ReportOf,
        between_runs: &dyn Fn(),
        each: &mut dyn FnMut(&Run) -> Result<bool, E>,
    ) -> Result<(), E> {
        let mut cache = DeadlineCache::default();
        let mut run = Run::default();
        for source in &self.list {
            let range = match (source, &self.file) {
                (Source::Kept { kept, range }, Some(file)) => {
                    match file::read(file, (kept.at, kept.len), &mut run.bytes) {
                        Ok(()) => {
                            run.items.clone_from(&kept.items);
                            if !each(&run)? {
                                return Ok(());
                            }
                            continue;
                        }
                        // The file failed us: these items from the store.
                        Err(_) => *range,
                    }
                }
                (Source::Kept { range, .. } | Source::Unkept(range), _) => *range,
            };
            let mut go_on = true;
            render_range::<E>(store, (of, range), &mut cache, between_runs, &mut |run: Run| {
                go_on = each(&run)?;
                Ok(go_on)
            })?;
            if !go_on {
                return Ok(());
            }
        }
        Ok(())
    }
}

/// The items of `range` rendered from the store a run at a time, `between_runs` called
/// between two; `each` says whether to go on.
fn render_range<E: From<StoreError>>(
    store: &Store,
    (of, (mut after, before)): (ReportOf, Range),
    cache: &mut DeadlineCache,
    between_runs: &dyn Fn(),
    each: &mut dyn FnMut(Run) -> Result<bool, E>,
) -> Result<(), E> {
    loop {
        let (rows, last) = store.row_run((of.plan, of.period), (after, before))?;
        let Some(next) = rows.last().map(|row| row.item.id) else { return Ok(()) };
        let mut run = Run::default();
        for row in &rows {
            render_row(&mut run, row, (of, cache)).map_err(|()| store.not_utf8())?;
        }
        drop(rows);
        if !each(run)? || last {
            return Ok(());
        }
        after = Some(next);
        between_runs();
    }
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

/// Appends a row's object to `run`; `Err` when its stored text is not UTF-8.
fn render_row(run: &mut Run, row: &StoredRow, (of, cache): (ReportOf, &mut DeadlineCache)) -> Result<(), ()> {
    let entry = row.entry.as_ref().unwrap_or(&EMPTY);
    let info = match &row.info {
        Some(bytes) => simdutf8::basic::from_utf8(bytes).map_err(|_| ())?,
        None => entry.info.as_str(),
    };
    let deadline = cache.item_deadline(&row.item, of.period, of.years);
    let flags_at = status_json::item(&mut run.bytes, &row.item, entry, info, &deadline);
    let at = |n: usize| u32::try_from(n).map_err(|_| ());
    run.items.push(Placed { id: row.item.id, end: at(run.bytes.len())?, flags_at: at(flags_at)? });
    Ok(())
}

#[cfg(test)]
mod tests;
