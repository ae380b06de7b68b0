//! A period's report as the exported documents lay it out: the header, then the table's
//! columns as the plan has them (the form's six for a plan stored without them), and its
//! lines in plan order, each section heading before the item it opens.

use std::collections::HashMap;

use crate::domain::form::{RESPONSIBLE_CAPTION, standard_columns};
use crate::domain::{Column, Entry, Field, Item, ItemId};
use crate::model::Snapshot;

/// The report's columns: the plan's, in its order; a responsible column after the title when
/// items have responsible set by hand and the plan's table had none.
pub fn columns(s: &Snapshot) -> Vec<Column> {
    let mut columns = if s.plan.columns.is_empty() { standard_columns() } else { s.plan.columns.clone() };
    let has = |field: Field, columns: &[Column]| columns.iter().any(|c| c.field == field);
    if !has(Field::Responsible, &columns) && s.items.iter().any(|i| !i.responsible.trim().is_empty()) {
        let at = columns.iter().position(|c| c.field == Field::Title).map_or(columns.len(), |i| i + 1);
        columns.insert(at, Column { field: Field::Responsible, caption: RESPONSIBLE_CAPTION.to_owned() });
    }
    columns
}

/// How wide a column of this field is, relative to the others (twentieths of a point on
/// the form's page for its six columns).
pub fn weight(field: Field) -> u32 {
    match field {
        Field::Seq => 567,
        Field::Point => 1134,
        Field::Title => 3402,
        Field::Deadline | Field::Responsible => 2268,
        Field::Info => 5499,
        Field::Assessment => 2267,
        Field::Extra => 1701,
    }
}

/// Widths adding up to `total`, each in proportion to its column's weight.
pub fn widths(columns: &[Column], total: u32) -> Vec<u32> {
    let sum: u32 = columns.iter().map(|c| weight(c.field)).sum::<u32>().max(1);
    let mut out: Vec<u32> = columns.iter().map(|c| weight(c.field) * total / sum).collect();
    let given: u32 = out.iter().sum();
    if let Some(last) = out.last_mut() {
        *last += total - given;
    }
    out
}

/// Whether a column holds a number (centred in the documents).
pub fn is_number(field: Field) -> bool {
    matches!(field, Field::Seq | Field::Point)
}

pub enum Line<'a> {
    Heading(&'a str),
    Item(ItemLine<'a>),
}

pub struct ItemLine<'a> {
    pub item: &'a Item,
    pub info: &'a str,
    pub assessment: &'a str,
}

pub fn lines(s: &Snapshot) -> Vec<Line<'_>> {
    let entries: HashMap<ItemId, &Entry> = s.entries.iter().map(|(id, e)| (*id, e)).collect();
    let mut out = Vec::with_capacity(s.items.len() + s.plan.sections.len());
    for item in &s.items {
        out.extend(s.plan.sections.iter().filter(|h| h.before == item.id).map(|h| Line::Heading(&h.title)));
        let entry = entries.get(&item.id);
        out.push(Line::Item(ItemLine {
            item,
            info: entry.map_or("", |e| e.info.as_str()),
            assessment: entry.map_or("", |e| e.assessment.as_str()),
        }));
    }
    out
}

impl<'a> ItemLine<'a> {
    /// The item's text in a column.
    pub fn cell(&self, column: &Column) -> &'a str {
        let i = self.item;
        match column.field {
            Field::Seq => &i.seq,
            Field::Point => &i.point,
            Field::Title => &i.title,
            Field::Responsible => &i.responsible,
            Field::Deadline => &i.deadline_text,
            Field::Info => self.info,
            Field::Assessment => self.assessment,
            Field::Extra => i.extra.iter().find(|e| e.caption == column.caption).map_or("", |e| e.text.as_str()),
        }
    }

    /// The item's text in each of the columns, in order.
    pub fn cells<'c>(&self, columns: &'c [Column]) -> impl Iterator<Item = &'a str> + use<'a, 'c, '_> {
        columns.iter().map(|c| self.cell(c))
    }
}

/// The header's values, each with the caption printed under it; a value the store does not
/// have is a dash, which reads back as nothing.
pub fn header_pairs(s: &Snapshot) -> [(&str, &'static str); 3] {
    use crate::formats::form::{ACT_CAPTION, ORGANISATION_CAPTION, PERIOD_CAPTION};
    use crate::formats::header::PLACEHOLDER;
    fn or_dash(v: &str) -> &str {
        if v.trim().is_empty() { PLACEHOLDER } else { v }
    }
    [
        (or_dash(&s.plan.organisation), ORGANISATION_CAPTION),
        (or_dash(&s.period.title), PERIOD_CAPTION),
        (or_dash(&s.plan.approved_by), ACT_CAPTION),
    ]
}
