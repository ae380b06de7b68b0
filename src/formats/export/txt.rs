//! Word's plain-text table export, written so that the text importer reads back exactly
//! what was written: export → import → export gives the same bytes.

use super::view::{Line, columns, header_pairs, lines};
use crate::model::Snapshot;

pub fn write(s: &Snapshot) -> String {
    let mut out = String::new();
    for line in s.plan.title_lines.iter().flat_map(|t| t.lines()).map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str(line);
        out.push_str("\n\n");
    }
    for (value, caption) in header_pairs(s) {
        cell(&mut out, value.trim());
        out.push('\n');
        cell(&mut out, caption);
        out.push('\n');
    }
    out.push('\n');
    let columns = columns(s);
    for column in &columns {
        cell(&mut out, &column.caption);
    }
    out.push('\n');
    for n in 1..=columns.len() {
        cell(&mut out, &n.to_string());
    }
    out.push('\n');
    for line in lines(s) {
        match line {
            Line::Heading(text) => cell(&mut out, text.trim()),
            Line::Item(item) => {
                for text in item.cells(&columns) {
                    cell(&mut out, text);
                }
            }
        }
        out.push('\n');
    }
    out
}

/// A cell starts with a TAB; its further lines must not, or they would start cells of
/// their own, so their leading tabs become spaces. Trailing blank lines are dropped, as
/// the importer drops them.
fn cell(out: &mut String, text: &str) {
    out.push('\t');
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for (i, line) in text.trim_end().split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            let body = line.trim_start_matches('\t');
            out.extend(std::iter::repeat_n(' ', 4 * (line.len() - body.len())));
            out.push_str(body);
        } else {
            out.push_str(line);
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_never_let_a_line_start_with_a_tab() {
        let mut out = String::new();
        cell(&mut out, "первая\r\n\tвторая\n\n\t\tтретья \n\n");
        assert_eq!(out, "\tпервая\n    вторая\n\n        третья\n");
    }
}
