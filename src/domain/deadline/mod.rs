//! Deadlines: the schedule a deadline text means, and the due dates it yields for a year.

mod parse;
mod tokens;

pub use parse::{Understanding, parse, understand};

/// Month names in the genitive, as dates are written ("14 февраля").
pub const MONTHS_GENITIVE: [&str; 12] = parse::MONTHS_GENITIVE;

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
    // Appended variants only: hand-set schedules of older records decode unchanged.
    /// A date labelled with the quarter it reports on ("за I квартал — до 15 апреля"; "за
    /// год" is the fourth): that day of the plan year, or of the next year when it comes
    /// before the quarter starts ("за год — до 15 января").
    Labelled {
        day: u8,
        month: u8,
        reports_on: u8,
    },
    /// Continuous work in these years only ("в течение 2022 года", "2021–2024 годы"): due at
    /// the end of each of them.
    During {
        first: i32,
        last: i32,
    },
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
            Clause::Recurring { .. } | Clause::Labelled { .. } => DeadlineKind::Recurring,
            Clause::Continuous | Clause::During { .. } => DeadlineKind::Continuous,
            Clause::Event => DeadlineKind::Event,
        }
    }

    /// Years this clause names that a plan of `first..=last` does not cover.
    pub fn years_outside(self, first: i32, last: i32) -> Vec<i32> {
        let outside = |y: i32| !(first..=last).contains(&y);
        match self {
            Clause::Fixed { year: Some(y), .. } if outside(y) => vec![y],
            Clause::During { first: a, last: b } => (a..=b).filter(|y| outside(*y)).collect(),
            _ => Vec::new(),
        }
    }

    /// This clause's own due dates in the plan year `year`, sorted.
    pub fn due_dates(self, year: i32) -> Vec<Due> {
        let mut out = Vec::new();
        self.push_due_dates(year, &mut out);
        out.sort();
        out
    }

    /// A date with a year belongs to that year only: it is due in `year` or not at all.
    fn push_due_dates(self, year: i32, out: &mut Vec<Due>) {
        let on = |date: NaiveDate| Due { date, reports_on: Quarter::containing(date) };
        match self {
            Clause::Fixed { day, month, year: written } => {
                if written.is_none_or(|w| w == year) {
                    out.push(on(day_of_month_clamped(year, month.into(), day.into())));
                }
            }
            Clause::Continuous => out.push(on(last_day_of_month(year, 12))),
            Clause::During { first, last } => {
                if (first..=last).contains(&year) {
                    out.push(on(last_day_of_month(year, 12)));
                }
            }
            Clause::Event => {}
            Clause::Labelled { day, month, reports_on } => {
                let quarter = Quarter { year, number: reports_on.clamp(1, 4) };
                let first_month = quarter.first_month();
                // A date before the quarter starts is the next year's ("за год — до 15 января").
                let y = if u32::from(month) < first_month { year + 1 } else { year };
                out.push(Due { date: day_of_month_clamped(y, month.into(), day.into()), reports_on: quarter });
            }
            Clause::Recurring { every: _, rule: DueRule::DayOfYear { day, month } } => {
                out.push(on(day_of_month_clamped(year, month.into(), day.into())));
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

/// A deadline as the program understands it: a schedule (all of the text understood, or
/// set by hand), part of one, or nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Deadline {
    Known(Schedule),
    /// Some clauses understood; `unparsed` is the rest, as written ("; " between parts).
    Partial {
        schedule: Schedule,
        unparsed: String,
    },
    Unknown,
}

impl Deadline {
    /// The hand-set schedule when there is one, else what the text says.
    pub fn resolve(text: &str, hand_set: Option<&Schedule>) -> Self {
        if let Some(s) = hand_set {
            return Deadline::Known(s.clone());
        }
        let understood = understand(text);
        match (understood.schedule.clauses.is_empty(), understood.unparsed.is_empty()) {
            (true, _) => Deadline::Unknown,
            (false, true) => Deadline::Known(understood.schedule),
            (false, false) => {
                Deadline::Partial { schedule: understood.schedule, unparsed: understood.unparsed.join("; ") }
            }
        }
    }

    pub fn schedule(&self) -> Option<&Schedule> {
        match self {
            Deadline::Known(s) | Deadline::Partial { schedule: s, .. } => Some(s),
            Deadline::Unknown => None,
        }
    }

    pub fn kind(&self) -> DeadlineKind {
        self.schedule().map_or(DeadlineKind::Unknown, Schedule::kind)
    }

    /// The due dates of year `year`, sorted.
    pub fn due_dates(&self, year: i32) -> Vec<Due> {
        self.schedule().map(|s| s.due_dates(year)).unwrap_or_default()
    }

    /// The due dates of every year of `first..=last` (a period of several years), sorted.
    pub fn due_dates_in(&self, first: i32, last: i32) -> Vec<Due> {
        let mut out: Vec<Due> = (first..=last).flat_map(|y| self.due_dates(y)).collect();
        out.sort();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests;
