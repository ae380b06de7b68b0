//! The text export's cell structure: every cell starts on a line that begins with a TAB;
//! the lines after it without a TAB continue the same cell.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// 1-based line of the file where the cell starts.
    pub line: usize,
    pub text: String,
    /// A blank line (or the end of the file) follows the cell: Word ends every table row so.
    pub blank_after: bool,
}

/// The lines before the first cell, and the cells.
pub fn split_cells(text: &str) -> (Vec<&str>, Vec<Cell>) {
    let mut preamble = Vec::new();
    let mut cells: Vec<(usize, Vec<&str>)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(rest) = line.strip_prefix('\t') {
            cells.push((i + 1, vec![rest]));
        } else if let Some((_, lines)) = cells.last_mut() {
            lines.push(line);
        } else {
            preamble.push(line);
        }
    }
    let count = cells.len();
    let cells = cells
        .into_iter()
        .enumerate()
        .map(|(i, (line, lines))| Cell {
            line,
            blank_after: i + 1 == count || (lines.len() > 1 && lines.last().is_some_and(|l| l.trim().is_empty())),
            text: lines.join("\n").trim_end().to_owned(),
        })
        .collect();
    (preamble, cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_inner_paragraphs_and_drop_trailing_blank_lines() {
        let (pre, cells) =
            split_cells("ОТЧЕТ\r\n\r\n\tпервая\r\nвторая строка\r\n\r\nтретья\r\n\r\n\t\r\n\tпоследняя\n\n");
        assert_eq!(pre, vec!["ОТЧЕТ", ""]);
        assert_eq!(
            cells,
            vec![
                Cell {
                    line: 3, text: "первая\nвторая строка\n\nтретья".into(), blank_after: true
                },
                Cell { line: 8, text: String::new(), blank_after: false },
                Cell { line: 9, text: "последняя".into(), blank_after: true },
            ]
        );
    }
}
