//! The program's only reads of the clock; domain code gets dates passed in.

use chrono::{FixedOffset, Local, NaiveDate, Offset};

use crate::domain::Stamp;

pub fn now() -> Stamp {
    Stamp(chrono::Utc::now().timestamp())
}

pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Local time's offset from UTC now, for showing when things were saved.
pub fn utc_offset() -> FixedOffset {
    Local::now().offset().fix()
}

/// The local time now in a `strftime` format ("%d.%m.%Y %H:%M:%S", a file name's "%m%d-%H%M%S").
pub fn local_now(format: &str) -> String {
    Local::now().format(format).to_string()
}

/// The local time now as RFC 3339 ("2026-04-13T02:00:00+05:00"), as backups name their time.
pub fn local_rfc3339() -> String {
    Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// How long until a second past the next local midnight (an hour if the time zone cannot
/// tell): the one timer a process needs for things that change with the date.
pub fn until_next_day() -> std::time::Duration {
    let now = Local::now();
    let tomorrow = now.date_naive() + chrono::TimeDelta::days(1);
    let midnight = tomorrow.and_hms_opt(0, 0, 1).and_then(|t| t.and_local_timezone(Local).earliest());
    midnight.and_then(|m| (m - now).to_std().ok()).unwrap_or(std::time::Duration::from_secs(3600))
}
