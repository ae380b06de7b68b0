//! The real binary in tmux: keys in with `send-keys`, the screen out with `capture-pane`.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use super::Sandbox;

pub struct Tmux {
    socket: PathBuf,
    pub session: &'static str,
}

impl Tmux {
    /// `otchet --db <sandbox store>` in a detached 80×24 session; the pane's process is
    /// otchet itself (exec), the process a crash test kills.
    pub fn start(sb: &Sandbox, session: &'static str) -> Tmux {
        Tmux::start_command(sb, session, &format!("exec {} --db {}", env!("CARGO_BIN_EXE_otchet"), sb.db().display()))
    }

    /// Any shell command in a detached 80×24 session, with the sandbox's environment.
    pub fn start_command(sb: &Sandbox, session: &'static str, command: &str) -> Tmux {
        let socket = sb.path().join(format!("tmux-{session}.sock"));
        let env = [
            format!("HOME={}", sb.path().display()),
            format!("XDG_CONFIG_HOME={}", sb.path().join("config").display()),
            format!("XDG_DATA_HOME={}", sb.path().join("data").display()),
            format!("XDG_RUNTIME_DIR={}", sb.path().display()),
            format!("OTCHET_SYSTEM_CONFIG={}", sb.path().join("none.toml").display()),
            "OTCHET_IDLE_TIMEOUT=10".to_owned(),
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

    pub fn tmux(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.arg("-S").arg(&self.socket);
        cmd
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            let status = self.tmux().args(["send-keys", "-t", self.session, k]).status().expect("send-keys");
            assert!(status.success());
            // Separate keys so "Escape" and a following key are not read as Alt+key.
            std::thread::sleep(Duration::from_millis(80));
        }
    }

    pub fn text(&self, text: &str) {
        let status = self.tmux().args(["send-keys", "-t", self.session, "-l", text]).status().expect("send-keys");
        assert!(status.success());
    }

    pub fn screen(&self) -> String {
        let out = self.tmux().args(["capture-pane", "-p", "-t", self.session]).output().expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen with its SGR escapes (`capture-pane -e`).
    pub fn styled_screen(&self) -> String {
        let out = self.tmux().args(["capture-pane", "-p", "-e", "-t", self.session]).output().expect("capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(&format!("{needle:?} never appeared"), |screen| screen.contains(needle))
    }

    /// The screen once `done` holds of it; fails saying `what` after 15 s.
    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(Instant::now() < deadline, "{what}; the screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Resizes the pane to `width` × 24 and waits until the TUI has drawn itself at it.
    pub fn resize(&self, width: usize) {
        let status =
            self.tmux().args(["resize-window", "-t", self.session, "-x", &width.to_string(), "-y", "24"]).status();
        assert!(status.expect("resize-window").success());
        let drawn = |screen: &str| screen.lines().next().map(|l| l.chars().count()) == Some(width);
        self.wait_until(&format!("never drawn at {width} columns"), drawn);
    }

    /// From the top of the sample's list down to item 70 (overdue, no result).
    pub fn go_to_70(&self) {
        self.keys(&["End"]);
        self.wait_for("72. Ввод информации");
        self.keys(&["k", "k"]);
        self.wait_for("70. Направление в Департамент");
    }

    /// Opens item 70 again and takes up the user's draft of it when it is offered.
    pub fn reopen_70_with_draft(&self) {
        self.go_to_70();
        self.wait_for("есть ваш");
        self.keys(&["Enter"]);
        self.wait_for("несохраненный черновик");
        self.keys(&["Enter"]);
    }

    pub fn alive(&self) -> bool {
        self.tmux().args(["has-session", "-t", self.session]).output().is_ok_and(|o| o.status.success())
    }

    /// The pane's process (otchet, when started with `start`).
    pub fn pid(&self) -> i32 {
        let out = self.tmux().args(["display", "-p", "-t", self.session, "#{pane_pid}"]).output().expect("display");
        String::from_utf8_lossy(&out.stdout).trim().parse().expect("a pane pid")
    }

    /// Ends the session and waits until its tmux server is gone.
    pub fn kill(&self) {
        let _ = self.tmux().args(["kill-server"]).output();
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
