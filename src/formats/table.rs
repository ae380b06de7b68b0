//! A plan's table as the documents have it: the fields recognised by their captions (case,
//! ё/е, line breaks, spaces and "(…)" tails aside, never by position), 4 to 12 columns in
//! any order, and each row's cells read into a `ReportRow`. The same for the text export and
//! for .docx.

use super::error::Problem;
use crate::domain::text::fold;
use crate::domain::{Column, Extra, Field, ReportRow};

/// The fewest and the most columns a plan's table has.
pub const MIN_COLUMNS: usize = 3;
pub const MAX_COLUMNS: usize = 16;

/// A caption as it is compared: folded, "(…)" parts and punctuation at the ends dropped.
pub fn normalise(caption: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in caption.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    fold(&out).trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | ',' | '*')).to_owned()
}

/// What a column holds, by its caption (plans.md lists the captions seen).
pub fn field_of(caption: &str) -> Field {
    let c = normalise(caption);
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| c.starts_with(p));
    let has = |parts: &[&str]| parts.iter().any(|p| c.contains(p));
    if matches!(c.as_str(), "№" | "№ п/п" | "№п/п" | "п/п" | "n п/п" | "№ п.п" | "номер по порядку")
    {
        Field::Seq
    } else if has(&["пункт"]) && (starts(&["номер", "№", "пункт"]) || c == "пункт плана") {
        Field::Point
    } else if starts(&["срок", "установленный срок", "периодичность", "дата исполнения", "планируемый срок"])
    {
        Field::Deadline
    } else if starts(&["ответственн", "исполнител", "соисполнител"]) {
        Field::Responsible
    } else if starts(&["информация", "ход исполнения", "ход выполнения", "отчет о", "сведения о", "фактическое"])
    {
        Field::Info
    } else if starts(&["оценка", "отметка о выполнении", "отметка об исполнении"]) || c == "результат"
    {
        Field::Assessment
    } else if starts(&["наименование", "мероприяти", "содержание мероприяти", "содержание"])
    {
        Field::Title
    } else {
        Field::Extra
    }
}

/// The columns of a table, told from its captions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub columns: Vec<Column>,
}

/// What a refusal names: the field a table lacks.
pub const TITLE: &str = "title";
pub const DEADLINE: &str = "deadline";

impl Layout {
    /// A field found twice is the second time an extra column; a table without a title or a
    /// deadline column is refused with the captions it has.
    pub fn from_captions(captions: &[String]) -> Result<Layout, Problem> {
        let mut columns: Vec<Column> = Vec::with_capacity(captions.len());
        for caption in captions {
            let field = match field_of(caption) {
                f if f != Field::Extra && columns.iter().any(|c| c.field == f) => Field::Extra,
                f => f,
            };
            columns.push(Column { field, caption: caption.trim().to_owned() });
        }
        let layout = Layout { columns };
        let missing: Vec<&'static str> = [(Field::Title, TITLE), (Field::Deadline, DEADLINE)]
            .into_iter()
            .filter(|(f, _)| layout.index(*f).is_none())
            .map(|(_, n)| n)
            .collect();
        if !missing.is_empty() {
            let found = layout.columns.iter().map(|c| one_line(&c.caption)).collect();
            return Err(Problem::MissingColumns { found, missing });
        }
        Ok(layout)
    }

    pub fn index(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|c| c.field == field)
    }

    pub fn width(&self) -> usize {
        self.columns.len()
    }

    /// A report has the columns of a period's texts; a plan has neither.
    pub fn is_report(&self) -> bool {
        self.index(Field::Info).is_some() || self.index(Field::Assessment).is_some()
    }

    /// The leading columns that hold item numbers (№ п/п, the point): a row starts where
    /// they do.
    pub fn number_columns(&self) -> usize {
        self.columns.iter().take_while(|c| matches!(c.field, Field::Seq | Field::Point)).count().min(2)
    }

    /// One row's cells (as many as the table has columns) as an item. No point column: the
    /// point is the number; no number column: `counter`.
    pub fn row(&self, cells: &[String], counter: usize) -> ReportRow {
        let get = |field: Field| self.index(field).and_then(|i| cells.get(i)).cloned().unwrap_or_default();
        let trimmed = |field: Field| get(field).trim().to_owned();
        let seq = Some(trimmed(Field::Seq)).filter(|s| !s.is_empty());
        let point = Some(trimmed(Field::Point)).filter(|s| !s.is_empty());
        let number = counter.to_string();
        let extra = self
            .columns
            .iter()
            .zip(cells)
            .filter(|(c, _)| c.field == Field::Extra)
            .map(|(c, text)| Extra { caption: c.caption.clone(), text: text.clone() })
            .collect();
        ReportRow {
            seq: seq.clone().or_else(|| point.clone()).unwrap_or_else(|| number.clone()),
            point: point.or(seq).unwrap_or(number),
            title: get(Field::Title),
            deadline_text: get(Field::Deadline),
            responsible: get(Field::Responsible).trim().to_owned(),
            info: get(Field::Info),
            assessment: get(Field::Assessment),
            extra,
        }
    }
}

