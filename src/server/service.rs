//! What the store does for a request from a known user: the role check, then the store
//! call. The server runs it for every socket client; a local client runs it in-process.

use super::fault::{Refusal, fault_of};
use crate::domain::{Actor, EntryEdit, PeriodId, Role, Stamp};
use crate::model::{RevisionSource, Snapshot};
use crate::proto::{ApiError, BadRequest, Request, Response};
use crate::store::{Store, StoreError};

/// Where a service reports a store error in full (the server's log).
pub type ErrorLog = fn(&str);

pub struct Service {
    store: Store,
    log: Option<ErrorLog>,
}

impl Service {
    /// A service whose store errors reach the client as faults only.
    pub fn new(store: Store) -> Self {
        Self { store, log: None }
    }

    /// As `new`, every store error also written in full (with the store's path) to `log`.
    pub fn with_log(store: Store, log: ErrorLog) -> Self {
        Self { store, log: Some(log) }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The user's role; the first user of a new store becomes its owner and admin.
    pub fn role_of(&self, actor: &Actor, now: Stamp) -> Result<Role, Refusal> {
        if let Some(user) = self.store.user(actor.uid)? {
            return Ok(user.role);
        }
        // Two first users at once: only the one recorded as owner is the admin.
        if self.store.owner()?.is_none() && self.store.ensure_owner(actor, now)?.uid == actor.uid {
            return Ok(Role::Admin);
        }
        Err(ApiError::NotAUser { name: actor.name.clone() }.into())
    }

    pub fn handle(&self, actor: &Actor, now: Stamp, request: Request) -> Response {
        match self.try_handle(actor, now, request) {
            Ok(response) => response,
            Err(refusal) => Response::Error(self.wire_error(refusal)),
        }
    }

    /// A refusal as the client is told it; a store error is logged in full first.
    pub fn wire_error(&self, refusal: Refusal) -> ApiError {
        match refusal {
            Refusal::Api(e) => e,
            Refusal::Store(e) => {
                if let Some(log) = self.log {
                    log(&e.to_string());
                }
                ApiError::Store(fault_of(&e))
            }
        }
    }

    fn try_handle(&self, actor: &Actor, now: Stamp, request: Request) -> Result<Response, Refusal> {
        let role = self.role_of(actor, now)?;
        let needed = request.required_role();
        if role < needed {
            return Err(ApiError::Forbidden { name: actor.name.clone(), role, needed }.into());
        }
        let store = &self.store;
        Ok(match request {
            Request::Whoami => Response::Whoami { actor: actor.clone(), role },
            Request::Snapshot { period } => Response::Snapshot(self.snapshot(actor, period)?.map(Box::new)),
            Request::Entry { period, item } => Response::Entry(store.entry(period, item)?),
            Request::Import { report } => Response::Imported(store.import(&report, actor, now)?),
            Request::Save { edit } => Response::Saved(store.save_entry(&edit, actor, now, RevisionSource::Edit)?),
            Request::History { period, item } => Response::History(store.history(period, item)?),
            Request::Restore { period, item, revision, base_revision } => {
                let old = store
                    .history(period, item)?
                    .into_iter()
                    .find(|r| r.revision == revision)
                    .ok_or(ApiError::BadRequest { reason: BadRequest::NoRevision { revision } })?;
                let edit = EntryEdit { period, item, base_revision, info: old.info, assessment: old.assessment };
                Response::Saved(store.save_entry(&edit, actor, now, RevisionSource::Restore)?)
            }
            Request::PutDraft { period, item, draft } => {
                // Stamped here: the time a draft was kept is the server's to say.
                let draft = crate::model::Draft { saved_at: now, ..draft };
                store.put_draft(actor.uid, period, item, &draft)?;
                Response::Done
            }
            Request::DeleteDraft { period, item } => {
                store.delete_draft(actor.uid, period, item)?;
                Response::Done
            }
            Request::SetSchedule { year, item, schedule } => {
                store.set_schedule(year, item, schedule)?;
                Response::Done
            }
            Request::OpenPeriod { period } => Response::Period(store.open_period(period)?),
            Request::SetSettings { settings } => {
                store.set_settings(&settings)?;
                Response::Done
            }
            Request::Users => Response::Users(store.users()?),
            Request::Settings => Response::Settings(store.settings()?),
            Request::AddUser { uid, user } => {
                if user.role != Role::Admin && store.owner()?.is_some_and(|o| o.uid == uid) {
                    return Err(ApiError::BadRequest { reason: BadRequest::OwnerStaysAdmin }.into());
                }
                store.put_user(uid, &user)?;
                Response::Done
            }
            // Presence is kept by the server's sessions, not the store.
            Request::Editing { .. } => Response::Done,
            Request::Dump => Response::Dump(Box::new(store.dump()?)),
            Request::LoadDump { dump } => {
                store.load_dump(&dump)?;
                Response::Done
            }
            Request::RemoveUser { uid } => {
                if store.owner()?.is_some_and(|o| o.uid == uid) {
                    return Err(ApiError::BadRequest { reason: BadRequest::OwnerCannotBeRemoved }.into());
                }
                store.remove_user(uid)?;
                Response::Done
            }
        })
    }

    fn snapshot(&self, actor: &Actor, period: Option<PeriodId>) -> Result<Option<Snapshot>, StoreError> {
        let store = &self.store;
        let periods = store.periods()?;
        let chosen = match period {
            Some(id) => periods
                .iter()
                .find(|p| p.id == id)
                .cloned()
                .ok_or_else(|| StoreError::UnknownPeriod { period: id.to_string() })?,
            None => match periods.iter().max_by_key(|p| (p.id.end(), p.id.kind.code())) {
                Some(p) => p.clone(),
                None => return Ok(None),
            },
        };
        let Some(plan) = store.plan(chosen.id.year)? else {
            return Err(StoreError::UnknownPeriod { period: chosen.id.to_string() });
        };
        Ok(Some(Snapshot {
            items: store.items(plan.year)?,
            entries: store.entries(chosen.id)?,
            drafts: store.drafts(actor.uid, chosen.id)?,
            settings: store.settings()?,
            plan,
            periods,
            period: chosen,
        }))
    }
}
