//! The program's only reads of the clock; domain code gets dates passed in.

use chrono::{Local, NaiveDate};

use crate::domain::Stamp;

pub fn now() -> Stamp {
    Stamp(chrono::Utc::now().timestamp())
}

pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// How long until a second past the next local midnight (an hour if the time zone cannot
/// tell): the one timer a process needs for things that change with the date.
pub fn until_next_day() -> std::time::Duration {
    let now = Local::now();
    let tomorrow = now.date_naive() + chrono::TimeDelta::days(1);
    let midnight = tomorrow.and_hms_opt(0, 0, 1).and_then(|t| t.and_local_timezone(Local).earliest());
    midnight.and_then(|m| (m - now).to_std().ok()).unwrap_or(std::time::Duration::from_secs(3600))
}
