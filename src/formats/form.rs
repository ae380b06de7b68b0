//! The official form's own wording: document content in Russian, not interface text, so
//! it stays the same whatever the interface language.

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

/// The csv's extra column: the item's flags.
pub const FLAGS_CAPTION: &str = "Отметки";

/// Used when a plan was imported without title lines.
pub const DEFAULT_TITLE: &str = "Отчет об исполнении плана мероприятий по противодействию коррупции";
