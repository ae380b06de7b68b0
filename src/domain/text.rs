//! Text normalisation shared by the deadline parser, the flag rules and search.

/// Lower-cases, folds ё to е, and collapses every run of whitespace (line breaks
/// included) into one space, trimming both ends.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        push_folded(&mut out, c);
    }
    out
}

/// Lower-case and ё→е for one character, without touching whitespace.
pub fn push_folded(out: &mut String, c: char) {
    match c {
        'ё' | 'Ё' => out.push('е'),
        // The common letters without the Unicode tables (a status of 10,000 items folds
        // every assessment).
        'a'..='z' | 'а'..='я' => out.push(c),
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        'А'..='Я' => out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c)),
        _ if c.is_ascii() => out.push(c),
        _ => out.extend(c.to_lowercase()),
    }
}

/// Where `folded_needle` (already folded) first stands in `haystack`, case and ё/е aside:
/// the range in characters of `haystack`.
pub fn find_folded(haystack: &str, folded_needle: &str) -> Option<(usize, usize)> {
    let needle: Vec<char> = folded_needle.chars().collect();
    if needle.is_empty() {
        return None;
    }
    // Each folded character, with the character of `haystack` it came from.
    let mut folded: Vec<(char, usize)> = Vec::with_capacity(haystack.len());
    for (i, c) in haystack.chars().enumerate() {
        let mut one = String::new();
        if c.is_whitespace() {
            one.push(' ');
        } else {
            push_folded(&mut one, c);
        }
        folded.extend(one.chars().map(|f| (f, i)));
    }
    let at = folded.windows(needle.len()).position(|w| w.iter().map(|(c, _)| *c).eq(needle.iter().copied()))?;
    let first = folded[at].1;
    let last = folded[at + needle.len() - 1].1;
    Some((first, last + 1))
}

/// A search text folded once and looked for in texts as they are, without a folded copy
/// of them made or kept: what `fold(text).contains(&fold(query))` says. When the first
/// letter is Russian or English its places are found by `memchr`, each then compared.
#[derive(Clone, Debug, Default)]
pub struct Needle {
    folded: String,
    chars: Vec<char>,
    /// The last UTF-8 bytes of every character that folds to the first letter, when those
    /// characters are known; `None`: every text is folded whole to look in it.
    anchors: Option<Vec<u8>>,
}

impl Needle {
    pub fn new(query: &str) -> Needle {
        let folded = fold(query);
        let chars: Vec<char> = folded.chars().collect();
        let anchors = chars.first().and_then(|&c| folding_to(c)).map(|from| {
            let mut last: Vec<u8> =
                from.iter().map(|c| c.encode_utf8(&mut [0; 4]).as_bytes()[c.len_utf8() - 1]).collect();
            last.sort_unstable();
            last.dedup();
            last
        });
        Needle { folded, chars, anchors }
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The query folded.
    pub fn folded(&self) -> &str {
        &self.folded
    }

    pub fn found_in(&self, text: &str) -> bool {
        let Some(anchors) = &self.anchors else { return self.is_empty() || fold(text).contains(&self.folded) };
        anchors.chunks(3).any(|group| self.anchored(text, group))
    }

    /// Whether it stands at one of the characters ending in a byte of `group` (1–3 bytes).
    fn anchored(&self, text: &str, group: &[u8]) -> bool {
        let bytes = text.as_bytes();
        let start_of = |end: usize| (end.saturating_sub(3)..=end).rev().find(|&s| text.is_char_boundary(s));
        let mut from = 0;
        while let Some(found) = bytes.get(from..).and_then(|rest| first_of(group, rest)) {
            let end = from + found;
            if start_of(end).is_some_and(|start| self.stands_at(&text[start..])) {
                return true;
            }
            from = end + 1;
        }
        false
    }

    /// Whether `text`, folded, starts with it.
    fn stands_at(&self, text: &str) -> bool {
        let mut folded = FoldedChars { chars: text.chars().peekable(), pending: None };
        self.chars.iter().all(|&want| folded.next() == Some(want))
    }
}

/// Where the first of `group`'s bytes (1–3 of them) stands in `bytes`.
fn first_of(group: &[u8], bytes: &[u8]) -> Option<usize> {
    match *group {
        [a] => memchr::memchr(a, bytes),
        [a, b] => memchr::memchr2(a, b, bytes),
        [a, b, c, ..] => memchr::memchr3(a, b, c, bytes),
        [] => None,
    }
}

/// Every character whose fold starts with `c`, for the letters, digits and signs of
/// Russian and English (checked against every Unicode character in the tests).
fn folding_to(c: char) -> Option<Vec<char>> {
    let upper = |c: char| char::from_u32(u32::from(c) - 0x20);
    Some(match c {
        'е' => vec!['е', 'Е', 'ё', 'Ё'],
        'а'..='я' => vec![c, upper(c)?],
        'i' => vec!['i', 'I', '\u{130}'],
        'k' => vec!['k', 'K', '\u{212A}'],
        'a'..='z' => vec![c, c.to_ascii_uppercase()],
        _ if c.is_ascii() && !c.is_ascii_uppercase() => vec![c],
        _ => return None,
    })
}

/// A text's characters as `fold` gives them, one at a time: a run of whitespace as one
/// space (a trailing one kept: a folded query never ends in one).
struct FoldedChars<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    pending: Option<std::char::ToLowercase>,
}

