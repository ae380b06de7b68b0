//! The body of word/document.xml as paragraphs and tables of cells, the way Word's own
//! text export sees it: runs joined, tabs and breaks kept, tracked changes accepted,
//! drawings and text boxes left out, nested tables flattened into their cell.

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

const W: &[u8] = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &[u8] = b"http://purl.oclc.org/ooxml/wordprocessingml/main";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    Table(Table),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub paragraphs: Vec<String>,
    /// The first grid column the cell covers, and how many it covers.
    pub grid_col: usize,
    pub span: usize,
    merge: VMerge,
}

impl Cell {
    /// The cell's text as the text export writes it: paragraphs on lines of their own,
    /// trailing blank lines and spaces dropped.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n").trim_end().to_owned()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum VMerge {
    #[default]
    None,
    Restart,
    /// Continues the cell above: it holds that cell's text.
    Continue,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    Paragraph,
    Run,
    Text,
    Tab,
    Break,
    NoBreakHyphen,
    /// A symbol character; otchet's own (`xml::CONTROL_FONT`) hold a control character.
    Sym,
    Table,
    Row,
    Cell,
    GridSpan,
    GridBefore,
    VMerge,
    HMerge,
    /// Drawings, text boxes, moved-away and alternative content: not the cell's text.
    Skip,
    Other,
}

fn tag(ns: &ResolveResult<'_>, local: &[u8]) -> Tag {
    match ns {
        ResolveResult::Bound(n) if n.as_ref() == W || n.as_ref() == W_STRICT => match local {
            b"p" => Tag::Paragraph,
            b"r" => Tag::Run,
            b"t" => Tag::Text,
            b"tab" | b"ptab" => Tag::Tab,
            b"br" | b"cr" => Tag::Break,
            b"noBreakHyphen" => Tag::NoBreakHyphen,
            b"sym" => Tag::Sym,
            b"tbl" => Tag::Table,
            b"tr" => Tag::Row,
            b"tc" => Tag::Cell,
            b"gridSpan" => Tag::GridSpan,
            b"gridBefore" => Tag::GridBefore,
            b"vMerge" => Tag::VMerge,
            b"hMerge" => Tag::HMerge,
            b"drawing" | b"pict" | b"object" | b"txbxContent" | b"moveFrom" => Tag::Skip,
            _ => Tag::Other,
        },
        ResolveResult::Bound(n) if n.as_ref().ends_with(b"/markup-compatibility/2006") => match local {
            b"Fallback" => Tag::Skip,
            _ => Tag::Other,
        },
        _ => Tag::Other,
    }
}

/// The `w:val` attribute (any prefix), if present.
fn val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"val")
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// An attribute by its local name (any prefix).
fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// The character of one of otchet's own `w:sym` elements (see `xml::CONTROL_FONT`).
fn control_sym(e: &BytesStart<'_>) -> Option<char> {
    if attr(e, b"font")? != super::xml::CONTROL_FONT {
        return None;
    }
    u32::from_str_radix(attr(e, b"char")?.trim(), 16).ok().and_then(char::from_u32)
}

fn number(e: &BytesStart<'_>) -> usize {
    val(e).and_then(|v| v.trim().parse().ok()).unwrap_or(1)
}

#[derive(Default)]
struct TableBuilder {
    rows: Vec<Row>,
    row: Option<Row>,
    cell: Option<Cell>,
    next_col: usize,
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    tables: Vec<TableBuilder>,
    paragraph: Option<String>,
    runs: usize,
    in_text: bool,
    skipping: usize,
}

