//! The whole store as JSON: the backup format, which `otchet import` loads into an empty
//! store.

use serde::Serialize;

use crate::model::{Owner, PlanDump, Settings, StoreDump, UserDump};

/// `StoreDump` borrowed, field for field, without its owner: the owner is the store's, not
/// its content's (a load never restores it), so leaving it out lets a restored store export
/// the same bytes. Borrowing keeps a large dump from being copied.
#[derive(Serialize)]
struct Export<'a> {
    format: u32,
    plans: &'a [PlanDump],
    settings: &'a Settings,
    owner: Option<&'a Owner>,
    users: &'a [UserDump],
}

pub fn write(dump: &StoreDump) -> serde_json::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    write_to(dump, &mut bytes)?;
    Ok(bytes)
}

/// The export written to `w` as it is made.
pub fn write_to(dump: &StoreDump, w: &mut impl std::io::Write) -> serde_json::Result<()> {
    let export =
        Export { format: dump.format, plans: &dump.plans, settings: &dump.settings, owner: None, users: &dump.users };
    serde_json::to_writer_pretty(&mut *w, &export)?;
    w.write_all(b"\n").map_err(serde_json::Error::io)
}
