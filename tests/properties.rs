//! Property tests: the parsers never panic, every record round-trips through the codec,
//! and a record of a future format version is refused, never decoded as garbage.

use std::path::Path;

use otchet::codec::{self, CodecError, Record};
use otchet::domain::{
    Clause, DueRule, Entry, Every, Extra, Item, ItemId, Period, PeriodId, PeriodKind, Plan, Review, Role, Schedule,
    Section, Stamp,
};
use otchet::model::{Draft, Owner, Revision, RevisionSource, Settings, UserRecord};
use otchet::store::{EntryHead, SchemaVersion};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "до",
    "не",
    "позднее",
    "ежеквартально",
    "ежемесячно",
    "ежегодно",
    "ежеполугодно",
    "числа",
    "месяца",
    "следующего",
    "за",
    "отчетным",
    "периодом",
    "последнего",
    "отчетного",
    "квартала",
    "в",
    "течение",
    "года",
    "по",
    "мере",
    "раза",
    "раз",
    "1",
    "05",
    "31",
    "2020",
    "2020г.",
    "01.12.2020",
    "29.02",
    "декабря",
    "февраля",
    "июня",
    ",",
    ".",
    ";",
    "\n",
    "\n\n",
    "(",
    ")",
    "-",
    "и",
    "но",
    "при",
    "необходимости",
    "день",
    "рабочих",
    "дней",
    "с",
    "IV",
    "квартале",
    "конца",
    "постоянно",
    "99",
    "0",
    "ё",
    "кроме",
    "за",
    "год",
    "полугодие",
    "9",
    "месяцев",
    ";",
    "—",
    "следующего",
    "отчетным",
    "согласно",
    "графику",
    "2021-2024",
    "гг.",
    "трех",
];

fn phrase() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..16).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_deadline_parser_never_panics(text in any::<String>()) {
        if let Some(schedule) = otchet::domain::deadline::parse(&text) {
            let _ = schedule.due_dates(2020);
        }
    }

    #[test]
    fn deadline_like_phrases_never_panic_and_dates_stay_sorted(text in phrase(), year in 1900i32..2200) {
        if let Some(schedule) = otchet::domain::deadline::parse(&text) {
            let due = schedule.due_dates(year);
            prop_assert!(due.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn a_text_called_unknown_never_yields_a_date(text in phrase(), year in 1900i32..2200) {
        use otchet::domain::{Deadline, DeadlineKind};
        let deadline = Deadline::resolve(&text, None);
        if deadline.kind() == DeadlineKind::Unknown {
            prop_assert!(deadline.due_dates(year).is_empty(), "{text:?}");
            prop_assert!(deadline.due_dates_in(year, year + 3).is_empty(), "{text:?}");
        }
        // What is kept as not understood is part of the text as written.
        if let Deadline::Partial { unparsed, .. } = &deadline {
            for part in unparsed.split("; ") {
                let written = text.split_whitespace().collect::<Vec<_>>().join(" ");
                prop_assert!(written.contains(part), "{part:?} of {text:?}");
            }
        }
    }

    #[test]
    fn the_text_importer_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = otchet::formats::txt::parse_report(Path::new("x.txt"), &bytes);
    }

    #[test]
    fn the_text_importer_never_panics_on_table_like_text(
        lines in prop::collection::vec(
            prop_oneof![
                Just("\t".to_owned()),
                Just("\t1.".to_owned()),
                Just("\t(отчетный период)".to_owned()),
                Just("\t(наименование органа)".to_owned()),
                Just("\t(реквизиты)".to_owned()),
                Just("\tI квартал 2020 года".to_owned()),
                Just("\t№".to_owned()),
                Just(String::new()),
                "\t?[0-9]{1,3}\\.?",
                "\\PC{0,20}",
            ],
            0..80,
        )
    ) {
        let text = lines.join("\n");
        let _ = otchet::formats::txt::parse_report(Path::new("x.txt"), text.as_bytes());
    }
}

// ---- the codec ----------------------------------------------------------------------

fn text() -> impl Strategy<Value = String> {
    any::<String>()
}

fn period_id() -> impl Strategy<Value = PeriodId> {
    (any::<i32>(), prop::sample::select(PeriodKind::ALL.to_vec())).prop_map(|(y, k)| PeriodId::new(y, k))
}

fn clause() -> impl Strategy<Value = Clause> {
    let every = prop::sample::select(vec![Every::Month, Every::Quarter, Every::HalfYear, Every::Year]);
    let rule = prop_oneof![
        Just(DueRule::EndOfPeriod),
        any::<u8>().prop_map(DueRule::DayOfNextMonth),
        any::<u8>().prop_map(DueRule::DayOfLastMonth),
        (any::<u8>(), any::<u8>()).prop_map(|(day, month)| DueRule::DayOfYear { day, month }),
    ];
    prop_oneof![
        (any::<u8>(), any::<u8>(), any::<Option<i32>>()).prop_map(|(day, month, year)| Clause::Fixed {
            day,
            month,
            year
        }),
        (every, rule).prop_map(|(every, rule)| Clause::Recurring { every, rule }),
        Just(Clause::Continuous),
        Just(Clause::Event),
        (1u8..=31, 1u8..=12, 1u8..=4).prop_map(|(day, month, reports_on)| Clause::Labelled { day, month, reports_on }),
        (1900i32..2100, 0i32..5).prop_map(|(first, n)| Clause::During { first, last: first + n }),
    ]
}

fn item() -> impl Strategy<Value = Item> {
    (any::<u32>(), (text(), text(), text(), text(), text()), prop::option::of(prop::collection::vec(clause(), 0..4)))
        .prop_map(|(id, (seq, point, title, deadline_text, responsible), clauses)| Item {
            id: ItemId(id),
            seq,
            point,
            title,
            deadline_text,
            schedule_override: clauses.map(|clauses| Schedule { clauses }),
            responsible,
            extra: vec![Extra { caption: "Примечание".into(), text: "т".into() }],
        })
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        any::<i32>(),
        text(),
        text(),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec((any::<u32>(), text()), 0..3),
    )
        .prop_map(|(year, organisation, approved_by, title_lines, sections)| Plan {
            organisation,
            approved_by,
            title_lines,
            sections: sections.into_iter().map(|(id, title)| Section { before: ItemId(id), title }).collect(),
            columns: otchet::domain::form::standard_columns(),
            signed_by: "Глава".into(),
            ..Plan::new(otchet::domain::Years { first: year, last: year.saturating_add(3) })
        })
}

