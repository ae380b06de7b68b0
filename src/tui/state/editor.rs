//! The open item's execution text and assessment, in two ratatui-textarea fields.

use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::domain::{Entry, ItemId};

pub struct Editor {
    pub item: ItemId,
    /// The entry's revision this edit started from: a save carries it.
    pub base_revision: u64,
    pub info: TextArea<'static>,
    pub assessment: TextArea<'static>,
    saved_info: String,
    saved_assessment: String,
    /// Something was typed since the text was loaded or saved.
    pub touched: bool,
    /// The current text is already kept as a draft.
    pub drafted: bool,
    /// The others were told this user edits the item.
    pub announced: bool,
    hidden: Hidden,
}

/// Control characters are shown as visible pictures (␛ for ESC) while editing, and turned
/// back when the text is saved, so a stored text survives an edit of something else.
fn to_editor(raw: &str) -> Vec<String> {
    raw.split('\n').map(shown_line).collect()
}

fn shown_line(raw: &str) -> String {
    raw.chars()
        .map(|c| match c as u32 {
            n @ (0..=0x08 | 0x0B..=0x1F) => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
            0x7F => '\u{2421}',
            0x80..=0x9F | 0x202A..=0x202E | 0x2066..=0x2069 | 0x200E | 0x200F | 0x061C => '\u{FFFD}',
            _ => c,
        })
        .collect()
}

/// C1 controls and bidirectional marks all show as "�", which cannot be turned back: the
/// raw lines that hold them, by how they are shown. A line left as it was is saved with
/// its characters; a line the user edits keeps what they see.
#[derive(Default)]
struct Hidden(std::collections::HashMap<String, String>);

impl Hidden {
    fn remember(&mut self, raw: &str) {
        for line in raw.split('\n') {
            let shown = shown_line(line);
            if shown.contains('\u{FFFD}') && !line.contains('\u{FFFD}') {
                self.0.entry(shown).or_insert_with(|| line.to_owned());
            }
        }
    }

    fn text(&self, lines: &[String]) -> String {
        let raw: Vec<std::borrow::Cow<'_, str>> = lines
            .iter()
            .map(|l| match self.0.get(l) {
                Some(raw) => std::borrow::Cow::Borrowed(raw.as_str()),
                None => std::borrow::Cow::Owned(from_editor_line(l)),
            })
            .collect();
        raw.join("\n")
    }
}

/// Text as the editor shows it (for pastes): control characters as pictures.
pub fn shown(raw: &str) -> String {
    to_editor(raw).join("\n")
}

fn from_editor_line(line: &str) -> String {
    line.chars()
        .map(|c| match c as u32 {
            n @ (0x2400..=0x2408 | 0x240B..=0x241F) => char::from_u32(n - 0x2400).unwrap_or(c),
            0x2421 => '\x7f',
            _ => c,
        })
        .collect()
}

fn text_area(raw: &str, placeholder: String, wrap: bool) -> TextArea<'static> {
    let mut t = TextArea::new(to_editor(raw));
    t.set_wrap_mode(if wrap { WrapMode::WordOrGlyph } else { WrapMode::None });
    t.set_cursor_line_style(Style::default());
    t.set_placeholder_text(placeholder);
    // Not the crate's default grey: NO_COLOR means no colour at all.
    t.set_placeholder_style(Style::default().add_modifier(Modifier::DIM));
    t.set_max_histories(200);
    t.move_cursor(CursorMove::Top);
    t
}

impl Editor {
    pub fn new(item: ItemId, entry: &Entry) -> Editor {
        let mut hidden = Hidden::default();
        hidden.remember(&entry.info);
        hidden.remember(&entry.assessment);
        Editor {
            item,
            base_revision: entry.revision,
            info: text_area(&entry.info, crate::tr!("editor-info-placeholder"), true),
            assessment: text_area(&entry.assessment, crate::tr!("editor-assessment-placeholder"), true),
            saved_info: entry.info.clone(),
            saved_assessment: entry.assessment.clone(),
            touched: false,
            drafted: false,
            announced: false,
            hidden,
        }
    }

