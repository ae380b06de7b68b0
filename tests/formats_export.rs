//! What each export holds: markup and quotes survive every format unchanged, the csv reads
//! back with a standard reader, the html is one escaped page that prints landscape.

mod common;
mod formats_common;

use common::Sandbox;
use formats_common::{content, document_xml, export, import, sample_store, text_report};

const NASTY: &str = "<script>alert(\"x\")</script> & 'кавычки', запятая";

/// A report whose texts hold markup, quotes, commas and several paragraphs.
fn nasty_store() -> Sandbox {
    let sb = Sandbox::new();
    let text = text_report(&[
        &["Раздел <b>1</b> & «прочее»"],
        &["1.", "1.", NASTY, "До 1 марта 2020 года", &format!("{NASTY}\n\nвторой абзац"), "выполнено"],
        &["2.", "2.", "Второй \"пункт\"", "Ежеквартально", "", ""],
    ]);
    import(&sb, &sb.write("nasty.txt", text.as_bytes()));
    sb
}

#[test]
fn html_escapes_every_text_and_keeps_paragraphs() {
    let sb = nasty_store();
    let html = std::fs::read_to_string(export(&sb, "html", "page.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ru\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("@page { size: A4 landscape"));
    assert!(html.contains("@media print"));
    assert!(!html.contains("<script>") && !html.contains("<b>"), "markup from the data is escaped");
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;кавычки&#39;, запятая"));
    assert!(html.contains("запятая<br><br>второй абзац"));
    assert!(
        html.contains("<tr class=\"section\"><td colspan=\"6\">Раздел &lt;b&gt;1&lt;/b&gt; &amp; «прочее»</td></tr>")
    );
    assert_eq!(html.matches("<script").count(), 0);
    assert_eq!(html.matches("<thead>").count(), 1);
}

#[test]
fn csv_reads_back_into_the_same_cells() {
    let sb = nasty_store();
    let bytes = std::fs::read(export(&sb, "csv", "table.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.ends_with("\r\n"));
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.len(), 7);
    assert_eq!(&headers[1], "Номер пункта Плана");
    assert_eq!(&headers[6], "Отметки");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "one row per item, headings left out");
    assert_eq!(&rows[0][2], NASTY);
    assert_eq!(&rows[0][4], format!("{NASTY}\n\nвторой абзац"));
    assert_eq!(&rows[0][6], "done");
    assert_eq!(&rows[1][2], "Второй \"пункт\"");
    assert_eq!(&rows[1][6], "overdue no_result");
}

#[test]
fn the_sample_as_csv_flags_items_as_status_does() {
    let sb = sample_store();
    let bytes = std::fs::read(export(&sb, "csv", "sample.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 72);
    let flagged = |flag: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| r[6].split(' ').any(|f| f == flag))
            .map(|r| r[1].trim_end_matches('.').to_owned())
            .collect()
    };
    assert_eq!(flagged("overdue"), ["70", "72"]);
    assert_eq!(flagged("done"), ["14", "30", "43", "54", "55", "56", "59"]);
}

#[test]
fn markup_and_quotes_survive_txt_docx_and_json_unchanged() {
    let sb = nasty_store();
    let original = content(&sb);
    for (format, name) in [("txt", "again.txt"), ("docx", "again.docx"), ("json", "again.json")] {
        let file = export(&sb, format, name);
        let other = Sandbox::new();
        import(&other, &file);
        assert_eq!(content(&other), original, "{format}");
    }
    let docx = std::fs::read(export(&sb, "docx", "nasty.docx")).unwrap();
    let xml = document_xml(&docx);
    assert!(xml.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;кавычки&apos;"));
    assert!(xml.contains(r#"<w:gridSpan w:val="6"/>"#), "the heading spans the table");
}
