use super::*;
use crate::dev::{GenOptions, generate};
use crate::domain::{Actor, EntryEdit, Stamp};
use crate::model::{PlanChange, RevisionSource};
use crate::store::StoreOptions;

fn actor() -> Actor {
    Actor { uid: 1000, name: "ivanova".into() }
}

/// A store of a generated plan of `items` (several segments of them), with its one period.
fn store_of(dir: &tempfile::TempDir, items: usize) -> (Store, ReportOf) {
    let store = Store::open(dir.path(), &StoreOptions::default()).unwrap();
    let generated = generate(&GenOptions { items, periods: 1, seed: 5 }).unwrap();
    store.import(&generated.report(0).unwrap(), &actor(), Stamp(1_586_000_000)).unwrap();
    let period = generated.periods[0].0.id;
    let plan = store.plan_of(period).unwrap().unwrap();
    (store, ReportOf { plan: plan.id, years: plan.years, period })
}

/// An item as a report reads it: its object and its flags' place, with what they are
/// worked out from.
type Read = (String, usize, (Vec<crate::domain::Due>, String, String, crate::domain::Review));

/// Each item as a report reads it; the same as kept without the objects, when kept.
fn read_all(segments: &Segments, store: &Store, of: ReportOf) -> Vec<Read> {
    let mut all = Vec::new();
    let mut each = |run: &Run, bytes: &[u8]| -> Result<bool, StoreError> {
        all.extend(run.items_over(bytes).map(|i| {
            let judged = (i.deadline.due.clone(), i.assessment.to_owned(), i.responsible.to_owned(), i.review);
            (String::from_utf8_lossy(i.object).into_owned(), i.flags_at, judged)
        }));
        Ok(true)
    };
    segments.read(store, of, &|| (), &mut each).unwrap();
    if let Some(kept) = segments.kept_items() {
        let judged: Vec<_> = kept
            .map(|i| (i.deadline.due.clone(), i.assessment.to_owned(), i.responsible.to_owned(), i.review))
            .collect();
        assert_eq!(judged, all.iter().map(|a| a.2.clone()).collect::<Vec<_>>());
    }
    all
}

/// What the kept items must be: the period rendered from the store now.
fn rendered_anew(store: &Store, of: ReportOf) -> Vec<Read> {
    read_all(&Segments::unkept(), store, of)
}

fn assert_kept_as_anew(reports: &RenderedReports, store: &Store, of: ReportOf) {
    let segments = reports.current(store, of, &|| ()).unwrap();
    assert!(segments.file.is_some(), "kept in a file");
    let (kept, anew) = (read_all(&segments, store, of), rendered_anew(store, of));
    assert_eq!(kept.len(), anew.len());
    for (k, a) in kept.iter().zip(&anew) {
        assert_eq!(k, a, "an item as kept and as rendered anew");
    }
}

fn save(store: &Store, of: ReportOf, item: ItemId, info: &str) {
    let base_revision = store.entry(of.period, item).unwrap().unwrap_or_default().revision;
    let edit = EntryEdit {
        period: of.period, item, base_revision, info: info.into(), assessment: "Выполнено".into()
    };
    store.save_entry(&edit, &actor(), Stamp(1_586_000_100), RevisionSource::Edit).unwrap();
}

#[test]
fn kept_items_follow_each_change_rendering_again_only_the_segment_it_touched() {
    let dir = tempfile::tempdir().unwrap();
    let (store, of) = store_of(&dir, 1200);
    let reports = RenderedReports::keeping_free(0);
    let segments = reports.current(&store, of, &|| ()).unwrap();
    assert!(segments.list.len() >= 4, "the period in several segments: {}", segments.list.len());
    assert_kept_as_anew(&reports, &store, of);
    assert_eq!(reports.renders(), (1, 0), "nothing changed, nothing rendered again");

    save(&store, of, ItemId(600), "Проведён «щавелевый» семинар;\nитоги — в протоколе.");
    assert_kept_as_anew(&reports, &store, of);
    assert_eq!(reports.renders(), (1, 1), "the edited item's segment alone");
    store.set_responsible(of.plan, ItemId(5), "Юридический отдел").unwrap();
    let hand_set = crate::domain::deadline::parse("до 15 июня 2020 года").expect("a deadline the grammar knows");
    store.set_schedule(of.plan, ItemId(1199), Some(hand_set)).unwrap();
    save(&store, of, ItemId(601), "");
    assert_kept_as_anew(&reports, &store, of);
    assert_eq!(reports.renders(), (1, 4), "the first, middle and last segments");
}

#[test]
fn after_an_import_the_items_are_as_rendered_anew_and_other_years_render_all_again() {
    let dir = tempfile::tempdir().unwrap();
    let (store, of) = store_of(&dir, 300);
    let reports = RenderedReports::keeping_free(0);
    assert_kept_as_anew(&reports, &store, of);
    // A larger plan: new items after the stored ones, other texts.
    let generated = generate(&GenOptions { items: 400, periods: 1, seed: 8 }).unwrap();
    store.import(&generated.report(0).unwrap(), &actor(), Stamp(1_586_000_300)).unwrap();
    assert_kept_as_anew(&reports, &store, of);
    let items = store.items(of.plan).unwrap().len();
    assert!(items > 300, "{items} items");
    assert_eq!(read_all(&reports.current(&store, of, &|| ()).unwrap(), &store, of).len(), items);
    let whole = reports.renders().0;
    let change =
        PlanChange { years: Some(Years { first: of.years.first, last: of.years.first + 2 }), ..Default::default() };
    let plan = store.change_plan(of.plan, &change).unwrap();
    let widened = ReportOf { years: plan.years, ..of };
    assert_kept_as_anew(&reports, &store, widened);
    assert_eq!(reports.renders().0, whole + 1, "due dates of other years");
}