fn entry() -> impl Strategy<Value = Entry> {
    (text(), text(), text(), any::<i64>(), any::<u64>()).prop_map(|(info, assessment, changed_by, at, revision)| {
        Entry {
            info,
            assessment,
            changed_by,
            changed_at: Stamp(at),
            revision,
            review: Review::Ready,
            carried_from: None,
        }
    })
}

fn revision() -> impl Strategy<Value = Revision> {
    (
        any::<u64>(),
        text(),
        any::<i64>(),
        text(),
        text(),
        prop::sample::select(vec![RevisionSource::Edit, RevisionSource::Import, RevisionSource::Restore]),
    )
        .prop_map(|(revision, by, at, info, assessment, source)| Revision {
            revision,
            by,
            at: Stamp(at),
            info,
            assessment,
            source,
        })
}

fn role() -> impl Strategy<Value = Role> {
    prop::sample::select(vec![Role::Viewer, Role::Editor, Role::Admin])
}

/// Round trip, and the same bytes with a newer version number are refused.
fn check<R: Record + PartialEq + std::fmt::Debug>(value: &R) -> Result<(), TestCaseError> {
    let bytes = codec::encode(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&codec::decode::<R>(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?, value);
    for newer in R::VERSION.saturating_add(1)..=u8::MAX {
        let mut future = bytes.clone();
        future[1] = newer;
        let refused = matches!(codec::decode::<R>(&future), Err(CodecError::FutureVersion { .. }));
        prop_assert!(refused, "version {} of {:?} was not refused", newer, R::KIND);
    }
    let mut trailing = bytes.clone();
    trailing.push(0);
    prop_assert!(codec::decode::<R>(&trailing).is_err());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn plans_round_trip(v in plan()) { check(&v)?; }

    #[test]
    fn items_round_trip(v in item()) { check(&v)?; }

    #[test]
    fn periods_round_trip(id in period_id(), title in text()) { check(&Period::new(id, title))?; }

    #[test]
    fn entries_round_trip(v in entry()) {
        // The head and the execution text apart (format 3), and back to the same entry.
        let (head, text) = EntryHead::split(&v);
        check(&head)?;
        if let Some(text) = &text {
            check(text)?;
        }
        prop_assert_eq!(text.is_some(), !v.info.is_empty());
        prop_assert_eq!(head.into_entry(text.map(|t| t.0)), v);
    }

    #[test]
    fn revisions_round_trip(v in revision()) { check(&v)?; }

    #[test]
    fn drafts_round_trip(info in text(), assessment in text(), base in any::<u64>(), at in any::<i64>()) {
        check(&Draft { info, assessment, base_revision: base, saved_at: Stamp(at) })?;
    }

    #[test]
    fn settings_round_trip(assessments in prop::collection::vec(text(), 0..6), words in prop::collection::vec(text(), 0..6)) {
        check(&Settings { assessments, words })?;
    }

    #[test]
    fn users_round_trip(name in text(), role in role()) {
        check(&UserRecord { name, role, responsible: vec!["Отдел кадров".into()] })?;
    }

    #[test]
    fn owners_round_trip(uid in any::<u32>(), name in text(), at in any::<i64>()) {
        check(&Owner { uid, name, created_at: Stamp(at) })?;
    }

    #[test]
    fn schema_versions_round_trip(v in any::<u32>()) { check(&SchemaVersion(v))?; }

    #[test]
    fn truncated_or_random_bytes_never_decode_as_a_record(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        // Whatever the bytes, decoding returns a value or an error; it never panics.
        let _ = codec::decode::<EntryHead>(&bytes);
        let _ = codec::decode::<Plan>(&bytes);
    }
}
