use crate::util::char_width;
#[cfg(feature = "arbitrary")]
use arbitrary::Arbitrary;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// Specify how logical lines are soft-wrapped at render time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "arbitrary", derive(Arbitrary))]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub enum WrapMode {
    /// Disable soft wrapping and keep horizontal scrolling behavior.
    None,
    /// Wrap only at word boundaries. Words wider than viewport are not split.
    Word,
    /// Wrap at grapheme boundaries.
    Glyph,
    /// Wrap at word boundaries, and fall back to grapheme wrapping for long words.
    WordOrGlyph,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct WrappedLine {
    pub row: usize,
    pub start_byte: usize,
    pub end_byte: usize,
    pub start_col: usize,
    pub end_col: usize,
    pub first_in_row: bool,
    pub last_in_row: bool,
}

#[derive(Clone, Copy)]
struct Chunk {
    start: usize,
    end: usize,
}

pub(crate) fn effective_wrap_width(total_width: u16, line_number_len: Option<u8>) -> usize {
    let total_width = total_width as usize;
    let reserved = line_number_len.map(|len| len as usize + 2).unwrap_or(0);
    if total_width > reserved {
        total_width - reserved
    } else {
        1
    }
}

pub(crate) fn wrapped_rows(
    lines: &[String],
    mode: WrapMode,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
) -> Vec<WrappedLine> {
    let mut rows = Vec::new();

    for (row, line) in lines.iter().enumerate() {
        let ranges = line_ranges(line, mode, width, tab_len, mask);
        let mut start_col = 0usize;
        for (i, (start_byte, end_byte)) in ranges.iter().copied().enumerate() {
            let end_col = start_col + line[start_byte..end_byte].chars().count();
            rows.push(WrappedLine {
                row,
                start_byte,
                end_byte,
                start_col,
                end_col,
                first_in_row: i == 0,
                last_in_row: i + 1 == ranges.len(),
            });
            start_col = end_col;
        }
    }

    rows
}

pub(crate) fn line_ranges(
    line: &str,
    mode: WrapMode,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
) -> Vec<(usize, usize)> {
    if mode == WrapMode::None {
        return vec![(0, line.len())];
    }

    let width = width.max(1);
    let mut out = match mode {
        WrapMode::None => vec![(0, line.len())],
        WrapMode::Glyph => {
            let mut chunks = Vec::new();
            split_range_by_grapheme_width(line, 0, line.len(), width, tab_len, mask, &mut chunks);
            chunks
        }
        WrapMode::Word => wrap_word_chunks(line, width, tab_len, mask, false),
        WrapMode::WordOrGlyph => wrap_word_chunks(line, width, tab_len, mask, true),
    };

    if out.is_empty() {
        out.push((0, 0));
    }
    out
}

/// What a piece of a line is, for wrapping.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Piece {
    Space,
    Word,
    /// Punctuation that opens what follows: it stays with the next word.
    Opening,
    /// Other punctuation: it stays with the word before it.
    Closing,
}

fn piece_of(text: &str) -> Piece {
    const CLOSING: &[char] = &['.', ',', ';', ':', '!', '?', '»', ')', ']', '}', '…', '%', '’', '”', '—', '–', '-', '‐'];
    if text.chars().all(char::is_whitespace) {
        Piece::Space
    } else if text.chars().any(char::is_alphanumeric) {
        Piece::Word
    } else if text.chars().all(|c| CLOSING.contains(&c)) {
        Piece::Closing
    } else {
        // «, (, „ and signs such as № and §: they go with what follows.
        Piece::Opening
    }
}

/// The line cut into units that never break inside: a word with the punctuation glued to
/// it and the spaces after it (patched here: upstream breaks before a space or a full stop,
/// so a line could start with either).
fn units(line: &str) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    // The last unit takes no more words: it ended with a space.
    let mut closed = true;
    let mut last_piece = Piece::Space;
    for (start, text) in UnicodeSegmentation::split_word_bound_indices(line) {
        let end = start + text.len();
        let piece = piece_of(text);
        let joins = match piece {
            Piece::Space | Piece::Closing => !out.is_empty(),
            Piece::Word => !closed,
            Piece::Opening => last_piece == Piece::Opening,
        };
        match out.last_mut() {
            Some(last) if joins => last.end = end,
            _ => out.push(Chunk { start, end }),
        }
        closed = match piece {
            Piece::Space => true,
            Piece::Opening | Piece::Word => false,
            Piece::Closing => closed,
        };
        last_piece = piece;
    }
    out
}

