//! What stands above the table, the same in every format. A report has pairs of a value and
//! its caption in parentheses under it (organisation, period, approving act); a plan has a
//! title ("План мероприятий … на 2021–2024 годы") and perhaps an «УТВЕРЖДЕН … от … №» block.
//! Every field may be missing: the table decides whether the document is a report (then it
//! needs a period) or the plan itself.

use super::error::Problem;
use super::txt::Cell;
use crate::domain::text::fold;
use crate::domain::{PeriodId, Years};

#[derive(Debug, Default)]
pub struct Header {
    pub organisation: String,
    /// The period as written, and as understood when it is.
    pub period: Option<(String, Option<PeriodId>)>,
    /// The line (or paragraph) the period stands on.
    pub period_line: Option<usize>,
    pub approved_by: String,
    /// Index of the first header value among the cells: what stands before it is the title.
    pub first_value: usize,
}

impl Header {
    /// The period, which a report must name; `Err` with where it stood when it cannot be read.
    pub fn report_period(&self) -> Result<(PeriodId, String), (Option<usize>, Problem)> {
        match &self.period {
            Some((title, Some(id))) => Ok((*id, title.clone())),
            Some((title, None)) => Err((self.period_line, Problem::UnknownPeriod(title.clone()))),
            None => Err((None, Problem::NoPeriod)),
        }
    }
}

/// Reads a report's header from the cells before the table (`split_captions` first); what is
/// not there stays empty. A value is the line above its caption, after the caption before it.
pub fn read_header(cells: &[Cell]) -> Header {
    let is_caption = |c: &Cell| c.text.trim_start().starts_with('(');
    let value_before = |caption: &str| -> Option<usize> {
        let at = cells.iter().position(|c| fold(&c.text).starts_with(caption))?;
        let floor = cells[..at].iter().rposition(is_caption).map_or(0, |i| i + 1);
        cells[floor..at].iter().rposition(|c| !c.text.trim().is_empty()).map(|i| floor + i)
    };
    let organisation = value_before("(наименование органа");
    let period = value_before("(отчетный период");
    let act = value_before("(реквизиты");
    let text = |i: Option<usize>| i.map(|i| unless_placeholder(cells[i].text.trim())).unwrap_or_default();
    let first_value = [organisation, period, act].into_iter().flatten().min().unwrap_or(cells.len());
    Header {
        organisation: text(organisation),
        period: period.map(|i| {
            let title = cells[i].text.trim().to_owned();
            let id = PeriodId::parse_title(&title);
            (title, id)
        }),
        period_line: period.map(|i| cells[i].line),
        approved_by: text(act),
        first_value,
    }
}

/// What the exports write for a value they do not have, read back as nothing.
pub const PLACEHOLDER: &str = "—";

fn unless_placeholder(text: &str) -> String {
    if matches!(text, PLACEHOLDER | "-" | "–") { String::new() } else { text.to_owned() }
}

/// The lines above a table as header cells, each caption ("(отчетный период)") a cell of
/// its own even where the text export has it inside the value's cell (Word writes a
/// paragraph without a TAB after a TAB-led one).
pub fn split_captions(cells: impl IntoIterator<Item = Cell>) -> Vec<Cell> {
    let mut out = Vec::new();
    for cell in cells {
        let mut pending: Vec<&str> = Vec::new();
        let mut start = cell.line;
        for (k, line) in cell.text.split('\n').enumerate() {
            if line.trim_start().starts_with('(') {
                if !pending.is_empty() {
                    out.push(Cell { line: start, text: pending.join("\n"), blank_after: true });
                    pending.clear();
                }
                out.push(Cell { line: cell.line + k, text: line.trim().to_owned(), blank_after: true });
                start = cell.line + k + 1;
            } else if pending.is_empty() && line.trim().is_empty() {
                start = cell.line + k + 1;
            } else {
                pending.push(line);
            }
        }
        let text = pending.join("\n").trim_end().to_owned();
        if !text.is_empty() {
            out.push(Cell { line: start, text, blank_after: true });
        }
    }
    out
}

/// A plan's title lines and its approval block: the title lines without the block, and the
/// block as the approving act ("УТВЕРЖДЕН постановлением администрации … от 12.01.2021 № 5").
pub fn plan_title(lines: &[String]) -> (Vec<String>, String) {
    let starts_block = |l: &str| {
        let f = fold(l);
        f.starts_with("утвержден") || f.starts_with("утверждено") || f.starts_with("приложение")
    };
    let mut title = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let mut in_block = false;
    for line in lines {
        if starts_block(line) {
            in_block = true;
        } else if in_block && fold(line).starts_with("план") {
            in_block = false;
        }
        if in_block {
            block.push(line.trim());
        } else {
            title.push(line.clone());
        }
    }
    (title, approval_act(&block.join(" ")))
}

