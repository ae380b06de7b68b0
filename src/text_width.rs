//! Column maths by display width, never by bytes, and text made safe for a terminal.

use unicode_width::UnicodeWidthChar;

/// The width a string takes in a terminal.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Cuts `s` to at most `max` columns, ending with "…" when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Cut to `max` columns in the middle: its start, "…", and its end, so that titles that
/// begin alike still differ.
pub fn truncate_middle(s: &str, max: usize) -> String {
    if width(s) <= max || max < 5 {
        return truncate(s, max);
    }
    let chars: Vec<char> = s.chars().collect();
    let tail_room = (max - 1) * 2 / 5;
    let mut tail = Vec::new();
    let mut used = 0;
    for c in chars.iter().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > tail_room {
            break;
        }
        tail.push(*c);
        used += w;
    }
    let tail: String = tail.iter().rev().collect();
    // From a word's start when the end holds one: «…округа», not «…го округа».
    let tail = match tail.find(' ') {
        Some(at) if at + 1 < tail.len() => tail[at + 1..].to_owned(),
        _ => tail.trim_start().to_owned(),
    };
    let head = truncate(s, max - width(&tail));
    format!("{head}{tail}")
}

/// One line of text: line breaks and runs of spaces become one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// As `one_line`, only as far as `max` columns and a word past them: what a line cut to
/// `max` shows, read without going through a long text whole.
pub fn one_line_start(s: &str, max: usize) -> String {
    let (mut out, mut used) = (String::new(), 0);
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
            used += 1;
        }
        out.push_str(word);
        used += width(word);
        if used > max {
            break;
        }
    }
    out
}

/// The most columns of a title a list shows (`tui::layout`: a list is at most 100 wide).
pub const LIST_TITLE_ROOM: usize = 100;

/// A long title as a list holds it, on one line: its start and end, «…» between, for a list
/// that shows at most `room` columns of it. Cut to `room` columns or fewer, at the end
/// (`truncate`) or in the middle (`truncate_middle`), the sketch reads as the whole title
/// would: a list of 10,000 items holds sketches, and the item shown its whole title. The
/// server's sketch (`LIST_TITLE_ROOM`) sketched again for a room of 90 or less is the
/// title's sketch for that room.
pub fn title_sketch(title: &str, room: usize) -> String {
    let (head, tail) = (room + 4, room / 2 + 4);
    let line = one_line(title);
    if width(&line) <= head + tail + 1 {
        return line;
    }
    let start: String = columns(line.chars(), head).collect();
    let end: Vec<char> = columns(line.chars().rev(), tail).collect();
    format!("{start}…{}", end.iter().rev().collect::<String>())
}

/// The characters of `chars` that fit in `max` columns.
fn columns(chars: impl Iterator<Item = char>, max: usize) -> impl Iterator<Item = char> {
    let mut used = 0;
    chars.take_while(move |c| {
        used += c.width().unwrap_or(0);
        used <= max
    })
}

/// Greedy word wrap by display width; words wider than `width` are split. Keeps blank
/// lines; every returned line fits in `width` columns. No line starts with the spaces of a
/// break, nor with punctuation standing alone after a space («слово —», «слово .»): it stays
/// with the word before.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for (i, (gap, word)) in words(paragraph).into_iter().enumerate() {
            let w = self::width(&word);
            // A paragraph's indent stays; the spaces of a break go.
            let gap_w = if line.is_empty() && i > 0 { 0 } else { gap };
            if line_w + gap_w + w <= width {
                line.extend(std::iter::repeat_n(' ', gap_w));
                line.push_str(&word);
                line_w += gap_w + w;
                continue;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
                line_w = 0;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if line_w + cw > width {
                    out.push(std::mem::take(&mut line));
                    line_w = 0;
                }
                line.push(c);
                line_w += cw;
            }
        }
        out.push(line);
    }
    out
}

/// A paragraph's words, each with the spaces before it; a word of punctuation only (a dash,
/// a stray full stop) is glued to the word before, with its spaces.
fn words(paragraph: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut gap = 0;
    for piece in paragraph.split(' ') {
        if piece.is_empty() {
            gap += 1;
            continue;
        }
        let punctuation = !piece.chars().any(char::is_alphanumeric);
        match out.last_mut() {
            Some((_, last)) if punctuation => {
                last.extend(std::iter::repeat_n(' ', gap + 1));
                last.push_str(piece);
            }
            _ => out.push((if out.is_empty() { gap } else { gap + 1 }, piece.to_owned())),
        }
        gap = 0;
    }
    out
}
/// Replaces control characters (ESC, BEL, C1 controls, …) and bidirectional overrides
/// with visible placeholders, so stored text can never drive the terminal. Line breaks
/// and tabs stay.
pub fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(needs_placeholder) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.chars().map(|c| if needs_placeholder(c) { placeholder(c) } else { c }).collect())
}

