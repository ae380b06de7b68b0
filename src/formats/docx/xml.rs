//! Writing WordprocessingML by hand: escaping, and paragraphs built from text lines.

use std::fmt::Write;

/// Text and attribute values; characters XML 1.0 forbids (most C0 controls) are dropped,
/// since Word refuses a document that holds one, and so is CR, which a reader would turn
/// into a line break.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// How a paragraph looks.
#[derive(Clone, Copy, Default)]
pub struct Style {
    pub center: bool,
    pub bold: bool,
    /// Half-points; `None` keeps the document's 12 pt.
    pub size: Option<u32>,
    /// A line under the paragraph: the form's blank to be filled in.
    pub underline_border: bool,
}

fn run_properties(style: Style) -> String {
    let mut props = String::new();
    if style.bold {
        props.push_str("<w:b/><w:bCs/>");
    }
    if let Some(size) = style.size {
        let _ = write!(props, r#"<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>"#);
    }
    if props.is_empty() { props } else { format!("<w:rPr>{props}</w:rPr>") }
}

fn paragraph_properties(style: Style) -> String {
    let mut props = String::new();
    if style.underline_border {
        props.push_str(r#"<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="auto"/></w:pBdr>"#);
    }
    if style.center {
        props.push_str(r#"<w:jc w:val="center"/>"#);
    }
    let run = run_properties(style);
    props.push_str(&run);
    if props.is_empty() { props } else { format!("<w:pPr>{props}</w:pPr>") }
}

/// The font that marks a `w:sym` as otchet's own: a character XML cannot hold (a control
/// character such as ESC or BEL), kept by its code so that the importer gives it back.
/// Word shows it as an empty box; the document stays valid.
pub const CONTROL_FONT: &str = "otchet-control";

/// Characters XML 1.0 cannot hold, not even as a reference (and CR, which a reader turns
/// into a line end): a cell's text keeps them as `w:sym` runs.
pub fn needs_sym(c: char) -> bool {
    ((c as u32) < 0x20 && c != '\t' && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// Runs for one line: tabs become `w:tab`, characters XML cannot hold `w:sym`, the rest
/// `w:t` with spaces kept.
fn runs(out: &mut String, line: &str, style: Style) {
    let rpr = run_properties(style);
    for (i, piece) in line.split('\t').enumerate() {
        if i > 0 {
            let _ = write!(out, "<w:r>{rpr}<w:tab/></w:r>");
        }
        let mut rest = piece;
        while !rest.is_empty() {
            let text_len = rest.find(needs_sym).unwrap_or(rest.len());
            if text_len > 0 {
                let _ = write!(out, r#"<w:r>{rpr}<w:t xml:space="preserve">{}</w:t></w:r>"#, escape(&rest[..text_len]));
            }
            rest = &rest[text_len..];
            if let Some(c) = rest.chars().next() {
                let _ = write!(out, r#"<w:r>{rpr}<w:sym w:font="{CONTROL_FONT}" w:char="{:04X}"/></w:r>"#, c as u32);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
}

/// One paragraph per line of the text: what the reader joins back with line breaks.
pub fn paragraphs(out: &mut String, text: &str, style: Style) {
    let ppr = paragraph_properties(style);
    for line in text_lines(text) {
        out.push_str("<w:p>");
        out.push_str(&ppr);
        runs(out, line, style);
        out.push_str("</w:p>");
    }
}

/// One paragraph whose lines are kept apart by line breaks (a header value).
pub fn paragraph_with_breaks(out: &mut String, text: &str, style: Style) {
    out.push_str("<w:p>");
    out.push_str(&paragraph_properties(style));
    let rpr = run_properties(style);
    for (i, line) in text_lines(text).enumerate() {
        if i > 0 {
            let _ = write!(out, "<w:r>{rpr}<w:br/></w:r>");
        }
        runs(out, line, style);
    }
    out.push_str("</w:p>");
}

/// Lines of a stored text, whatever its line ends were.
pub fn text_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l))
}
