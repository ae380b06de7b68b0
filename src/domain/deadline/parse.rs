//! The deadline grammar: a text is a sequence of clauses, optionally separated by
//! punctuation or conjunctions. A text with any part the grammar does not know is
//! not understood at all (`None`), never partly guessed.

use chrono::NaiveDate;

use super::tokens::{Tok, tokenize};
use super::{Clause, DueRule, Every, Schedule};
use crate::domain::text::fold;

pub fn parse(text: &str) -> Option<Schedule> {
    let toks = tokenize(&fold(text));
    let mut p = Parser { toks: &toks, pos: 0 };
    let mut clauses: Vec<Clause> = Vec::new();
    loop {
        p.skip_separators();
        if p.at_end() {
            break;
        }
        let clause = p.clause()?;
        if !clauses.contains(&clause) {
            clauses.push(clause);
        }
    }
    (!clauses.is_empty()).then_some(Schedule { clauses })
}

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
const SEPARATOR_WORDS: [&str; 6] = ["и", "а", "но", "также", "или", "либо"];
const TAILS: [&[&str]; 6] = [
    &["и", "в", "установленные", "сроки"],
    &["в", "установленные", "сроки"],
    &["по", "отдельному", "плану"],
    &["по", "утвержденному", "плану"],
    &["по", "плану"],
    &["согласно", "плану"],
];

struct Parser<'a> {
    toks: &'a [Tok],
    pos: usize,
}

