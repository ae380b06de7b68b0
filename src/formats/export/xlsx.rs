//! The official form as an Excel workbook (rust_xlsxwriter): the title lines and header
//! values as merged rows, the as-of date, then the table: captions and the 1…N row frozen
//! and repeated on every printed page, wrapped text in fixed-width columns, section rows
//! merged and bold, a marks column in Russian. Every cell is text, so point numbers such as
//! «1.10» stay as written. Printed: A4 landscape, fit to the page's width, page numbers.

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::marks::marks_in_russian;
use super::view::{Line, columns, header_pairs, is_number, lines, widths};
use crate::domain::form::FLAGS_CAPTION;
use crate::domain::{Column, DeadlineCache, FlagRules};
use crate::model::Snapshot;

/// The table's width in Excel's character units, shared out by the columns' weights.
const TABLE_CHARS: u32 = 190;
const MARKS_CHARS: f64 = 16.0;
/// Excel's limit of characters in a cell.
const MAX_CELL_CHARS: usize = 32_767;
/// A4 in Excel's paper numbering.
const A4: u8 = 9;
const SHEET_NAME: &str = "Отчет";
const AS_OF: &str = "По состоянию на";

struct Formats {
    title: Format,
    value: Format,
    caption: Format,
    head: Format,
    section: Format,
    text: Format,
    number: Format,
}

impl Formats {
    fn new() -> Formats {
        let centred =
            Format::new().set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter).set_text_wrap();
        let boxed = |f: Format| f.set_border(FormatBorder::Thin);
        Formats {
            title: centred.clone().set_bold().set_font_size(14),
            value: centred.clone().set_font_size(14).set_border_bottom(FormatBorder::Thin),
            caption: centred.clone().set_font_size(10),
            head: boxed(centred.clone()),
            section: boxed(centred.clone().set_bold()),
            text: boxed(Format::new().set_align(FormatAlign::Top).set_text_wrap()),
            number: boxed(Format::new().set_align(FormatAlign::Center).set_align(FormatAlign::Top).set_text_wrap()),
        }
    }
}

impl XlsxProblem {
    pub fn describe(&self) -> String {
        match self {
            XlsxProblem::TooLong { point, chars } => {
                crate::tr!("export-xlsx-too-long", point = point.as_str(), chars = *chars, max = MAX_CELL_CHARS)
            }
            XlsxProblem::Writer(e) => e.to_string(),
        }
    }
}

/// Why a workbook could not be made, in the user's words where the cause is theirs.
pub enum XlsxProblem {
    /// The item's text is longer than a cell of Excel holds.
    TooLong {
        point: String,
        chars: usize,
    },
    Writer(XlsxError),
}

impl From<XlsxError> for XlsxProblem {
    fn from(e: XlsxError) -> Self {
        XlsxProblem::Writer(e)
    }
}

pub fn write(s: &Snapshot, as_of: NaiveDate, rules: &FlagRules) -> Result<Vec<u8>, XlsxProblem> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET_NAME)?;
    let columns = columns(s);
    let last_col = u16::try_from(columns.len()).unwrap_or(u16::MAX);
    let f = Formats::new();
    let mut row = header(sheet, s, as_of, last_col, &f)?;
    row += 1;
    let head = table_head(sheet, &columns, row, &f)?;
    row = head + 1;
    let col_widths = widths(&columns, TABLE_CHARS);
    let mut deadlines = DeadlineCache::default();
    for line in lines(s) {
        match line {
            Line::Heading(text) => {
                sheet.merge_range(row, 0, row, last_col, text, &f.section)?;
            }
            Line::Item(item) => {
                let mut lines_needed = 1;
                for ((c, column), width) in columns.iter().enumerate().zip(&col_widths) {
                    let text = item.cell(column);
                    if text.chars().count() > MAX_CELL_CHARS {
                        let point = item.item.point_label().to_owned();
                        return Err(XlsxProblem::TooLong { point, chars: text.chars().count() });
                    }
                    let format = if is_number(column.field) { &f.number } else { &f.text };
                    sheet.write_string_with_format(row, col(c), text, format)?;
                    lines_needed = lines_needed.max(wrapped_lines(text, *width));
                }
                sheet.set_row_height(row, row_height(lines_needed))?;
                let deadline = deadlines.item_deadline(item.item, s.period.id, s.plan.years);
                let marks = marks_in_russian(deadline.flags(item.assessment, s.period.id, as_of, rules));
                sheet.write_string_with_format(row, last_col, &marks, &f.text)?;
            }
        }
        row += 1;
    }
    page_setup(sheet, head - 1, head)?;
    Ok(workbook.save_to_buffer()?)
}

