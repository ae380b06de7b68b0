//! The event loop. One UI thread reads input, updates the state and draws; every call to
//! the server and every file job runs on the worker thread (`worker`) and comes back as an
//! action. The UI thread blocks in `poll` on the terminal and a wake pipe (fed by the
//! worker, the signal thread and the server connection), with one timeout: the next local
//! midnight, or the end of the pause after typing when a draft is due. Nothing ticks.

pub mod capabilities;
mod effects;
mod export;
mod external_editor;
mod input;
pub mod recovery;
mod sgr;
mod terminal;
mod waker;
mod worker;

use std::collections::VecDeque;
use std::os::fd::AsFd;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
use signal_hook::iterator::Signals;

use super::action::{Action, Purpose, Unsaved};
use super::state::State;
use super::{update, view};
use crate::client::Client;
use crate::tr;
use effects::Outcome;
use worker::{JobContext, Worker};

/// How long after the last keystroke the text is kept as a draft.
pub const DRAFT_PAUSE: Duration = Duration::from_millis(1500);

/// How long quitting waits for the worker to hand the last drafts to the server.
const FINISH_WAIT: Duration = Duration::from_secs(5);

/// What the terminal can do, from terminfo (found once).
pub fn terminal_capabilities() -> capabilities::Capabilities {
    terminal::capabilities()
}

pub struct Options {
    pub initial_period: Option<crate::domain::PeriodId>,
    /// The store's folder, named in recovery files (`None`: a throwaway demo).
    pub store: Option<std::path::PathBuf>,
    /// The largest file an import from the welcome screen reads.
    pub import_limit: u64,
}

pub fn run(state: State, mut client: Client, options: Options) -> Result<(), String> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(tr!("tui-needs-terminal"));
    }
    let (waker, wakeups) = waker::pair().map_err(|e| crate::i18n::os_error(&e))?;
    spawn_signal_thread(waker.clone())?;
    {
        let waker = waker.clone();
        client.set_event_sink(Box::new(move |event| waker.send(Action::Remote(event))));
    }
    let context = JobContext { import_limit: options.import_limit };
    let worker = Worker::start(client, waker, context).map_err(|e| crate::i18n::os_error(&e))?;

    terminal::restore_on_panic();
    let term = terminal::enter().map_err(|e| crate::i18n::os_error(&e))?;
    let mut event_loop = Loop::new(state, term, worker, &options);
    let result = event_loop.run(&wakeups, &options);
    event_loop.finish();
    result
}

fn spawn_signal_thread(waker: waker::Waker) -> Result<(), String> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGWINCH]).map_err(|e| crate::i18n::os_error(&e))?;
    std::thread::Builder::new()
        .name("signals".into())
        .stack_size(64 * 1024)
        .spawn(move || {
            for signal in signals.forever() {
                if signal == SIGWINCH {
                    if let Ok((w, h)) = crossterm::terminal::size() {
                        waker.send(Action::Resize(w, h));
                    }
                } else {
                    waker.send(Action::Terminate);
                }
            }
        })
        .map(|_| ())
        .map_err(|e| crate::i18n::os_error(&e))
}

/// What the loop keeps between wake-ups.
struct Loop {
    state: State,
    term: Option<terminal::Term>,
    worker: Option<Worker>,
    pending: VecDeque<Action>,
    draft_due: Option<Instant>,
    today: NaiveDate,
    recovery: recovery::Recovery,
}

/// Whether the loop goes on after applying what arrived.
#[derive(PartialEq, Eq)]
enum Flow {
    Continue,
    Quit,
}

impl Loop {
    fn new(mut state: State, term: terminal::Term, worker: Worker, options: &Options) -> Loop {
        if let Ok(size) = term.size() {
            state.size = (size.width, size.height);
        }
        Loop {
            state,
            term: Some(term),
            worker: Some(worker),
            pending: VecDeque::new(),
            draft_due: None,
            today: crate::clock::today(),
            recovery: recovery::Recovery::new(options.store.as_deref()),
        }
    }

    fn run(&mut self, wakeups: &waker::Wakeups, options: &Options) -> Result<(), String> {
        self.carry_out(super::update::first_load(options.initial_period))?;
        loop {
            if self.apply_pending()? == Flow::Quit {
                return Ok(());
            }
            self.draw();
            self.wait(wakeups);
        }
    }

    /// Applies everything that arrived, carrying out the effects, before one redraw.
    fn apply_pending(&mut self) -> Result<Flow, String> {
        while let Some(action) = self.pending.pop_front() {
            let effect = update(&mut self.state, action);
            if self.carry_out(effect)? == Flow::Quit {
                return Ok(Flow::Quit);
            }
        }
        Ok(Flow::Continue)
    }

