//! The event loop. One UI thread blocks in `poll` on the terminal and a wake pipe (fed by
//! the signal thread and the server connection), with one timeout: the next local
//! midnight, or the end of the pause after typing when a draft is due. Nothing ticks.

mod effects;
mod export;
mod external_editor;
mod input;
pub mod recovery;
mod terminal;
mod waker;

use std::collections::VecDeque;
use std::os::fd::AsFd;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
use signal_hook::iterator::Signals;

use super::action::Action;
use super::state::State;
use super::{update, view};
use crate::client::Client;
use crate::tr;
use effects::Outcome;

/// How long after the last keystroke the text is kept as a draft.
pub const DRAFT_PAUSE: Duration = Duration::from_millis(1500);

pub struct Options {
    pub initial_period: Option<crate::domain::PeriodId>,
    /// The store's folder, named in recovery files (`None`: a throwaway demo).
    pub store: Option<std::path::PathBuf>,
}

pub fn run(mut state: State, mut client: Client, options: Options) -> Result<(), String> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(tr!("tui-needs-terminal"));
    }
    let (waker, wakeups) = waker::pair().map_err(|e| e.to_string())?;
    spawn_signal_thread(waker.clone())?;
    {
        let waker = waker.clone();
        client.set_event_sink(Box::new(move |event| waker.send(Action::Remote(event))));
    }

    terminal::restore_on_panic();
    let mut term = terminal::enter().map_err(|e| e.to_string())?;
    let result = event_loop(&mut state, &mut client, &mut term, &wakeups, options);
    if term.show_cursor().is_err() {
        // The terminal is gone (SIGHUP): there is nothing left to restore or report.
        std::mem::forget(term);
    }
    terminal::leave();
    result
}

fn spawn_signal_thread(waker: waker::Waker) -> Result<(), String> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGWINCH]).map_err(|e| e.to_string())?;
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
        .map_err(|e| e.to_string())
}

fn event_loop(
    state: &mut State,
    client: &mut Client,
    term: &mut terminal::Term,
    wakeups: &waker::Wakeups,
    options: Options,
) -> Result<(), String> {
    if let Ok(size) = term.size() {
        state.size = (size.width, size.height);
    }
    let mut pending: VecDeque<Action> =
        VecDeque::from([Action::Loaded(client.snapshot(options.initial_period).map(|s| s.map(Box::new)))]);
    let mut draft_due: Option<Instant> = None;
    let mut today: NaiveDate = crate::clock::today();
    let mut recovery = recovery::Recovery::new(options.store.as_deref());
    loop {
        // Apply everything that arrived, then draw once.
        let mut quit = false;
        while let Some(action) = pending.pop_front() {
            let effect = update(state, action);
            let mut produced = Vec::new();
            let mut outcomes = Vec::new();
            effects::run(effect, client, &mut produced, &mut outcomes);
            pending.extend(produced);
            for outcome in outcomes {
                match outcome {
                    Outcome::Quit => quit = true,
                    Outcome::ArmDraftTimer => {
                        draft_due.get_or_insert_with(|| Instant::now() + DRAFT_PAUSE);
                    }
                    Outcome::RunEditor(text) => {
                        terminal::leave();
                        let result = external_editor::edit(&text);
                        *term = terminal::enter().map_err(|e| e.to_string())?;
                        let _ = term.clear();
                        pending.push_back(Action::EditorClosed(result));
                    }
                    Outcome::Recover(unsaved) => {
                        let point = state
                            .main()
                            .and_then(|m| m.row_of(unsaved.item).map(|i| m.rows[i].item.point_label().to_owned()));
                        let file = recovery
                            .write(&unsaved, point.as_deref())
                            .map(|p| recovery::shown(&p))
                            .map_err(|e| e.to_string());
                        pending.push_back(Action::Recovered { error: unsaved.error, file });
                    }
                }
            }
            if quit {
                return Ok(());
            }
        }
        if term.draw(|f| view(state, f)).is_err() {
            // The terminal is gone (the SSH connection died): keep what was typed.
            pending.push_back(Action::Terminate);
            continue;
        }

        // Sleep until input, a wake-up, the draft pause or midnight.
        let now = Instant::now();
        let until_midnight = crate::clock::until_next_day();
        let timeout = match draft_due {
            Some(due) => due.saturating_duration_since(now).min(until_midnight),
            None => until_midnight,
        };
        let stdin = std::io::stdin();
        let mut fds =
            [PollFd::new(stdin.as_fd(), PollFlags::POLLIN), PollFd::new(wakeups.pipe.as_fd(), PollFlags::POLLIN)];
        let millis = u32::try_from(timeout.as_millis().saturating_add(1)).unwrap_or(u32::MAX).min(i32::MAX as u32);
        let ready = poll(&mut fds, PollTimeout::try_from(millis).unwrap_or(PollTimeout::MAX));
        let stdin_ready = fds[0].revents().is_some_and(|r| !r.is_empty());
        let woken = fds[1].revents().is_some_and(|r| !r.is_empty());
        if let Ok(0) = ready {
            if draft_due.is_some_and(|d| d <= Instant::now()) {
                draft_due = None;
                pending.push_back(Action::DraftTimer);
            }
            let now_today = crate::clock::today();
            if now_today != today {
                today = now_today;
                pending.push_back(Action::DayChanged(today));
            }
        }
        let hung_up = fds[0]
            .revents()
            .is_some_and(|r| r.intersects(PollFlags::POLLHUP | PollFlags::POLLERR | PollFlags::POLLNVAL));
        if hung_up {
            // The terminal is gone. (crossterm would spin reading end-of-file forever.)
            pending.push_back(Action::Terminate);
        } else if stdin_ready {
            // Drain everything already typed or pasted: a burst is one redraw.
            while crossterm::event::poll(Duration::ZERO).unwrap_or(false) {
                match crossterm::event::read() {
                    Ok(event) => pending.extend(input::action(event)),
                    Err(_) => {
                        pending.push_back(Action::Terminate);
                        break;
                    }
                }
            }
        }
        if woken {
            wakeups.drain_pipe();
            pending.extend(wakeups.rx.try_iter());
        }
    }
}
