//! Word wrap over every text of the sample, in the viewer (`text_width::wrap`) and in the
//! editor (ratatui-textarea as patched in vendor/): no wrapped line starts with a space, and
//! none starts with punctuation that belongs to the word before.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{TextArea, WrapMode};

mod common;

fn sample_texts() -> Vec<String> {
    let report = otchet::formats::txt::parse_report(std::path::Path::new("sample"), &common::sample_bytes()).unwrap();
    report.rows.iter().flat_map(|r| [r.title.clone(), r.deadline_text.clone(), r.info.clone()]).collect()
}

/// A continuation line may not start with a space or with ". , ; : ! ? » )".
fn check(lines: &[String], text: &str, width: usize, what: &str) {
    for (i, line) in lines.iter().enumerate().skip(1) {
        let first = line.chars().next();
        let bad = first.is_some_and(|c| c == ' ' || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '»' | ')'));
        assert!(!bad, "{what} at width {width}, line {i} starts badly: {line:?}\nof {text:?}\n{lines:#?}");
    }
}

#[test]
fn the_viewer_never_starts_a_line_with_a_space_or_the_previous_words_punctuation() {
    for text in sample_texts() {
        for width in [30, 46, 60, 78] {
            for paragraph in text.split('\n') {
                let lines = otchet::text_width::wrap(paragraph, width);
                assert!(lines.iter().all(|l| otchet::text_width::width(l) <= width));
                check(&lines, paragraph, width, "viewer");
            }
        }
    }
}

#[test]
fn the_editor_never_starts_a_line_with_a_space_or_the_previous_words_punctuation() {
    for text in sample_texts().into_iter().filter(|t| !t.trim().is_empty()) {
        for width in [30u16, 46] {
            let mut area = TextArea::new(text.split('\n').map(str::to_owned).collect());
            area.set_wrap_mode(WrapMode::WordOrGlyph);
            let height = 60;
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal.draw(|f| f.render_widget(&area, f.area())).unwrap();
            let buffer = terminal.backend().buffer().clone();
            let rows: Vec<String> = (0..height)
                .map(|y| (0..width).map(|x| buffer[(x, y)].symbol().to_owned()).collect::<String>())
                .collect();
            // Rows that continue a paragraph: those whose text is not a paragraph's start.
            let starts: Vec<&str> = text.split('\n').map(str::trim_end).collect();
            let continuing: Vec<String> = rows
                .iter()
                .map(|r| r.trim_end().to_owned())
                .filter(|r| !r.is_empty() && !starts.iter().any(|s| !s.is_empty() && s.starts_with(r.as_str())))
                .collect();
            let mut with_head = vec![String::new()];
            with_head.extend(continuing);
            check(&with_head, &text, usize::from(width), "editor");
        }
    }
}
