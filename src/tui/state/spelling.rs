//! What the TUI knows of the spelling of the words it has shown: the server's verdicts,
//! cached per word, and the questions on their way.

use std::collections::{HashMap, HashSet};

/// Verdicts kept before the cache starts again (a few hundred kilobytes).
const MAX_VERDICTS: usize = 20_000;

#[derive(Debug)]
pub struct Spelling {
    /// Checking is on: the user's setting, until the server says it has no dictionary.
    pub on: bool,
    /// Word → known.
    verdicts: HashMap<String, bool>,
    asked: HashSet<String>,
}

impl Spelling {
    pub fn new(on: bool) -> Spelling {
        Spelling { on, verdicts: HashMap::new(), asked: HashSet::new() }
    }

    /// Known wrong (an unknown word is not underlined until the server has said so).
    pub fn is_misspelt(&self, word: &str) -> bool {
        self.verdicts.get(word) == Some(&false)
    }

    /// Neither judged nor asked about yet.
    pub fn is_new(&self, word: &str) -> bool {
        !self.verdicts.contains_key(word) && !self.asked.contains(word)
    }

    pub fn asking(&mut self, words: &[String]) {
        self.asked.extend(words.iter().cloned());
    }

    /// The answer to a question about `words`: `unknown` are wrong, the others right.
    pub fn answered(&mut self, words: &[String], unknown: &[String]) {
        if self.verdicts.len() > MAX_VERDICTS {
            self.verdicts.clear();
        }
        for w in words {
            self.asked.remove(w);
            self.verdicts.insert(w.clone(), !unknown.contains(w));
        }
    }

    /// A question that got no answer: ask again later.
    pub fn unanswered(&mut self, words: &[String]) {
        for w in words {
            self.asked.remove(w);
        }
    }

    /// Words added to the store's list are right from now on.
    pub fn known(&mut self, words: &[String]) {
        for w in words {
            self.verdicts.insert(w.clone(), true);
        }
    }
}
