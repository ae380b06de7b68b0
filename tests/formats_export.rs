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
fn the_html_is_a_page_for_the_site_and_a_phone() {
    let sb = formats_common::sample_store();
    let html = std::fs::read_to_string(export(&sb, "html", "site.html")).unwrap();
    assert!(html.contains(r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#));
    assert!(html.contains("<h1 class=\"form-title\">ОТЧЕТ<br>об исполнении плана"), "the title is the page's h1");
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.contains("<caption>Исполнение мероприятий плана — I квартал 2020 года</caption>"));
    assert!(html.contains("@media screen and (max-width: 700px)"), "a narrow-screen layout");
    assert!(html.contains("content: attr(data-label)"), "each field labelled on a card");
    assert!(html.contains(r#"<th scope="row" class="number" data-label="Номер пункта Плана">70.</th>"#), "row headers");
    assert!(html.contains("@media print"), "the print styles stay");
}

/// The csv's table: the records after the lines naming organisation, period and as-of.
fn csv_table(bytes: &[u8], delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.ends_with("\r\n"));
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let records: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    assert_eq!(records[0][0], "Организация");
    assert_eq!(records[1], ["Отчетный период", "I квартал 2020 года"]);
    assert_eq!(records[2], ["По состоянию на", "13.04.2020"]);
    // The blank line before the table is Excel's empty row; the reader skips it.
    (records[3].clone(), records[4..].to_vec())
}

#[test]
fn csv_for_russian_excel_reads_back_into_the_same_cells() {
    let sb = nasty_store();
    let bytes = std::fs::read(export(&sb, "csv", "table.csv")).unwrap();
    let (headers, rows) = csv_table(&bytes, b';');
    assert_eq!(headers.len(), 7);
    assert_eq!(headers[1], "Номер пункта Плана");
    assert_eq!(headers[6], "Отметки");
    assert_eq!(rows.len(), 3, "a section heading row and one row per item");
    assert_eq!(rows[0], ["Раздел", "Раздел <b>1</b> & «прочее»"]);
    assert_eq!(rows[1][2], NASTY);
    assert_eq!(rows[1][4], format!("{NASTY}\n\nвторой абзац"));
    assert_eq!(rows[1][6], "выполнено");
    assert_eq!(rows[2][2], "Второй \"пункт\"");
    assert_eq!(rows[2][6], "просрочено, нет результата");
}

#[test]
fn a_formula_in_a_text_is_neutralised_and_the_delimiter_can_be_a_comma() {
    let sb = Sandbox::new();
    let text = text_report(&[&["1.", "1.", "=1+2", "До 1 марта 2020 года", "@SUM(A1:A9)", "-выполнено"]]);
    import(&sb, &sb.write("formula.txt", text.as_bytes()));
    let bytes = std::fs::read(export(&sb, "csv", "f.csv")).unwrap();
    let (_, rows) = csv_table(&bytes, b';');
    assert_eq!(
        (rows[0][2].as_str(), rows[0][4].as_str(), rows[0][5].as_str()),
        ("'=1+2", "'@SUM(A1:A9)", "'-выполнено")
    );
    let path = sb.path().join("comma.csv");
    let out = sb.run(&[
        "export",
        "--as-of",
        "2020-04-13",
        "--format",
        "csv",
        "--csv-delimiter",
        ",",
        "--output",
        path.to_str().unwrap(),
    ]);
    common::assert_ok(&out);
    let (headers, _) = csv_table(&std::fs::read(&path).unwrap(), b',');
    assert_eq!(headers.len(), 7);
    let out = sb.run(&["export", "--format", "csv", "--csv-delimiter", ";;", "--output", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_sample_as_csv_flags_items_as_status_does() {
    let sb = sample_store();
    let bytes = std::fs::read(export(&sb, "csv", "sample.csv")).unwrap();
    let (_, rows) = csv_table(&bytes, b';');
    let items: Vec<&Vec<String>> = rows.iter().filter(|r| r.len() > 2).collect();
    assert_eq!(items.len(), 72);
    let flagged = |flag: &str| -> Vec<String> {
        items
            .iter()
            .filter(|r| r[6].split(", ").any(|f| f == flag))
            .map(|r| r[1].trim_end_matches('.').to_owned())
            .collect()
    };
    assert_eq!(flagged("просрочено"), ["70", "72"]);
    assert_eq!(flagged("выполнено"), ["14", "30", "43", "54", "55", "56", "59"]);
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

#[test]
fn the_docx_numbers_its_pages_and_ends_with_the_closing_block_only_when_set() {
    let sb = formats_common::sample_store();
    let bare = std::fs::read(export(&sb, "docx", "bare.docx")).unwrap();
    let footer = formats_common::part(&bare, "word/footer1.xml");
    assert!(footer.contains(" PAGE ") && footer.contains(" NUMPAGES "), "{footer}");
    assert!(document_xml(&bare).contains(r#"<w:footerReference w:type="default" r:id="rId3"/>"#));
    assert!(!document_xml(&bare).contains("Исполнитель:"), "no closing block when none is set");

    let set = sb.run(&[
        "plan",
        "set",
        "--signed-by",
        "Глава Серовского городского округа В.В. Сизиков",
        "--executor",
        "Иванова А. П., 8 (34385) 7-00-00",
    ]);
    common::assert_ok(&set);
    common::assert_ok(&sb.run(&["period", "set", "2020-Q1", "--report-date", "13.04.2020"]));
    let signed = std::fs::read(export(&sb, "docx", "signed.docx")).unwrap();
    let xml = document_xml(&signed);
    let after_table = &xml[xml.rfind("</w:tbl>").unwrap()..];
    assert!(
        after_table.contains(
            "Глава Серовского городского округа</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\">В.В. Сизиков"
        ),
        "{after_table}"
    );
    assert!(after_table.contains(r#"<w:tab w:val="right""#), "the name at the right margin");
    assert!(after_table.contains("Исполнитель: Иванова А. П., 8 (34385) 7-00-00"));
    assert!(after_table.contains("13.04.2020"));
    // And it reads back as it was set.
    let other = Sandbox::new();
    import(&other, &sb.path().join("signed.docx"));
    let show = common::stdout(&other.run(&["plan", "show"]));
    assert!(show.contains("Глава Серовского городского округа В.В. Сизиков"), "{show}");
    assert!(show.contains("Иванова А. П., 8 (34385) 7-00-00"), "{show}");
}
