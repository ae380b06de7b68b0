//! Documents written by someone who had not read the importer (a new-user trial): other
//! administrations' plans and a report, as text exports (UTF-8 and windows-1251) and .docx,
//! in `tests/fixtures/others/`. Each imports through the built binary and reads as written.

mod common;

use std::path::PathBuf;

use common::{Sandbox, assert_ok, stdout};
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/others").join(name)
}

fn imported(name: &str) -> Sandbox {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", fixture(name).to_str().unwrap()]));
    sb
}

fn item<'a>(s: &'a Value, point: &str) -> &'a Value {
    s["items"].as_array().unwrap().iter().find(|i| i["point"] == point).unwrap_or_else(|| panic!("no item {point}"))
}

/// A report whose header captions Word wrote without a TAB (so they continue the value's
/// cell), with a signature and an executor under the table.
#[test]
fn a_report_whose_captions_continue_their_values_and_its_closing_block() {
    for name in ["report-zarechny-2023-q2.utf8.txt", "report-zarechny-2023-q2.cp1251.txt"] {
        let sb = imported(name);
        let s = sb.status_json(&["--as-of", "2023-07-10"]);
        assert_eq!(s["period"]["id"], "2023-Q2", "{name}");
        assert_eq!(s["plan"]["organisation"], "Администрация Заречного городского округа", "{name}");
        let last = s["items"].as_array().unwrap().last().unwrap();
        let texts = last.to_string();
        assert!(
            !texts.contains("Захаров") && !texts.contains("Смирнова"),
            "{name}: the closing block is no cell: {texts}"
        );
        let plan = stdout(&sb.run(&["plan", "show"]));
        assert!(plan.contains("Глава Заречного городского округа А. В. Захаров"), "{name}: {plan}");
        assert!(plan.contains("Смирнова Е. П., 8 (34377) 7-12-34"), "{name}: {plan}");
    }
}

/// A plan with an empty «Отметка о выполнении» column is still the plan.
#[test]
fn a_plan_with_an_empty_marks_column_is_the_plan() {
    for name in ["plan-otmetka-2024.txt", "plan-verkhneborsk-2022-2024.docx"] {
        let sb = Sandbox::new();
        let out = sb.run(&["import", fixture(name).to_str().unwrap()]);
        assert_ok(&out);
        assert!(stdout(&out).contains("план на "), "{name}: {}", stdout(&out));
    }
    let sb = imported("plan-verkhneborsk-2022-2024.docx");
    let show = stdout(&sb.run(&["plan", "show"]));
    assert!(show.contains("2022–2024") && show.contains("от 20.12.2021 № 2210"), "{show}");
}

#[test]
fn a_plan_of_four_years_with_an_approval_block() {
    let sb = imported("plan-maisky-2022-2025.txt");
    assert_ok(&sb.run(&["period", "open", "2023-Q3"]));
    let s = sb.status_json(&["--as-of", "2023-10-20"]);
    assert_eq!(s["plan"]["years"], serde_json::json!({"first": 2022, "last": 2025}));
    assert_eq!(s["items"].as_array().unwrap().len(), 17);
    // Two responsible on two lines of one cell stay two.
    assert!(item(&s, "1.2")["responsible"].as_str().unwrap().contains('\n'));
    assert_eq!(item(&s, "1.2")["deadline"]["kind"], "recurring");
    assert!(item(&s, "1.2")["extra"]["Ожидаемый результат"].as_str().unwrap().starts_with("Предупреждение"));
}

/// 25 deadline wordings the grammar was not written from.
#[test]
fn deadlines_worded_by_someone_else() {
    let sb = imported("plan-deadlines-2023-2025.txt");
    assert_ok(&sb.run(&["period", "open", "2023-Q2"]));
    let s = sb.status_json(&["--as-of", "2023-07-01"]);
    let dues = |point: &str| -> Vec<String> {
        let due = item(&s, point)["deadline"]["due"].as_array().unwrap().clone();
        due.iter().map(|d| d["date"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(dues("1"), ["2023-07-01"], "до 1 июля ежегодно: no extra 31.12");
    assert_eq!(dues("7"), ["2023-09-30"], "II–III кварталы");
    assert_eq!(dues("8"), ["2023-04-30"], "январь – апрель");
    assert_eq!(dues("9"), ["2023-12-31"], "ноябрь – декабрь ежегодно");
    assert_eq!(item(&s, "9")["deadline"]["kind"], "recurring");
    assert_eq!(dues("15").len(), 12, "ежемесячно до 5 числа");
    let unknown = s["items"].as_array().unwrap().iter().filter(|i| i["deadline"]["kind"] == "unknown").count();
    assert_eq!(unknown, 0);
}

/// A plan with no organisation or act named: its exports have dashes there and read back
/// as the same plan (not the title or the period as its organisation).
#[test]
fn exports_of_a_plan_without_a_header_read_back_the_same() {
    let sb = imported("plan-verkhneborsk-2022-2024.docx");
    assert_ok(&sb.run(&["plan", "set", "--approved-by", ""]));
    assert_ok(&sb.run(&["period", "open", "2023-Q1"]));
    let before = sb.status_json(&["--as-of", "2023-04-10"]);
    for format in ["txt", "docx"] {
        let path = sb.path().join(format!("again.{format}"));
        assert_ok(&sb.run(&["export", "--format", format, "--output", path.to_str().unwrap()]));
        let other = Sandbox::new();
        assert_ok(&other.run(&["import", path.to_str().unwrap(), "--years", "2022-2024"]));
        let after = other.status_json(&["--as-of", "2023-04-10"]);
        assert_eq!(after["plan"]["organisation"], "", "{format}");
        assert_eq!(after["plan"]["approved_by"], "", "{format}");
        assert_eq!(after["plan"]["years"], before["plan"]["years"], "{format}");
        assert_eq!(after["items"], before["items"], "{format}");
    }
}
