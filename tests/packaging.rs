//! What the package installs, checked without building it: the shell completions load, the
//! maintainer script is idempotent, the unit passes `systemd-analyze verify`, `otchet
//! doctor` names a wrong folder with its fix. (`packaging/check-deb.sh`, run by CI, checks
//! the built .deb itself.)

mod common;

use std::process::Command;

use common::{Sandbox, assert_ok, sample_path, stdout};

fn otchet() -> Command {
    Command::new(env!("CARGO_BIN_EXE_otchet"))
}

#[test]
fn the_bash_completion_loads_and_completes_formats_and_periods() {
    let sb = Sandbox::new();
    let script = sb.path().join("otchet.bash");
    let out = otchet().args(["completions", "bash"]).output().unwrap();
    assert_ok(&out);
    std::fs::write(&script, &out.stdout).unwrap();
    let check = Command::new("bash").arg("-n").arg(&script).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    let loaded = Command::new("bash")
        .arg("-c")
        .arg(format!("source {}; complete -p otchet", script.display()))
        .output()
        .unwrap();
    assert!(stdout(&loaded).contains("-F _otchet_values"), "{}", stdout(&loaded));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("otchet period list --ids") && text.contains("docx xlsx html csv txt json"));
    for shell in ["zsh", "fish"] {
        let out = otchet().args(["completions", shell]).output().unwrap();
        assert_ok(&out);
        assert!(stdout(&out).contains("otchet period list --ids"), "{shell}");
    }
    assert_eq!(otchet().args(["completions", "tcsh"]).output().unwrap().status.code(), Some(2));
}

#[test]
fn period_list_ids_gives_the_ids_completion_offers() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    assert_ok(&sb.run(&["period", "open", "2020-Q2"]));
    assert_eq!(stdout(&sb.run(&["period", "list", "--ids"])), "2020-Q1\n2020-Q2\n");
}

#[test]
fn manual_pages_in_russian_and_english_for_every_command() {
    let sb = Sandbox::new();
    let dir = sb.path().join("man");
    assert_ok(&otchet().args(["manpages"]).arg(&dir).output().unwrap());
    for name in ["otchet", "otchet-import", "otchet-export", "otchet-doctor", "otchet-completions"] {
        let en = std::fs::read_to_string(dir.join(format!("man1/{name}.1"))).unwrap();
        let ru = std::fs::read_to_string(dir.join(format!("ru/man1/{name}.1"))).unwrap();
        assert!(en.contains(".TH"), "{name}");
        assert!(ru.chars().any(|c| ('а'..='я').contains(&c)), "{name} in Russian");
    }
    assert!(!dir.join("man1/otchet-manpages.1").exists(), "the hidden command has no page");
}

#[test]
fn doctor_names_a_folder_open_to_all_with_its_fix_and_passes_a_right_one() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    let out = sb.run(&["doctor"]);
    assert!(out.status.success(), "{}{}", stdout(&out), common::stderr(&out));
    assert!(stdout(&out).contains("Все в порядке"), "{}", stdout(&out));
    std::fs::set_permissions(sb.db(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = sb.run(&["doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("открыта всем") && stdout(&out).contains(&format!("chmod 2750 {}", sb.db().display())),
        "{}",
        stdout(&out)
    );
    let none = Sandbox::new();
    let out = none.run(&["doctor"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("otchet import"), "{}", stdout(&out));
}

#[test]
#[cfg_attr(not(otchet_systemd_analyze), ignore = "needs systemd-analyze (apt-get install -y systemd)")]
fn the_unit_passes_systemd_analyze_verify() {
    let sb = Sandbox::new();
    let unit =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/packaging/systemd/otchet.service")).unwrap();
    for option in [
        "ProtectSystem=strict",
        "ProtectHome=yes",
        "PrivateTmp=yes",
        "NoNewPrivileges=yes",
        "ReadWritePaths=/var/lib/otchet",
    ] {
        assert!(unit.contains(option), "{option}");
    }
    // Verified with the program where the test can find it.
    let here = unit.replace("/usr/bin/otchet", env!("CARGO_BIN_EXE_otchet"));
    let path = sb.path().join("otchet.service");
    std::fs::write(&path, here).unwrap();
    // Its man page is not installed here (packaging/check-deb.sh verifies it installed).
    let out = Command::new("systemd-analyze").args(["verify", "--man=no"]).arg(&path).output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
}

#[test]
#[cfg_attr(not(otchet_root), ignore = "needs root (creates a system user)")]
fn the_maintainer_script_run_twice_leaves_the_same_user_group_and_folder() {
    common::require_root();
    let sb = Sandbox::new();
    let store = sb.path().join("var-lib-otchet");
    let postinst = concat!(env!("CARGO_MANIFEST_DIR"), "/packaging/debian/postinst");
    let state = || {
        let get = |what: &[&str]| stdout(&Command::new(what[0]).args(&what[1..]).output().unwrap());
        let store = store.to_str().unwrap();
        (
            get(&["getent", "passwd", "otchet"]),
            get(&["getent", "group", "otchet"]),
            get(&["stat", "-c", "%U %G %a", store]),
        )
    };
    let run = || {
        let out = Command::new("sh").arg(postinst).arg("configure").env("OTCHET_STORE_DIR", &store).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    run();
    let first = state();
    assert_eq!(first.2.trim(), "otchet otchet 2750");
    assert!(first.0.starts_with("otchet:") && first.1.starts_with("otchet:"));
    run();
    assert_eq!(state(), first, "a second run changes nothing");
}
