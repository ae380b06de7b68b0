//! The reporting cycle from the command line (plans.md, "The reporting cycle"): opening a
//! period with the last one's texts, taking it back, the report date as the default as-of,
//! review states and their history.

mod common;

use common::server::{item_of, q1};
use common::{Sandbox, assert_ok, sample_path, stderr, stdout};
use otchet::domain::{EntryEdit, PeriodId};
use serde_json::Value;

fn sample() -> Sandbox {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    sb
}

fn points_flagged(s: &Value, flag: &str) -> Vec<String> {
    let items = s["items"].as_array().unwrap();
    let flagged = items.iter().filter(|i| i["flags"].as_array().unwrap().iter().any(|f| f == flag));
    flagged.map(|i| i["point"].as_str().unwrap().to_owned()).collect()
}

fn q2() -> PeriodId {
    PeriodId::parse("2020-Q2").unwrap()
}

#[test]
fn a_period_opened_from_the_last_carries_every_text_marked() {
    let sb = sample();
    let before = sb.status_json(&["--period", "2020-Q1", "--as-of", "2020-04-13"]);
    let out = sb.run(&["period", "open", "2020-Q2", "--copy-from", "2020-Q1"]);
    assert_ok(&out);
    assert!(stdout(&out).contains("перенесено текстов из 2020-Q1: 72"), "{}", stdout(&out));
    let after = sb.status_json(&["--period", "2020-Q2", "--as-of", "2020-07-13"]);
    let (old, new) = (before["items"].as_array().unwrap(), after["items"].as_array().unwrap());
    assert_eq!(new.len(), 72);
    for (a, b) in old.iter().zip(new) {
        assert_eq!((&b["info"], &b["assessment"]), (&a["info"], &a["assessment"]), "item {}", a["point"]);
        assert_eq!(b["carried_from"], "2020-Q1", "item {}", a["point"]);
        assert_eq!(b["review"], "open");
    }
    // Again: it is open already, nothing more is copied.
    let again = sb.run(&["period", "open", "2020-Q2", "--copy-from", "2020-Q1"]);
    assert_ok(&again);
    assert!(stdout(&again).contains("уже открыт"), "{}", stdout(&again));
    let list = stdout(&sb.run(&["period", "list"]));
    assert!(list.contains("2020-Q1") && list.contains("2020-Q2") && list.contains("72 пункта"), "{list}");
}

