//! What a `status` needs of a plan and a period, worked out once and kept until a plan, an
//! item or an entry changes: each item's understood deadline, responsible, point and the
//! start of its title; each entry's assessment folded and its review state. A status of
//! 10,000 items then reads nothing from the store but the periods and the plan.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::domain::text::fold;
use crate::domain::{DeadlineCache, ItemDeadline, ItemId, PeriodId, Plan, PlanId, Review, Years};
use crate::model::FLAGGED_TITLE_WIDTH;
use crate::store::{Store, StoreError};

/// One item as a status needs it; its strings are in its `ItemsIndex`'s texts.
pub struct Indexed {
    pub id: ItemId,
    pub deadline: Arc<ItemDeadline>,
    responsible: Span,
    point: Span,
    /// As `FlaggedItem::title_start`.
    title_start: Span,
}

/// A plan's items in plan order, as a status needs them.
#[derive(Default)]
pub struct ItemsIndex {
    pub items: Vec<Indexed>,
    texts: Texts,
}

impl ItemsIndex {
    pub fn responsible(&self, item: &Indexed) -> &str {
        self.texts.get(item.responsible)
    }

    pub fn point(&self, item: &Indexed) -> &str {
        self.texts.get(item.point)
    }

    pub fn title_start(&self, item: &Indexed) -> &str {
        self.texts.get(item.title_start)
    }
}

/// An entry as a status needs it.
pub struct Mark {
    folded_assessment: Span,
    pub review: Review,
}

/// A period's entries by item; an item without one is not here.
#[derive(Default)]
pub struct Marks {
    by_item: HashMap<ItemId, Mark>,
    texts: Texts,
}

impl Marks {
    /// The item's folded assessment and review state, if it has an entry.
    pub fn get(&self, item: ItemId) -> Option<(&str, Review)> {
        self.by_item.get(&item).map(|m| (self.texts.get(m.folded_assessment), m.review))
    }
}

/// Where a string stands in its index's `Texts`.
#[derive(Clone, Copy)]
struct Span {
    start: u32,
    end: u32,
}

/// The strings of an index in one buffer. Kept for as long as the index, a string each
/// would pin the heap's pages among what the build freed (the items and entries it read),
/// and every reopen after it would start higher: with a string each, an export after a
/// status at 10,000 items × 4 quarters peaked at 38 MiB and a backup at 42, with one
/// buffer 33 and 32 (benches/server_memory.sh).
#[derive(Default)]
struct Texts(String);

impl Texts {
    fn push(&mut self, text: &str) -> Span {
        let start = self.0.len();
        self.0.push_str(text);
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span { start: at(start), end: at(self.0.len()) }
    }

    fn get(&self, span: Span) -> &str {
        let range = span.start as usize..span.end as usize;
        self.0.get(range).unwrap_or_default()
    }
}

#[derive(Default)]
pub struct FlagIndex {
    items: Slot<(PlanId, Years, PeriodId), ItemsIndex>,
    marks: Slot<PeriodId, Marks>,
}

impl FlagIndex {
    /// The plan's items in plan order, as of the store's latest change.
    pub fn items(&self, store: &Store, plan: &Plan, period: PeriodId) -> Result<Arc<ItemsIndex>, StoreError> {
        kept_or(&self.items, store.items_generation(), (plan.id, plan.years, period), || {
            let mut cache = DeadlineCache::default();
            let mut index = ItemsIndex::default();
            store.for_each_item(plan.id, |item| {
                let title_start = crate::text_width::one_line_start(&item.title, FLAGGED_TITLE_WIDTH);
                let texts = &mut index.texts;
                index.items.push(Indexed {
                    id: item.id,
                    deadline: cache.item_deadline(&item, period, plan.years),
                    point: texts.push(item.point_label()),
                    title_start: texts.push(&title_start),
                    responsible: texts.push(&item.responsible),
                });
            })?;
            index.items.shrink_to_fit();
            index.texts.0.shrink_to_fit();
            Ok(index)
        })
    }

    /// The period's entries, as of the store's latest change.
    pub fn marks(&self, store: &Store, period: PeriodId) -> Result<Arc<Marks>, StoreError> {
        kept_or(&self.marks, store.entries_generation(), period, || {
            let heads = store.entry_heads(period)?;
            let mut marks = Marks { by_item: HashMap::with_capacity(heads.len()), texts: Texts::default() };
            for (id, e) in heads {
                let folded_assessment = marks.texts.push(&fold(&e.assessment));
                marks.by_item.insert(id, Mark { folded_assessment, review: e.review });
            }
            marks.texts.0.shrink_to_fit();
            Ok(marks)
        })
    }
}

/// What was worked out for `of`, as of the store's change `generation`.
struct Kept<K, V> {
    generation: u64,
    of: K,
    value: Arc<V>,
}

/// Where one thing worked out is kept.
type Slot<K, V> = Mutex<Option<Kept<K, V>>>;

/// The value kept for `of` if nothing changed since (`generation`), else `work`'s, kept.
fn kept_or<K: PartialEq, V>(
    slot: &Slot<K, V>,
    // Read before the store is: a change committed meanwhile makes the next call work again.
    generation: u64,
    of: K,
    work: impl FnOnce() -> Result<V, StoreError>,
) -> Result<Arc<V>, StoreError> {
    let lock = || slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(kept) = lock().as_ref().filter(|k| k.generation == generation && k.of == of) {
        return Ok(Arc::clone(&kept.value));
    }
    let value = Arc::new(work()?);
    *lock() = Some(Kept { generation, of, value: Arc::clone(&value) });
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_give_back_each_string_pushed_into_one_buffer() {
        let mut texts = Texts::default();
        let spans: Vec<Span> = ["Иванова И. И.", "", "1.2", "ё и е"].iter().map(|t| texts.push(t)).collect();
        let back: Vec<&str> = spans.iter().map(|s| texts.get(*s)).collect();
        assert_eq!(back, ["Иванова И. И.", "", "1.2", "ё и е"]);
        assert_eq!(texts.0, "Иванова И. И.1.2ё и е");
    }
}
