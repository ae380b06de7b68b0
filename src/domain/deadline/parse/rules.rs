//! Recurring rules: a frequency ("ежеквартально", "не реже 1 раза в полугодие", "в конце
//! каждого квартала") and when in each period it falls due ("до 5 числа месяца, следующего
//! за отчетным", "в течение 10 дней после окончания квартала", "до 25 июня и до 20
//! декабря"); and dates labelled with the period they report on ("за I квартал — до 15
//! апреля").

use super::super::{Clause, DueRule, Every};
use super::Parser;
use crate::domain::deadline::tokens::Tok;

impl Parser<'_> {
    /// "[Ежеквартально:] за I квартал — до 15 апреля; за год — до 25 декабря": exactly those
    /// dates; the rule word before them adds none of its own.
    pub(super) fn labelled(&mut self) -> Option<Vec<Clause>> {
        self.attempt(Self::frequency);
        self.link();
        let mut out = Vec::new();
        while let Some(c) = self.attempt(|p| {
            if !out.is_empty() {
                p.skip_fillers();
            }
            p.labelled_date().or_else(|| p.attempt(Self::year_labelled))
        }) {
            out.push(c);
        }
        (!out.is_empty()).then_some(out)
    }

    /// "за I квартал — до 15 апреля", "по итогам отчетного года – до 25 января", "I кв. -
    /// 05.04", "до 15 апреля (за I квартал)".
    fn labelled_date(&mut self) -> Option<Clause> {
        if let Some(c) = self.attempt(Self::date_then_label) {
            return Some(c);
        }
        let by_word = self.word("за") || self.words(&["по", "итогам"]) || self.words(&["по", "результатам"]);
        self.word("отчетного");
        let reports_on = self.period_label()?;
        self.year_with_suffix();
        let linked = self.pos > 0 && matches!(self.peek(), Some(Tok::Punct('-' | ':' | ',')));
        (by_word || linked).then_some(())?;
        self.link();
        self.deadline_preposition();
        let dm = self.day_month()?;
        self.words(&["следующего", "года"]);
        match dm.years.as_slice() {
            [] => Some(Clause::Labelled { day: dm.day, month: dm.month, reports_on }),
            // "за год — до 20 января 2025 г.": that date, in its own year, as other dated
            // labels ("за 2021 год – до 01.02.2022") are.
            [year] => Some(Clause::Fixed { day: dm.day, month: dm.month, year: Some(*year) }),
            _ => None,
        }
    }

    /// "до 15 апреля (за I квартал)".
    fn date_then_label(&mut self) -> Option<Clause> {
        self.deadline_preposition();
        let dm = self.day_month()?;
        dm.years.is_empty().then_some(())?;
        self.punct('(').then_some(())?;
        self.word("за").then_some(())?;
        let reports_on = self.period_label()?;
        self.punct(')').then_some(())?;
        Some(Clause::Labelled { day: dm.day, month: dm.month, reports_on })
    }

    /// "за 2021 год – до 01.02.2022", "2022 г. – до 1 декабря": a date for the year named.
    pub(super) fn year_labelled(&mut self) -> Option<Clause> {
        self.word("за");
        let year = self.year_with_suffix()?;
        matches!(self.peek(), Some(Tok::Punct('-' | ':'))).then_some(())?;
        self.link();
        self.deadline_preposition();
        let dm = self.day_month()?;
        let year = match dm.years.as_slice() {
            [] => year,
            [written] => *written,
            _ => return None,
        };
        Some(Clause::Fixed { day: dm.day, month: dm.month, year: Some(year) })
    }

    /// The quarter a report label names: "I квартал" → 1, "полугодие" → 2, "9 месяцев" → 3,
    /// "год" → 4.
    fn period_label(&mut self) -> Option<u8> {
        if let Some(q) = self.quarter_ref() {
            return Some(q);
        }
        if let Some(h) = self.half_ref() {
            return Some(h * 2);
        }
        if self.word_of(&["полугодие", "полугодия"]).is_some() {
            return Some(2);
        }
        if self
            .attempt(|p| {
                let nine = matches!(p.count(), Some(9)) || p.word_of(&["девять", "девяти"]).is_some();
                (nine && p.word_of(&["месяцев", "месяца"]).is_some()).then_some(())
            })
            .is_some()
        {
            return Some(3);
        }
        self.word_of(&["год", "года"]).map(|_| 4)
    }

    pub(super) fn recurring(&mut self) -> Option<Vec<Clause>> {
        if let Some(every) = self.attempt(Self::frequency) {
            self.link();
            if let Some(rule) = self.attempt(|p| p.due_rule(Some(every)).map(|(_, r)| r)) {
                return Some(vec![Clause::Recurring { every, rule }]);
            }
            if let Some(dates) = self.attempt(|p| p.dates_of_rule(every)) {
                return Some(dates);
            }
            if let Some(rule) = self.attempt(|p| p.period_of_rule(every)) {
                return Some(vec![Clause::Recurring { every, rule }]);
            }
            return Some(vec![Clause::Recurring { every, rule: DueRule::EndOfPeriod }]);
        }
        if let Some((every, rule)) = self.attempt(|p| p.due_rule(None)) {
            return Some(vec![Clause::Recurring { every, rule }]);
        }
        if let Some(c) = self.attempt(Self::following_year) {
            return Some(vec![c]);
        }
        self.attempt(Self::period_end).map(|c| vec![c])
    }

    /// How often: "ежеквартально", "каждый год", "каждое полугодие", "раз в квартал", "не
    /// реже одного раза в полугодие", "2 раза в год".
    pub(super) fn frequency(&mut self) -> Option<Every> {
        const ADVERBS: [(&str, Every); 6] = [
            ("ежеквартально", Every::Quarter),
            ("поквартально", Every::Quarter),
            ("ежемесячно", Every::Month),
            ("ежеполугодно", Every::HalfYear),
            ("ежегодно", Every::Year),
            ("ежегодного", Every::Year),
        ];
        if let Some(i) = self.word_of(&ADVERBS.map(|(w, _)| w)) {
            return Some(ADVERBS[i].1);
        }
        if self.word_of(&["каждый", "каждое", "каждые"]).is_some() {
            return self.period_noun_accusative();
        }
        self.times_a_period()
    }

    /// "[не реже|не менее] [1|одного] раз(а) в квартал", "два раза в год".
    fn times_a_period(&mut self) -> Option<Every> {
        if self.word("не") && self.word_of(&["реже", "менее"]).is_none() {
            return None;
        }
        let times = self.count().unwrap_or(1);
        self.word_of(&["раза", "раз"])?;
        self.word("в").then_some(())?;
        let per = self.period_noun_accusative()?;
        match (times, per) {
            (1, per) => Some(per),
            (2, Every::Year) => Some(Every::HalfYear),
            (4, Every::Year) => Some(Every::Quarter),
            (12, Every::Year) => Some(Every::Month),
            (2, Every::HalfYear) => Some(Every::Quarter),
            _ => None,
        }
    }

    fn period_noun_accusative(&mut self) -> Option<Every> {
        const NOUNS: [(&str, Every); 5] = [
            ("квартал", Every::Quarter),
            ("месяц", Every::Month),
            ("полугодие", Every::HalfYear),
            ("полгода", Every::HalfYear),
            ("год", Every::Year),
        ];
        self.word_of(&NOUNS.map(|(w, _)| w)).map(|i| NOUNS[i].1)
    }

    /// A period noun in the given case forms (period, quarter, month, half-year, year);
    /// "период" means the report's period, a quarter.
    fn period_noun(&mut self, forms: &[&str; 5]) -> Option<Every> {
        const EVERY: [Every; 5] = [Every::Quarter, Every::Quarter, Every::Month, Every::HalfYear, Every::Year];
        self.word_of(forms).map(|i| EVERY[i])
    }

    /// When in each period: "до N числа месяца, следующего за отчетным [кварталом]", "до N
    /// числа последнего месяца отчетного [квартала]", "в течение N дней после окончания
    /// квартала". Without a frequency the period noun decides it.
    fn due_rule(&mut self, every: Option<Every>) -> Option<(Every, DueRule)> {
        self.attempt(|p| p.day_rule(every)).or_else(|| self.attempt(|p| p.after_period_end(every)))
    }

    fn day_rule(&mut self, every: Option<Every>) -> Option<(Every, DueRule)> {
        self.deadline_preposition().then_some(())?;
        let n = self.count().filter(|n| (1..=31).contains(n))?;
        let day = u8::try_from(n).ok()?;
        self.attempt(|p| p.punct('-').then(|| p.word_of(&["го", "е"])).flatten());
        self.word("числа").then_some(())?;
        if self.word("последнего") {
            self.word("месяца").then_some(())?;
            self.word("отчетного");
            let noun = self.period_noun(&["периода", "квартала", "месяца", "полугодия", "года"]);
            return Some((every.or(noun)?, DueRule::DayOfLastMonth(day)));
        }
        // "ежемесячно до 25 числа текущего месяца": day N of each month itself.
        if every == Some(Every::Month)
            && self
                .attempt(|p| {
                    p.word_of(&["текущего", "каждого"])?;
                    p.word("месяца").then_some(())
                })
                .is_some()
        {
            return Some((Every::Month, DueRule::DayOfLastMonth(day)));
        }
        // "ежемесячно, до 5 числа [месяца]" (of each month): nothing names another month.
        if every == Some(Every::Month)
            && self
                .attempt(|p| {
                    p.word("месяца");
                    p.clause_ends().then_some(())
                })
                .is_some()
        {
            return Some((Every::Month, DueRule::DayOfLastMonth(day)));
        }
        self.word("месяца");
        self.punct(',');
        (self.words(&["следующего", "за", "отчетным"]) || self.words(&["следующего", "за", "отчетный"]))
            .then_some(())?;
        let noun = self.period_noun(&["периодом", "кварталом", "месяцем", "полугодием", "годом"]);
        Some((every.or(noun)?, DueRule::DayOfNextMonth(day)))
    }

    /// "в течение 10 (календарных) дней после окончания отчетного квартала", "не позднее 15
    /// дней по окончании полугодия": day N of the month after the period.
    fn after_period_end(&mut self, every: Option<Every>) -> Option<(Every, DueRule)> {
        let _ = self.words(&["в", "течение"]) || self.deadline_preposition() || self.word("через");
        let n = self.count().filter(|n| (1..=31).contains(n))?;
        self.word("календарных");
        self.word_of(&["дней", "дня", "день"])?;
        let _ = self.word("после") || self.word("по") || self.words(&["со", "дня"]) || self.words(&["с", "даты"]);
        self.word_of(&["окончания", "окончании", "завершения", "истечения"])?;
        self.word("отчетного");
        let noun = self.period_noun(&["периода", "квартала", "месяца", "полугодия", "года"]);
        Some((every.or(noun)?, DueRule::DayOfNextMonth(u8::try_from(n).ok()?)))
    }

    /// Dates after a frequency: "ежегодно до 1 апреля", "каждое полугодие до 25 июня и до 20
    /// декабря" (those days in every year), "ежегодно до 1 февраля 2022, 2023, 2024 гг."
    /// (those dates).
    fn dates_of_rule(&mut self, every: Every) -> Option<Vec<Clause>> {
        let mut out = Vec::new();
        while let Some(dm) = self.attempt(|p| {
            if !out.is_empty() {
                (p.punct(',') || p.word("и") || p.punct(';')).then_some(())?;
            }
            p.deadline_preposition();
            let dm = p.day_month()?;
            p.following_year_tail();
            Some(dm)
        }) {
            if dm.years.is_empty() {
                out.push(Clause::Recurring { every, rule: DueRule::DayOfYear { day: dm.day, month: dm.month } });
            } else {
                out.extend(dm.years.iter().map(|&y| Clause::Fixed { day: dm.day, month: dm.month, year: Some(y) }));
            }
        }
        (!out.is_empty()).then_some(out)
    }

    /// "ежегодно, в IV квартале", "ежегодно в I квартале года, следующего за отчетным":
    /// the last day of that quarter or month, every year.
    fn period_of_rule(&mut self, every: Every) -> Option<DueRule> {
        (every == Every::Year).then_some(())?;
        let _ = self.word("в") || self.word("во");
        let month = if let Some(q) = self.quarter_ref() { q * 3 } else { super::dates::month_number(self)? };
        self.following_year_tail();
        let day = crate::domain::period::last_day_of_month(2001, month.into());
        Some(DueRule::DayOfYear { day: chrono::Datelike::day(&day) as u8, month })
    }

    /// "года, следующего за отчетным [годом]" after a day and month.
    fn following_year_tail(&mut self) -> bool {
        self.attempt(|p| {
            p.word("года").then_some(())?;
            p.punct(',');
            p.words(&["следующего", "за", "отчетным"]).then_some(())?;
            p.word("годом");
            Some(())
        })
        .is_some()
    }

    /// "до 1 февраля года, следующего за отчетным": that day of every plan year.
    fn following_year(&mut self) -> Option<Clause> {
        self.deadline_preposition();
        let dm = self.day_month()?;
        (dm.years.is_empty() && self.following_year_tail()).then_some(())?;
        Some(Clause::Recurring { every: Every::Year, rule: DueRule::DayOfYear { day: dm.day, month: dm.month } })
    }

    /// "в конце каждого квартала", "по итогам каждого полугодия", "по окончании каждого
    /// месяца"; "по итогам года", "в конце года" (the year's last day).
    fn period_end(&mut self) -> Option<Clause> {
        let head = self.words(&["в", "конце"])
            || self.words(&["по", "итогам"])
            || self.words(&["по", "окончании"])
            || self.words(&["по", "завершении"]);
        head.then_some(())?;
        let each = self.word("каждого");
        self.word("отчетного");
        let every = self.period_noun(&["периода", "квартала", "месяца", "полугодия", "года"])?;
        if every == Every::Year && !each {
            return Some(Clause::Fixed { day: 31, month: 12, year: None });
        }
        Some(Clause::Recurring { every, rule: DueRule::EndOfPeriod })
    }
}
