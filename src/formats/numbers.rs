//! The first two columns of an item row: its number (№ п/п) and its point in the plan.

use std::collections::HashMap;

use crate::domain::ReportRow;
use crate::domain::plan::strip_number_dot;

/// "12." or "12": the № п/п column.
pub fn is_seq(text: &str) -> bool {
    let t = strip_number_dot(text);
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

/// "12.", "12", "5.1", "5.1.": the point column.
pub fn is_point(text: &str) -> bool {
    let t = strip_number_dot(text);
    !t.is_empty() && t.split('.').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// The first point written twice: (where again, the point, where first), with rows given
/// with their place in the file.
pub fn first_duplicate_point(rows: &[(usize, ReportRow)]) -> Option<(usize, String, usize)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (at, row) in rows {
        let key = strip_number_dot(&row.point);
        if let Some(first) = seen.insert(key, *at) {
            return Some((*at, key.to_owned(), first));
        }
    }
    None
}
