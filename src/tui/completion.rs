//! Tab completion of a file path typed into a prompt, as a shell does it: one match is
//! taken whole, several are taken as far as they agree and listed. Pure: the runtime lists
//! the folder (names of folders end in `/`).

/// A path split at its last `/`: the folder as typed (with the `/`) and the name begun.
pub fn split(typed: &str) -> (&str, &str) {
    match typed.rfind('/') {
        Some(i) => typed.split_at(i + 1),
        None => ("", typed),
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Completion {
    /// The text the prompt gets.
    pub text: String,
    /// The matches, when more than one remains (for the user to choose by typing on).
    pub choices: Vec<String>,
}

/// Completes `typed` from the names in its folder; hidden names only when a `.` is typed.
pub fn complete(typed: &str, names: &[String]) -> Completion {
    let (folder, begun) = split(typed);
    let mut matches: Vec<&String> =
        names.iter().filter(|n| n.starts_with(begun) && (begun.starts_with('.') || !n.starts_with('.'))).collect();
    matches.sort();
    let text = match matches.as_slice() {
        [] => typed.to_owned(),
        [only] => format!("{folder}{only}"),
        [first, rest @ ..] => format!("{folder}{}", common_prefix(first, rest)),
    };
    let choices = if matches.len() > 1 { matches.into_iter().cloned().collect() } else { Vec::new() };
    Completion { text, choices }
}

/// The longest start all of them share, by whole characters.
fn common_prefix<'a>(first: &'a str, rest: &[&String]) -> &'a str {
    let mut end = first.len();
    for other in rest {
        end = first
            .char_indices()
            .zip(other.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8())
            .min(end);
    }
    &first[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn one_match_is_taken_whole_and_a_folder_keeps_its_slash() {
        let in_home = names(&["Документы/", "Загрузки/", ".bashrc", "отчет.docx"]);
        assert_eq!(complete("~/Док", &in_home).text, "~/Документы/");
        assert_eq!(complete("~/от", &in_home).text, "~/отчет.docx");
        assert!(complete("~/от", &in_home).choices.is_empty());
    }

    #[test]
    fn several_matches_are_taken_as_far_as_they_agree_by_characters() {
        let folder = names(&["отчет-2020-Q1.txt", "отчет-2020-Q2.txt", "план.docx"]);
        let c = complete("/srv/о", &folder);
        assert_eq!(c.text, "/srv/отчет-2020-Q");
        assert_eq!(c.choices, names(&["отчет-2020-Q1.txt", "отчет-2020-Q2.txt"]));
        let c = complete("", &folder);
        assert_eq!(c.text, "", "nothing in common");
        assert_eq!(c.choices.len(), 3);
    }

    #[test]
    fn hidden_names_only_when_asked_for_and_no_match_changes_nothing() {
        let folder = names(&[".config/", "отчет.txt"]);
        assert_eq!(complete("", &folder).text, "отчет.txt");
        assert_eq!(complete(".", &folder).text, ".config/");
        assert_eq!(complete("нет", &folder), Completion { text: "нет".into(), choices: vec![] });
    }
}
