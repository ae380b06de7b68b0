use std::collections::BTreeSet;
use std::path::Path;

use super::*;

fn keys(source: &str) -> BTreeSet<String> {
    let resource = FluentResource::try_new(source.to_owned()).expect("catalogue parses");
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[test]
fn both_catalogues_parse_and_hold_the_same_keys() {
    let ru = keys(RU);
    let en = keys(EN);
    assert_eq!(ru.difference(&en).collect::<Vec<_>>(), Vec::<&String>::new(), "missing in en.ftl");
    assert_eq!(en.difference(&ru).collect::<Vec<_>>(), Vec::<&String>::new(), "missing in ru.ftl");
}

fn collect_used_keys(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.ends_with("i18n") {
            continue; // the catalogue's own docs and tests
        }
        if path.is_dir() {
            collect_used_keys(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for part in text.split("tr!(\"").skip(1) {
                if let Some(end) = part.find('"') {
                    out.insert(part[..end].to_owned());
                }
            }
        }
    }
}

#[test]
fn every_key_the_code_uses_is_in_the_catalogue() {
    let mut used = BTreeSet::new();
    collect_used_keys(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut used);
    let ru = keys(RU);
    let missing: Vec<_> = used.iter().filter(|k| !ru.contains(*k)).collect();
    assert!(missing.is_empty(), "keys used in code but not in ru.ftl: {missing:?}");
}

#[test]
fn russian_plurals_follow_cldr() {
    let items = |n: i64| message_in(Lang::Ru, "count-items", &[("n", Arg::Num(n))]);
    assert_eq!(items(1), "1 пункт");
    assert_eq!(items(2), "2 пункта");
    assert_eq!(items(5), "5 пунктов");
    assert_eq!(items(11), "11 пунктов");
    assert_eq!(items(21), "21 пункт");
    assert_eq!(items(22), "22 пункта");
    assert_eq!(items(0), "0 пунктов");
    let en = |n: i64| message_in(Lang::En, "count-items", &[("n", Arg::Num(n))]);
    assert_eq!(en(1), "1 item");
    assert_eq!(en(5), "5 items");
}

#[test]
fn language_from_locale_names() {
    assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
    assert_eq!(Lang::parse("ru_RU.UTF-8"), Some(Lang::Ru));
    assert_eq!(Lang::parse("C.UTF-8"), None);
}
