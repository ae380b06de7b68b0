//! `status --json` is made from the items the server keeps rendered (`server::rendered`):
//! after edits of every kind, the output of a server that kept them is the output of a
//! server started afresh, which renders every item from the store.

mod common;

use common::server::{item_of, numbered_report, q1};
use common::{Sandbox, assert_ok, stdout};
use otchet::domain::{EntryEdit, Review};
use otchet::model::PlanChange;

const ASKED: [&str; 6] = ["status", "--json", "--period", "2020-Q1", "--as-of", "2020-04-10"];

fn status_json(sb: &Sandbox, more: &[&str]) -> String {
    let out = sb.run(&[&ASKED[..], more].concat());
    assert_ok(&out);
    stdout(&out)
}

#[test]
fn status_json_after_edits_is_what_a_fresh_server_writes() {
    let sb = Sandbox::new();
    let server = sb.start_server(&["--idle-timeout", "30"]);
    let mut owner = sb.client();
    // About 1.5 MB of texts: several segments of kept items.
    let texts = |i: usize| format!("Сделано {i}: ") + &"проведено совещание, принято «решение»; ".repeat(12);
    owner.import(numbered_report(2000, texts)).unwrap();
    let before = status_json(&sb, &[]);
    assert_eq!(before, status_json(&sb, &[]), "the same twice");

    let (middle, first, last) = (item_of(&mut owner, "1000"), item_of(&mut owner, "1"), item_of(&mut owner, "2000"));
    let plan = owner.plans().unwrap()[0].plan.id;
    let edit = |item, info: &str| EntryEdit {
        period: q1(),
        item,
        base_revision: 1,
        info: info.into(),
        assessment: "Выполнено".into(),
    };
    owner.save(edit(middle, "Новый текст: \"кавычки\",\nстрока\u{85} и \u{202E}знак")).unwrap();
    owner.set_responsible(plan, first, "Юридический отдел".into()).unwrap();
    owner.set_review(q1(), last, Review::Ready).unwrap();
    owner
        .set_plan(plan, PlanChange { organisation: Some("Администрация округа".into()), ..Default::default() })
        .unwrap();
    let kept = status_json(&sb, &[]);
    assert_ne!(kept, before);
    let json: serde_json::Value = serde_json::from_str(&kept).unwrap();
    let items = json["items"].as_array().unwrap();
    assert_eq!(items[999]["info"], "Новый текст: \"кавычки\",\nстрока\u{85} и \u{202E}знак");
    assert!(kept.contains(r#"\"кавычки\",\nстрока\u0085 и \u202eзнак"#), "escaped as before");
    assert_eq!(
        (items[0]["responsible"].as_str(), items[1999]["review"].as_str()),
        (Some("Юридический отдел"), Some("ready"))
    );
    assert_eq!(json["plan"]["organisation"], "Администрация округа");
    let kept_of_one = status_json(&sb, &["--responsible", "юридический"]);

    drop(owner);
    assert_ok(&sb.run(&["serve", "--stop"]));
    drop(server);
    let _fresh_server = sb.start_server(&["--idle-timeout", "30"]);
    assert_eq!(status_json(&sb, &[]), kept, "rendered afresh from the store");
    assert_eq!(status_json(&sb, &["--responsible", "юридический"]), kept_of_one);
    let one: serde_json::Value = serde_json::from_str(&kept_of_one).unwrap();
    assert_eq!(one["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(one["counts"]["items"], 1);
}