pub fn read_body(xml: &str) -> Result<Vec<Block>, quick_xml::Error> {
    let mut reader = NsReader::from_str(xml);
    let mut b = Builder::default();
    // quick-xml does not notice elements left open at the end (a truncated part).
    let mut open: Vec<String> = Vec::new();
    loop {
        let (ns, event) = reader.read_resolved_event()?;
        match &event {
            Event::Start(e) => open.push(String::from_utf8_lossy(e.name().as_ref()).into_owned()),
            Event::End(_) => {
                open.pop();
            }
            _ => {}
        }
        match event {
            Event::Eof => match open.pop() {
                Some(name) => return Err(quick_xml::errors::IllFormedError::MissingEndTag(name).into()),
                None => break,
            },
            Event::Start(_) if b.skipping > 0 => b.skipping += 1,
            Event::End(_) if b.skipping > 0 => b.skipping -= 1,
            _ if b.skipping > 0 => {}
            Event::Start(e) => b.start(tag(&ns, e.local_name().as_ref()), &e),
            Event::Empty(e) => {
                let t = tag(&ns, e.local_name().as_ref());
                if t != Tag::Skip {
                    b.start(t, &e);
                    b.end(t);
                }
            }
            Event::End(e) => b.end(tag(&ns, e.local_name().as_ref())),
            Event::Text(t) if b.in_text => b.push_str(&t.xml10_content().map_err(quick_xml::Error::from)?),
            Event::CData(t) if b.in_text => b.push_str(&t.decode().map_err(quick_xml::Error::from)?),
            Event::GeneralRef(r) if b.in_text => {
                if let Some(c) = r.resolve_char_ref()? {
                    b.push_char(c);
                } else {
                    let name = r.decode().map_err(quick_xml::Error::from)?;
                    match quick_xml::escape::resolve_xml_entity(&name) {
                        Some(s) => b.push_str(s),
                        None => b.push_str(&format!("&{name};")),
                    }
                }
            }
            _ => {}
        }
    }
    Ok(b.blocks)
}

impl Builder {
    fn push_str(&mut self, s: &str) {
        if let Some(p) = &mut self.paragraph {
            p.push_str(s);
        }
    }

    fn push_char(&mut self, c: char) {
        if let Some(p) = &mut self.paragraph {
            p.push(c);
        }
    }

    fn start(&mut self, t: Tag, e: &BytesStart<'_>) {
        let in_run = self.runs > 0;
        match t {
            Tag::Skip => self.skipping = 1,
            Tag::Paragraph => self.paragraph = Some(String::new()),
            Tag::Run => self.runs += 1,
            Tag::Text if in_run => self.in_text = true,
            Tag::Tab if in_run => self.push_char('\t'),
            Tag::Break if in_run => self.push_char('\n'),
            Tag::NoBreakHyphen if in_run => self.push_char('-'),
            Tag::Sym if in_run => {
                if let Some(c) = control_sym(e) {
                    self.push_char(c);
                }
            }
            Tag::Table => self.tables.push(TableBuilder::default()),
            Tag::Row => {
                if let Some(t) = self.tables.last_mut() {
                    t.row = Some(Row::default());
                    t.next_col = 0;
                }
            }
            Tag::Cell => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(Cell { grid_col: t.next_col, span: 1, ..Cell::default() });
                }
            }
            Tag::GridBefore => {
                if let Some(t) = self.tables.last_mut() {
                    t.next_col += number(e);
                }
            }
            Tag::GridSpan => {
                if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    c.span = number(e).max(1);
                }
            }
            Tag::VMerge => {
                if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    c.merge = if val(e).as_deref() == Some("restart") { VMerge::Restart } else { VMerge::Continue };
                }
            }
            // The old way of merging across: a continuing cell joins the one before it.
            Tag::HMerge if val(e).as_deref() != Some("restart") => {
                if let Some(c) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    c.span = 0;
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, t: Tag) {
        match t {
            Tag::Text => self.in_text = false,
            Tag::Run => self.runs = self.runs.saturating_sub(1),
            Tag::Paragraph => {
                let Some(text) = self.paragraph.take() else { return };
                match self.tables.last_mut() {
                    Some(t) => {
                        if let Some(c) = &mut t.cell {
                            c.paragraphs.push(text);
                        }
                    }
                    None => self.blocks.push(Block::Paragraph(text)),
                }
            }
            Tag::Cell => {
                let Some(t) = self.tables.last_mut() else { return };
                let (Some(cell), Some(row)) = (t.cell.take(), t.row.as_mut()) else { return };
                if cell.span == 0 {
                    if let Some(before) = row.cells.last_mut() {
                        before.span += 1;
                        before.paragraphs.extend(cell.paragraphs.into_iter().filter(|p| !p.trim().is_empty()));
                    }
                    t.next_col += 1;
                } else {
                    t.next_col += cell.span;
                    row.cells.push(cell);
                }
            }
            Tag::Row => {
                if let Some(t) = self.tables.last_mut()
                    && let Some(row) = t.row.take()
                {
                    t.rows.push(row);
                }
            }
            Tag::Table => {
                let Some(done) = self.tables.pop() else { return };
                let table = resolve_vertical_merges(done.rows);
                if self.tables.is_empty() {
                    self.blocks.push(Block::Table(table));
                } else if let Some(outer) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    let inner = table.rows.into_iter().flat_map(|r| r.cells).flat_map(|c| c.paragraphs);
                    outer.paragraphs.extend(inner);
                }
            }
            _ => {}
        }
    }
}

