//! Wording for schedules, due dates and times, from the catalogue.

use chrono::{Datelike, FixedOffset, NaiveDate, TimeZone};

use crate::domain::{Clause, Deadline, Due, Every, Stamp};
use crate::tr;

fn day_month(d: NaiveDate, year: i32) -> String {
    if d.year() == year || (d.year() == year + 1 && d.month() == 1) {
        d.format("%d.%m").to_string()
    } else {
        d.format("%d.%m.%Y").to_string()
    }
}

fn dates(due: &[Due], year: i32) -> String {
    due.iter().map(|d| day_month(d.date, year)).collect::<Vec<_>>().join(", ")
}

/// The dates of one clause as shown for year `year`: a written date with a year is shown
/// even when it falls in another year.
fn clause_dates(c: Clause, year: i32) -> String {
    match c {
        Clause::Fixed { day, month, year: Some(y) } if y != year => {
            format!("{day:02}.{month:02}.{y}")
        }
        c => dates(&c.due_dates(year), year),
    }
}

fn clause(c: Clause, year: i32) -> String {
    let due = clause_dates(c, year);
    match c {
        Clause::Fixed { .. } => tr!("schedule-fixed", dates = due),
        Clause::Recurring { every, .. } => match every {
            Every::Month => tr!("schedule-monthly", dates = due),
            Every::Quarter => tr!("schedule-quarterly", dates = due),
            Every::HalfYear => tr!("schedule-half-yearly", dates = due),
            Every::Year => tr!("schedule-yearly", dates = due),
        },
        Clause::Labelled { reports_on, .. } => tr!("schedule-labelled", dates = due, quarter = u32::from(reports_on)),
        Clause::Continuous => tr!("schedule-continuous", dates = due),
        Clause::During { first, last } if first == last => tr!("schedule-during-year", year = first),
        Clause::During { first, last } => tr!("schedule-during", first = first, last = last),
        Clause::Event => tr!("schedule-event"),
    }
}

/// How the deadline was understood: "ежеквартально: 05.04, 05.07, 05.10, 05.01".
pub fn schedule(deadline: &Deadline, year: i32, hand_set: bool) -> String {
    let Some(schedule) = deadline.schedule() else {
        return tr!("schedule-unknown");
    };
    let text = schedule.clauses.iter().map(|c| clause(*c, year)).collect::<Vec<_>>().join("; ");
    match deadline {
        _ if hand_set => tr!("schedule-hand-set", schedule = text),
        Deadline::Partial { unparsed, .. } => tr!("schedule-partial", schedule = text, rest = unparsed.as_str()),
        _ => text,
    }
}

/// "через 3 дня", "сегодня", "просрочено на 8 дней".
pub fn relative(date: NaiveDate, as_of: NaiveDate) -> String {
    let days = (date - as_of).num_days();
    match days {
        0 => tr!("due-today"),
        d if d > 0 => tr!("due-in", days = d),
        d => tr!("due-ago", days = -d),
    }
}

/// "14.04.2020 14:02" at the given offset from UTC (the user's local time).
/// When a draft was kept: the server stamps it, so one kept in this session and not yet
/// read back has no stamp yet, and is "just now".
pub fn draft_time(s: Stamp, offset: FixedOffset) -> String {
    if s == Stamp(0) { crate::tr!("draft-just-now") } else { stamp(s, offset) }
}

pub fn stamp(s: Stamp, offset: FixedOffset) -> String {
    match offset.timestamp_opt(s.0, 0).single() {
        Some(t) => t.format("%d.%m.%Y %H:%M").to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, set_lang};

    #[test]
    fn wording_in_russian() {
        set_lang(Lang::Ru);
        let d = Deadline::resolve("Ежеквартально, до 05 числа месяца, следующего за отчетным периодом", None);
        assert_eq!(schedule(&d, 2020, false), "ежеквартально: 05.04, 05.07, 05.10, 05.01");
        assert_eq!(schedule(&Deadline::Unknown, 2020, false), "срок не распознан — задайте вручную (s)");
        let as_of = NaiveDate::from_ymd_opt(2020, 4, 13).unwrap();
        assert_eq!(relative(NaiveDate::from_ymd_opt(2020, 4, 16).unwrap(), as_of), "через 3 дня");
        assert_eq!(relative(NaiveDate::from_ymd_opt(2020, 4, 5).unwrap(), as_of), "просрочено на 8 дней");
        assert_eq!(relative(NaiveDate::from_ymd_opt(2020, 4, 14).unwrap(), as_of), "через 1 день");
        assert_eq!(relative(NaiveDate::from_ymd_opt(2020, 4, 18).unwrap(), as_of), "через 5 дней");
        assert_eq!(relative(as_of, as_of), "сегодня");
    }
}
