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

/// One item as a status needs it.
pub struct Indexed {
    pub id: ItemId,
    pub deadline: Arc<ItemDeadline>,
    pub responsible: String,
    pub point: String,
    /// As `FlaggedItem::title_start`.
    pub title_start: String,
}

/// An entry as a status needs it.
pub struct Mark {
    pub folded_assessment: Box<str>,
    pub review: Review,
}

/// A period's entries by item; an item without one is not here.
pub type Marks = HashMap<ItemId, Mark>;

/// What was worked out for `of`, as of the store's change `generation`.
struct Kept<K, V> {
    generation: u64,
    of: K,
    value: Arc<V>,
}

/// Where one thing worked out is kept.
type Slot<K, V> = Mutex<Option<Kept<K, V>>>;

#[derive(Default)]
pub struct FlagIndex {
    items: Slot<(PlanId, Years, PeriodId), Vec<Indexed>>,
    marks: Slot<PeriodId, Marks>,
}

impl FlagIndex {
    /// The plan's items in plan order, as of the store's latest change.
    pub fn items(&self, store: &Store, plan: &Plan, period: PeriodId) -> Result<Arc<Vec<Indexed>>, StoreError> {
        kept_or(&self.items, store.items_generation(), (plan.id, plan.years, period), || {
            let mut cache = DeadlineCache::default();
            let mut items = Vec::new();
            store.for_each_item(plan.id, |item| {
                items.push(Indexed {
                    id: item.id,
                    deadline: cache.item_deadline(&item, period, plan.years),
                    point: item.point_label().to_owned(),
                    title_start: crate::text_width::one_line_start(&item.title, FLAGGED_TITLE_WIDTH),
                    responsible: item.responsible,
                });
            })?;
            Ok(items)
        })
    }

    /// The period's entries, as of the store's latest change.
    pub fn marks(&self, store: &Store, period: PeriodId) -> Result<Arc<Marks>, StoreError> {
        kept_or(&self.marks, store.entries_generation(), period, || {
            let heads = store.entry_heads(period)?;
            Ok(heads
                .into_iter()
                .map(|(id, e)| (id, Mark { folded_assessment: fold(&e.assessment).into(), review: e.review }))
                .collect())
        })
    }
}

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
