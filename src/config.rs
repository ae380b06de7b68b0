//! Settings from `/etc/otchet/config.toml` (the whole server) and
//! `~/.config/otchet/config.toml` (one user; wins field by field).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::domain::{DoneRule, FlagRules};
use crate::i18n::Lang;
use crate::store::{DEFAULT_CACHE_BYTES, MAX_CACHE_BYTES};
use crate::tr;

/// `[keys.<pane>] <command> = ["key", …]`, every name with where it was written.
type KeyTables = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Vec<Spanned<String>>>>;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    db: Option<PathBuf>,
    lang: Option<String>,
    due_soon_days: Option<u32>,
    cache_mib: Option<u64>,
    import_max_mib: Option<u64>,
    done: Option<DoneRule>,
    colors: Option<BTreeMap<String, String>>,
    keys: Option<KeyTables>,
    server: Option<ServerFile>,
    spelling: Option<SpellingFile>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SpellingFile {
    /// Whether the editor checks spelling (a user may turn it off for themselves).
    check: Option<bool>,
    /// The Hunspell dictionary without its extension (the server's setting).
    dictionary: Option<PathBuf>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ServerFile {
    idle_timeout_secs: Option<u64>,
    socket: Option<PathBuf>,
    backup_days: Option<u32>,
    user: Option<String>,
}

/// The largest file an import reads unless `import_max_mib` says otherwise: the sample is
/// 132 KB, a generated plan of 10,000 items 22 MB.
pub const DEFAULT_IMPORT_LIMIT: u64 = 64 << 20;

/// The largest `import_max_mib`: a report of 100,000 items is 220 MB.
const MAX_IMPORT_MIB: u64 = 4096;

#[derive(Clone, Debug)]
pub struct Config {
    pub db: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub rules: FlagRules,
    pub cache_bytes: u64,
    /// The largest file `import` reads (`import_max_mib`).
    pub import_limit: u64,
    /// Colour overrides by role name ("overdue" = "red"); checked by the theme.
    pub colors: BTreeMap<String, String>,
    /// Key rebindings, in the order the files give them (the system's, then the user's).
    pub keys: Vec<KeyBinding>,
    /// Seconds a server with no clients waits before it exits; 0 = never.
    pub idle_timeout_secs: u64,
    pub socket: Option<PathBuf>,
    /// `[server] user`: the service user clients trust to run the server (a name or uid);
    /// taken from the system's settings only.
    pub server_user: Option<String>,
    pub backup_days: u32,
    pub spell_check: bool,
    /// `…/ru_RU` for `ru_RU.aff` and `ru_RU.dic`.
    pub dictionary: PathBuf,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            db: None,
            lang: None,
            rules: FlagRules::default(),
            cache_bytes: DEFAULT_CACHE_BYTES,
            import_limit: DEFAULT_IMPORT_LIMIT,
            colors: BTreeMap::new(),
            keys: Vec::new(),
            idle_timeout_secs: 600,
            socket: None,
            server_user: None,
            backup_days: 14,
            spell_check: true,
            dictionary: PathBuf::from(crate::spelling::DEFAULT_DICTIONARY),
        }
    }
}

/// `[keys.<pane>] <command> = ["key", …]` as a settings file wrote it, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyBinding {
    pub pane: String,
    pub command: String,
    pub keys: Vec<String>,
    pub file: PathBuf,
    /// 1-based line of the command's name in the file.
    pub line: usize,
}

impl KeyBinding {
    /// "~/.config/otchet/config.toml, строка 12", for messages.
    pub fn place(&self) -> String {
        tr!("config-place", file = self.file.display().to_string(), line = self.line)
    }
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(1, |before| before.matches('\n').count() + 1)
}

#[derive(Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    pub detail: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&tr!("config-error", file = self.file.display().to_string(), detail = &self.detail))
    }
}

impl std::error::Error for ConfigError {}

/// Whether only root may have written `path` (the system's settings name the service user
/// only then: `OTCHET_SYSTEM_CONFIG` may point anywhere).
fn only_root_may_change(path: &Path) -> bool {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    std::fs::metadata(path).is_ok_and(|m| m.uid() == 0 && m.permissions().mode() & 0o022 == 0)
}

pub fn system_config_path() -> PathBuf {
    std::env::var_os("OTCHET_SYSTEM_CONFIG").map_or_else(|| PathBuf::from("/etc/otchet/config.toml"), PathBuf::from)
}

