//! Every change other than an import: entries (with their history), drafts, schedules,
//! periods, settings and users. Each is one transaction followed by a flush.

use super::{Changes, Store, StoreError, TreeId, keys};
use crate::domain::{Actor, Entry, EntryEdit, ItemId, Period, PeriodId, Plan, PlanId, Role, Schedule, Stamp};
use crate::model::{Draft, Owner, RevisionSource, SaveOutcome, Settings, UserRecord};

impl Store {
    fn require_period(&self, period: PeriodId) -> Result<Period, StoreError> {
        self.period(period)?.ok_or_else(|| StoreError::UnknownPeriod { period: period.to_string() })
    }

    /// The plan a period belongs to.
    pub(crate) fn require_plan_of(&self, period: PeriodId) -> Result<Plan, StoreError> {
        self.plan_of(period)?.ok_or_else(|| StoreError::UnknownPeriod { period: period.to_string() })
    }

    fn require_item(&self, plan: PlanId, id: ItemId) -> Result<crate::domain::Item, StoreError> {
        self.item(plan, id)?.ok_or_else(|| StoreError::UnknownItem { point: format!("#{}", id.0) })
    }

    /// Saves an entry if nobody else saved it since `base_revision`, appending a revision
    /// to its history and clearing the actor's draft of it.
    pub fn save_entry(
        &self,
        edit: &EntryEdit,
        actor: &Actor,
        now: Stamp,
        source: RevisionSource,
    ) -> Result<SaveOutcome, StoreError> {
        let _writer = self.lock_writer();
        let (period, id, base_revision) = (edit.period, edit.item, edit.base_revision);
        let (info, assessment) = (edit.info.as_str(), edit.assessment.as_str());
        self.require_period(period)?;
        let plan = self.require_plan_of(period)?;
        self.require_item(plan.id, id)?;
        let current = self.entry(period, id)?.unwrap_or_default();
        if current.revision != base_revision {
            return Ok(SaveOutcome::Conflict { theirs: current });
        }
        let mut changes = Changes::default();
        changes.remove(TreeId::Drafts, &keys::draft(actor.uid, period, id));
        if current.same_text(info, assessment) {
            self.commit(changes)?;
            return Ok(SaveOutcome::Saved(current));
        }
        let revision = current.revision + 1;
        let entry = Entry {
            info: info.to_owned(),
            assessment: assessment.to_owned(),
            changed_by: actor.name.clone(),
            changed_at: now,
            revision,
            review: crate::domain::Review::Open,
            carried_from: None,
        };
        changes.put_revision(period, id, &entry, source)?;
        self.commit(changes)?;
        Ok(SaveOutcome::Saved(entry))
    }

    pub fn put_draft(&self, uid: u32, period: PeriodId, id: ItemId, draft: &Draft) -> Result<(), StoreError> {
        let _writer = self.lock_writer();
        let mut changes = Changes::default();
        changes.put(TreeId::Drafts, &keys::draft(uid, period, id), draft)?;
        self.commit(changes)
    }

    pub fn delete_draft(&self, uid: u32, period: PeriodId, id: ItemId) -> Result<(), StoreError> {
        let _writer = self.lock_writer();
        if self.draft(uid, period, id)?.is_none() {
            return Ok(());
        }
        let mut changes = Changes::default();
        changes.remove(TreeId::Drafts, &keys::draft(uid, period, id));
        self.commit(changes)
    }

    /// Sets (or with `None` clears) an item's hand-set schedule.
    pub fn set_schedule(&self, plan: PlanId, id: ItemId, schedule: Option<Schedule>) -> Result<(), StoreError> {
        let _writer = self.lock_writer();
        let mut item = self.require_item(plan, id)?;
        if item.schedule_override == schedule {
            return Ok(());
        }
        item.schedule_override = schedule;
        let mut changes = Changes::default();
        changes.put(TreeId::Items, &keys::item(plan, id), &item)?;
        self.commit(changes)
    }

    /// The standard assessments of `settings`; the added words stay (see `add_word`).
    pub fn set_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        let _writer = self.lock_writer();
        let kept = Settings { assessments: settings.assessments.clone(), words: self.settings()?.words };
        let mut changes = Changes::default();
        changes.put(TreeId::Settings, b"settings", &kept)?;
        self.commit(changes)
    }

    /// A word the spelling check is to take as right, for every user of the store.
    pub fn add_word(&self, word: &str) -> Result<Settings, StoreError> {
        let _writer = self.lock_writer();
        let mut settings = self.settings()?;
        if let Err(at) = settings.words.binary_search_by(|w| w.as_str().cmp(word)) {
            settings.words.insert(at, word.to_owned());
            let mut changes = Changes::default();
            changes.put(TreeId::Settings, b"settings", &settings)?;
            self.commit(changes)?;
        }
        Ok(settings)
    }

    /// Records the store's first user as its owner and admin; later calls change nothing.
    pub fn ensure_owner(&self, actor: &Actor, now: Stamp) -> Result<Owner, StoreError> {
        let _writer = self.lock_writer();
        if let Some(owner) = self.owner()? {
            return Ok(owner);
        }
        let owner = Owner { uid: actor.uid, name: actor.name.clone(), created_at: now };
        let mut changes = Changes::default();
        changes.put(TreeId::Meta, b"owner", &owner)?;
        changes.put(TreeId::Users, &keys::user(actor.uid), &UserRecord::new(actor.name.clone(), Role::Admin))?;
        self.commit(changes)?;
        Ok(owner)
    }

    pub fn put_user(&self, uid: u32, user: &UserRecord) -> Result<(), StoreError> {
        let _writer = self.lock_writer();
        let mut changes = Changes::default();
        changes.put(TreeId::Users, &keys::user(uid), user)?;
        self.commit(changes)
    }

    pub fn remove_user(&self, uid: u32) -> Result<bool, StoreError> {
        let _writer = self.lock_writer();
        if self.user(uid)?.is_none() {
            return Ok(false);
        }
        let mut changes = Changes::default();
        changes.remove(TreeId::Users, &keys::user(uid));
        self.commit(changes)?;
        Ok(true)
    }
}
