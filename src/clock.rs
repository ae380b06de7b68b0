//! The program's only reads of the clock; domain code gets dates passed in.

use chrono::{Local, NaiveDate};

use crate::domain::Stamp;

pub fn now() -> Stamp {
    Stamp(chrono::Utc::now().timestamp())
}

pub fn today() -> NaiveDate {
    Local::now().date_naive()
}
