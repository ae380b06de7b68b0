//! Helpers shared by the integration tests: the built binary in an isolated environment.
#![allow(dead_code)]

pub mod server;
pub mod tmux;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/serov-2020-q1.txt")
}

pub fn sample_bytes() -> Vec<u8> {
    std::fs::read(sample_path()).expect("the sample is in the repository")
}

/// A temporary home: its own config dir, data dir and store.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        Self { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    /// The binary with no config or store of the machine's user leaking in.
    pub fn otchet(&self) -> Command {
        self.command(env!("CARGO_BIN_EXE_otchet"))
    }

    /// Any program with the sandbox's environment (`script`, to give otchet a terminal).
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("XDG_DATA_HOME", self.path().join("data"))
            .env("XDG_RUNTIME_DIR", self.path())
            .env("OTCHET_SYSTEM_CONFIG", self.path().join("no-system-config.toml"))
            .env("LANG", "C.UTF-8")
            // A server a command starts exits soon after the test is done with it.
            .env("OTCHET_IDLE_TIMEOUT", "3");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        let db = self.db();
        let mut cmd = self.otchet();
        cmd.args(args).arg("--db").arg(&db);
        cmd.output().expect("otchet runs")
    }

    /// `status --json` with these arguments, which must succeed.
    pub fn status_json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = vec!["status", "--json"];
        all.extend_from_slice(args);
        let out = self.run(&all);
        assert_ok(&out);
        let json = serde_json::from_str(&stdout(&out)).expect("status --json prints JSON");
        assert_counts_agree(&json);
        json
    }

    /// The user's own settings file (`$XDG_CONFIG_HOME/otchet/config.toml`).
    pub fn write_config(&self, text: &str) {
        let dir = self.path().join("config/otchet");
        std::fs::create_dir_all(&dir).expect("config dir");
        std::fs::write(dir.join("config.toml"), text).expect("config file");
    }

    /// The store's folder as root makes it for someone else (`owner`, `group`), with `mode`,
    /// in a sandbox every user may enter. Needs root.
    pub fn store_folder_for(&self, owner: Option<u32>, group: Option<u32>, mode: u32) {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(self.path(), std::fs::Permissions::from_mode(0o755)).expect("sandbox mode");
        std::fs::create_dir(self.db()).expect("store dir");
        let (uid, gid) = (owner.map(nix::unistd::Uid::from_raw), group.map(nix::unistd::Gid::from_raw));
        nix::unistd::chown(&self.db(), uid, gid).expect("chown");
        std::fs::set_permissions(self.db(), std::fs::Permissions::from_mode(mode)).expect("store mode");
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path().join(name);
        std::fs::write(&path, bytes).expect("write test file");
        path
    }
}

/// Runs a child, retrying while its executable is briefly busy: another thread of the test
/// binary forking at that moment may still hold a freshly written copy open (ETXTBSY).
pub fn output_when_not_busy(run: impl Fn() -> std::io::Result<Output>) -> std::io::Result<Output> {
    let mut out = run();
    for _ in 0..50 {
        match &out {
            Err(e) if e.raw_os_error() == Some(nix::libc::ETXTBSY) => {
                std::thread::sleep(std::time::Duration::from_millis(20));
                out = run();
            }
            _ => break,
        }
    }
    out
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn assert_ok(o: &Output) {
    assert!(o.status.success(), "status {:?}\nstdout:\n{}\nstderr:\n{}", o.status, stdout(o), stderr(o));
}

/// Spawns `command`, retrying while its executable is briefly busy (just copied, as
/// `output_when_not_busy` does for a run to its end).
pub fn spawn_when_not_busy(command: &mut Command) -> std::process::Child {
    loop {
        match command.spawn() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => continue,
            other => return other.expect("the program starts"),
        }
    }
}

/// Waits (up to 10 s) until `condition` holds; fails naming `what` otherwise.
pub fn wait_until(what: &str, mut condition: impl FnMut() -> bool) {
    let started = std::time::Instant::now();
    while !condition() {
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "waited 10 s for: {what}");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// The precondition of a test that is ignored unless built by root (`otchet_root`): when it
/// is run anyway (`--include-ignored`), it fails saying why instead of passing unchecked.
pub fn require_root() {
    assert!(
        nix::unistd::geteuid().is_root(),
        "this test switches uid or mounts file systems: run it as root (.ci/run does)"
    );
}

/// An example program of this package (`examples/NAME.rs`), which `cargo test` builds next
/// to the test binaries, copied to `dir` where any user may run it.
pub fn example_copy(name: &str, dir: &Path) -> PathBuf {
    let test_exe = std::env::current_exe().expect("the test binary");
    let built = test_exe.parent().and_then(Path::parent).expect("target/debug").join("examples").join(name);
    if !built.is_file() {
        // `cargo test` builds the examples; `cargo test --test X` does not.
        let status = Command::new(env!("CARGO"))
            .args(["build", "--example", name])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("cargo runs");
        assert!(status.success() && built.is_file(), "cannot build examples/{name}.rs");
    }
    let copy = dir.join(name);
    std::fs::copy(&built, &copy).expect("copy the example");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).expect("make it runnable");
    copy
}

/// The sample report with its rows repeated to `items`, numbered 1. to `items`., no sections.
pub fn sample_repeated(items: usize) -> otchet::domain::Report {
    let mut report = otchet::formats::txt::parse_report(Path::new("sample.txt"), &sample_bytes()).expect("the sample");
    let rows = report.rows.clone();
    report.rows = (0..items)
        .map(|i| {
            let mut row = rows[i % rows.len()].clone();
            row.seq = format!("{}.", i + 1);
            row.point = format!("{}.", i + 1);
            row
        })
        .collect();
    report.sections.clear();
    report
}

/// A report's counts, worked out by the server, are those of the items it lists.
pub fn assert_counts_agree(json: &serde_json::Value) {
    let items = json["items"].as_array().expect("items");
    let flagged =
        |flag: &str| items.iter().filter(|i| i["flags"].as_array().unwrap().iter().any(|f| f == flag)).count();
    let reviewed = |review: &str| items.iter().filter(|i| i["review"] == review).count();
    let counted = ["overdue", "no_result", "due_soon", "done"].map(|f| (f, flagged(f)));
    let expected = serde_json::json!({
        "items": items.len(),
        "overdue": counted[0].1, "no_result": counted[1].1, "due_soon": counted[2].1, "done": counted[3].1,
        "ready": reviewed("ready"), "accepted": reviewed("accepted"),
    });
    assert_eq!(json["counts"], expected, "the counts are those of the items listed");
}
