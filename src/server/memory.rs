//! Memory back to the system after a bulk request (an import, a dump, a whole period):
//! glibc keeps what such a request freed in its arenas, fragmented, so that a server that
//! did one import stays hundreds of megabytes large while idle (docs/performance.md has
//! the figures: 173 MiB after a whole-store dump, 90 MiB once trimmed), and sled keeps
//! what it read until it is closed, so the store is reopened when the server has grown;
//! and sled's retired pages wait in the request thread's epoch bag until collected.

use crate::proto::Request;
use crate::store::Store;

/// Above this resident size, once trimmed, a bulk request's end reopens the store (a
/// server should stay within 40 MiB). A server on the sample takes 8 MiB; one that lists
/// 10,000 items keeps about 31 MiB, and keeping them keeps its next list warm (30 ms
/// instead of 50: a TUI's first frame); one that sent a whole period with its texts holds
/// about 45 MiB, an import of 10,000 items 60 MiB once its garbage is collected.
const REOPEN_ABOVE_BYTES: u64 = 40 << 20;

/// When a request's memory is given back, if it takes memory in proportion to the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GiveBack {
    /// Before the answer: a writer's garbage (an import's 250 MiB) is gone by the time its
    /// client goes on, and its connection's place is free as soon as it leaves.
    BeforeAnswer,
    /// After: a reader does not wait for a reopen (60 ms at 10,000 items).
    AfterAnswer,
}

pub fn give_back_of(request: &Request) -> Option<GiveBack> {
    match request {
        Request::Import { .. } | Request::LoadDump { .. } | Request::OpenPeriod { .. } => Some(GiveBack::BeforeAnswer),
        Request::Dump
        | Request::Snapshot { .. }
        | Request::List { .. }
        | Request::Flagged { .. }
        | Request::Search { .. } => Some(GiveBack::AfterAnswer),
        _ => None,
    }
}

/// After a bulk request: sled's memory back by reopening the store when the server has
/// grown, then glibc's. A failed reopen stops the store, and the log says why.
pub fn give_back(store: &Store) {
    crate::store::collect_garbage();
    trim();
    if resident_bytes().is_some_and(|b| b > REOPEN_ABOVE_BYTES) {
        if let Err(e) = store.release_memory() {
            super::log::line(&e.to_string());
        }
        crate::store::collect_garbage();
        trim();
    }
}

/// This process's resident memory, from /proc/self/statm.
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    let page = nix::unistd::sysconf(nix::unistd::SysconfVar::PAGE_SIZE).ok().flatten()?;
    Some(pages * u64::try_from(page).ok()?)
}

/// Returns the free memory of every arena to the system.
#[allow(unsafe_code)]
fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes no pointer and only walks glibc's own free lists.
    unsafe {
        nix::libc::malloc_trim(0);
    }
}
