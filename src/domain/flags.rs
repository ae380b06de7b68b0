//! The flags of an item in a period as of a date, exactly as domain.md defines them.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::deadline::Due;
use super::period::PeriodId;
use super::text::fold;

/// When an assessment counts as "done": it starts with one of `done_prefixes` and
/// contains none of `not_done_words` (all compared lower-cased, ё as е, spaces collapsed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DoneRule {
    pub done_prefixes: Vec<String>,
    pub not_done_words: Vec<String>,
}

impl Default for DoneRule {
    fn default() -> Self {
        Self {
            done_prefixes: vec!["выполнено".into()], not_done_words: vec!["частично".into(), "не в полном".into()]
        }
    }
}

impl DoneRule {
    pub fn is_done(&self, assessment: &str) -> bool {
        self.is_done_folded(&fold(assessment))
    }

    /// As `is_done`, of an assessment already folded (`fold`).
    pub fn is_done_folded(&self, a: &str) -> bool {
        self.done_prefixes.iter().any(|p| a.starts_with(&*folded(p)))
            && !self.not_done_words.iter().any(|w| a.contains(&*folded(w)))
    }

    /// The assessment says the item was not (fully) done: «не выполнено», «выполнено частично».
    pub fn is_not_done(&self, assessment: &str) -> bool {
        let a = fold(assessment);
        a.starts_with("не ") || a.contains("не выполн") || self.not_done_words.iter().any(|w| a.contains(&*folded(w)))
    }
}

