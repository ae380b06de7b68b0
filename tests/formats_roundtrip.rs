//! Export → import → export: the text export is byte-identical, a docx keeps the content,
//! and the JSON export restores an empty store exactly.

mod common;
mod formats_common;

use common::{Sandbox, assert_ok, stderr};
use formats_common::{content, document_xml, export, import, sample_store};

#[test]
fn text_export_imports_back_to_the_same_bytes() {
    let first = sample_store();
    let txt = export(&first, "txt", "otchet-2020-Q1.txt");
    let second = Sandbox::new();
    import(&second, &txt);
    let again = export(&second, "txt", "again.txt");
    assert_eq!(std::fs::read(&txt).unwrap(), std::fs::read(&again).unwrap());
    assert_eq!(content(&first), content(&second));
}

#[test]
fn docx_export_imports_back_to_the_same_content() {
    // The sample read from its text export, then through docx twice.
    let from_text = sample_store();
    let docx = export(&from_text, "docx", "otchet-2020-Q1.docx");
    let from_docx = Sandbox::new();
    import(&from_docx, &docx);
    assert_eq!(content(&from_text), content(&from_docx));

    let docx_again = export(&from_docx, "docx", "again.docx");
    let from_docx_again = Sandbox::new();
    import(&from_docx_again, &docx_again);
    assert_eq!(content(&from_docx), content(&from_docx_again));
    assert_eq!(std::fs::read(&docx).unwrap(), std::fs::read(&docx_again).unwrap(), "the same report, the same bytes");
}

#[test]
fn json_export_restores_an_empty_store_exactly() {
    let first = sample_store();
    let json = export(&first, "json", "otchet-2020-Q1.json");
    let restored = Sandbox::new();
    import(&restored, &json);
    let again = export(&restored, "json", "again.json");
    assert_eq!(std::fs::read_to_string(&json).unwrap(), std::fs::read_to_string(&again).unwrap());

    // Every entry and revision is there.
    let dump: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let entries = dump["plans"][0]["periods"][0]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 72);
    assert!(entries.iter().all(|e| e["history"].as_array().unwrap().len() == 1));

    // A store that holds a plan is not overwritten.
    let before = content(&first);
    let out = first.run(&["import", json.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("не пусто"), "{}", stderr(&out));
    assert_eq!(content(&first), before);
}

#[test]
fn the_sample_as_docx_is_one_landscape_table_of_74_rows() {
    let sb = sample_store();
    let docx = std::fs::read(export(&sb, "docx", "otchet-2020-Q1.docx")).unwrap();
    let xml = document_xml(&docx);
    assert_eq!(xml.matches("<w:tbl>").count(), 1);
    assert_eq!(xml.matches("<w:tr>").count(), 74, "captions, numbers, 72 items");
    assert!(xml.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#));
    let header_rows: Vec<&str> = xml.split("<w:tr>").skip(1).take(3).collect();
    assert!(header_rows[0].contains("<w:tblHeader/>") && header_rows[0].contains("Номер пункта Плана"));
    assert!(header_rows[1].contains("<w:tblHeader/>") && header_rows[1].contains(">6</w:t>"));
    assert!(!header_rows[2].contains("<w:tblHeader/>"));
    assert!(xml.contains("(наименование органа местного самоуправления)"));
    assert!(formats_common::part(&docx, "word/styles.xml").contains(r#"w:ascii="Times New Roman""#));
    // Item 1's information keeps its paragraphs, one w:p each, the blank one too.
    let item1 = header_rows[2];
    assert!(item1.contains("<w:p></w:p>"), "the blank line between paragraphs is kept");
}

#[test]
fn export_refuses_bad_usage_and_writes_nothing() {
    let sb = sample_store();
    let out_path = sb.path().join("out.pdf");
    let out = sb.run(&["export", "--format", "pdf", "--output", out_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("«pdf»"), "{}", stderr(&out));

    let txt = sb.path().join("out.txt");
    let out = sb.run(&["export", "--period", "2021-Q1", "--format", "txt", "--output", txt.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("2021-Q1"), "{}", stderr(&out));
    let out = sb.run(&["export", "--period", "весна", "--format", "txt", "--output", txt.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("«весна»"), "{}", stderr(&out));
    assert!(!txt.exists());

    let nowhere = sb.path().join("no-such-dir/out.docx");
    let out = sb.run(&["export", "--format", "docx", "--output", nowhere.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(nowhere.to_str().unwrap()), "{}", stderr(&out));

    let empty = Sandbox::new();
    let out = empty.run(&["export", "--format", "csv", "--output", txt.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "no store there: {}", stderr(&out));
    assert!(stderr(&out).contains("нет хранилища"), "{}", stderr(&out));
    assert!(!txt.exists());
}

#[test]
fn export_help_is_localized() {
    let sb = Sandbox::new();
    let out = sb.run(&["export", "--help"]);
    assert_ok(&out);
    assert!(common::stdout(&out).contains("официальная форма"), "{}", common::stdout(&out));
    let out = sb.run(&["--lang", "en", "export", "--help"]);
    assert!(common::stdout(&out).contains("the official form"), "{}", common::stdout(&out));
}