    /// The text area of a pane: the assessment's for `Focus::Assessment`, else the text's.
    pub fn pane(&self, focus: super::Focus) -> &TextArea<'static> {
        if focus == super::Focus::Assessment { &self.assessment } else { &self.info }
    }

    pub fn pane_mut(&mut self, focus: super::Focus) -> &mut TextArea<'static> {
        if focus == super::Focus::Assessment { &mut self.assessment } else { &mut self.info }
    }

    pub fn info_text(&self) -> String {
        self.hidden.text(self.info.lines())
    }

    pub fn assessment_text(&self) -> String {
        // The assessment is one phrase: line breaks typed into it become spaces.
        self.hidden.text(self.assessment.lines()).split('\n').collect::<Vec<_>>().join(" ")
    }

    /// The text differs from the saved entry.
    pub fn is_modified(&self) -> bool {
        self.touched && (self.info_text() != self.saved_info || self.assessment_text() != self.saved_assessment)
    }

    /// Replaces the execution text (two undo steps: the old text out, the new one in).
    pub fn replace_info(&mut self, text: &str) {
        self.hidden.remember(text);
        replace_all(&mut self.info, text);
        self.touched = true;
        self.drafted = false;
    }

    pub fn replace_assessment(&mut self, text: &str) {
        self.hidden.remember(text);
        replace_all(&mut self.assessment, text);
        self.touched = true;
        self.drafted = false;
    }

    /// After a save (or after someone else's save was taken): this is the new base.
    pub fn rebase(&mut self, entry: &Entry) {
        self.hidden.remember(&entry.info);
        self.hidden.remember(&entry.assessment);
        self.base_revision = entry.revision;
        self.saved_info = entry.info.clone();
        self.saved_assessment = entry.assessment.clone();
        self.touched = self.info_text() != entry.info || self.assessment_text() != entry.assessment;
        self.drafted = false;
    }

    /// Shows the text cursor only in the focused field.
    pub fn apply_focus(&mut self, focus: super::Focus) {
        let on = Style::default().add_modifier(Modifier::REVERSED);
        let off = Style::default();
        self.info.set_cursor_style(if focus == super::Focus::Editor { on } else { off });
        self.assessment.set_cursor_style(if focus == super::Focus::Assessment { on } else { off });
    }

    pub fn saved_info(&self) -> &str {
        &self.saved_info
    }
}

fn replace_all(t: &mut TextArea<'static>, text: &str) {
    t.select_all();
    let shown = to_editor(text).join("\n");
    t.insert_str(shown);
    t.move_cursor(CursorMove::Top);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(info: &str) -> Entry {
        Entry { info: info.into(), revision: 3, ..Entry::default() }
    }

    #[test]
    fn control_characters_are_pictures_while_editing_and_come_back_on_save() {
        let e = Editor::new(ItemId(1), &entry("a\x1b[31mb\x07\nвторая\tстрока"));
        assert_eq!(e.info.lines(), ["a\u{241B}[31mb\u{2407}", "вторая\tстрока"]);
        assert_eq!(e.info_text(), "a\x1b[31mb\x07\nвторая\tстрока");
        assert!(!e.is_modified());
    }

    #[test]
    fn c1_controls_and_bidi_marks_survive_an_edit_of_another_line() {
        let raw = "строка \u{9b}31m и \u{202e}обратно\u{202c}\nвторая";
        let mut e = Editor::new(ItemId(1), &Entry { assessment: "оценка\u{85}".into(), ..entry(raw) });
        assert_eq!(e.info.lines()[0], "строка \u{FFFD}31m и \u{FFFD}обратно\u{FFFD}");
        assert_eq!((e.info_text().as_str(), e.assessment_text().as_str()), (raw, "оценка\u{85}"));
        e.info.move_cursor(CursorMove::Bottom);
        e.info.move_cursor(CursorMove::End);
        e.info.insert_str(" строка");
        assert_eq!(e.info_text(), format!("{raw} строка"));
        // The line the user edited keeps what they saw.
        e.info.move_cursor(CursorMove::Top);
        e.info.move_cursor(CursorMove::Head);
        e.info.insert_str("X");
        assert!(e.info_text().starts_with("Xстрока \u{FFFD}31m"), "{}", e.info_text());
    }

    #[test]
    fn replacing_can_be_undone() {
        let mut e = Editor::new(ItemId(1), &entry("старый\nтекст"));
        e.replace_info("новый\nтекст\nиз трех строк");
        assert!(e.is_modified());
        while e.info.undo() {}
        assert_eq!(e.info_text(), "старый\nтекст");
    }
}
