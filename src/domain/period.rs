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

    /// The quarter `by` quarters later (earlier when negative).
    pub fn step(self, by: i32) -> Quarter {
        let index = self.year * 4 + i32::from(self.number) - 1 + by;
        Quarter { year: index.div_euclid(4), number: u8::try_from(index.rem_euclid(4) + 1).unwrap_or(1) }
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
    // Appended: older records decode unchanged.
    /// The whole span of a plan of several years ("2021 – 2024 годы"): `years` after the
    /// first (3 for 2021–2024).
    Span(u8),
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

    /// The quarters the period spans within its year, as (first, last) quarter numbers.
    fn quarter_span(self) -> (u8, u8) {
        match self {
            PeriodKind::Q1 => (1, 1),
            PeriodKind::Q2 => (2, 2),
            PeriodKind::Q3 => (3, 3),
            PeriodKind::Q4 => (4, 4),
            PeriodKind::H1 => (1, 2),
            PeriodKind::M9 => (1, 3),
            PeriodKind::Year | PeriodKind::Span(_) => (1, 4),
        }
    }

    /// Stable one-byte code used in store keys; never renumber. A span is 0x10 + its extra years.
    pub fn code(self) -> u8 {
        match self {
            PeriodKind::Q1 => 1,
            PeriodKind::Q2 => 2,
            PeriodKind::Q3 => 3,
            PeriodKind::Q4 => 4,
            PeriodKind::H1 => 5,
            PeriodKind::M9 => 6,
            PeriodKind::Year => 7,
            PeriodKind::Span(extra) => 0x10_u8.saturating_add(extra.min(0xEF)),
        }
    }

    pub fn from_code(code: u8) -> Option<Self> {
        if code > 0x10 {
            return Some(PeriodKind::Span(code - 0x10));
        }
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

    /// The quarter this period is, when it is one.
    pub fn as_quarter(self) -> Option<Quarter> {
        let number = match self.kind {
            PeriodKind::Q1 => 1,
            PeriodKind::Q2 => 2,
            PeriodKind::Q3 => 3,
            PeriodKind::Q4 => 4,
            _ => return None,
        };
        Quarter::new(self.year, number)
    }

    /// The whole span of a plan of the years `first..=last` (at least two).
    pub fn span(first: i32, last: i32) -> Option<Self> {
        let extra = u8::try_from(last.checked_sub(first)?).ok().filter(|n| (1..=0xEF).contains(n))?;
        Some(Self { year: first, kind: PeriodKind::Span(extra) })
    }

    /// The years the period lies in: one, or a plan's span.
    pub fn years(self) -> Years {
        match self.kind {
            PeriodKind::Span(extra) => Years { first: self.year, last: self.year + i32::from(extra) },
            _ => Years { first: self.year, last: self.year },
        }
    }

    pub fn is_span(self) -> bool {
        matches!(self.kind, PeriodKind::Span(_))
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
        if let Some(last) = rest.filter(|r| r.len() == 4 && r.bytes().all(|b| b.is_ascii_digit())) {
            return Self::span(year, last.parse().ok()?);
        }
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
        self.years().contains(q.year) && (first..=last).contains(&q.number)
    }

    pub fn start(self) -> NaiveDate {
        let (first, _) = self.kind.quarter_span();
        first_day(self.year, u32::from(first) * 3 - 2)
    }

    pub fn end(self) -> NaiveDate {
        let (_, last) = self.kind.quarter_span();
        last_day_of_month(self.years().last, u32::from(last) * 3)
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
            PeriodKind::Span(_) => format!("{} – {} годы", y, self.years().last),
        }
    }

    /// Reads a period as reports write it: "I квартал 2020 года", "за 1 квартал 2020 г.",
    /// "I полугодие 2020 года", "9 месяцев 2020 года", "2020 год".
    pub fn parse_title(text: &str) -> Option<Self> {
        if let Some(span) = span_title(text) {
            return Some(span);
        }
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
            PeriodKind::Q4 | PeriodKind::Year | PeriodKind::Span(_) => return None,
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
            PeriodKind::Span(_) => write!(f, "{y}-{}", self.years().last),
        }
    }
}