impl Iterator for FoldedChars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if let Some(next) = self.pending.as_mut().and_then(Iterator::next) {
            return Some(next);
        }
        let c = self.chars.next()?;
        if c.is_whitespace() {
            while self.chars.next_if(|c| c.is_whitespace()).is_some() {}
            return Some(' ');
        }
        Some(match c {
            'ё' | 'Ё' => 'е',
            'a'..='z' | 'а'..='я' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            'А'..='Я' => char::from_u32(u32::from(c) + 0x20).unwrap_or(c),
            _ if c.is_ascii() => c,
            _ => {
                let mut lower = c.to_lowercase();
                let first = lower.next().unwrap_or(c);
                self.pending = Some(lower);
                first
            }
        })
    }
}

/// Case- and ё-insensitive substring test; `needle` must already be folded.
pub fn contains_folded(haystack: &str, folded_needle: &str) -> bool {
    if folded_needle.is_empty() {
        return true;
    }
    fold(haystack).contains(folded_needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_match_is_found_in_the_original_characters() {
        assert_eq!(find_folded("Отчёт о РАБОТЕ", &fold("отчет")), Some((0, 5)));
        assert_eq!(find_folded("Отчёт о РАБОТЕ", &fold("о раб")), Some((6, 11)));
        assert_eq!(find_folded("нет", "да"), None);
    }

    #[test]
    fn the_quick_letters_fold_as_unicode_folds_them() {
        let letters = ('\u{0}'..='\u{7f}').chain('\u{400}'..='\u{45f}');
        for c in letters.filter(|c| !c.is_whitespace()) {
            let mut quick = String::new();
            push_folded(&mut quick, c);
            let unicode: String = if matches!(c, 'ё' | 'Ё') { "е".into() } else { c.to_lowercase().collect() };
            assert_eq!(quick, unicode, "{c:?}");
        }
    }

    /// Every character that folds to a letter, digit or sign `Needle` anchors on is among
    /// its anchors: no match is missed for want of a place to look.
    #[test]
    fn the_anchors_hold_every_character_that_folds_to_them() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| !c.is_whitespace()) {
            let Some(first) = fold(&c.to_string()).chars().next() else { continue };
            if let Some(from) = folding_to(first) {
                assert!(from.contains(&c), "{c:?} folds to {first:?}");
            }
        }
    }

    #[test]
    fn a_needle_finds_what_the_folded_text_holds() {
        let texts = ["Отчёт о РАБОТЕ прокуратуры", "  ЕЛКИ\n\n  и  ёлки ", "İstanbul KELVIN", "ΣΊΣΥΦΟΣ", "", "а"];
        let queries = ["отчет", "о раб", "ПРОКУРАТУРЫ", "елки и елки", "i̇stan", "kelvin", "σίσυφος", "уры x", "а", "е"];
        for text in texts {
            for query in queries {
                let expected = fold(text).contains(&fold(query));
                assert_eq!(Needle::new(query).found_in(text), expected, "{query:?} in {text:?}");
            }
        }
        assert!(Needle::new("  ").found_in("что угодно") && Needle::new("").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn a_needle_agrees_with_folding(text in "[аеёЕЁ бвБВ\n\tkKİ\u{212A}xX0.-]{0,40}", start in 0usize..40, len in 0usize..8) {
            let chars: Vec<char> = text.chars().collect();
            let from = start.min(chars.len());
            let query: String = chars[from..(from + len).min(chars.len())].iter().collect();
            for q in [query.clone(), query.to_uppercase(), "ёЕ б".into()] {
                proptest::prop_assert_eq!(Needle::new(&q).found_in(&text), fold(&text).contains(&fold(&q)), "{:?} in {:?}", q, text);
            }
        }
    }

    #[test]
    fn folds_case_yo_and_whitespace() {
        assert_eq!(fold("  Ещё\n\n  ВЫПОЛНЕНО\tв  срок "), "еще выполнено в срок");
        assert!(contains_folded("Согласование ЁЛКИ", "елки"));
    }
}
