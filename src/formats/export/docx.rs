//! The official form as a Word document: title lines, the header values each with its
//! caption under it, then a landscape A4 table whose caption and number rows repeat on
//! every page.

use std::fmt::Write;

use super::view::{Line, columns, header_pairs, is_number, lines, widths};
use crate::formats::docx::package::{FOOTER_ID, write_package};
use crate::formats::docx::xml::{Style, escape, paragraph_with_breaks, paragraphs};
use crate::model::Snapshot;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// A4 landscape, in twentieths of a point.
const PAGE_WIDTH: u32 = 16838;
const PAGE_HEIGHT: u32 = 11906;
const MARGIN_LEFT: u32 = 1134;
const MARGIN_RIGHT: u32 = 567;
const TABLE_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

const TITLE: Style = Style { center: true, bold: true, size: Some(28), underline_border: false };
const VALUE: Style = Style { center: true, bold: false, size: Some(28), underline_border: true };
const CAPTION: Style = Style { center: true, bold: false, size: Some(20), underline_border: false };
const CENTERED: Style = Style { center: true, bold: false, size: None, underline_border: false };
const PLAIN: Style = Style { center: false, bold: false, size: None, underline_border: false };
const HEADING: Style = Style { center: true, bold: true, size: None, underline_border: false };
const SMALL: Style = Style { center: false, bold: false, size: Some(20), underline_border: false };

pub fn write(s: &Snapshot) -> zip::result::ZipResult<Vec<u8>> {
    let mut body = String::new();
    for line in &s.plan.title_lines {
        paragraphs(&mut body, line, TITLE);
    }
    for (value, caption) in header_pairs(s) {
        body.push_str("<w:p/>");
        paragraph_with_breaks(&mut body, value, VALUE);
        paragraphs(&mut body, caption, CAPTION);
    }
    body.push_str("<w:p/>");
    table(&mut body, s);
    // Word wants a paragraph between a table and the end of the section.
    body.push_str("<w:p/>");
    closing_block(&mut body, s);
    let _ = write!(
        body,
        r#"<w:sectPr><w:footerReference w:type="default" r:id="{FOOTER_ID}"/><w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}" w:orient="landscape"/><w:pgMar w:top="1134" w:right="{MARGIN_RIGHT}" w:bottom="850" w:left="{MARGIN_LEFT}" w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>"#
    );
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body></w:document>"#
    );
    let title = [s.plan.title_lines.join(" "), s.period.title.clone()].join(" — ");
    write_package(&document, title.trim_start_matches(" — "))
}

/// Under the table: the signer's position at the left and name at the right margin (the
/// space between is for the signature), the executor with a phone, the report date; each
/// only when the plan or the period has it.
fn closing_block(out: &mut String, s: &Snapshot) {
    let signed_by = s.plan.signed_by.trim();
    if !signed_by.is_empty() {
        let (position, name) = crate::formats::closing::position_and_name(signed_by);
        out.push_str("<w:p/>");
        let _ = write!(
            out,
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="{TABLE_WIDTH}"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            escape(position),
            escape(name)
        );
    }
    if !s.plan.executor.trim().is_empty() {
        out.push_str("<w:p/>");
        paragraphs(out, &format!("{} {}", crate::formats::closing::EXECUTOR_LABEL, s.plan.executor.trim()), SMALL);
    }
    if let Some(date) = s.period.report_date {
        paragraphs(out, &date.format("%d.%m.%Y").to_string(), SMALL);
    }
}

fn table(out: &mut String, s: &Snapshot) {
    let border = r#"w:val="single" w:sz="4" w:space="0" w:color="auto""#;
    let _ = write!(
        out,
        r#"<w:tbl><w:tblPr><w:tblW w:w="{TABLE_WIDTH}" w:type="dxa"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#
    );
    let columns = columns(s);
    let widths = widths(&columns, TABLE_WIDTH);
    for w in &widths {
        let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
    }
    out.push_str("</w:tblGrid>");

    let captions: Vec<&str> = columns.iter().map(|c| c.caption.as_str()).collect();
    let numbers: Vec<String> = (1..=columns.len()).map(|n| n.to_string()).collect();
    for texts in [captions, numbers.iter().map(String::as_str).collect()] {
        out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (text, width) in texts.iter().zip(&widths) {
            cell(out, text, *width, 1, CENTERED);
        }
        out.push_str("</w:tr>");
    }
    for line in lines(s) {
        match line {
            Line::Heading(text) => {
                out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
                cell(out, text, TABLE_WIDTH, columns.len(), HEADING);
            }
            Line::Item(item) => {
                out.push_str("<w:tr>");
                for (column, width) in columns.iter().zip(&widths) {
                    let style = if is_number(column.field) { CENTERED } else { PLAIN };
                    cell(out, item.cell(column), *width, 1, style);
                }
            }
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

fn cell(out: &mut String, text: &str, width: u32, span: usize, style: Style) {
    let _ = write!(out, r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#);
    if span > 1 {
        let _ = write!(out, r#"<w:gridSpan w:val="{span}"/>"#);
    }
    out.push_str("</w:tcPr>");
    paragraphs(out, text, style);
    out.push_str("</w:tc>");
}
