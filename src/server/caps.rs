//! How many connections the server holds: per user and in all, so that one member opening
//! connections by the thousand cannot use up the server's file descriptors and lock the
//! others out. A connection over a cap is closed at once, before its handshake.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// One user's connections: a TUI holds one, each command one for its run.
pub const MAX_PER_USER: usize = 64;
/// All connections (well under the usual 1,024 descriptors a process may hold).
pub const MAX_TOTAL: usize = 512;

#[derive(Default)]
pub struct Caps {
    per_user: Mutex<HashMap<u32, usize>>,
}

/// A connection counted against its user's cap until it is dropped.
pub struct Admitted {
    caps: Arc<Caps>,
    uid: u32,
}

impl Caps {
    /// Counts a new connection of `uid`, unless a cap is reached.
    pub fn admit(self: &Arc<Self>, uid: u32) -> Option<Admitted> {
        let mut per_user = self.per_user.lock().unwrap_or_else(|p| p.into_inner());
        let total: usize = per_user.values().sum();
        let mine = per_user.entry(uid).or_default();
        if *mine >= MAX_PER_USER || total >= MAX_TOTAL {
            return None;
        }
        *mine += 1;
        Some(Admitted { caps: Arc::clone(self), uid })
    }
}

impl Drop for Admitted {
    fn drop(&mut self) {
        let mut per_user = self.caps.per_user.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = per_user.get_mut(&self.uid) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                per_user.remove(&self.uid);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_user_is_capped_the_others_are_not_and_a_closed_connection_frees_its_place() {
        let caps = Arc::new(Caps::default());
        let mine: Vec<Admitted> = (0..MAX_PER_USER).map(|_| caps.admit(1001).unwrap()).collect();
        assert!(caps.admit(1001).is_none(), "the flooding user is capped");
        let other = caps.admit(1002);
        assert!(other.is_some(), "another user still gets in");
        drop(mine);
        assert!(caps.admit(1001).is_some(), "places come back");
        let all: Vec<Admitted> = (0..MAX_TOTAL).filter_map(|i| caps.admit(2000 + u32::try_from(i).unwrap())).collect();
        assert!(all.len() < MAX_TOTAL && caps.admit(9999).is_none(), "and there is a cap in all");
    }
}
