//! The real binary in tmux: keys in with `send-keys`, the screen out with `capture-pane`.

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{Sandbox, assert_ok, sample_path, stdout};
use serde_json::Value;

struct Tmux {
    socket: PathBuf,
    session: &'static str,
}

impl Tmux {
    /// Starts `otchet --db <sandbox store>` in a detached 80×24 tmux session.
    fn start(sb: &Sandbox, session: &'static str) -> Tmux {
        Tmux::start_command(sb, session, &format!("{} --db {}", env!("CARGO_BIN_EXE_otchet"), sb.db().display()))
    }

    fn start_command(sb: &Sandbox, session: &'static str, command: &str) -> Tmux {
        let socket = sb.path().join("tmux.sock");
        let env = [
            format!("HOME={}", sb.path().display()),
            format!("XDG_CONFIG_HOME={}", sb.path().join("config").display()),
            format!("XDG_DATA_HOME={}", sb.path().join("data").display()),
            format!("XDG_RUNTIME_DIR={}", sb.path().display()),
            format!("OTCHET_SYSTEM_CONFIG={}", sb.path().join("none.toml").display()),
            "OTCHET_IDLE_TIMEOUT=5".to_owned(),
            "LANG=C.UTF-8".to_owned(),
            "TERM=xterm-256color".to_owned(),
        ];
        let mut cmd = Command::new("tmux");
        cmd.arg("-S").arg(&socket).args([
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "80",
            "-y",
            "24",
        ]);
        for e in &env {
            cmd.args(["-e", e]);
        }
        cmd.arg(command);
        let out = cmd.output().expect("tmux is installed (.ci/run installs it)");
        assert!(out.status.success(), "tmux: {}", String::from_utf8_lossy(&out.stderr));
        Tmux { socket, session }
    }

    fn tmux(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.arg("-S").arg(&self.socket);
        cmd
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            let status = self.tmux().args(["send-keys", "-t", self.session, k]).status().expect("send-keys");
            assert!(status.success());
            // Separate keys so "Escape" and a following key are not read as Alt+key.
            std::thread::sleep(Duration::from_millis(80));
        }
    }

    fn text(&self, text: &str) {
        let status = self.tmux().args(["send-keys", "-t", self.session, "-l", text]).status().expect("send-keys");
        assert!(status.success());
    }

    fn screen(&self) -> String {
        let out = self.tmux().args(["capture-pane", "-p", "-t", self.session]).output().expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(Instant::now() < deadline, "{needle:?} never appeared; the screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn alive(&self) -> bool {
        self.tmux().args(["has-session", "-t", self.session]).output().is_ok_and(|o| o.status.success())
    }

    fn kill(&self) {
        let _ = self.tmux().args(["kill-server"]).output();
        // The next server on this socket must not meet the old one shutting down.
        let deadline = Instant::now() + Duration::from_secs(3);
        while self.tmux().arg("list-sessions").output().is_ok_and(|o| o.status.success()) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.kill();
    }
}

fn import_sample(sb: &Sandbox) {
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
}

/// Down from item 1 to the item with this point.
fn go_to_70(t: &Tmux) {
    t.keys(&["End"]);
    t.wait_for("72. Ввод информации");
    t.keys(&["k", "k"]);
    t.wait_for("70. Направление в Департамент");
}

#[test]
fn edit_pick_save_and_quit_then_status_shows_it() {
    let sb = Sandbox::new();
    import_sample(&sb);
    let t = Tmux::start(&sb, "edit");
    t.wait_for("Пункты плана: 72");
    go_to_70(&t);
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
    assert!(item70["info"].as_str().unwrap().starts_with("Направлено письмом от 06.04.2020 № 123. "), "{item70}");
    assert_eq!(item70["assessment"], "выполнено в полном объеме в установленные сроки");
    let flags = item70["flags"].as_array().unwrap();
    assert!(!flags.iter().any(|f| f == "overdue" || f == "no_result"), "{flags:?}");
    assert_eq!(status["counts"]["overdue"], 1);
}

#[test]
fn killing_the_session_mid_typing_keeps_a_draft_that_the_next_start_offers() {
    let sb = Sandbox::new();
    import_sample(&sb);
    let t = Tmux::start(&sb, "draft");
    t.wait_for("Пункты плана: 72");
    go_to_70(&t);
    t.keys(&["Enter"]);
    t.text("Черновик, который нельзя терять");
    t.wait_for("Черновик, который нельзя терять");
    // The SSH connection dies: the terminal goes away mid-typing.
    t.kill();
    std::thread::sleep(Duration::from_millis(500));

    let t = Tmux::start(&sb, "again");
    t.wait_for("Пункты плана: 72");
    go_to_70(&t);
    t.wait_for("есть ваш");
    t.keys(&["Enter"]);
    t.wait_for("несохраненный черновик");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Черновик, который нельзя терять");
    assert!(screen.contains("черновик восстановлен"), "{screen}");
}

#[test]
fn a_save_in_one_tui_appears_in_another_without_a_keypress() {
    let sb = Sandbox::new();
    import_sample(&sb);
    let a = Tmux::start(&sb, "a");
    let b = Tmux::start(&sb, "b");
    for t in [&a, &b] {
        t.wait_for("Пункты плана: 72");
        go_to_70(t);
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
    let screen = b.wait_for("Сделано во втором окне.");
    // "Within a second"; the 100 ms polling of capture-pane is part of what is measured.
    assert!(started.elapsed() < Duration::from_secs(1), "took {:?}", started.elapsed());
    eprintln!("the other TUI showed the save after {:?}", started.elapsed());
    assert!(screen.contains("+ 70 Направление"), "the flags follow: {screen}");
    assert!(screen.contains("8 выполнено"), "the counts follow: {screen}");
}

#[test]
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
    let shell = t.tmux().args(["display", "-p", "-t", "term", "#{pane_pid}"]).output().unwrap();
    let shell = String::from_utf8_lossy(&shell.stdout).trim().to_owned();
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
