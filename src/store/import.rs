//! Merging a document into the store: a period's report, or the plan itself. The plan is
//! found by its years (plans never share a year) and checked to be the same plan (the same
//! organisation and approving act, or the same items where those are missing), or created;
//! items are matched by point, then by title; entries that differ become new revisions.
//! The rows come in parts (store/import_rows.rs) and are written a batch at a time through a
//! journal, so a failed import writes nothing, and importing the same document again writes
//! nothing at all.

use super::import_rows::RowMerge;
use super::{BetweenParts, PartSource, Store, StoreError};
use crate::domain::plan::strip_number_dot;
use crate::domain::text::fold;
use crate::domain::{
    Actor, Column, Field, Item, ItemId, PeriodId, Plan, PlanId, Report, ReportRow, Section, Stamp, Years,
};
use crate::model::{ImportOutcome, RevisionSource};

impl Store {
    /// Texts edited in the program since they were imported are kept (and named in the
    /// outcome): a document read again never undoes someone's work.
    pub fn import(&self, report: &Report, actor: &Actor, now: Stamp) -> Result<ImportOutcome, StoreError> {
        self.import_with(report, (actor, now), false)
    }

    /// `replace_edited`: the document's texts win even over those edited in the program.
    pub fn import_with(
        &self,
        report: &Report,
        by: (&Actor, Stamp),
        replace_edited: bool,
    ) -> Result<ImportOutcome, StoreError> {
        let mut parts = report.rows.chunks(ROWS_AT_ONCE);
        let mut rows = |_: &BetweenParts<'_>| Ok(parts.next().map(<[ReportRow]>::to_vec));
        self.import_streamed(&report.without_rows(), by, replace_edited, &mut rows)
    }

    /// A report whose rows `rows` gives in parts, in order (`header.rows` is not read).
    /// Written a batch at a time through a journal, so no more than a part and a batch sit
    /// in memory and a failure, or a server killed half way, writes nothing; the plan and
    /// a new period come last, so until then nobody sees a new plan's items or a new
    /// period's entries.
    pub fn import_streamed<E: From<StoreError>>(
        &self,
        header: &Report,
        by: (&Actor, Stamp),
        replace_edited: bool,
        rows: &mut PartSource<'_, Vec<ReportRow>, E>,
    ) -> Result<ImportOutcome, E> {
        let _writer = self.lock_writer();
        let years = header.plan_years().ok_or(StoreError::PlanYearsUnknown)?;
        let (stored, check) = self.plan_for(header, years)?;
        let plan = stored.clone().unwrap_or_else(|| self.new_plan(header, years));
        let outcome = ImportOutcome {
            period: header.period.map(|p| p.to_string()).unwrap_or_default(),
            years: plan_years_phrase(plan.years.first.min(years.first), plan.years.last.max(years.last)),
            plan_created: stored.is_none(),
            ..Default::default()
        };
        let mut merge = RowMerge::new(self, header, plan, (by, replace_edited), outcome)?;
        let written = (|| {
            while let Some(part) = rows(&BetweenParts { store: self })? {
                for row in &part {
                    merge.row(row)?;
                }
            }
            if check == SamePlan::ByItems && !merge.mostly_known() {
                return Err(self.plan_mismatch(&merge.plan, header).into());
            }
            Ok::<_, E>(merge.last_changes(years)?)
        })();
        // The last commit may fail too (a full disk): then the batches before are taken back.
        match written.and_then(|last| merge.journal.finish(last).map_err(E::from)) {
            Ok(()) => Ok(merge.outcome),
            Err(e) => {
                // A failed take-back leaves the journal open: the next start takes it back.
                let _ = merge.journal.take_back();
                Err(e)
            }
        }
    }

    /// The stored plan this document belongs to, if any: the one its years fall in (it must
    /// be the same plan), else one of the same organisation and act that can take its years.
    fn plan_for(&self, report: &Report, years: Years) -> Result<(Option<Plan>, SamePlan), StoreError> {
        let plans = self.plans()?;
        let overlapping: Vec<&Plan> = plans.iter().filter(|p| p.years.overlaps(years)).collect();
        match overlapping.as_slice() {
            [plan] => {
                let check = self.check_same_plan(plan, report)?;
                let merged = Years { first: plan.years.first.min(years.first), last: plan.years.last.max(years.last) };
                if plans.iter().any(|p| p.id != plan.id && p.years.overlaps(merged)) {
                    return Err(StoreError::PlanOverlap { years: plan_years_phrase(years.first, years.last) });
                }
                Ok((Some((*plan).clone()), check))
            }
            [] => Ok((self.extendable(&plans, report, years), SamePlan::Known)),
            _ => Err(StoreError::PlanOverlap { years: plan_years_phrase(years.first, years.last) }),
        }
    }

