use std::collections::{BTreeMap, BTreeSet};
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

/// A `tr!` call as the source writes it: its key and the names of its arguments.
#[derive(Debug)]
struct Call {
    key: String,
    args: BTreeSet<String>,
    place: String,
}

/// The string literal starting at `chars[at]` (a `"`), and the index after it.
fn literal(chars: &[char], at: usize) -> Option<(String, usize)> {
    if chars.get(at) != Some(&'"') {
        return None;
    }
    let mut out = String::new();
    let mut i = at + 1;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                out.push(*chars.get(i + 1)?);
                i += 2;
            }
            '"' => return Some((out, i + 1)),
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    None
}

/// The text inside the parentheses that open at `chars[open]`, and the index after them.
fn parenthesised(chars: &[char], open: usize) -> Option<(Vec<char>, usize)> {
    let mut depth = 0;
    let mut i = open;
    while i < chars.len() {
        match chars[i] {
            '"' => i = literal(chars, i)?.1 - 1,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some((chars[open + 1..i].to_vec(), i + 1));
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The names of `name = value` arguments at the top level of a macro's input.
fn argument_names(inside: &[char]) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut depth = 0;
    let mut segment = String::new();
    let mut i = 0;
    let mut flush = |segment: &mut String| {
        if let Some((name, _)) = segment.split_once('=') {
            let name = name.trim();
            if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                names.insert(name.to_owned());
            }
        }
        segment.clear();
    };
    while i < inside.len() {
        let c = inside[i];
        match c {
            '"' => {
                let end = literal(inside, i).map_or(inside.len(), |(_, end)| end);
                i = end;
                segment.push('_');
                continue;
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                flush(&mut segment);
                i += 1;
                continue;
            }
            _ => {}
        }
        segment.push(c);
        i += 1;
    }
    flush(&mut segment);
    names
}

/// Every `tr!(…)` call of a source file, however it is spread over lines.
fn calls_in(text: &str, file: &Path, out: &mut Vec<Call>) {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i + 3 < chars.len() {
        let is_call = chars[i] == 't'
            && chars[i + 1] == 'r'
            && chars[i + 2] == '!'
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_'));
        if !is_call {
            i += 1;
            continue;
        }
        let mut open = i + 3;
        while chars.get(open).is_some_and(|c| c.is_whitespace()) {
            open += 1;
        }
        let Some((inside, end)) = (chars.get(open) == Some(&'(')).then(|| parenthesised(&chars, open)).flatten() else {
            i += 3;
            continue;
        };
        let start = inside.iter().position(|c| !c.is_whitespace()).unwrap_or(0);
        if let Some((key, after)) = literal(&inside, start) {
            let line = text[..chars[..i].iter().map(|c| c.len_utf8()).sum::<usize>()].matches('\n').count() + 1;
            let args = argument_names(&inside[after..]);
            out.push(Call { key, args, place: format!("{}:{line}", file.display()) });
        }
        i = end;
    }
}

fn source_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/tests.rs") {
            out.push(path);
        }
    }
}

fn all_sources() -> Vec<(std::path::PathBuf, String)> {
    let mut files = Vec::new();
    source_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    files.into_iter().map(|p| (p.clone(), std::fs::read_to_string(&p).unwrap())).collect()
}

/// The text without `//` comments (doc comments show calls that are not calls), string
/// literals kept.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        let mut in_string = false;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if !in_string && c == '/' && chars.get(i + 1) == Some(&'/') {
                break;
            }
            if c == '\\' && in_string {
                out.push(c);
                if let Some(next) = chars.get(i + 1) {
                    out.push(*next);
                }
                i += 2;
                continue;
            }
            if c == '"' {
                in_string = !in_string;
            }
            out.push(c);
            i += 1;
        }
        out.push('\n');
    }
    out
}

fn all_calls() -> Vec<Call> {
    let mut calls = Vec::new();
    for (path, text) in all_sources() {
        calls_in(&without_comments(&text), &path, &mut calls);
    }
    calls
}

#[test]
fn no_key_is_defined_twice() {
    for (name, source) in [("ru.ftl", RU), ("en.ftl", EN)] {
        let resource = FluentResource::try_new(source.to_owned()).expect("catalogue parses");
        let mut seen = BTreeSet::new();
        let twice: Vec<&str> = resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name),
                _ => None,
            })
            .filter(|k| !seen.insert(*k))
            .collect();
        assert!(twice.is_empty(), "{name} defines these twice (the second is never used): {twice:?}");
    }
}

