//! Reporting periods: quarters and the cumulative half-year, nine months and year.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// One quarter of one year; what a due date "reports on".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Quarter {
    pub year: i32,
    /// 1..=4
    pub number: u8,
}

impl Quarter {
    pub fn new(year: i32, number: u8) -> Option<Self> {
        (1..=4).contains(&number).then_some(Self { year, number })
    }

    pub fn containing(date: NaiveDate) -> Self {
        Self { year: date.year(), number: (date.month0() / 3 + 1) as u8 }
    }

    pub fn first_month(self) -> u32 {
        u32::from(self.number) * 3 - 2
    }

    pub fn last_month(self) -> u32 {
        u32::from(self.number) * 3
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.number)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PeriodKind {
    Q1,
    Q2,
    Q3,
    Q4,
    /// January to June.
    H1,
    /// January to September.
    M9,
    /// The whole year.
    Year,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 7] = [
        PeriodKind::Q1,
        PeriodKind::Q2,
        PeriodKind::Q3,
        PeriodKind::Q4,
        PeriodKind::H1,
        PeriodKind::M9,
        PeriodKind::Year,
    ];

    /// The quarters the period spans, as (first, last) quarter numbers.
    fn quarter_span(self) -> (u8, u8) {
        match self {
            PeriodKind::Q1 => (1, 1),
            PeriodKind::Q2 => (2, 2),
            PeriodKind::Q3 => (3, 3),
            PeriodKind::Q4 => (4, 4),
            PeriodKind::H1 => (1, 2),
            PeriodKind::M9 => (1, 3),
            PeriodKind::Year => (1, 4),
        }
    }

    /// Stable one-byte code used in store keys; never renumber.
    pub fn code(self) -> u8 {
        match self {
            PeriodKind::Q1 => 1,
            PeriodKind::Q2 => 2,
            PeriodKind::Q3 => 3,
            PeriodKind::Q4 => 4,
            PeriodKind::H1 => 5,
            PeriodKind::M9 => 6,
            PeriodKind::Year => 7,
        }
    }

    pub fn from_code(code: u8) -> Option<Self> {
        PeriodKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A period id as in the spec: `2020-Q1` … `2020-Q4`, `2020-H1`, `2020-9M`, `2020`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PeriodId {
    pub year: i32,
    pub kind: PeriodKind,
}

impl PeriodId {
    pub fn new(year: i32, kind: PeriodKind) -> Self {
        Self { year, kind }
    }

    pub fn quarter(q: Quarter) -> Self {
        let kind =
            [PeriodKind::Q1, PeriodKind::Q2, PeriodKind::Q3, PeriodKind::Q4][usize::from(q.number.clamp(1, 4) - 1)];
        Self { year: q.year, kind }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (year, rest) = match text.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (text, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let kind = match rest.map(str::to_ascii_uppercase).as_deref() {
            None => PeriodKind::Year,
            Some("Q1") => PeriodKind::Q1,
            Some("Q2") => PeriodKind::Q2,
            Some("Q3") => PeriodKind::Q3,
            Some("Q4") => PeriodKind::Q4,
            Some("H1") => PeriodKind::H1,
            Some("9M") => PeriodKind::M9,
            _ => return None,
        };
        Some(Self { year, kind })
    }

    pub fn contains(self, q: Quarter) -> bool {
        let (first, last) = self.kind.quarter_span();
        q.year == self.year && (first..=last).contains(&q.number)
    }

    pub fn start(self) -> NaiveDate {
        let (first, _) = self.kind.quarter_span();
        first_day(self.year, u32::from(first) * 3 - 2)
    }

    pub fn end(self) -> NaiveDate {
        let (_, last) = self.kind.quarter_span();
        last_day_of_month(self.year, u32::from(last) * 3)
    }

    /// The period's name as the official Russian form writes it ("I квартал 2020 года").
    pub fn official_title(self) -> String {
        let y = self.year;
        match self.kind {
            PeriodKind::Q1 => format!("I квартал {y} года"),
            PeriodKind::Q2 => format!("II квартал {y} года"),
            PeriodKind::Q3 => format!("III квартал {y} года"),
            PeriodKind::Q4 => format!("IV квартал {y} года"),
            PeriodKind::H1 => format!("I полугодие {y} года"),
            PeriodKind::M9 => format!("9 месяцев {y} года"),
            PeriodKind::Year => format!("{y} год"),
        }
    }

    /// Reads a period as reports write it: "I квартал 2020 года", "за 1 квартал 2020 г.",
    /// "I полугодие 2020 года", "9 месяцев 2020 года", "2020 год".
    pub fn parse_title(text: &str) -> Option<Self> {
        let folded = super::text::fold(text);
        let words: Vec<&str> = folded
            .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
            .filter(|w| !w.is_empty() && *w != "за")
            .collect();
        let year_at = words.iter().position(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))?;
        let year: i32 = words[year_at].parse().ok()?;
        let before = &words[..year_at];
        let after = &words[year_at + 1..];
        if !after.iter().all(|w| matches!(*w, "года" | "год" | "г" | "гг")) {
            return None;
        }
        let kind = match before {
            [] if after.first() == Some(&"год") => PeriodKind::Year,
            [n, "квартал"] => match *n {
                "i" | "1" | "первый" => PeriodKind::Q1,
                "ii" | "2" | "второй" => PeriodKind::Q2,
                "iii" | "3" | "третий" => PeriodKind::Q3,
                "iv" | "4" | "четвертый" => PeriodKind::Q4,
                _ => return None,
            },
            ["полугодие"] | ["i" | "1" | "первое", "полугодие"] => PeriodKind::H1,
            ["9" | "девять", "месяцев"] => PeriodKind::M9,
            _ => return None,
        };
        Some(Self { year, kind })
    }

    /// The period that usually follows this one in a plan's year, if any.
    pub fn next(self) -> Option<Self> {
        let kind = match self.kind {
            PeriodKind::Q1 => PeriodKind::Q2,
            PeriodKind::Q2 | PeriodKind::H1 => PeriodKind::Q3,
            PeriodKind::Q3 | PeriodKind::M9 => PeriodKind::Q4,
            PeriodKind::Q4 | PeriodKind::Year => return None,
        };
        Some(Self { year: self.year, kind })
    }
}

impl fmt::Display for PeriodId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let y = self.year;
        match self.kind {
            PeriodKind::Q1 => write!(f, "{y}-Q1"),
            PeriodKind::Q2 => write!(f, "{y}-Q2"),
            PeriodKind::Q3 => write!(f, "{y}-Q3"),
            PeriodKind::Q4 => write!(f, "{y}-Q4"),
            PeriodKind::H1 => write!(f, "{y}-H1"),
            PeriodKind::M9 => write!(f, "{y}-9M"),
            PeriodKind::Year => write!(f, "{y}"),
        }
    }
}

