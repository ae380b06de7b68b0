//! The worker thread: it owns the client and does, in order, every call to the server and
//! every file job `update` asks for, and posts each result back to the UI thread as an
//! action through the waker. The UI thread never waits on the network or the disk.

use std::collections::VecDeque;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::waker::Waker;
use crate::client::Client;
use crate::proto::Request;
use crate::tr;
use crate::tui::action::{Action, Job, Purpose};

/// One piece of work for the worker.
pub enum Work {
    Call { purpose: Purpose, request: Request },
    Job(Job),
}

#[derive(Default)]
struct Queue {
    works: VecDeque<Work>,
    /// What the call in progress is for (a save's text, if it was one).
    busy: Option<Purpose>,
    stopping: bool,
    ended: bool,
}

struct Shared {
    queue: Mutex<Queue>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

pub struct Worker {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

/// Where file jobs read and write, and their limits.
#[derive(Clone)]
pub struct JobContext {
    /// The largest file an import reads.
    pub import_limit: u64,
}

impl Worker {
    pub fn start(client: Client, waker: Waker, context: JobContext) -> std::io::Result<Worker> {
        let shared = Arc::new(Shared { queue: Mutex::default(), changed: Condvar::new() });
        let theirs = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("otchet-worker".into())
            .stack_size(1 << 20)
            .spawn(move || run(client, &theirs, &waker, &context))?;
        Ok(Worker { shared, thread: Some(thread) })
    }

    pub fn send(&self, work: Work) {
        self.shared.lock().works.push_back(work);
        self.shared.changed.notify_all();
    }

    /// Lets the queued work finish, waiting at most `limit`; returns what the work still
    /// undone was for (its texts go to recovery files).
    pub fn finish(mut self, limit: Duration) -> Vec<Purpose> {
        let deadline = Instant::now() + limit;
        let mut queue = self.shared.lock();
        queue.stopping = true;
        self.shared.changed.notify_all();
        while !queue.ended {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            queue = self.shared.changed.wait_timeout(queue, left).map_or_else(|e| e.into_inner().0, |(q, _)| q);
        }
        if !queue.ended {
            let mut undone: Vec<Purpose> = queue.busy.take().into_iter().collect();
            undone.extend(queue.works.drain(..).filter_map(|w| match w {
                Work::Call { purpose, .. } => Some(purpose),
                Work::Job(_) => None,
            }));
            return undone;
        }
        drop(queue);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        Vec::new()
    }
}

fn next_work(shared: &Shared) -> Option<Work> {
    let mut queue = shared.lock();
    loop {
        if let Some(work) = queue.works.pop_front() {
            if let Work::Call { purpose, .. } = &work {
                queue.busy = Some(purpose.clone());
            }
            return Some(work);
        }
        if queue.stopping {
            queue.ended = true;
            shared.changed.notify_all();
            return None;
        }
        queue = shared.changed.wait(queue).unwrap_or_else(|poisoned| poisoned.into_inner());
    }
}

fn run(mut client: Client, shared: &Shared, waker: &Waker, context: &JobContext) {
    while let Some(work) = next_work(shared) {
        let action = match work {
            Work::Call { purpose, request } => Action::Answer { purpose, result: client.call(request) },
            Work::Job(job) => do_job(&mut client, job, context),
        };
        shared.lock().busy = None;
        waker.send(action);
    }
}

fn do_job(client: &mut Client, job: Job, context: &JobContext) -> Action {
    match job {
        Job::ImportFile(path) => Action::Imported(import(client, &path, context.import_limit)),
        Job::ImportSample => {
            let sample = Path::new(crate::sample::SAMPLE_NAME);
            let result = match crate::formats::txt::parse_report(sample, crate::sample::SAMPLE) {
                Ok(report) => client.import(report).map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            Action::Imported(result)
        }
        Job::Export { format, path, period, as_of, rules } => {
            Action::Exported(super::export::export(client, format, &path, period, as_of, &rules))
        }
        Job::ListFolder { typed, folder } => Action::FolderListed { typed, names: list_folder(&folder) },
    }
}

/// At most this many names are listed: a completion is for typing on, not for browsing.
const MAX_LISTED: usize = 5000;

/// The names in a folder, folders with a `/` after them.
fn list_folder(folder: &Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(folder).map_err(|e| {
        tr!("tui-folder-unreadable", path = folder.display().to_string(), detail = crate::i18n::os_error(&e))
    })?;
    let names = entries
        .filter_map(Result::ok)
        .take(MAX_LISTED)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            // Followed on purpose: a link to a folder is completed as one.
            let is_dir = std::fs::metadata(entry.path()).is_ok_and(|m| m.is_dir());
            Some(if is_dir { format!("{name}/") } else { name })
        })
        .collect();
    Ok(names)
}

fn import(client: &mut Client, path: &Path, limit: u64) -> Result<crate::model::ImportOutcome, String> {
    let report = crate::formats::read_report_file(path, limit).map_err(|e| e.to_string())?;
    client.import(report).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_folder_is_listed_with_its_folders_marked_and_a_missing_one_named_in_russian() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("Документы")).unwrap();
        std::fs::write(dir.path().join("отчет.txt"), "x").unwrap();
        let mut names = super::list_folder(dir.path()).unwrap();
        names.sort();
        assert_eq!(names, ["Документы/", "отчет.txt"]);
        let err = super::list_folder(&dir.path().join("нет")).unwrap_err();
        assert!(err.contains("нет") && err.contains("не найден"), "{err}");
    }
}
