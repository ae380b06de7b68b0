//! Keymaps as data: one table per pane or dialog, mapping keys to commands. The help
//! screen is generated from these tables, and the config file can rebind any command.

use super::command::Command;
use super::key::{Key, KeyCode};
use crate::tr;

/// Declares the panes once: the enum, the list, each one's config name and title key.
macro_rules! panes {
    ($($(#[$doc:meta])* $pane:ident $name:literal $title:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Pane {
            $($(#[$doc])* $pane,)*
        }

        impl Pane {
            /// In the order the help screen lists their tables.
            pub const ALL: &'static [Pane] = &[$(Pane::$pane,)*];

            /// The name of the pane's table in the config file (`[keys.list]`).
            pub fn name(self) -> &'static str {
                match self { $(Pane::$pane => $name,)* }
            }

            /// The catalogue key of the pane's title on the help screen.
            pub fn title_key(self) -> &'static str {
                match self { $(Pane::$pane => $title,)* }
            }
        }
    };
}

panes! {
    /// Works in every pane of the main screen.
    Global "global" "pane-global";
    List "list" "pane-list";
    Editor "editor" "pane-editor";
    Assessment "assessment" "pane-assessment";
    Help "help" "pane-help";
    Quit "quit" "pane-quit";
    Period "period" "pane-period";
    /// A question to answer yes to, or anything else for no.
    Confirm "confirm" "pane-confirm";
    Draft "draft" "pane-draft";
    Conflict "conflict" "pane-conflict";
    History "history" "pane-history";
    Welcome "welcome" "pane-welcome";
    /// The loading screen, and the screen of a failed load.
    Start "start" "pane-start";
}

impl Pane {
    pub fn title(self) -> String {
        crate::i18n::message(self.title_key(), &[])
    }
}

impl Pane {
    /// The panes of the main screen, where the global table applies too.
    pub fn is_main_screen(self) -> bool {
        matches!(self, Pane::Global | Pane::List | Pane::Editor | Pane::Assessment)
    }

    pub fn from_name(name: &str) -> Option<Pane> {
        Pane::ALL.iter().copied().find(|p| p.name() == name)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    pub pane: Pane,
    /// In the order the help screen lists them (the command table's).
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

/// One rebinding from a settings file: `[keys.<pane>] <command> = ["key", …]`, with where it
/// was written ("~/.config/otchet/config.toml, строка 12") for messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    pub pane: String,
    pub command: String,
    pub keys: Vec<String>,
    pub place: String,
}

/// A rebinding that cannot be applied, named by where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeymapError {
    pub place: String,
    pub problem: String,
}

impl std::fmt::Display for KeymapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&tr!("keys-error", place = self.place.as_str(), problem = self.problem.as_str()))
    }
}

impl std::error::Error for KeymapError {}

fn parse_defaults(keys: &[&str]) -> Vec<Key> {
    // Only called on the literal defaults of the command table, which a unit test parses.
    keys.iter().map(|s| Key::parse(s).unwrap_or(Key::plain(KeyCode::F(24)))).collect()
}

impl Keymaps {
    /// Every pane's table, made from the command table's default keys.
    pub fn defaults() -> Keymaps {
        let tables = Pane::ALL
            .iter()
            .map(|&pane| {
                let bindings = Command::ALL
                    .iter()
                    .filter_map(|c| {
                        let (_, keys) = c.default_keys().iter().find(|(p, _)| *p == pane)?;
                        Some((*c, parse_defaults(keys)))
                    })
                    .collect();
                Keymap { pane, bindings }
            })
            .collect();
        Keymaps { tables }
    }

    /// The defaults with the settings files' rebindings applied, in order. An unknown pane,
    /// command or key name, or two commands on one key, is an error naming the place.
    pub fn with_overrides(overrides: &[Override]) -> Result<Keymaps, KeymapError> {
        let mut maps = Keymaps::defaults();
        for o in overrides {
            maps.apply(o)?;
        }
        maps.check_conflicts(overrides)?;
        Ok(maps)
    }

