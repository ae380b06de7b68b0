//! Splits a deadline text into words, numbers and punctuation, each with where it stands in
//! the text (so that what was not understood can be shown as written).

use crate::domain::text::push_folded;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    /// Lower-cased, ё as е.
    Word(String),
    /// A run of digits: its value and how many digits were written ("05" is 2).
    Num { value: u32, digits: usize },
    /// Dashes of every length are `-`.
    Punct(char),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    /// Byte offsets in the original text.
    pub start: usize,
    pub end: usize,
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_digit() {
            let (mut value, mut digits, mut end) = (0u32, 0usize, start);
            while let Some(&(i, d)) = chars.peek() {
                let Some(v) = d.to_digit(10).filter(|_| d.is_ascii_digit()) else { break };
                value = value.saturating_mul(10).saturating_add(v);
                digits += 1;
                end = i + d.len_utf8();
                chars.next();
            }
            toks.push(Token { tok: Tok::Num { value, digits }, start, end });
        } else if c.is_alphabetic() {
            let (mut word, mut end) = (String::new(), start);
            while let Some(&(i, l)) = chars.peek() {
                if !l.is_alphabetic() {
                    break;
                }
                push_folded(&mut word, l);
                end = i + l.len_utf8();
                chars.next();
            }
            toks.push(Token { tok: Tok::Word(word), start, end });
        } else {
            let p = if matches!(c, '–' | '—' | '‒' | '−') { '-' } else { c };
            toks.push(Token { tok: Tok::Punct(p), start, end: start + c.len_utf8() });
            chars.next();
        }
    }
    toks
}

/// Numbers written as words, as plans write counts ("в течение трех дней").
pub fn number_word(word: &str) -> Option<u32> {
    const WORDS: [(&[&str], u32); 15] = [
        (&["один", "одного", "одну", "одной", "одним", "одна", "одно"], 1),
        (&["два", "двух", "две"], 2),
        (&["три", "трех"], 3),
        (&["четыре", "четырех"], 4),
        (&["пять", "пяти"], 5),
        (&["шесть", "шести"], 6),
        (&["семь", "семи"], 7),
        (&["десять", "десяти"], 10),
        (&["четырнадцать", "четырнадцати"], 14),
        (&["пятнадцать", "пятнадцати"], 15),
        (&["двадцать", "двадцати"], 20),
        (&["тридцать", "тридцати"], 30),
        (&["шестьдесят", "шестидесяти"], 60),
        (&["девяносто", "девяноста"], 90),
        (&["восемь", "восьми"], 8),
    ];
    WORDS.iter().find(|(forms, _)| forms.contains(&word)).map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok> {
        tokenize(text).into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn splits_glued_year_suffix_and_keeps_places() {
        assert_eq!(
            toks("До 01.12.2020г."),
            vec![
                Tok::Word("до".into()),
                Tok::Num { value: 1, digits: 2 },
                Tok::Punct('.'),
                Tok::Num { value: 12, digits: 2 },
                Tok::Punct('.'),
                Tok::Num { value: 2020, digits: 4 },
                Tok::Word("г".into()),
                Tok::Punct('.'),
            ]
        );
        let text = "за I квартал – до 15 апреля";
        let t = tokenize(text);
        assert_eq!(t[3].tok, Tok::Punct('-'));
        assert_eq!(&text[t[5].start..t[6].end], "15 апреля");
        assert_eq!(toks("ЁЛКА"), vec![Tok::Word("елка".into())]);
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(number_word("трех"), Some(3));
        assert_eq!(number_word("десяти"), Some(10));
        assert_eq!(number_word("одного"), Some(1));
        assert_eq!(number_word("года"), None);
    }
}
