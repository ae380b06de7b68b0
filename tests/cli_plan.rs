//! `otchet plan show | set | responsible` and `import --years`: what an admin sets by hand
//! of a plan, and a plan document that names no years.

mod common;
mod formats_common;

use common::{Sandbox, assert_ok, stderr, stdout};
use formats_common::shapes::Shape;
use serde_json::{Value, json};

fn tikhvin() -> Sandbox {
    let sb = Sandbox::new();
    for name in ["plan-4-columns", "report-7-columns"] {
        let file = sb.write(&format!("{name}.txt"), Shape::fixture(&format!("{name}.table")).txt().as_bytes());
        assert_ok(&sb.run(&["import", file.to_str().unwrap()]));
    }
    sb
}

fn status(sb: &Sandbox) -> Value {
    let out = sb.run(&["status", "--json", "--as-of", "2021-04-20"]);
    assert_ok(&out);
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn an_admin_sets_the_plans_fields_and_sees_them() {
    let sb = tikhvin();
    let out = sb.run(&[
        "plan",
        "set",
        "--organisation",
        "Администрация Тихвинского муниципального района",
        "--signed-by",
        "Глава администрации  Ю. А. Васильев",
        "--executor",
        "Иванова А. П., (81367) 7-10-10",
        "--years",
        "2021-2025",
    ]);
    assert_ok(&out);
    let shown = stdout(&out);
    assert!(shown.contains("2021–2025"), "{shown}");
    assert!(shown.contains("Иванова А. П., (81367) 7-10-10"), "{shown}");
    let s = status(&sb);
    assert_eq!(s["plan"]["organisation"], "Администрация Тихвинского муниципального района");
    assert_eq!(s["plan"]["years"], json!({"first": 2021, "last": 2025}));
    // The act stays as it was; show prints everything.
    let show = stdout(&sb.run(&["plan", "show", "--plan", "2023"]));
    assert!(show.contains("01-2450-а") && show.contains("Глава администрации  Ю. А. Васильев"), "{show}");
}

#[test]
fn years_that_leave_out_a_period_are_refused_and_nothing_changes() {
    let sb = tikhvin();
    let before = status(&sb);
    let out = sb.run(&["plan", "set", "--years", "2022-2024"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("не включают его периоды: 2021-Q1"), "{}", stderr(&out));
    assert_eq!(status(&sb), before);
    let bad = sb.run(&["plan", "set", "--years", "24-21"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("«24-21»"), "{}", stderr(&bad));
    let nothing = sb.run(&["plan", "set"]);
    assert_eq!(nothing.status.code(), Some(2));
    let unknown = sb.run(&["plan", "show", "--plan", "2030"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("2030") && stderr(&unknown).contains("2021–2024"), "{}", stderr(&unknown));
}

#[test]
fn an_admin_changes_who_answers_for_an_item() {
    let sb = tikhvin();
    let shown = sb.run(&["plan", "responsible", "2.3"]);
    assert_ok(&shown);
    assert!(stdout(&shown).contains("Юридический отдел"), "{}", stdout(&shown));
    assert_ok(&sb.run(&["plan", "responsible", "2.3.", "Юридический отдел; отдел кадров"]));
    let s = status(&sb);
    let item = s["items"].as_array().unwrap().iter().find(|i| i["point"] == "2.3").unwrap();
    assert_eq!(item["responsible"], "Юридический отдел; отдел кадров");
    let missing = sb.run(&["plan", "responsible", "9.9", "Кто-то"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("нет пункта 9.9"), "{}", stderr(&missing));
}

#[test]
fn a_plan_that_names_no_years_asks_for_them_and_takes_them_from_import() {
    let text = "ПЛАН\nмероприятий по противодействию коррупции\n| № п/п | Мероприятия | Срок исполнения |\n| 1. | Заседания комиссии | ежеквартально |\n| 2. | Доклад главе | до 1 февраля |\n";
    let sb = Sandbox::new();
    let file = sb.write("plan.txt", Shape::parse(text).txt().as_bytes());
    let refused = sb.run(&["import", file.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("--years 2021-2024"), "{}", stderr(&refused));
    let out = sb.run(&["import", file.to_str().unwrap(), "--years", "2022–2024"]);
    assert_ok(&out);
    assert!(stdout(&out).contains("план на 2022–2024 годы, 2 пункта"), "{}", stdout(&out));
    assert_ok(&sb.run(&["period", "open", "2023-Q2"]));
    let s: Value = serde_json::from_str(&stdout(&sb.run(&["status", "--json", "--as-of", "2023-07-01"]))).unwrap();
    assert_eq!(s["period"]["id"], "2023-Q2");
    let due: Vec<&str> =
        s["items"][0]["deadline"]["due"].as_array().unwrap().iter().map(|d| d["date"].as_str().unwrap()).collect();
    assert_eq!(due, ["2023-03-31", "2023-06-30", "2023-09-30", "2023-12-31"], "the quarters of the period's year");
    let outside = sb.run(&["period", "open", "2025-Q1"]);
    assert_eq!(outside.status.code(), Some(2));
    assert!(stderr(&outside).contains("2025-Q1"), "{}", stderr(&outside));
}

#[test]
fn responsible_set_by_hand_get_a_column_in_the_exports() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", common::sample_path().to_str().unwrap()]));
    assert_ok(&sb.run(&["plan", "responsible", "70", "Отдел кадров"]));
    let before: Value = serde_json::from_str(&stdout(&sb.run(&["status", "--json", "--as-of", "2020-04-13"]))).unwrap();
    for format in ["txt", "docx"] {
        let path = formats_common::export(&sb, format, &format!("serov.{format}"));
        let other = Sandbox::new();
        assert_ok(&other.run(&["import", path.to_str().unwrap()]));
        let after: Value =
            serde_json::from_str(&stdout(&other.run(&["status", "--json", "--as-of", "2020-04-13"]))).unwrap();
        assert_eq!(after["items"], before["items"], "{format}: the responsible come back with everything else");
    }
    let csv = std::fs::read_to_string(formats_common::export(&sb, "csv", "serov.csv")).unwrap();
    let captions = csv.lines().find(|l| l.starts_with("№ п/п")).unwrap();
    assert!(captions.contains(";Ответственный исполнитель;"), "{csv}");
}
