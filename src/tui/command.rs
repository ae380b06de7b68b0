//! Every command of the TUI, declared once (in the style of helix's `static_commands!`):
//! the name the config file uses, the catalogue key of its description, what it does on
//! the main screen, and its default keys in each pane. The `Command` enum, the keymaps'
//! defaults, the help screen and the main screen's dispatch are all made from this table.
//! A command that means something only in a dialog has no main-screen handler (`-`): the
//! dialog that is open interprets it (`update::dialogs`).

use super::action::Effect;
use super::key::Key;
use super::keymap::Pane;
use super::state::{Focus, State};
use super::update::{editing, main_screen as main, navigation, review, spelling};

/// What a command does on the main screen.
pub type Handler = fn(&mut State, Key) -> Effect;

macro_rules! commands {
    ($(
        $(#[$doc:meta])*
        $variant:ident $name:literal $describe:literal
            => $handler:tt
            $([$pane:ident: $($key:literal)*])*
    ;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Command {
            $($(#[$doc])* $variant,)*
        }

        impl Command {
            /// Every command, in the order the help screen lists them.
            pub const ALL: &'static [Command] = &[$(Command::$variant,)*];

            /// The name used in the config file's `[keys.<pane>]` tables.
            pub fn name(self) -> &'static str {
                match self { $(Command::$variant => $name,)* }
            }

            /// The catalogue key of the command's description.
            pub fn description_key(self) -> &'static str {
                match self { $(Command::$variant => $describe,)* }
            }

            /// What the command does on the main screen; `None`: only a dialog knows.
            pub fn handler(self) -> Option<Handler> {
                match self { $(Command::$variant => commands!(@handler $handler),)* }
            }

            /// The keys the command has in each pane unless the config file rebinds it.
            pub fn default_keys(self) -> &'static [(Pane, &'static [&'static str])] {
                match self { $(Command::$variant => &[$((Pane::$pane, &[$($key),*])),*],)* }
            }
        }
    };
    (@handler -) => { None };
    (@handler $handler:expr) => { Some($handler) };
}

commands! {
    Down "down" "cmd-down" => (|s, _| navigation::move_by(s, 1))
        [List: "j" "Down"] [Help: "j" "Down"] [Period: "j" "Down"] [History: "j" "Down"] [Conflict: "j" "Down"];
    Up "up" "cmd-up" => (|s, _| navigation::move_by(s, -1))
        [List: "k" "Up"] [Help: "k" "Up"] [Period: "k" "Up"] [History: "k" "Up"] [Conflict: "k" "Up"];
    PageDown "page_down" "cmd-page-down" => (|s, _| navigation::page(s, 1))
        [List: "PageDown"] [Help: "PageDown" "Space"] [Conflict: "PageDown"];
    PageUp "page_up" "cmd-page-up" => (|s, _| navigation::page(s, -1))
        [List: "PageUp"] [Help: "PageUp"] [Conflict: "PageUp"];
    First "first" "cmd-first" => (|s, _| navigation::move_to(s, 0)) [List: "Home" "g"] [Help: "Home" "g"];
    Last "last" "cmd-last" => (|s, _| navigation::move_to(s, usize::MAX)) [List: "End" "G"] [Help: "End" "G"];
    Edit "edit" "cmd-edit" => (|s, _| editing::start(s, Focus::Editor)) [List: "Enter" "e"];
    Assessment1 "pick_assessment_1" "cmd-pick-assessment" => (|s, _| editing::pick_assessment(s, 0)) [List: "1"];
    Assessment2 "pick_assessment_2" "cmd-pick-assessment" => (|s, _| editing::pick_assessment(s, 1)) [List: "2"];
    Assessment3 "pick_assessment_3" "cmd-pick-assessment" => (|s, _| editing::pick_assessment(s, 2)) [List: "3"];
    Assessment4 "pick_assessment_4" "cmd-pick-assessment" => (|s, _| editing::pick_assessment(s, 3)) [List: "4"];
    Assessment5 "pick_assessment_5" "cmd-pick-assessment" => (|s, _| editing::pick_assessment(s, 4)) [List: "5"];
    Assessment6 "pick_assessment_6" "cmd-pick-assessment" => (|s, _| editing::pick_assessment(s, 5)) [List: "6"];
    Assessment7 "pick_assessment_7" "cmd-pick-assessment" => (|s, _| editing::pick_assessment(s, 6)) [List: "7"];
    Assessment8 "pick_assessment_8" "cmd-pick-assessment" => (|s, _| editing::pick_assessment(s, 7)) [List: "8"];
    Assessment9 "pick_assessment_9" "cmd-pick-assessment" => (|s, _| editing::pick_assessment(s, 8)) [List: "9"];
    Search "search" "cmd-search" => (|s, _| main::open_search(s)) [List: "/"];
    ClearSearch "clear_search" "cmd-clear-search" => (|s, _| navigation::clear_search(s)) [List: "Esc"];
    NextMatch "next_match" "cmd-next-match" => (|s, _| navigation::next_match(s, true)) [List: "n"];
    PrevMatch "prev_match" "cmd-prev-match" => (|s, _| navigation::next_match(s, false)) [List: "N"];
    GoTo "go_to" "cmd-go-to" => (|s, _| main::open_go_to(s)) [List: ":"];
    CycleFilter "cycle_filter" "cmd-cycle-filter" => (|s, _| navigation::cycle_filter(s)) [List: "f"];
    NextFlagged "next_flagged" "cmd-next-flagged" => (|s, _| navigation::next_flagged(s, true)) [List: "]"];
    PrevFlagged "prev_flagged" "cmd-prev-flagged" => (|s, _| navigation::next_flagged(s, false)) [List: "["];
    PickPeriod "pick_period" "cmd-pick-period" => (|s, _| main::open_periods(s)) [List: "p"];
    SetAsOf "set_as_of" "cmd-set-as-of" => (|s, _| main::open_as_of(s)) [List: "a"];
    CopyPrevious "copy_previous" "cmd-copy-previous" => (|s, _| editing::copy_previous(s)) [List: "c"];
    SetSchedule "set_schedule" "cmd-set-schedule" => (|s, _| main::open_schedule(s)) [List: "s"];
    SetResponsible "set_responsible" "cmd-set-responsible" => (|s, _| main::open_responsible(s)) [List: "r"];
    MarkReady "mark_ready" "cmd-mark-ready" => (|s, _| review::toggle_ready(s)) [List: "d"];
    Accept "accept" "cmd-accept" => (|s, _| review::accept(s, false)) [List: "A"];
    SendBack "send_back" "cmd-send-back" => (|s, _| review::accept(s, true)) [List: "B"];
    ConfirmCarried "confirm_carried" "cmd-confirm-carried" => (|s, _| review::confirm_carried(s)) [List: "v"];
    Summary "summary" "cmd-summary" => (|s, _| review::open_summary(s)) [List: "S"];
    GoToDrafts "go_to_drafts" "cmd-go-to-drafts" => (|s, _| review::go_to_drafts(s)) [List: "D"];
    StopEditing "stop_editing" "cmd-stop-editing" => (|s, _| editing::set_focus(s, Focus::List))
        [Editor: "Esc"] [Assessment: "Esc" "Enter"];
    PrevAssessment "prev_assessment" "cmd-prev-assessment" => (|s, _| editing::step_assessment(s, -1))
        [Assessment: "Up"];
    NextAssessment "next_assessment" "cmd-next-assessment" => (|s, _| editing::step_assessment(s, 1))
        [Assessment: "Down"];
    Undo "undo" "cmd-undo" => (|s, _| editing::undo(s, true)) [Editor: "ctrl-z"] [Assessment: "ctrl-z"];
    Redo "redo" "cmd-redo" => (|s, _| editing::undo(s, false)) [Editor: "ctrl-y"] [Assessment: "ctrl-y"];
    ExternalEditor "external_editor" "cmd-external-editor" => (|s, _| editing::external_editor(s))
        [List: "E"] [Editor: "F4"];
    Spelling "spelling" "cmd-spelling" => (|s, _| spelling::suggest(s)) [Editor: "F7"] [Assessment: "F7"];
    History "history" "cmd-history" => (|s, _| main::fetch_history(s)) [List: "h"];
    Export "export" "cmd-export" => (|s, _| main::open_export(s)) [List: "x"];
    Messages "messages" "cmd-messages" => (|s, _| main::open_log(s)) [List: "m"];
    Save "save" "cmd-save" => (|s, _| editing::save(s)) [Global: "ctrl-s"];
    Help "help" "cmd-help" => (|s, _| main::open_help(s)) [Global: "F1"] [List: "?"];
    NextPane "next_pane" "cmd-next-pane" => (|s, _| editing::cycle_focus(s, true)) [Global: "Tab"];
    PrevPane "prev_pane" "cmd-prev-pane" => (|s, _| editing::cycle_focus(s, false)) [Global: "shift-tab"];
    SaveAndQuit "save_and_quit" "cmd-save-and-quit" => - [Quit: "s" "Enter"];
    QuitKeepingDraft "quit_keeping_draft" "cmd-quit-keeping-draft" => - [Quit: "d"];
    QuitDiscarding "quit_discarding" "cmd-quit-discarding" => - [Quit: "x"];
    DiscardChanges "discard_changes" "cmd-discard-changes" => (|s, _| main::ask_to_discard(s)) [List: "u"];
    Confirm "confirm" "cmd-confirm" => - [Period: "Enter"] [Draft: "Enter" "y" "д"] [History: "Enter"] [Confirm: "Enter" "y" "д"];
    OpenNextPeriod "open_next_period" "cmd-open-next-period" => - [Period: "n"];
    ClosePeriod "close_period" "cmd-close-period" => - [Period: "d" "Delete"];
    ToggleCarryOver "toggle_carry_over" "cmd-toggle-carry-over" => - [Confirm: "Space"];
    DiscardDraft "discard_draft" "cmd-discard-draft" => - [Draft: "d"];
    KeepMine "keep_mine" "cmd-keep-mine" => - [Conflict: "m"];
    TakeTheirs "take_theirs" "cmd-take-theirs" => - [Conflict: "t"];
    EditMerge "edit_merge" "cmd-edit-merge" => - [Conflict: "e" "Enter"];
    Cancel "cancel" "cmd-cancel" => -
        [Help: "Esc" "q" "?" "F1"] [Quit: "Esc" "n"] [Period: "Esc" "q"] [Draft: "Esc"] [Conflict: "Esc"]
        [History: "Esc" "q"] [Confirm: "Esc" "n"];
    Retry "retry" "cmd-retry" => - [Start: "r" "Enter"];
    ImportFile "import_file" "cmd-import-file" => - [Welcome: "1" "i"];
    LoadSample "load_sample" "cmd-load-sample" => - [Welcome: "2" "s"];
    OpenFirstPeriod "open_first_period" "cmd-open-first-period" => - [Welcome: "Enter" "o"];
    EarlierPeriod "earlier_period" "cmd-earlier-period" => - [Welcome: "Left" "h"];
    LaterPeriod "later_period" "cmd-later-period" => - [Welcome: "Right" "l"];
    Quit "quit" "cmd-quit" => (|s, _| main::quit(s))
        [Global: "ctrl-c"] [List: "q"] [Welcome: "q" "Esc" "ctrl-c"] [Start: "q" "Esc" "ctrl-c"];
}

impl Command {
    /// The standard assessment a command picks (1-based), if it picks one.
    pub fn assessment_number(self) -> Option<u8> {
        use Command::*;
        let n = match self {
            Assessment1 => 1,
            Assessment2 => 2,
            Assessment3 => 3,
            Assessment4 => 4,
            Assessment5 => 5,
            Assessment6 => 6,
            Assessment7 => 7,
            Assessment8 => 8,
            Assessment9 => 9,
            _ => return None,
        };
        Some(n)
    }

    /// The description the help screen shows, in the interface language.
    pub fn describe(self) -> String {
        let n = i64::from(self.assessment_number().unwrap_or(0));
        crate::i18n::message(self.description_key(), &[("n", crate::i18n::Arg::Num(n))])
    }

    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.iter().copied().find(|c| c.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_every_description_is_in_the_catalogue() {
        let mut names = std::collections::BTreeSet::new();
        for c in Command::ALL {
            assert!(names.insert(c.name()), "{} twice", c.name());
            crate::i18n::set_lang(crate::i18n::Lang::Ru);
            assert_ne!(c.describe(), c.description_key(), "{c:?} has no description in ru.ftl");
        }
        assert_eq!(Command::from_name("save_and_quit"), Some(Command::SaveAndQuit));
        assert_eq!(Command::Assessment4.describe(), "оценка № 4 из списка");
    }

    #[test]
    fn a_command_without_a_main_screen_handler_is_bound_in_a_dialog() {
        for c in Command::ALL {
            let in_main = c.default_keys().iter().any(|(p, _)| p.is_main_screen());
            assert_eq!(c.handler().is_some(), in_main || *c == Command::Quit, "{c:?}");
        }
    }
}
