//! Recovery files: when a save or a draft cannot reach the store (the disk is full, the
//! store is read-only, the server is gone), the text stays in the editor and is also
//! written to a file in the user's home, `~/.local/state/otchet/recovery/` (or
//! `$XDG_STATE_HOME/otchet/recovery/`): folder 0700, file 0600, one file per item and
//! session, replaced as the text grows.

use std::collections::HashMap;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use crate::domain::{ItemId, PeriodId};
use crate::tr;

pub use crate::tui::action::Unsaved;

pub struct Recovery {
    /// `None`: no home to write to (then the text stays on screen only).
    dir: Option<PathBuf>,
    store: String,
    /// This session's file of each item: a later failure replaces it with the longer text.
    files: HashMap<(PeriodId, ItemId), PathBuf>,
}

pub fn recovery_dir() -> Option<PathBuf> {
    crate::config::xdg_dir("XDG_STATE_HOME", ".local/state").map(|d| d.join("otchet").join("recovery"))
}

impl Recovery {
    pub fn new(store: Option<&Path>) -> Recovery {
        let store = store.map(|p| p.display().to_string()).unwrap_or_default();
        Recovery { dir: recovery_dir(), store, files: HashMap::new() }
    }

    /// Writes the text; `point` names the item as the plan does.
    pub fn write(&mut self, unsaved: &Unsaved, point: Option<&str>) -> std::io::Result<PathBuf> {
        let dir = self.dir.clone().ok_or_else(|| std::io::Error::other(tr!("recovery-no-home")))?;
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(&dir)?;
        let path = match self.files.get(&(unsaved.period, unsaved.item)) {
            Some(path) => path.clone(),
            None => {
                // Short, to fit the status line: the store is named inside.
                let when = crate::clock::local_now("%m%d-%H%M%S");
                let label = point.map_or_else(|| format!("id{}", unsaved.item.0), file_safe);
                let name = format!("{}-{label}-{when}", unsaved.period);
                let mut path = dir.join(format!("{name}.txt"));
                // Never over a file of another session or store.
                let mut n = 1;
                while path.exists() {
                    n += 1;
                    path = dir.join(format!("{name}-{n}.txt"));
                }
                path
            }
        };
        let text = tr!(
            "recovery-file",
            store = self.store.as_str(),
            period = unsaved.period.to_string(),
            point = point.unwrap_or("?"),
            time = crate::clock::local_now("%d.%m.%Y %H:%M:%S"),
            error = unsaved.error.as_str(),
            info = unsaved.info.as_str(),
            assessment = unsaved.assessment.as_str()
        );
        let temp = path.with_extension("txt.part");
        let written = (|| {
            let mut file =
                std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&temp)?;
            file.write_all(text.as_bytes())?;
            file.sync_all()?;
            std::fs::rename(&temp, &path)
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temp);
            return Err(e);
        }
        self.files.insert((unsaved.period, unsaved.item), path.clone());
        Ok(path)
    }
}

/// A path as the user types it: `~/…` under the home folder.
pub fn shown(path: &Path) -> String {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    crate::tui::update::paths::with_tilde(home.as_deref(), path)
}

/// A point label ("5.1") as part of a file name.
fn file_safe(point: &str) -> String {
    point.chars().map(|c| if c.is_alphanumeric() || c == '.' { c } else { '_' }).collect()
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn the_file_is_private_holds_the_text_and_is_replaced_as_it_grows() {
        crate::i18n::set_lang(crate::i18n::Lang::Ru);
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join("state/otchet/recovery");
        let mut recovery = Recovery { dir: Some(dir.clone()), ..Recovery::new(Some(Path::new("/srv/store"))) };
        let mut unsaved = Unsaved {
            period: PeriodId::parse("2020-Q1").unwrap(),
            item: ItemId(7),
            info: "Проведено\x1b[31m заседание".into(),
            assessment: "выполнено".into(),
            error: "нет места на диске".into(),
        };
        let path = recovery.write(&unsaved, Some("5.1")).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("2020-Q1-5.1-") && name.ends_with(".txt"), "{name}");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("Проведено\x1b[31m заседание") && text.contains("нет места на диске"), "{text}");
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777, 0o700);
        unsaved.info.push_str(" и еще");
        assert_eq!(recovery.write(&unsaved, Some("5.1")).unwrap(), path);
        assert!(std::fs::read_to_string(&path).unwrap().contains("заседание и еще"));
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    }
}
