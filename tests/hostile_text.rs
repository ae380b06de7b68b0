//! Hostile text: escape sequences and control characters (ESC, BEL, C0, DEL, C1), bidi
//! overrides and isolates, and a 1 MB execution text in one cell, saved through the server,
//! come back unchanged from the store, its history, a backup and every export (docx, html,
//! csv, txt, json), and the txt and docx exports import again.

mod common;

use std::path::{Path, PathBuf};

use common::server::{item_of, q1};
use common::{Sandbox, assert_ok, stderr};
use otchet::domain::EntryEdit;
use otchet::model::SaveOutcome;

/// (point, execution text, assessment). No text ends in white space: Word's formats drop
/// a cell's trailing white space (docs/reliability.md).
fn hostile() -> Vec<(&'static str, String, String)> {
    vec![
        ("1", "ESC \x1b[2J\x1b[31mкрасный\x1b[0m, OSC \x1b]0;заголовок\x07 и \x1b]52;c;AAAA\x07 конец".into(), "выполнено\x1b[5m".into()),
        ("2", "BEL \x07\x07 звонок; C0 \x01\x02\x08\x0b\x0c\x0e\x1f; DEL \x7f; одиночный CR \r в строке".into(), String::new()),
        ("3", "C1: \u{80}\u{81}\u{85}\u{8d}\u{8e}\u{90}\u{9b}31m\u{9c}\u{9d}\u{9f} конец".into(), "\u{9b}2J выполнено".into()),
        ("4", "bidi \u{202e}евая\u{202c}, \u{202a}\u{202b}\u{202d}, \u{2066}изоляция\u{2069} \u{2067}\u{2068}\u{2069} \u{200e}\u{200f}\u{61c} конец".into(), "\u{202e}онченыполв".into()),
        ("5", "\tтаб в начале и \u{2028} разделитель строк и \u{feff} BOM и \u{fffe}\u{ffff} не символы".into(), "норма".into()),
        ("6", big_text(), "выполнено".into()),
    ]
}

/// A megabyte in one cell: paragraphs of Russian text with escape sequences in them.
fn big_text() -> String {
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 1 << 20 {
        n += 1;
        text.push_str(&format!(
            "{n}. Проведено заседание комиссии \x1b[1mпо координации\x1b[0m работы \u{202e}по противодействию\u{202c} коррупции.\n"
        ));
        if n % 50 == 0 {
            text.push('\n');
        }
    }
    text.trim_end().to_owned()
}

fn export(sb: &Sandbox, format: &str) -> PathBuf {
    let path = sb.path().join(format!("hostile.{format}"));
    let out = sb.run(&["export", "--as-of", "2020-04-13", "--format", format, "--output", path.to_str().unwrap()]);
    assert_ok(&out);
    path
}

/// The execution text and assessment of each hostile point in a report read back.
fn texts_of(report: &otchet::domain::Report) -> Vec<(String, String)> {
    hostile()
        .iter()
        .map(|(point, _, _)| {
            let row = report.rows.iter().find(|r| r.point.trim_end_matches('.') == *point).expect("the point");
            (row.info.clone(), row.assessment.clone())
        })
        .collect()
}

fn expected() -> Vec<(String, String)> {
    hostile().into_iter().map(|(_, info, assessment)| (info, assessment)).collect()
}

fn assert_same(what: &str, found: &[(String, String)]) {
    assert_same_as(what, found, |s| s.to_owned());
}

