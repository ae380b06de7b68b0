//! The deadline grammar. A text is a sequence of clauses separated by punctuation or
//! conjunctions; each clause rule (`rules`, `dates`, `events`) reads one kind of phrasing.
//! What no rule reads is kept as written (`Understanding::unparsed`) and never guessed at;
//! the clauses around it keep their dates. An exception ("кроме III квартала") would make
//! the understood dates wrong, so a text with one is not understood at all.

mod dates;
mod events;
mod rules;

pub(super) use dates::MONTHS_GENITIVE;

use super::tokens::{Tok, Token, number_word, tokenize};
use super::{Clause, DueRule, Every, Schedule};

/// What the grammar made of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Understanding {
    /// The clauses understood (events are left out when the text also has dates).
    pub schedule: Schedule,
    /// The parts not understood, as written, each trimmed.
    pub unparsed: Vec<String>,
}

impl Understanding {
    pub fn is_complete(&self) -> bool {
        self.unparsed.is_empty() && !self.schedule.clauses.is_empty()
    }
}

/// The schedule of a text only when every part of it is understood (hand-set schedules).
pub fn parse(text: &str) -> Option<Schedule> {
    let understood = understand(text);
    understood.is_complete().then_some(understood.schedule)
}

/// Words that turn a rule's meaning around: a text holding one is not understood at all.
const EXCEPTIONS: [&str; 4] = ["кроме", "исключением", "исключая", "помимо"];

/// "Ежегодно" beside days of the year ("Ежегодно, к Международному дню … (9 декабря)") names
/// how often those days come, not a 31 December of its own: the days are yearly.
fn yearly_days(clauses: &mut Vec<Clause>) {
    let bare_yearly = Clause::Recurring { every: Every::Year, rule: DueRule::EndOfPeriod };
    let has_days = clauses.iter().any(|c| {
        matches!(c, Clause::Fixed { year: None, .. } | Clause::Recurring { rule: DueRule::DayOfYear { .. }, .. })
    });
    if !(has_days && clauses.contains(&bare_yearly)) {
        return;
    }
    clauses.retain(|c| *c != bare_yearly);
    for c in clauses.iter_mut() {
        if let Clause::Fixed { day, month, year: None } = *c {
            *c = Clause::Recurring { every: Every::Year, rule: DueRule::DayOfYear { day, month } };
        }
    }
}

pub fn understand(text: &str) -> Understanding {
    let toks = tokenize(text);
    let mut p = Parser { toks: &toks, pos: 0 };
    let mut clauses: Vec<Clause> = Vec::new();
    let mut unknown: Vec<(usize, usize)> = Vec::new();
    loop {
        p.skip_fillers();
        if p.at_end() {
            break;
        }
        if let Some(found) = p.attempt(Parser::clause) {
            for c in found {
                if !clauses.contains(&c) {
                    clauses.push(c);
                }
            }
            continue;
        }
        if p.attempt(Parser::qualifier).is_some() {
            continue;
        }
        let from = p.pos;
        p.skip_unknown();
        // "в год проведения выборов – до 1 сентября": a date under a condition not understood
        // is not used; the clause is not understood to its end.
        if matches!(p.peek(), Some(Tok::Punct('-' | ':'))) {
            while !p.at_end() && p.peek() != Some(&Tok::Punct(';')) {
                p.pos += 1;
            }
        }
        unknown.push((from, p.pos));
    }
    let poisoned = unknown
        .iter()
        .any(|&(a, b)| toks[a..b].iter().any(|t| matches!(&t.tok, Tok::Word(w) if EXCEPTIONS.contains(&w.as_str()))));
    if poisoned {
        return Understanding { schedule: Schedule { clauses: Vec::new() }, unparsed: vec![shown(text)] };
    }
    // A relative deadline adds no date to a text that has a dated rule.
    if clauses.iter().any(|c| *c != Clause::Event) {
        clauses.retain(|c| *c != Clause::Event);
    }
    yearly_days(&mut clauses);
    let unparsed = unknown.iter().map(|&(a, b)| shown(&text[toks[a].start..toks[b - 1].end])).filter(|s| !s.is_empty());
    Understanding { schedule: Schedule { clauses }, unparsed: unparsed.collect() }
}

/// A part of the text as it is shown: spaces and line breaks collapsed, stray punctuation
/// at its ends dropped.
fn shown(part: &str) -> String {
    let collapsed = part.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_matches(|c: char| {
            matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '.' | ' ' | '(' | ')' | '«' | '»' | '"')
        })
        .to_owned()
}