    /// A plan of the same organisation and act whose years can grow to hold the document's
    /// (a 2022 report of a plan stored from its 2021 report).
    fn extendable(&self, plans: &[Plan], report: &Report, years: Years) -> Option<Plan> {
        let named = !report.organisation.is_empty() && !report.approved_by.is_empty();
        let candidate = plans.iter().find(|p| named && same_header(p, report))?;
        let merged =
            Years { first: candidate.years.first.min(years.first), last: candidate.years.last.max(years.last) };
        let free = plans.iter().all(|p| p.id == candidate.id || !p.years.overlaps(merged));
        free.then(|| candidate.clone())
    }

    /// The same plan: the same organisation and act when both sides name them, else (to be
    /// seen as the rows come) most of the document's items are the plan's.
    fn check_same_plan(&self, plan: &Plan, report: &Report) -> Result<SamePlan, StoreError> {
        let named = |o: &str, a: &str| !o.trim().is_empty() && !a.trim().is_empty();
        if !(named(&plan.organisation, &plan.approved_by) && named(&report.organisation, &report.approved_by)) {
            return Ok(SamePlan::ByItems);
        }
        match same_header(plan, report) {
            true => Ok(SamePlan::Known),
            false => Err(self.plan_mismatch(plan, report)),
        }
    }

    fn plan_mismatch(&self, plan: &Plan, report: &Report) -> StoreError {
        StoreError::PlanMismatch {
            years: plan_years_phrase(plan.years.first, plan.years.last),
            stored: header_phrase(&plan.organisation, &plan.approved_by),
            imported: header_phrase(&report.organisation, &report.approved_by),
        }
    }

    /// A new plan's id is its first year, unless another plan (whose years moved) holds it.
    fn new_plan(&self, report: &Report, years: Years) -> Plan {
        let taken: Vec<PlanId> = self.plans().map(|ps| ps.iter().map(|p| p.id).collect()).unwrap_or_default();
        let id = (years.first..).map(PlanId).find(|id| !taken.contains(id)).unwrap_or(PlanId(years.first));
        Plan {
            id,
            years,
            organisation: String::new(),
            approved_by: String::new(),
            title_lines: report.title_lines.clone(),
            sections: Vec::new(),
            columns: Vec::new(),
            signed_by: String::new(),
            executor: String::new(),
        }
    }

    /// Whether an entry's current text was written in the program (an edit or a restore),
    /// not by a document or a carry-over.
    pub(super) fn edited_here(&self, period: PeriodId, id: ItemId) -> Result<bool, StoreError> {
        let last = self.history(period, id)?.pop();
        Ok(last.is_some_and(|r| matches!(r.source, RevisionSource::Edit | RevisionSource::Restore)))
    }
}

/// How a stored plan is known to be the document's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SamePlan {
    /// By its organisation and act, or it is new.
    Known,
    /// Neither side names both: most of the document's items must be the plan's.
    ByItems,
}

/// Rows a whole report gives at a time when it comes in one piece.
const ROWS_AT_ONCE: usize = 500;

/// "2020 год", "2021–2024 годы", as messages name a plan's years.
pub(crate) fn plan_years_phrase(first: i32, last: i32) -> String {
    crate::i18n::years_phrase(first, last)
}

pub(super) fn new_item(id: ItemId, point: &str) -> Item {
    Item {
        id,
        seq: String::new(),
        point: point.to_owned(),
        title: String::new(),
        deadline_text: String::new(),
        schedule_override: None,
        responsible: String::new(),
        extra: Vec::new(),
    }
}

/// The stored item with what the document says of it; a column the document does not have
/// leaves the item's value as it was.
pub(super) fn updated_item(item: &Item, row: &crate::domain::ReportRow, report: &Report) -> Item {
    let mut updated = Item {
        seq: row.seq.clone(),
        title: row.title.clone(),
        deadline_text: row.deadline_text.clone(),
        ..item.clone()
    };
    if report.has(Field::Responsible) {
        updated.responsible = row.responsible.clone();
    }
    if report.has(Field::Extra) {
        updated.extra = row.extra.clone();
    }
    updated
}

/// "organisation — act", either left out when missing.
fn header_phrase(organisation: &str, act: &str) -> String {
    let named: Vec<&str> = [organisation, act].into_iter().map(str::trim).filter(|t| !t.is_empty()).collect();
    named.join(" — ")
}