/// "2021 – 2024 годы", "за 2021-2024 гг.", "2021–2024 годов" as a period.
fn span_title(text: &str) -> Option<PeriodId> {
    let folded = super::text::fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .filter(|w| !w.is_empty() && *w != "за" && *w != "на")
        .collect();
    let joined: String = words.join(" ");
    let joined = joined.replace(['–', '—'], "-").replace(" - ", "-").replace("- ", "-").replace(" -", "-");
    let mut parts = joined.split(' ');
    let range = parts.next()?;
    let rest: Vec<&str> = parts.collect();
    if !rest.iter().all(|w| matches!(*w, "годы" | "годов" | "гг" | "год" | "года")) || rest.is_empty()
    {
        return None;
    }
    let (a, b) = range.split_once('-')?;
    let digits = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    (digits(a) && digits(b)).then_some(())?;
    PeriodId::span(a.parse().ok()?, b.parse().ok()?)
}

/// A range of years: a plan's, or a period's (one year unless it is a plan's span).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Years {
    pub first: i32,
    pub last: i32,
}

impl Years {
    pub fn one(year: i32) -> Years {
        Years { first: year, last: year }
    }

    pub fn contains(self, year: i32) -> bool {
        (self.first..=self.last).contains(&year)
    }

    /// The quarter to report on first in a plan of these years: today's when the plan
    /// covers this year, else the plan's first.
    pub fn first_quarter(self, today: NaiveDate) -> Quarter {
        if self.contains(today.year()) { Quarter::containing(today) } else { Quarter { year: self.first, number: 1 } }
    }

    /// Whether every year of the period is one of these.
    pub fn contains_period(self, period: PeriodId) -> bool {
        let years = period.years();
        self.contains(years.first) && self.contains(years.last)
    }

    pub fn overlaps(self, other: Years) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    /// "2021-2024", "2021–2024", "2021 - 2024", "2022".
    pub fn parse(text: &str) -> Option<Years> {
        let text = text.trim().replace(['–', '—'], "-");
        let year = |s: &str| {
            let s = s.trim();
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<i32>().ok()).flatten()
        };
        let years = match text.split_once('-') {
            Some((a, b)) => Years { first: year(a)?, last: year(b)? },
            None => Years::one(year(&text)?),
        };
        (years.first <= years.last && years.last - years.first <= 0xEF).then_some(years)
    }
}

impl fmt::Display for Years {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last { write!(f, "{}", self.first) } else { write!(f, "{}–{}", self.first, self.last) }
    }
}

/// A date as staff write it, "13.04.2020", or as scripts do, "2020-04-13"; a year of other
/// than four digits is refused rather than guessed.
pub fn parse_user_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let year_digits = match text.split_once('-') {
        Some((year, _)) => year.len(),
        None => text.rsplit('.').next().map_or(0, str::len),
    };
    if year_digits != 4 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%d.%m.%Y").or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d")).ok()
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
    fn a_plan_span_is_a_period_of_its_own() {
        let span = PeriodId::parse("2021-2024").unwrap();
        assert_eq!(span.to_string(), "2021-2024");
        assert_eq!((span.start(), span.end()), (first_day(2021, 1), last_day_of_month(2024, 12)));
        assert!(span.contains(Quarter::new(2023, 2).unwrap()) && !span.contains(Quarter::new(2025, 1).unwrap()));
        assert_eq!(PeriodKind::from_code(span.kind.code()), Some(span.kind));
        assert_eq!(PeriodId::parse_title("2021 – 2024 годы"), Some(span));
        assert_eq!(PeriodId::parse_title("за 2021-2024 гг."), Some(span));
        assert_eq!(PeriodId::parse_title(&span.official_title()), Some(span));
        assert_eq!(PeriodId::parse("2024-2021"), None);
        assert_eq!(Years::parse("2021 – 2024"), Some(Years { first: 2021, last: 2024 }));
        assert_eq!(Years::parse("2022"), Some(Years::one(2022)));
        assert_eq!(Years::parse("22-24"), None);
    }

    #[test]
    fn clamps_day_to_month_end() {
        assert_eq!(day_of_month_clamped(2020, 6, 31), NaiveDate::from_ymd_opt(2020, 6, 30).unwrap());
        assert_eq!(last_day_of_month(2020, 2), NaiveDate::from_ymd_opt(2020, 2, 29).unwrap());
    }
}