    fn apply(&mut self, o: &Override) -> Result<(), KeymapError> {
        let fail = |problem: String| KeymapError { place: o.place.clone(), problem };
        let pane = Pane::from_name(&o.pane).ok_or_else(|| fail(tr!("keys-unknown-pane", pane = o.pane.as_str())))?;
        let command = Command::from_name(&o.command)
            .ok_or_else(|| fail(tr!("keys-unknown-command", pane = o.pane.as_str(), command = o.command.as_str())))?;
        let mut keys = Vec::with_capacity(o.keys.len());
        for name in &o.keys {
            keys.push(Key::parse(name).ok_or_else(|| fail(tr!("keys-unknown-key", key = name.as_str())))?);
        }
        let Some(table) = self.tables.iter_mut().find(|t| t.pane == pane) else { return Ok(()) };
        match table.bindings.iter_mut().find(|(c, _)| *c == command) {
            Some((_, bound)) => *bound = keys,
            None if command.handler().is_some() || command.default_keys().iter().any(|(p, _)| *p == pane) => {
                table.bindings.push((command, keys));
            }
            None => {
                return Err(fail(tr!("keys-unknown-command", pane = o.pane.as_str(), command = o.command.as_str())));
            }
        }
        Ok(())
    }

    /// Two commands on one key in a pane (the main screen's panes count the global table
    /// too): the error names the rebinding that made it.
    fn check_conflicts(&self, overrides: &[Override]) -> Result<(), KeymapError> {
        for table in &self.tables {
            let mut seen: Vec<(Key, Command)> = Vec::new();
            let global = match table.pane {
                p if p.is_main_screen() && p != Pane::Global => self.table(Pane::Global),
                _ => None,
            };
            let bindings = table.bindings.iter().chain(global.into_iter().flat_map(|g| g.bindings.iter()));
            for (command, keys) in bindings {
                for key in keys {
                    match seen.iter().find(|(k, _)| k == key) {
                        Some((_, other)) if other != command => {
                            let blamed = overrides
                                .iter()
                                .rev()
                                .find(|o| o.command == command.name() || o.command == other.name())
                                .map_or_else(String::new, |o| o.place.clone());
                            let problem = tr!(
                                "keys-conflict",
                                key = key.to_string(),
                                pane = table.pane.name(),
                                first = other.name(),
                                second = command.name()
                            );
                            return Err(KeymapError { place: blamed, problem });
                        }
                        Some(_) => {}
                        None => seen.push((*key, *command)),
                    }
                }
            }
        }
        Ok(())
    }

    pub fn table(&self, pane: Pane) -> Option<&Keymap> {
        self.tables.iter().find(|t| t.pane == pane)
    }

    pub fn tables(&self) -> &[Keymap] {
        &self.tables
    }

    /// The command for `key` in `pane` (then in the global table for the main screen's
    /// panes); a key typed with the Russian layout active falls back to the same physical key.
    pub fn lookup(&self, pane: Pane, key: Key) -> Option<Command> {
        let with_global = pane.is_main_screen();
        let find = |key: Key| {
            let own = self.table(pane).and_then(|t| t.exact(key));
            own.or_else(|| if with_global { self.table(Pane::Global).and_then(|t| t.exact(key)) } else { None })
        };
        find(key).or_else(|| key.latin_equivalent().and_then(find))
    }

    /// The first key bound to a command, for hints ("? справка").
    pub fn first_key(&self, pane: Pane, command: Command) -> Option<Key> {
        self.keys_of(pane, command).first().copied()
    }

    /// The first key's name as a hint writes it ("Ctrl-S"); empty when the command has none.
    pub fn key_name(&self, pane: Pane, command: Command) -> String {
        self.first_key(pane, command).map(|k| k.to_string()).unwrap_or_default()
    }