#[test]
fn a_period_is_taken_back_until_something_in_it_is_edited() {
    let sb = sample();
    assert_ok(&sb.run(&["period", "open", "2020-Q2", "--copy-from", "2020-Q1"]));
    assert_ok(&sb.run(&["period", "close", "2020-Q2"]));
    assert!(!stdout(&sb.run(&["period", "list"])).contains("2020-Q2"), "taken back");
    assert_eq!(sb.status_json(&["--as-of", "2020-04-13"])["period"]["id"], "2020-Q1", "the default is Q1 again");

    assert_ok(&sb.run(&["period", "open", "2020-Q2", "--copy-from", "2020-Q1"]));
    let mut client = sb.client();
    let item = item_of(&mut client, "70");
    let edit = EntryEdit {
        period: q2(),
        item,
        base_revision: 1,
        info: "Правка во II квартале".into(),
        assessment: String::new(),
    };
    client.save(edit).unwrap();
    drop(client);
    let refused = sb.run(&["period", "close", "2020-Q2"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("пункт 70") && stderr(&refused).contains("ничего не удалено"),
        "{}",
        stderr(&refused)
    );
    let kept = sb.status_json(&["--period", "2020-Q2", "--as-of", "2020-07-13"]);
    assert_eq!(kept["items"].as_array().unwrap().len(), 72);
    // An imported period is never taken back either.
    let imported = sb.run(&["period", "close", "2020-Q1"]);
    assert_eq!(imported.status.code(), Some(2), "{}", stderr(&imported));
}

#[test]
fn the_report_date_is_the_default_as_of() {
    let sb = sample();
    let out = sb.run(&["period", "set", "2020-Q1", "--report-date", "13.04.2020"]);
    assert_ok(&out);
    let s = sb.status_json(&[]);
    assert_eq!(s["as_of"], "2020-04-13");
    assert_eq!(s["period"]["report_date"], "2020-04-13");
    assert_eq!(points_flagged(&s, "overdue"), ["70", "72"]);
    assert_eq!(points_flagged(&s, "no_result"), ["44", "64", "65", "66", "67", "68", "69", "70", "71", "72"]);
    // --as-of still wins; a two-digit year is refused.
    assert_eq!(sb.status_json(&["--as-of", "2020-12-31"])["as_of"], "2020-12-31");
    let bad = sb.run(&["period", "set", "2020-Q1", "--report-date", "13.04.20"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("13.04.20"), "{}", stderr(&bad));
    assert_ok(&sb.run(&["period", "set", "2020-Q1", "--report-date", ""]));
    assert_eq!(sb.status_json(&["--as-of", "2020-04-13"])["period"]["report_date"], Value::Null);
}

#[test]
fn review_states_move_and_the_history_shows_each_move() {
    let sb = sample();
    assert_ok(&sb.run(&["review", "70", "ready"]));
    let s = sb.status_json(&["--as-of", "2020-04-13"]);
    assert_eq!(s["counts"]["ready"], 1);
    assert_ok(&sb.run(&["review", "70.", "accepted", "--period", "2020-Q1"]));
    let s = sb.status_json(&["--as-of", "2020-04-13"]);
    assert_eq!((s["counts"]["ready"].as_u64(), s["counts"]["accepted"].as_u64()), (Some(0), Some(1)));

    // A save of a changed text opens it again.
    let mut client = sb.client();
    let item = item_of(&mut client, "70");
    let base = client.entry(q1(), item).unwrap().unwrap().revision;
    let edit =
        EntryEdit {
            period: q1(), item, base_revision: base, info: "Новый текст".into(), assessment: String::new()
        };
    client.save(edit).unwrap();
    drop(client);
    let s = sb.status_json(&["--as-of", "2020-04-13"]);
    let seventy = s["items"].as_array().unwrap().iter().find(|i| i["point"] == "70").unwrap();
    assert_eq!(seventy["review"], "open");

    let history = stdout(&sb.run(&["history", "70"]));
    let moves = ["в работе → готово", "готово → принято", "Новый текст"];
    let at: Vec<usize> = moves.iter().map(|m| history.find(m).unwrap_or_else(|| panic!("{m}: {history}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "in time order: {history}");
    let json: Value = serde_json::from_str(&stdout(&sb.run(&["history", "70", "--json"]))).unwrap();
    let events: Vec<&str> = json.as_array().unwrap().iter().map(|e| e["event"].as_str().unwrap()).collect();
    assert_eq!(events, ["revision", "review", "review", "revision"]);
    let bad = sb.run(&["review", "70", "done"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_coordinator_sees_who_owes_what() {
    let sb = Sandbox::new();
    for name in ["plan-4-columns", "report-7-columns"] {
        let shape =
            std::fs::read_to_string(format!("{}/tests/fixtures/shapes/{name}.table", env!("CARGO_MANIFEST_DIR")))
                .unwrap();
        let file = sb.write(&format!("{name}.txt"), formats_txt(&shape).as_bytes());
        assert_ok(&sb.run(&["import", file.to_str().unwrap()]));
    }
    assert_ok(&sb.run(&["period", "set", "2021-Q1", "--report-date", "20.04.2021"]));
    let out = sb.run(&["period", "summary"]);
    assert_ok(&out);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().skip(1).collect();
    assert!(lines[0].contains("Комитет финансов") && lines[0].contains("просрочено 1"), "the most owing first: {text}");
    let cadres = lines.iter().find(|l| l.contains("Отдел кадров")).unwrap();
    assert!(cadres.contains("4 пункта: без результата 1"), "{text}");
    assert!(lines.last().unwrap().contains("Заместитель главы администрации"), "who owes nothing last: {text}");
}

/// The table notation of the shape fixtures as a text export (as tests/formats_common/shapes.rs).
fn formats_txt(shape: &str) -> String {
    let mut out = String::new();
    for l in shape.lines().filter(|l| !l.starts_with('#')) {
        if let Some(h) = l.strip_prefix("|=") {
            out += &format!("\t{}\n\n", h.trim());
        } else if let Some(row) = l.strip_prefix('|') {
            for c in row.trim_end().trim_end_matches('|').split('|') {
                out += &format!("\t{}\n", c.trim().replace("\\n", "\n"));
            }
            out.push('\n');
        } else if let Some(v) = l.strip_prefix("> ") {
            out += &format!("\t{}\n\n", v.trim());
        } else {
            out += &format!("{}\n\n", l.trim());
        }
    }
    out
}

#[test]
fn importing_a_document_again_never_undoes_an_edit_made_in_the_program() {
    let sb = sample();
    let mut client = sb.client();
    let item = item_of(&mut client, "70");
    let base = client.entry(q1(), item).unwrap().unwrap().revision;
    let edit = EntryEdit {
        period: q1(),
        item,
        base_revision: base,
        info: "Исправлено в программе".into(),
        assessment: String::new(),
    };
    client.save(edit).unwrap();
    drop(client);
    let again = sb.run(&["import", sample_path().to_str().unwrap()]);
    assert_ok(&again);
    assert!(
        stdout(&again).contains("текст пункта 70 изменен в программе после загрузки и оставлен как есть"),
        "{}",
        stdout(&again)
    );
    let info = |sb: &Sandbox| {
        let s = sb.status_json(&["--as-of", "2020-04-13"]);
        s["items"].as_array().unwrap().iter().find(|i| i["point"] == "70").unwrap()["info"].clone()
    };
    assert_eq!(info(&sb), "Исправлено в программе");
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap(), "--replace-edited"]));
    assert!(
        info(&sb).as_str().unwrap().starts_with("Направлено 03.04.2020")
            || info(&sb).as_str().unwrap().starts_with("В установленные сроки"),
        "{}",
        info(&sb)
    );
}
