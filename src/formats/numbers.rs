//! The first two columns of an item row: its number (№ п/п) and its point in the plan.

use crate::domain::plan::strip_number_dot;

/// "12.", "12", "5.1", "5.1.": the point column.
pub fn is_point(text: &str) -> bool {
    let t = strip_number_dot(text);
    !t.is_empty() && t.split('.').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}
