//! Memory back to the system after a bulk request (an import, a dump, a whole period):
//! glibc keeps what such a request freed in its arenas, fragmented, so that a server that
//! did one import stays hundreds of megabytes large while idle (docs/performance.md has
//! the figures: 173 MiB after a whole-store dump, 90 MiB once trimmed), and sled keeps
//! what it read until it is closed, so the store is reopened when the server has grown;
//! and sled's retired pages wait in the request thread's epoch bag until collected.

use std::sync::atomic::Ordering;

use crate::proto::Request;
use crate::store::Store;

/// Above this resident size, once trimmed, a bulk request's end reopens the store (a
/// server should stay within 40 MiB). A server on the sample takes 8 MiB; one that lists
/// 10,000 items keeps about 31 MiB, and keeping them keeps its next list warm (30 ms
/// instead of 50: a TUI's first frame); one that sent a whole period with its texts holds
/// about 45 MiB, an import of 10,000 items 60 MiB once its garbage is collected.
const REOPEN_ABOVE_BYTES: u64 = 40 << 20;
/// After a write that took memory in proportion to the store (an import, a restore) the
/// store is reopened above this: the next one starts from what a fresh server holds
/// (measured with benches/server_memory.sh: 40 MiB held after one import of 10,000 items
/// made the next one peak at 68 MiB; 16 MiB is a warm store of the sample).
const REOPEN_AFTER_WRITE_ABOVE_BYTES: u64 = 16 << 20;
/// Between the parts of an import: low enough that a part's rows fit under 40 MiB.
const REOPEN_BETWEEN_PARTS_ABOVE_BYTES: u64 = 24 << 20;
/// Between the runs of a long read (a dump's frames, a period's texts): reading keeps sled
/// near its cache, so a reopen is seldom due (one at every frame made a dump 50% slower).
const REOPEN_BETWEEN_READS_ABOVE_BYTES: u64 = 32 << 20;
/// After a reader and between a long read's runs, a reopen is due only when the server
/// has also grown this much past what it held after the last one: when what it keeps (a
/// flag index, other sessions' pages) is itself above the limit, a reopen at every run
/// gave nothing back and made `status --json` 2.5 times slower, and each `status` waited
/// for the one after the status before (30 ms instead of 16).
const REOPEN_GROWTH_BYTES: u64 = 4 << 20;
/// Between the frames of a whole-store dump: what sled may keep of the pages it read past
/// what the server held after the dump's first reopen. A dump reads every page once and
/// none again, and sled 0.34 evicts nothing until 64 reads of each of its 256 cache
/// shards, so it keeps nearly all it read until it is reopened.
const DUMP_GROWTH_BYTES: u64 = 6 << 20;
/// What the server held right after its last reopen.
static HELD_AFTER_REOPEN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// When a request's memory is given back, if it takes memory in proportion to the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GiveBack {
    /// Before the answer: a writer's garbage (an import's 250 MiB) is gone by the time its
    /// client goes on, and its connection's place is free as soon as it leaves.
    BeforeAnswer,
    /// After: a reader does not wait for a reopen (60 ms at 10,000 items).
    AfterAnswer,
    /// Between the parts of a streamed import: sled keeps what the rows before read.
    BetweenParts,
    /// After a run of a long read, before the next (answered first, as `AfterAnswer`);
    /// also after each part of a list (`ListPart`), a screen's runs of one read.
    BetweenReads,
    /// Before a whole-store dump (an export, a backup): it starts from what a fresh server
    /// holds, not from the pages of the lists and statuses before it.
    BeforeDump,
    /// Between a dump's frames: sled reopened once it has kept `DUMP_GROWTH_BYTES`.
    BetweenDumpFrames,
}

pub fn give_back_of(request: &Request) -> Option<GiveBack> {
    match request {
        Request::Import { .. }
        | Request::LoadDump { .. }
        | Request::OpenPeriod { .. }
        | Request::ClosePeriod { .. } => Some(GiveBack::BeforeAnswer),
        Request::Dump
        | Request::Snapshot { .. }
        | Request::List { .. }
        | Request::Flagged { .. }
        | Request::Search { .. } => Some(GiveBack::AfterAnswer),
        Request::StatusJson { .. } | Request::ListPart { .. } => Some(GiveBack::BetweenReads),
        _ => None,
    }
}

