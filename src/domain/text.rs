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
        _ => out.extend(c.to_lowercase()),
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
    fn folds_case_yo_and_whitespace() {
        assert_eq!(fold("  Ещё\n\n  ВЫПОЛНЕНО\tв  срок "), "еще выполнено в срок");
        assert!(contains_folded("Согласование ЁЛКИ", "елки"));
    }
}
