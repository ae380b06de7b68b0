//! `status --json` without reading the period from the store each time: each item's object
//! of the report (`formats::status_json::item`: all of it but its flags, which depend on
//! the date asked for) is rendered once and kept in a file of the server's own, a segment
//! of consecutive items at a time, with what its flags are worked out from (its due dates,
//! its entry's assessment and review, its responsible). A change marks the segment of the
//! item it touched, which the next report renders again (`Store::changed_since`, as the
//! search follows changes); a report counts and flags the kept items, then reads their
//! objects back. The periods reported last are kept; without room for the file on the
//! disk, every report renders its items anew.

mod file;
mod run;

use std::fs::File;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use file::SegmentFile;
use run::render_range;
pub use run::{RenderedItem, Run};

use crate::domain::{DeadlineCache, ItemId, PeriodId, PlanId, Years};
use crate::store::{Changed, Store, StoreError};

/// How many periods' items are kept rendered: a report of this quarter and one of the
/// last, asked for in turn, each find theirs.
const KEPT_PERIODS: usize = 2;

/// The periods reported last, their items rendered.
#[derive(Default)]
pub struct RenderedReports {
    /// Least recently reported first.
    kept: Mutex<Vec<Rendered>>,
    /// How many times a period was rendered whole, and segments of one again (tests).
    renders: (AtomicU64, AtomicU64),
    /// The room a file leaves free on its disk, when not the default (tests).
    keep_free: Option<u64>,
    /// The room a whole period is expected to take in a file: the most one took, or
    /// twice what one had written when the disk had no more room.
    size_hint: AtomicU64,
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
    /// Set by a report that could not read the file back: it is given up.
    broken: Arc<AtomicBool>,
}

/// The plan's items from `first` to the next segment's first.
struct Segment {
    first: ItemId,
    /// Where they are in the file; `None` once one of them changed.
    kept: Option<Arc<Kept>>,
}

/// A segment's items in the file: their objects one after another, `len` bytes at `at`;
/// what their flags are worked out from, here.
struct Kept {
    at: u64,
    len: usize,
    run: Run,
}

/// A report's items as of one moment: segments in the file, or, without one, the whole
/// period to render as it is read.
pub struct Segments {
    file: Option<(Arc<File>, Arc<AtomicBool>)>,
    list: Vec<Source>,
}

enum Source {
    Kept { kept: Arc<Kept>, range: Range },
    Unkept(Range),
}

/// Items after the first (from the plan's first when `None`) and before the second (to
/// its last).
type Range = (Option<ItemId>, Option<ItemId>);