pub fn first_day(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
}

pub fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    let (y, m) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    first_day(y, m).pred_opt().unwrap_or(NaiveDate::MIN)
}

/// Day `day` of a month, clamped to the month's last day ("до 31 числа" in June is 30.06).
pub fn day_of_month_clamped(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_else(|| last_day_of_month(year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_bounds() {
        for id in ["2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4", "2020-H1", "2020-9M", "2020"] {
            let p = PeriodId::parse(id).unwrap();
            assert_eq!(p.to_string(), id);
        }
        let h1 = PeriodId::parse("2020-H1").unwrap();
        assert_eq!(h1.start(), NaiveDate::from_ymd_opt(2020, 1, 1).unwrap());
        assert_eq!(h1.end(), NaiveDate::from_ymd_opt(2020, 6, 30).unwrap());
        assert!(h1.contains(Quarter::new(2020, 2).unwrap()));
        assert!(!h1.contains(Quarter::new(2020, 3).unwrap()));
        assert!(PeriodId::parse("2020-Q5").is_none());
        assert!(PeriodId::parse("20-Q1").is_none());
    }

    #[test]
    fn reads_period_titles_as_written() {
        let p = |s| PeriodId::parse_title(s).map(|p| p.to_string());
        assert_eq!(p("I квартал 2020 года").as_deref(), Some("2020-Q1"));
        assert_eq!(p("за IV квартал 2020 г.").as_deref(), Some("2020-Q4"));
        assert_eq!(p("2 квартал 2021 года").as_deref(), Some("2021-Q2"));
        assert_eq!(p("I полугодие 2020 года").as_deref(), Some("2020-H1"));
        assert_eq!(p("9 месяцев 2020 года").as_deref(), Some("2020-9M"));
        assert_eq!(p("2020 год").as_deref(), Some("2020"));
        assert_eq!(p("V квартал 2020 года"), None);
        assert_eq!(p("2020 года квартал"), None);
        for id in ["2020-Q1", "2020-Q3", "2020-H1", "2020-9M", "2020"] {
            let period = PeriodId::parse(id).unwrap();
            assert_eq!(PeriodId::parse_title(&period.official_title()), Some(period));
        }
    }

    #[test]
    fn clamps_day_to_month_end() {
        assert_eq!(day_of_month_clamped(2020, 6, 31), NaiveDate::from_ymd_opt(2020, 6, 30).unwrap());
        assert_eq!(last_day_of_month(2020, 2), NaiveDate::from_ymd_opt(2020, 2, 29).unwrap());
    }
}
