//! `otchet import` and `otchet status` through the built binary.

mod common;

use common::{Sandbox, assert_ok, sample_path, stderr, stdout};
use serde_json::Value;

fn status_json(sb: &Sandbox, args: &[&str]) -> Value {
    let mut all = vec!["status", "--json"];
    all.extend_from_slice(args);
    let out = sb.run(&all);
    assert_ok(&out);
    let json = serde_json::from_str(&stdout(&out)).expect("status --json prints JSON");
    common::assert_counts_agree(&json);
    json
}

fn points_with_flag(status: &Value, flag: &str) -> Vec<String> {
    status["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["flags"].as_array().unwrap().iter().any(|f| f == flag))
        .map(|i| i["point"].as_str().unwrap().to_owned())
        .collect()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn the_sample_as_of_13_april_2020() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    let status = status_json(&sb, &["--period", "2020-Q1", "--as-of", "2020-04-13"]);

    assert_eq!(status["items"].as_array().unwrap().len(), 72);
    assert_eq!(points_with_flag(&status, "overdue"), strings(&["70", "72"]));
    assert_eq!(
        points_with_flag(&status, "no_result"),
        strings(&["44", "64", "65", "66", "67", "68", "69", "70", "71", "72"])
    );
    assert_eq!(points_with_flag(&status, "done"), strings(&["14", "30", "43", "54", "55", "56", "59"]));
    assert!(points_with_flag(&status, "due_soon").is_empty());

    assert_eq!(status["plan"]["organisation"], "Администрация Серовского городского округа");
    assert_eq!(status["plan"]["year"], 2020);
    assert_eq!(status["period"]["id"], "2020-Q1");
    assert_eq!(status["period"]["title"], "I квартал 2020 года");
    assert_eq!(status["period"]["start"], "2020-01-01");
    assert_eq!(status["period"]["end"], "2020-03-31");
    assert_eq!(status["as_of"], "2020-04-13");
    let counts = &status["counts"];
    assert_eq!(
        (&counts["items"], &counts["overdue"], &counts["no_result"], &counts["due_soon"], &counts["done"]),
        (&Value::from(72), &Value::from(2), &Value::from(10), &Value::from(0), &Value::from(7))
    );
    let item9 = &status["items"][8];
    assert_eq!((&item9["seq"], &item9["point"]), (&Value::from("9"), &Value::from("9")));
    assert_eq!(item9["deadline"]["kind"], "recurring");
    let due: Vec<(&str, &str)> = item9["deadline"]["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["date"].as_str().unwrap(), d["reports_on"].as_str().unwrap()))
        .collect();
    assert_eq!(
        due,
        [("2020-04-05", "2020-Q1"), ("2020-07-05", "2020-Q2"), ("2020-10-05", "2020-Q3"), ("2021-01-05", "2020-Q4")]
    );
    assert_eq!(status["items"][62]["deadline"]["kind"], "mixed");
    assert!(status["items"][0]["info"].as_str().unwrap().contains("\n\n1. Постановление главы"));
}

#[test]
fn defaults_to_the_latest_period_and_prints_a_text_summary() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    let status = status_json(&sb, &["--as-of", "2020-04-13"]);
    assert_eq!(status["period"]["id"], "2020-Q1");

    let out = sb.run(&["status", "--as-of", "2020-04-13"]);
    assert_ok(&out);
    let text = stdout(&out);
    assert!(text.contains("72 пункта"), "{text}");
    assert!(text.contains("просрочено: 2 · без результата: 10 · скоро срок: 0 · выполнено: 7"), "{text}");
    assert!(!text.contains('\x1b'), "no colour codes when piped");
    let overdue_section = text.split("Без результата").next().unwrap();
    assert!(overdue_section.contains(" 70 ") && overdue_section.contains(" 72 "), "{text}");
}

#[test]
fn importing_twice_changes_nothing() {
    let sb = Sandbox::new();
    let file = sample_path();
    assert_ok(&sb.run(&["import", file.to_str().unwrap()]));
    let before = stdout(&sb.run(&["status", "--json", "--as-of", "2020-04-13"]));
    let again = sb.run(&["import", file.to_str().unwrap()]);
    assert_ok(&again);
    assert!(stdout(&again).contains("ничего не изменилось"), "{}", stdout(&again));
    assert_eq!(stdout(&sb.run(&["status", "--json", "--as-of", "2020-04-13"])), before);
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    for (args, needle) in [
        (vec!["status", "--period", "2020-Q9"], "2020-Q9"),
        (vec!["status", "--as-of", "31.02.2020"], "31.02.2020"),
        (vec!["status", "--as-of", "20-04-13"], "20-04-13"),
        (vec!["status", "--period", "2021-Q1"], "2021-Q1"),
        (vec!["status", "--frobnicate"], "--frobnicate"),
        (vec!["import"], "ФАЙЛ"),
    ] {
        let out = sb.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"));
    }
}

#[test]
fn as_of_takes_the_russian_way_of_writing_a_date_too() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    let iso = stdout(&sb.run(&["status", "--json", "--as-of", "2020-04-13"]));
    assert_eq!(stdout(&sb.run(&["status", "--json", "--as-of", "13.04.2020"])), iso);
}