/// After a bulk request: sled's memory back by reopening the store when the server has
/// grown, then glibc's. A failed reopen stops the store, and the log says why.
pub fn give_back(store: &Store, when: GiveBack) {
    give_back_with(|| store.release_memory(), when);
}

/// As `give_back`, reopening the store with `reopen`.
pub fn give_back_with(reopen: impl Fn() -> Result<bool, crate::store::StoreError>, when: GiveBack) {
    let above = reopen_above(when);
    // Between a read's runs, nothing is given back by a server within its bound: sled's
    // garbage collected and glibc's free lists walked at every run took a fifth of a
    // `status --json`'s time (benches/server_memory.sh: the same peaks without).
    if when == GiveBack::BetweenReads && resident_bytes().is_some_and(|b| b <= above) {
        return;
    }
    match when {
        GiveBack::BetweenReads | GiveBack::BetweenDumpFrames => {
            crate::store::collect_garbage_of(crate::store::READ_GARBAGE_FLUSHES)
        }
        _ => crate::store::collect_garbage(),
    }
    trim();
    if resident_bytes().is_some_and(|b| b > above) {
        let reopened = reopen().unwrap_or_else(|e| {
            super::log::line(&e.to_string());
            false
        });
        crate::store::collect_garbage();
        trim();
        // Only a reopen tells what the server holds of its own; a skipped one (sled busy)
        // must not raise the level.
        if reopened {
            HELD_AFTER_REOPEN.store(resident_bytes().unwrap_or(0), Ordering::Relaxed);
        }
    }
}

/// The resident size above which the store is reopened at `when`.
fn reopen_above(when: GiveBack) -> u64 {
    match when {
        GiveBack::BeforeAnswer => REOPEN_AFTER_WRITE_ABOVE_BYTES,
        GiveBack::AfterAnswer => REOPEN_ABOVE_BYTES.max(grown_past_last_reopen()),
        GiveBack::BetweenParts => REOPEN_BETWEEN_PARTS_ABOVE_BYTES,
        GiveBack::BetweenReads => REOPEN_BETWEEN_READS_ABOVE_BYTES.max(grown_past_last_reopen()),
        GiveBack::BeforeDump => REOPEN_AFTER_WRITE_ABOVE_BYTES,
        GiveBack::BetweenDumpFrames => HELD_AFTER_REOPEN.load(Ordering::Relaxed) + DUMP_GROWTH_BYTES,
    }
}

/// What the server held after its last reopen, and the growth that makes another due.
fn grown_past_last_reopen() -> u64 {
    HELD_AFTER_REOPEN.load(Ordering::Relaxed) + REOPEN_GROWTH_BYTES
}

/// This process's resident memory, from /proc/self/statm.
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    let page = nix::unistd::sysconf(nix::unistd::SysconfVar::PAGE_SIZE).ok().flatten()?;
    Some(pages * u64::try_from(page).ok()?)
}

/// Blocks at least this large get a mapping of their own, returned whole when freed.
/// glibc's threshold otherwise rises to the largest block freed so far (up to 32 MiB), so
/// that a dump's frames and a part's buffers, once freed, come back from the heap and
/// fragment it between sled's pages: fixed at 128 KiB, every whole-store operation of
/// `benches/server_memory.sh` peaks 4–8 MiB lower (64 KiB to 256 KiB measured the same).
const MMAP_THRESHOLD_BYTES: i32 = 128 << 10;

/// glibc set for a small, long-lived process, before its first thread starts. One malloc
/// arena: glibc gives each thread that allocates concurrently an arena of its own, and
/// what a request freed stays fragmented in each: with one, the server's peak through an
/// import of 10,000 items is 33–40 MiB instead of 41–49 (two arenas), its threads'
/// allocations taking turns (benches/server_memory.sh with `MALLOC_ARENA_MAX`,
/// docs/performance.md). The TUI sets it too: a list decoded on its connection's thread
/// would keep an arena of 3 MiB there at 10,000 items (0.3–0.8 MiB more at its peak,
/// `benches/pty_tui.py memory`). And a fixed mmap threshold (`MMAP_THRESHOLD_BYTES`).
#[allow(unsafe_code)]
pub fn lean_malloc() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt takes two integers and only sets glibc's own allocation parameters.
    unsafe {
        nix::libc::mallopt(nix::libc::M_ARENA_MAX, 1);
        nix::libc::mallopt(nix::libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES);
    }
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
