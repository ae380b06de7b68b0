//! Helpers of the formats tests: exports through the binary, store content without the
//! moments of writing, and documents built by hand.
#![allow(dead_code)]

use std::io::{Cursor, Write};
use std::path::PathBuf;

use serde_json::Value;

pub mod shapes;

use crate::common::{Sandbox, assert_ok, sample_path};

/// A sandbox holding the sample, imported from its text export.
pub fn sample_store() -> Sandbox {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    sb
}

/// `otchet export --format FORMAT` into the sandbox; the file's path.
pub fn export(sb: &Sandbox, format: &str, name: &str) -> PathBuf {
    let path = sb.path().join(name);
    let out = sb.run(&["export", "--as-of", "2020-04-13", "--format", format, "--output", path.to_str().unwrap()]);
    assert_ok(&out);
    path
}

pub fn import(sb: &Sandbox, path: &std::path::Path) {
    assert_ok(&sb.run(&["import", path.to_str().unwrap()]));
}

/// Everything the store holds, less when and by whom each text was written.
pub fn content(sb: &Sandbox) -> Value {
    let path = export(sb, "json", "content.json");
    let mut value: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    forget_stamps(&mut value);
    value
}

fn forget_stamps(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for key in ["changed_at", "at"] {
                map.remove(key);
            }
            map.values_mut().for_each(forget_stamps);
        }
        Value::Array(items) => items.iter_mut().for_each(forget_stamps),
        _ => {}
    }
}

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A .docx holding just the given parts (name, text).
pub fn zip(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A .docx whose document.xml has this body.
pub fn docx_with_body(body: &str) -> Vec<u8> {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>"#
    );
    zip(&[("word/document.xml", &xml)])
}

/// A .docx's document.xml.
pub fn document_xml(docx: &[u8]) -> String {
    part(docx, "word/document.xml")
}

pub fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut part = archive.by_name(name).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut part, &mut xml).unwrap();
    xml
}

/// A small report in Word's text export format: header, captions, numbers, then rows and
/// headings (a heading is a single cell).
pub fn text_report(lines: &[&[&str]]) -> String {
    let mut out = String::from(
        "ОТЧЕТ\n\nоб исполнении плана\n\n\tАдминистрация Тестового округа\n\n\t(наименование органа местного самоуправления)\n\n\tI квартал 2020 года\n\n\t(отчетный период)\n\n\tПостановление №1 «О плане»\n\n\t(реквизиты и наименование правового акта)\n\n\n\t№\n\nп/п\n\tНомер пункта Плана\n\tНаименование\n\tСрок\n\tИнформация\n\tОценка\n\n\t1\n\t2\n\t3\n\t4\n\t5\n\t6\n\n",
    );
    for line in lines {
        for cell in *line {
            out.push('\t');
            out.push_str(cell);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}
