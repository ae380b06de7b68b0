//! Store-wide settings shared by every user.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The standard assessments offered with one key each.
    pub assessments: Vec<String>,
    /// Words the spelling check takes as right in this store (names of departments,
    /// abbreviations such as НПА, ОМСУ), added by its users, sorted.
    #[serde(default)]
    pub words: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            assessments: vec![
                "выполнено в полном объеме в установленные сроки".into(),
                "выполняется в полном объеме в установленные сроки".into(),
                "выполнено частично".into(),
                "не выполнено".into(),
            ],
            words: Vec::new(),
        }
    }
}