/// A caption on one line, as messages quote it.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "1", "2", … "N": the row of column numbers many forms put under the captions.
pub fn is_numbers_row(texts: &[String]) -> bool {
    !texts.is_empty() && texts.iter().enumerate().all(|(i, t)| t.trim().trim_end_matches('.') == (i + 1).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(captions: &[&str]) -> Vec<Field> {
        captions.iter().map(|c| field_of(c)).collect()
    }

    #[test]
    fn captions_seen_in_real_documents() {
        use Field::*;
        assert_eq!(fields(&["№", "№ п/п", "п/п", "№\nп/п"]), [Seq, Seq, Seq, Seq]);
        assert_eq!(fields(&["Номер пункта Плана", "№ пункта", "Пункт плана"]), [Point, Point, Point]);
        assert_eq!(
            fields(&["Наименование мероприятия (Плана)", "Мероприятия", "Содержание мероприятия", "Наименование"]),
            [Title, Title, Title, Title]
        );
        assert_eq!(
            fields(&[
                "Ответственный исполнитель",
                "Ответственные исполнители",
                "Исполнитель(и)",
                "Ответственные за исполнение"
            ]),
            [Responsible, Responsible, Responsible, Responsible]
        );
        assert_eq!(
            fields(&[
                "Установленный срок исполнения мероприятия Плана",
                "Срок(и) реализации",
                "Сроки",
                "Периодичность, срок исполнения",
                "Срок исполнения"
            ]),
            [Deadline, Deadline, Deadline, Deadline, Deadline]
        );
        assert_eq!(
            fields(&[
                "Информация о реализации мероприятия (проведенная работа)",
                "Информация о выполнении",
                "Ход исполнения",
                "Отчет о выполнении"
            ]),
            [Info, Info, Info, Info]
        );
        assert_eq!(
            fields(&["Оценка результатов выполнения мероприятия (результат)", "Результат", "Отметка о выполнении"]),
            [Assessment, Assessment, Assessment]
        );
        assert_eq!(
            fields(&["Ожидаемый результат", "Объем финансирования, тыс. руб.", "Примечание", "Показатели"]),
            [Extra, Extra, Extra, Extra]
        );
    }

    #[test]
    fn a_table_without_a_deadline_column_is_refused_with_its_captions() {
        let captions: Vec<String> =
            ["№ п/п", "Мероприятие", "Ответственные", "Ожидаемый результат"].map(String::from).into();
        let err = Layout::from_captions(&captions).unwrap_err();
        assert_eq!(
            err,
            Problem::MissingColumns {
                found: vec!["№ п/п".into(), "Мероприятие".into(), "Ответственные".into(), "Ожидаемый результат".into()],
                missing: vec![DEADLINE],
            }
        );
    }

    #[test]
    fn rows_are_read_by_field_whatever_the_order() {
        let captions: Vec<String> =
            ["Срок", "Наименование мероприятия", "№ п/п", "Финансирование, 2022", "Ответственный"]
                .map(String::from)
                .into();
        let layout = Layout::from_captions(&captions).unwrap();
        let cells: Vec<String> = ["Ежегодно", "Проверка", "3.1", "100,0", " Отдел кадров "].map(String::from).into();
        let row = layout.row(&cells, 9);
        assert_eq!((row.seq.as_str(), row.point.as_str()), ("3.1", "3.1"));
        assert_eq!((row.title.as_str(), row.deadline_text.as_str()), ("Проверка", "Ежегодно"));
        assert_eq!(row.responsible, "Отдел кадров");
        assert_eq!(row.extra, vec![Extra { caption: "Финансирование, 2022".into(), text: "100,0".into() }]);
        assert!(!layout.is_report());
        let numbered = Layout::from_captions(&["Мероприятие".to_owned(), "Срок".to_owned()]).unwrap();
        assert_eq!(numbered.row(&["А".to_owned(), "Постоянно".to_owned()], 4).point, "4");
    }
}