pub fn user_config_path() -> Option<PathBuf> {
    xdg_dir("XDG_CONFIG_HOME", ".config").map(|d| d.join("otchet").join("config.toml"))
}

/// `$VAR` if set and absolute, else `~/<fallback>`.
pub fn xdg_dir(var: &str, fallback: &str) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(var).map(PathBuf::from).filter(|p| p.is_absolute()) {
        return Some(dir);
    }
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(fallback))
}

/// The user's documents folder: XDG_DOCUMENTS_DIR of `user-dirs.dirs`, else `~/Документы`
/// or `~/Documents` where one exists, else the home folder.
pub fn documents_dir() -> Option<PathBuf> {
    let home = PathBuf::from(std::env::var_os("HOME").filter(|h| !h.is_empty())?);
    let user_dirs = xdg_dir("XDG_CONFIG_HOME", ".config").map(|d| d.join("user-dirs.dirs"));
    let from_user_dirs = user_dirs
        .and_then(|f| std::fs::read_to_string(f).ok())
        .and_then(|text| documents_in_user_dirs(&text, &home))
        .filter(|d| d.is_dir() && d != &home);
    let named = ["Документы", "Documents"].into_iter().map(|n| home.join(n)).find(|d| d.is_dir());
    Some(from_user_dirs.or(named).unwrap_or(home))
}

/// `XDG_DOCUMENTS_DIR="$HOME/…"` as xdg-user-dirs writes it.
fn documents_in_user_dirs(text: &str, home: &Path) -> Option<PathBuf> {
    let line = text.lines().find_map(|l| l.trim().strip_prefix("XDG_DOCUMENTS_DIR="))?;
    let value = line.trim().trim_matches('"');
    match value.strip_prefix("$HOME") {
        Some(rest) => Some(home.join(rest.trim_start_matches('/'))),
        None => Some(PathBuf::from(value)).filter(|p| p.is_absolute()),
    }
}

/// toml's message, with the line it is about and, for the usual mistake (a misspelt
/// setting), in the user's language.
fn describe_toml_error(text: &str, e: &toml::de::Error) -> String {
    let line = e.span().map_or(1, |span| line_of(text, span.start));
    let message = e.message().trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or_default();
        return tr!("config-unknown-field", line = line, name = name);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        // serde's «invalid type: integer `5`, expected path string»: the expected kind in words.
        let expected = rest.split(", expected ").nth(1).unwrap_or_default();
        let kind = if expected.contains("bool") {
            "bool"
        } else if expected.contains("string") {
            "string"
        } else if expected.contains("integer") || expected.starts_with('u') || expected.starts_with('i') {
            "integer"
        } else if expected.contains("sequence") {
            "list"
        } else {
            "other"
        };
        return tr!("config-bad-type", line = line, kind = kind);
    }
    tr!("config-syntax", line = line, detail = message)
}

impl Config {
    /// The system file, then the user's file on top.
    pub fn load() -> Result<Config, ConfigError> {
        let mut config = Config::default();
        config.merge_file(&system_config_path())?;
        // Whom clients trust to run the server is the machine's to say, not each user's: a
        // member naming themselves could serve (and be trusted for) a store not theirs.
        let service_user = config.server_user.clone().filter(|_| only_root_may_change(&system_config_path()));
        if let Some(user) = user_config_path() {
            config.merge_file(&user)?;
        }
        config.server_user = service_user;
        Ok(config)
    }

