//! How long one text may be: an item's execution text, assessment, title, any cell. Well
//! under the protocol's frame (64 MiB), so that a store never holds a record it cannot send;
//! the longest text of the sample is 9 KB, of a generated 10,000-item plan 4 KB.

/// The most bytes of UTF-8 in one text field.
pub const MAX_TEXT_BYTES: usize = 2 << 20;

/// A field over the limit: which, and how long it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooLong {
    /// The item's point as the plan writes it ("" for the document's own fields).
    pub point: String,
    pub field: &'static str,
    pub bytes: usize,
}

/// The first of `fields` (name, text) over the limit.
pub fn first_too_long<'a>(point: &str, fields: impl IntoIterator<Item = (&'static str, &'a str)>) -> Option<TooLong> {
    fields.into_iter().find(|(_, text)| text.len() > MAX_TEXT_BYTES).map(|(field, text)| TooLong {
        point: point.to_owned(),
        field,
        bytes: text.len(),
    })
}

impl super::Report {
    /// The first field of the document over the limit.
    pub fn first_too_long(&self) -> Option<TooLong> {
        let own = [("title", self.title_lines.join("\n")), ("organisation", self.organisation.clone())];
        if let Some(t) = own.iter().find(|(_, v)| v.len() > MAX_TEXT_BYTES) {
            return Some(TooLong { point: String::new(), field: t.0, bytes: t.1.len() });
        }
        self.rows.iter().find_map(super::ReportRow::first_too_long)
    }
}

impl super::ReportRow {
    /// The first field of the row over the limit, named by the row's point.
    pub fn first_too_long(&self) -> Option<TooLong> {
        let extra = self.extra.iter().map(|e| ("extra", e.text.as_str()));
        first_too_long(
            &self.point,
            [
                ("title", self.title.as_str()),
                ("deadline", self.deadline_text.as_str()),
                ("responsible", self.responsible.as_str()),
                ("info", self.info.as_str()),
                ("assessment", self.assessment.as_str()),
            ]
            .into_iter()
            .chain(extra),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_field_over_the_limit_is_named() {
        let long = "я".repeat(MAX_TEXT_BYTES / 2 + 1);
        assert_eq!(
            first_too_long("5.", [("info", "коротко"), ("assessment", long.as_str())]).unwrap().field,
            "assessment"
        );
        assert!(first_too_long("5.", [("info", "коротко")]).is_none());
    }
}