fn needs_placeholder(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The Unicode "control picture" for C0 controls (␛ for ESC), else a replacement mark.
fn placeholder(c: char) -> char {
    match c as u32 {
        n @ 0..=0x1F => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A list cuts titles to at most its room: from a sketch as from the whole title;
        /// and a sketch sketched again for a smaller room is that room's sketch.
        #[test]
        fn a_sketch_is_cut_as_the_whole_title(title in "[а-яА-Я中 \n,.]{0,400}", room in 0usize..=100, cut in 0usize..=100) {
            let (cut, whole, sketch) = (cut.min(room), one_line(&title), title_sketch(&title, room));
            proptest::prop_assert!(width(&sketch) <= room + 4 + room / 2 + 4 + 1);
            proptest::prop_assert_eq!(one_line(&sketch), sketch.clone());
            proptest::prop_assert_eq!(truncate(&sketch, cut), truncate(&whole, cut));
            proptest::prop_assert_eq!(truncate_middle(&sketch, cut), truncate_middle(&whole, cut));
            // The TUI's rooms: 30 to 90 columns (`tui::layout::sketch_room`).
            if room <= 90 {
                proptest::prop_assert_eq!(title_sketch(&title_sketch(&title, LIST_TITLE_ROOM), room), sketch);
            }
        }
    }

    #[test]
    fn the_start_of_a_line_cut_as_the_whole_would_be() {
        let title = "Организация   проведения\nантикоррупционной экспертизы нормативных правовых актов";
        for max in [0, 5, 12, 30, 44, 200] {
            assert_eq!(truncate(&one_line_start(title, max), max), truncate(&one_line(title), max), "{max}");
        }
    }

    #[test]
    fn widths_and_cuts_by_columns_not_bytes() {
        assert_eq!(width("Отчет"), 5);
        assert_eq!(truncate("Анализ муниципальных актов", 10), "Анализ му…");
        assert_eq!(width(&truncate("Анализ муниципальных актов", 10)), 10);
        assert_eq!(truncate("коротко", 10), "коротко");
        assert_eq!(width(&truncate("日本語のテキスト", 7)), 7);
    }

    #[test]
    fn wraps_by_words_and_splits_long_words() {
        assert_eq!(wrap("Мониторинг правоприменения актов", 12), ["Мониторинг", "правопримене", "ния актов"]);
        assert_eq!(wrap("раз\n\nдва", 10), ["раз", "", "два"]);
        for line in wrap("очень длинный текст без особых причин для переноса", 7)
        {
            assert!(width(&line) <= 7, "{line}");
        }
    }

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(sanitize("a\x1b[2Jb\x07"), "a\u{241B}[2Jb\u{2407}");
        assert_eq!(sanitize("x\u{202E}y\u{85}"), "x\u{FFFD}y\u{FFFD}");
        assert_eq!(sanitize("абзац\n\tдва"), "абзац\n\tдва");
        assert!(matches!(sanitize("plain"), std::borrow::Cow::Borrowed(_)));
    }
}

/// JSON on its way to a terminal: serde_json leaves DEL, the C1 controls and the
/// bidirectional marks raw inside strings, and a terminal acts on them (C1 CSI, OSC). This
/// writer escapes them as `\uXXXX`, which any JSON reader takes back as the same text.
pub struct JsonSafe<W: std::io::Write> {
    inner: W,
    /// What was written and not yet checked: serde_json writes a token at a time, the
    /// check goes through blocks.
    buffer: Vec<u8>,
}

impl<W: std::io::Write> JsonSafe<W> {
    const BLOCK: usize = 64 << 10;

    pub fn new(inner: W) -> Self {
        Self { inner, buffer: Vec::new() }
    }

    /// The writer, once flushed.
    pub fn into_inner(self) -> W {
        self.inner
    }

    /// Checks and writes the buffer, but for the start of a character it ends in the
    /// middle of (unless `all`: then that goes out as it is).
    fn drain(&mut self, all: bool) -> std::io::Result<()> {
        let mut bytes = std::mem::take(&mut self.buffer);
        let (mut start, mut i) = (0, 0);
        while let Some(found) = next_candidate(&bytes, i) {
            i = found;
            match escaped(&bytes[i..]) {
                Some(Some((code, len))) => {
                    self.inner.write_all(&bytes[start..i])?;
                    write!(self.inner, "\\u{code:04x}")?;
                    i += len;
                    start = i;
                }
                Some(None) if !all => {
                    self.buffer = bytes[i..].to_vec();
                    return self.inner.write_all(&bytes[start..i]);
                }
                _ => i += 1,
            }
        }
        self.inner.write_all(&bytes[start..])?;
        // The buffer's room is kept for the next block.
        bytes.clear();
        self.buffer = bytes;
        Ok(())
    }
}

