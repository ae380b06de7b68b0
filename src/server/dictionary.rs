//! The one spelling dictionary of a server: loaded on the first question (about 60 ms and
//! 15 MiB for `hunspell-ru`), then shared by every user's checks; the store's added words
//! count as known.

use std::path::PathBuf;
use std::sync::OnceLock;

use crate::proto::ApiError;
use crate::spelling::{MAX_WORD_CHARS, MAX_WORDS_PER_QUESTION, Speller};

pub struct Dictionary {
    /// `None`: spelling is off on this server.
    base: Option<PathBuf>,
    loaded: OnceLock<Result<Speller, ApiError>>,
    /// Where a dictionary that does not load is explained in full.
    log: Option<fn(&str)>,
}

impl Dictionary {
    pub fn new(base: Option<PathBuf>, log: Option<fn(&str)>) -> Self {
        Self { base, loaded: OnceLock::new(), log }
    }

    fn speller(&self) -> Result<&Speller, ApiError> {
        let Some(base) = &self.base else {
            return Err(ApiError::NoDictionary { path: String::new(), missing: true });
        };
        let loaded = self.loaded.get_or_init(|| {
            let missing = !PathBuf::from(format!("{}.aff", base.display())).exists();
            Speller::load(base).map_err(|detail| {
                if let Some(log) = self.log {
                    log(&detail);
                }
                ApiError::NoDictionary { path: base.display().to_string(), missing }
            })
        });
        loaded.as_ref().map_err(Clone::clone)
    }

    /// The words neither the dictionary nor `added` knows, each once.
    pub fn unknown(&self, words: &[String], added: &[String]) -> Result<Vec<String>, ApiError> {
        let speller = self.speller()?;
        let mut out: Vec<String> = words
            .iter()
            .take(MAX_WORDS_PER_QUESTION)
            .filter(|w| w.chars().count() <= MAX_WORD_CHARS)
            .filter(|w| added.binary_search(w).is_err() && !speller.check(w))
            .cloned()
            .collect();
        out.sort();
        out.dedup();
        Ok(out)
    }

    pub fn suggest(&self, word: &str) -> Result<Vec<String>, ApiError> {
        let speller = self.speller()?;
        if word.chars().count() > MAX_WORD_CHARS {
            return Ok(Vec::new());
        }
        Ok(speller.suggest(word))
    }
}
