//! One self-contained HTML5 page for the administration's site: the form's header (the
//! title as `<h1>`) and table (with a `<caption>`, the point as each row's header), styled
//! inline; on a narrow screen every row becomes a card of labelled fields; printed, it is
//! landscape A4 with the table header on every page. The closing block ends it.

use std::fmt::Write;

use super::view::{Line, columns, header_pairs, is_number, lines, widths};
use crate::domain::Field;
use crate::formats::form::DEFAULT_TITLE;
use crate::model::Snapshot;

const STYLE: &str = r#"body { font-family: "Times New Roman", Times, serif; font-size: 12pt; color: #000; background: #fff; margin: 2em auto; max-width: 277mm; padding: 0 1em; }
header { text-align: center; }
h1.form-title { font-weight: bold; font-size: 14pt; margin: 0; }
caption { caption-side: top; text-align: left; font-size: 10pt; padding: 0.5em 0; }
.value { font-size: 14pt; border-bottom: 1px solid #000; margin: 1em 0 0; }
.caption { font-size: 10pt; margin: 0; }
table { border-collapse: collapse; width: 100%; margin-top: 1.5em; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; overflow-wrap: break-word; hyphens: auto; }
th { text-align: center; vertical-align: middle; font-weight: normal; }
td.number, th.number { text-align: center; vertical-align: top; }
tr.section td { font-weight: bold; text-align: center; }
footer { margin-top: 2em; }
.signer { display: flex; justify-content: space-between; gap: 2em; }
.small { font-size: 10pt; margin: 0.5em 0 0; }
@media screen and (max-width: 700px) {
  body { margin: 1em auto; font-size: 11pt; }
  table, tbody, tr, td, th, caption { display: block; width: auto; }
  colgroup, thead { display: none; }
  table { border: none; }
  tbody tr { border: 1px solid #000; margin: 0 0 1em; padding: 0.25em 0.5em; }
  tbody td, tbody th, tbody .number { border: none; padding: 0.25em 0; text-align: left; }
  tbody td::before, tbody th::before { content: attr(data-label); display: block; font-size: 9pt; color: #444; }
  tr.section { border: none; padding: 0; }
  tr.section td { text-align: left; }
  tr.section td::before { content: none; }
  .signer { display: block; }
}
@page { size: A4 landscape; margin: 15mm 10mm 10mm 20mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  thead { display: table-header-group; }
  tr.section, thead tr { break-inside: avoid; }
}"#;

pub fn write(s: &Snapshot) -> String {
    let mut out = String::new();
    let title = s.plan.title_lines.join(" ");
    let title = if title.trim().is_empty() { DEFAULT_TITLE } else { title.as_str() };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} — {}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n<header>\n",
        escape(title),
        escape(&s.period.title)
    );
    let title_lines: Vec<String> = s.plan.title_lines.iter().map(|l| text(l)).collect();
    let shown_title = if title_lines.is_empty() { escape(DEFAULT_TITLE) } else { title_lines.join("<br>") };
    let _ = writeln!(out, "<h1 class=\"form-title\">{shown_title}</h1>");
    for (value, caption) in header_pairs(s) {
        let _ = writeln!(out, "<p class=\"value\">{}</p>\n<p class=\"caption\">{}</p>", text(value), escape(caption));
    }
    let columns = columns(s);
    out.push_str("</header>\n<main>\n<table>\n");
    let _ = writeln!(out, "<caption>{} — {}</caption>", escape(TABLE_CAPTION), text(&s.period.title));
    out.push_str("<colgroup>");
    // In tenths of a percent, in proportion to the docx form's widths.
    for w in widths(&columns, 1000) {
        let _ = write!(out, "<col style=\"width: {}.{}%\">", w / 10, w % 10);
    }
    out.push_str("</colgroup>\n<thead>\n<tr>");
    for column in &columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", text(&column.caption));
    }
    out.push_str("</tr>\n<tr>");
    for n in 1..=columns.len() {
        let _ = write!(out, "<th>{n}</th>");
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for line in lines(s) {
        match line {
            Line::Heading(heading) => {
                let _ = writeln!(
                    out,
                    "<tr class=\"section\"><td colspan=\"{}\">{}</td></tr>",
                    columns.len(),
                    text(heading)
                );
            }
            Line::Item(item) => {
                out.push_str("<tr>");
                for column in &columns {
                    let class = if is_number(column.field) { " class=\"number\"" } else { "" };
                    // The point names the row, for screen readers and the phone's cards.
                    let cell = if column.field == Field::Point { "th scope=\"row\"" } else { "td" };
                    let tag = &cell[..2];
                    let label = escape(&one_line(&column.caption));
                    let _ = write!(out, "<{cell}{class} data-label=\"{label}\">{}</{tag}>", text(item.cell(column)));
                }
                out.push_str("</tr>\n");
            }
        }
    }
    out.push_str("</tbody>\n</table>\n</main>\n");
    closing_block(&mut out, s);
    out.push_str("</body>\n</html>\n");
    out
}

const TABLE_CAPTION: &str = "Исполнение мероприятий плана";

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The signer, the executor and the report date, as far as they are set.
fn closing_block(out: &mut String, s: &Snapshot) {
    let signed_by = s.plan.signed_by.trim();
    let executor = s.plan.executor.trim();
    if signed_by.is_empty() && executor.is_empty() && s.period.report_date.is_none() {
        return;
    }
    out.push_str("<footer>\n");
    if !signed_by.is_empty() {
        let (position, name) = crate::formats::closing::position_and_name(signed_by);
        let _ = writeln!(out, "<p class=\"signer\"><span>{}</span><span>{}</span></p>", escape(position), escape(name));
    }
    if !executor.is_empty() {
        let _ =
            writeln!(out, "<p class=\"small\">{} {}</p>", crate::formats::closing::EXECUTOR_LABEL, escape(executor));
    }
    if let Some(date) = s.period.report_date {
        let _ = writeln!(out, "<p class=\"small\">{}</p>", date.format("%d.%m.%Y"));
    }
    out.push_str("</footer>\n");
}

/// Escaped text whose line breaks are kept as `<br>`.
fn text(s: &str) -> String {
    let s = s.trim_end().replace("\r\n", "\n");
    s.split('\n').map(escape).collect::<Vec<_>>().join("<br>")
}

/// Every character HTML gives a meaning to, in text and in attributes. A text is kept
/// whole: C0 controls (ESC, BEL, a lone CR, DEL) as numeric references, which HTML parsers
/// keep as those characters and which keep raw escape sequences out of the file; C1
/// controls as they are, since a reference to one is read as a windows-1252 letter instead.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            '\0' => out.push('\u{FFFD}'),
            c if (c as u32) < 0x20 || c == '\x7f' => {
                let _ = write!(out, "&#{};", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_keeps_lines() {
        assert_eq!(
            text("<script>alert('x')</script> & \"q\"\nвторая\r\n"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;<br>вторая"
        );
    }
}
