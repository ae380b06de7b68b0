//! A spreadsheet of the period: UTF-8 with a BOM (so that Excel reads it as UTF-8), CRLF
//! between records, fields quoted as RFC 4180 says. One row per item: the plan's
//! columns, then its flags as `status --json` names them (overdue no_result due_soon done).

use chrono::NaiveDate;

use super::view::{Line, columns, lines};
use crate::domain::{DeadlineCache, FlagRules};
use crate::formats::form::FLAGS_CAPTION;
use crate::model::Snapshot;

pub fn write(s: &Snapshot, as_of: NaiveDate, rules: &FlagRules) -> String {
    let mut out = String::from("\u{FEFF}");
    let columns = columns(s);
    let captions: Vec<String> =
        columns.iter().map(|c| c.caption.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    record(&mut out, captions.iter().map(String::as_str).chain([FLAGS_CAPTION]));
    let mut deadlines = DeadlineCache::default();
    for line in lines(s) {
        let Line::Item(item) = line else { continue };
        let flags = deadlines.item_deadline(item.item, s.period.id, s.plan.years).flags(
            item.assessment,
            s.period.id,
            as_of,
            rules,
        );
        let flags = flags.names().join(" ");
        record(&mut out, item.cells(&columns).chain([flags.as_str()]));
    }
    out
}

fn record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, f);
    }
    out.push_str("\r\n");
}

fn field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it() {
        let mut out = String::new();
        record(&mut out, ["просто", "a,b", "say \"hi\"", "две\nстроки", ""].into_iter());
        assert_eq!(out, "просто,\"a,b\",\"say \"\"hi\"\"\",\"две\nстроки\",\r\n");
    }
}
