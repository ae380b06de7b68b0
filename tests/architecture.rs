//! The layering of docs/architecture.md, checked: its table of modules says what each
//! module may use, and every `crate::…` path (`use` or inline, grouped or not, `super::`
//! climbing out of a module) and every external crate a module's product code names must
//! be in its row. Code under `#[cfg(test)]` is not product code and is not checked.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod source {
    //! Rust source with comments, strings and test-only items taken out.

    /// Replaces comments, string and char literals by spaces (keeping line breaks), so that
    /// what is left is code.
    pub fn code_only(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let next = chars.get(i + 1).copied();
            if c == '/' && next == Some('/') {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            } else if c == '/' && next == Some('*') {
                i = skip_block_comment(&chars, i, &mut out);
            } else if c == 'r' && matches!(next, Some('"' | '#')) && !ident_before(&chars, i) {
                i = skip_raw_string(&chars, i, &mut out);
            } else if c == '"' {
                i = skip_string(&chars, i, &mut out);
            } else if c == '\'' && is_char_literal(&chars, i) {
                i = skip_char(&chars, i);
                out.push(' ');
            } else {
                out.push(c);
                i += 1;
            }
        }
        out
    }

    fn ident_before(chars: &[char], i: usize) -> bool {
        i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
    }

    fn keep_newlines(chars: &[char], from: usize, to: usize, out: &mut String) {
        out.extend(chars[from..to.min(chars.len())].iter().filter(|c| **c == '\n'));
        out.push(' ');
    }

    fn skip_block_comment(chars: &[char], start: usize, out: &mut String) -> usize {
        let (mut i, mut depth) = (start + 2, 1);
        while i < chars.len() && depth > 0 {
            if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                depth += 1;
                i += 1;
            } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                depth -= 1;
                i += 1;
            }
            i += 1;
        }
        keep_newlines(chars, start, i, out);
        i
    }

    fn skip_raw_string(chars: &[char], start: usize, out: &mut String) -> usize {
        let mut i = start + 1;
        let mut hashes = 0;
        while chars.get(i) == Some(&'#') {
            hashes += 1;
            i += 1;
        }
        if chars.get(i) != Some(&'"') {
            out.push('r');
            return start + 1;
        }
        i += 1;
        while i < chars.len() {
            if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                i += 1 + hashes;
                break;
            }
            i += 1;
        }
        keep_newlines(chars, start, i, out);
        i
    }

    fn skip_string(chars: &[char], start: usize, out: &mut String) -> usize {
        let mut i = start + 1;
        while i < chars.len() && chars[i] != '"' {
            i += if chars[i] == '\\' { 2 } else { 1 };
        }
        keep_newlines(chars, start, i + 1, out);
        i + 1
    }

    /// `'x'`, `'\n'`, `'\u{1F}'` — not a lifetime such as `'a` or `'static`.
    fn is_char_literal(chars: &[char], i: usize) -> bool {
        matches!((chars.get(i + 1), chars.get(i + 2)), (Some('\\'), _) | (Some(_), Some('\'')))
    }

    fn skip_char(chars: &[char], start: usize) -> usize {
        let mut i = start + 1;
        while i < chars.len() && chars[i] != '\'' {
            i += if chars[i] == '\\' { 2 } else { 1 };
        }
        i + 1
    }

    /// The code without the items marked `#[cfg(test)]`, and the names of the modules so
    /// marked that live in files of their own (`#[cfg(test)] mod tests;`).
    pub fn without_test_items(code: &str) -> (String, Vec<String>) {
        let mut out = code.to_owned();
        let mut test_modules = Vec::new();
        while let Some(at) = out.find("#[cfg(test)]") {
            let after = at + "#[cfg(test)]".len();
            let rest = &out[after..];
            let semi = rest.find(';');
            let brace = rest.find('{');
            let end = match (brace, semi) {
                (Some(b), Some(s)) if b < s => after + matching_brace(rest, b),
                (Some(b), None) => after + matching_brace(rest, b),
                (_, Some(s)) => {
                    let item = rest[..s].trim();
                    if let Some(name) = item.strip_prefix("mod ").or_else(|| item.strip_prefix("pub mod ")) {
                        test_modules.push(name.trim().to_owned());
                    }
                    after + s + 1
                }
                (None, None) => out.len(),
            };
            out.replace_range(at..end, &" ".repeat(end - at));
        }
        (out, test_modules)
    }

    fn matching_brace(text: &str, open: usize) -> usize {
        let mut depth = 0;
        for (i, c) in text.char_indices().skip_while(|(i, _)| *i < open) {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return i + 1;
                    }
                }
                _ => {}
            }
        }
        text.len()
    }
}

