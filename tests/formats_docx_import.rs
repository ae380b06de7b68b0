//! Reading .docx: a document built by hand (runs split mid-word, merged heading rows,
//! cells of several paragraphs) reads as the same report as its text export, and broken
//! documents are refused with a clear message, writing nothing.

mod common;
mod formats_common;

use std::path::Path;

use common::{Sandbox, stderr};
use formats_common::{content, docx_with_body, import, text_report, zip};
use otchet::domain::{PeriodId, Report, ReportRow};
use otchet::formats::{Imported, read_bytes};

fn run(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn paragraph(runs: &str) -> String {
    format!("<w:p>{runs}</w:p>")
}

fn cell(paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| paragraph(&run(p))).collect();
    format!("<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/></w:tcPr>{body}</w:tc>")
}

fn row(cells: &[&[&str]]) -> String {
    format!("<w:tr>{}</w:tr>", cells.iter().map(|c| cell(c)).collect::<String>())
}

fn merged_row(runs: &str) -> String {
    format!("<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"6\"/></w:tcPr><w:p>{runs}</w:p></w:tc></w:tr>")
}

/// The sample's layout, written the way Word writes it: header paragraphs (values led by
/// a tab), then one table.
fn hand_built_docx() -> Vec<u8> {
    let header = [
        paragraph(&format!("{}{}", run("ОТ"), run("ЧЕТ"))),
        "<w:p/>".to_owned(),
        paragraph(&format!("{}<w:r><w:rPr><w:b/></w:rPr><w:t>плана</w:t></w:r>", run("об исполнении "))),
        paragraph(&format!("<w:r><w:tab/></w:r>{}{}", run("Администрация Тест"), run("ового округа"))),
        paragraph(&run("(наименование органа местного самоуправления)")),
        paragraph(&format!("<w:r><w:tab/></w:r>{}", run("I квартал 2020 года"))),
        paragraph(&run("(отчетный период)")),
        paragraph(&format!("<w:r><w:tab/></w:r>{}", run("Постановление №1 «О плане»"))),
        paragraph(&run("(реквизиты и наименование правового акта)")),
        "<w:p/>".to_owned(),
    ]
    .concat();
    let table = [
        "<w:tbl><w:tblPr><w:tblW w:w=\"6000\" w:type=\"dxa\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"1000\"/><w:gridCol w:w=\"1000\"/><w:gridCol w:w=\"1000\"/><w:gridCol w:w=\"1000\"/><w:gridCol w:w=\"1000\"/><w:gridCol w:w=\"1000\"/></w:tblGrid>".to_owned(),
        row(&[&["№", "", "п/п"], &["Номер пункта Плана"], &["Наименование"], &["Срок"], &["Информация"], &["Оценка"]]),
        row(&[&["1"], &["2"], &["3"], &["4"], &["5"], &["6"]]),
        merged_row(&format!("{}{}", run("1. Органи"), run("зационные меры"))),
        format!(
            "<w:tr>{}{}<w:tc>{}</w:tc>{}{}{}</w:tr>",
            cell(&["1."]),
            cell(&["1."]),
            paragraph(&format!("{}<w:r><w:rPr><w:i/></w:rPr><w:t>лиз актов</w:t></w:r>", run("Ана"))),
            cell(&["В течение года"]),
            cell(&["Первый абзац", "", "Второй абзац &amp; <три>".replace('<', "&lt;").replace('>', "&gt;").as_str()]),
            cell(&["выполняется", ""]),
        ),
        merged_row(&run("2. Контроль")),
        format!(
            "<w:tr>{}{}{}<w:tc><w:p>{}<w:r><w:br/></w:r>{}</w:p></w:tc><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>",
            cell(&["2."]),
            cell(&["2.1"]),
            cell(&["Еще"]),
            run("Ежеквартально"),
            run("до 05 числа")
        ),
        row(&[&[""], &[""], &[""], &[""], &[""], &[""]]),
        "</w:tbl><w:p/>".to_owned(),
    ]
    .concat();
    docx_with_body(&format!("{header}{table}<w:sectPr/>"))
}

