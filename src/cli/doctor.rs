//! `otchet doctor`: what an administrator checks first, each in plain words with the
//! command that fixes it: the store folder's owner, group and mode; the socket's folder;
//! whether the server answers; the caller's group and role; the spelling dictionary; free
//! disk space; the last backup's age. Exit 0 when nothing needs fixing.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::time::{Duration, SystemTime};

use clap::{ArgMatches, Command};

use super::Failure;
use super::args::localized;
use super::connect::Context;
use crate::client::{Client, RemoteTransport};
use crate::tr;

/// Less free space than this under the store is a problem (a backup of a large store alone
/// is a hundred megabytes).
const MIN_FREE_MIB: u64 = 200;
/// A daily backup older than this means the server has not made one.
const BACKUP_STALE: Duration = Duration::from_secs(2 * 24 * 3600);

pub fn command() -> Command {
    localized(Command::new("doctor")).about(tr!("cli-doctor")).override_usage(tr!("cli-usage-doctor"))
}

/// One finding: fine, worth knowing, or wrong with the command that fixes it.
enum Finding {
    Fine(String),
    Note(String),
    Wrong { what: String, fix: String },
}

pub fn run(ctx: &Context, _m: &ArgMatches) -> Result<(), Failure> {
    let store = ctx.store_path()?;
    let mut findings = vec![Finding::Note(tr!("doctor-store", path = store.display().to_string()))];
    let exists = crate::store::exists(&store);
    findings.push(if exists {
        folder(&store)
    } else {
        Finding::Wrong { what: tr!("doctor-no-store"), fix: tr!("doctor-fix-import") }
    });
    let paths = ctx.server_paths()?;
    if let Some(dir) = paths.socket.parent() {
        findings.push(socket_folder(dir));
    }
    findings.extend(service());
    if exists {
        findings.extend(server_and_role(&paths, &store));
        findings.push(free_space(&store));
        findings.push(last_backup(&store, ctx.config.backup_days));
    }
    findings.push(dictionary(ctx));
    report(&findings)
}

fn report(findings: &[Finding]) -> Result<(), Failure> {
    let mut wrong = 0;
    for f in findings {
        match f {
            Finding::Fine(text) => say!("  ✓ {text}"),
            Finding::Note(text) => say!("  · {text}"),
            Finding::Wrong { what, fix } => {
                wrong += 1;
                say!("  ✗ {what}\n      {}", tr!("doctor-fix", command = fix.as_str()));
            }
        }
    }
    if wrong == 0 {
        say!("{}", tr!("doctor-all-well"));
        Ok(())
    } else {
        Err(Failure::other(tr!("doctor-problems", n = wrong)))
    }
}

/// Shared with a group: 2750 (setgid, the members may only reach the socket, nothing for
/// others); private: 0700.
fn folder(store: &Path) -> Finding {
    let Ok(meta) = std::fs::metadata(store) else {
        return Finding::Wrong { what: tr!("doctor-folder-unreadable"), fix: format!("ls -ld {}", store.display()) };
    };
    let mode = meta.permissions().mode() & 0o7777;
    let path = store.display().to_string();
    let shown = format!("{mode:04o}");
    if mode & 0o007 != 0 {
        return Finding::Wrong {
            what: tr!("doctor-folder-others", mode = shown),
            fix: if mode & 0o070 != 0 { format!("chmod 2750 {path}") } else { format!("chmod 0700 {path}") },
        };
    }
    if mode & 0o020 != 0 {
        // A member who may write the folder may delete the store's files or the socket.
        return Finding::Wrong {
            what: tr!("doctor-folder-group-writes", mode = shown),
            fix: format!("chmod g-w {path}"),
        };
    }
    if mode & 0o070 != 0 && mode & 0o2000 == 0 {
        return Finding::Wrong { what: tr!("doctor-folder-no-setgid", mode = shown), fix: format!("chmod g+s {path}") };
    }
    let group = group_name(meta.gid());
    Finding::Fine(tr!(
        "doctor-folder-ok",
        mode = shown,
        owner = crate::identity::actor_for_uid(meta.uid()).name,
        group = group
    ))
}

fn socket_folder(dir: &Path) -> Finding {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.permissions().mode() & 0o002 != 0 && meta.permissions().mode() & 0o1000 == 0 => {
            Finding::Wrong {
                what: tr!("doctor-socket-dir-open", path = dir.display().to_string()),
                fix: format!("chmod o-w {}", dir.display()),
            }
        }
        Ok(_) => Finding::Fine(tr!("doctor-socket-dir-ok", path = dir.display().to_string())),
        Err(_) => Finding::Note(tr!("doctor-socket-dir-later", path = dir.display().to_string())),
    }
}