fn wrap_word_chunks(
    line: &str,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
    fallback_to_glyph: bool,
) -> Vec<(usize, usize)> {
    let units = units(line);
    if units.is_empty() {
        return vec![(0, 0)];
    }

    let mut out = Vec::new();
    let mut seg_start = units[0].start;
    let mut seg_end = seg_start;
    let mut seg_width = 0usize;

    for unit in units {
        let text = chunk_text(line, unit);
        // Spaces at the end of a unit hang past the edge rather than start the next line.
        let visible = text.trim_end_matches(char::is_whitespace);
        let visible_width = display_width_from(visible, seg_width, tab_len, mask);
        let full_width = display_width_from(text, seg_width, tab_len, mask);
        // One space may hang past the edge.
        if seg_width + full_width <= width || (seg_width + visible_width < width + 1 && full_width == visible_width + 1) {
            seg_end = unit.end;
            seg_width += full_width;
            continue;
        }
        if seg_width + visible_width <= width {
            // The word fits and its spaces do not: the spaces that fit end this line, the
            // rest make blank lines of their own, never the start of the next one.
            let spaces = unit.start + visible.len();
            let room = width - (seg_width + visible_width);
            let cut = line[spaces..unit.end].char_indices().nth(room).map_or(unit.end, |(i, _)| spaces + i);
            out.push((seg_start, cut));
            if cut < unit.end {
                split_range_by_grapheme_width(line, cut, unit.end, width, tab_len, mask, &mut out);
            }
            seg_start = unit.end;
            seg_end = unit.end;
            seg_width = 0;
            continue;
        }
        if seg_end > seg_start {
            out.push((seg_start, seg_end));
            seg_start = seg_end;
            seg_width = 0;
        }
        let visible_width = display_width_from(visible, 0, tab_len, mask);
        if visible_width <= width || !fallback_to_glyph {
            seg_end = unit.end;
            seg_width = display_width_from(text, 0, tab_len, mask);
            continue;
        }
        // A word wider than the line: cut by graphemes, its spaces with its last piece.
        let mut pieces = Vec::new();
        split_range_by_grapheme_width(line, unit.start, unit.end, width, tab_len, mask, &mut pieces);
        if let Some((&last, rest)) = pieces.split_last() {
            out.extend_from_slice(rest);
            seg_start = last.0;
            seg_end = last.1;
            seg_width = display_width_from(&line[last.0..last.1], 0, tab_len, mask);
        }
    }

    if seg_end > seg_start {
        out.push((seg_start, seg_end));
    }

    out
}

fn split_range_by_grapheme_width(
    line: &str,
    start: usize,
    end: usize,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
    out: &mut Vec<(usize, usize)>,
) {
    let mut segment_start = start;
    while segment_start < end {
        let mut segment_end = segment_start;
        let mut segment_width = 0usize;

        for (offset, grapheme) in
            UnicodeSegmentation::grapheme_indices(&line[segment_start..end], true)
        {
            let grapheme_start = segment_start + offset;
            let grapheme_end = grapheme_start + grapheme.len();
            let next_width = display_width_to(grapheme, segment_width, tab_len, mask);
            let grapheme_width = next_width.saturating_sub(segment_width);

            if segment_end != segment_start && segment_width + grapheme_width > width {
                break;
            }

            segment_end = grapheme_end;
            segment_width = next_width;
            if segment_width > width {
                break;
            }
        }

        if segment_end == segment_start {
            if let Some(ch) = line[segment_start..end].chars().next() {
                segment_end = segment_start + ch.len_utf8();
            } else {
                break;
            }
        }

        out.push((segment_start, segment_end));
        segment_start = segment_end;
    }
}

#[inline]
fn chunk_text(line: &str, chunk: Chunk) -> &str {
    &line[chunk.start..chunk.end]
}