/// The act of an approval block without its leading words: «Приложение № 1 к постановлению
/// … от … № …» and «УТВЕРЖДЕН постановлением … от … № …» → «постановлению …», «постановлением …».
fn approval_act(block: &str) -> String {
    let mut words: Vec<&str> = block.split_whitespace().collect();
    let lead = |w: &str| {
        let f = fold(w);
        f.starts_with("приложение")
            || f.starts_with("утвержден")
            || f == "№"
            || f == "к"
            || f.chars().all(|c| c.is_ascii_digit())
    };
    // "№ 1" of "Приложение № 1" goes, the act's own "№" stays: only before the act's word.
    while words.first().is_some_and(|w| lead(w)) {
        words.remove(0);
    }
    words.join(" ")
}

/// The years a title or an approving act names: "на 2021–2024 годы", "на 2021 - 2024 гг.",
/// "на 2022 год".
pub fn years_named(text: &str) -> Option<Years> {
    let folded = fold(text).replace(['–', '—'], "-");
    let mut from = 0;
    while let Some(found) = folded[from..].find("на ") {
        from += found + "на ".len();
        let rest = folded[from..].trim_start();
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit() || matches!(c, '-' | ' ')).collect();
        let after = &rest[digits.len()..];
        let names_years = after.starts_with("год") || after.starts_with("гг") || after.starts_with("г.");
        if names_years && let Some(years) = Years::parse(digits.trim()) {
            return Some(years);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_titles_and_acts() {
        let y = |a, b| Some(Years { first: a, last: b });
        assert_eq!(years_named("План мероприятий по противодействию коррупции на 2021–2024 годы"), y(2021, 2024));
        assert_eq!(years_named("… на 2021 - 2024 гг."), y(2021, 2024));
        assert_eq!(years_named("«Об утверждении Плана … на 2020 год»"), y(2020, 2020));
        assert_eq!(years_named("Постановление от 05.02.2020 № 130"), None);
    }

    #[test]
    fn the_approval_block_is_the_act() {
        let lines: Vec<String> = [
            "УТВЕРЖДЕН",
            "постановлением администрации",
            "Энского района от 12.01.2021 № 5",
            "План мероприятий по противодействию коррупции на 2021–2024 годы",
        ]
        .map(String::from)
        .into();
        let (title, act) = plan_title(&lines);
        assert_eq!(title, ["План мероприятий по противодействию коррупции на 2021–2024 годы"]);
        assert_eq!(act, "постановлением администрации Энского района от 12.01.2021 № 5");
        let one = ["Приложение № 1 к постановлению администрации от 20.12.2021 № 2210".to_owned(), "ПЛАН".to_owned()];
        assert_eq!(plan_title(&one).1, "постановлению администрации от 20.12.2021 № 2210");
    }

    fn cells(lines: &[&str]) -> Vec<Cell> {
        lines.iter().enumerate().map(|(i, t)| Cell { line: i + 1, text: (*t).to_owned(), blank_after: true }).collect()
    }

    #[test]
    fn a_caption_inside_its_values_cell_is_a_line_of_its_own() {
        let split = split_captions(cells(&[
            "Администрация района\n(наименование органа местного самоуправления)",
            "II квартал 2023 года\n(отчетный период)",
        ]));
        let texts: Vec<&str> = split.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Администрация района",
                "(наименование органа местного самоуправления)",
                "II квартал 2023 года",
                "(отчетный период)"
            ]
        );
        assert_eq!(split[3].line, 3, "the caption's own line");
        let header = read_header(&split);
        assert_eq!(header.organisation, "Администрация района");
        assert_eq!(header.period.map(|(t, _)| t).as_deref(), Some("II квартал 2023 года"));
    }

    #[test]
    fn an_empty_value_stays_empty_and_never_takes_the_line_before_its_caption() {
        let header = read_header(&cells(&[
            "ОТЧЕТ",
            "—",
            "(наименование органа местного самоуправления)",
            "",
            "(отчетный период)",
            "Постановление № 1",
            "(реквизиты и наименование правового акта)",
        ]));
        assert_eq!(header.organisation, "");
        assert!(header.period.is_none(), "no value between two captions");
        assert_eq!(header.approved_by, "Постановление № 1");
    }
}
