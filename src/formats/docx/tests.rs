use super::*;

const HEADER: &str = r#"<w:p><w:r><w:t>ОТЧЕТ</w:t></w:r></w:p><w:p><w:r><w:tab/><w:t>Администрация</w:t></w:r></w:p><w:p><w:r><w:t>(наименование органа местного самоуправления)</w:t></w:r></w:p><w:p><w:r><w:t>I квартал 2020 года</w:t></w:r></w:p><w:p><w:r><w:t>(отчетный период)</w:t></w:r></w:p><w:p><w:r><w:t>Постановление №1</w:t></w:r></w:p><w:p><w:r><w:t>(реквизиты акта)</w:t></w:r></w:p>"#;

fn cell(text: &str) -> String {
    let paragraphs: String = text.split('\n').map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>")).collect();
    format!("<w:tc>{paragraphs}</w:tc>")
}

fn row(cells: &[&str]) -> String {
    format!("<w:tr>{}</w:tr>", cells.iter().map(|c| cell(c)).collect::<String>())
}

fn docx(rows: &[String]) -> Vec<u8> {
    let captions = row(&["№\nп/п", "Номер пункта", "Наименование", "Срок", "Информация", "Оценка"]);
    let numbers = row(&["1", "2", "3", "4", "5", "6"]);
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{HEADER}<w:tbl>{captions}{numbers}{}</w:tbl><w:p/></w:body></w:document>"#,
        rows.concat()
    );
    package::write_package(&xml, "t").unwrap()
}

fn parse(bytes: &[u8]) -> Result<Report, ImportError> {
    parse_report(Path::new("отчет.docx"), bytes)
}

#[test]
fn reads_items_and_headings_of_either_kind() {
    let heading_in_first_cell = row(&["Раздел 2", "", "", "", "", ""]);
    let r = parse(&docx(&[
        row(&["1.", "1.", "А", "В течение года", "Инфо\n\nеще", "выполнено"]),
        heading_in_first_cell,
        row(&["2.", "2.1", "Б", "Ежеквартально", "", ""]),
        row(&["", "", "", "", "", ""]),
    ]))
    .unwrap();
    assert_eq!(r.title_lines, vec!["ОТЧЕТ"]);
    assert_eq!((r.organisation.as_str(), r.approved_by.as_str()), ("Администрация", "Постановление №1"));
    assert_eq!(r.rows.len(), 2);
    assert_eq!(r.rows[0].info, "Инфо\n\nеще");
    assert_eq!(r.rows[1].point, "2.1");
    assert_eq!(r.sections, vec![(1, "Раздел 2".to_owned())]);
}

#[test]
fn bad_rows_are_named_by_their_table_row() {
    let err = parse(&docx(&[row(&["1.", "1.", "А", "Срок", "Инфо"])])).unwrap_err();
    assert_eq!((err.row, err.problem), (Some(3), Problem::RowCells { found: 5, expected: 6 }));

    let err = parse(&docx(&[row(&["а)", "1.", "А", "Срок", "Инфо", "Оценка"])])).unwrap_err();
    assert_eq!(err.problem, Problem::ItemNumbers { seq: "а)".into(), point: "1.".into() });

    let one = row(&["1.", "1.", "А", "Срок", "Инфо", "Оценка"]);
    let err = parse(&docx(&[one.clone(), one])).unwrap_err();
    assert_eq!(err.row, Some(4));
    assert_eq!(err.problem, Problem::DuplicatePointInRow { point: "1".into(), first_row: 3 });
    crate::i18n::set_lang(crate::i18n::Lang::Ru);
    assert!(err.to_string().starts_with("отчет.docx: строка таблицы 4: пункт 1 встречается дважды"), "{err}");
}

#[test]
fn a_document_without_the_table_or_its_items_is_refused() {
    let no_table = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Письмо</w:t></w:r></w:p></w:body></w:document>"#;
    let bytes = package::write_package(no_table, "t").unwrap();
    assert_eq!(parse(&bytes).unwrap_err().problem, Problem::NoTable);
    assert_eq!(parse(&docx(&[])).unwrap_err().problem, Problem::NoItems);
    let broken = package::write_package("<w:document><w:body>", "t").unwrap();
    assert!(matches!(parse(&broken).unwrap_err().problem, Problem::DocxXml(_)));
}

#[test]
fn the_format_is_told_by_content_and_a_docx_name() {
    use crate::formats::{Imported, read_bytes};
    let bytes = docx(&[row(&["1.", "1.", "А", "Срок", "Инфо", "Оценка"])]);
    assert!(matches!(read_bytes(Path::new("отчет.bin"), &bytes), Ok(Imported::Report(_))));
    let err = read_bytes(Path::new("отчет.docx"), "ОТЧЕТ\n\tтекст".as_bytes()).unwrap_err();
    assert!(matches!(err.problem, Problem::DocxNotZip(_)));
    let json = read_bytes(Path::new("x"), b"\xEF\xBB\xBF  {\"format\": 1}").unwrap_err();
    assert!(matches!(json.problem, Problem::Json(_)), "{json:?}");
}

#[test]
fn control_characters_travel_as_otchet_symbols_and_others_symbols_are_left_out() {
    let mut out = String::new();
    xml::paragraphs(&mut out, "a\x1b[31mb\x07\rc\u{FFFF}", xml::Style::default());
    assert!(!out.contains('\x1b') && out.contains(r#"<w:sym w:font="otchet-control" w:char="001B"/>"#), "{out}");
    let sym = |font: &str| format!(r#"<w:r><w:sym w:font="{font}" w:char="0007"/></w:r>"#);
    let row_xml = format!(
        "<w:tr>{}{}{}{}<w:tc><w:p>{}<w:r><w:t>x</w:t></w:r>{}</w:p></w:tc>{}</w:tr>",
        cell("1."),
        cell("1."),
        cell("А"),
        cell("Ежеквартально"),
        sym(xml::CONTROL_FONT),
        sym("Wingdings"),
        cell("")
    );
    let r = parse(&docx(&[row_xml])).unwrap();
    assert_eq!(r.rows[0].info, "\x07x");
    let mut cell_xml = String::new();
    xml::paragraphs(&mut cell_xml, "a\x1b[31mb\x07\rc\u{FFFF}", xml::Style::default());
    let row_xml = format!(
        "<w:tr>{}{}{}{}<w:tc>{cell_xml}</w:tc>{}</w:tr>",
        cell("2."),
        cell("2."),
        cell("Б"),
        cell("Ежеквартально"),
        cell("")
    );
    assert_eq!(parse(&docx(&[row_xml])).unwrap().rows[0].info, "a\x1b[31mb\x07\rc\u{FFFF}");
}
