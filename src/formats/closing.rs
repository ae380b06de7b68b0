//! The closing block under a report's table: who signs it (a position and a name) and the
//! executor with a phone («Исполнитель: Смирнова Е. П., 8 (34377) 7-12-34»). In the text
//! export it follows the last cell as lines without a TAB, so it reads as part of that cell
//! until it is split off.

use crate::domain::text::fold;

/// Whether a paragraph opens a closing block.
fn opens_block(paragraph: &str) -> bool {
    const OPENINGS: [&str; 12] = [
        "глава",
        "заместитель главы",
        "первый заместитель",
        "и.о.",
        "и. о.",
        "исполняющий обязанности",
        "начальник",
        "руководитель",
        "председатель",
        "исполнитель",
        "исп.",
        "подпись",
    ];
    let f = fold(paragraph.trim());
    OPENINGS.iter().any(|o| f.starts_with(o))
}

/// The last cell's own text and the closing block after it: the block starts at the first
/// paragraph after a blank line that opens one.
pub fn split_off(cell: &str) -> (String, Vec<String>) {
    let lines: Vec<&str> = cell.split('\n').collect();
    let start = (1..lines.len()).find(|&i| lines[i - 1].trim().is_empty() && opens_block(lines[i]));
    match start {
        Some(at) => {
            let own = lines[..at].join("\n").trim_end().to_owned();
            (own, paragraphs(&lines[at..]))
        }
        None => (cell.to_owned(), Vec::new()),
    }
}

/// The block's paragraphs (lines between blank lines joined), blank ones left out.
pub fn paragraphs(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in lines.iter().chain(std::iter::once(&"")) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    out
}

/// (signed by, executor): the executor's paragraph (without its label) and everything else.
/// How the exports label the executor's line.
pub const EXECUTOR_LABEL: &str = "Исполнитель:";

/// A signer as stored («Глава Заречного городского округа А. В. Захаров»): the position, and
/// the name from its initials on (empty when there are none to find).
pub fn position_and_name(signed_by: &str) -> (&str, &str) {
    let is_initials = |t: &str| {
        let mut chars = t.chars().peekable();
        let mut any = false;
        while let Some(c) = chars.next() {
            if !(c.is_uppercase() && chars.next() == Some('.')) {
                return false;
            }
            any = true;
        }
        any
    };
    let tokens: Vec<(usize, &str)> = signed_by
        .split(' ')
        .scan(0, |at, t| {
            let start = *at;
            *at += t.len() + 1;
            Some((start, t))
        })
        .collect();
    // The name: initials (one or more tokens) and the surname after them, at the end.
    let Some(last_initial) = tokens.iter().rposition(|(_, t)| is_initials(t)) else { return (signed_by, "") };
    if last_initial + 2 != tokens.len() {
        return (signed_by, "");
    }
    let first = (0..=last_initial).rev().take_while(|&i| is_initials(tokens[i].1)).last().unwrap_or(last_initial);
    let at = tokens[first].0;
    (signed_by[..at].trim_end(), &signed_by[at..])
}

pub fn read(paragraphs: &[String]) -> (String, String) {
    let is_executor = |p: &str| {
        let f = fold(p);
        f.starts_with("исполнитель") || f.starts_with("исп.")
    };
    // A date line (the report's, as the exports write it) is neither signer nor executor.
    let is_date = |p: &str| crate::domain::period::parse_user_date(p.trim()).is_some();
    let signed: Vec<&str> = paragraphs.iter().map(String::as_str).filter(|p| !is_executor(p) && !is_date(p)).collect();
    let executor = paragraphs.iter().find(|p| is_executor(p)).map(|p| {
        let rest = p.split_once([':', '.']).map_or(p.as_str(), |(_, r)| r);
        rest.trim().to_owned()
    });
    let signed_by = if paragraphs.first().is_some_and(|p| opens_block(p)) { signed.join(" ") } else { String::new() };
    (signed_by.split_whitespace().collect::<Vec<_>>().join(" "), executor.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signer_splits_into_position_and_name_at_the_initials() {
        assert_eq!(
            position_and_name("Глава Заречного городского округа А. В. Захаров"),
            ("Глава Заречного городского округа", "А. В. Захаров")
        );
        assert_eq!(position_and_name("Глава администрации В.В. Сизиков"), ("Глава администрации", "В.В. Сизиков"));
        assert_eq!(position_and_name("Глава администрации"), ("Глава администрации", ""));
        assert_eq!(position_and_name("И.о. главы А. Б."), ("И.о. главы А. Б.", ""));
    }

    #[test]
    fn the_block_is_split_off_the_last_cell_and_read() {
        let cell = "Выполнено.\n\nВторой абзац.\n\n\nГлава Заречного городского округа                А. В. Захаров\n\nИсполнитель: Смирнова Е. П., 8 (34377) 7-12-34";
        let (own, block) = split_off(cell);
        assert_eq!(own, "Выполнено.\n\nВторой абзац.");
        assert_eq!(
            read(&block),
            (
                "Глава Заречного городского округа А. В. Захаров".to_owned(),
                "Смирнова Е. П., 8 (34377) 7-12-34".to_owned()
            )
        );
        let plain = "Главное — сроки.\n\nГлавное сделано";
        assert_eq!(split_off(plain).0, plain, "a paragraph that only starts like a position, in the text itself");
    }
}