#[test]
fn both_catalogues_parse_and_hold_the_same_keys() {
    let ru = keys(RU);
    let en = keys(EN);
    assert_eq!(ru.difference(&en).collect::<Vec<_>>(), Vec::<&String>::new(), "missing in en.ftl");
    assert_eq!(en.difference(&ru).collect::<Vec<_>>(), Vec::<&String>::new(), "missing in ru.ftl");
}

#[test]
fn the_call_finder_reads_calls_over_several_lines() {
    let text =
        "let a = tr!(\"one\");\nlet b = tr!(\n    \"two\",\n    n = f(x, y),\n    path = \"a,b\"\n);\nstr!(\"no\");";
    let mut calls = Vec::new();
    calls_in(text, Path::new("x.rs"), &mut calls);
    let found: Vec<(&str, Vec<&str>)> =
        calls.iter().map(|c| (c.key.as_str(), c.args.iter().map(String::as_str).collect())).collect();
    assert_eq!(found, [("one", vec![]), ("two", vec!["n", "path"])]);
    assert_eq!(calls[1].place, "x.rs:2");
}

#[test]
fn every_key_the_code_uses_is_in_the_catalogue() {
    let ru = keys(RU);
    let mut used: Vec<(String, String)> = all_calls().into_iter().map(|c| (c.key, c.place)).collect();
    used.extend(crate::tui::command::Command::ALL.iter().map(|c| (c.description_key().to_owned(), format!("{c:?}"))));
    used.extend(crate::tui::keymap::Pane::ALL.iter().map(|p| (p.title_key().to_owned(), format!("{p:?}"))));
    let missing: Vec<_> = used.iter().filter(|(k, _)| !ru.contains(k)).collect();
    assert!(missing.is_empty(), "keys used in code but not in ru.ftl: {missing:?}");
}

#[test]
fn every_message_formats_without_errors_with_the_arguments_its_callers_give() {
    let mut args_of: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for call in all_calls() {
        args_of.entry(call.key).or_default().extend(call.args);
    }
    for lang in [Lang::Ru, Lang::En] {
        let bundle = bundle(lang);
        for key in keys(if lang == Lang::Ru { RU } else { EN }) {
            let Some(pattern) = bundle.get_message(&key).and_then(|m| m.value()) else {
                panic!("{key} has no value in {lang:?}");
            };
            let mut fargs = FluentArgs::new();
            for name in args_of.get(&key).into_iter().flatten().chain(["n".to_owned()].iter()) {
                fargs.set(name.clone(), FluentValue::from(3));
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
            assert!(errors.is_empty(), "{lang:?} {key}: {errors:?} (callers give {:?})", args_of.get(&key));
            assert!(!text.trim().is_empty(), "{lang:?} {key} is empty");
        }
    }
}

#[test]
fn every_key_of_the_catalogue_is_used_by_the_code() {
    let code: String = all_sources().into_iter().map(|(_, text)| text).collect();
    let unused: Vec<String> = keys(RU).into_iter().filter(|k| !code.contains(&format!("\"{k}\""))).collect();
    assert!(unused.is_empty(), "keys in ru.ftl that no code uses: {unused:?}");
}

#[test]
fn russian_plurals_follow_cldr() {
    let items = |n: i64| message_in(Lang::Ru, "count-total", &[("n", Arg::Num(n))]);
    assert_eq!(items(1), "всего 1 пункт");
    assert_eq!(items(2), "всего 2 пункта");
    assert_eq!(items(5), "всего 5 пунктов");
    assert_eq!(items(11), "всего 11 пунктов");
    assert_eq!(items(21), "всего 21 пункт");
    assert_eq!(items(22), "всего 22 пункта");
    assert_eq!(items(0), "всего 0 пунктов");
    let en = |n: i64| message_in(Lang::En, "count-total", &[("n", Arg::Num(n))]);
    assert_eq!(en(1), "1 item in all");
    assert_eq!(en(5), "5 items in all");
}

#[test]
fn language_from_locale_names() {
    assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
    assert_eq!(Lang::parse("ru_RU.UTF-8"), Some(Lang::Ru));
    assert_eq!(Lang::parse("C.UTF-8"), None);
}