#[test]
fn help_is_russian_by_default_and_english_on_request() {
    let sb = Sandbox::new();
    let ru = sb.otchet().arg("--help").output().unwrap();
    assert_ok(&ru);
    assert!(stdout(&ru).contains("Команды:") && stdout(&ru).contains("status"), "{}", stdout(&ru));
    let en = sb.otchet().args(["--lang", "en", "status", "--help"]).output().unwrap();
    assert!(stdout(&en).contains("Options:") && stdout(&en).contains("--as-of"), "{}", stdout(&en));
    let en_env = sb.otchet().env("LANG", "en_GB.UTF-8").arg("--help").output().unwrap();
    assert!(stdout(&en_env).contains("Commands:"), "{}", stdout(&en_env));
}

#[test]
fn a_store_held_by_another_process_is_named() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    // The server the import started lets go of the store, then another process takes it.
    assert_ok(&sb.run(&["serve", "--stop"]));
    let _held = otchet::store::Store::open(&sb.db(), &otchet::store::StoreOptions::default()).unwrap();
    let out = sb.run(&["status"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("уже открыто другим процессом"), "{}", stderr(&out));
}

#[test]
fn the_standard_assessments_are_kept_in_the_store() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    let out = sb.run(&["assessments"]);
    assert_ok(&out);
    assert!(stdout(&out).starts_with("1  выполнено в полном объеме в установленные сроки\n"), "{}", stdout(&out));
    assert_eq!(stdout(&out).lines().count(), 4);
    assert_ok(&sb.run(&["assessments", "set", "выполнено", "не выполнено"]));
    assert_eq!(stdout(&sb.run(&["assessments", "list"])), "1  выполнено\n2  не выполнено\n");
    let out = sb.run(&["assessments", "set", " "]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("оценка № 1 пуста"), "{}", stderr(&out));
}

#[test]
fn a_config_with_two_commands_on_one_key_is_refused_at_start_naming_its_line() {
    let sb = Sandbox::new();
    let dir = sb.path().join("config/otchet");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "lang = \"ru\"\n\n[keys.list]\nsearch = [\"j\"]\n").unwrap();
    let out = sb.run(&[]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("config.toml, строка 4"), "{err}");
    assert!(err.contains("«down»") && err.contains("«search»") && err.contains('j'), "{err}");

    std::fs::write(dir.join("config.toml"), "[keys.list]\ndown = [\"Ctrl-Щ-\"]\n").unwrap();
    let out = sb.run(&[]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("строка 2") && stderr(&out).contains("неизвестная клавиша"), "{}", stderr(&out));
}

#[test]
fn only_import_and_restore_create_a_store_and_a_typo_is_told() {
    let sb = Sandbox::new();
    let typo = sb.path().join("нет-такого");
    for args in [
        &["status"][..],
        &["export", "--format", "json", "--output", "x.json"],
        &["users", "list"],
        &["period", "list"],
    ] {
        let out = sb.otchet().args(args).arg("--db").arg(&typo).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("нет хранилища"), "{args:?}: {}", stderr(&out));
        assert!(!typo.exists(), "{args:?} created {}", typo.display());
    }
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    assert_ok(&sb.run(&["status"]));
}

#[test]
fn os_errors_are_told_in_russian() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    let nowhere = sb.path().join("нет/x.docx");
    let not_a_dir = sb.write("файл", b"x");
    let runs = [
        sb.run(&["export", "--format", "docx", "--output", nowhere.to_str().unwrap()]),
        sb.run(&["backup", nowhere.to_str().unwrap()]),
        sb.run(&["restore", nowhere.to_str().unwrap()]),
        sb.run(&["import", sb.path().to_str().unwrap()]),
        sb.otchet()
            .args(["import", sample_path().to_str().unwrap(), "--db"])
            .arg(not_a_dir.join("s"))
            .output()
            .unwrap(),
    ];
    for out in runs {
        let err = stderr(&out);
        assert!(!out.status.success(), "{err}");
        assert!(!err.contains("os error") && !err.is_ascii(), "{err}");
        assert!(!err.contains("No such") && !err.contains("Not a directory"), "{err}");
    }
}