/// Points compare without the trailing dot and spaces: "5." and "5" are one item.
pub(super) fn point_key(point: &str) -> String {
    strip_number_dot(point).replace(' ', "")
}

/// Same organisation and approving act, ignoring case, ё/е and spacing; two wordings of an
/// act with the same date and number are one act («постановлением … от 28.12.2020 № 2450»
/// in a plan's approval block, «Постановление … от 28.12.2020 № 2450 «Об утверждении …»» in a
/// report's header).
fn same_header(plan: &Plan, report: &Report) -> bool {
    let same_act = match (act_key(&plan.approved_by), act_key(&report.approved_by)) {
        (Some(a), Some(b)) => a == b,
        _ => fold(&plan.approved_by) == fold(&report.approved_by),
    };
    fold(&plan.organisation) == fold(&report.organisation) && same_act
}

/// An act's date and number: "28.12.2020" and "01-2450-а" of "… от 28.12.2020г. № 01-2450-а …".
fn act_key(act: &str) -> Option<(String, String)> {
    let folded = fold(act);
    let (before, after) = folded.split_once('№')?;
    let number: String =
        after.trim_start().chars().take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.')).collect();
    let number = number.trim_end_matches('.').to_owned();
    let date = before.split_whitespace().rev().find_map(|word| {
        let digits = word.trim_end_matches(|c: char| !c.is_ascii_digit());
        let parts: Vec<&str> = digits.split('.').collect();
        (parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())))
            .then(|| digits.to_owned())
    })?;
    (!number.is_empty()).then_some((date, number))
}

/// What the document adds to the plan: the header fields it lacks, its years, its columns
/// and sections; a report's title lines when the plan has only a plan's.
pub(super) fn merge_plan(plan: &mut Plan, report: &Report, years: Years, row_ids: &[ItemId]) {
    if plan.organisation.trim().is_empty() {
        plan.organisation = report.organisation.clone();
    }
    if plan.approved_by.trim().is_empty() {
        plan.approved_by = report.approved_by.clone();
    }
    if plan.signed_by.trim().is_empty() {
        plan.signed_by = report.signed_by.clone();
    }
    if plan.executor.trim().is_empty() {
        plan.executor = report.executor.clone();
    }
    plan.years = Years { first: plan.years.first.min(years.first), last: plan.years.last.max(years.last) };
    if plan.title_lines.is_empty() || (report.period.is_some() && !report.title_lines.is_empty()) {
        plan.title_lines = report.title_lines.clone();
    }
    plan.columns = merge_columns(&plan.columns, &report.columns);
    let sections: Vec<Section> = report
        .sections
        .iter()
        .filter_map(|(row, title)| row_ids.get(*row).map(|id| Section { before: *id, title: title.clone() }))
        .collect();
    if !sections.is_empty() {
        plan.sections = sections;
    }
}

/// The document's columns, with the plan's columns it lacks kept where they stood (after
/// the column that came before them), and the report's two text columns at the end when
/// neither has them.
pub(crate) fn merge_columns(stored: &[Column], document: &[Column]) -> Vec<Column> {
    let same = |a: &Column, b: &Column| a.field == b.field && (a.field != Field::Extra || a.caption == b.caption);
    let mut out: Vec<Column> = document.to_vec();
    for (i, column) in stored.iter().enumerate() {
        if out.iter().any(|c| same(c, column)) {
            continue;
        }
        let after = stored[..i].iter().rev().find_map(|prev| out.iter().position(|c| same(c, prev)));
        out.insert(after.map_or(0, |p| p + 1), column.clone());
    }
    for field in [Field::Info, Field::Assessment] {
        if !out.iter().any(|c| c.field == field) {
            let caption = crate::domain::form::caption_of(field).unwrap_or_default();
            out.push(Column { field, caption: caption.to_owned() });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::act_key;

    #[test]
    fn an_act_is_known_by_its_date_and_number() {
        let key = |d: &str, n: &str| Some((d.to_owned(), n.to_owned()));
        assert_eq!(
            act_key("постановлением администрации района от 28.12.2020 № 01-2450-а"),
            key("28.12.2020", "01-2450-а")
        );
        assert_eq!(
            act_key(
                "Постановление Администрации Серовского городского округа от 05.02.2020г. №130 «Об утверждении Плана»"
            ),
            key("05.02.2020", "130")
        );
        assert_eq!(act_key("Распоряжение от 1.02.2021 № 15-р."), key("1.02.2021", "15-р"));
        assert_eq!(act_key("Постановление №1 «О плане»"), None, "no date");
        assert_eq!(act_key("Постановление от 28.12.2020"), None, "no number");
    }
}
