//! Bad files: exit status 2, a message naming the problem, and the store unchanged.

mod common;

use common::{Sandbox, assert_ok, sample_bytes, sample_path, stderr, stdout};

fn store_content(sb: &Sandbox) -> String {
    let out = sb.run(&["status", "--json", "--as-of", "2020-04-13"]);
    assert_ok(&out);
    stdout(&out)
}

/// The sample with the assessment cell of item 5 taken out.
fn with_a_five_cell_row() -> (Vec<u8>, usize) {
    let text = String::from_utf8(sample_bytes()).unwrap();
    let mut lines: Vec<&str> = text.split('\n').collect();
    let row_line = lines.iter().position(|l| l.trim_end() == "\t5.").unwrap();
    let assessment = (row_line + 5..).find(|&i| lines[i].starts_with("\tвыполняется")).unwrap();
    lines.remove(assessment);
    (lines.join("\n").into_bytes(), row_line + 1)
}

#[test]
fn bad_files_are_refused_and_nothing_is_written() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    let before = store_content(&sb);

    let (five_cells, row_line) = with_a_five_cell_row();
    let header_only: String = String::from_utf8(sample_bytes()).unwrap().split("\t№").next().unwrap().to_owned();
    let table_only: String = {
        let text = String::from_utf8(sample_bytes()).unwrap();
        let at = text.find("\t№").unwrap();
        text[at..].to_owned()
    };
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));

    let cases: Vec<(&str, Vec<u8>, String)> = vec![
        ("empty.txt", Vec::new(), "файл пуст".into()),
        ("binary.txt", png, "двоичные данные".into()),
        ("five.txt", five_cells, format!("строка {row_line}: в строке 5 ячеек, а в таблице 6 столбцов")),
        ("no-header.txt", table_only.into_bytes(), "не найден отчетный период".into()),
        ("no-table.txt", header_only.into_bytes(), "не найдена таблица".into()),
    ];
    for (name, bytes, message) in cases {
        let file = sb.write(name, &bytes);
        let out = sb.run(&["import", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(name), "{name}: the message names the file: {err}");
        assert!(err.contains(&message), "{name}: expected {message:?} in {err}");
        assert_eq!(store_content(&sb), before, "{name}: the store changed");
    }
}

#[test]
fn a_missing_file_is_named() {
    let sb = Sandbox::new();
    let out = sb.run(&["import", "/nonexistent/report.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/nonexistent/report.txt"), "{}", stderr(&out));
}

#[test]
fn a_bad_file_creates_no_store() {
    let sb = Sandbox::new();
    let file = sb.write("empty.txt", b"");
    assert_eq!(sb.run(&["import", file.to_str().unwrap()]).status.code(), Some(2));
    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("нет хранилища"), "{}", stderr(&out));
}
