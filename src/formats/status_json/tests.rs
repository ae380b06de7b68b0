//! The report made in pieces is the report serde_json writes of the whole (through
//! `JsonSafe`, as `status --json` wrote it before the pieces).

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::*;
use crate::domain::{DeadlineCache, Extra, FlagRules, ItemId, PeriodId, PeriodKind, Review, Years, flags as flags_of};

fn period() -> Period {
    let mut p = Period::new(PeriodId::new(2021, PeriodKind::Q2), "II квартал 2021 года".into());
    p.report_date = Some(NaiveDate::from_ymd_opt(2021, 7, 5).unwrap_or_default());
    p
}

fn plan() -> Plan {
    let mut plan = Plan::new(Years { first: 2021, last: 2024 });
    plan.organisation = "Администрация «Городского округа»\u{202E}".into();
    plan.approved_by = "Постановление от 01.02.2021 № 7".into();
    plan
}

fn item(id: u32, deadline: &str, extra: &[(&str, &str)]) -> Item {
    Item {
        id: ItemId(id),
        seq: format!("{id}."),
        point: format!("1.{id}"),
        title: format!("Мероприятие {id}: \"кавычки\", \\ и\nперевод строки\u{85}"),
        deadline_text: deadline.into(),
        schedule_override: None,
        responsible: if id.is_multiple_of(2) { "Отдел кадров".into() } else { String::new() },
        extra: extra.iter().map(|(c, t)| Extra { caption: (*c).into(), text: (*t).into() }).collect(),
    }
}

fn entry(n: u32) -> Entry {
    Entry {
        info: String::new(),
        assessment: ["", "выполнено", "выполнено частично"][n as usize % 3].into(),
        review: [Review::Open, Review::Ready, Review::Accepted][n as usize % 3],
        carried_from: (n % 2 == 1).then(|| PeriodId::new(2021, PeriodKind::Q1)),
        ..Entry::default()
    }
}

/// The report's items: every deadline kind, with and without other columns.
fn items() -> Vec<(Item, Entry, String)> {
    let deadlines = [
        "до 31 мая 2021 года",
        "ежеквартально, до 5 числа месяца, следующего за отчетным",
        "постоянно",
        "по мере  необходимости\n",
        "в течение 2021 года; согласно графику",
        "",
    ];
    let extra: &[(&str, &str)] = &[("Источник", "бюджет\t"), ("Примечание", "")];
    (0..deadlines.len() as u32)
        .map(|n| {
            let columns = if n % 2 == 0 { extra } else { &[] };
            let info = ["", "Проведено «совещание» — 2 раза.\r\nИтог: \u{200F}ок"][n as usize % 2].to_owned();
            (item(n + 1, deadlines[n as usize], columns), entry(n), info)
        })
        .collect()
}

#[derive(Serialize)]
struct Whole<'a> {
    #[serde(flatten)]
    head: Head<'a>,
    items: Vec<ItemOracle<'a>>,
}

#[derive(Serialize)]
struct ItemOracle<'a> {
    seq: &'a str,
    point: &'a str,
    title: &'a str,
    deadline_text: &'a str,
    deadline: DeadlineOracle,
    info: &'a str,
    assessment: &'a str,
    flags: Vec<&'static str>,
    responsible: &'a str,
    review: &'static str,
    carried_from: Option<String>,
    extra: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct DeadlineOracle {
    kind: &'static str,
    due: Vec<DueOracle>,
    unparsed: Option<String>,
    outside_plan: Vec<i32>,
}

#[derive(Serialize)]
struct DueOracle {
    date: String,
    reports_on: String,
}

fn oracle_item<'a>((item, entry, info): &'a (Item, Entry, String), d: &ItemDeadline, flags: Flags) -> ItemOracle<'a> {
    let unparsed = match &d.deadline {
        Deadline::Known(_) => None,
        Deadline::Partial { unparsed, .. } => Some(unparsed.clone()),
        Deadline::Unknown => {
            Some(item.deadline_text.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|t| !t.is_empty())
        }
    };
    ItemOracle {
        seq: item.seq_label(),
        point: item.point_label(),
        title: &item.title,
        deadline_text: &item.deadline_text,
        deadline: DeadlineOracle {
            kind: d.deadline.kind().as_str(),
            due: d
                .due
                .iter()
                .map(|due| DueOracle { date: due.date.to_string(), reports_on: due.reports_on.to_string() })
                .collect(),
            unparsed,
            outside_plan: d.outside_plan.clone(),
        },
        info,
        assessment: &entry.assessment,
        flags: flags.names(),
        responsible: &item.responsible,
        review: entry.review.as_str(),
        carried_from: entry.carried_from.map(|p| p.to_string()),
        extra: item.extra.iter().map(|e| (e.caption.clone(), serde_json::Value::from(e.text.clone()))).collect(),
    }
}

