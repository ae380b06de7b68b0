//! Carrying out effects: the only place the TUI does I/O (client calls, files, editor).

use std::path::Path;

use super::super::action::{Action, Effect};
use super::recovery::Unsaved;
use crate::client::Client;

/// What the loop must do besides feeding actions back.
pub enum Outcome {
    Quit,
    ArmDraftTimer,
    /// Leave full-screen mode, run the external editor on this text, come back.
    RunEditor(String),
    /// The store did not take this text: write it to a recovery file.
    Recover(Unsaved),
}

/// Runs one effect, pushing the actions it produces.
pub fn run(effect: Effect, client: &mut Client, out: &mut Vec<Action>, outcomes: &mut Vec<Outcome>) {
    match effect {
        Effect::None => {}
        Effect::Quit => outcomes.push(Outcome::Quit),
        Effect::ArmDraftTimer => outcomes.push(Outcome::ArmDraftTimer),
        Effect::RunEditor(text) => outcomes.push(Outcome::RunEditor(text)),
        Effect::Batch(effects) => {
            for e in effects {
                run(e, client, out, outcomes);
            }
        }
        Effect::Load(period) => out.push(Action::Loaded(client.snapshot(period).map(|s| s.map(Box::new)))),
        Effect::OpenPeriod(period) => match client.open_period(period) {
            Ok(p) => out.push(Action::Loaded(client.snapshot(Some(p.id)).map(|s| s.map(Box::new)))),
            Err(e) => out.push(Action::Failed(e)),
        },
        Effect::Save(edit) => {
            let (period, item) = (edit.period, edit.item);
            let text = (edit.info.clone(), edit.assessment.clone());
            let result = client.save(edit);
            if let Err(e) = &result {
                let (info, assessment) = text;
                outcomes.push(Outcome::Recover(Unsaved { period, item, info, assessment, error: e.to_string() }));
            }
            out.push(Action::Saved(result));
        }
        Effect::PutDraft { period, item, mut draft } => {
            draft.saved_at = crate::clock::now();
            let text = (draft.info.clone(), draft.assessment.clone());
            if let Err(e) = client.put_draft(period, item, draft) {
                let (info, assessment) = text;
                outcomes.push(Outcome::Recover(Unsaved { period, item, info, assessment, error: e.to_string() }));
                out.push(Action::Failed(e));
            }
        }
        Effect::DeleteDraft { period, item } => {
            if let Err(e) = client.delete_draft(period, item) {
                out.push(Action::Failed(e));
            }
        }
        Effect::SetEditing { period, item, editing } => {
            // Presence is advisory: a failure here is not worth a message.
            let _ = client.set_editing(period, item, editing);
        }
        Effect::SetSchedule { year, item, schedule } => match client.set_schedule(year, item, schedule) {
            // Reload the period on screen, as when the server says something changed.
            Ok(()) => out.push(Action::Remote(crate::proto::Event::Reload)),
            Err(e) => out.push(Action::Failed(e)),
        },
        Effect::FetchText { period, item } => {
            out.push(Action::PreviousText(client.entry(period, item).map(|e| e.map(|e| e.info))))
        }
        Effect::FetchHistory { period, item } => out.push(Action::HistoryLoaded(client.history(period, item))),
        Effect::Restore { period, item, revision, base_revision } => {
            out.push(Action::Saved(client.restore(period, item, revision, base_revision)))
        }
        Effect::ImportFile(path) => out.push(Action::Imported(import(client, &path))),
        Effect::ImportSample => {
            let report = crate::formats::txt::parse_report(Path::new("serov-2020-q1.txt"), crate::sample::SAMPLE);
            let result = match report {
                Ok(r) => client.import(r).map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            out.push(Action::Imported(result));
        }
        Effect::Export { format, path, period, as_of, rules } => {
            out.push(Action::Exported(super::export::export(client, format, &path, period, as_of, &rules)))
        }
    }
}

fn import(client: &mut Client, path: &Path) -> Result<crate::model::ImportOutcome, String> {
    let report = crate::formats::read_report(path).map_err(|e| e.to_string())?;
    client.import(report).map_err(|e| e.to_string())
}
