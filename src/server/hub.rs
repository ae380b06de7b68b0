//! What the server adds around `Service` for its socket clients: pushed events after every
//! change, and who is editing what.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, MutexGuard};

use super::broadcast::{Audience, Outgoing};
use super::presence::Presence;
use super::service::Service;
use super::sessions::{SessionLink, Sessions};
use crate::domain::{Actor, ItemId, PeriodId, Role};
use crate::model::SaveOutcome;
use crate::proto::{ApiError, Event, Request, Response};

pub struct Hub {
    service: Service,
    sessions: Arc<Sessions>,
    presence: Mutex<Presence>,
    /// Held from a change's commit until its event is queued, so events leave in commit order.
    changes: Mutex<()>,
    events: Sender<Outgoing>,
    events_queued: AtomicU64,
}

/// An editor's largest frame: a save or a draft of two texts at their limit, with room.
const EDITOR_FRAME_BYTES: u32 = 16 << 20;
/// A viewer's or a stranger's: any question (a spelling question is the largest, 240 KB).
const VIEWER_FRAME_BYTES: u32 = 1 << 20;

/// What a request may change, and so which event follows it.
enum Effect {
    Entry {
        period: PeriodId,
        item: ItemId,
        base_revision: u64,
    },
    /// A review state or a carried-over mark changed.
    Reviewed {
        period: PeriodId,
        item: ItemId,
    },
    Reload,
    /// The store's settings changed: everyone gets them.
    Settings,
    Nothing,
}

impl Effect {
    fn of(request: &Request) -> Effect {
        match request {
            Request::Save { edit } => {
                Effect::Entry { period: edit.period, item: edit.item, base_revision: edit.base_revision }
            }
            Request::Restore { period, item, base_revision, .. } => {
                Effect::Entry { period: *period, item: *item, base_revision: *base_revision }
            }
            Request::SetReview { period, item, .. } | Request::ConfirmCarried { period, item } => {
                Effect::Reviewed { period: *period, item: *item }
            }
            Request::Import { .. }
            | Request::OpenPeriod { .. }
            | Request::ClosePeriod { .. }
            | Request::SetReportDate { .. }
            | Request::SetSchedule { .. }
            | Request::SetPlan { .. }
            | Request::SetResponsible { .. }
            | Request::SetSettings { .. }
            | Request::LoadDump { .. } => Effect::Reload,
            Request::AddWord { .. } => Effect::Settings,
            _ => Effect::Nothing,
        }
    }
}

impl Hub {
    pub fn new(service: Service, sessions: Arc<Sessions>, events: Sender<Outgoing>) -> Self {
        Self {
            service,
            sessions,
            presence: Mutex::default(),
            changes: Mutex::new(()),
            events,
            events_queued: AtomicU64::new(0),
        }
    }

    pub fn service(&self) -> &Service {
        &self.service
    }

    pub fn handle(&self, link: &SessionLink, request: Request) -> Response {
        self.handle_with(link, request, &mut super::parts::NoParts)
    }

    /// As `handle`, with the parts that follow the request read from `parts`.
    pub fn handle_with(&self, link: &SessionLink, request: Request, parts: &mut dyn super::parts::Parts) -> Response {
        let now = crate::clock::now();
        let response = match request {
            Request::Editing { period, item, editing } => {
                let response = self.service.handle(&link.actor, now, request);
                if response == Response::Done {
                    let mut presence = self.presence();
                    if let Some(users) = presence.set(link.id, &link.actor.name, (period, item), editing) {
                        self.push(Audience::Everyone, Event::Editing { period, item, users });
                    }
                }
                response
            }
            request => {
                let effect = Effect::of(&request);
                let _order = match effect {
                    Effect::Nothing => None,
                    _ => Some(self.changes.lock().unwrap_or_else(|poisoned| poisoned.into_inner())),
                };
                let response = self.service.handle_with(&link.actor, now, request, parts);
                self.announce(link, effect, &response);
                response
            }
        };
        self.note_access(link, &response);
        response
    }