/// serde_json's pretty report of the whole, through `JsonSafe`.
fn oracle(rows: &[(Item, Entry, String)], as_of: NaiveDate, counts: Counts) -> Vec<u8> {
    let (plan, period) = (plan(), period());
    let mut cache = DeadlineCache::default();
    let rules = FlagRules::default();
    let items = rows
        .iter()
        .map(|row| {
            let d = cache.item_deadline(&row.0, period.id, plan.years);
            let f = flags_of(&d.due, &row.1.assessment, period.id, as_of, &rules);
            oracle_item(row, &d, f)
        })
        .collect();
    let whole = Whole { head: head_of(&plan, &period, as_of, counts), items };
    let mut safe = JsonSafe::new(Vec::new());
    serde_json::to_writer_pretty(&mut safe, &whole).unwrap();
    safe.flush().unwrap();
    let mut out = safe.into_inner();
    out.push(b'\n');
    out
}

/// The report in pieces: each item rendered once, then put in with its flags.
fn in_pieces(rows: &[(Item, Entry, String)], as_of: NaiveDate, counts: Counts) -> Vec<u8> {
    let (plan, period) = (plan(), period());
    let mut cache = DeadlineCache::default();
    let rules = FlagRules::default();
    let mut out = head(&plan, &period, as_of, counts);
    for (n, (item, entry, info)) in rows.iter().enumerate() {
        let d = cache.item_deadline(item, period.id, plan.years);
        let mut rendered = b"left from before".to_vec();
        let flags_at = super::item(&mut rendered, item, entry, info, &d) - 16;
        let f = flags_of(&d.due, &entry.assessment, period.id, as_of, &rules);
        push_item(&mut out, n == 0, (&rendered[16..], flags_at), f);
    }
    tail(&mut out, !rows.is_empty());
    out
}

#[test]
fn a_report_in_pieces_is_serde_json_s_pretty_report_of_the_whole() {
    let counts = Counts { items: 6, overdue: 1, no_result: 2, due_soon: 0, done: 3, ready: 2, accepted: 2 };
    let rows = items();
    for as_of in [(2021, 4, 1), (2021, 6, 1), (2021, 7, 10), (2022, 1, 10)] {
        let as_of = NaiveDate::from_ymd_opt(as_of.0, as_of.1, as_of.2).unwrap();
        let (pieces, whole) = (in_pieces(&rows, as_of, counts), oracle(&rows, as_of, counts));
        assert_eq!(String::from_utf8(pieces).unwrap(), String::from_utf8(whole).unwrap());
    }
    // Some flags of each kind were put in.
    let text = String::from_utf8(in_pieces(&rows, NaiveDate::from_ymd_opt(2021, 7, 10).unwrap(), counts)).unwrap();
    assert!(text.contains("\"overdue\"") && text.contains("\"no_result\"") && text.contains("\"done\""), "{text}");
}

#[test]
fn a_report_without_items_closes_its_empty_list() {
    let as_of = NaiveDate::from_ymd_opt(2021, 7, 10).unwrap();
    let (pieces, whole) = (in_pieces(&[], as_of, Counts::default()), oracle(&[], as_of, Counts::default()));
    assert_eq!(String::from_utf8(pieces).unwrap(), String::from_utf8(whole).unwrap());
}

#[test]
fn no_terminal_control_or_bidi_mark_is_left_raw() {
    let as_of = NaiveDate::from_ymd_opt(2021, 7, 10).unwrap();
    let text = String::from_utf8(in_pieces(&items(), as_of, Counts::default())).unwrap();
    assert!(!text.chars().any(|c| c.is_control() && c != '\n' || matches!(c, '\u{200F}' | '\u{202E}' | '\u{85}')));
    assert!(text.contains("\\u202e") && text.contains("\\u200f") && text.contains("\\u0085"), "{text}");
}
