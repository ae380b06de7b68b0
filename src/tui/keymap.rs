//! Keymaps as data: one table per pane or dialog, mapping keys to commands. The help
//! screen is generated from these tables, and the config file can rebind any command.

use std::collections::BTreeMap;

use super::command::Command;
use super::key::{Key, KeyCode};
use crate::tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    /// Works in every pane of the main screen.
    Global,
    List,
    Editor,
    Assessment,
    Help,
    Quit,
    Period,
    Draft,
    Conflict,
    History,
    Welcome,
}

impl Pane {
    pub const ALL: [Pane; 11] = [
        Pane::Global,
        Pane::List,
        Pane::Editor,
        Pane::Assessment,
        Pane::Help,
        Pane::Quit,
        Pane::Period,
        Pane::Draft,
        Pane::Conflict,
        Pane::History,
        Pane::Welcome,
    ];

    /// The name of the pane's table in the config file (`[keys.list]`).
    pub fn name(self) -> &'static str {
        match self {
            Pane::Global => "global",
            Pane::List => "list",
            Pane::Editor => "editor",
            Pane::Assessment => "assessment",
            Pane::Help => "help",
            Pane::Quit => "quit",
            Pane::Period => "period",
            Pane::Draft => "draft",
            Pane::Conflict => "conflict",
            Pane::History => "history",
            Pane::Welcome => "welcome",
        }
    }

    pub fn title(self) -> String {
        match self {
            Pane::Global => tr!("pane-global"),
            Pane::List => tr!("pane-list"),
            Pane::Editor => tr!("pane-editor"),
            Pane::Assessment => tr!("pane-assessment"),
            Pane::Help => tr!("pane-help"),
            Pane::Quit => tr!("pane-quit"),
            Pane::Period => tr!("pane-period"),
            Pane::Draft => tr!("pane-draft"),
            Pane::Conflict => tr!("pane-conflict"),
            Pane::History => tr!("pane-history"),
            Pane::Welcome => tr!("pane-welcome"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    pub pane: Pane,
    /// In the order the help screen lists them.
    pub bindings: Vec<(Command, Vec<Key>)>,
}

impl Keymap {
    fn exact(&self, key: Key) -> Option<Command> {
        self.bindings.iter().find(|(_, keys)| keys.contains(&key)).map(|(c, _)| *c)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymaps {
    tables: Vec<Keymap>,
}

fn k(s: &str) -> Key {
    // Only called on the literal defaults below, which a unit test parses.
    Key::parse(s).unwrap_or(Key::plain(KeyCode::F(24)))
}

fn table(pane: Pane, rows: &[(Command, &[&str])]) -> Keymap {
    Keymap { pane, bindings: rows.iter().map(|(c, keys)| (*c, keys.iter().map(|s| k(s)).collect())).collect() }
}

impl Keymaps {
    pub fn defaults() -> Keymaps {
        use Command::*;
        let tables = vec![
            table(
                Pane::Global,
                &[(Save, &["ctrl-s"]), (Help, &["F1"]), (NextPane, &["Tab"]), (PrevPane, &["shift-tab"])],
            ),
            table(
                Pane::List,
                &[
                    (Down, &["j", "Down"]),
                    (Up, &["k", "Up"]),
                    (PageDown, &["PageDown"]),
                    (PageUp, &["PageUp"]),
                    (First, &["Home", "g"]),
                    (Last, &["End", "G"]),
                    (Edit, &["Enter", "e"]),
                    (PickAssessment(1), &["1"]),
                    (PickAssessment(2), &["2"]),
                    (PickAssessment(3), &["3"]),
                    (PickAssessment(4), &["4"]),
                    (PickAssessment(5), &["5"]),
                    (PickAssessment(6), &["6"]),
                    (PickAssessment(7), &["7"]),
                    (PickAssessment(8), &["8"]),
                    (PickAssessment(9), &["9"]),
                    (Search, &["/"]),
                    (ClearSearch, &["Esc"]),
                    (CycleFilter, &["f"]),
                    (NextFlagged, &["]"]),
                    (PrevFlagged, &["["]),
                    (PickPeriod, &["p"]),
                    (SetAsOf, &["a"]),
                    (CopyPrevious, &["c"]),
                    (SetSchedule, &["s"]),
                    (ExternalEditor, &["E"]),
                    (History, &["h"]),
                    (Export, &["x"]),
                    (Help, &["?"]),
                    (Quit, &["q", "ctrl-c"]),
                ],
            ),
            table(
                Pane::Editor,
                &[(StopEditing, &["Esc"]), (Undo, &["ctrl-z"]), (Redo, &["ctrl-y"]), (ExternalEditor, &["F4"])],
            ),
            table(
                Pane::Assessment,
                &[
                    (StopEditing, &["Esc", "Enter"]),
                    (PrevAssessment, &["Up"]),
                    (NextAssessment, &["Down"]),
                    (Undo, &["ctrl-z"]),
                    (Redo, &["ctrl-y"]),
                ],
            ),
            table(
                Pane::Help,
                &[
                    (Down, &["j", "Down"]),
                    (Up, &["k", "Up"]),
                    (PageDown, &["PageDown", "Space"]),
                    (PageUp, &["PageUp"]),
                    (Cancel, &["Esc", "q", "?", "F1"]),
                ],
            ),
            table(Pane::Quit, &[(SaveAndQuit, &["s", "Enter"]), (QuitKeepingDraft, &["d"]), (Cancel, &["Esc", "n"])]),
            table(
                Pane::Period,
                &[
                    (Down, &["j", "Down"]),
                    (Up, &["k", "Up"]),
                    (Confirm, &["Enter"]),
                    (OpenNextPeriod, &["n"]),
                    (Cancel, &["Esc", "q"]),
                ],
            ),
            table(Pane::Draft, &[(Confirm, &["Enter", "y"]), (DiscardDraft, &["d"]), (Cancel, &["Esc"])]),
            table(
                Pane::Conflict,
                &[(KeepMine, &["m"]), (TakeTheirs, &["t"]), (EditMerge, &["e", "Enter"]), (Cancel, &["Esc"])],
            ),
            table(
                Pane::History,
                &[(Down, &["j", "Down"]), (Up, &["k", "Up"]), (Confirm, &["Enter"]), (Cancel, &["Esc", "q"])],
            ),
            table(
                Pane::Welcome,
                &[(ImportFile, &["1", "i"]), (LoadSample, &["2", "s"]), (Quit, &["q", "Esc", "ctrl-c"])],
            ),
        ];
        Keymaps { tables }
    }

    /// The defaults with the config file's `[keys.<pane>] command = ["key", …]` applied.
    pub fn with_overrides(overrides: &BTreeMap<String, BTreeMap<String, Vec<String>>>) -> Result<Keymaps, String> {
        let mut maps = Keymaps::defaults();
        for (pane_name, commands) in overrides {
            let Some(table) = maps.tables.iter_mut().find(|t| t.pane.name() == pane_name) else {
                return Err(tr!("keys-unknown-pane", pane = pane_name));
            };
            for (command_name, key_names) in commands {
                let Some((_, keys)) = table.bindings.iter_mut().find(|(c, _)| c.name() == *command_name) else {
                    return Err(tr!("keys-unknown-command", pane = pane_name, command = command_name));
                };
                let mut parsed = Vec::with_capacity(key_names.len());
                for name in key_names {
                    parsed.push(Key::parse(name).ok_or_else(|| tr!("keys-unknown-key", key = name))?);
                }
                *keys = parsed;
            }
        }
        Ok(maps)
    }

    pub fn table(&self, pane: Pane) -> Option<&Keymap> {
        self.tables.iter().find(|t| t.pane == pane)
    }

    pub fn tables(&self) -> &[Keymap] {
        &self.tables
    }

    /// The command for `key` in `pane` (then in the global table when `with_global`); a
    /// key typed with the Russian layout active falls back to the same physical key.
    pub fn lookup(&self, pane: Pane, with_global: bool, key: Key) -> Option<Command> {
        let find = |key: Key| {
            let own = self.table(pane).and_then(|t| t.exact(key));
            own.or_else(|| if with_global { self.table(Pane::Global).and_then(|t| t.exact(key)) } else { None })
        };
        find(key).or_else(|| key.latin_equivalent().and_then(find))
    }

    /// The first key bound to a command, for hints ("? справка").
    pub fn first_key(&self, pane: Pane, command: Command) -> Option<Key> {
        self.table(pane)?.bindings.iter().find(|(c, _)| *c == command)?.1.first().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_key_parses() {
        // `k()` maps an unparsable literal to F24; no default may be F24.
        for t in Keymaps::defaults().tables() {
            for (c, keys) in &t.bindings {
                assert!(!keys.is_empty(), "{:?} {:?} has no key", t.pane, c);
                assert!(!keys.contains(&Key::plain(KeyCode::F(24))), "{:?} {:?}", t.pane, c);
            }
        }
    }

    #[test]
    fn russian_layout_keys_reach_the_same_commands() {
        let maps = Keymaps::defaults();
        assert_eq!(maps.lookup(Pane::List, true, Key::char('о')), Some(Command::Down));
        assert_eq!(maps.lookup(Pane::List, true, Key::char('л')), Some(Command::Up));
        assert_eq!(maps.lookup(Pane::List, true, Key::char('й')), Some(Command::Quit));
        assert_eq!(maps.lookup(Pane::List, true, Key::char('.')), Some(Command::Search));
        assert_eq!(maps.lookup(Pane::List, true, Key::char('У')), Some(Command::ExternalEditor));
        assert_eq!(maps.lookup(Pane::List, true, Key::ctrl('ы')), Some(Command::Save));
        assert_eq!(maps.lookup(Pane::Quit, false, Key::char('ы')), Some(Command::SaveAndQuit));
    }

    #[test]
    fn no_two_commands_of_a_pane_share_a_key() {
        let maps = Keymaps::defaults();
        for t in maps.tables() {
            let mut seen = std::collections::HashMap::new();
            for (c, keys) in &t.bindings {
                for key in keys {
                    if let Some(other) = seen.insert(*key, *c) {
                        panic!("{:?}: {key} is bound to {other:?} and {c:?}", t.pane);
                    }
                }
            }
        }
    }

    #[test]
    fn the_russian_guide_lists_every_key_of_the_main_screen() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/guide.ru.md");
        let guide = std::fs::read_to_string(path).unwrap();
        let maps = Keymaps::defaults();
        for pane in [Pane::List, Pane::Global, Pane::Editor, Pane::Assessment] {
            for (command, keys) in &maps.table(pane).unwrap().bindings {
                if matches!(command, Command::PickAssessment(_)) {
                    continue;
                }
                for key in keys {
                    assert!(
                        guide.contains(&format!("`{key}`")),
                        "docs/guide.ru.md does not mention `{key}` ({command:?})"
                    );
                }
            }
        }
    }

    #[test]
    fn overrides_rebind_and_bad_names_are_refused() {
        let mut o = BTreeMap::new();
        o.insert("list".to_owned(), BTreeMap::from([("down".to_owned(), vec!["n".to_owned(), "Down".to_owned()])]));
        let maps = Keymaps::with_overrides(&o).unwrap();
        assert_eq!(maps.lookup(Pane::List, true, Key::char('n')), Some(Command::Down));
        assert_eq!(maps.lookup(Pane::List, true, Key::char('j')), None);

        o.insert("lst".to_owned(), BTreeMap::new());
        assert!(Keymaps::with_overrides(&o).is_err());
        let bad_key =
            BTreeMap::from([("list".to_owned(), BTreeMap::from([("down".to_owned(), vec!["ctrl-".to_owned()])]))]);
        assert!(Keymaps::with_overrides(&bad_key).is_err());
    }
}
