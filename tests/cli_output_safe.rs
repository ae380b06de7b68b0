//! No raw control bytes from the data reach the terminal through any command: titles, the
//! organisation, the signer, responsible names, standard assessments, texts and the
//! messages that quote them come out with ESC, BEL, C1 and bidi controls as visible symbols
//! (colours of `status` on a terminal are the only escape sequences).

mod common;
mod formats_common;

use common::{Sandbox, assert_ok};
use formats_common::text_report;

const HOSTILE: &str = "\x1b]0;взлом\x07\x1b]52;c;AAAA\x07\u{9b}31m\u{202e}перевернуто\x1b[2J";

/// Every byte sequence that would act on a terminal: ESC not starting a colour, BEL, C1,
/// bidi overrides and isolates.
fn acting(output: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = output;
    while let Some(at) = rest.find('\x1b') {
        let tail = &rest[at + 1..];
        let colour = tail.strip_prefix('[').is_some_and(|t| {
            let params: String = t.chars().take_while(|c| c.is_ascii_digit() || *c == ';').collect();
            t[params.len()..].starts_with('m')
        });
        if !colour {
            found.push(tail.chars().take(12).collect());
        }
        rest = tail;
    }
    for c in output.chars() {
        if c == '\x07'
            || ('\u{80}'..='\u{9f}').contains(&c)
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        {
            found.push(format!("U+{:04X}", c as u32));
        }
    }
    found
}

fn hostile_store() -> Sandbox {
    let sb = Sandbox::new();
    let title = format!("Мероприятие {HOSTILE}");
    let info = format!("Сделано {HOSTILE}");
    let report = text_report(&[&["1.", "1.", &title, "До 1 марта 2020 года", &info, "выполнено"]]);
    assert_ok(&sb.run(&["import", sb.write("hostile.txt", report.as_bytes()).to_str().unwrap()]));
    let organisation = format!("Администрация {HOSTILE}");
    let signer = format!("Глава {HOSTILE} А. Б. Иванов");
    assert_ok(&sb.run(&[
        "plan",
        "set",
        "--organisation",
        &organisation,
        "--signed-by",
        &signer,
        "--executor",
        HOSTILE,
    ]));
    assert_ok(&sb.run(&["plan", "responsible", "1", &format!("Отдел {HOSTILE}")]));
    assert_ok(&sb.run(&["assessments", "set", &format!("выполнено {HOSTILE}"), "не выполнено"]));
    sb
}

#[test]
fn no_command_prints_a_control_sequence_from_the_data() {
    let sb = hostile_store();
    let commands: &[&[&str]] = &[
        &["status"],
        &["status", "--all"],
        &["plan", "show"],
        &["plan", "responsible", "1"],
        &["assessments", "list"],
        &["users", "list"],
        &["period", "list"],
        &["period", "summary"],
        &["history", "1"],
        &["review", "1", "ready"],
        &["status", "--json"],
        &["history", "1", "--json"],
    ];
    for args in commands {
        let out = sb.run(args);
        let text = format!("{}{}", common::stdout(&out), common::stderr(&out));
        assert!(acting(&text).is_empty(), "{args:?}: {:?}\n{text}", acting(&text));
        if args.contains(&"--json") {
            // JSON keeps the data as it is, escaped: read back, it is the hostile text.
            assert!(text.contains("\\u009b") && text.contains("\\u202e"), "{args:?}: escaped in the JSON:\n{text}");
        } else {
            assert!(text.contains('␛') || !text.contains("взлом"), "{args:?}: the ESC is shown as a symbol:\n{text}");
        }
    }
    // A re-import of another plan's report is refused quoting the organisation.
    let other = text_report(&[&["1.", "1.", "Другое", "До 1 марта 2020 года", "", ""]])
        .replace("Администрация Тестового округа", &format!("Другая {HOSTILE}"));
    let out = sb.run(&["import", sb.write("other.txt", other.as_bytes()).to_str().unwrap()]);
    let text = format!("{}{}", common::stdout(&out), common::stderr(&out));
    assert!(acting(&text).is_empty(), "import: {:?}\n{text}", acting(&text));
}

#[test]
fn status_on_a_terminal_has_colours_and_nothing_else() {
    let sb = hostile_store();
    let log = sb.path().join("pty.out");
    let command = format!("{} status --db {} --as-of 2020-04-13", env!("CARGO_BIN_EXE_otchet"), sb.db().display());
    let out = sb.command("script").env("TERM", "xterm").args(["-q", "-e", "-c", &command]).arg(&log).output().unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    let text = String::from_utf8_lossy(&std::fs::read(&log).unwrap()).into_owned();
    assert!(text.contains("\x1b["), "colours on a terminal:\n{text}");
    assert!(acting(&text).is_empty(), "{:?}\n{text}", acting(&text));
}
