//! A dump (a JSON export or a backup) is checked whole before anything is written: ids once
//! each, entries only for items of the plan, periods within the plan's years, revisions in
//! order, agreeing with the history and far from wrapping. A bad one is refused naming the
//! problem, by `restore` and by the server (a JSON `import`), and no store is made.

mod common;

use common::{Sandbox, assert_ok, sample_path, stderr};
use serde_json::Value;

/// The sample's dump, changed by `spoil`, written as a file of `sb`.
fn spoiled(sb: &Sandbox, name: &str, spoil: impl FnOnce(&mut Value)) -> std::path::PathBuf {
    let source = Sandbox::new();
    assert_ok(&source.run(&["import", sample_path().to_str().unwrap()]));
    let dump = source.path().join("dump.json");
    assert_ok(&source.run(&["export", "--format", "json", "--output", dump.to_str().unwrap()]));
    let mut value: Value = serde_json::from_slice(&std::fs::read(&dump).unwrap()).unwrap();
    spoil(&mut value);
    sb.write(name, serde_json::to_string(&value).unwrap().as_bytes())
}

fn refused(sb: &Sandbox, args: &[&str], says: &str) {
    let out = sb.run(args);
    assert_ne!(out.status.code(), Some(0), "{}", stderr(&out));
    let length = stderr(&out).contains("длиной");
    assert!(stderr(&out).contains("хранилище не изменено") || length, "{}", stderr(&out));
    assert!(stderr(&out).contains(says), "wanted «{says}»: {}", stderr(&out));
    let status = sb.run(&["status"]);
    assert_ne!(status.status.code(), Some(0), "nothing was loaded: {}", common::stdout(&status));
}

/// A change that breaks one rule of a dump.
type Spoil = Box<dyn FnOnce(&mut Value)>;

fn entries(v: &mut Value) -> &mut Vec<Value> {
    v["plans"][0]["periods"][0]["entries"].as_array_mut().unwrap()
}

#[test]
fn each_broken_rule_is_refused_by_restore_naming_it() {
    let cases: Vec<(&str, Spoil)> = vec![
        (
            "дважды встречается пункт",
            Box::new(|v| v["plans"][0]["items"][1]["id"] = v["plans"][0]["items"][0]["id"].clone()),
        ),
        ("которого нет в плане", Box::new(|v| entries(v)[0]["item"] = Value::from(99_999))),
        (
            "две записи для пункта",
            Box::new(|v| {
                let first = entries(v)[0].clone();
                entries(v).push(first);
            }),
        ),
        (
            "период 2020-Q1 встречается дважды",
            Box::new(|v| {
                let period = v["plans"][0]["periods"][0].clone();
                v["plans"][0]["periods"].as_array_mut().unwrap().push(period);
            }),
        ),
        (
            "вне лет плана (2020–2020)",
            Box::new(|v| v["plans"][0]["periods"][0]["period"]["id"]["year"] = Value::from(2019)),
        ),
        ("последняя в истории", Box::new(|v| entries(v)[0]["entry"]["revision"] = Value::from(5))),
        ("последняя в истории — 0", Box::new(|v| entries(v)[0]["history"] = Value::Array(vec![]))),
        (
            "реквизиты правового акта",
            Box::new(|v| v["plans"][0]["plan"]["approved_by"] = Value::from("ж".repeat(3 << 20))),
        ),
        ("имя пользователя", Box::new(|v| entries(v)[0]["entry"]["changed_by"] = Value::from("ж".repeat(3 << 20)))),
        (
            "недопустимый номер редакции 18446744073709551615",
            Box::new(|v| {
                entries(v)[0]["entry"]["revision"] = Value::from(u64::MAX);
                entries(v)[0]["history"][0]["revision"] = Value::from(u64::MAX);
            }),
        ),
    ];
    for (says, spoil) in cases {
        let sb = Sandbox::new();
        let file = spoiled(&sb, "bad.json", spoil);
        refused(&sb, &["restore", file.to_str().unwrap()], says);
        assert!(!sb.db().join("db").exists(), "{says}: no store was made");
    }
}

#[test]
fn the_server_refuses_a_bad_dump_too() {
    let sb = Sandbox::new();
    let file = spoiled(&sb, "bad.json", |v| {
        entries(v)[0]["entry"]["revision"] = Value::from(u64::MAX);
        entries(v)[0]["history"][0]["revision"] = Value::from(u64::MAX);
    });
    refused(&sb, &["import", file.to_str().unwrap()], "недопустимый номер редакции");
}

#[test]
fn a_good_dump_still_loads() {
    let sb = Sandbox::new();
    let file = spoiled(&sb, "good.json", |_| {});
    assert_ok(&sb.run(&["restore", file.to_str().unwrap()]));
    assert_ok(&sb.run(&["status"]));
}