/// Excel's tallest row, in points: a longer text is cut on paper (the docx has no limit).
const MAX_ROW_POINTS: f64 = 409.0;
/// One line of the default 11-point font.
const LINE_POINTS: f64 = 15.0;

/// The lines a text takes wrapped in a column `width` characters wide. Neither Excel nor
/// LibreOffice sizes rows of wrapped text on opening a file, so the workbook says.
fn wrapped_lines(text: &str, width: u32) -> usize {
    let per_line = (width as usize).saturating_sub(1).max(1);
    text.split('\n').map(|p| p.chars().count().div_ceil(per_line).max(1)).sum()
}

/// As `wrapped_lines`, for a short text wrapped at its spaces (a caption in a narrow column).
fn wrapped_words(text: &str, width: u32) -> usize {
    let per_line = (width as usize).saturating_sub(2).max(1);
    let (mut lines, mut used) = (1, 0);
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if used > 0 && used + 1 + len > per_line {
            lines += 1 + len / per_line;
            used = len % per_line;
        } else {
            used += len + usize::from(used > 0);
        }
    }
    lines
}

fn row_height(lines: usize) -> f64 {
    (lines as f64 * LINE_POINTS + 2.0).min(MAX_ROW_POINTS)
}

fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

/// Title lines, each header value with its caption under it, the as-of date; the row after.
fn header(sheet: &mut Worksheet, s: &Snapshot, as_of: NaiveDate, last_col: u16, f: &Formats) -> Result<u32, XlsxError> {
    let mut row = 0;
    for line in &s.plan.title_lines {
        merged(sheet, row, last_col, line, &f.title)?;
        row += 1;
    }
    for (value, caption) in header_pairs(s) {
        row += 1;
        merged(sheet, row, last_col, value, &f.value)?;
        merged(sheet, row + 1, last_col, caption, &f.caption)?;
        row += 2;
    }
    let as_of = format!("{AS_OF} {}", as_of.format("%d.%m.%Y"));
    merged(sheet, row + 1, last_col, &as_of, &f.caption)?;
    Ok(row + 2)
}

/// A row merged across the table; its height fits the text's lines, since Excel does not
/// size merged rows by itself.
fn merged(sheet: &mut Worksheet, row: u32, last_col: u16, text: &str, format: &Format) -> Result<(), XlsxError> {
    sheet.merge_range(row, 0, row, last_col, text, format)?;
    let lines = text.lines().map(|l| l.chars().count() / 150 + 1).sum::<usize>().max(1);
    sheet.set_row_height(row, 19.0 * lines as f64)?;
    Ok(())
}

/// The captions and their numbers 1…N; the number row's index.
fn table_head(sheet: &mut Worksheet, columns: &[Column], row: u32, f: &Formats) -> Result<u32, XlsxError> {
    let mut lines_needed = wrapped_lines(FLAGS_CAPTION, MARKS_CHARS as u32);
    for (c, width) in widths(columns, TABLE_CHARS).into_iter().enumerate() {
        sheet.set_column_width(col(c), f64::from(width))?;
        let caption = columns[c].caption.split_whitespace().collect::<Vec<_>>().join(" ");
        lines_needed = lines_needed.max(wrapped_words(&caption, width));
        sheet.write_string_with_format(row, col(c), &caption, &f.head)?;
        sheet.write_string_with_format(row + 1, col(c), (c + 1).to_string(), &f.head)?;
    }
    let marks = col(columns.len());
    sheet.set_column_width(marks, MARKS_CHARS)?;
    sheet.write_string_with_format(row, marks, FLAGS_CAPTION, &f.head)?;
    sheet.write_string_with_format(row + 1, marks, (columns.len() + 1).to_string(), &f.head)?;
    sheet.set_row_height(row, row_height(lines_needed))?;
    Ok(row + 1)
}

fn page_setup(sheet: &mut Worksheet, head_first: u32, head_last: u32) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(head_last + 1, 0)?;
    sheet.set_repeat_rows(head_first, head_last)?;
    sheet.set_landscape();
    sheet.set_paper_size(A4);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_footer("&CСтр. &P из &N");
    Ok(())
}