    fn merge_file(&mut self, path: &Path) -> Result<(), ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(ConfigError { file: path.to_path_buf(), detail: crate::i18n::os_error(&e) }),
        };
        self.merge_str(path, &text)
    }

    pub fn merge_str(&mut self, path: &Path, text: &str) -> Result<(), ConfigError> {
        let fail = |detail: String| ConfigError { file: path.to_path_buf(), detail };
        let file: ConfigFile = toml::from_str(text).map_err(|e| fail(describe_toml_error(text, &e)))?;
        self.merge_sizes(&file).map_err(fail)?;
        if let Some(db) = file.db {
            // A relative path means relative to the config file's folder.
            self.db = Some(path.parent().map_or(db.clone(), |dir| dir.join(&db)));
        }
        if let Some(lang) = file.lang {
            self.lang = Some(Lang::parse(&lang).ok_or_else(|| fail(tr!("config-bad-lang", value = &lang)))?);
        }
        if let Some(days) = file.due_soon_days {
            self.rules.due_soon_days = days;
        }
        if let Some(done) = file.done {
            self.rules.done = done;
        }
        if let Some(colors) = file.colors {
            self.colors.extend(colors);
        }
        for (pane, commands) in file.keys.unwrap_or_default() {
            for (command, keys) in commands {
                self.keys.push(KeyBinding {
                    pane: pane.get_ref().clone(),
                    command: command.get_ref().clone(),
                    keys: keys.into_iter().map(Spanned::into_inner).collect(),
                    file: path.to_path_buf(),
                    line: line_of(text, command.span().start),
                });
            }
        }
        if let Some(spelling) = file.spelling {
            if let Some(check) = spelling.check {
                self.spell_check = check;
            }
            if let Some(dictionary) = spelling.dictionary {
                self.dictionary = dictionary;
            }
        }
        if let Some(server) = file.server {
            if let Some(secs) = server.idle_timeout_secs {
                self.idle_timeout_secs = secs;
            }
            if let Some(socket) = server.socket {
                // Relative to the config file's folder, as `db` is.
                self.socket = Some(path.parent().map_or(socket.clone(), |dir| dir.join(&socket)));
            }
            if let Some(user) = server.user {
                self.server_user = Some(user);
            }
            if let Some(days) = server.backup_days {
                self.backup_days = days;
            }
        }
        Ok(())
    }

    /// `cache_mib` and `import_max_mib`, each within its bounds.
    fn merge_sizes(&mut self, file: &ConfigFile) -> Result<(), String> {
        if let Some(mib) = file.cache_mib {
            let bytes = mib.saturating_mul(1 << 20);
            if bytes == 0 || bytes > MAX_CACHE_BYTES {
                return Err(tr!("config-bad-cache", value = mib, max = MAX_CACHE_BYTES >> 20));
            }
            self.cache_bytes = bytes;
        }
        if let Some(mib) = file.import_max_mib {
            if mib == 0 || mib > MAX_IMPORT_MIB {
                return Err(tr!("config-bad-import-max", value = mib, max = MAX_IMPORT_MIB));
            }
            self.import_limit = mib << 20;
        }
        Ok(())
    }

    /// The spelling dictionary the server loads; an empty setting turns spelling off.
    pub fn dictionary_path(&self) -> Option<PathBuf> {
        Some(self.dictionary.clone()).filter(|p| !p.as_os_str().is_empty())
    }

    /// `--db`, else `$OTCHET_DB`, else the config files' `db`, else `~/.local/share/otchet`.
    pub fn store_path(&self, flag: Option<&Path>) -> Option<PathBuf> {
        if let Some(p) = flag {
            return Some(p.to_path_buf());
        }
        if let Some(p) = std::env::var_os("OTCHET_DB").filter(|v| !v.is_empty()) {
            return Some(PathBuf::from(p));
        }
        if let Some(p) = &self.db {
            return Some(p.clone());
        }
        xdg_dir("XDG_DATA_HOME", ".local/share").map(|d| d.join("otchet"))
    }
}

#[cfg(test)]
mod documents_tests {
    use super::*;

