//! A period's report as the exported documents lay it out: the header, then the table's
//! lines in plan order, each section heading before the item it opens.

use std::collections::HashMap;

use crate::domain::{Entry, Item, ItemId};
use crate::model::Snapshot;

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

impl ItemLine<'_> {
    /// The six columns of the form, in order.
    pub fn cells(&self) -> [&str; 6] {
        let i = self.item;
        [&i.seq, &i.point, &i.title, &i.deadline_text, self.info, self.assessment]
    }
}

/// The header's values, each with the caption printed under it.
pub fn header_pairs(s: &Snapshot) -> [(&str, &'static str); 3] {
    use crate::formats::form::{ACT_CAPTION, ORGANISATION_CAPTION, PERIOD_CAPTION};
    [
        (s.plan.organisation.as_str(), ORGANISATION_CAPTION),
        (s.period.title.as_str(), PERIOD_CAPTION),
        (s.plan.approved_by.as_str(), ACT_CAPTION),
    ]
}
