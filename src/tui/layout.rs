//! Where each pane goes. Shared by `view` (to draw) and `update` (to page and scroll).

use ratatui::layout::Rect;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
const STATUS_ROWS: u16 = 2;
const ASSESSMENT_ROWS: u16 = 4;

pub struct Areas {
    pub list: Rect,
    pub detail: Rect,
    pub editor: Rect,
    pub assessment: Rect,
    pub status: Rect,
}

pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Two fifths of the screen: 32 columns at 80, 48 at 120, up to 100 on a wide terminal.
fn list_width(width: u16) -> u16 {
    (width * 2 / 5).clamp(30, 100)
}

/// The room a list of this terminal's width keeps of each title (`text_width::title_sketch`):
/// the list's inside rounded up to tens (30 columns at 80), so that widening a terminal
/// loads the list again only when it passes one of them.
pub fn sketch_room(width: u16) -> usize {
    usize::from(list_width(width).saturating_sub(2)).div_ceil(10) * 10
}

/// The rows of items the list shows at this size (inside its border).
pub fn list_rows(width: u16, height: u16) -> usize {
    areas(Rect::new(0, 0, width, height), 6, false).list.height.saturating_sub(2).into()
}

/// `detail_rows` is how many lines the detail pane would like (its content, without
/// border); while the user types (`typing`), the text gets the room instead.
pub fn areas(screen: Rect, detail_rows: u16, typing: bool) -> Areas {
    let main_height = screen.height.saturating_sub(STATUS_ROWS);
    let list_w = list_width(screen.width).min(screen.width);
    let right_w = screen.width - list_w;
    let list = Rect::new(screen.x, screen.y, list_w, main_height);
    // The detail pane takes what it needs up to half the height; the text editor the rest.
    let cap = if typing { 5 } else { main_height / 2 };
    let detail_h = (detail_rows + 2).min(cap).max(3).min(main_height);
    let assessment_h = ASSESSMENT_ROWS.min(main_height.saturating_sub(detail_h));
    let editor_h = main_height.saturating_sub(detail_h + assessment_h);
    let x = screen.x + list_w;
    let detail = Rect::new(x, screen.y, right_w, detail_h);
    let editor = Rect::new(x, screen.y + detail_h, right_w, editor_h);
    let assessment = Rect::new(x, screen.y + detail_h + editor_h, right_w, assessment_h);
    let status = Rect::new(screen.x, screen.y + main_height, screen.width, STATUS_ROWS.min(screen.height));
    Areas { list, detail, editor, assessment, status }
}

/// A centred box of at most `width`×`height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_screen_at_80x24() {
        let a = areas(Rect::new(0, 0, 80, 24), 6, false);
        assert_eq!(a.list.width + a.detail.width, 80);
        assert_eq!(a.detail.height + a.editor.height + a.assessment.height, 22);
        assert_eq!(a.status.y, 22);
        assert!(a.editor.height >= 6, "{:?}", a.editor);
        assert_eq!(list_rows(80, 24), 20);
        let typing = areas(Rect::new(0, 0, 80, 24), 12, true);
        assert_eq!(typing.detail.height, 5);
        assert_eq!(typing.editor.height, 13);
    }
}
