//! 118 deadline texts in the wordings of other administrations' plans, written without the
//! grammar at hand (tests/fixtures/deadline-phrasings.tsv: the text, its category, and what
//! a careful reader understands), and what the grammar makes of each for a 2021–2024 plan
//! in 2022: kind, due dates with the quarter each reports on, the part not understood, the
//! years outside the plan. The snapshot is reviewed by hand; a change of the grammar shows
//! here line by line.

use otchet::domain::Deadline;

fn understood(text: &str) -> String {
    let deadline = Deadline::resolve(text, None);
    let due: Vec<String> = deadline
        .due_dates(2022)
        .iter()
        .map(|d| format!("{}/Q{}", d.date.format("%d.%m.%Y"), d.reports_on.number))
        .collect();
    let mut line = format!("{} [{}]", deadline.kind().as_str(), due.join(" "));
    if let Deadline::Partial { unparsed, .. } = &deadline {
        line.push_str(&format!(" not understood: «{unparsed}»"));
    }
    let outside: Vec<String> = deadline
        .schedule()
        .map(|s| s.clauses.iter().flat_map(|c| c.years_outside(2021, 2024)).map(|y| y.to_string()).collect())
        .unwrap_or_default();
    if !outside.is_empty() {
        line.push_str(&format!(" outside the plan: {}", outside.join(", ")));
    }
    line
}

#[test]
fn wordings_of_other_plans() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deadline-phrasings.tsv");
    let table = std::fs::read_to_string(path).unwrap();
    let mut report = String::new();
    let mut unknown = 0;
    for line in table.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let text = cols[0].replace("\\n", "\n");
        let got = understood(&text);
        unknown += usize::from(got.starts_with("unknown"));
        report.push_str(&format!("{} | {}\n  expected: {}\n  got: {got}\n", cols[1], cols[0], cols[2]));
    }
    insta::assert_snapshot!(report);
    // Only what is no deadline at all (a dash, a status, a unit's name) and a bare qualifier.
    assert!(unknown <= 9, "{unknown} of the wordings are not understood");
}
