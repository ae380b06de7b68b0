//! Tells the tests what this machine can do: `otchet_root` when built by root (the tests
//! that switch uid or mount file systems run then), `otchet_tmux` when tmux is on PATH (the
//! end-to-end tests that drive the TUI run then), `otchet_hunspell_ru` when Debian's
//! `hunspell-ru` dictionary is installed (the spelling tests run then), `otchet_systemd_analyze`
//! when systemd's tools are (the unit is verified then). A test whose precondition does not hold
//! is ignored with its reason; `cargo test -- --include-ignored` runs it anyway, and it
//! fails saying what it needs (`.ci/run` runs every test that way, as root, with tmux).
//! Installing tmux or hunspell-ru later: `touch build.rs` to look again.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(otchet_root)");
    println!("cargo::rustc-check-cfg=cfg(otchet_tmux)");
    println!("cargo::rustc-check-cfg=cfg(otchet_hunspell_ru)");
    println!("cargo::rustc-check-cfg=cfg(otchet_systemd_analyze)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=PATH");
    if effective_uid() == Some(0) {
        println!("cargo::rustc-cfg=otchet_root");
    }
    if on_path("tmux") {
        println!("cargo::rustc-cfg=otchet_tmux");
    }
    if on_path("systemd-analyze") {
        println!("cargo::rustc-cfg=otchet_systemd_analyze");
    }
    if std::path::Path::new("/usr/share/hunspell/ru_RU.dic").is_file() {
        println!("cargo::rustc-cfg=otchet_hunspell_ru");
    }
}

/// The effective uid, from /proc (a build script has no libc binding of its own here).
fn effective_uid() -> Option<u32> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("Uid:"))?;
    line.split_whitespace().nth(2)?.parse().ok()
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}