    fn announce(&self, link: &SessionLink, effect: Effect, response: &Response) {
        match (effect, response) {
            (Effect::Entry { period, item, base_revision }, Response::Saved(SaveOutcome::Saved(entry))) => {
                if entry.revision != base_revision {
                    self.push(Audience::Everyone, Event::EntryChanged { period, item, entry: entry.clone() });
                }
                let mut presence = self.presence();
                if let Some(users) = presence.set(link.id, &link.actor.name, (period, item), false) {
                    self.push(Audience::Everyone, Event::Editing { period, item, users });
                }
            }
            (Effect::Reviewed { period, item }, Response::Entry(Some(entry))) => {
                self.push(Audience::Everyone, Event::EntryChanged { period, item, entry: entry.clone() });
            }
            (Effect::Reload, r) if !matches!(r, Response::Error(_)) => self.push(Audience::Everyone, Event::Reload),
            (Effect::Settings, Response::Settings(settings)) => {
                self.push(Audience::Everyone, Event::Settings(settings.clone()));
            }
            _ => {}
        }
    }

    /// A client connected: events go to it from now on if the store knows its user (or
    /// has no users yet, and so will make it the owner).
    pub fn connect(&self, link: Arc<SessionLink>) {
        self.sessions.add(Arc::clone(&link));
        let store = self.service.store();
        let known = match store.user(link.actor.uid) {
            Ok(Some(_)) => true,
            Ok(None) => matches!(store.owner(), Ok(None)),
            Err(_) => false,
        };
        if known {
            self.subscribe(&link);
        }
    }

    /// Events go only to users the store knows: roles change while clients stay connected.
    fn note_access(&self, link: &SessionLink, response: &Response) {
        match response {
            Response::Error(ApiError::NotAUser { .. }) => link.unsubscribe(),
            Response::Error(ApiError::Store(_)) => {}
            _ => self.subscribe(link),
        }
    }

    /// A newly subscribed client hears of changes from now on, and first who is editing what.
    fn subscribe(&self, link: &SessionLink) {
        if link.subscribe(self.events_queued.load(Ordering::Acquire)) {
            let presence = self.presence();
            for ((period, item), users) in presence.all() {
                self.push(Audience::Session(link.id), Event::Editing { period, item, users });
            }
        }
    }

    /// A client left: its presence goes with it.
    pub fn disconnect(&self, id: u64) {
        self.sessions.remove(id);
        let mut presence = self.presence();
        for ((period, item), users) in presence.release_all(id) {
            self.push(Audience::Everyone, Event::Editing { period, item, users });
        }
    }

    /// Who may stop the server: its own user, root, or an admin of the store.
    /// Admins (and the server's own user) may send frames up to the trusted size.
    pub fn may_send_large(&self, actor: &Actor) -> bool {
        self.may_stop(actor).is_ok()
    }

    /// How large a frame this peer may send, refused from its length before a byte of it is
    /// read: a whole-store restore for an admin, a couple of texts for an editor, a question
    /// for a viewer or a stranger (who would otherwise make the server hold 60 MB for them).
    pub fn frame_limit(&self, actor: &Actor) -> u32 {
        if self.may_send_large(actor) {
            return crate::proto::frame::MAX_TRUSTED_FRAME_BYTES;
        }
        let store = self.service.store();
        match store.user(actor.uid) {
            Ok(Some(user)) if user.role >= Role::Editor => EDITOR_FRAME_BYTES,
            // The first user of a new store becomes its admin: the first import comes next.
            Ok(None) if store.owner().ok().flatten().is_none() => crate::proto::frame::MAX_FRAME_BYTES,
            _ => VIEWER_FRAME_BYTES,
        }
    }

    pub fn may_stop(&self, actor: &Actor) -> Result<(), ApiError> {
        if actor.uid == 0 || actor.uid == nix::unistd::geteuid().as_raw() {
            return Ok(());
        }
        let user = self.service.store().user(actor.uid).map_err(|e| self.service.wire_error(e.into()))?;
        match user {
            Some(user) if user.role == Role::Admin => Ok(()),
            Some(user) => Err(ApiError::Forbidden { name: actor.name.clone(), role: user.role, needed: Role::Admin }),
            None => Err(ApiError::NotAUser { name: actor.name.clone() }),
        }
    }

    /// The presence lock is taken while an event is queued, so presence events stay in order.
    fn presence(&self) -> MutexGuard<'_, Presence> {
        self.presence.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn push(&self, to: Audience, event: Event) {
        // Fails only when the broadcaster has ended, i.e. the server is stopping.
        let number = self.events_queued.fetch_add(1, Ordering::AcqRel);
        let _ = self.events.send(Outgoing { number, to, event });
    }

    #[cfg(test)]
    pub(crate) fn editors(&self, key: super::presence::ItemKey) -> Vec<String> {
        self.presence().users(key)
    }
}

#[cfg(test)]
mod tests;