/// A rule's word folded, borrowed when it is already (as the settings write them): a status
/// of 10,000 items asks every rule's words for every item.
fn folded(word: &str) -> std::borrow::Cow<'_, str> {
    let plain = |c: char| matches!(c, 'a'..='z' | 'а'..='я' | '0'..='9' | '-' | '.' | ',');
    let single_spaces = !word.starts_with(' ') && !word.ends_with(' ') && !word.contains("  ");
    if single_spaces && word.chars().all(|c| plain(c) || c == ' ') {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(fold(word))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagRules {
    pub due_soon_days: u32,
    pub done: DoneRule,
}

impl Default for FlagRules {
    fn default() -> Self {
        Self { due_soon_days: 14, done: DoneRule::default() }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Flags {
    pub overdue: bool,
    pub no_result: bool,
    pub due_soon: bool,
    pub done: bool,
}

impl Flags {
    /// The flag names used in `status --json`, in a fixed order.
    pub fn names(self) -> Vec<&'static str> {
        [(self.overdue, "overdue"), (self.no_result, "no_result"), (self.due_soon, "due_soon"), (self.done, "done")]
            .into_iter()
            .filter_map(|(on, name)| on.then_some(name))
            .collect()
    }
}

/// `due` must be the item's due dates for the plan year; `as_of` is "today".
pub fn flags(due: &[Due], assessment: &str, period: PeriodId, as_of: NaiveDate, rules: &FlagRules) -> Flags {
    flags_folded(due, &fold(assessment), period, as_of, rules)
}

/// As `flags`, of an assessment already folded (a server keeps a period's so).
pub fn flags_folded(due: &[Due], assessment: &str, period: PeriodId, as_of: NaiveDate, rules: &FlagRules) -> Flags {
    let no_result = assessment.is_empty();
    let done = !no_result && rules.done.is_done_folded(assessment);
    let soon_limit = as_of.checked_add_days(Days::new(rules.due_soon_days.into())).unwrap_or(NaiveDate::MAX);
    let last_due = due.iter().map(|d| d.date).max();
    let in_period = || due.iter().filter(|d| period.contains(d.reports_on)).map(|d| d.date);

    let overdue = !done && ((no_result && in_period().any(|d| d <= as_of)) || last_due.is_some_and(|d| d <= as_of));
    let within_window = |d: NaiveDate| as_of < d && d <= soon_limit;
    let due_soon =
        !done && !overdue && ((no_result && in_period().any(within_window)) || last_due.is_some_and(within_window));
    Flags { overdue, no_result, due_soon, done }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_words_as_written_by_hand_are_folded_and_plain_ones_are_not_copied() {
        assert!(matches!(folded("не в полном"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(folded("  Не в  ПОЛНОМ "), "не в полном");
        assert_eq!(folded("Ещё"), "еще");
        let rule = DoneRule {
            done_prefixes: vec!["Выполнено".into()], not_done_words: vec!["  ЧАСТИЧНО".into()]
        };
        assert!(rule.is_done("выполнено в срок"));
        assert!(!rule.is_done("Выполнено частично"));
        assert!(rule.is_not_done("выполнено частично"));
    }
    use crate::domain::deadline::parse;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn flags_for(deadline: &str, assessment: &str, period: &str, as_of: &str) -> Flags {
        let due = parse(deadline).map(|s| s.due_dates(2020)).unwrap_or_default();
        flags(&due, assessment, PeriodId::parse(period).unwrap(), date(as_of), &FlagRules::default())
    }

    #[test]
    fn not_done_is_said_in_words_and_in_progress_is_not() {
        let rule = DoneRule::default();
        assert!(rule.is_not_done("Не выполнено"));
        assert!(rule.is_not_done("выполнено частично"));
        assert!(!rule.is_not_done("выполняется в полном объеме"));
        assert!(!rule.is_not_done("выполнено в полном объеме"));
        assert!(!rule.is_not_done(""));
    }

    #[test]
    fn done_rule_as_specified() {
        let rule = DoneRule::default();
        assert!(rule.is_done("выполнено в полном объеме в установленные сроки"));
        assert!(rule.is_done("  Выполнено  с нарушением сроков"));
        assert!(rule.is_done("ВЫПОЛНЕНО"));
        assert!(!rule.is_done("выполнено частично"));
        assert!(!rule.is_done("выполнено не в полном объеме"));
        assert!(!rule.is_done("не выполнено"));
        assert!(!rule.is_done("выполняется  в полном объеме в установленные сроки"));
    }

    #[test]
    fn overdue_when_a_due_date_of_the_period_passed_without_result() {
        let q = "Ежеквартально, до 05 числа месяца, следующего за отчетным периодом";
        let f = flags_for(q, "", "2020-Q1", "2020-04-13");
        assert!(f.overdue && f.no_result && !f.due_soon && !f.done);
        // With a result, the passed date of the period no longer makes it overdue.
        assert!(!flags_for(q, "выполняется", "2020-Q1", "2020-04-13").overdue);
        // Before the date: due soon instead.
        let f = flags_for(q, "", "2020-Q1", "2020-03-30");
        assert!(f.due_soon && !f.overdue);
    }

    #[test]
    fn overdue_when_the_last_due_date_passed_and_not_done() {
        let f = flags_for("До 20 марта 2020 года", "выполняется", "2020-Q1", "2020-04-13");
        assert!(f.overdue);
        assert!(!flags_for("До 20 марта 2020 года", "выполнено", "2020-Q1", "2020-04-13").overdue);
        let f = flags_for("До 15 апреля 2020 года", "выполняется", "2020-Q1", "2020-04-13");
        assert!(f.due_soon && !f.overdue);
        // The window is configurable.
        let due = parse("До 15 апреля 2020 года").unwrap().due_dates(2020);
        let rules = FlagRules { due_soon_days: 1, ..FlagRules::default() };
        let f = flags(&due, "выполняется", PeriodId::parse("2020-Q1").unwrap(), date("2020-04-13"), &rules);
        assert!(!f.due_soon);
    }

    #[test]
    fn cumulative_periods_take_dates_of_their_quarters() {
        let q = "Ежеквартально, до 05 числа месяца, следующего за отчетным периодом";
        // 05.07 reports on Q2, inside H1.
        assert!(flags_for(q, "", "2020-H1", "2020-07-06").overdue);
        assert!(!flags_for(q, "", "2020-Q1", "2020-03-01").overdue);
        assert!(flags_for("По мере необходимости", "", "2020", "2020-12-31").no_result);
        assert!(!flags_for("По мере необходимости", "", "2020", "2020-12-31").overdue);
    }

    #[test]
    fn flag_names_in_order() {
        let f = Flags { overdue: true, no_result: true, due_soon: false, done: false };
        assert_eq!(f.names(), vec!["overdue", "no_result"]);
    }
}
