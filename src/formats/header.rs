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

/// Reads a report's header from the cells before the table; what is not there stays empty.
pub fn read_header(cells: &[Cell]) -> Header {
    let value_before = |caption: &str| -> Option<usize> {
        let at = cells.iter().position(|c| fold(&c.text).starts_with(caption))?;
        cells[..at].iter().rposition(|c| !c.text.trim().is_empty() && !c.text.trim_start().starts_with('('))
    };
    let organisation = value_before("(наименование органа");
    let period = value_before("(отчетный период");
    let act = value_before("(реквизиты");
    let text = |i: Option<usize>| i.map(|i| cells[i].text.trim().to_owned()).unwrap_or_default();
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
    let act = block.iter().filter(|l| !fold(l).starts_with("приложение")).copied().collect::<Vec<_>>().join(" ");
    (title, act)
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
        assert_eq!(act, "УТВЕРЖДЕН постановлением администрации Энского района от 12.01.2021 № 5");
    }
}
