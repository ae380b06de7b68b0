//! Carrying out effects: calls and file jobs go to the worker thread; what needs the
//! terminal or the timer (quitting, the external editor, the draft pause, recovery files)
//! stays with the event loop.

use super::worker::{Work, Worker};
use crate::tui::action::{Effect, Unsaved};

/// What the loop must do itself.
pub enum Outcome {
    Quit,
    ArmDraftTimer,
    /// Leave full-screen mode, run the external editor on this text, come back.
    RunEditor(String),
    /// The store did not take this text: write it to a recovery file.
    Recover(Unsaved),
}

/// Hands one effect's work to the worker, and what is the loop's to `outcomes`.
pub fn run(effect: Effect, worker: &Worker, outcomes: &mut Vec<Outcome>) {
    match effect {
        Effect::None => {}
        Effect::Quit => outcomes.push(Outcome::Quit),
        Effect::ArmDraftTimer => outcomes.push(Outcome::ArmDraftTimer),
        Effect::RunEditor(text) => outcomes.push(Outcome::RunEditor(text)),
        Effect::Recover(unsaved) => outcomes.push(Outcome::Recover(unsaved)),
        Effect::Batch(effects) => {
            for e in effects {
                run(e, worker, outcomes);
            }
        }
        Effect::Call { purpose, request } => worker.send(Work::Call { purpose, request }),
        Effect::Job(job) => worker.send(Work::Job(job)),
    }
}