#[test]
fn without_room_on_the_disk_nothing_is_kept_and_each_report_renders_anew() {
    let dir = tempfile::tempdir().unwrap();
    let (store, of) = store_of(&dir, 200);
    let reports = RenderedReports::keeping_free(u64::MAX);
    let segments = reports.current(&store, of, &|| ()).unwrap();
    assert!(segments.file.is_none());
    assert_eq!(read_all(&segments, &store, of).len(), 200);
    assert_eq!(read_all(&segments, &store, of), rendered_anew(&store, of));
    save(&store, of, ItemId(3), "Новый текст");
    let segments = reports.current(&store, of, &|| ()).unwrap();
    assert_eq!(read_all(&segments, &store, of), rendered_anew(&store, of));
}

#[test]
fn a_file_mostly_of_segments_rendered_again_is_copied_without_them() {
    let dir = tempfile::tempdir().unwrap();
    let (store, of) = store_of(&dir, 1200);
    let reports = RenderedReports::keeping_free(0);
    assert_kept_as_anew(&reports, &store, of);
    let first = reports.written();
    let mut most = first;
    // Each edit leaves a segment behind; the file is copied once they outweigh the rest.
    for n in 0..40u32 {
        save(&store, of, ItemId(n * 30 + 1), &format!("Правка {n}"));
        reports.current(&store, of, &|| ()).unwrap();
        most = most.max(reports.written());
    }
    assert!(most > 2 * first, "segments left behind: {most} of {first}");
    assert!(reports.written() < most, "copied without them: {} of {most}", reports.written());
    assert_kept_as_anew(&reports, &store, of);
}

#[test]
fn a_report_date_or_a_plan_s_head_renders_no_item_again() {
    let dir = tempfile::tempdir().unwrap();
    let (store, of) = store_of(&dir, 300);
    let reports = RenderedReports::keeping_free(0);
    assert_kept_as_anew(&reports, &store, of);
    store.set_report_date(of.period, chrono::NaiveDate::from_ymd_opt(2020, 4, 10)).unwrap();
    let change = PlanChange { organisation: Some("Администрация".into()), ..Default::default() };
    store.change_plan(of.plan, &change).unwrap();
    assert_kept_as_anew(&reports, &store, of);
    assert_eq!(reports.renders(), (1, 0), "the items' objects do not hold them");
}

#[test]
fn two_periods_reported_in_turn_are_both_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), &StoreOptions::default()).unwrap();
    let generated = generate(&GenOptions { items: 200, periods: 3, seed: 4 }).unwrap();
    for quarter in 0..3 {
        store.import(&generated.report(quarter).unwrap(), &actor(), Stamp(1_586_000_000)).unwrap();
    }
    let plan = store.plan_of(generated.periods[0].0.id).unwrap().unwrap();
    let of = |q: usize| ReportOf { plan: plan.id, years: plan.years, period: generated.periods[q].0.id };
    let reports = RenderedReports::keeping_free(0);
    for _ in 0..3 {
        assert_kept_as_anew(&reports, &store, of(0));
        assert_kept_as_anew(&reports, &store, of(1));
    }
    assert_eq!(reports.renders(), (2, 0), "each rendered once");
    // A third period makes way: the one reported longest ago goes.
    assert_kept_as_anew(&reports, &store, of(2));
    assert_kept_as_anew(&reports, &store, of(1));
    assert_eq!(reports.renders().0, 3);
    assert_kept_as_anew(&reports, &store, of(0));
    assert_eq!(reports.renders().0, 4);
}

#[test]
fn a_disk_filled_since_takes_the_file_back() {
    let dir = tempfile::tempdir().unwrap();
    let (store, of) = store_of(&dir, 200);
    let mut reports = RenderedReports::keeping_free(0);
    assert_kept_as_anew(&reports, &store, of);
    assert!(reports.written() > 0);
    reports.keep_free = Some(u64::MAX);
    let segments = reports.current(&store, of, &|| ()).unwrap();
    assert!(segments.file.is_none() && segments.kept_items().is_none());
    assert_eq!(reports.written(), 0, "nothing kept");
    assert_eq!(read_all(&segments, &store, of), rendered_anew(&store, of));
}

#[test]
fn a_file_that_cannot_be_read_back_gives_the_items_from_the_store_and_is_rendered_anew() {
    let dir = tempfile::tempdir().unwrap();
    let (store, of) = store_of(&dir, 600);
    let reports = RenderedReports::keeping_free(0);
    let segments = reports.current(&store, of, &|| ()).unwrap();
    let Some((file, _)) = &segments.file else { panic!("kept in a file") };
    file.set_len(0).unwrap();
    assert_eq!(read_all(&segments, &store, of), rendered_anew(&store, of));
    assert_kept_as_anew(&reports, &store, of);
    assert_eq!(reports.renders(), (2, 0), "rendered anew into another file");
}