    /// Every key a command has in a pane, in the order they were bound.
    pub fn keys_of(&self, pane: Pane, command: Command) -> &[Key] {
        let bound = self.table(pane).and_then(|t| t.bindings.iter().find(|(c, _)| *c == command));
        bound.map_or(&[], |(_, keys)| keys.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebind(pane: &str, command: &str, keys: &[&str], line: usize) -> Override {
        Override {
            pane: pane.into(),
            command: command.into(),
            keys: keys.iter().map(|k| (*k).to_owned()).collect(),
            place: format!("config.toml, строка {line}"),
        }
    }

    #[test]
    fn every_default_key_parses() {
        // `parse_defaults` maps an unparsable literal to F24; no default may be F24.
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
        assert_eq!(maps.lookup(Pane::List, Key::char('о')), Some(Command::Down));
        assert_eq!(maps.lookup(Pane::List, Key::char('л')), Some(Command::Up));
        assert_eq!(maps.lookup(Pane::List, Key::char('й')), Some(Command::Quit));
        assert_eq!(maps.lookup(Pane::List, Key::char('.')), Some(Command::Search));
        assert_eq!(maps.lookup(Pane::List, Key::char('У')), Some(Command::ExternalEditor));
        assert_eq!(maps.lookup(Pane::List, Key::ctrl('ы')), Some(Command::Save));
        assert_eq!(maps.lookup(Pane::Quit, Key::char('ы')), Some(Command::SaveAndQuit));
    }

    #[test]
    fn no_two_commands_of_a_pane_share_a_key() {
        assert_eq!(Keymaps::defaults().check_conflicts(&[]), Ok(()));
    }

    #[test]
    fn the_russian_guide_lists_every_key_of_the_main_screen() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/guide.ru.md");
        let guide = std::fs::read_to_string(path).unwrap();
        let maps = Keymaps::defaults();
        for pane in [Pane::List, Pane::Global, Pane::Editor, Pane::Assessment] {
            for (command, keys) in &maps.table(pane).unwrap().bindings {
                if command.assessment_number().is_some() {
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
    fn overrides_rebind_and_bad_names_are_refused_with_their_place() {
        let maps = Keymaps::with_overrides(&[rebind("list", "down", &["z", "Down"], 3)]).unwrap();
        assert_eq!(maps.lookup(Pane::List, Key::char('z')), Some(Command::Down));
        assert_eq!(maps.lookup(Pane::List, Key::char('j')), None);

        let err = Keymaps::with_overrides(&[rebind("lst", "down", &["n"], 4)]).unwrap_err();
        assert_eq!(err.place, "config.toml, строка 4");
        let err = Keymaps::with_overrides(&[rebind("list", "down", &["ctrl-"], 5)]).unwrap_err();
        assert!(err.to_string().contains("строка 5"), "{err}");
        let err = Keymaps::with_overrides(&[rebind("list", "flyaway", &["z"], 6)]).unwrap_err();
        assert!(err.to_string().contains("flyaway"), "{err}");
    }

    #[test]
    fn two_commands_on_one_key_is_an_error_naming_the_line() {
        let err = Keymaps::with_overrides(&[rebind("list", "search", &["j"], 12)]).unwrap_err();
        assert_eq!(err.place, "config.toml, строка 12");
        assert!(err.problem.contains("down") && err.problem.contains("search"), "{}", err.problem);
        // A list key over the global table's Ctrl-S is two commands on one key too.
        let err = Keymaps::with_overrides(&[rebind("list", "export", &["ctrl-s"], 7)]).unwrap_err();
        assert!(err.problem.contains("save"), "{}", err.problem);
        // Moving a command off a key and another onto it is fine.
        let moved = [rebind("list", "down", &["Down"], 1), rebind("list", "search", &["j"], 2)];
        assert!(Keymaps::with_overrides(&moved).is_ok());
    }
}
