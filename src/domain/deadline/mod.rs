//! Deadlines: the schedule a deadline text means, and the due dates it yields for a year.

mod parse;
mod tokens;

pub use parse::{MONTHS_GENITIVE, parse};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::period::{Quarter, day_of_month_clamped, last_day_of_month};

/// How often a recurring clause falls due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Every {
    Month,
    Quarter,
    HalfYear,
    Year,
}

impl Every {
    fn months(self) -> u32 {
        match self {
            Every::Month => 1,
            Every::Quarter => 3,
            Every::HalfYear => 6,
            Every::Year => 12,
        }
    }
}

/// When, relative to each recurring period, the clause is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DueRule {
    /// The period's last day.
    EndOfPeriod,
    /// Day N of the month after the period ("до 05 числа месяца, следующего за отчетным").
    DayOfNextMonth(u8),
    /// Day N of the period's last month ("до 30 числа последнего месяца отчетного периода").
    DayOfLastMonth(u8),
    /// A day of the year, for yearly clauses ("ежегодно до 1 апреля").
    DayOfYear { day: u8, month: u8 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Clause {
    /// One date; without a year it means the plan's year.
    Fixed {
        day: u8,
        month: u8,
        year: Option<i32>,
    },
    Recurring {
        every: Every,
        rule: DueRule,
    },
    /// "В течение года", "Постоянно": due at the end of the year.
    Continuous,
    /// "По мере …", "В день …": no date of its own.
    Event,
}

/// The understood meaning of a deadline text: the union of its clauses.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Schedule {
    pub clauses: Vec<Clause>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DeadlineKind {
    Fixed,
    Recurring,
    Continuous,
    Event,
    Unknown,
    Mixed,
}

impl DeadlineKind {
    /// The name used in `status --json`.
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineKind::Fixed => "fixed",
            DeadlineKind::Recurring => "recurring",
            DeadlineKind::Continuous => "continuous",
            DeadlineKind::Event => "event",
            DeadlineKind::Unknown => "unknown",
            DeadlineKind::Mixed => "mixed",
        }
    }
}

/// One due date and the quarter whose report it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Due {
    pub date: NaiveDate,
    pub reports_on: Quarter,
}

impl Clause {
    pub fn kind(self) -> DeadlineKind {
        match self {
            Clause::Fixed { .. } => DeadlineKind::Fixed,
            Clause::Recurring { .. } => DeadlineKind::Recurring,
            Clause::Continuous => DeadlineKind::Continuous,
            Clause::Event => DeadlineKind::Event,
        }
    }

    /// This clause's own due dates in the plan year `year`, sorted.
    pub fn due_dates(self, year: i32) -> Vec<Due> {
        let mut out = Vec::new();
        self.push_due_dates(year, &mut out);
        out.sort();
        out
    }

    fn push_due_dates(self, year: i32, out: &mut Vec<Due>) {
        match self {
            Clause::Fixed { day, month, year: written } => {
                let date = day_of_month_clamped(written.unwrap_or(year), month.into(), day.into());
                out.push(Due { date, reports_on: Quarter::containing(date) });
            }
            Clause::Continuous => {
                let date = last_day_of_month(year, 12);
                out.push(Due { date, reports_on: Quarter::containing(date) });
            }
            Clause::Event => {}
            Clause::Recurring { every, rule: DueRule::DayOfYear { day, month } } => {
                debug_assert_eq!(every, Every::Year);
                let date = day_of_month_clamped(year, month.into(), day.into());
                out.push(Due { date, reports_on: Quarter::containing(date) });
            }
            Clause::Recurring { every, rule } => {
                let step = every.months();
                for last_month in (step..=12).step_by(step as usize) {
                    let reports_on = Quarter::containing(last_day_of_month(year, last_month));
                    let date = match rule {
                        DueRule::EndOfPeriod => last_day_of_month(year, last_month),
                        DueRule::DayOfLastMonth(d) => day_of_month_clamped(year, last_month, d.into()),
                        DueRule::DayOfNextMonth(d) => {
                            let (y, m) = if last_month == 12 { (year + 1, 1) } else { (year, last_month + 1) };
                            day_of_month_clamped(y, m, d.into())
                        }
                        DueRule::DayOfYear { .. } => continue,
                    };
                    out.push(Due { date, reports_on });
                }
            }
        }
    }
}

impl Schedule {
    pub fn kind(&self) -> DeadlineKind {
        let mut kinds = self.clauses.iter().map(|c| c.kind());
        match kinds.next() {
            None => DeadlineKind::Unknown,
            Some(first) if kinds.all(|k| k == first) => first,
            Some(_) => DeadlineKind::Mixed,
        }
    }

    /// Every due date of the plan year `year`, sorted and without repeats.
    pub fn due_dates(&self, year: i32) -> Vec<Due> {
        let mut out = Vec::new();
        for clause in &self.clauses {
            clause.push_due_dates(year, &mut out);
        }
        out.sort();
        out.dedup();
        out
    }
}

/// A deadline as the program understands it: a schedule, or not understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Deadline {
    Known(Schedule),
    Unknown,
}

impl Deadline {
    /// The hand-set schedule when there is one, else the parse of the text.
    pub fn resolve(text: &str, hand_set: Option<&Schedule>) -> Self {
        match hand_set {
            Some(s) => Deadline::Known(s.clone()),
            None => parse(text).map_or(Deadline::Unknown, Deadline::Known),
        }
    }

    pub fn kind(&self) -> DeadlineKind {
        match self {
            Deadline::Known(s) => s.kind(),
            Deadline::Unknown => DeadlineKind::Unknown,
        }
    }

    pub fn due_dates(&self, year: i32) -> Vec<Due> {
        match self {
            Deadline::Known(s) => s.due_dates(year),
            Deadline::Unknown => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests;
