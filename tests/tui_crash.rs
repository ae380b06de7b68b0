//! The TUI killed with `kill -9` in the middle of typing loses at most the last 2 seconds
//! of it (a draft is kept 1.5 s after typing starts, again while it goes on, and never
//! rewritten while nothing changes); a save the disk refuses leaves the text on screen and
//! in a recovery file in the user's home.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::server::{item_of, q1};
use common::tmux::Tmux;
use common::{Sandbox, assert_ok, sample_path};
use otchet::model::Draft;

fn draft_of_70(sb: &Sandbox) -> Option<Draft> {
    let mut client = sb.client();
    let item = item_of(&mut client, "70");
    let snapshot = client.snapshot(Some(q1())).unwrap().unwrap();
    snapshot.drafts.into_iter().find(|(id, _)| *id == item).map(|(_, d)| d)
}

#[test]
#[cfg_attr(not(otchet_tmux), ignore = "needs tmux (apt-get install -y tmux)")]
fn kill_9_mid_typing_loses_at_most_the_last_two_seconds() {
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "30"]);
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    let t = Tmux::start(&sb, "crash");
    t.wait_for("Пункты плана: 72");
    t.go_to_70();
    t.keys(&["Enter"]);
    t.keys(&["C-a"]);

    // Typing without a pause long enough for the draft, one word every 200 ms for 5 s.
    let mut typed: Vec<(String, Instant)> = Vec::new();
    for n in 1..=25 {
        let word = format!("слово{n:02} ");
        t.text(&word);
        typed.push((word, Instant::now()));
        std::thread::sleep(Duration::from_millis(200));
    }
    let pid = t.pid();
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL).unwrap();
    let killed = Instant::now();

    let draft = draft_of_70(&sb).expect("a draft was kept while typing went on");
    let must_have: Vec<&str> = typed
        .iter()
        .filter(|(_, at)| killed.duration_since(*at) >= Duration::from_secs(2))
        .map(|(w, _)| w.trim())
        .collect();
    assert!(must_have.len() >= 10);
    for word in &must_have {
        assert!(draft.info.contains(word), "{word} was typed over 2 s before the kill; the draft: {}", draft.info);
    }
    println!(
        "kept {} of {} words; {} typed in the last 2 s",
        draft.info.matches("слово").count(),
        typed.len(),
        typed.len() - must_have.len()
    );

    // Nothing typed since: the draft is not rewritten on a timer.
    let t = Tmux::start(&sb, "again");
    t.wait_for("Пункты плана: 72");
    t.reopen_70_with_draft();
    t.wait_for("черновик восстановлен");
    t.wait_for(must_have[0]);
    let before = draft_of_70(&sb).unwrap();
    std::thread::sleep(Duration::from_millis(3500));
    assert_eq!(draft_of_70(&sb).unwrap(), before, "an idle editor writes nothing");
}

/// A tmpfs mounted on `dir` (root only), unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path) -> Tmpfs {
        common::require_root();
        std::fs::create_dir_all(dir).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs"])
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "mount -t tmpfs failed (a container without CAP_SYS_ADMIN?)");
        Tmpfs(dir.to_path_buf())
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[test]
#[cfg_attr(not(all(otchet_root, otchet_tmux)), ignore = "needs root (mounts a file system) and tmux")]
fn a_save_to_a_full_disk_keeps_the_text_on_screen_and_in_a_recovery_file() {
    let sb = Sandbox::new();
    let _tmpfs = Tmpfs::mount(&sb.db());
    let _server = sb.start_server(&["--idle-timeout", "30"]);
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    let t = Tmux::start(&sb, "full");
    t.wait_for("Пункты плана: 72");
    t.go_to_70();
    t.keys(&["Enter"]);
    t.text("Текст, набранный при полном диске.");
    // Typed at the end of the item's text, where it may wrap.
    t.wait_for("Текст, набранный при полном");

    // The disk fills up; the save is refused.
    let filler = sb.db().join("filler");
    {
        use std::io::Write;
        let mut file = std::fs::File::create(&filler).unwrap();
        let chunk = vec![0u8; 64 << 10];
        while file.write_all(&chunk).is_ok() {}
    }
    t.keys(&["C-s"]);
    t.wait_for("не сохранено; текст в");
    t.wait_for("~/.local/state/otchet/recovery/");
    // The error box dismissed, the unsaved text is still there.
    t.keys(&["Escape"]);
    let screen = t.wait_for("Текст, набранный при полном");
    assert!(screen.contains("● в черновике"), "shown as not saved: {screen}");

    let dir = sb.path().join(".local/state/otchet/recovery");
    let files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("Текст, набранный при полном диске.") && text.contains("нет места"), "{text}");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777, 0o700);

    // Room again: the same text saves from the screen.
    std::fs::remove_file(filler).unwrap();
    t.keys(&["C-s"]);
    t.wait_for("пункт 70 сохранен");
    let mut client = sb.client();
    let item = item_of(&mut client, "70");
    assert!(client.entry(q1(), item).unwrap().unwrap().info.contains("Текст, набранный при полном диске."));
}
