//! The official form's own wording (kept in `domain::form`, which the store needs too).

pub use crate::domain::form::*;
