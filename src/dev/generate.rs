//! Large plans for measurements: N items over Q1–Q4 of the sample's year, with the
//! sample's kinds of titles, deadlines and execution texts. Deterministic: the same options
//! give the same plan, byte for byte (a seed, no clock).

use std::path::Path;

use super::rng::Rng;
use super::texts::{Pools, section};
use crate::domain::{Entry, Item, ItemId, Period, PeriodId, Plan, Quarter, Report, ReportRow, Section, Stamp};
use crate::model::Settings;
use crate::model::Snapshot;

#[derive(Clone, Debug)]
pub struct GenOptions {
    pub items: usize,
    /// Quarters from Q1: 1 to 4.
    pub periods: u8,
    pub seed: u64,
}

impl Default for GenOptions {
    fn default() -> Self {
        GenOptions { items: 10_000, periods: 4, seed: 1 }
    }
}

pub struct Generated {
    pub plan: Plan,
    pub items: Vec<Item>,
    /// The quarters in order, each with every item's entry.
    pub periods: Vec<(Period, Vec<(ItemId, Entry)>)>,
}

/// Generates a plan; fails only if the bundled sample cannot be read (a broken build).
pub fn generate(options: &GenOptions) -> Result<Generated, String> {
    let sample = crate::formats::txt::parse_report(Path::new(crate::sample::SAMPLE_NAME), crate::sample::SAMPLE)
        .map_err(|e| e.to_string())?;
    let pools = Pools::from_report(&sample).ok_or_else(|| crate::tr!("dev-generate-no-sample"))?;
    let year = sample.period.map_or(2020, |p| p.year);
    let mut rng = Rng::new(options.seed);

    let mut items = Vec::with_capacity(options.items);
    let mut sections = Vec::new();
    let mut next_section = 0;
    for n in 1..=options.items {
        if n > next_section {
            sections.push(Section { before: ItemId(n as u32), title: section(sections.len() + 1) });
            next_section = n + 40 + rng.below(80);
        }
        items.push(Item {
            id: ItemId(n as u32),
            seq: format!("{n}."),
            point: format!("{n}."),
            title: pools.title(&mut rng),
            deadline_text: pools.deadline(&mut rng, year),
            schedule_override: None,
            responsible: String::new(),
            extra: Vec::new(),
        });
    }
    let plan = Plan {
        organisation: sample.organisation,
        approved_by: sample.approved_by,
        title_lines: sample.title_lines,
        sections,
        columns: sample.columns,
        ..Plan::new(crate::domain::Years::one(year))
    };

    let periods = (1..=options.periods.clamp(1, 4))
        .filter_map(|q| Quarter::new(year, q).map(|quarter| (q, PeriodId::quarter(quarter))))
        .map(|(q, id)| {
            // A stream of its own per quarter: Q1 is the same whether 1 or 4 are made.
            let mut rng = Rng::new(options.seed ^ (u64::from(q) << 56));
            let changed_at = id.end().and_hms_opt(10, 0, 0).map_or(0, |t| t.and_utc().timestamp() + 5 * 86_400);
            let entries = items
                .iter()
                .map(|item| {
                    let entry = Entry {
                        info: pools.info(&mut rng, q),
                        assessment: pools.assessment(&mut rng, q),
                        changed_by: "import".into(),
                        changed_at: Stamp(changed_at),
                        revision: 1,
                        ..Entry::default()
                    };
                    (item.id, entry)
                })
                .collect();
            (Period::new(id, id.official_title()), entries)
        })
        .collect();
    Ok(Generated { plan, items, periods })
}

impl Generated {
    /// The quarter at `index` as the server would hand it to a client.
    pub fn snapshot(&self, index: usize) -> Option<Snapshot> {
        let (period, entries) = self.periods.get(index)?;
        Some(Snapshot {
            plan: self.plan.clone(),
            periods: self.periods.iter().map(|(p, _)| p.clone()).collect(),
            period: period.clone(),
            items: self.items.clone(),
            entries: entries.clone(),
            texts: true,
            drafts: Vec::new(),
            settings: Settings::default(),
        })
    }

