//! The server's log: one timestamped line per event on stderr (the journal under systemd,
//! `otchet-server.log` in the store's folder when a client started the server).

use std::io::Write;

pub fn line(text: &str) {
    let stamp = crate::clock::now();
    let when = chrono::DateTime::from_timestamp(stamp.0, 0)
        .map(|t| t.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_default();
    let _ = writeln!(std::io::stderr().lock(), "{when} [{}] {text}", std::process::id());
}
