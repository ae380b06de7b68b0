//! Dates as plans write them: "14 февраля 2022 года", "01.12.2022г.", a quarter ("II квартал
//! 2022 года", "в III квартале"), a half-year, a month ("в октябре"), "до конца года", a year
//! ("2022 год"); and the fixed-date clause made of them.

use chrono::{Datelike, NaiveDate};

use super::super::Clause;
use super::Parser;
use crate::domain::deadline::tokens::Tok;
use crate::domain::period::last_day_of_month;

/// Month names in the genitive, as dates are written ("14 февраля").
pub const MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const MONTHS_NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const MONTHS_PREPOSITIONAL: [&str; 12] = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];

/// A day and month, and the years written after them ("1 февраля 2022, 2023 гг.").
pub(super) struct DayMonth {
    pub day: u8,
    pub month: u8,
    pub years: Vec<i32>,
}

/// The last day of a month, as a day number (a leap year when no year is known).
fn month_end(year: Option<i32>, month: u8) -> u8 {
    last_day_of_month(year.unwrap_or(2000), month.into()).day() as u8
}

impl Parser<'_> {
    /// "до", "к", "не позднее", "не позже", "в срок до", "в срок не позднее", "по".
    pub(super) fn deadline_preposition(&mut self) -> bool {
        self.word("до")
            || self.word("к")
            || self.words(&["не", "позднее"])
            || self.words(&["не", "позже"])
            || self.words(&["в", "срок", "до"])
            || self.words(&["в", "срок", "не", "позднее"])
            || self.words(&["срок", "до"])
    }

    pub(super) fn year_number(&mut self) -> Option<i32> {
        self.attempt(|p| {
            let (y, digits) = p.num()?;
            (digits == 4 && (1900..=2200).contains(&y)).then_some(y as i32)
        })
    }

    /// "года", "год", "г.", "гг." after a year.
    pub(super) fn year_suffix(&mut self) -> bool {
        if self.word_of(&["года", "год", "году", "годы", "годов", "годах"]).is_some() {
            return true;
        }
        if self.word_of(&["г", "гг"]).is_some() {
            self.punct('.');
            return true;
        }
        false
    }

    /// A year with its suffix ("2022 года", "2022 г.").
    pub(super) fn year_with_suffix(&mut self) -> Option<i32> {
        self.attempt(|p| {
            let y = p.year_number()?;
            p.year_suffix().then_some(y)
        })
    }

    /// "2021-2024 годов", "2021 – 2024 гг.", "2021-2024": the first and the last year.
    pub(super) fn year_range(&mut self) -> Option<(i32, i32)> {
        self.attempt(|p| {
            let first = p.year_number()?;
            p.punct('-').then_some(())?;
            let last = p.year_number()?;
            p.year_suffix();
            (first <= last).then_some((first, last))
        })
    }

    /// "14 февраля [2022 года]" or "01.12[.2022][г.]", with more years after a comma.
    pub(super) fn day_month(&mut self) -> Option<DayMonth> {
        self.attempt(|p| {
            let (day, day_digits) = p.num()?;
            if day_digits > 2 {
                return None;
            }
            let (month, first_year) = if let Some(i) = p.word_of(&MONTHS_GENITIVE) {
                (i as u32 + 1, p.year_with_suffix().or_else(|| p.year_number()))
            } else {
                p.punct('.').then_some(())?;
                let (month, month_digits) = p.num()?;
                (month_digits <= 2).then_some(())?;
                (month, p.dotted_year())
            };
            let mut years: Vec<i32> = first_year.into_iter().collect();
            if !years.is_empty() {
                years.extend(p.more_years());
            }
            // Checked against a leap year when no year is written, so 29.02 is allowed.
            for y in years.iter().copied().chain([2000]) {
                NaiveDate::from_ymd_opt(y, month, day)?;
            }
            Some(DayMonth { day: day as u8, month: month as u8, years })
        })
    }

    /// ".2022", ".22", ".2022г." after a day and month.
    fn dotted_year(&mut self) -> Option<i32> {
        self.attempt(|p| {
            p.punct('.').then_some(())?;
            let (y, digits) = p.num()?;
            let y = match digits {
                2 => 2000 + y as i32,
                4 => y as i32,
                _ => return None,
            };
            p.year_suffix();
            Some(y)
        })
    }

    /// ", 2023, 2024 гг." after a year: the same date in more years.
    fn more_years(&mut self) -> Vec<i32> {
        let mut years = Vec::new();
        while let Some(y) = self.attempt(|p| {
            (p.punct(',') || p.word("и")).then_some(())?;
            let y = p.year_number()?;
            p.year_suffix();
            Some(y)
        }) {
            years.push(y);
        }
        self.year_suffix();
        years
    }

    /// "1", "I", "первый", "1-й" … as the number of a quarter.
    pub(super) fn quarter_number(&mut self) -> Option<u8> {
        self.attempt(|p| {
            if let Some((n, _)) = p.num().filter(|(n, _)| (1..=4).contains(n)) {
                p.ordinal_ending();
                return Some(n as u8);
            }
            const ROMAN: [&str; 4] = ["i", "ii", "iii", "iv"];
            if let Some(i) = p.word_of(&ROMAN) {
                return Some(i as u8 + 1);
            }
            const ORDINALS: [[&str; 4]; 4] = [
                ["первый", "первого", "первом", "первая"],
                ["второй", "второго", "втором", "вторая"],
                ["третий", "третьего", "третьем", "третья"],
                ["четвертый", "четвертого", "четвертом", "четвертая"],
            ];
            let Some(Tok::Word(w)) = p.peek() else { return None };
            let n = ORDINALS.iter().position(|forms| forms.contains(&w.as_str()))?;
            p.pos += 1;
            Some(n as u8 + 1)
        })
    }

    /// "-й", "-го", "-м" after a number written in digits.
    fn ordinal_ending(&mut self) {
        self.attempt(|p| {
            p.punct('-').then_some(())?;
            p.word_of(&["й", "го", "м", "ого", "ом"]).map(|_| ())
        });
    }

    /// A quarter's noun in any case, or its abbreviation "кв.".
    pub(super) fn quarter_noun(&mut self) -> bool {
        const FORMS: [&str; 8] =
            ["квартал", "квартала", "квартале", "кварталом", "кварталу", "кварталы", "кварталах", "кварталов"];
        if self.word_of(&FORMS).is_some() {
            return true;
        }
        self.word("кв") && {
            self.punct('.');
            true
        }
    }

    /// "I квартал", "3 квартала", "IV кв." → the quarter's number.
    pub(super) fn quarter_ref(&mut self) -> Option<u8> {
        self.attempt(|p| {
            let q = p.quarter_number()?;
            p.quarter_noun().then_some(q)
        })
    }

    /// "I полугодие", "второе полугодие", "1 полугодия" → 1 or 2.
    pub(super) fn half_ref(&mut self) -> Option<u8> {
        self.attempt(|p| {
            let half = if let Some((n, _)) = p.num().filter(|(n, _)| (1..=2).contains(n)) {
                p.ordinal_ending();
                n as u8
            } else if let Some(i) = p.word_of(&["i", "ii"]) {
                i as u8 + 1
            } else {
                let forms: [&[&str]; 2] = [&["первое", "первого", "первом"], &["второе", "второго", "втором"]];
                let Some(Tok::Word(w)) = p.peek() else { return None };
                let n = forms.iter().position(|f| f.contains(&w.as_str()))?;
                p.pos += 1;
                n as u8 + 1
            };
            p.word_of(&["полугодие", "полугодия", "полугодии"]).map(|_| half)
        })
    }

    // ---- the fixed-date clause -----------------------------------------------------

    /// One date, or several ("до 20 января и 20 июля 2022 г.", "1 февраля 2022, 2023 гг.").
    pub(super) fn fixed(&mut self) -> Option<Vec<Clause>> {
        let had_preposition = self.deadline_preposition();
        if let Some(dm) = self.day_month() {
            self.date_tail();
            // "до 30 апреля ежегодно": that day of every year.
            if dm.years.is_empty() && self.attempt(Self::yearly_after).is_some() {
                let rule = crate::domain::DueRule::DayOfYear { day: dm.day, month: dm.month };
                return Some(vec![Clause::Recurring { every: crate::domain::Every::Year, rule }]);
            }
            return Some(fixed_clauses(&dm));
        }
        // "до декабря", "до II квартала": before it or by its end? Not guessed.
        if had_preposition {
            return self.attempt(Self::end_of).map(|c| vec![c]);
        }
        let c = self.attempt(Self::period_as_date).or_else(|| self.attempt(Self::bare_year))?;
        // "ноябрь – декабрь ежегодно": the end of it in every year.
        if let Clause::Fixed { day, month, year: None } = c
            && self.attempt(Self::yearly_after).is_some()
        {
            let rule = crate::domain::DueRule::DayOfYear { day, month };
            return Some(vec![Clause::Recurring { every: crate::domain::Every::Year, rule }]);
        }
        Some(vec![c])
    }

    /// "ежегодно", "каждый год" after a date.
    fn yearly_after(&mut self) -> Option<()> {
        self.punct(',');
        (self.word("ежегодно") || self.words(&["каждый", "год"])).then_some(())
    }

    /// Words after a date that do not change it.
    fn date_tail(&mut self) {
        self.word("включительно");
        self.attempt(|p| {
            p.word_of(&["текущего", "отчетного", "календарного"])?;
            p.word("года").then_some(())
        });
    }

    /// "(до) конца года", "конца 2022 года", "конца II квартала", "конца октября".
    fn end_of(&mut self) -> Option<Clause> {
        self.word_of(&["конца", "окончания"])?;
        if self.word("года") || self.words(&["текущего", "года"]) || self.words(&["отчетного", "года"])
        {
            return Some(Clause::Fixed { day: 31, month: 12, year: None });
        }
        if let Some(y) = self.year_with_suffix() {
            return Some(Clause::Fixed { day: 31, month: 12, year: Some(y) });
        }
        if let Some(q) = self.quarter_ref() {
            return Some(quarter_end(q, self.year_with_suffix()));
        }
        if let Some(h) = self.half_ref() {
            return Some(quarter_end(h * 2, self.year_with_suffix()));
        }
        let month = self.word_of(&MONTHS_GENITIVE)? as u8 + 1;
        let year = self.year_with_suffix();
        Some(Clause::Fixed { day: month_end(year, month), month, year })
    }

    /// A quarter, a half-year or a month as the deadline: "II квартал", "в III квартале
    /// 2022 г.", "в течение IV квартала", "I полугодие", "октябрь", "в октябре 2022 года".
    fn period_as_date(&mut self) -> Option<Clause> {
        let _ = self.words(&["в", "течение"]) || self.word("в") || self.word("во") || self.word("на");
        if let Some(range) = self.attempt(Self::span_of_periods) {
            return Some(range);
        }
        if let Some(q) = self.quarter_ref() {
            return Some(quarter_end(q, self.year_with_suffix()));
        }
        if let Some(h) = self.half_ref() {
            return Some(quarter_end(h * 2, self.year_with_suffix()));
        }
        let month = month_number(self)?;
        let year = self.year_with_suffix();
        Some(Clause::Fixed { day: month_end(year, month), month, year })
    }

    /// "II–III кварталы", "январь – апрель", "с октября по декабрь": by the end of the last.
    fn span_of_periods(&mut self) -> Option<Clause> {
        self.word("с");
        if let Some(first) = self.quarter_number() {
            (self.punct('-') || self.word("и") || self.word("по")).then_some(())?;
            let last = self.quarter_number().filter(|l| *l > first)?;
            self.quarter_noun().then_some(())?;
            return Some(quarter_end(last, self.year_with_suffix()));
        }
        let first = month_number(self)?;
        (self.punct('-') || self.word("по")).then_some(())?;
        let last = month_number(self).filter(|l| *l > first)?;
        let year = self.year_with_suffix();
        Some(Clause::Fixed { day: month_end(year, last), month: last, year })
    }

    /// "с 01.01.2022 по 31.12.2024": continuous work in those years.
    pub(super) fn date_range(&mut self) -> Option<Clause> {
        self.word("с").then_some(())?;
        let from = self.day_month()?;
        (self.word("по") || self.punct('-') || self.word("до")).then_some(())?;
        let to = self.day_month()?;
        match (from.years.as_slice(), to.years.as_slice()) {
            ([first], [last]) if first <= last => Some(Clause::During { first: *first, last: *last }),
            _ => None,
        }
    }

    /// "2022 год", "2022 г." as a whole clause: by the end of that year.
    fn bare_year(&mut self) -> Option<Clause> {
        let at_start = self.pos == 0 || matches!(self.toks.get(self.pos - 1).map(|t| &t.tok), Some(Tok::Punct(_)));
        let year = self.year_number()?;
        (at_start && self.word_of(&["год", "г"]).is_some()).then_some(())?;
        self.punct('.');
        Some(Clause::Fixed { day: 31, month: 12, year: Some(year) })
    }
}

/// A month named in the nominative, prepositional or genitive ("октябрь", "в октябре").
pub(super) fn month_number(p: &mut Parser<'_>) -> Option<u8> {
    let i = p
        .word_of(&MONTHS_NOMINATIVE)
        .or_else(|| p.word_of(&MONTHS_PREPOSITIONAL))
        .or_else(|| p.word_of(&MONTHS_GENITIVE))?;
    Some(i as u8 + 1)
}

/// The last day of quarter `q` (1–4) of `year` (the plan year when none is written).
pub(super) fn quarter_end(q: u8, year: Option<i32>) -> Clause {
    let month = q * 3;
    Clause::Fixed { day: month_end(year, month), month, year }
}

fn fixed_clauses(dm: &DayMonth) -> Vec<Clause> {
    if dm.years.is_empty() {
        return vec![Clause::Fixed { day: dm.day, month: dm.month, year: None }];
    }
    dm.years.iter().map(|y| Clause::Fixed { day: dm.day, month: dm.month, year: Some(*y) }).collect()
}
