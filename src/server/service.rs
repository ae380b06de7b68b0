//! What the store does for a request from a known user: the role check, then the store
//! call. The server runs it for every socket client; a local client runs it in-process.

use super::dictionary::Dictionary;
use super::fault::{Refusal, fault_of};

use crate::domain::{Actor, Entry, EntryEdit, FlagCounter, ItemId, PeriodId, Review, Role, Stamp};
use crate::model::{Draft, Flagged, FlaggedItem, RevisionSource, Snapshot, UserRecord};
use crate::proto::{ApiError, BadRequest, Request, Response};
use crate::spelling::DEFAULT_DICTIONARY;
use crate::store::{Store, StoreError};

/// The period a snapshot is of, every period (for the picker), and the period's plan.
pub(super) struct Chosen {
    pub period: crate::domain::Period,
    pub periods: Vec<crate::domain::Period>,
    pub plan: crate::domain::Plan,
}

/// What a `Request::Flagged` asks.
pub(super) struct FlaggedAsked<'a> {
    pub period: Option<PeriodId>,
    pub as_of: Option<chrono::NaiveDate>,
    pub today: chrono::NaiveDate,
    pub rules: &'a crate::domain::FlagRules,
    pub responsible: crate::domain::Answering<'a>,
    pub listed: bool,
}

/// Where a service reports a store error in full (the server's log).
pub type ErrorLog = fn(&str);

pub struct Service {
    store: Store,
    flag_index: super::flag_index::FlagIndex,
    search_index: super::search::SearchIndex,
    /// The items of the period reported last, rendered as `status --json` writes them.
    pub(super) rendered: super::rendered::RenderedReports,
    log: Option<ErrorLog>,
    dictionary: Dictionary,
}

impl Service {
    /// A service whose store errors reach the client as faults only.
    pub fn new(store: Store) -> Self {
        Self {
            store,
            flag_index: Default::default(),
            search_index: Default::default(),
            rendered: Default::default(),
            log: None,
            dictionary: Dictionary::new(Some(DEFAULT_DICTIONARY.into()), None),
        }
    }

    /// With this spelling dictionary (`…/ru_RU`), or none (`None`: spelling is off).
    pub fn with_dictionary(mut self, base: Option<std::path::PathBuf>) -> Self {
        self.dictionary = Dictionary::new(base, self.log);
        self
    }

    /// As `new`, every store error also written in full (with the store's path) to `log`.
    pub fn with_log(store: Store, log: ErrorLog) -> Self {
        Self {
            store,
            flag_index: Default::default(),
            search_index: Default::default(),
            rendered: Default::default(),
            log: Some(log),
            dictionary: Dictionary::new(Some(DEFAULT_DICTIONARY.into()), Some(log)),
        }
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
        self.handle_with(actor, now, request, &mut super::parts::NoParts)
    }

