//! Users as the operating system knows them.

use nix::unistd::{Uid, User};

use crate::domain::Actor;

/// The user running this process.
pub fn current_actor() -> Actor {
    actor_for_uid(Uid::current().as_raw())
}

/// A uid with its login name (the uid itself when the system has no name for it).
pub fn actor_for_uid(uid: u32) -> Actor {
    let name = User::from_uid(Uid::from_raw(uid)).ok().flatten().map(|u| u.name).unwrap_or_else(|| uid.to_string());
    Actor { uid, name }
}

/// The uid of a login name, or of a number given as the name.
pub fn uid_for_name(name: &str) -> Option<u32> {
    if let Ok(Some(user)) = User::from_name(name) {
        return Some(user.uid.as_raw());
    }
    name.parse().ok()
}