/// The table of docs/architecture.md: module path → what it may use (`*`: anything).
fn rules() -> BTreeMap<String, BTreeSet<String>> {
    let doc = std::fs::read_to_string(root().join("docs/architecture.md")).expect("docs/architecture.md");
    let mut rules = BTreeMap::new();
    let mut in_table = false;
    for line in doc.lines() {
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() == 3 && cells[0] == "module" && cells[2] == "may use" {
            in_table = true;
            continue;
        }
        if !in_table {
            continue;
        }
        if !line.trim_start().starts_with('|') {
            break;
        }
        if cells[0].starts_with("---") {
            continue;
        }
        let module = cells[0].trim_matches('`').to_owned();
        let allowed = cells[2].split(',').map(|c| c.trim().trim_matches('`').to_owned()).filter(|c| !c.is_empty());
        rules.insert(module, allowed.collect());
    }
    assert!(rules.len() > 10, "docs/architecture.md has no table of modules the test can read");
    rules
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The crates of `[dependencies]`, as code names them (`quick-xml` is `quick_xml`).
fn external_crates() -> BTreeSet<String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    let section = manifest.split("\n[dependencies]\n").nth(1).expect("a [dependencies] table");
    let section = section.split("\n[").next().unwrap_or_default();
    section
        .lines()
        .filter_map(|l| l.split_once('=').map(|(name, _)| name.trim()))
        .filter(|n| !n.is_empty() && !n.starts_with('#'))
        .map(|n| n.replace('-', "_"))
        .collect()
}

/// A source file and the module path it holds (`src/tui/runtime/effects.rs` → tui::runtime::effects).
struct SourceFile {
    path: PathBuf,
    module: Vec<String>,
}

fn source_files(dir: &Path, module: &[String], out: &mut Vec<SourceFile>, test_only: &BTreeSet<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if test_only.iter().any(|t| path.starts_with(t)) {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            let mut inner = module.to_vec();
            inner.push(stem);
            source_files(&path, &inner, out, test_only);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let mut m = module.to_vec();
            if !matches!(stem.as_str(), "mod" | "lib" | "main") {
                m.push(stem);
            }
            out.push(SourceFile { path, module: m });
        }
    }
}

/// Every file, with the files of `#[cfg(test)] mod x;` modules left out.
fn product_files() -> Vec<SourceFile> {
    let src = root().join("src");
    let mut test_only = BTreeSet::new();
    let mut all = Vec::new();
    source_files(&src, &[], &mut all, &test_only);
    for file in &all {
        let (_, test_modules) = source::without_test_items(&source::code_only(&read(&file.path)));
        let dir = if file.path.file_name().is_some_and(|n| n == "mod.rs" || n == "lib.rs") {
            file.path.parent().unwrap().to_path_buf()
        } else {
            file.path.with_extension("")
        };
        for m in test_modules {
            test_only.insert(dir.join(format!("{m}.rs")));
            test_only.insert(dir.join(&m));
        }
    }
    let mut files = Vec::new();
    source_files(&src, &[], &mut files, &test_only);
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn ident_at(code: &str, at: usize) -> Option<&str> {
    let rest = code[at..].trim_start();
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// The first names of a `{a::b, c, d as e}` group at `open`.
fn group_heads(code: &str, open: usize) -> Vec<String> {
    let mut heads = Vec::new();
    let (mut depth, mut start) = (0, open + 1);
    for (i, c) in code[open..].char_indices().map(|(i, c)| (i + open, c)) {
        match c {
            '{' => depth += 1,
            '}' | ',' if depth == 1 => {
                if let Some(head) = ident_at(code, start) {
                    heads.push(head.to_owned());
                }
                start = i + 1;
                if c == '}' {
                    break;
                }
            }
            '}' => depth -= 1,
            _ => {}
        }
    }
    heads
}

/// The top-level modules a file's code names through `crate::`, `$crate::` aside.
fn crate_references(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut from = 0;
    while let Some(found) = code[from..].find("crate") {
        let at = from + found;
        from = at + 5;
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = code[from..].trim_start();
        let Some(path) = rest.strip_prefix("::") else { continue };
        let offset = code.len() - path.len();
        let path = path.trim_start();
        if path.starts_with('{') {
            out.extend(group_heads(code, code.len() - path.len()));
        } else if let Some(head) = ident_at(code, offset) {
            out.insert(head.to_owned());
        }
    }
    out.into_iter().map(|m| if m == "tr" { "i18n".to_owned() } else { m }).collect()
}

/// Modules reached by climbing out of the file's module with `super::` to the crate's root.
fn super_escapes(code: &str, depth: usize) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut compact: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
    while compact.contains(" ::") || compact.contains(":: ") {
        compact = compact.replace(" ::", "::").replace(":: ", "::");
    }
    let needle = "super::".repeat(depth);
    if depth == 0 {
        return out;
    }
    let mut from = 0;
    while let Some(found) = compact[from..].find(&needle) {
        let at = from + found;
        from = at + needle.len();
        let before = compact[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &compact[from..];
        if rest.starts_with("super::") {
            continue;
        }
        if rest.starts_with('{') {
            out.extend(group_heads(&compact, from));
        } else if let Some(head) = ident_at(&compact, from) {
            out.insert(head.to_owned());
        }
    }
    out
}

/// External crates named at the start of a path (`zip::…`, `use sled::Tree`), not counting
/// a module of the same name that the file declares (`mod csv;`).
fn external_references(code: &str, crates: &BTreeSet<String>) -> BTreeSet<String> {
    let local: BTreeSet<&str> = code
        .split(';')
        .filter_map(|stmt| {
            let s = stmt.trim();
            let s = s.strip_prefix("pub(crate) ").or_else(|| s.strip_prefix("pub ")).unwrap_or(s);
            s.strip_prefix("mod ").map(str::trim)
        })
        .collect();
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices("::") {
        let before = &code[..i];
        let start = before.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |p| p + 1);
        let name = &before[start..];
        let prev = before[..start].trim_end();
        let is_path_root = !prev.ends_with("::") && !prev.ends_with('$') && !prev.ends_with('.');
        if is_path_root && crates.contains(name) && !local.contains(name) {
            out.insert(name.to_owned());
        }
    }
    out
}

/// The most specific row for a module path.
fn rule_for<'a>(
    rules: &'a BTreeMap<String, BTreeSet<String>>,
    module: &[String],
) -> Option<(&'a str, &'a BTreeSet<String>)> {
    (1..=module.len()).rev().find_map(|n| {
        let key = module[..n].join("::");
        rules.get_key_value(&key).map(|(k, v)| (k.as_str(), v))
    })
}

