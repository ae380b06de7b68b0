//! Bytes of a text file to a string: UTF-8 (with or without BOM), UTF-16 with BOM (Word's
//! "Unicode" text), or windows-1251, detected without asking.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1251};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary,
}

pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
}

pub fn decode_text(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors || looks_binary(&text) {
            return Err(DecodeError::Binary);
        }
        return Ok(Decoded { text: text.into_owned(), encoding });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if looks_binary(text) {
            return Err(DecodeError::Binary);
        }
        return Ok(Decoded { text: text.to_owned(), encoding: UTF_8 });
    }
    // Not UTF-8: windows-1251 is the other encoding Russian offices save text in.
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    let (text, _, had_errors) = WINDOWS_1251.decode(bytes);
    if had_errors || looks_binary(&text) || mostly_control(&text) || !mostly_cyrillic_or_ascii(&text) {
        return Err(DecodeError::Binary);
    }
    Ok(Decoded { text: text.into_owned(), encoding: WINDOWS_1251 })
}

/// A NUL means the bytes are not a text document (UTF-16 without a BOM, a binary file).
/// Other control characters (ESC, BEL, C1) may be part of a stored text, which an export
/// must be able to bring back: they count only where any byte decodes (windows-1251).
fn looks_binary(text: &str) -> bool {
    text.contains('\0')
}

/// Control characters other than tab, line feed, carriage return and form feed in more
/// than 1% of the text.
fn mostly_control(text: &str) -> bool {
    let suspicious = text.chars().filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')).count();
    suspicious * 100 > text.chars().count()
}

/// In windows-1251 any byte decodes to something; real Russian text is mostly letters,
/// digits, spaces and punctuation.
fn mostly_cyrillic_or_ascii(text: &str) -> bool {
    let total = text.chars().count().max(1);
    let plain = text
        .chars()
        .filter(|c| c.is_ascii() || ('\u{0400}'..='\u{04FF}').contains(c) || "«»№–—…“”„’".contains(*c))
        .count();
    plain * 100 >= total * 95
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_encoding() {
        let text = "Отчет\tI квартал";
        assert_eq!(decode_text(text.as_bytes()).unwrap().text, text);
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode_text(&bom).unwrap().text, text);
        let (cp1251, _, _) = WINDOWS_1251.encode(text);
        let decoded = decode_text(&cp1251).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.encoding), (text, WINDOWS_1251));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode_text(&utf16).unwrap().text, text);
    }

    #[test]
    fn control_characters_of_stored_texts_do_not_make_a_text_binary() {
        // A txt export of a short plan whose texts are mostly escape sequences.
        let text = "\tОтчет\n\t\x1b[31m\x1b[0m\x07\u{9b}\u{85}\x1b]0;x\x07\n".repeat(3);
        assert_eq!(decode_text(text.as_bytes()).unwrap().text, text);
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode_text(&bom).unwrap().text, text);
        assert_eq!(decode_text("Отчет\0".as_bytes()).err(), Some(DecodeError::Binary));
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode_text(b"").err(), Some(DecodeError::Empty));
        assert_eq!(decode_text(b" \n\r\n").err(), Some(DecodeError::Empty));
        assert_eq!(decode_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").err(), Some(DecodeError::Binary));
        let noise: Vec<u8> = (0..=255u8).cycle().take(2048).collect();
        assert_eq!(decode_text(&noise).err(), Some(DecodeError::Binary));
    }
}