fn display_width_from(text: &str, start_width: usize, tab_len: u8, mask: Option<char>) -> usize {
    display_width_to(text, start_width, tab_len, mask).saturating_sub(start_width)
}

fn display_width_to(text: &str, mut width: usize, tab_len: u8, mask: Option<char>) -> usize {
    for c in text.chars() {
        // A masked line is drawn as one mask character per char,
        // so each char is as wide as the mask.
        if let Some(mask) = mask {
            width += char_width(mask);
        } else if c == '\t' {
            if tab_len > 0 {
                let tab = tab_len as usize;
                let pad = tab - (width % tab);
                width += pad;
            }
        } else {
            width += char_width(c);
        }
    }
    width
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(line: &str, mode: WrapMode, width: usize) -> Vec<&str> {
        line_ranges(line, mode, width, 4, None)
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect()
    }

    fn masked_segments(line: &str, mode: WrapMode, width: usize, mask: char) -> Vec<&str> {
        line_ranges(line, mode, width, 4, Some(mask))
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect()
    }

    #[test]
    fn no_line_starts_with_a_space_or_a_full_stop() {
        let line = "Проведено заседание комиссии по координации работы. Итоги доведены до сведения.";
        // Widths every word fits in (a longer word is cut by graphemes).
        for width in 13..line.chars().count() {
            let have = segments(line, WrapMode::WordOrGlyph, width);
            assert_eq!(have.concat(), line, "the segments cover the line");
            for seg in &have[1..] {
                let first = seg.chars().next().unwrap();
                assert!(!first.is_whitespace() && !matches!(first, '.' | ',' | ';' | ':' | '»' | ')'), "{width}: {have:?}");
            }
        }
        assert_eq!(segments("связи. Далее", WrapMode::WordOrGlyph, 7), vec!["связи. ", "Далее"]);
        assert_eq!(segments("слово «цитата»", WrapMode::WordOrGlyph, 8), vec!["слово ", "«цитата»"]);
        assert_eq!(segments("северо-западный край", WrapMode::WordOrGlyph, 16), vec!["северо-западный ", "край"]);
    }

    #[test]
    fn word_wrap_keeps_long_word() {
        let have = segments("helloworld", WrapMode::Word, 4);
        assert_eq!(have, vec!["helloworld"]);
    }

    #[test]
    fn word_or_glyph_wrap_splits_long_word() {
        let have = segments("helloworld", WrapMode::WordOrGlyph, 4);
        assert_eq!(have, vec!["hell", "owor", "ld"]);
    }

    #[test]
    fn glyph_wrap_handles_wide_chars() {
        let have = segments("ab犬猫", WrapMode::Glyph, 4);
        assert_eq!(have, vec!["ab犬", "猫"]);
    }

    #[test]
    fn glyph_wrap_keeps_combining_grapheme_cluster() {
        let have = segments("e\u{301}x", WrapMode::Glyph, 1);
        assert_eq!(have, vec!["e\u{301}", "x"]);
    }

    #[test]
    fn tab_width_is_accounted_for_in_wrap() {
        let have = segments("\tX", WrapMode::WordOrGlyph, 2);
        assert_eq!(have, vec!["\t", "X"]);
    }

    #[test]
    fn glyph_wrap_preserves_full_mixed_width_row_capacity() {
        let have = segments("a中bcde", WrapMode::Glyph, 4);
        assert_eq!(have, vec!["a中b", "cde"]);
    }

    #[test]
    fn mask_wraps_by_the_mask_width() {
        let have = masked_segments("a中\tcde", WrapMode::Glyph, 4, '*');
        assert_eq!(have, vec!["a中\tc", "de"]);
        let have = masked_segments("abcd", WrapMode::WordOrGlyph, 4, '＊');
        assert_eq!(have, vec!["ab", "cd"]);
    }

    #[test]
    fn halfwidth_sound_marks_take_a_cell() {
        let have = segments("ｶﾞﾊﾟ", WrapMode::Glyph, 2);
        assert_eq!(have, vec!["ｶﾞ", "ﾊﾟ"]);
    }
}