/// The first byte at or after `from` that can start a character to escape. In Russian
/// text such bytes («», —) are a few in a thousand.
fn next_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    next_byte_where(bytes, from, has_special_byte, |b| matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE2))
}

/// The first byte at or after `from` that is `wanted`: words of 8 bytes that `word_has`
/// says hold none are passed over whole, tested all at once.
fn next_byte_where(
    bytes: &[u8],
    from: usize,
    word_has: impl Fn(u64) -> bool,
    wanted: impl Fn(u8) -> bool,
) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let words = rest.chunks_exact(8).map(|w| u64::from_le_bytes(w.try_into().unwrap_or([0; 8])));
    let skipped = words.take_while(|&w| !word_has(w)).count() * 8;
    rest[skipped..].iter().position(|&b| wanted(b)).map(|at| from + skipped + at)
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// Whether a byte of `word` is below `n` (at most 0x80), by the classic borrow test.
fn has_byte_below(word: u64, n: u64) -> bool {
    word.wrapping_sub(n * ONES) & !word & (0x80 * ONES) != 0
}

/// Whether a byte of `word` is `v` (a zero byte of `word ^ v…v`).
fn has_byte(word: u64, v: u64) -> bool {
    has_byte_below(word ^ (v * ONES), 1)
}

/// Whether one of the 8 bytes of `word` is 0x7F, 0xC2, 0xD8 or 0xE2.
fn has_special_byte(word: u64) -> bool {
    [0x7F, 0xC2, 0xD8, 0xE2].into_iter().any(|v| has_byte(word, v))
}

/// The character a sequence starting at `bytes` is, when it is one to escape; `None` when
/// it is not, or (for `Some(None)`) when `bytes` ends before telling.
fn escaped(bytes: &[u8]) -> Option<Option<(u32, usize)>> {
    match *bytes {
        [0x7F, ..] => Some(Some((0x7F, 1))),
        [0xC2] | [0xD8] | [0xE2] | [0xE2, 0x80] | [0xE2, 0x81] => Some(None),
        [0xC2, b, ..] if (0x80..=0x9F).contains(&b) => Some(Some((u32::from(b), 2))),
        [0xD8, 0x9C, ..] => Some(Some((0x061C, 2))),
        [0xE2, 0x80, b, ..] if matches!(b, 0x8E | 0x8F | 0xAA..=0xAE) => Some(Some((0x2000 + u32::from(b - 0x80), 3))),
        [0xE2, 0x81, b, ..] if (0xA6..=0xA9).contains(&b) => Some(Some((0x2040 + u32::from(b - 0x80), 3))),
        _ => None,
    }
}