impl Parser<'_> {
    fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    /// Runs `f`; on failure the position is restored.
    fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let saved = self.pos;
        let result = f(self);
        if result.is_none() {
            self.pos = saved;
        }
        result
    }

    fn word(&mut self, w: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Word(x)) if x == w) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn any_word(&mut self) -> Option<&str> {
        let toks = self.toks;
        match toks.get(self.pos) {
            Some(Tok::Word(w)) => {
                self.pos += 1;
                Some(w.as_str())
            }
            _ => None,
        }
    }

    /// Consumes one of `words`, returning its index.
    fn word_of(&mut self, words: &[&str]) -> Option<usize> {
        let i = match self.peek() {
            Some(Tok::Word(w)) => words.iter().position(|x| x == w)?,
            _ => return None,
        };
        self.pos += 1;
        Some(i)
    }

    /// Consumes the whole sequence or nothing.
    fn words(&mut self, seq: &[&str]) -> bool {
        self.attempt(|p| seq.iter().all(|w| p.word(w)).then_some(())).is_some()
    }

    fn num(&mut self) -> Option<(u32, usize)> {
        match self.peek() {
            Some(&Tok::Num { value, digits }) => {
                self.pos += 1;
                Some((value, digits))
            }
            _ => None,
        }
    }

    fn punct(&mut self, c: char) -> bool {
        if self.peek() == Some(&Tok::Punct(c)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn at_separator(&self) -> bool {
        match self.peek() {
            Some(Tok::Punct(_)) => true,
            Some(Tok::Word(w)) => SEPARATOR_WORDS.contains(&w.as_str()),
            _ => false,
        }
    }

    fn skip_separators(&mut self) {
        while self.at_separator() {
            self.pos += 1;
        }
    }

    fn clause(&mut self) -> Option<Clause> {
        if let Some(c) = self.dated_clause() {
            return Some(c);
        }
        self.attempt(Self::event)
    }

    /// A clause with dates of its own (everything but events).
    fn dated_clause(&mut self) -> Option<Clause> {
        self.attempt(Self::recurring).or_else(|| self.attempt(Self::continuous)).or_else(|| self.attempt(Self::fixed))
    }

    // ---- recurring ------------------------------------------------------------------

    fn recurring(&mut self) -> Option<Clause> {
        let (every, rule) = match self.attempt(Self::frequency) {
            Some(every) => {
                let rule = self
                    .attempt(|p| {
                        p.punct(',');
                        p.due_rule(every)
                    })
                    .unwrap_or(DueRule::EndOfPeriod);
                (every, rule)
            }
            // "до 05 числа месяца, следующего за отчетным кварталом" on its own.
            None => self.attempt(|p| p.day_rule(None))?,
        };
        self.attempt(|p| {
            p.punct(',');
            TAILS.iter().any(|t| p.words(t)).then_some(())
        });
        Some(Clause::Recurring { every, rule })
    }

    fn frequency(&mut self) -> Option<Every> {
        const ADVERBS: [(&str, Every); 4] = [
            ("ежеквартально", Every::Quarter),
            ("ежемесячно", Every::Month),
            ("ежеполугодно", Every::HalfYear),
            ("ежегодно", Every::Year),
        ];
        if let Some(i) = self.word_of(&ADVERBS.map(|(w, _)| w)) {
            return Some(ADVERBS[i].1);
        }
        if self.word("каждый") {
            return self.period_noun_accusative();
        }
        if self.word("каждое") {
            return self.word("полугодие").then_some(Every::HalfYear);
        }
        // "не реже 1 раза в квартал", "не менее одного раза в год", "1 раз в полугодие"
        if self.word("не") && self.word_of(&["реже", "менее"]).is_none() {
            return None;
        }
        let once = matches!(self.num(), Some((1, _))) || self.attempt(|p| p.word_of(&["одного", "один"])).is_some();
        if !once {
            return None;
        }
        self.word_of(&["раза", "раз"])?;
        self.word("в").then_some(())?;
        self.period_noun_accusative()
    }

    fn period_noun_accusative(&mut self) -> Option<Every> {
        const NOUNS: [(&str, Every); 4] = [
            ("квартал", Every::Quarter),
            ("месяц", Every::Month),
            ("полугодие", Every::HalfYear),
            ("год", Every::Year),
        ];
        self.word_of(&NOUNS.map(|(w, _)| w)).map(|i| NOUNS[i].1)
    }

    /// What follows a frequency: "до 05 числа месяца, следующего за отчетным …",
    /// "до 30 числа последнего месяца отчетного …", or for yearly clauses a day of the year.
    fn due_rule(&mut self, every: Every) -> Option<DueRule> {
        if let Some((_, rule)) = self.attempt(|p| p.day_rule(Some(every))) {
            return Some(rule);
        }
        if every == Every::Year {
            return self.attempt(|p| {
                p.deadline_preposition();
                let (day, month, year) = p.day_month(false)?;
                year.is_none().then_some(DueRule::DayOfYear { day, month })
            });
        }
        None
    }

    /// "до N числа месяца, следующего за отчетным [периодом]" or "до N числа последнего
    /// месяца отчетного [периода]". Without a known frequency the period noun decides it.
    fn day_rule(&mut self, every: Option<Every>) -> Option<(Every, DueRule)> {
        self.deadline_preposition().then_some(())?;
        let (n, _) = self.num().filter(|&(n, _)| (1..=31).contains(&n))?;
        let day = u8::try_from(n).ok()?;
        self.word("числа").then_some(())?;
        if self.word("последнего") {
            self.words(&["месяца", "отчетного"]).then_some(())?;
            let noun = self.period_noun(&["периода", "квартала", "месяца", "полугодия", "года"]);
            let every = every.or(noun)?;
            return Some((every, DueRule::DayOfLastMonth(day)));
        }
        self.word("месяца");
        self.punct(',');
        self.words(&["следующего", "за", "отчетным"]).then_some(())?;
        let noun = self.period_noun(&["периодом", "кварталом", "месяцем", "полугодием", "годом"]);
        let every = every.or(noun)?;
        Some((every, DueRule::DayOfNextMonth(day)))
    }

    /// A period noun in the given case forms (period, quarter, month, half-year, year);
    /// "период" means the report's period, a quarter.
    fn period_noun(&mut self, forms: &[&str; 5]) -> Option<Every> {
        const EVERY: [Every; 5] = [Every::Quarter, Every::Quarter, Every::Month, Every::HalfYear, Every::Year];
        self.word_of(forms).map(|i| EVERY[i])
    }

    fn deadline_preposition(&mut self) -> bool {
        self.word("до")
            || self.words(&["не", "позднее"])
            || self.words(&["не", "позже"])
            || self.words(&["в", "срок", "до"])
    }

    // ---- continuous -----------------------------------------------------------------

    fn continuous(&mut self) -> Option<Clause> {
        if self.word("постоянно") {
            return Some(Clause::Continuous);
        }
        if !self.words(&["в", "течение"]) {
            return None;
        }
        let ok = self.word("года")
            || self
                .attempt(|p| {
                    p.word_of(&["отчетного", "текущего", "всего", "календарного"])?;
                    p.word("года").then_some(())
                })
                .is_some()
            || self.attempt(Self::year_or_year_range).is_some();
        ok.then_some(Clause::Continuous)
    }

    /// "2020 года", "2020 г.", "2018-2020 годов", "2018 - 2020 гг."
    fn year_or_year_range(&mut self) -> Option<()> {
        self.year_number()?;
        if self.attempt(|p| (p.punct('-') || p.punct('–') || p.punct('—')).then_some(())).is_some() {
            self.year_number()?;
            self.word_of(&["годов", "годы", "гг", "г"])?;
            self.punct('.');
            return Some(());
        }
        self.year_suffix().then_some(())
    }

    fn year_number(&mut self) -> Option<i32> {
        let (y, digits) = self.num()?;
        (digits == 4 && (1900..=2200).contains(&y)).then_some(y as i32)
    }

    /// "года", "год", "г." after a year.
    fn year_suffix(&mut self) -> bool {
        if self.word_of(&["года", "год", "году"]).is_some() {
            return true;
        }
        if self.word("г") {
            self.punct('.');
            return true;
        }
        false
    }

    // ---- fixed ----------------------------------------------------------------------

    fn fixed(&mut self) -> Option<Clause> {
        let had_preposition = self.deadline_preposition();
        if let Some((day, month, year)) = self.attempt(|p| p.day_month(true)) {
            return Some(Clause::Fixed { day, month, year });
        }
        if had_preposition
            && self.word("конца")
            && (self.word("года") || self.attempt(Self::year_or_year_range).is_some())
        {
            return Some(Clause::Fixed { day: 31, month: 12, year: None });
        }
        if !had_preposition && self.word("в") {
            // "в декабре 2020 года", "в IV квартале": by the end of that month or quarter.
            let month = if let Some(i) = self.word_of(&MONTHS_PREPOSITIONAL) {
                i as u8 + 1
            } else {
                let q = self.quarter_number()?;
                self.word("квартале").then_some(())?;
                q * 3
            };
            let year = self.attempt(|p| {
                let y = p.year_number()?;
                p.year_suffix().then_some(y)
            });
            let day = crate::domain::period::last_day_of_month(year.unwrap_or(2000), month.into());
            return Some(Clause::Fixed { day: chrono::Datelike::day(&day) as u8, month, year });
        }
        None
    }

    fn quarter_number(&mut self) -> Option<u8> {
        if let Some((n, _)) = self.attempt(|p| p.num().filter(|(n, _)| (1..=4).contains(n))) {
            return Some(n as u8);
        }
        self.word_of(&["i", "ii", "iii", "iv"]).map(|i| i as u8 + 1)
    }

    /// "14 февраля [2020 года]" or "01.12[.2020][г.]"; `allow_year` also takes a year.
    fn day_month(&mut self, allow_year: bool) -> Option<(u8, u8, Option<i32>)> {
        let (day, day_digits) = self.num()?;
        if day_digits > 2 {
            return None;
        }
        let (month, year) = if let Some(i) = self.word_of(&MONTHS_GENITIVE) {
            let year = self.attempt(|p| {
                let y = p.year_number()?;
                p.year_suffix().then_some(y)
            });
            (i as u32 + 1, year)
        } else {
            self.punct('.').then_some(())?;
            let (month, month_digits) = self.num()?;
            if month_digits > 2 {
                return None;
            }
            let year = self.attempt(|p| {
                p.punct('.').then_some(())?;
                let (y, digits) = p.num()?;
                let y = match digits {
                    2 => 2000 + y as i32,
                    4 => y as i32,
                    _ => return None,
                };
                p.year_suffix();
                Some(y)
            });
            (month, year)
        };
        if year.is_some() && !allow_year {
            return None;
        }
        // Validate against a leap year when no year is written, so 29.02 is allowed.
        NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)?;
        Some((day as u8, month as u8, year))
    }

    // ---- events ---------------------------------------------------------------------

    fn event(&mut self) -> Option<Clause> {
        self.event_head()?;
        // The event's own words run until a separator that starts a dated clause.
        while !self.at_end() {
            if self.at_separator() {
                let saved = self.pos;
                self.skip_separators();
                let next_is_dated = !self.at_end() && self.attempt(|p| p.dated_clause()).is_some();
                self.pos = saved;
                if next_is_dated {
                    break;
                }
            }
            self.pos += 1;
        }
        Some(Clause::Event)
    }

    fn event_head(&mut self) -> Option<()> {
        const UNITS: [&str; 12] = [
            "день",
            "дня",
            "дней",
            "суток",
            "недели",
            "недель",
            "неделю",
            "месяц",
            "месяца",
            "месяцев",
            "часов",
            "часа",
        ];
        let found = self.words(&["по", "мере"])
            || self.words(&["в", "день"])
            || self.words(&["в", "случае"])
            || self.words(&["в", "соответствии"])
            || self.words(&["в", "установленные"])
            || self.words(&["в", "сроки"])
            || self
                .attempt(|p| {
                    p.word("при").then_some(())?;
                    p.any_word().map(|_| ())
                })
                .is_some()
            || self
                .attempt(|p| {
                    p.word("по").then_some(())?;
                    p.word_of(&["факту", "запросу", "требованию", "поручению", "решению"]).map(|_| ())
                })
                .is_some()
            || self
                .attempt(|p| {
                    // "в течение 14 рабочих дней с …", "в течение трех месяцев со дня …"
                    p.words(&["в", "течение"]).then_some(())?;
                    if p.num().is_none() {
                        p.any_word()?;
                    }
                    p.word_of(&["рабочих", "календарных"]);
                    p.word_of(&UNITS).map(|_| ())
                })
                .is_some();
        found.then_some(())
    }
}