fn violations() -> Vec<String> {
    let rules = rules();
    let crates = external_crates();
    let mut found = Vec::new();
    for file in product_files() {
        let Some(top) = file.module.first() else { continue };
        let Some((row, allowed)) = rule_for(&rules, &file.module) else {
            found.push(format!("{}: module `{top}` has no row in docs/architecture.md", file.path.display()));
            continue;
        };
        if allowed.contains("*") {
            continue;
        }
        let (code, _) = source::without_test_items(&source::code_only(&read(&file.path)));
        let depth = file.module.len();
        let mut used: BTreeSet<String> = crate_references(&code);
        used.extend(super_escapes(&code, depth));
        used.extend(external_references(&code, &crates));
        for name in used {
            if name != *top && name != "std" && !allowed.contains(&name) {
                let shown = file.path.strip_prefix(root()).unwrap_or(&file.path).display().to_string();
                found.push(format!("{shown}: `{row}` uses `{name}`, which its row does not allow"));
            }
        }
    }
    found
}

#[test]
fn every_module_uses_only_what_the_architecture_table_allows() {
    let found = violations();
    assert!(found.is_empty(), "imports docs/architecture.md does not allow:\n  {}", found.join("\n  "));
}

#[test]
fn the_checker_sees_every_form_of_a_path() {
    let code = source::code_only(
        "use crate::store::Store;\nuse crate::{model::Draft, domain};\nfn f() { crate::server::x(); }\n\
         // crate::commented::Out\nlet s = \"crate::quoted::Out\";\nuse crate::tr;\n",
    );
    let refs = crate_references(&code);
    assert_eq!(refs, ["domain", "i18n", "model", "server", "store"].map(String::from).into_iter().collect());
    let (code, tests) = source::without_test_items(&source::code_only(
        "use a::b;\n#[cfg(test)]\nmod tests { use crate::store::X; }\n#[cfg(test)]\nmod more;\n",
    ));
    assert!(crate_references(&code).is_empty(), "{code}");
    assert_eq!(tests, ["more"]);
    let escapes = super_escapes(&source::code_only("use super::super::store::Store; use super::x;"), 2);
    assert_eq!(escapes, ["store".to_owned()].into_iter().collect());
    let crates: BTreeSet<String> = ["sled", "zip", "csv"].map(String::from).into_iter().collect();
    let ext =
        external_references(&source::code_only("mod csv;\nuse sled::Db;\nfn f() { csv::w(); a::zip::x(); }"), &crates);
    assert_eq!(ext, ["sled".to_owned()].into_iter().collect());
}
