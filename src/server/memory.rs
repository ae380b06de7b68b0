//! Memory back to the system after a bulk request (an import, a dump, a whole period):
//! glibc keeps what such a request freed in its arenas, fragmented, so that a server that
//! did one import stays hundreds of megabytes large while idle (docs/performance.md has
//! the figures: 173 MiB after a whole-store dump, 90 MiB once trimmed).

use crate::proto::Request;

/// Requests whose answers take memory in proportion to the store.
pub fn is_bulk(request: &Request) -> bool {
    matches!(
        request,
        Request::Import { .. }
            | Request::LoadDump { .. }
            | Request::Dump
            | Request::OpenPeriod { .. }
            | Request::Snapshot { .. }
            | Request::List { .. }
            | Request::Search { .. }
    )
}

/// Returns the free memory of every arena to the system.
#[allow(unsafe_code)]
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes no pointer and only walks glibc's own free lists.
    unsafe {
        nix::libc::malloc_trim(0);
    }
}
