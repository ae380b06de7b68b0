//! Continuous work ("постоянно", "в течение года", "в течение 2021–2024 годов"), events
//! with no date of their own ("по мере необходимости", "в течение 10 рабочих дней со дня
//! …", "незамедлительно", "согласно графику"), and qualifiers that change nothing ("по
//! согласованию с прокуратурой").

use super::super::Clause;
use super::Parser;

const UNITS: [&str; 14] = [
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
    "года",
    "лет",
];

impl Parser<'_> {
    pub(super) fn continuous(&mut self) -> Option<Clause> {
        if self.word_of(&["постоянно", "ежедневно", "регулярно", "систематически"]).is_some()
            || self.words(&["на", "постоянной", "основе"])
        {
            return Some(Clause::Continuous);
        }
        if let Some(c) = self.attempt(Self::date_range) {
            return Some(c);
        }
        if let Some((first, last)) = self.year_range() {
            // "2021 – 2024 годы" as a whole deadline.
            return Some(Clause::During { first, last });
        }
        let during = self.words(&["в", "течение"])
            || self.words(&["на", "протяжении"])
            || self.words(&["в", "период"])
            || self.words(&["в", "ходе"]);
        during.then_some(())?;
        self.attempt(Self::continuous_span)
    }

    /// After "в течение": "года", "всего года", "2022 года", "2021–2024 годов", "всего
    /// периода", "срока действия плана".
    fn continuous_span(&mut self) -> Option<Clause> {
        self.word_of(&["всего", "отчетного", "текущего", "календарного", "каждого"]);
        if self.word("года") {
            return Some(Clause::Continuous);
        }
        if let Some((first, last)) = self.year_range() {
            return Some(Clause::During { first, last });
        }
        if let Some(y) = self.year_with_suffix() {
            return Some(Clause::During { first: y, last: y });
        }
        let plan_period = self.word_of(&["периода", "срока"]).is_some();
        plan_period.then_some(())?;
        // "… действия плана", "… реализации программы": the plan's whole span.
        self.attempt(|p| {
            p.word_of(&["действия", "реализации"])?;
            p.any_word().then_some(())
        });
        Some(Clause::Continuous)
    }

    pub(super) fn event(&mut self) -> Option<Clause> {
        self.event_head()?;
        // The event's own words run until a separator that starts a dated clause.
        while !self.at_end() {
            if self.at_separator() {
                let saved = self.pos;
                self.skip_fillers();
                let next_is_dated = !self.at_end() && self.attempt(|p| p.dated_clause()).is_some();
                self.pos = saved;
                if next_is_dated || self.peek() == Some(&super::Tok::Punct(';')) {
                    break;
                }
            }
            self.pos += 1;
        }
        Some(Clause::Event)
    }

    fn event_head(&mut self) -> Option<()> {
        const ALONE: [&str; 6] =
            ["незамедлительно", "немедленно", "оперативно", "однократно", "своевременно", "безотлагательно"];
        let found = self.words(&["по", "мере"])
            || self.words(&["в", "день"])
            || self.words(&["в", "случае"])
            || self.words(&["в", "соответствии"])
            || self.words(&["в", "установленные"])
            || self.words(&["в", "установленный"])
            || self.words(&["в", "сроки"])
            || self.words(&["в", "срок"])
            || self.words(&["в", "порядке"])
            || self.words(&["по", "необходимости"])
            || self.word("согласно")
            || self.words(&["при", "первой", "возможности"])
            || self.word_of(&ALONE).is_some()
            || self.attempt(|p| (p.word("при") && p.any_word()).then_some(())).is_some()
            || self.attempt(Self::on_request).is_some()
            || self.attempt(Self::relative).is_some();
        found.then_some(())
    }

    /// "по факту …", "по запросу …", "по плану", "по отдельному графику".
    fn on_request(&mut self) -> Option<()> {
        self.word("по").then_some(())?;
        self.word_of(&["отдельному", "утвержденному", "утвержденным"]);
        self.word_of(&[
            "факту",
            "запросу",
            "запросам",
            "требованию",
            "поручению",
            "поручениям",
            "решению",
            "плану",
            "графику",
            "обращению",
            "обращениям",
            "представлению",
            "итогам",
        ])
        .map(|_| ())
    }

    /// "в течение N (рабочих) дней с …", "не позднее N дней со дня …", "через N дней после
    /// …", "в N-дневный срок".
    fn relative(&mut self) -> Option<()> {
        let head = self.words(&["в", "течение"]) || self.deadline_preposition() || self.word("через") || self.word("в");
        head.then_some(())?;
        if self.count().is_none() {
            // "в течение месяца со дня …": one of the unit, counted from an event.
            self.word_of(&["месяца", "недели", "суток", "дня"])?;
            return self.word_of(&["со", "с", "после", "от"]).map(|_| ());
        }
        self.attempt(|p| (p.punct('-') && p.any_word()).then_some(()));
        self.word_of(&["рабочих", "календарных", "рабочего", "календарного"]);
        self.word_of(&UNITS).map(|_| ()).or_else(|| self.word("срок").then_some(()))
    }

    /// Words after a rule that do not change it: "по согласованию с …", "по каждому
    /// направлению", "в пределах компетенции". They run to the next separator.
    pub(super) fn qualifier(&mut self) -> Option<()> {
        let found = self.words(&["по", "согласованию"])
            || self.words(&["по", "каждому"])
            || self.words(&["в", "пределах"])
            || self.words(&["в", "рамках"])
            || self.words(&["с", "учетом"])
            || self.words(&["совместно", "с"]);
        found.then_some(())?;
        while !self.at_end() && !matches!(self.peek(), Some(super::Tok::Punct(_))) {
            self.pos += 1;
        }
        Some(())
    }
}
