//! A period's progress by responsible person, for the coordinator: who still owes text.

use super::evaluate::Counts;
use super::text::fold;
use super::{Flags, Review};

/// Each responsible name the items list («Отдел кадров; юридический отдел» is two), with the
/// counts of its items; items without one under `None`. Names are compared case, ё/е and
/// spacing aside, and shown as first written; those owing the most text come first.
pub fn by_responsible<'a>(rows: impl IntoIterator<Item = (&'a str, Flags, Review)>) -> Vec<(Option<String>, Counts)> {
    let mut out: Vec<(Option<String>, String, Counts)> = Vec::new();
    for (responsible, flags, review) in rows {
        let names = responsible_names(responsible);
        let keys: Vec<Option<String>> =
            if names.is_empty() { vec![None] } else { names.into_iter().map(Some).collect() };
        for name in keys {
            let key = name.as_deref().map(fold).unwrap_or_default();
            let at = match out.iter().position(|(n, k, _)| *k == key && n.is_some() == name.is_some()) {
                Some(at) => at,
                None => {
                    out.push((name, key, Counts::default()));
                    out.len() - 1
                }
            };
            out[at].2.add(flags, review);
        }
    }
    out.sort_by(|a, b| {
        (a.0.is_none(), b.2.no_result, b.2.overdue)
            .cmp(&(b.0.is_none(), a.2.no_result, a.2.overdue))
            .then_with(|| a.1.cmp(&b.1))
    });
    out.into_iter().map(|(name, _, counts)| (name, counts)).collect()
}

/// «Отдел кадров; юридический отдел» (or the two on lines of their own) → the two names.
pub fn responsible_names(text: &str) -> Vec<String> {
    text.split([';', '\n'])
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Item;
    use crate::domain::ItemId;

    fn item(id: u32, responsible: &str) -> Item {
        Item {
            id: ItemId(id),
            seq: id.to_string(),
            point: id.to_string(),
            title: String::new(),
            deadline_text: String::new(),
            schedule_override: None,
            responsible: responsible.into(),
            extra: vec![],
        }
    }

    #[test]
    fn each_name_counts_its_items_and_who_owes_most_comes_first() {
        let owing = Flags { no_result: true, ..Flags::default() };
        let fine = Flags::default();
        let items = [
            item(1, "Отдел кадров; Юридический отдел"),
            item(2, "отдел  кадров"),
            item(3, ""),
            item(4, "Юридический отдел"),
        ];
        let rows = [
            (items[0].responsible.as_str(), owing, Review::Open),
            (items[1].responsible.as_str(), owing, Review::Ready),
            (items[2].responsible.as_str(), owing, Review::Open),
            (items[3].responsible.as_str(), fine, Review::Accepted),
        ];
        let summary = by_responsible(rows);
        let names: Vec<Option<&str>> = summary.iter().map(|(n, _)| n.as_deref()).collect();
        assert_eq!(names, [Some("Отдел кадров"), Some("Юридический отдел"), None]);
        let (_, cadres) = &summary[0];
        assert_eq!((cadres.items, cadres.no_result, cadres.ready), (2, 2, 1));
        let (_, legal) = &summary[1];
        assert_eq!((legal.items, legal.no_result, legal.accepted), (2, 1, 1));
        assert_eq!(summary[2].1.items, 1);
    }
}
