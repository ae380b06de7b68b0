//! The official form's own wording: document content in Russian, not interface text, so
//! it stays the same whatever the interface language. A plan's table keeps its own
//! captions (`Plan::columns`); these are the form's, for a plan stored without them.

use super::plan::{Column, Field};

pub const COLUMNS: usize = 6;

pub const ORGANISATION_CAPTION: &str = "(наименование органа местного самоуправления)";
pub const PERIOD_CAPTION: &str = "(отчетный период)";
pub const ACT_CAPTION: &str =
    "(реквизиты и наименование правового акта, которым утвержден план мероприятий по противодействию коррупции)";

/// The table's column captions; a line break stands where the form breaks the caption.
pub const COLUMN_CAPTIONS: [&str; COLUMNS] = [
    "№\nп/п",
    "Номер пункта Плана",
    "Наименование мероприятия Плана",
    "Установленный срок исполнения мероприятия Плана",
    "Информация о реализации мероприятия (проведенная работа)",
    "Оценка результатов выполнения мероприятия (результат)",
];

/// The caption of a responsible column the exports add when the plan's table had none.
pub const RESPONSIBLE_CAPTION: &str = "Ответственный исполнитель";

/// The csv's extra column: the item's flags.
pub const FLAGS_CAPTION: &str = "Отметки";

/// Used when a plan was imported without title lines.
pub const DEFAULT_TITLE: &str = "Отчет об исполнении плана мероприятий по противодействию коррупции";

/// The fields of the form's six columns, in order.
pub const FIELDS: [Field; COLUMNS] =
    [Field::Seq, Field::Point, Field::Title, Field::Deadline, Field::Info, Field::Assessment];

/// The form's columns, for a plan whose table was never seen (stored by an older otchet).
pub fn standard_columns() -> Vec<Column> {
    FIELDS
        .iter()
        .zip(COLUMN_CAPTIONS)
        .map(|(field, caption)| Column { field: *field, caption: caption.to_owned() })
        .collect()
}

/// The form's caption for a field of the report.
pub fn caption_of(field: Field) -> Option<&'static str> {
    FIELDS.iter().position(|f| *f == field).map(|i| COLUMN_CAPTIONS[i])
}