/// Conjunctions between clauses.
const CONJUNCTIONS: [&str; 7] = ["и", "а", "но", "также", "или", "либо", "далее"];

pub(super) struct Parser<'a> {
    toks: &'a [Token],
    pos: usize,
}

impl Parser<'_> {
    fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.tok)
    }

    fn peek_at(&self, ahead: usize) -> Option<&Tok> {
        self.toks.get(self.pos + ahead).map(|t| &t.tok)
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

    fn any_word(&mut self) -> bool {
        if matches!(self.peek(), Some(Tok::Word(_))) {
            self.pos += 1;
            true
        } else {
            false
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

    /// A count, in digits or in words ("3", "трех").
    fn count(&mut self) -> Option<u32> {
        if let Some((n, _)) = self.num() {
            return Some(n);
        }
        let n = match self.peek() {
            Some(Tok::Word(w)) => number_word(w)?,
            _ => return None,
        };
        self.pos += 1;
        Some(n)
    }

    fn punct(&mut self, c: char) -> bool {
        if self.peek() == Some(&Tok::Punct(c)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// A dash or a colon between a label and its date.
    fn link(&mut self) {
        while self.punct('-') || self.punct(':') || self.punct(',') {}
    }

    /// Nothing more of this clause follows.
    fn clause_ends(&self) -> bool {
        self.at_end() || matches!(self.peek(), Some(Tok::Punct(';' | '.')))
    }

    fn at_separator(&self) -> bool {
        match self.peek() {
            Some(Tok::Punct(_)) => true,
            Some(Tok::Word(w)) => CONJUNCTIONS.contains(&w.as_str()),
            _ => false,
        }
    }

    /// Punctuation, conjunctions, and a noun naming what is due before a dash or colon
    /// ("Срок:", "отчет –", "информация –") between clauses.
    fn skip_fillers(&mut self) {
        const LABELS: [&str; 9] =
            ["срок", "сроки", "отчет", "отчеты", "информация", "сведения", "доклад", "итоги", "результаты"];
        loop {
            let label = matches!(self.peek(), Some(Tok::Word(w)) if LABELS.contains(&w.as_str()))
                && matches!(self.peek_at(1), Some(Tok::Punct(':' | '-')) | None);
            if !(self.at_separator() || label) {
                return;
            }
            self.pos += 1;
        }
    }

    /// Past words no rule reads, up to where a clause may start again: after a separator, or
    /// at a word that always starts one.
    fn skip_unknown(&mut self) {
        const STARTERS: [&str; 8] = [
            "ежеквартально",
            "ежегодно",
            "ежемесячно",
            "ежеполугодно",
            "постоянно",
            "незамедлительно",
            "немедленно",
            "ежедневно",
        ];
        self.pos += 1;
        while !self.at_end() {
            if matches!(self.peek(), Some(Tok::Word(w)) if STARTERS.contains(&w.as_str())) {
                return;
            }
            if self.at_separator() {
                let saved = self.pos;
                self.skip_fillers();
                let starts =
                    !self.at_end() && self.attempt(|p| p.clause().or_else(|| p.qualifier().map(|()| vec![]))).is_some();
                self.pos = saved;
                if starts {
                    return;
                }
            }
            self.pos += 1;
        }
    }

    /// One clause of any kind; most rules give one clause, a list of dates gives several.
    fn clause(&mut self) -> Option<Vec<Clause>> {
        self.attempt(|p| p.year_labelled().map(|c| vec![c]))
            .or_else(|| self.attempt(Self::labelled))
            .or_else(|| self.attempt(Self::recurring))
            .or_else(|| self.attempt(Self::continuous).map(|c| vec![c]))
            .or_else(|| self.attempt(Self::fixed))
            .or_else(|| self.attempt(Self::event).map(|c| vec![c]))
    }

    /// A clause with dates of its own: an event ends where one starts.
    fn dated_clause(&mut self) -> Option<Vec<Clause>> {
        self.attempt(|p| p.year_labelled().map(|c| vec![c]))
            .or_else(|| self.attempt(Self::labelled))
            .or_else(|| self.attempt(Self::recurring))
            .or_else(|| self.attempt(Self::continuous).map(|c| vec![c]))
            .or_else(|| self.attempt(Self::fixed))
    }
}
