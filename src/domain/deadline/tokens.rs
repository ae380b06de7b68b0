//! Splits a folded deadline text into words, numbers and punctuation.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    Word(String),
    /// A run of digits: its value and how many digits were written ("05" is 2).
    Num {
        value: u32,
        digits: usize,
    },
    Punct(char),
}

/// `text` must already be folded (lower-case, ё→е, single spaces).
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_digit() {
            let mut value: u32 = 0;
            let mut digits = 0;
            while let Some(&d) = chars.peek() {
                let Some(v) = d.to_digit(10) else { break };
                value = value.saturating_mul(10).saturating_add(v);
                digits += 1;
                chars.next();
            }
            toks.push(Tok::Num { value, digits });
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&l) = chars.peek() {
                if !l.is_alphabetic() {
                    break;
                }
                word.push(l);
                chars.next();
            }
            toks.push(Tok::Word(word));
        } else {
            toks.push(Tok::Punct(c));
            chars.next();
        }
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_glued_year_suffix() {
        let toks = tokenize("до 01.12.2020г.");
        assert_eq!(
            toks,
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
    }
}