    /// The quarter at `index` as a document would bring it to `otchet import`.
    pub fn report(&self, index: usize) -> Option<Report> {
        let (period, entries) = self.periods.get(index)?;
        let rows = self
            .items
            .iter()
            .zip(entries)
            .map(|(item, (_, entry))| ReportRow {
                seq: item.seq.clone(),
                point: item.point.clone(),
                title: item.title.clone(),
                deadline_text: item.deadline_text.clone(),
                info: entry.info.clone(),
                assessment: entry.assessment.clone(),
                ..ReportRow::default()
            })
            .collect();
        let sections =
            self.plan.sections.iter().map(|s| (s.before.0.saturating_sub(1) as usize, s.title.clone())).collect();
        Some(Report {
            title_lines: self.plan.title_lines.clone(),
            organisation: self.plan.organisation.clone(),
            approved_by: self.plan.approved_by.clone(),
            period: Some(period.id),
            period_title: period.title.clone(),
            years: Some(self.plan.years),
            columns: self.plan.columns.clone(),
            rows,
            sections,
            signed_by: String::new(),
            executor: String::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> GenOptions {
        GenOptions { items: 300, periods: 2, seed: 7 }
    }

    #[test]
    fn the_same_options_give_the_same_plan() {
        let (a, b) = (generate(&small()).unwrap(), generate(&small()).unwrap());
        assert_eq!(a.items, b.items);
        assert_eq!(a.periods, b.periods);
        let other = generate(&GenOptions { seed: 8, ..small() }).unwrap();
        assert_ne!(a.items, other.items);
        // The first quarter does not depend on how many follow.
        let one = generate(&GenOptions { periods: 1, ..small() }).unwrap();
        assert_eq!(one.periods[0], a.periods[0]);
    }

    #[test]
    fn texts_are_long_and_flags_vary() {
        let g = generate(&small()).unwrap();
        let (period, entries) = &g.periods[1];
        assert_eq!(period.id.to_string(), "2020-Q2");
        assert!(entries.iter().any(|(_, e)| e.info.contains("II квартал")));
        assert!(!entries.iter().any(|(_, e)| e.info.contains(" I квартал")));
        let lengths: Vec<usize> = entries.iter().map(|(_, e)| e.info.chars().count()).collect();
        assert!(lengths.iter().all(|n| *n >= 100), "{lengths:?}");
        assert!(lengths.iter().any(|n| *n >= 1500), "{lengths:?}");
        let blank = entries.iter().filter(|(_, e)| e.assessment.is_empty()).count();
        assert!((10..100).contains(&blank), "{blank}");
        assert!(g.plan.sections.len() >= 3);
    }

    #[test]
    fn a_generated_report_survives_the_text_export_and_import() {
        use crate::formats::{ExportFormat, ExportInput, PeriodExport, export};
        let g = generate(&GenOptions { items: 120, periods: 1, seed: 3 }).unwrap();
        let snapshot = g.snapshot(0).unwrap();
        let rules = crate::domain::FlagRules::default();
        let input = ExportInput::Period(PeriodExport::new(&snapshot, period_end(&snapshot), &rules));
        let bytes = export(ExportFormat::Txt, &input).unwrap();
        let read = crate::formats::txt::parse_report(Path::new("generated.txt"), &bytes).unwrap();
        let expected = g.report(0).unwrap();
        assert_eq!(read.rows.len(), expected.rows.len());
        assert_eq!(read.sections, expected.sections);
        for (r, e) in read.rows.iter().zip(&expected.rows) {
            assert_eq!((&r.title, &r.info, r.assessment.trim()), (&e.title, &e.info, e.assessment.trim()));
        }
    }

    fn period_end(s: &Snapshot) -> chrono::NaiveDate {
        s.period.id.end()
    }
}
