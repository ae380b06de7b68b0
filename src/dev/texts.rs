//! Realistic Russian texts for generated plans, drawn from the bundled sample: its titles,
//! its deadline phrasings (plus dates of the same forms), and paragraphs of its execution
//! texts recombined to the sample's spread of lengths.

use super::rng::Rng;
use crate::domain::Report;
use crate::domain::deadline::MONTHS_GENITIVE;

const SECTIONS: [&str; 6] = [
    "Совершенствование правовых и организационных основ противодействия коррупции",
    "Антикоррупционная экспертиза нормативных правовых актов и их проектов",
    "Противодействие коррупции при прохождении муниципальной службы",
    "Противодействие коррупции в сфере закупок товаров, работ, услуг для муниципальных нужд",
    "Антикоррупционное просвещение и взаимодействие с институтами гражданского общества",
    "Обеспечение открытости деятельности органов местного самоуправления",
];

pub struct Pools {
    titles: Vec<String>,
    deadlines: Vec<String>,
    paragraphs: Vec<String>,
    /// The sample's execution texts' lengths in characters: the generated ones follow them.
    info_lengths: Vec<usize>,
}

impl Pools {
    /// `None` when the report has nothing to draw from.
    pub fn from_report(report: &Report) -> Option<Pools> {
        let nonblank = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        let rows = &report.rows;
        let pools = Pools {
            titles: rows.iter().filter_map(|r| nonblank(&r.title)).collect(),
            deadlines: rows.iter().filter_map(|r| nonblank(&r.deadline_text)).collect(),
            paragraphs: rows
                .iter()
                .flat_map(|r| r.info.split("\n\n"))
                .filter_map(nonblank)
                .filter(|p| p.chars().count() >= 40)
                .collect(),
            info_lengths: rows.iter().map(|r| r.info.trim().chars().count()).filter(|n| *n > 0).collect(),
        };
        let empty = pools.titles.is_empty()
            || pools.deadlines.is_empty()
            || pools.paragraphs.is_empty()
            || pools.info_lengths.is_empty();
        (!empty).then_some(pools)
    }

    /// A sample title, half the time widened by a part of another one.
    pub fn title(&self, rng: &mut Rng) -> String {
        let mut title = rng.pick(&self.titles).clone();
        if rng.chance(50) {
            let other = rng.pick(&self.titles);
            let words: Vec<&str> = other.split_whitespace().collect();
            let from = rng.below(words.len().max(2) / 2);
            let take = 4 + rng.below(12);
            let tail: Vec<&str> = words.iter().skip(from).take(take).copied().collect();
            title.push_str(", в том числе ");
            title.push_str(&tail.join(" ").to_lowercase());
        }
        title
    }

    /// Seven in ten deadlines as the sample writes them, the rest dates and rules of the
    /// same forms with other numbers.
    pub fn deadline(&self, rng: &mut Rng, year: i32) -> String {
        if rng.chance(70) {
            return rng.pick(&self.deadlines).clone();
        }
        let day = 1 + rng.below(28);
        let month = rng.below(12);
        match rng.below(4) {
            0 => format!("До {day:02} {} {year} года", MONTHS_GENITIVE[month]),
            1 => format!("до {day:02}.{:02}.{year}г.", month + 1),
            2 => format!("Ежеквартально, до {day:02} числа месяца, следующего за отчетным периодом"),
            _ => format!("Не позднее {day} {}", MONTHS_GENITIVE[month]),
        }
    }

    /// Paragraphs of the sample's execution texts, as long as one of its texts (give or
    /// take), speaking of the given quarter.
    pub fn info(&self, rng: &mut Rng, quarter: u8) -> String {
        let base = *rng.pick(&self.info_lengths);
        let target = (base * (80 + rng.below(81)) / 100).max(150);
        let mut text = String::new();
        let mut chars = 0;
        while chars < target {
            let paragraph = rng.pick(&self.paragraphs);
            if !text.is_empty() {
                text.push_str(if rng.chance(70) { "\n\n" } else { "\n" });
            }
            let room = target.saturating_sub(chars);
            let n = paragraph.chars().count();
            if n > room + 200 {
                // Cut a long paragraph at a word near the target length.
                let cut: String = paragraph.chars().take(room.max(60)).collect();
                let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
                text.push_str(cut.trim_end_matches([',', ';', ':']));
                text.push('.');
                break;
            }
            text.push_str(paragraph);
            chars += n + 2;
        }
        in_quarter(&text, quarter)
    }

    /// Mostly "in progress", some done, about one in seven blank (no result yet); more are
    /// done as the year goes on.
    pub fn assessment(&self, rng: &mut Rng, quarter: u8) -> String {
        let roll = rng.below(100);
        let done_from = 86 - 10 * usize::from(quarter);
        if roll < 14 {
            String::new()
        } else if roll >= done_from {
            "выполнено в полном объеме в установленные сроки".into()
        } else if roll == 14 {
            "выполнено частично".into()
        } else {
            "выполняется  в полном объеме в установленные сроки".into()
        }
    }
}

/// A section heading of the plan's table.
pub fn section(number: usize) -> String {
    format!("{number}. {}", SECTIONS[(number - 1) % SECTIONS.len()])
}

/// "I квартале" in the sample's texts becomes the quarter the text reports on.
fn in_quarter(text: &str, quarter: u8) -> String {
    let numeral = match quarter {
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => return text.to_owned(),
    };
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(at) = rest.find('I') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let standalone = !out.ends_with(['I', 'V', 'X']) && after.trim_start_matches(' ').starts_with("квартал");
        out.push_str(if standalone { numeral } else { "I" });
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_are_renamed_only_where_a_quarter_is_named() {
        assert_eq!(in_quarter("В I  квартале, в III квартале, МНПА I", 3), "В III  квартале, в III квартале, МНПА I");
        assert_eq!(in_quarter("за I квартал", 1), "за I квартал");
    }
}
