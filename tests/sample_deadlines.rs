//! Every deadline text of the sample: its kind and due dates as domain.md implies.

mod common;

use std::path::Path;

use otchet::domain::Deadline;
use otchet::formats::txt::parse_report;

const END: &str = "31.03/Q1 30.06/Q2 30.09/Q3 31.12/Q4";
const LAST30: &str = "30.03/Q1 30.06/Q2 30.09/Q3 30.12/Q4";
const NEXT5: &str = "05.04/Q1 05.07/Q2 05.10/Q3 05.01.2021/Q4";
const NEXT10: &str = "10.04/Q1 10.07/Q2 10.10/Q3 10.01.2021/Q4";
const NEXT15: &str = "15.04/Q1 15.07/Q2 15.10/Q3 15.01.2021/Q4";
const YEAR_END: &str = "31.12/Q4";

/// (point, kind, due dates as "dd.mm[.yyyy]/quarter" of plan year 2020)
const EXPECTED: [(&str, &str, &str); 72] = [
    ("1", "event", ""),
    ("2", "fixed", "01.06/Q2 28.12/Q4"),
    ("3", "continuous", YEAR_END),
    ("4", "continuous", YEAR_END),
    ("5", "fixed", "14.02/Q1 10.07/Q3"),
    ("6", "event", ""),
    ("7", "event", ""),
    ("8", "continuous", YEAR_END),
    ("9", "recurring", NEXT5),
    ("10", "fixed", "30.04/Q2"),
    ("11", "recurring", LAST30),
    ("12", "fixed", "25.12/Q4"),
    ("13", "continuous", YEAR_END),
    ("14", "fixed", "14.02/Q1"),
    ("15", "continuous", YEAR_END),
    ("16", "recurring", END),
    ("17", "event", ""),
    ("18", "continuous", YEAR_END),
    ("19", "recurring", NEXT5),
    ("20", "recurring", NEXT5),
    ("21", "recurring", NEXT5),
    ("22", "event", ""),
    ("23", "recurring", NEXT5),
    ("24", "fixed", "21.12/Q4"),
    ("25", "event", ""),
    ("26", "continuous", YEAR_END),
    ("27", "recurring", NEXT5),
    ("28", "recurring", NEXT5),
    ("29", "continuous", YEAR_END),
    ("30", "fixed", "20.03/Q1"),
    ("31", "continuous", YEAR_END),
    ("32", "recurring", NEXT5),
    ("33", "recurring", NEXT5),
    ("34", "continuous", YEAR_END),
    ("35", "continuous", YEAR_END),
    ("36", "continuous", YEAR_END),
    ("37", "continuous", YEAR_END),
    ("38", "continuous", YEAR_END),
    ("39", "continuous", YEAR_END),
    ("40", "continuous", YEAR_END),
    ("41", "continuous", YEAR_END),
    ("42", "recurring", NEXT5),
    ("43", "fixed", "15.04/Q2"),
    ("44", "event", ""),
    ("45", "fixed", "15.12/Q4"),
    ("46", "recurring", NEXT15),
    ("47", "recurring", NEXT15),
    ("48", "recurring", NEXT5),
    ("49", "recurring", NEXT5),
    ("50", "recurring", NEXT10),
    ("51", "fixed", "02.11/Q4"),
    ("52", "recurring", END),
    ("53", "recurring", NEXT5),
    ("54", "fixed", "02.03/Q1"),
    ("55", "fixed", "14.02/Q1"),
    ("56", "fixed", "02.03/Q1"),
    ("57", "event", ""),
    ("58", "recurring", END),
    ("59", "recurring", NEXT5),
    ("60", "continuous", YEAR_END),
    ("61", "continuous", YEAR_END),
    ("62", "recurring", NEXT5),
    ("63", "mixed", "05.04/Q1 05.07/Q2 05.10/Q3 01.12/Q4 31.12/Q4 05.01.2021/Q4"),
    ("64", "fixed", "01.12/Q4"),
    ("65", "fixed", "01.12/Q4"),
    ("66", "fixed", "01.12/Q4"),
    ("67", "event", ""),
    ("68", "fixed", "29.12/Q4"),
    ("69", "fixed", "05.10/Q4"),
    ("70", "recurring", NEXT5),
    ("71", "fixed", "01.12/Q4"),
    ("72", "mixed", "15.03/Q1 15.06/Q2 15.09/Q3 15.12/Q4 30.12/Q4"),
];

fn describe(deadline: &Deadline) -> String {
    deadline
        .due_dates(2020)
        .iter()
        .map(|d| {
            let date = if d.date.format("%Y").to_string() == "2020" {
                d.date.format("%d.%m").to_string()
            } else {
                d.date.format("%d.%m.%Y").to_string()
            };
            assert_eq!(d.reports_on.year, 2020, "every due date reports on a quarter of the plan year");
            format!("{date}/Q{}", d.reports_on.number)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_deadline_of_the_sample() {
    let report = parse_report(Path::new("sample"), &common::sample_bytes()).expect("the sample imports");
    assert_eq!(report.rows.len(), EXPECTED.len());
    let mut failures = Vec::new();
    for (row, (point, kind, due)) in report.rows.iter().zip(EXPECTED) {
        assert_eq!(row.point.trim_end_matches('.'), point);
        let deadline = Deadline::resolve(&row.deadline_text, None);
        let got = (deadline.kind().as_str(), describe(&deadline));
        if got != (kind, due.to_owned()) {
            failures.push(format!(
                "item {point} {:?}: expected {kind} [{due}], got {} [{}]",
                row.deadline_text, got.0, got.1
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_multi_line_items_are_one_phrase() {
    let report = parse_report(Path::new("sample"), &common::sample_bytes()).unwrap();
    for point in ["11", "67"] {
        let row = report.rows.iter().find(|r| r.point.trim_end_matches('.') == point).unwrap();
        assert!(row.deadline_text.contains('\n'), "item {point} spans several lines in the sample");
        assert_ne!(Deadline::resolve(&row.deadline_text, None), Deadline::Unknown);
    }
}
