//! Each item's understood deadline and its responsible, worked out once for a plan and a
//! period and kept until a plan or an item changes: a status of 10,000 items then reads
//! only the entries' heads, and the items it lists.

use std::sync::{Arc, Mutex};

use crate::domain::{DeadlineCache, ItemDeadline, ItemId, PeriodId, Plan, PlanId, Years};
use crate::store::{Store, StoreError};

/// One item as a status needs it.
pub struct Indexed {
    pub id: ItemId,
    pub deadline: Arc<ItemDeadline>,
    pub responsible: String,
}

struct Kept {
    generation: u64,
    of: (PlanId, Years, PeriodId),
    items: Arc<Vec<Indexed>>,
}

#[derive(Default)]
pub struct FlagIndex {
    kept: Mutex<Option<Kept>>,
}

impl FlagIndex {
    /// The plan's items in plan order, as of the store's latest change.
    pub fn items(&self, store: &Store, plan: &Plan, period: PeriodId) -> Result<Arc<Vec<Indexed>>, StoreError> {
        let of = (plan.id, plan.years, period);
        // Read before the items: a change committed meanwhile makes the next call rebuild.
        let generation = store.items_generation();
        if let Some(kept) = self.kept().as_ref().filter(|k| k.generation == generation && k.of == of) {
            return Ok(Arc::clone(&kept.items));
        }
        let mut cache = DeadlineCache::default();
        let mut items = Vec::new();
        store.for_each_item(plan.id, |item| {
            let deadline = cache.item_deadline(&item, period, plan.years);
            items.push(Indexed { id: item.id, deadline, responsible: item.responsible });
        })?;
        let items = Arc::new(items);
        *self.kept() = Some(Kept { generation, of, items: Arc::clone(&items) });
        Ok(items)
    }

    fn kept(&self) -> std::sync::MutexGuard<'_, Option<Kept>> {
        self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
