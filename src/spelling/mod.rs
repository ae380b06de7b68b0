//! Spelling: the words of a text, and a Hunspell dictionary read with spellbook (the
//! checker of the helix editor). The server loads the dictionary once for every user
//! (about 15 MiB for Debian's `hunspell-ru`); clients ask it about the words they show.

use std::path::{Path, PathBuf};

use crate::tr;

/// The dictionary Debian's `hunspell-ru` installs (`.aff` and `.dic` beside each other).
pub const DEFAULT_DICTIONARY: &str = "/usr/share/hunspell/ru_RU";

/// A word longer than this is no word (a URL, a run of letters): never checked.
pub const MAX_WORD_CHARS: usize = 60;

/// The most words one question may ask about.
pub const MAX_WORDS_PER_QUESTION: usize = 2000;

/// Larger dictionary files are refused rather than read (Debian's is 3.4 MB).
const MAX_DICTIONARY_BYTES: u64 = 64 << 20;

/// A word of a text: its characters `start..end` (counted in characters, not bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordAt<'a> {
    pub word: &'a str,
    pub start: usize,
    pub end: usize,
}

/// The words a Russian dictionary can judge: runs of letters with Cyrillic in them,
/// hyphens inside («из-за», «какой-либо») kept; words with digits, Latin-only words and
/// overlong runs are left alone.
pub fn words(line: &str) -> Vec<WordAt<'_>> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].1.is_alphanumeric()
                || (is_joiner(chars[i].1) && chars.get(i + 1).is_some_and(|(_, c)| c.is_alphanumeric())))
        {
            i += 1;
        }
        let from = chars[start].0;
        let to = chars.get(i).map_or(line.len(), |(b, _)| *b);
        let word = &line[from..to];
        let judged = word.chars().any(is_cyrillic) && !word.chars().any(|c| c.is_numeric());
        if judged && i - start <= MAX_WORD_CHARS {
            out.push(WordAt { word, start, end: i });
        }
    }
    out
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2011}' | '\'' | '’')
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// A loaded dictionary.
pub struct Speller {
    dictionary: spellbook::Dictionary,
}

impl Speller {
    /// `base` names the dictionary without its extension: `…/ru_RU` for `ru_RU.aff` and
    /// `ru_RU.dic`. The error says in the user's language which file and why.
    pub fn load(base: &Path) -> Result<Speller, String> {
        let aff = read(&with_extension(base, "aff"))?;
        let dic = read(&with_extension(base, "dic"))?;
        let dictionary = spellbook::Dictionary::new(&aff, &dic).map_err(|e| {
            tr!(
                "spelling-bad-dictionary",
                path = with_extension(base, "dic").display().to_string(),
                detail = e.to_string()
            )
        })?;
        Ok(Speller { dictionary })
    }

    /// As the dictionary has it, or with ё written е (most Russian dictionaries do), or
    /// as the first word of a sentence.
    pub fn check(&self, word: &str) -> bool {
        if self.dictionary.check(word) {
            return true;
        }
        let without_yo: String = word
            .chars()
            .map(|c| match c {
                'ё' => 'е',
                'Ё' => 'Е',
                c => c,
            })
            .collect();
        without_yo != word && self.dictionary.check(&without_yo)
    }

    /// The dictionary's suggestions, best first (this takes up to a tenth of a second).
    pub fn suggest(&self, word: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.dictionary.suggest(word, &mut out);
        out
    }
}

fn with_extension(base: &Path, extension: &str) -> PathBuf {
    let mut name = base.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

fn read(path: &Path) -> Result<String, String> {
    let fail = |detail: String| tr!("spelling-unreadable", path = path.display().to_string(), detail = detail);
    let meta = std::fs::metadata(path).map_err(|e| fail(crate::i18n::os_error(&e)))?;
    if meta.len() > MAX_DICTIONARY_BYTES {
        return Err(fail(tr!("spelling-too-large", mib = MAX_DICTIONARY_BYTES >> 20)));
    }
    std::fs::read_to_string(path).map_err(|e| fail(crate::i18n::os_error(&e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn just_words(line: &str) -> Vec<&str> {
        words(line).into_iter().map(|w| w.word).collect()
    }

    #[test]
    fn words_are_runs_of_letters_with_inner_hyphens_counted_in_characters() {
        let line = "Из-за НПА (см. п. 5) — «коррупцыи», 2020 года; Word и e-mail.";
        assert_eq!(just_words(line), ["Из-за", "НПА", "см", "п", "коррупцыи", "года", "и"]);
        let w = words(line);
        assert_eq!((w[0].start, w[0].end), (0, 5));
        let k = w.iter().find(|w| w.word == "коррупцыи").unwrap();
        assert_eq!(line.chars().skip(k.start).take(k.end - k.start).collect::<String>(), "коррупцыи");
        assert_eq!(just_words("- тире -в начале-"), ["тире", "в", "начале"]);
        assert!(just_words(&"я".repeat(MAX_WORD_CHARS + 1)).is_empty());
    }

    #[test]
    fn a_missing_dictionary_is_named_in_russian() {
        let Err(e) = Speller::load(Path::new("/nonexistent/ru_RU")) else { panic!("no such dictionary") };
        assert!(e.contains("/nonexistent/ru_RU.aff") && e.contains("не найден"), "{e}");
    }

    #[test]
    #[cfg_attr(not(otchet_hunspell_ru), ignore = "needs hunspell-ru (apt-get install -y hunspell-ru)")]
    fn the_systems_russian_dictionary() {
        let speller = Speller::load(Path::new(DEFAULT_DICTIONARY)).unwrap();
        assert!(speller.check("коррупции") && speller.check("Российской") && speller.check("ещё"));
        assert!(!speller.check("коррупцыи"));
        assert!(speller.suggest("коррупцыи").iter().any(|s| s == "коррупции"));
    }
}