    /// As `handle`, the parts that follow the request (a streamed import's) read from `parts`.
    pub fn handle_with(
        &self,
        actor: &Actor,
        now: Stamp,
        request: Request,
        parts: &mut dyn super::parts::Parts,
    ) -> Response {
        match self.try_handle(actor, now, request, parts) {
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

    /// The caller's role, if it may make this request as it stands.
    fn admit(&self, actor: &Actor, now: Stamp, request: &Request) -> Result<Role, Refusal> {
        let role = self.role_of(actor, now)?;
        let needed = request.required_role();
        if role < needed {
            return Err(ApiError::Forbidden { name: actor.name.clone(), role, needed }.into());
        }
        if let Some(t) = self.too_long(request) {
            return Err(ApiError::from(t).into());
        }
        Ok(role)
    }

    fn try_handle(
        &self,
        actor: &Actor,
        now: Stamp,
        request: Request,
        parts: &mut dyn super::parts::Parts,
    ) -> Result<Response, Refusal> {
        let role = self.admit(actor, now, &request)?;
        self.refuse_after_interrupted_restore(&request)?;
        let store = &self.store;
        let done = |r: Result<(), StoreError>| r.map(|()| Response::Done).map_err(Refusal::from);
        let by = (actor, now);
        match request {
            Request::Whoami => self.whoami(actor, role),
            request @ (Request::Snapshot { .. }
            | Request::List { .. }
            | Request::ListPart { .. }
            | Request::Flagged { .. }
            | Request::Search { .. }
            | Request::Entry { .. }
            | Request::Shown { .. }) => self.read_period(actor, request),
            Request::Import { report, replace_edited, parts: n } => {
                self.import(&report, (by, replace_edited), n, parts)
            }
            Request::ImportRows { .. } => Err(ApiError::BadRequest { reason: BadRequest::PartAlone }.into()),
            Request::Save { edit } => Ok(Response::Saved(store.save_entry(&edit, actor, now, RevisionSource::Edit)?)),
            Request::History { period, item } => Ok(Response::History(store.history(period, item)?)),
            Request::Restore { period, item, revision, base_revision } => self.restore(
                actor,
                now,
                EntryEdit { period, item, base_revision, info: String::new(), assessment: String::new() },
                revision,
            ),
            // Stamped here: the time a draft was kept is the server's to say.
            Request::PutDraft { period, item, draft } => {
                done(store.put_draft(actor.uid, period, item, &Draft { saved_at: now, ..draft }))
            }
            Request::DeleteDraft { period, item } => done(store.delete_draft(actor.uid, period, item)),
            Request::SetSchedule { plan, item, schedule } => done(store.set_schedule(plan, item, schedule)),
            Request::Plans => Ok(Response::Plans(store.plan_infos()?)),
            Request::Items { plan } => Ok(Response::Items(store.items(plan)?)),
            Request::SetPlan { plan, change } => Ok(Response::Plan(store.change_plan(plan, &change)?)),
            Request::SetResponsible { plan, item, responsible } => {
                done(store.set_responsible(plan, item, &responsible).map(|_| ()))
            }
            Request::OpenPeriod { period, copy_from } => self.open_period(period, copy_from, by),
            Request::ClosePeriod { period } => self.close_period(period),
            Request::SetReportDate { period, date } => Ok(Response::Period(store.set_report_date(period, date)?)),
            Request::SetReview { period, item, review } => self.set_review(actor, role, now, (period, item), review),
            Request::ConfirmCarried { period, item } => {
                Ok(Response::Entry(Some(store.confirm_carried(period, item, by)?)))
            }
            Request::Reviews { period, item } => Ok(Response::Reviews(store.reviews(period, item)?)),
            Request::MyDrafts => Ok(Response::DraftPlaces(store.drafts_everywhere(actor.uid)?)),
            Request::SetSettings { settings } => done(store.set_settings(&settings)),
            Request::Users => Ok(Response::Users(store.users()?)),
            Request::Settings => Ok(Response::Settings(store.settings()?)),
            Request::Spelling { words } => self.spelling(&words),
            Request::Suggest { word } => Ok(Response::Suggestions(self.dictionary.suggest(&word)?)),
            Request::AddWord { word } => self.add_word(&word),
            Request::AddUser { uid, user } => self.add_user(uid, &user),
            Request::RemoveUser { uid } => self.remove_user(uid),
            // Presence is kept by the server's sessions, not the store.
            Request::Editing { .. } => Ok(Response::Done),
            Request::Dump => self.dump(parts),
            request @ Request::StatusJson { .. } => self.status_json(request, parts),
            Request::LoadDump { parts: first, more } => self.load_dump(first, more, parts),
            Request::LoadDumpParts { .. } => Err(ApiError::BadRequest { reason: BadRequest::PartAlone }.into()),
        }
    }

    /// A restore left half way: only the same restore again, never a half store shown.
    fn refuse_after_interrupted_restore(&self, request: &Request) -> Result<(), Refusal> {
        let may_follow = matches!(request, Request::LoadDump { .. } | Request::Whoami | Request::Users);
        if !may_follow && self.store.restore_interrupted()? {
            return Err(ApiError::Store(crate::proto::StoreFault::RestoreInterrupted).into());
        }
        Ok(())
    }

    /// Accepting, and undoing an acceptance, are an admin's; the rest an editor's.
    fn set_review(
        &self,
        actor: &Actor,
        role: Role,
        now: Stamp,
        (period, item): (PeriodId, ItemId),
        review: Review,
    ) -> Result<Response, Refusal> {
        let current = self.store.entry(period, item)?.map(|e| e.review).unwrap_or_default();
        if (review == Review::Accepted || current == Review::Accepted) && role < Role::Admin {
            return Err(ApiError::Forbidden { name: actor.name.clone(), role, needed: Role::Admin }.into());
        }
        Ok(Response::Entry(Some(self.store.set_review(period, item, review, (actor, now))?)))
    }

    /// A text the request would store that is over the limit (the frame's limit is far
    /// larger: a store never holds a record it could not send).
    fn too_long(&self, request: &Request) -> Option<crate::domain::limits::TooLong> {
        use crate::domain::limits::first_too_long;
        // The item's point as the plan writes it, for the message.
        let point = |period: PeriodId, item: ItemId| -> String {
            let plan = self.store.plan_of(period).ok().flatten();
            plan.and_then(|p| self.store.item(p.id, item).ok().flatten()).map(|i| i.point).unwrap_or_default()
        };
        match request {
            Request::Save { edit } => {
                let texts = [("info", edit.info.as_str()), ("assessment", edit.assessment.as_str())];
                first_too_long("", texts)
                    .map(|t| crate::domain::limits::TooLong { point: point(edit.period, edit.item), ..t })
            }
            Request::PutDraft { period, item, draft } => {
                let texts = [("info", draft.info.as_str()), ("assessment", draft.assessment.as_str())];
                first_too_long("", texts).map(|t| crate::domain::limits::TooLong { point: point(*period, *item), ..t })
            }
            Request::Import { report, .. } => report.first_too_long(),
            Request::SetResponsible { responsible, .. } => first_too_long("", [("responsible", responsible.as_str())]),
            _ => None,
        }
    }

    /// One word, as the spelling check splits a text; anything else is refused.
    fn add_word(&self, word: &str) -> Result<Response, Refusal> {
        let one_word = crate::spelling::words(word).first().is_some_and(|w| w.word == word);
        if !one_word {
            return Err(ApiError::BadRequest { reason: BadRequest::NotAWord }.into());
        }
        Ok(Response::Settings(self.store.add_word(word)?))
    }

    fn whoami(&self, actor: &Actor, role: Role) -> Result<Response, Refusal> {
        let responsible = self.store.user(actor.uid)?.map(|u| u.responsible).unwrap_or_default();
        Ok(Response::Whoami { actor: actor.clone(), role, responsible })
    }

    /// Brings revision `revision` back as a new revision made from `edit.base_revision`.
    fn restore(&self, actor: &Actor, now: Stamp, edit: EntryEdit, revision: u64) -> Result<Response, Refusal> {
        let old = self
            .store
            .history(edit.period, edit.item)?
            .into_iter()
            .find(|r| r.revision == revision)
            .ok_or(ApiError::BadRequest { reason: BadRequest::NoRevision { revision } })?;
        let edit = EntryEdit { info: old.info, assessment: old.assessment, ..edit };
        Ok(Response::Saved(self.store.save_entry(&edit, actor, now, RevisionSource::Restore)?))
    }

    fn add_user(&self, uid: u32, user: &UserRecord) -> Result<Response, Refusal> {
        if user.role != Role::Admin && self.store.owner()?.is_some_and(|o| o.uid == uid) {
            return Err(ApiError::BadRequest { reason: BadRequest::OwnerStaysAdmin }.into());
        }
        self.store.put_user(uid, user)?;
        Ok(Response::Done)
    }

    fn remove_user(&self, uid: u32) -> Result<Response, Refusal> {
        if self.store.owner()?.is_some_and(|o| o.uid == uid) {
            return Err(ApiError::BadRequest { reason: BadRequest::OwnerCannotBeRemoved }.into());
        }
        self.store.remove_user(uid)?;
        Ok(Response::Done)
    }

    /// Which of `words` neither the dictionary nor the store's own list knows.
    fn spelling(&self, words: &[String]) -> Result<Response, Refusal> {
        Ok(Response::Misspelt(self.dictionary.unknown(words, &self.store.settings()?.words)?))
    }

    /// A period's data: whole, as a list without the texts, one entry, or what a search finds.
    fn read_period(&self, actor: &Actor, request: Request) -> Result<Response, Refusal> {
        Ok(match request {
            Request::List { period } => Response::Snapshot(self.snapshot(actor, period, false)?.map(Box::new)),
            Request::ListPart { period, after, max } => {
                Response::Snapshot(self.list_part(actor, period, (after, max))?.map(Box::new))
            }
            Request::Search { period, query } => {
                let items = self.search(period, &query)?;
                Response::Found { query, items }
            }
            Request::Snapshot { period } => Response::Snapshot(self.snapshot(actor, period, true)?.map(Box::new)),
            Request::Flagged { period, as_of, today, rules, responsible, listed } => {
                let responsible = responsible.as_deref();
                let asked = FlaggedAsked { period, as_of, today, rules: &rules, responsible, listed };
                Response::Flagged(self.flagged(&asked)?.map(Box::new))
            }
            Request::Entry { period, item } => Response::Entry(self.store.entry(period, item)?),
            Request::Shown { period, item } => self.shown(period, item)?,
            _ => return Err(ApiError::BadRequest { reason: BadRequest::Unsendable }.into()),
        })
    }

    /// An item whole, with its entry: what a screen shows of the item a list sketches.
    fn shown(&self, period: PeriodId, item: ItemId) -> Result<Response, StoreError> {
        let Some(plan) = self.store.plan_of(period)? else {
            return Err(StoreError::UnknownPeriod { period: period.to_string() });
        };
        let whole = self.store.item(plan.id, item)?.map(Box::new);
        Ok(Response::Shown { item: whole, entry: self.store.entry(period, item)? })
    }

    /// The items of `period` whose texts hold `query`, case and ё/е folded, from the words
    /// kept of the period (`server::search`).
    fn search(&self, period: PeriodId, query: &str) -> Result<Vec<ItemId>, StoreError> {
        let between_runs = || super::memory::give_back(&self.store, super::memory::GiveBack::BetweenReads);
        self.search_index.search(&self.store, (period, query), &between_runs)
    }

    /// The counts of a period and its listed items only, worked out here from the flag
    /// index: `status` then gets a few hundred lines, not 10,000 items (docs/performance.md).
    pub(super) fn flagged(&self, asked: &FlaggedAsked<'_>) -> Result<Option<Flagged>, StoreError> {
        let Some(chosen) = self.choose(asked.period)? else { return Ok(None) };
        let (store, id) = (&self.store, chosen.period.id);
        let as_of = asked.as_of.or(chosen.period.report_date).unwrap_or(asked.today);
        let items = self.flag_index.items(store, &chosen.plan, id)?;
        let marks = self.flag_index.marks(store, id)?;
        let mut counter = FlagCounter::new(id, as_of, asked.rules, asked.responsible);
        let listed = (items.items.iter())
            .filter_map(|i| {
                let mark = marks.get(i.id).unwrap_or(("", Review::Open));
                let f = counter.take((&i.deadline, items.responsible(i)), mark).filter(|f| f.overdue || f.no_result)?;
                if !asked.listed {
                    return None;
                }
                let due = match f.overdue {
                    true => i.deadline.missed_due(id, as_of, f.no_result),
                    false => i.deadline.nearest_due(as_of),
                };
                Some(FlaggedItem {
                    point: items.point(i).to_owned(),
                    title_start: items.title_start(i).to_owned(),
                    overdue: f.overdue,
                    no_result: f.no_result,
                    due: due.map(|d| d.date),
                })
            })
            .collect();
        let organisation = chosen.plan.organisation;
        Ok(Some(Flagged { organisation, period: chosen.period, as_of, counts: counter.counts, listed }))
    }

    /// The period asked for (`None`: the store's latest, a plan's whole span only when
    /// there is nothing else), with every period and the period's plan; none in an empty
    /// store.
    pub(super) fn choose(&self, period: Option<PeriodId>) -> Result<Option<Chosen>, StoreError> {
        let periods = self.store.periods()?;
        let chosen = match period {
            Some(id) => Some(
                periods
                    .iter()
                    .find(|p| p.id == id)
                    .cloned()
                    .ok_or_else(|| StoreError::UnknownPeriod { period: id.to_string() })?,
            ),
            None => periods.iter().max_by_key(|p| (!p.id.is_span(), p.id.end(), p.id.kind.code())).cloned(),
        };
        let Some(period) = chosen else { return Ok(None) };
        let plan = self
            .store
            .plan_of(period.id)?
            .ok_or_else(|| StoreError::UnknownPeriod { period: period.id.to_string() })?;
        Ok(Some(Chosen { period, periods, plan }))
    }

    /// A snapshot of the chosen period with these items and entries, the asker's drafts and
    /// the store's settings; without `texts`, a list (`Snapshot::into_list`: its items and
    /// entries sketched).
    fn assemble(
        &self,
        actor: &Actor,
        chosen: Chosen,
        (items, entries): (Vec<crate::domain::Item>, Vec<(ItemId, Entry)>),
        texts: bool,
    ) -> Result<Snapshot, StoreError> {
        let snapshot = Snapshot {
            items,
            entries,
            texts,
            drafts: self.store.drafts(actor.uid, chosen.period.id)?,
            settings: self.store.settings()?,
            plan: chosen.plan,
            periods: chosen.periods,
            period: chosen.period,
        };
        Ok(if texts { snapshot } else { snapshot.into_list() })
    }

    /// A list of at most `max` items after `after`, with their entries' heads.
    fn list_part(
        &self,
        actor: &Actor,
        period: Option<PeriodId>,
        (after, max): (Option<ItemId>, u32),
    ) -> Result<Option<Snapshot>, StoreError> {
        let Some(chosen) = self.choose(period)? else { return Ok(None) };
        let (store, id) = (&self.store, chosen.period.id);
        let items = store.items_after(chosen.plan.id, after, max as usize)?;
        let entries = match (items.first(), items.last()) {
            (Some(first), Some(last)) => store.entry_heads_between(id, first.id, last.id)?,
            _ => Vec::new(),
        };
        self.assemble(actor, chosen, (items, entries), false).map(Some)
    }

    /// `texts`: with the execution texts; without, the list a screen or `status` shows.
    fn snapshot(&self, actor: &Actor, period: Option<PeriodId>, texts: bool) -> Result<Option<Snapshot>, StoreError> {
        let Some(chosen) = self.choose(period)? else { return Ok(None) };
        let (store, id) = (&self.store, chosen.period.id);
        let entries = if texts { store.entries(id)? } else { store.entry_heads(id)? };
        let items = store.items(chosen.plan.id)?;
        self.assemble(actor, chosen, (items, entries), texts).map(Some)
    }
}