/// Whether a server answers (never started here), and who the caller is to it.
fn server_and_role(paths: &crate::client::ServerPaths, store: &Path) -> Vec<Finding> {
    let mut out = Vec::new();
    let me = crate::identity::current_actor().name;
    let outside = std::fs::metadata(store).ok().filter(|m| !belongs(m.uid(), m.gid()));
    if let Some(meta) = outside {
        let group = group_name(meta.gid());
        out.push(Finding::Wrong {
            what: tr!("doctor-not-in-group", group = group.as_str()),
            fix: format!("sudo usermod -aG {group} {me}"),
        });
    }
    let transport = match RemoteTransport::connect(paths, None) {
        Ok(t) => t,
        Err(_) => {
            out.push(Finding::Note(tr!("doctor-server-not-running")));
            return out;
        }
    };
    let mut client = Client::new(Box::new(transport));
    out.push(Finding::Fine(tr!("doctor-server-answers")));
    match client.whoami() {
        Ok(me) => out.push(Finding::Fine(tr!("doctor-role", name = me.actor.name, role = me.role.as_str()))),
        Err(e) => out.push(Finding::Wrong { what: e.to_string(), fix: format!("otchet users add {me} --role editor") }),
    }
    out
}

/// The systemd service, where systemd runs and the package installed the unit.
fn service() -> Option<Finding> {
    let installed = ["/usr/lib/systemd/system/otchet.service", "/lib/systemd/system/otchet.service"];
    if !Path::new("/run/systemd/system").is_dir() || !installed.iter().any(|p| Path::new(p).is_file()) {
        return None;
    }
    let state = std::process::Command::new("systemctl").args(["is-active", "otchet"]).output().ok()?;
    let state = String::from_utf8_lossy(&state.stdout).trim().to_owned();
    Some(if state == "active" {
        Finding::Fine(tr!("doctor-service-active"))
    } else {
        Finding::Wrong {
            what: tr!("doctor-service-inactive", state = state),
            fix: "sudo systemctl enable --now otchet".into(),
        }
    })
}

fn belongs(uid: u32, gid: u32) -> bool {
    let me = nix::unistd::Uid::effective();
    if me.is_root() || me.as_raw() == uid || nix::unistd::Gid::effective().as_raw() == gid {
        return true;
    }
    nix::unistd::getgroups().is_ok_and(|groups| groups.iter().any(|g| g.as_raw() == gid))
}

fn group_name(gid: u32) -> String {
    nix::unistd::Group::from_gid(gid.into()).ok().flatten().map_or_else(|| gid.to_string(), |g| g.name)
}

fn dictionary(ctx: &Context) -> Finding {
    let Some(base) = ctx.config.dictionary_path() else { return Finding::Note(tr!("doctor-spelling-off")) };
    let dic = format!("{}.dic", base.display());
    if Path::new(&dic).is_file() {
        Finding::Fine(tr!("doctor-dictionary-ok", path = dic))
    } else {
        Finding::Wrong { what: tr!("doctor-no-dictionary", path = dic), fix: "sudo apt install hunspell-ru".into() }
    }
}

fn free_space(store: &Path) -> Finding {
    match nix::sys::statvfs::statvfs(store) {
        Ok(s) => {
            let free_mib = s.blocks_available().saturating_mul(s.fragment_size()) >> 20;
            if free_mib < MIN_FREE_MIB {
                Finding::Wrong {
                    what: tr!("doctor-disk-low", mib = free_mib),
                    fix: format!("df -h {}", store.display()),
                }
            } else {
                Finding::Fine(tr!("doctor-disk-ok", mib = free_mib))
            }
        }
        Err(e) => Finding::Note(crate::i18n::os_error(&std::io::Error::from(e))),
    }
}

fn last_backup(store: &Path, keep_days: u32) -> Finding {
    if keep_days == 0 {
        return Finding::Note(tr!("doctor-backups-off"));
    }
    let dir = store.join(crate::server::backups::DIR_NAME);
    let newest =
        std::fs::read_dir(&dir).into_iter().flatten().filter_map(|e| e.ok()?.metadata().ok()?.modified().ok()).max();
    let backup_now = format!("otchet backup ~/otchet-{}.json", crate::clock::today().format("%Y-%m-%d"));
    match newest.map(|t| SystemTime::now().duration_since(t).unwrap_or_default()) {
        Some(age) if age <= BACKUP_STALE => Finding::Fine(tr!("doctor-backup-ok", hours = age.as_secs() / 3600)),
        Some(age) => Finding::Wrong { what: tr!("doctor-backup-old", days = age.as_secs() / 86_400), fix: backup_now },
        None => Finding::Note(tr!("doctor-no-backup-yet")),
    }
}