/// Word's text export is lines of text: a CR there ends a line, as in every text file.
fn as_lines(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

fn assert_same_as(what: &str, found: &[(String, String)], normal: impl Fn(&str) -> String) {
    for ((info, assessment), (want_info, want_assessment)) in found.iter().zip(expected()) {
        let (want_info, want_assessment) = (normal(&want_info), normal(&want_assessment));
        assert!(info == &want_info, "{what}: execution text changed:\n{:?}\n{:?}", short(info), short(&want_info));
        assert_eq!(assessment, &want_assessment, "{what}: assessment changed");
    }
}

fn short(s: &str) -> String {
    s.chars().take(200).collect()
}

/// HTML's cell text as a browser reads it: the few entities and references we write.
fn html_text(cell: &str) -> String {
    let mut out = String::new();
    let cell = cell.replace("<br>", "\n");
    let mut rest = cell.as_str();
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find(';').expect("an entity ends") + at;
        let entity = &rest[at + 1..end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "#39" => '\'',
            n => char::from_u32(n.strip_prefix('#').and_then(|d| d.parse().ok()).expect("a reference")).unwrap(),
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

fn html_cells(html: &str) -> Vec<(String, String)> {
    hostile()
        .iter()
        .map(|(point, _, _)| {
            let row = html
                .split("<tr>")
                .find(|r| r.contains(&format!("data-label=\"Номер пункта Плана\">{point}.</th>")))
                .expect("the row");
            // Every cell, the point's row header among them, in order.
            let cells: Vec<&str> = row
                .split("<t")
                .skip(1)
                .filter(|c| c.starts_with('d') || c.starts_with('h'))
                .map(|c| {
                    let end = c.find("</td>").or_else(|| c.find("</th>")).unwrap();
                    &c[c.find('>').unwrap() + 1..end]
                })
                .collect();
            (html_text(cells[4]), html_text(cells[5]))
        })
        .collect()
}

/// The csv's cells as a reader takes them: `;`-separated, after the lines naming the
/// report, a leading `'` that kept a formula-looking text from running taken off again.
fn csv_cells(path: &Path) -> Vec<(String, String)> {
    let mut reader =
        csv::ReaderBuilder::new().delimiter(b';').has_headers(false).flexible(true).from_path(path).unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).filter(|r| r.len() > 5).collect();
    let unguarded = |cell: &str| match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => cell.to_owned(),
    };
    hostile()
        .iter()
        .map(|(point, _, _)| {
            let r = records.iter().find(|r| r[1].trim_end_matches('.') == *point).expect("the row");
            (unguarded(&r[4]), unguarded(&r[5]))
        })
        .collect()
}

#[test]
fn hostile_texts_round_trip_through_the_store_and_every_export() {
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "20"]);
    sb.import_sample();
    let mut client = sb.client();
    for (point, info, assessment) in hostile() {
        let item = item_of(&mut client, point);
        let base = client.entry(q1(), item).unwrap().map_or(0, |e| e.revision);
        let edit =
            EntryEdit { period: q1(), item, base_revision: base, info: info.clone(), assessment: assessment.clone() };
        assert!(matches!(client.save(edit).unwrap(), SaveOutcome::Saved(_)), "point {point}");
    }

    // The store and its history.
    let stored: Vec<(String, String)> = hostile()
        .iter()
        .map(|(point, _, _)| {
            let item = item_of(&mut client, point);
            let e = client.entry(q1(), item).unwrap().unwrap();
            let last = client.history(q1(), item).unwrap().pop().unwrap();
            assert_eq!((&last.info, &last.assessment), (&e.info, &e.assessment));
            (e.info, e.assessment)
        })
        .collect();
    assert_same("store", &stored);

    // Each export, read back as its readers read it.
    let txt = export(&sb, "txt");
    let report = otchet::formats::txt::parse_report(&txt, &std::fs::read(&txt).unwrap()).unwrap();
    assert_same_as("txt", &texts_of(&report), as_lines);
    let docx = export(&sb, "docx");
    let report = otchet::formats::docx::parse_report(&docx, &std::fs::read(&docx).unwrap()).unwrap();
    assert_same("docx", &texts_of(&report));
    let html = std::fs::read_to_string(export(&sb, "html")).unwrap();
    assert!(!html.contains('\x1b') && !html.contains('\x07'), "no raw escape sequence in the page");
    assert_same("html", &html_cells(&html));
    assert_same("csv", &csv_cells(&export(&sb, "csv")));
    // A megabyte does not fit an Excel cell: the xlsx is refused naming the item, not cut.
    let xlsx = sb.path().join("hostile.xlsx");
    let out = sb.run(&["export", "--format", "xlsx", "--output", xlsx.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(common::stderr(&out).contains("в пункте 6"), "{}", common::stderr(&out));
    assert!(!xlsx.exists());
    let json = export(&sb, "json");
    let dump = otchet::formats::json::parse_dump(&json, &std::fs::read(&json).unwrap()).unwrap();
    let entries = &dump.plans[0].periods[0].entries;
    let from_json: Vec<(String, String)> = hostile()
        .iter()
        .map(|(point, _, _)| {
            let item = item_of(&mut client, point);
            let e = &entries.iter().find(|e| e.item == item).unwrap().entry;
            (e.info.clone(), e.assessment.clone())
        })
        .collect();
    assert_same("json", &from_json);

    // The txt and docx exports import again, into a new store, with every text as it was.
    for file in [&txt, &docx] {
        let fresh = sb.path().join(format!("fresh-{}", file.extension().unwrap().to_string_lossy()));
        let out = sb.otchet().args(["import", file.to_str().unwrap(), "--db"]).arg(&fresh).output().unwrap();
        assert_ok(&out);
        let again = sb.path().join("again.txt");
        let out = sb
            .otchet()
            .args(["export", "--format", "txt", "--output", again.to_str().unwrap(), "--db"])
            .arg(&fresh)
            .output()
            .unwrap();
        assert_ok(&out);
        assert_eq!(std::fs::read(&again).unwrap(), std::fs::read(&txt).unwrap(), "{} re-imported", file.display());
    }

    // A backup and its restore.
    let backup = sb.path().join("hostile-backup.json");
    assert_ok(&sb.run(&["backup", backup.to_str().unwrap()]));
    let restored = sb.path().join("restored");
    let out = sb.otchet().args(["restore", backup.to_str().unwrap(), "--db"]).arg(&restored).output().unwrap();
    assert_ok(&out);
    let again = sb.path().join("restored.txt");
    let out = sb
        .otchet()
        .args(["export", "--format", "txt", "--output", again.to_str().unwrap(), "--db"])
        .arg(&restored)
        .output()
        .unwrap();
    assert_ok(&out);
    assert_eq!(std::fs::read(&again).unwrap(), std::fs::read(&txt).unwrap());

    // `otchet history` prints stored texts with placeholders, never raw controls.
    let out = sb.run(&["history", "1", "--period", "2020-Q1"]);
    assert_ok(&out);
    let printed = common::stdout(&out);
    assert!(!printed.chars().any(|c| c.is_control() && c != '\n'), "{printed:?}");
    assert!(printed.contains("\u{241B}[2J"), "{printed}");
    assert!(stderr(&out).is_empty());
}

/// The sample's rows again and again up to `n`, with points of their own, every tenth
/// text hostile.
fn big_plan(n: usize) -> otchet::domain::Report {
    let sample = common::sample_bytes();
    let mut report = otchet::formats::txt::parse_report(Path::new("sample.txt"), &sample).unwrap();
    let rows = report.rows.clone();
    report.rows = (0..n)
        .map(|i| {
            let mut row = rows[i % rows.len()].clone();
            row.seq = format!("{}.", i + 1);
            row.point = format!("{}.", i + 1);
            if i % 10 == 3 {
                row.info = format!("{} \x1b[31m\u{9b}\u{202e}{i}\u{202c}\x07", row.info).trim().to_owned();
            }
            row
        })
        .collect();
    report.sections.clear();
    report
}

#[test]
fn a_plan_of_ten_thousand_items_round_trips_through_the_store_and_the_exports() {
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "20"]);
    let plan = big_plan(10_000);
    sb.client().import(plan.clone()).unwrap();
    let rows_of = |report: &otchet::domain::Report| -> Vec<(String, String, String)> {
        report.rows.iter().map(|r| (r.point.clone(), r.info.clone(), r.assessment.clone())).collect()
    };
    let want = rows_of(&plan);
    let txt = export(&sb, "txt");
    let back = otchet::formats::txt::parse_report(&txt, &std::fs::read(&txt).unwrap()).unwrap();
    assert!(rows_of(&back) == want, "txt");
    let docx = export(&sb, "docx");
    let back = otchet::formats::docx::parse_report(&docx, &std::fs::read(&docx).unwrap()).unwrap();
    assert!(rows_of(&back) == want, "docx");
    let out = sb.run(&["status", "--as-of", "2020-04-13", "--json"]);
    assert_ok(&out);
    let json: serde_json::Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    assert_eq!(json["counts"]["items"], 10_000);
}