/// Appends `s` as a JSON string, as serde_json writes it and `JsonSafe` then makes it
/// safe, in one pass (a report's 27 MB of texts took two, and a copy): quotes, backslashes
/// and controls escaped as serde_json escapes them, and the characters a terminal acts on.
pub fn push_json_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.push(b'"');
    let (mut start, mut i) = (0, 0);
    while let Some(at) = next_json_special(bytes, i) {
        i = at + 1;
        let Some((escape, len)) = json_escape(&bytes[at..]) else { continue };
        out.extend_from_slice(&bytes[start..at]);
        match escape {
            JsonEscape::Short(e) => out.extend_from_slice(e),
            JsonEscape::Code(code) => out.extend_from_slice(format!("\\u{code:04x}").as_bytes()),
        }
        i = at + len;
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

enum JsonEscape {
    Short(&'static [u8]),
    Code(u32),
}

/// How the character at the start of `bytes` is written in a JSON string, when not as it is.
fn json_escape(bytes: &[u8]) -> Option<(JsonEscape, usize)> {
    let short = |e: &'static [u8]| Some((JsonEscape::Short(e), 1));
    match *bytes {
        [b'"', ..] => short(b"\\\""),
        [b'\\', ..] => short(b"\\\\"),
        [b'\n', ..] => short(b"\\n"),
        [b'\r', ..] => short(b"\\r"),
        [b'\t', ..] => short(b"\\t"),
        [0x08, ..] => short(b"\\b"),
        [0x0C, ..] => short(b"\\f"),
        [b, ..] if b < 0x20 => Some((JsonEscape::Code(u32::from(b)), 1)),
        _ => escaped(bytes).flatten().map(|(code, len)| (JsonEscape::Code(code), len)),
    }
}

/// The first byte at or after `from` that JSON or a terminal may need escaped: a control,
/// a quote, a backslash, or one `next_candidate` looks for.
fn next_json_special(bytes: &[u8], from: usize) -> Option<usize> {
    let word_has = |w: u64| has_byte_below(w, 0x20) || has_byte(w, 0x22) || has_byte(w, 0x5C) || has_special_byte(w);
    let wanted = |b: u8| b < 0x20 || matches!(b, b'"' | b'\\' | 0x7F | 0xC2 | 0xD8 | 0xE2);
    next_byte_where(bytes, from, word_has, wanted)
}

impl<W: std::io::Write> std::io::Write for JsonSafe<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(buf);
        if self.buffer.len() >= Self::BLOCK {
            self.drain(false)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.drain(true)?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod json_safe_tests {
    use std::io::Write;

    use super::JsonSafe;

    #[test]
    fn terminal_controls_in_json_are_escaped_even_when_cut_between_writes() {
        let value = serde_json::json!({"t": "a\u{9b}2J\u{85}\u{7f}\u{202e}\u{2066}\u{200f}\u{61c}ж"});
        let text = serde_json::to_string(&value).unwrap();
        for cut in 0..text.len() {
            let mut out = JsonSafe::new(Vec::new());
            out.write_all(&text.as_bytes()[..cut]).unwrap();
            out.write_all(&text.as_bytes()[cut..]).unwrap();
            out.flush().unwrap();
            let safe = String::from_utf8(out.inner).unwrap();
            assert!(!safe.chars().any(|c| c.is_control() || ('\u{2066}'..='\u{2069}').contains(&c)), "{safe:?}");
            assert!(!safe.contains(['\u{202e}', '\u{200f}', '\u{61c}']), "{safe:?}");
            let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
            assert_eq!(back, value, "cut at {cut}");
        }
    }

    #[test]
    fn candidates_are_found_where_a_byte_by_byte_search_finds_them() {
        for len in [0, 1, 31, 32, 33, 64, 100] {
            for at in (0..len).chain([usize::MAX]) {
                for special in [0x7F, 0xC2, 0xD8, 0xE2] {
                    // Around it, bytes close to the ones looked for (a borrow test's edge).
                    let mut bytes: Vec<u8> =
                        [b'a', 0xD0, 0x81, 0xFF, 0x00, 0x7E, 0xC3, 0xE1].repeat(13)[..len].to_vec();
                    if let Some(b) = bytes.get_mut(at) {
                        *b = special;
                    }
                    for from in [0, 1, 32, at.min(len)] {
                        let naive = bytes.iter().enumerate().skip(from).find(|(_, b)| **b == special).map(|(i, _)| i);
                        assert_eq!(super::next_candidate(&bytes, from), naive, "len {len}, at {at}, from {from}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_control_cut_at_a_block_boundary_is_escaped_too() {
        let block = JsonSafe::<Vec<u8>>::BLOCK;
        let value = serde_json::json!({"t": format!("{}\u{9b}ж", "a".repeat(block - 7))});
        let text = serde_json::to_string(&value).unwrap();
        let cut = text.find('\u{9b}').unwrap() + 1;
        assert_eq!(cut, block, "the control starts the block's last byte");
        let mut out = JsonSafe::new(Vec::new());
        out.write_all(&text.as_bytes()[..cut]).unwrap();
        out.write_all(&text.as_bytes()[cut..]).unwrap();
        out.flush().unwrap();
        let safe = String::from_utf8(out.inner).unwrap();
        assert!(safe.contains("\\u009b") && !safe.contains('\u{9b}'), "{}", &safe[safe.len() - 20..]);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&safe).unwrap(), value);
    }
}

#[cfg(test)]
mod push_json_str_tests {
    use std::io::Write;

    use proptest::prelude::*;

    /// What serde_json writes of `s`, made safe by `JsonSafe`: the two passes it replaces.
    fn two_passes(s: &str) -> String {
        let mut safe = super::JsonSafe::new(Vec::new());
        safe.write_all(serde_json::to_string(s).unwrap().as_bytes()).unwrap();
        safe.flush().unwrap();
        String::from_utf8(safe.into_inner()).unwrap()
    }

    fn one_pass(s: &str) -> String {
        let mut out = Vec::new();
        super::push_json_str(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_string_is_written_as_serde_json_and_json_safe_write_it() {
        for s in [
            "",
            "ж",
            "\"\\\n\r\t\u{8}\u{c}\u{1}\u{1f}",
            "«Отчет» — 2020\u{7f}",
            "a\u{9b}2J\u{85}\u{202e}\u{2066}\u{200f}\u{61c}ж",
        ] {
            assert_eq!(one_pass(s), two_passes(s), "{s:?}");
        }
        let long = format!("{}\u{9b}{}\"", "Проведено заседание. ".repeat(40), "ё".repeat(9));
        assert_eq!(one_pass(&long), two_passes(&long));
    }

    proptest! {
        #[test]
        fn any_text_is_written_as_the_two_passes_wrote_it(s in "(\\PC|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{200e}\\u{200f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}\\u{61c}\"\\\\«—ж]){0,40}") {
            prop_assert_eq!(one_pass(&s), two_passes(&s));
        }
    }
}
