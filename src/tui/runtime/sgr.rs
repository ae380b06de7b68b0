//! crossterm writes every colour as `38;5;N`, which a 8- or 16-colour terminal may not
//! know. This writer rewrites the colours of each SGR sequence for the terminal's depth:
//! plain 30–37 / 90–97 (and backgrounds), or none at all; everything else passes as it is.

use std::io::{self, Write};

use super::capabilities::ColorDepth;

/// Longest escape sequence held back while its end is awaited; longer ones pass untouched.
const MAX_SEQUENCE: usize = 64;

pub struct SgrFilter<W: Write> {
    inner: W,
    depth: ColorDepth,
    /// An escape sequence begun in one write and not yet ended.
    pending: Vec<u8>,
}

impl<W: Write> SgrFilter<W> {
    pub fn new(inner: W, depth: ColorDepth) -> Self {
        SgrFilter { inner, depth, pending: Vec::new() }
    }

    fn sequence_done(&mut self) -> io::Result<()> {
        let seq = std::mem::take(&mut self.pending);
        match seq.strip_prefix(b"\x1b[").and_then(|rest| rest.strip_suffix(b"m")) {
            Some(params) => {
                let params = std::str::from_utf8(params).unwrap_or("");
                match rewrite(params, self.depth) {
                    Some(kept) if kept.is_empty() => Ok(()),
                    Some(kept) => write!(self.inner, "\x1b[{kept}m"),
                    None => self.inner.write_all(&seq),
                }
            }
            None => self.inner.write_all(&seq),
        }
    }
}

impl<W: Write> Write for SgrFilter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.depth == ColorDepth::Indexed256 {
            return self.inner.write(buf);
        }
        let mut plain_from = 0;
        for (i, &b) in buf.iter().enumerate() {
            if self.pending.is_empty() {
                if b == 0x1b {
                    self.inner.write_all(&buf[plain_from..i])?;
                    self.pending.push(b);
                }
                continue;
            }
            self.pending.push(b);
            plain_from = i + 1;
            let len = self.pending.len();
            // ESC then `[`, then parameters until a final byte 0x40–0x7E.
            let ended = (len == 2 && b != b'[') || (len > 2 && (0x40..=0x7e).contains(&b)) || len >= MAX_SEQUENCE;
            if ended {
                self.sequence_done()?;
            }
        }
        if self.pending.is_empty() {
            self.inner.write_all(&buf[plain_from..])?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The SGR parameters for `depth`: `None` when they need no change.
fn rewrite(params: &str, depth: ColorDepth) -> Option<String> {
    let parts: Vec<&str> = params.split(';').collect();
    if !parts.iter().any(|p| matches!(*p, "38" | "48" | "58" | "39" | "49" | "59")) {
        return None;
    }
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        match (parts[i], parts.get(i + 1), parts.get(i + 2)) {
            (base @ ("38" | "48" | "58"), Some(&"5"), Some(n)) => {
                out.extend(n.parse().ok().and_then(|n| plain_color(base, n, depth)));
                i += 3;
            }
            // 24-bit: r;g;b follow; dropped, as this terminal has no such colours.
            ("38" | "48" | "58", Some(&"2"), _) => i += 5,
            ("39" | "49", _, _) if depth != ColorDepth::None => {
                out.push(parts[i].to_owned());
                i += 1;
            }
            ("39" | "49" | "59", _, _) | ("58", _, _) => i += 1,
            (p, _, _) => {
                out.push(p.to_owned());
                i += 1;
            }
        }
    }
    Some(out.join(";"))
}

/// A 256-colour index as plain SGR: 0–7 as 30–37, 8–15 as 90–97 (30–37 on 8 colours);
/// beyond 15, and any colour without colours or for underlines, nothing.
fn plain_color(base: &str, n: u8, depth: ColorDepth) -> Option<String> {
    let offset = match base {
        "38" => 30,
        "48" => 40,
        _ => return None,
    };
    match (depth, n) {
        (ColorDepth::None, _) | (_, 16..) => None,
        (_, 0..=7) => Some((offset + u16::from(n)).to_string()),
        (ColorDepth::Ansi8, 8..=15) => Some((offset + u16::from(n - 8)).to_string()),
        (_, 8..=15) => Some((offset + 60 + u16::from(n - 8)).to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(depth: ColorDepth, pieces: &[&[u8]]) -> String {
        let mut filter = SgrFilter::new(Vec::new(), depth);
        for piece in pieces {
            filter.write_all(piece).unwrap();
        }
        String::from_utf8(filter.inner).unwrap()
    }

    #[test]
    fn indexed_colours_become_plain_sgr_on_16_and_8_colours() {
        let red_bold = b"\x1b[38;5;1m\x1b[1m\x1b[48;5;12m";
        assert_eq!(through(ColorDepth::Ansi16, &[red_bold]), "\x1b[31m\x1b[1m\x1b[104m");
        assert_eq!(through(ColorDepth::Ansi8, &[red_bold]), "\x1b[31m\x1b[1m\x1b[44m");
        assert_eq!(through(ColorDepth::Ansi16, &[b"\x1b[39m\x1b[49m"]), "\x1b[39m\x1b[49m");
        assert_eq!(through(ColorDepth::Ansi16, &[b"\x1b[38;5;200m"]), "", "no 256-colour index survives");
    }

    #[test]
    fn without_colours_only_the_attributes_remain() {
        let out = through(ColorDepth::None, &[b"\x1b[0m\x1b[38;5;9m\x1b[1;4m\x1b[39m\x1b[48;5;3m\x1b[7m"]);
        assert_eq!(out, "\x1b[0m\x1b[1;4m\x1b[7m");
        assert_eq!(through(ColorDepth::None, &[b"\x1b[38;2;10;20;30mx"]), "x");
    }

    #[test]
    fn other_sequences_and_text_pass_and_a_sequence_split_across_writes_is_joined() {
        let pieces: &[&[u8]] = &[b"\xd0\x9f\xd1\x83\x1b[", b"38;5", b";2mok\x1b[10;5H\x1b[?25l", b"\x1b"];
        let mut filter = SgrFilter::new(Vec::new(), ColorDepth::Ansi16);
        for p in pieces {
            filter.write_all(p).unwrap();
        }
        filter.write_all(b"7").unwrap();
        assert_eq!(String::from_utf8(filter.inner).unwrap(), "Пу\x1b[32mok\x1b[10;5H\x1b[?25l\x1b7");
        let all = b"\x1b[38;5;1mx";
        assert_eq!(through(ColorDepth::Indexed256, &[all]), "\x1b[38;5;1mx", "a 256-colour terminal gets it as it is");
    }
}