    #[test]
    fn the_documents_folder_as_xdg_user_dirs_writes_it() {
        let home = Path::new("/home/ivanova");
        let text = "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Рабочий стол\"\nXDG_DOCUMENTS_DIR=\"$HOME/Документы\"\n";
        assert_eq!(documents_in_user_dirs(text, home), Some(PathBuf::from("/home/ivanova/Документы")));
        assert_eq!(documents_in_user_dirs("XDG_DOCUMENTS_DIR=\"/srv/docs\"", home), Some(PathBuf::from("/srv/docs")));
        assert_eq!(documents_in_user_dirs("XDG_DOCUMENTS_DIR=\"relative\"", home), None);
        assert_eq!(documents_in_user_dirs("", home), None);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_largest_import_is_a_setting_within_bounds() {
        let path = Path::new("/etc/otchet/config.toml");
        let mut config = Config::default();
        assert_eq!(config.import_limit, DEFAULT_IMPORT_LIMIT);
        config.merge_str(path, "import_max_mib = 300\n").unwrap();
        assert_eq!(config.import_limit, 300 << 20);
        for bad in ["import_max_mib = 0\n", "import_max_mib = 5000\n"] {
            let Err(e) = config.merge_str(path, bad) else { panic!("{bad} taken") };
            assert!(e.detail.contains("import_max_mib") && e.detail.contains("4096"), "{}", e.detail);
        }
        assert_eq!(config.import_limit, 300 << 20, "a refused value changes nothing");
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_told_in_russian_with_its_line() {
        let mut config = Config::default();
        let Err(e) =
            config.merge_str(Path::new("/etc/otchet/config.toml"), "lang = \"ru\"\n[spelling]\ndictionary = 5\n")
        else {
            panic!("refused")
        };
        assert!(e.detail.contains("строка 3") && e.detail.contains("текст в кавычках"), "{}", e.detail);
        assert!(!e.detail.contains("invalid type"), "{}", e.detail);
    }

    use super::*;

    #[test]
    fn a_system_file_others_may_write_names_no_service_user() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        std::fs::write(&file, "[server]\nuser = \"mallory\"\n").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o666)).unwrap();
        assert!(!only_root_may_change(&file));
        assert!(!only_root_may_change(&dir.path().join("none.toml")));
        let is_root = nix::unistd::geteuid().is_root();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(only_root_may_change(&file), is_root, "a root-owned file others cannot write");
    }

    #[test]
    fn a_relative_socket_is_taken_from_the_config_files_folder() {
        let mut c = Config::default();
        let text = "[server]\nsocket = \"run/otchet.sock\"\nuser = \"otchet\"\n";
        c.merge_str(Path::new("/etc/otchet/config.toml"), text).unwrap();
        assert_eq!(c.socket, Some(PathBuf::from("/etc/otchet/run/otchet.sock")));
        assert_eq!(c.server_user.as_deref(), Some("otchet"));
        c.merge_str(Path::new("/etc/otchet/config.toml"), "[server]\nsocket = \"/run/o.sock\"\n").unwrap();
        assert_eq!(c.socket, Some(PathBuf::from("/run/o.sock")));
    }

    #[test]
    fn user_file_wins_field_by_field() {
        let mut c = Config::default();
        c.merge_str(Path::new("/etc/otchet/config.toml"), "db = \"/srv/otchet\"\ndue_soon_days = 7\n").unwrap();
        c.merge_str(Path::new("/home/u/.config/otchet/config.toml"), "due_soon_days = 3\nlang = \"en\"\n").unwrap();
        assert_eq!(c.db, Some(PathBuf::from("/srv/otchet")));
        assert_eq!(c.rules.due_soon_days, 3);
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.store_path(Some(Path::new("/tmp/x"))), Some(PathBuf::from("/tmp/x")));
    }

    #[test]
    fn the_documented_example_is_valid() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/config.example.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        let mut c = Config::default();
        c.merge_str(&path, &text).unwrap();
        assert_eq!(c.rules.due_soon_days, 14);
        let overrides: Vec<crate::tui::keymap::Override> = c
            .keys
            .iter()
            .map(|k| crate::tui::keymap::Override {
                pane: k.pane.clone(),
                command: k.command.clone(),
                keys: k.keys.clone(),
                place: k.place(),
            })
            .collect();
        crate::tui::keymap::Keymaps::with_overrides(&overrides).unwrap();
        crate::tui::theme::Theme::from_config(&c.colors, false).unwrap();
    }

    #[test]
    fn key_tables_keep_the_line_of_each_rebinding() {
        let mut c = Config::default();
        let text = "lang = \"ru\"\n\n[keys.list]\ndown = [\"n\"]\nsearch = [\"n\", \"/\"]\n";
        c.merge_str(Path::new("c.toml"), text).unwrap();
        let lines: Vec<(&str, usize)> = c.keys.iter().map(|k| (k.command.as_str(), k.line)).collect();
        assert_eq!(lines, [("down", 4), ("search", 5)]);
        assert_eq!(c.keys[1].keys, ["n", "/"]);
    }

    #[test]
    fn bad_files_name_the_file_and_the_line() {
        let mut c = Config::default();
        let err = c.merge_str(Path::new("/etc/otchet/config.toml"), "db = \"/srv\"\ndue_soon_dayz = 7\n").unwrap_err();
        assert_eq!(err.file, PathBuf::from("/etc/otchet/config.toml"));
        crate::i18n::set_lang(crate::i18n::Lang::Ru);
        let err = c.merge_str(Path::new("/etc/otchet/config.toml"), "db = \"/srv\"\ndue_soon_dayz = 7\n").unwrap_err();
        assert!(err.detail.contains("строка 2") && err.detail.contains("due_soon_dayz"), "{}", err.detail);
        let err = c.merge_str(Path::new("c.toml"), "cache_mib = 64").unwrap_err();
        assert!(err.detail.contains("64"), "{}", err.detail);
    }
}
