//! The real binary in tmux (tests/common/tmux.rs): editing, drafts, signals, two TUIs.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::tmux::Tmux;
use common::{Sandbox, assert_ok, sample_path, stdout};
use serde_json::Value;

fn import_sample(sb: &Sandbox) {
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
}

/// Down from item 1 to the item with this point.
#[test]
#[cfg_attr(not(otchet_tmux), ignore = "needs tmux (apt-get install -y tmux)")]
fn edit_pick_save_and_quit_then_status_shows_it() {
    let sb = Sandbox::new();
    import_sample(&sb);
    let t = Tmux::start(&sb, "edit");
    t.wait_for("Пункты плана: 72");
    t.go_to_70();
    t.keys(&["Enter"]);
    t.text("Направлено письмом от 06.04.2020 № 123. ");
    t.wait_for("● не сохранено");
    t.keys(&["Escape"]);
    t.keys(&["1"]);
    t.wait_for("оценка: выполнено в полном объеме");
    t.keys(&["C-s"]);
    t.wait_for("пункт 70 сохранен");
    t.keys(&["q"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while t.alive() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(!t.alive(), "q quits when everything is saved");

    let out = sb.run(&["status", "--json", "--period", "2020-Q1", "--as-of", "2020-04-13"]);
    assert_ok(&out);
    let status: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let item70 = status["items"].as_array().unwrap().iter().find(|i| i["point"] == "70").unwrap();
    assert!(item70["info"].as_str().unwrap().contains("Направлено письмом от 06.04.2020 № 123. "), "{item70}");
    assert_eq!(item70["assessment"], "выполнено в полном объеме в установленные сроки");
    let flags = item70["flags"].as_array().unwrap();
    assert!(!flags.iter().any(|f| f == "overdue" || f == "no_result"), "{flags:?}");
    assert_eq!(status["counts"]["overdue"], 1);
}

#[test]
#[cfg_attr(not(otchet_tmux), ignore = "needs tmux (apt-get install -y tmux)")]
fn killing_the_session_mid_typing_keeps_a_draft_that_the_next_start_offers() {
    let sb = Sandbox::new();
    import_sample(&sb);
    let t = Tmux::start(&sb, "draft");
    t.wait_for("Пункты плана: 72");
    t.go_to_70();
    t.keys(&["Enter"]);
    t.text("Черновик, который нельзя терять");
    t.wait_for("Черновик, который нельзя терять");
    // The SSH connection dies: the terminal goes away mid-typing.
    t.kill();
    std::thread::sleep(Duration::from_millis(500));

    let t = Tmux::start(&sb, "again");
    t.wait_for("Пункты плана: 72");
    t.reopen_70_with_draft();
    let screen = t.wait_for("Черновик, который нельзя терять");
    assert!(screen.contains("черновик восстановлен"), "{screen}");
}

#[test]
#[cfg_attr(not(otchet_tmux), ignore = "needs tmux (apt-get install -y tmux)")]
fn a_save_in_one_tui_appears_in_another_without_a_keypress() {
    let sb = Sandbox::new();
    import_sample(&sb);
    let a = Tmux::start(&sb, "a");
    let b = Tmux::start(&sb, "b");
    for t in [&a, &b] {
        t.wait_for("Пункты плана: 72");
        t.go_to_70();
    }
    let before = b.screen();
    assert!(before.contains("! 70 Направление"), "{before}");

    a.keys(&["Enter"]);
    a.text("Сделано во втором окне. ");
    a.wait_for("● не сохранено");
    a.keys(&["Escape"]);
    a.keys(&["1"]);
    a.keys(&["C-s"]);
    a.wait_for("пункт 70 сохранен");

    // Nothing is sent to b: the server pushes the change.
    let started = Instant::now();
    // The text goes at the end of 70's long text, below b's view: its flag shows the save.
    let screen = b.wait_for("+ 70 Направление");
    // "Within a second"; the 100 ms polling of capture-pane is part of what is measured.
    assert!(started.elapsed() < Duration::from_secs(1), "took {:?}", started.elapsed());
    eprintln!("the other TUI showed the save after {:?}", started.elapsed());
    assert!(screen.contains("8 выполнено"), "the counts follow: {screen}");
}

#[test]
#[cfg_attr(not(otchet_tmux), ignore = "needs tmux (apt-get install -y tmux)")]
fn sigterm_keeps_the_draft_restores_the_terminal_and_exits_0() {
    let sb = Sandbox::new();
    import_sample(&sb);
    let exit_file = sb.path().join("exit-status");
    let command = format!(
        "{} --db {}; echo \"exit $?\" > {}; sleep 30",
        env!("CARGO_BIN_EXE_otchet"),
        sb.db().display(),
        exit_file.display()
    );
    let t = Tmux::start_command(&sb, "term", &command);
    t.wait_for("Пункты плана: 72");
    t.keys(&["Enter"]);
    t.text("Текст перед остановкой сервера");
    t.wait_for("Текст перед остановкой сервера");
    let shell = t.pid().to_string();
    let child = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
    let pid = String::from_utf8_lossy(&child.stdout).lines().next().unwrap_or_default().trim().to_owned();
    assert!(!pid.is_empty(), "the TUI runs under the pane's shell");
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());

    let deadline = Instant::now() + Duration::from_secs(10);
    while !exit_file.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(std::fs::read_to_string(&exit_file).unwrap_or_default().trim(), "exit 0");
    let screen = t.screen();
    assert!(!screen.contains("Пункты плана"), "the full screen is left: {screen}");
    t.kill();

    let t = Tmux::start(&sb, "after");
    t.wait_for("есть ваш");
}

#[test]
#[cfg_attr(not(otchet_tmux), ignore = "needs tmux (apt-get install -y tmux)")]
fn a_tui_reconnects_when_its_server_dies() {
    let sb = Sandbox::new();
    import_sample(&sb);
    let t = Tmux::start(&sb, "reconnect");
    t.wait_for("Пункты плана: 72");
    let pattern = format!("serve --db {}", sb.db().display());
    let server = || {
        let out = Command::new("pgrep").args(["-f", &pattern]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).lines().next().map(str::to_owned)
    };
    let first = server().expect("the TUI started a server");
    assert!(Command::new("kill").args(["-KILL", &first]).status().unwrap().success());

    // No keypress: the TUI notices, connects again (starting a new server) and reloads.
    let deadline = Instant::now() + Duration::from_secs(10);
    let second = loop {
        if let Some(pid) = server().filter(|p| *p != first) {
            break pid;
        }
        assert!(Instant::now() < deadline, "no new server; the screen:\n{}", t.screen());
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_ne!(first, second);
    t.keys(&["Enter"]);
    t.text("После перезапуска сервера. ");
    t.keys(&["C-s"]);
    t.wait_for("пункт 1 сохранен");
}

/// The pid of the server serving the sandbox's store, if one runs.
fn server_pid(sb: &Sandbox) -> Option<String> {
    let pattern = format!("serve --db {}", sb.db().display());
    let out = Command::new("pgrep").args(["-f", &pattern]).output().unwrap();
    String::from_utf8_lossy(&out.stdout).lines().next().map(str::to_owned)
}

fn signal(pid: &str, which: &str) {
    assert!(Command::new("kill").args([which, pid]).status().unwrap().success(), "kill {which} {pid}");
}

#[test]
#[cfg_attr(not(otchet_tmux), ignore = "needs tmux (apt-get install -y tmux)")]
fn a_frozen_server_never_freezes_the_screen_and_a_dead_one_loses_no_text() {
    let sb = Sandbox::new();
    // Only the save may be in flight when the server stops (a spelling question queued
    // before it would fail instead, and the save reach the next server).
    let config = sb.path().join("config/otchet");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "[spelling]\ncheck = false\n").unwrap();
    import_sample(&sb);
    let t = Tmux::start(&sb, "frozen");
    t.wait_for("Пункты плана: 72");
    let server = server_pid(&sb).expect("the TUI started a server");
    t.go_to_70();
    t.keys(&["Enter"]);
    t.text("Сохранено, пока сервер стоял. ");
    t.wait_for("● не сохранено");

    // The server stops answering in the middle of the save: the screen goes on.
    signal(&server, "-STOP");
    t.keys(&["C-s"]);
    t.wait_for("сохраняется…");
    t.keys(&["Escape", "k"]);
    let screen = t.wait_for("69. Мониторинг хода реализации");
    assert!(screen.contains("сохраняется…"), "the pending save is shown:\n{screen}");
    signal(&server, "-CONT");
    t.wait_for("пункт 70 сохранен");
    let out = sb.run(&["status", "--json", "--period", "2020-Q1", "--as-of", "2020-04-13"]);
    let status: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let item70 = status["items"].as_array().unwrap().iter().find(|i| i["point"] == "70").unwrap();
    assert!(item70["info"].as_str().unwrap().contains("Сохранено, пока сервер стоял. "), "{item70}");

    // Frozen again, then gone: the save ends in a clear error; the text stays as a draft.
    t.keys(&["Enter"]);
    t.text("Этот текст не должен пропасть. ");
    let server = server_pid(&sb).expect("the server runs");
    signal(&server, "-STOP");
    t.keys(&["C-s"]);
    t.wait_for("сохраняется…");
    signal(&server, "-KILL");
    t.wait_for("Ошибка");
    t.wait_for("текст в");
    t.keys(&["Escape"]);
    t.wait_for("не должен пропасть.");
    let recovery = sb.path().join(".local/state/otchet/recovery");
    let files: Vec<_> = std::fs::read_dir(&recovery).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(std::fs::read_to_string(&files[0]).unwrap().contains("Этот текст не должен пропасть."));
    // The draft reached the server the TUI started again.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let mut client = sb.client_when_up();
        let snapshot = client.snapshot(Some(common::server::q1())).unwrap().unwrap();
        if snapshot.drafts.iter().any(|(_, d)| d.info.contains("Этот текст не должен пропасть."))
        {
            break;
        }
        assert!(Instant::now() < deadline, "no draft of 69 on the new server");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `p`, `n`: a question, never an action. Esc opens nothing; `y` opens the next quarter for
/// everyone with the last one's texts carried over and marked.
#[test]
#[cfg_attr(not(otchet_tmux), ignore = "needs tmux (apt-get install -y tmux)")]
fn the_next_period_opens_only_when_confirmed_and_carries_the_texts() {
    let sb = Sandbox::new();
    import_sample(&sb);
    let before = stdout(&sb.run(&["period", "list"]));
    let t = Tmux::start(&sb, "cycle");
    t.wait_for("Пункты плана: 72");
    t.keys(&["p"]);
    t.wait_for("2020-Q1");
    t.keys(&["n"]);
    let asked = t.wait_for("Открыть период «II квартал 2020 года»");
    assert!(asked.contains("[x] перенести тексты из периода «I квартал 2020 года»"), "{asked}");
    t.keys(&["Escape"]);
    t.wait_for("Пункты плана: 72");
    assert_eq!(stdout(&sb.run(&["period", "list"])), before, "Esc opened nothing");

    t.keys(&["p"]);
    t.wait_for("2020-Q1");
    t.keys(&["n"]);
    t.wait_for("Открыть период «II квартал 2020 года»");
    t.keys(&["y"]);
    t.wait_for("перенесено текстов: 72");
    t.wait_for("II квартал 2020 года");
    let out = sb.run(&["status", "--json", "--period", "2020-Q2", "--as-of", "2020-07-10"]);
    assert_ok(&out);
    let status: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let items = status["items"].as_array().unwrap();
    assert!(items.iter().all(|i| i["carried_from"] == "2020-Q1"), "every text is marked");
    t.keys(&["f", "f", "f", "f", "f"]);
    t.wait_for("Перенесенные: 72");
    t.keys(&["v"]);
    t.wait_for("Перенесенные: 71");
}

/// The TUI under `script`, which records every byte it writes, with this TERM; quits with q.
fn raw_output_with_term(term: &str, session: &'static str) -> String {
    let sb = Sandbox::new();
    import_sample(&sb);
    let raw = sb.path().join("raw.out");
    let command = format!(
        "TERM={term} exec script -q -f -c '{} --db {}' {}",
        env!("CARGO_BIN_EXE_otchet"),
        sb.db().display(),
        raw.display()
    );
    let t = Tmux::start_command(&sb, session, &command);
    t.wait_for("Пункты плана: 72");
    t.keys(&["j", "q"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while t.alive() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(!t.alive(), "q quits");
    String::from_utf8_lossy(&std::fs::read(&raw).unwrap()).into_owned()
}

/// SGR sequences that set a colour, in any form.
fn colour_codes(raw: &str) -> Vec<String> {
    raw.split("\x1b[")
        .skip(1)
        .filter_map(|s| s.split_once('m').map(|(params, _)| params))
        .filter(|p| p.bytes().all(|b| b.is_ascii_digit() || b == b';'))
        .flat_map(|p| p.split(';').map(str::to_owned).collect::<Vec<_>>())
        .filter(|n| n.len() == 2 && matches!(n.as_bytes()[0], b'3' | b'4' | b'9') && n != "39" && n != "49")
        .collect()
}

#[test]
#[cfg_attr(not(otchet_tmux), ignore = "needs tmux (apt-get install -y tmux)")]
fn a_vt100_gets_no_colours_no_alternate_screen_and_no_bracketed_paste() {
    let raw = raw_output_with_term("vt100", "vt100");
    assert!(raw.contains("Пункты плана"), "it drew");
    assert!(!raw.contains("38;5;") && !raw.contains("48;5;"), "no 256-colour codes");
    assert!(colour_codes(&raw).is_empty(), "no colour at all: {:?}", colour_codes(&raw));
    assert!(!raw.contains("\x1b[?1049h") && !raw.contains("\x1b[?2004h"), "no alternate screen, no bracketed paste");
    assert!(raw.contains("\x1b[7m") || raw.contains(";7m"), "the selection is in reverse video");
}

#[test]
#[cfg_attr(not(otchet_tmux), ignore = "needs tmux (apt-get install -y tmux)")]
fn an_8_colour_xterm_gets_plain_sgr_colours() {
    let raw = raw_output_with_term("xterm", "xterm8");
    assert!(!raw.contains("38;5;") && !raw.contains("48;5;"), "no 256-colour codes");
    let codes = colour_codes(&raw);
    assert!(codes.iter().any(|c| c == "31"), "overdue in plain red: {codes:?}");
    assert!(codes.iter().all(|c| !c.starts_with('9')), "no bright colours beyond 8: {codes:?}");
    assert!(raw.contains("\x1b[?1049h"), "xterm has an alternate screen");
}

/// Whether `word` is drawn underlined: an SGR 4 since the last reset before it.
fn underlined(styled: &str, word: &str) -> bool {
    let Some(line) = styled.lines().find(|l| l.contains(word)) else { return false };
    let before = &line[..line.find(word).unwrap_or(0)];
    let since_reset = before.rsplit("\x1b[0m").next().unwrap_or("");
    since_reset.split("\x1b[").skip(1).any(|sgr| sgr.trim_end_matches('m').split(';').any(|p| p == "4"))
}

#[test]
#[cfg_attr(not(all(otchet_tmux, otchet_hunspell_ru)), ignore = "needs tmux and hunspell-ru")]
fn a_misspelt_word_is_underlined_as_it_is_typed() {
    let sb = Sandbox::new();
    import_sample(&sb);
    let t = Tmux::start(&sb, "spelling");
    t.wait_for("Пункты плана: 72");
    t.keys(&["Enter"]);
    t.text(" борьба с коррупцыи");
    t.wait_for("коррупцыи");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let styled = t.styled_screen();
        if underlined(&styled, "коррупцыи") {
            assert!(!underlined(&styled, "борьба"), "a right word is not underlined:\n{styled}");
            break;
        }
        assert!(Instant::now() < deadline, "never underlined:\n{styled}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
#[cfg_attr(not(otchet_tmux), ignore = "needs tmux (apt-get install -y tmux)")]
fn without_a_dictionary_the_editor_says_so_once_and_works() {
    let sb = Sandbox::new();
    // Before the import: the server it starts is the one that reads the setting.
    let config = sb.path().join("config/otchet");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "[spelling]\ndictionary = \"/nonexistent/ru_RU\"\n").unwrap();
    import_sample(&sb);
    let t = Tmux::start(&sb, "nodict");
    t.wait_for("Пункты плана: 72");
    t.wait_for("орфография не проверяется");
    t.go_to_70();
    t.keys(&["Enter"]);
    t.text("Направлено письмом. ");
    t.wait_for("Направлено письмом.");
    t.keys(&["C-s"]);
    t.wait_for("пункт 70 сохранен");
}

#[test]
#[cfg_attr(not(otchet_tmux), ignore = "needs tmux (apt-get install -y tmux)")]
fn a_restored_revision_is_saved_for_everyone_and_q_quits_without_a_question() {
    let sb = Sandbox::new();
    import_sample(&sb);
    let t = Tmux::start(&sb, "restore");
    t.wait_for("Пункты плана: 72");
    t.go_to_70();
    t.keys(&["Enter"]);
    t.text("Текст, который вернут назад. ");
    t.keys(&["C-s"]);
    t.wait_for("пункт 70 сохранен");
    t.keys(&["h"]);
    t.wait_for("История изменений");
    t.wait_for("№ 1");
    // Oldest first, the newest chosen: up to revision 1, Enter asks, y confirms.
    t.keys(&["k", "Enter"]);
    t.wait_for("для всех");
    t.keys(&["y"]);
    t.wait_for("восстановлен прежний текст");
    t.keys(&["q"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while t.alive() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(!t.alive(), "q quits at once: the restored text is saved, nothing is pending:\n{}", t.screen());
    let out = sb.run(&["status", "--json", "--period", "2020-Q1", "--as-of", "2020-04-13"]);
    let status: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let item70 = status["items"].as_array().unwrap().iter().find(|i| i["point"] == "70").unwrap();
    assert!(!item70["info"].as_str().unwrap().contains("который вернут назад"), "{item70}");
    let out = sb.run(&["history", "70", "--period", "2020-Q1"]);
    assert!(stdout(&out).contains("3 редакции"), "the restore is a revision of its own:\n{}", stdout(&out));
}

/// A key pressed after the terminal was resized is drawn at once. crossterm 0.29 drops a
/// key that comes in the same wake-up as its own SIGWINCH (and the loop then spun on the
/// unread key) unless the resize is taken as soon as it comes (`runtime::wait`).
#[test]
#[cfg_attr(not(otchet_tmux), ignore = "needs tmux (apt-get install -y tmux)")]
fn a_key_pressed_after_a_resize_is_drawn_at_once() {
    let sb = Sandbox::new();
    import_sample(&sb);
    let t = Tmux::start(&sb, "resize");
    t.wait_for("Пункты плана: 72");
    let filters = ["Просроченные", "Без результата", "Скоро срок", "Не выполненные", "Перенесенные"];
    for (i, filter) in filters.iter().enumerate() {
        t.resize(81 + i % 2);
        t.keys(&["f"]);
        t.wait_for(filter);
    }
}