    fn carry_out(&mut self, effect: super::action::Effect) -> Result<Flow, String> {
        let mut outcomes = Vec::new();
        if let Some(worker) = &self.worker {
            effects::run(effect, worker, &mut outcomes);
        }
        let mut flow = Flow::Continue;
        for outcome in outcomes {
            match outcome {
                Outcome::Quit => flow = Flow::Quit,
                Outcome::ArmDraftTimer => {
                    self.draft_due.get_or_insert_with(|| Instant::now() + DRAFT_PAUSE);
                }
                Outcome::RunEditor(text) => self.run_editor(&text)?,
                Outcome::Recover(unsaved) => {
                    let action = self.recover(unsaved);
                    self.pending.push_back(action);
                }
            }
        }
        Ok(flow)
    }

    fn run_editor(&mut self, text: &str) -> Result<(), String> {
        terminal::leave();
        let result = external_editor::edit(text);
        let mut term = terminal::enter().map_err(|e| crate::i18n::os_error(&e))?;
        let _ = term.clear();
        self.term = Some(term);
        self.pending.push_back(Action::EditorClosed(result));
        Ok(())
    }

    fn recover(&mut self, unsaved: Unsaved) -> Action {
        let point =
            self.state.main().and_then(|m| m.row_of(unsaved.item).map(|i| m.rows[i].item.point_label().to_owned()));
        let file = self
            .recovery
            .write(&unsaved, point.as_deref())
            .map(|p| recovery::shown(&p))
            .map_err(|e| crate::i18n::os_error(&e));
        Action::Recovered { error: unsaved.error, file }
    }

    fn draw(&mut self) {
        let Some(term) = &mut self.term else { return };
        if term.draw(|f| view(&self.state, f)).is_err() {
            // The terminal is gone (the SSH connection died): keep what was typed.
            self.pending.push_back(Action::Terminate);
        }
    }

    /// Sleeps until input, a wake-up, the draft pause or midnight; queues what came.
    fn wait(&mut self, wakeups: &waker::Wakeups) {
        let until_midnight = crate::clock::until_next_day();
        let timeout = match self.draft_due {
            Some(due) => due.saturating_duration_since(Instant::now()).min(until_midnight),
            None => until_midnight,
        };
        let stdin = std::io::stdin();
        let mut fds =
            [PollFd::new(stdin.as_fd(), PollFlags::POLLIN), PollFd::new(wakeups.pipe.as_fd(), PollFlags::POLLIN)];
        let millis = u32::try_from(timeout.as_millis().saturating_add(1)).unwrap_or(u32::MAX).min(i32::MAX as u32);
        let ready = poll(&mut fds, PollTimeout::try_from(millis).unwrap_or(PollTimeout::MAX));
        let revents = |i: usize| fds[i].revents().unwrap_or(PollFlags::empty());
        let (stdin_events, woken) = (revents(0), !revents(1).is_empty());
        if let Ok(0) = ready {
            self.timers_due();
        }
        if stdin_events.intersects(PollFlags::POLLHUP | PollFlags::POLLERR | PollFlags::POLLNVAL) {
            // The terminal is gone. (crossterm would spin reading end-of-file forever.)
            self.pending.push_back(Action::Terminate);
        } else if !stdin_events.is_empty() {
            self.read_input();
        }
        if woken {
            wakeups.drain_pipe();
            let actions: Vec<Action> = wakeups.rx.try_iter().collect();
            if stdin_events.is_empty() && actions.iter().any(|a| matches!(a, Action::Resize(..))) {
                // crossterm (0.29, edge-triggered epoll) drops a key that comes in the same
                // wake-up as its own SIGWINCH: taken now, its resize never meets a key.
                self.read_input();
            }
            self.pending.extend(actions);
        }
    }

    fn timers_due(&mut self) {
        if self.draft_due.is_some_and(|d| d <= Instant::now()) {
            self.draft_due = None;
            self.pending.push_back(Action::DraftTimer);
        }
        let today = crate::clock::today();
        if today != self.today {
            self.today = today;
            self.pending.push_back(Action::DayChanged(today));
        }
    }

    /// Everything already typed or pasted: a burst is one redraw.
    fn read_input(&mut self) {
        while crossterm::event::poll(Duration::ZERO).unwrap_or(false) {
            match crossterm::event::read() {
                Ok(event) => self.pending.extend(input::action(event)),
                Err(_) => {
                    self.pending.push_back(Action::Terminate);
                    break;
                }
            }
        }
    }

    /// Leaves the terminal, lets the worker hand over the last drafts, and writes recovery
    /// files for any text it could not.
    fn finish(&mut self) {
        if let Some(mut term) = self.term.take()
            && term.show_cursor().is_err()
        {
            // The terminal is gone (SIGHUP): there is nothing left to restore.
            std::mem::forget(term);
        }
        terminal::leave();
        let undone = self.worker.take().map(|w| w.finish(FINISH_WAIT)).unwrap_or_default();
        for purpose in undone {
            if let Purpose::Save { period, item, info, assessment }
            | Purpose::PutDraft { period, item, info, assessment } = purpose
            {
                let error = tr!("tui-server-silent-at-exit");
                let _ = self.recover(Unsaved { period, item, info, assessment, error });
            }
        }
    }
}