/// Given a run and its objects' bytes, says whether to go on.
pub type EachRun<'a, E> = dyn FnMut(&Run, &[u8]) -> Result<bool, E> + 'a;

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

    /// The bytes written to the file of the period reported last (0 without one).
    #[cfg(test)]
    pub fn written(&self) -> u64 {
        self.lock().last().map_or(0, |r| r.file.end())
    }

    /// The period's items as of the store's latest change: those kept, the segments that
    /// changed since rendered again, or all of them rendered anew (`between_runs` called
    /// between two runs read from the store).
    pub fn current(&self, store: &Store, of: ReportOf, between_runs: &dyn Fn()) -> Result<Segments, StoreError> {
        let mut kept = self.lock();
        if !self.has_room(store.path(), 0) {
            // The disk filled since: the store needs the room more.
            kept.clear();
        }
        let mine = kept.iter().position(|r| r.of == of).map(|at| kept.remove(at));
        let rendered = match mine.filter(|r| !r.broken.load(Ordering::Acquire)) {
            Some(mut rendered) => match store.changed_since(rendered.seen) {
                Some(changes) => {
                    rendered.follow(&changes.changed);
                    rendered.seen = changes.latest;
                    Some(rendered)
                }
                None => self.render_all(store, of, between_runs)?,
            },
            None => self.render_all(store, of, between_runs)?,
        };
        let Some(mut rendered) = rendered else { return Ok(Segments::unkept()) };
        // No room on the disk for the segments that changed: nothing is kept.
        if !self.render_changed(store, &mut rendered)? {
            return Ok(Segments::unkept());
        }
        if rendered.file.mostly_dropped() {
            rendered.compact(store.path());
        }
        let segments = rendered.segments();
        kept.push(rendered);
        if kept.len() > KEPT_PERIODS {
            kept.remove(0);
        }
        Ok(segments)
    }

    fn lock(&self) -> MutexGuard<'_, Vec<Rendered>> {
        // Segments half changed by a panic are dropped: the next report renders anew.
        self.kept.lock().unwrap_or_else(|poisoned| {
            let mut kept = poisoned.into_inner();
            kept.clear();
            self.kept.clear_poison();
            kept
        })
    }

    fn keep_free(&self) -> u64 {
        self.keep_free.unwrap_or(file::KEEP_FREE_BYTES)
    }

    /// Whether `dir`'s disk has room for `bytes` more and what is kept free besides.
    fn has_room(&self, dir: &Path, bytes: u64) -> bool {
        file::has_room(dir, bytes, self.keep_free())
    }

    /// Every item rendered into a new file; `None` when there is no room for one.
    fn render_all(&self, store: &Store, of: ReportOf, between_runs: &dyn Fn()) -> Result<Option<Rendered>, StoreError> {
        let dir = store.path();
        if !self.has_room(dir, self.size_hint.load(Ordering::Relaxed)) {
            return Ok(None);
        }
        let Some(mut file) = SegmentFile::keeping(dir, self.keep_free()) else { return Ok(None) };
        // Before reading: a change committed meanwhile is followed at the next report.
        let seen = store.latest_change();
        self.renders.0.fetch_add(1, Ordering::Relaxed);
        let all = (ItemId(0), (None, None));
        let segments = render_segments(store, (of, all), (&mut file, &mut DeadlineCache::default()), between_runs)?;
        let hint = if segments.is_some() { file.end() } else { 2 * file.end() };
        self.size_hint.fetch_max(hint, Ordering::Relaxed);
        let broken = Arc::default();
        Ok(segments.map(|segments| Rendered { of, seen, file, segments, broken }))
    }

    /// The segments whose items changed, rendered again: each into as many segments as
    /// it now has runs. `false` when the file had no room for them.
    fn render_changed(&self, store: &Store, rendered: &mut Rendered) -> Result<bool, StoreError> {
        let mut cache = DeadlineCache::default();
        let mut i = 0;
        while i < rendered.segments.len() {
            if rendered.segments[i].kept.is_some() {
                i += 1;
                continue;
            }
            self.renders.1.fetch_add(1, Ordering::Relaxed);
            let of = (rendered.of, (rendered.segments[i].first, rendered.range(i)));
            let into = (&mut rendered.file, &mut cache);
            let Some(fresh) = render_segments(store, of, into, &|| ())? else { return Ok(false) };
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
    (file, cache): (&mut SegmentFile, &mut DeadlineCache),
    between_runs: &dyn Fn(),
) -> Result<Option<Vec<Segment>>, StoreError> {
    let dir = store.path();
    let mut segments: Vec<Segment> = Vec::new();
    let mut room = true;
    render_range(store, (of, range), cache, between_runs, &mut |run: Run| {
        let start = match segments.is_empty() {
            true => first,
            false => run.first().unwrap_or(first),
        };
        let kept =
            file.append(run.bytes(), dir).map(|at| Kept { at, len: run.bytes().len(), run: run.without_bytes() });
        room &= kept.is_some();
        segments.push(Segment { first: start, kept: kept.map(Arc::new) });
        Ok(room)
    })?;
    if segments.is_empty() {
        // No item there (any more): the range is still the segment's.
        segments.push(Segment { first, kept: Some(Arc::new(Kept { at: 0, len: 0, run: Run::default() })) });
    }
    Ok(room.then_some(segments))
}

impl Rendered {
    /// The segments holding an item or entry a change touched are to render again. A
    /// plan's or a period's own record changes no item's object (a plan of other years
    /// is another `ReportOf`).
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

    /// The kept segments copied into a new file, those rendered again since left behind;
    /// when no file can be made, the old one stays.
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
            moved.push(Some(Arc::new(Kept { at, len: kept.len, run: kept.run.clone() })));
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
        Segments { file: Some((self.file.shared(), Arc::clone(&self.broken))), list }
    }
}

impl Segments {
    /// The whole period, rendered as it is read.
    fn unkept() -> Segments {
        Segments { file: None, list: vec![Source::Unkept((None, None))] }
    }

    /// Every item as kept, without its object (which is in the file), in plan order;
    /// `None` when the items are not kept.
    pub fn kept_items(&self) -> Option<impl Iterator<Item = RenderedItem<'_>>> {
        let runs: Option<Vec<&Run>> = (self.list.iter())
            .map(|source| match source {
                Source::Kept { kept, .. } => Some(&kept.run),
                Source::Unkept(_) => None,
            })
            .collect();
        Some(runs?.into_iter().flat_map(|run| run.items_over(&[])))
    }

    /// Each run of items in plan order with its objects' bytes, read back from the file or
    /// rendered from the store; `each` says whether to go on.
    pub fn read<E: From<StoreError>>(
        &self,
        store: &Store,
        of: ReportOf,
        between_runs: &dyn Fn(),
        each: &mut EachRun<'_, E>,
    ) -> Result<(), E> {
        let mut cache = DeadlineCache::default();
        let mut buffer = Vec::new();
        for source in &self.list {
            let range = match (source, &self.file) {
                (Source::Kept { kept, range }, Some((file, broken))) => {
                    match file::read(file, (kept.at, kept.len), &mut buffer) {
                        Ok(()) => {
                            if !each(&kept.run, &buffer)? {
                                return Ok(());
                            }
                            continue;
                        }
                        Err(e) => {
                            file_failed(of, &e, broken);
                            *range
                        }
                    }
                }
                (Source::Kept { range, .. } | Source::Unkept(range), _) => *range,
            };
            let mut go_on = true;
            render_range::<E>(store, (of, range), &mut cache, between_runs, &mut |run: Run| {
                go_on = each(&run, run.bytes())?;
                Ok(go_on)
            })?;
            if !go_on {
                return Ok(());
            }
        }
        Ok(())
    }
}

/// A file that could not be read back: logged, and given up at the next report (these
/// items come from the store meanwhile).
fn file_failed(of: ReportOf, e: &std::io::Error, broken: &AtomicBool) {
    if !broken.swap(true, Ordering::AcqRel) {
        let error = match e.kind() {
            std::io::ErrorKind::UnexpectedEof => crate::tr!("server-log-rendered-short"),
            _ => crate::i18n::os_error(e),
        };
        super::log::line(&crate::tr!("server-log-rendered-unreadable", period = of.period.to_string(), error = error));
    }
}

#[cfg(test)]
mod tests;
