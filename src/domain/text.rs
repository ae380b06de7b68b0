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

    #[test]
    fn folds_case_yo_and_whitespace() {
        assert_eq!(fold("  Ещё\n\n  ВЫПОЛНЕНО\tв  срок "), "еще выполнено в срок");
        assert!(contains_folded("Согласование ЁЛКИ", "елки"));
    }
}
