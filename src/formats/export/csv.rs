//! A spreadsheet of the period for Russian Excel: `;` between fields (Excel in a Russian
//! locale splits on it), UTF-8 with a BOM (so that Excel reads UTF-8), CRLF between
//! records, fields quoted as RFC 4180 says. First who, which period and as of when, then
//! the plan's columns and a marks column in Russian; section headings as rows of their
//! own. A cell that Excel would take for a formula (`=`, `+`, `-`, `@`, a tab or a carriage
//! return first) gets a leading `'`, as OWASP recommends against CSV injection.

use chrono::NaiveDate;

use super::marks::marks_in_russian;
use super::view::{Line, columns, lines};
use crate::domain::form::FLAGS_CAPTION;
use crate::domain::{DeadlineCache, FlagRules};
use crate::model::Snapshot;

/// The document's own lines before the table (Russian, whatever the interface language).
const ORGANISATION: &str = "Организация";
const PERIOD: &str = "Отчетный период";
const AS_OF: &str = "По состоянию на";
const SECTION: &str = "Раздел";

pub fn write(s: &Snapshot, as_of: NaiveDate, rules: &FlagRules, delimiter: char) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut record = |fields: &[&str]| record(&mut out, fields, delimiter);
    let as_of_text = as_of.format("%d.%m.%Y").to_string();
    record(&[ORGANISATION, &s.plan.organisation]);
    record(&[PERIOD, &s.period.title]);
    record(&[AS_OF, &as_of_text]);
    record(&[]);
    let columns = columns(s);
    let captions: Vec<String> =
        columns.iter().map(|c| c.caption.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    let mut header: Vec<&str> = captions.iter().map(String::as_str).collect();
    header.push(FLAGS_CAPTION);
    record(&header);
    let mut deadlines = DeadlineCache::default();
    for line in lines(s) {
        match line {
            Line::Heading(text) => record(&[SECTION, text]),
            Line::Item(item) => {
                let deadline = deadlines.item_deadline(item.item, s.period.id, s.plan.years);
                let flags = deadline.flags(item.assessment, s.period.id, as_of, rules);
                let marks = marks_in_russian(flags);
                let mut fields: Vec<&str> = item.cells(&columns).collect();
                fields.push(&marks);
                record(&fields);
            }
        }
    }
    out
}

fn record(out: &mut String, fields: &[&str], delimiter: char) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        field(out, f, delimiter);
    }
    out.push_str("\r\n");
}

fn field(out: &mut String, text: &str, delimiter: char) {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() };
    if guarded.contains([delimiter, '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&guarded.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&guarded);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it_and_neutralises_formulas() {
        let mut out = String::new();
        record(&mut out, &["просто", "a;b", "say \"hi\"", "две\nстроки", "", "a,b"], ';');
        assert_eq!(out, "просто;\"a;b\";\"say \"\"hi\"\"\";\"две\nстроки\";;a,b\r\n");
        let mut out = String::new();
        record(&mut out, &["=1+2", "+7", "-1", "@SUM(A1)", "обычный = текст"], ',');
        assert_eq!(out, "'=1+2,'+7,'-1,'@SUM(A1),обычный = текст\r\n");
    }
}