/// The same report as Word's text export writes it.
fn same_as_text() -> String {
    text_report(&[
        &["1. Организационные меры"],
        &["1.", "1.", "Анализ актов", "В течение года", "Первый абзац\n\nВторой абзац & <три>", "выполняется\n"],
        &["2. Контроль"],
        &["2.", "2.1", "Еще", "Ежеквартально\nдо 05 числа", "", ""],
    ])
}

fn captions() -> Vec<String> {
    ["№\n\nп/п", "Номер пункта Плана", "Наименование", "Срок", "Информация", "Оценка"].map(String::from).into()
}

fn expected() -> Report {
    Report {
        title_lines: vec!["ОТЧЕТ".into(), "об исполнении плана".into()],
        organisation: "Администрация Тестового округа".into(),
        approved_by: "Постановление №1 «О плане»".into(),
        period: PeriodId::parse("2020-Q1"),
        period_title: "I квартал 2020 года".into(),
        years: None,
        columns: otchet::formats::table::Layout::from_captions(&captions()).unwrap().columns,
        rows: vec![
            ReportRow {
                seq: "1.".into(),
                point: "1.".into(),
                title: "Анализ актов".into(),
                deadline_text: "В течение года".into(),
                info: "Первый абзац\n\nВторой абзац & <три>".into(),
                assessment: "выполняется".into(),
                ..ReportRow::default()
            },
            ReportRow {
                seq: "2.".into(),
                point: "2.1".into(),
                title: "Еще".into(),
                deadline_text: "Ежеквартально\nдо 05 числа".into(),
                info: String::new(),
                assessment: String::new(),
                ..ReportRow::default()
            },
        ],
        sections: vec![(0, "1. Организационные меры".into()), (1, "2. Контроль".into())],
        signed_by: String::new(),
        executor: String::new(),
    }
}

fn report(name: &str, bytes: &[u8]) -> Report {
    match read_bytes(Path::new(name), bytes) {
        Ok(Imported::Report(r)) => r,
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn a_hand_built_docx_reads_as_its_text_export_does() {
    assert_eq!(report("hand.docx", &hand_built_docx()), expected());
    assert_eq!(report("hand.txt", same_as_text().as_bytes()), expected());
}

#[test]
fn docx_and_text_export_of_one_report_give_the_same_store() {
    let from_docx = Sandbox::new();
    import(&from_docx, &from_docx.write("hand.docx", &hand_built_docx()));
    let from_text = Sandbox::new();
    import(&from_text, &from_text.write("hand.txt", same_as_text().as_bytes()));
    let stored = content(&from_docx);
    assert_eq!(stored, content(&from_text));
    let sections = &stored["plans"][0]["plan"]["sections"];
    assert_eq!(sections[0]["title"], "1. Организационные меры");
    assert_eq!(sections[1]["title"], "2. Контроль");
}

#[test]
fn broken_documents_are_refused_and_nothing_is_written() {
    let sb = Sandbox::new();
    let no_table = docx_with_body(&paragraph(&run("Просто письмо, без таблицы")));
    let no_document = zip(&[("word/styles.xml", "<w:styles/>"), ("[Content_Types].xml", "<Types/>")]);
    let mut truncated = hand_built_docx();
    truncated.truncate(truncated.len() / 2);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("not-a-zip.docx", "ОТЧЕТ\n\tэто текст".as_bytes().to_vec(), "это не zip-архив"),
        ("no-document.docx", no_document, "word/document.xml"),
        ("no-table.docx", no_table, "не найдена таблица"),
        ("truncated.docx", truncated, "поврежден или обрезан"),
        ("old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0".to_vec(), "сохраните как .docx"),
    ];
    for (name, bytes, message) in cases {
        let file = sb.write(name, &bytes);
        let out = sb.run(&["import", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(name), "{name}: the message names the file: {err}");
        assert!(err.contains(message), "{name}: expected {message:?} in {err}");
        assert!(!sb.db().exists(), "{name}: the store was created");
    }
}

#[test]
fn a_bad_docx_row_is_named_by_its_table_row() {
    let sb = Sandbox::new();
    let xml = formats_common::document_xml(&hand_built_docx()).replace(&cell(&["В течение года"]), "");
    let file = sb.write("short.docx", &zip(&[("word/document.xml", &xml)]));
    let out = sb.run(&["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("строка таблицы 4: в строке 5 ячеек"), "{}", stderr(&out));
}