/// A cell continuing a vertical merge takes the text of the cell above it in the same
/// grid column: the merged text belongs to every row it spans.
fn resolve_vertical_merges(mut rows: Vec<Row>) -> Table {
    for i in 1..rows.len() {
        let (above, below) = rows.split_at_mut(i);
        let above = &above[i - 1];
        for cell in below[0].cells.iter_mut().filter(|c| c.merge == VMerge::Continue) {
            if let Some(source) = above.cells.iter().find(|c| c.grid_col == cell.grid_col) {
                cell.paragraphs.clone_from(&source.paragraphs);
            }
        }
    }
    Table { rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>"#,
            std::str::from_utf8(W).unwrap()
        )
    }

    #[test]
    fn joins_runs_and_keeps_tabs_and_breaks() {
        let blocks = read_body(&doc(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="708"/></w:tabs></w:pPr><w:r><w:t>Адми</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">нистрация </w:t></w:r><w:r><w:tab/><w:t>A&amp;B&#1046;</w:t><w:br/><w:t>вторая</w:t></w:r></w:p><w:p/>"#,
        ))
        .unwrap();
        assert_eq!(
            blocks,
            vec![Block::Paragraph("Администрация \tA&BЖ\nвторая".into()), Block::Paragraph(String::new())]
        );
    }

    #[test]
    fn accepts_tracked_changes_and_leaves_out_drawings() {
        let blocks = read_body(&doc(
            r#"<w:p><w:r><w:t>было </w:t></w:r><w:del><w:r><w:delText>удалено</w:delText></w:r></w:del><w:ins><w:r><w:t>вставлено</w:t></w:r></w:ins><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>надпись</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r><w:r><mc:AlternateContent><mc:Fallback><w:pict><w:t>x</w:t></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        ))
        .unwrap();
        assert_eq!(blocks, vec![Block::Paragraph("было вставлено".into())]);
    }

    #[test]
    fn reads_cells_spans_and_vertical_merges() {
        let blocks = read_body(&doc(
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Раздел</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Ежеквартально</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>до 5 числа</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>вложенная</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>"#,
        ))
        .unwrap();
        let [Block::Table(t)] = blocks.as_slice() else { panic!("{blocks:?}") };
        assert_eq!(t.rows.len(), 3);
        assert_eq!((t.rows[0].cells.len(), t.rows[0].cells[0].span), (1, 2));
        assert_eq!(t.rows[1].cells[0].text(), "Ежеквартально\n\nдо 5 числа");
        assert_eq!(t.rows[2].cells[0].text(), "Ежеквартально\n\nдо 5 числа");
        assert_eq!((t.rows[2].cells[1].grid_col, t.rows[2].cells[1].text()), (1, "вложенная".to_owned()));
    }

    #[test]
    fn an_old_style_horizontal_merge_joins_the_cells() {
        let blocks = read_body(&doc(
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Раздел</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        ))
        .unwrap();
        let [Block::Table(t)] = blocks.as_slice() else { panic!("{blocks:?}") };
        let cells = &t.rows[0].cells;
        assert_eq!((cells.len(), cells[0].span, cells[0].text()), (2, 2, "Раздел".to_owned()));
        assert_eq!(cells[1].grid_col, 2);
    }

    #[test]
    fn ill_formed_xml_is_an_error() {
        assert!(read_body("<w:document><w:body><w:p></w:body>").is_err());
    }
}
