//! The deadline grammar by category (domain.md and plans.md), several wordings each: kind,
//! due dates in the report year and the quarter each reports on, and what stays
//! not understood.

use super::*;

fn d(day: u32, month: u32, year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// (date, quarter number) of a fully understood text in year `year`, or None.
fn dues_in(text: &str, year: i32) -> Option<Vec<(NaiveDate, u8)>> {
    let s = parse(text)?;
    Some(s.due_dates(year).into_iter().map(|x| (x.date, x.reports_on.number)).collect())
}

fn dues(text: &str) -> Option<Vec<(NaiveDate, u8)>> {
    dues_in(text, 2020)
}

fn kind(text: &str) -> DeadlineKind {
    Deadline::resolve(text, None).kind()
}

/// Every wording, fully understood, with this kind and these dues in 2022.
fn all_mean(texts: &[&str], expected_kind: DeadlineKind, expected: &[(NaiveDate, u8)]) {
    for text in texts {
        assert_eq!(kind(text), expected_kind, "{text:?}");
        assert_eq!(dues_in(text, 2022).as_deref(), Some(expected), "{text:?}: {:?}", understand(text));
    }
}

fn quarter_ends(y: i32) -> Vec<(NaiveDate, u8)> {
    vec![(d(31, 3, y), 1), (d(30, 6, y), 2), (d(30, 9, y), 3), (d(31, 12, y), 4)]
}

// ---- domain.md: the sample's kinds ------------------------------------------------------

#[test]
fn fixed_dates_in_all_spellings() {
    assert_eq!(dues("До 14 февраля 2020 года"), Some(vec![(d(14, 2, 2020), 1)]));
    assert_eq!(dues("до 01.12.2020г."), Some(vec![(d(1, 12, 2020), 4)]));
    assert_eq!(dues("не позднее 1 марта"), Some(vec![(d(1, 3, 2020), 1)]));
    assert_eq!(dues("ДО  30\nапреля 2020 г."), Some(vec![(d(30, 4, 2020), 2)]));
    assert_eq!(dues("до 01.06.20"), Some(vec![(d(1, 6, 2020), 2)]));
    assert_eq!(dues("в декабре 2020 года"), Some(vec![(d(31, 12, 2020), 4)]));
    assert_eq!(dues("в III квартале"), Some(vec![(d(30, 9, 2020), 3)]));
    assert_eq!(dues("до конца года"), Some(vec![(d(31, 12, 2020), 4)]));
    assert_eq!(kind("До 01 июня 2020 года,\n\nдо 28 декабря 2020 года"), DeadlineKind::Fixed);
}

#[test]
fn quarterly_rules() {
    assert_eq!(dues("Ежеквартально"), Some(quarter_ends(2020)));
    assert_eq!(dues("Не реже 1 раза в квартал по отдельному плану"), Some(quarter_ends(2020)));
    assert_eq!(dues("один раз в квартал"), Some(quarter_ends(2020)));
    let next = Some(vec![(d(5, 4, 2020), 1), (d(5, 7, 2020), 2), (d(5, 10, 2020), 3), (d(5, 1, 2021), 4)]);
    assert_eq!(dues("Ежеквартально, до 05 числа месяца, следующего за отчетным периодом"), next);
    assert_eq!(dues("Ежеквартально, до 05 числа месяца, следующего за отчетным кварталом"), next);
    assert_eq!(dues("Ежеквартально, до 05 числа месяца, следующего за отчетным и в установленные сроки"), next);
    assert_eq!(dues("до 5 числа месяца, следующего за отчетным кварталом"), next);
    let last = Some(vec![(d(30, 3, 2020), 1), (d(30, 6, 2020), 2), (d(30, 9, 2020), 3), (d(30, 12, 2020), 4)]);
    assert_eq!(dues("Ежеквартально,\n\nдо 30 числа последнего месяца отчетного периода"), last);
    assert_eq!(
        dues("Ежеквартально, до 15 числа последнего месяца отчетного квартала").map(|v| v[0]),
        Some((d(15, 3, 2020), 1))
    );
}

#[test]
fn monthly_half_yearly_yearly() {
    let monthly = dues("Ежемесячно").unwrap();
    assert_eq!(monthly.len(), 12);
    assert_eq!(monthly[1], (d(29, 2, 2020), 1));
    assert_eq!(monthly[11], (d(31, 12, 2020), 4));
    let monthly_next = dues("ежемесячно, до 10 числа месяца, следующего за отчетным месяцем").unwrap();
    assert_eq!(monthly_next[0], (d(10, 2, 2020), 1));
    assert_eq!(monthly_next[2], (d(10, 4, 2020), 1));
    assert_eq!(monthly_next[11], (d(10, 1, 2021), 4));
    let fifth: Vec<(NaiveDate, u8)> = (1..=12).map(|m| (d(5, m, 2020), (m as u8 - 1) / 3 + 1)).collect();
    for text in ["Ежемесячно, до 5 числа", "ежемесячно до 5 числа месяца", "каждый месяц не позднее 5-го числа"]
    {
        assert_eq!(dues(text), Some(fifth.clone()), "{text}: the day of each month itself");
    }
    assert_eq!(dues("Ежеполугодно"), Some(vec![(d(30, 6, 2020), 2), (d(31, 12, 2020), 4)]));
    assert_eq!(dues("1 раз в полугодие"), dues("Ежеполугодно"));
    assert_eq!(
        dues("ежеполугодно, до 10 числа месяца, следующего за отчетным периодом"),
        Some(vec![(d(10, 7, 2020), 2), (d(10, 1, 2021), 4)])
    );
    assert_eq!(dues("ежегодно до 1 апреля"), Some(vec![(d(1, 4, 2020), 2)]));
    assert_eq!(kind("ежегодно до 1 апреля"), DeadlineKind::Recurring);
}

#[test]
fn continuous_and_events() {
    for text in ["В течение года", "В течение 2020 года", "Постоянно", "в течение 2018-2020 годов"]
    {
        assert_eq!(dues(text), Some(vec![(d(31, 12, 2020), 4)]), "{text}");
        assert_eq!(kind(text), DeadlineKind::Continuous, "{text}");
    }
    for text in [
        "По мере подготовки проектов нормативных правовых актов",
        "В течение 14 рабочих дней с даты окончания срока представления указанных сведений",
        "В течение трех месяцев со дня изменения федерального  и областного законодательства",
        "В день опубликования решения Думы Серовского городского округа",
        "В соответствии \nс планом проведения заседаний Комиссии по координации работы по\n\nпротиводействию",
        "При необходимости",
        "по мере",
    ] {
        assert_eq!(kind(text), DeadlineKind::Event, "{text}");
        assert_eq!(dues(text), Some(vec![]), "{text}");
    }
}

#[test]
fn clauses_of_different_kinds_are_a_union() {
    let text = "До 01 декабря 2020г.\n\nЕжеквартально, до 05 числа месяца, следующего за отчетным периодом\n\nДо 31 декабря 2020 года";
    assert_eq!(kind(text), DeadlineKind::Mixed);
    let due = dues(text).unwrap();
    assert_eq!(due.len(), 6);
    assert!(due.contains(&(d(1, 12, 2020), 4)) && due.contains(&(d(31, 12, 2020), 4)));
    // Repeated dates are listed once.
    let repeated = "Ежеквартально, до 15 числа последнего месяца отчетного квартала\n\nДо 30 декабря 2020 года\n\nДо 30 декабря 2020 года";
    assert_eq!(dues(repeated).unwrap().len(), 5);
}

#[test]
fn anything_else_is_unknown_never_a_guess() {
    for text in [
        "",
        "   ",
        "до 31 июня 2020 года",
        "Ежеквартально, кроме III квартала",
        "за исключением случаев, предусмотренных законом, ежегодно",
        "до 45 числа месяца, следующего за отчетным периодом",
        "до 05 числа месяца, следующего за отчетным",
        "2020",
        "до декабря",
        "По согласованию с прокуратурой",
    ] {
        assert_eq!(kind(text), DeadlineKind::Unknown, "{text:?}: {:?}", understand(text));
        assert_eq!(Deadline::resolve(text, None).due_dates(2020), vec![], "{text:?}");
    }
}

#[test]
fn hand_set_schedule_wins_over_the_text() {
    let hand = parse("до 01.12.2020").unwrap();
    let resolved = Deadline::resolve("что-то невнятное", Some(&hand));
    assert_eq!(resolved.kind(), DeadlineKind::Fixed);
    assert_eq!(Deadline::resolve("что-то невнятное", None), Deadline::Unknown);
    assert_eq!(parse("ежеквартально; что-то невнятное"), None, "a hand-set schedule must be understood whole");
}

// ---- plans.md: more phrasings of every kind -----------------------------------------------

#[test]
fn words_that_do_not_change_a_date() {
    all_mean(
        &[
            "к 15 марта",
            "в срок до 15 марта",
            "не позднее 15 марта",
            "до 15 марта включительно",
            "до 15 марта текущего года",
            "не позднее 15.03 отчетного года",
            "Срок: до 15 марта 2022 г.",
        ],
        DeadlineKind::Fixed,
        &[(d(15, 3, 2022), 1)],
    );
}

#[test]
fn a_quarter_or_a_month_as_the_deadline() {
    all_mean(
        &["II квартал", "2 квартал 2022 года", "во II квартале", "в течение 2-го квартала"],
        DeadlineKind::Fixed,
        &[(d(30, 6, 2022), 2)],
    );
    all_mean(
        &["IV кв. 2022 г.", "до конца IV квартала", "четвертый квартал"],
        DeadlineKind::Fixed,
        &[(d(31, 12, 2022), 4)],
    );
    all_mean(
        &["октябрь", "в октябре 2022 г.", "Октябрь 2022 года", "до конца октября"],
        DeadlineKind::Fixed,
        &[(d(31, 10, 2022), 4)],
    );
    all_mean(&["I полугодие", "в первом полугодии 2022 года"], DeadlineKind::Fixed, &[(d(30, 6, 2022), 2)]);
    // A quarter of another year is not due in this one.
    assert_eq!(dues_in("3 квартал 2021 года", 2022), Some(vec![]));
    assert_eq!(dues_in("3 квартал 2021 года", 2021), Some(vec![(d(30, 9, 2021), 3)]));
}

#[test]
fn yearly_with_and_without_a_day() {
    all_mean(
        &["Ежегодно", "Каждый год", "Один раз в год", "Не реже одного раза в год", "не менее 1 раза в год"],
        DeadlineKind::Recurring,
        &[(d(31, 12, 2022), 4)],
    );
    all_mean(
        &["ежегодно к 10 марта", "каждый год до 10 марта", "Ежегодно, не позднее 10 марта"],
        DeadlineKind::Recurring,
        &[(d(10, 3, 2022), 1)],
    );
}

#[test]
fn a_day_of_the_year_following_the_reported_one() {
    all_mean(
        &[
            "до 1 февраля года, следующего за отчетным",
            "Ежегодно, до 1 февраля года, следующего за отчетным годом",
            "не позднее 01 февраля года, следующего за отчетным",
        ],
        DeadlineKind::Recurring,
        &[(d(1, 2, 2022), 1)],
    );
}

#[test]
fn half_yearly_with_dates() {
    all_mean(
        &[
            "каждое полугодие до 25 июня и до 20 декабря",
            "Ежеполугодно, до 25 июня и 20 декабря",
            "1 раз в полугодие: до 25 июня, до 20 декабря",
            "2 раза в год до 25 июня и до 20 декабря",
        ],
        DeadlineKind::Recurring,
        &[(d(25, 6, 2022), 2), (d(20, 12, 2022), 4)],
    );
}

#[test]
fn the_end_of_each_quarter() {
    all_mean(
        &["в конце каждого квартала", "по итогам каждого квартала", "По окончании каждого квартала", "поквартально"],
        DeadlineKind::Recurring,
        &quarter_ends(2022),
    );
}

#[test]
fn dates_labelled_with_the_period_they_report_on() {
    let expected = [(d(15, 4, 2022), 1), (d(15, 7, 2022), 2), (d(15, 10, 2022), 3), (d(25, 12, 2022), 4)];
    all_mean(
        &[
            "Ежеквартально: за I квартал — до 15 апреля; за II квартал — до 15 июля; за III квартал — до 15 октября; за год — до 25 декабря",
            "за 1 квартал - до 15 апреля, за полугодие - до 15 июля, за 9 месяцев - до 15 октября, за год - до 25 декабря",
            "Ежеквартально\nза I квартал: до 15.04\nза 1 полугодие: до 15.07\nза 9 месяцев: до 15.10\nза год: до 25.12",
        ],
        DeadlineKind::Recurring,
        &expected,
    );
    // The year's report due in January is the next January, and reports on the fourth quarter.
    let due = dues_in("за IV квартал – до 15 января, за I квартал – до 15 апреля", 2022).unwrap();
    assert_eq!(due, vec![(d(15, 4, 2022), 1), (d(15, 1, 2023), 4)]);
}

#[test]
fn relative_deadlines_are_events_unless_a_date_is_there_too() {
    for text in [
        "в течение 10 рабочих дней со дня поступления информации",
        "не позднее трех рабочих дней со дня получения уведомления",
        "через десять дней после заседания комиссии",
        "Незамедлительно",
        "при первой возможности",
        "однократно при поступлении на муниципальную службу",
        "при поступлении обращений",
        "в соответствии с графиком проверок",
        "согласно утвержденному графику",
        "в 10-дневный срок со дня выявления",
    ] {
        assert_eq!(kind(text), DeadlineKind::Event, "{text:?}: {:?}", understand(text));
        assert!(parse(text).is_some(), "{text:?} is understood whole");
    }
    assert_eq!(kind("По мере необходимости, но не реже 1 раза в квартал"), DeadlineKind::Recurring);
    assert_eq!(kind("В течение года (по мере необходимости)"), DeadlineKind::Continuous);
    // Days after the end of a quarter are a calendar rule, not an event.
    all_mean(
        &[
            "в течение 10 дней после окончания отчетного квартала",
            "ежеквартально, не позднее 10 дней по окончании квартала",
        ],
        DeadlineKind::Recurring,
        &[(d(10, 4, 2022), 1), (d(10, 7, 2022), 2), (d(10, 10, 2022), 3), (d(10, 1, 2023), 4)],
    );
}

#[test]
fn numbers_may_be_words() {
    assert_eq!(kind("в течение трех дней со дня"), DeadlineKind::Event);
    all_mean(
        &["не реже одного раза в полугодие", "один раз в полугодие"],
        DeadlineKind::Recurring,
        &[(d(30, 6, 2022), 2), (d(31, 12, 2022), 4)],
    );
    all_mean(
        &["в течение десяти дней после окончания квартала"],
        DeadlineKind::Recurring,
        &[(d(10, 4, 2022), 1), (d(10, 7, 2022), 2), (d(10, 10, 2022), 3), (d(10, 1, 2023), 4)],
    );
}

#[test]
fn qualifiers_after_a_rule_change_nothing() {
    all_mean(
        &[
            "Ежеквартально, по согласованию с прокуратурой города",
            "ежеквартально по каждому направлению",
            "Ежеквартально (по отдельному плану)",
            "Ежеквартально, в пределах компетенции",
        ],
        DeadlineKind::Recurring,
        &quarter_ends(2022),
    );
}

#[test]
fn the_plan_years_span() {
    for text in ["в течение 2021–2024 годов", "2021 – 2024 годы", "В течение 2021-2024 гг.", "2021-2024"]
    {
        assert_eq!(kind(text), DeadlineKind::Continuous, "{text}");
        for y in 2021..=2024 {
            assert_eq!(dues_in(text, y), Some(vec![(d(31, 12, y), 4)]), "{text} in {y}");
        }
        assert_eq!(dues_in(text, 2025), Some(vec![]), "{text} after its years");
    }
    let listed = "ежегодно до 1 февраля 2022, 2023, 2024 гг.";
    assert_eq!(kind(listed), DeadlineKind::Fixed);
    assert_eq!(dues_in(listed, 2023), Some(vec![(d(1, 2, 2023), 1)]));
    assert_eq!(dues_in(listed, 2021), Some(vec![]));
}

#[test]
fn a_text_understood_in_part_keeps_what_was_understood() {
    let cases = [
        (
            "Ежегодно до 30 марта; отчеты направлять в адрес Департамента",
            DeadlineKind::Recurring,
            "отчеты направлять в адрес Департамента",
        ),
        ("Ежегодно до 30 марта; по итогам проверок – незамедлительно", DeadlineKind::Recurring, ""),
        ("до 1 марта 2022 г., далее – по решению председателя комиссии", DeadlineKind::Fixed, ""),
        (
            "Ежеквартально; в иные сроки по указанию Губернатора Свердловской области",
            DeadlineKind::Recurring,
            "в иные сроки по указанию Губернатора Свердловской области",
        ),
        (
            "До 15 декабря 2022 года, а также в период избирательной кампании",
            DeadlineKind::Fixed,
            "в период избирательной кампании",
        ),
    ];
    for (text, expected_kind, rest) in cases {
        let understood = understand(text);
        assert_eq!(understood.schedule.kind(), expected_kind, "{text:?}: {understood:?}");
        assert_eq!(understood.unparsed.join("; "), rest, "{text:?}");
        if !rest.is_empty() {
            assert!(matches!(Deadline::resolve(text, None), Deadline::Partial { .. }), "{text:?}");
            assert_eq!(parse(text), None, "not a whole schedule");
        }
    }
    let partial = Deadline::resolve(cases[0].0, None);
    assert_eq!(partial.due_dates(2022), vec![Due { date: d(30, 3, 2022), reports_on: Quarter::new(2022, 1).unwrap() }]);
}

#[test]
fn a_date_outside_the_plan_years_is_kept_and_named() {
    let schedule = parse("до 01.03.2020, до 01.03.2022").unwrap();
    let outside: Vec<i32> = schedule.clauses.iter().flat_map(|c| c.years_outside(2021, 2024)).collect();
    assert_eq!(outside, [2020]);
    assert_eq!(schedule.due_dates(2022).len(), 1, "only the date of 2022 is due in 2022");
    assert_eq!(schedule.due_dates(2020).len(), 1, "the other is kept");
    let during = parse("в течение 2023-2025 годов").unwrap();
    assert_eq!(during.clauses[0].years_outside(2021, 2024), [2025]);
    assert_eq!(parse("до конца 2025 года").unwrap().clauses[0].years_outside(2021, 2024), [2025]);
}

#[test]
fn ranges_of_periods_and_a_yearly_word_after_a_date() {
    all_mean(
        &["II–III кварталы", "II - III квартал", "во II – III кварталах"],
        DeadlineKind::Fixed,
        &[(d(30, 9, 2022), 3)],
    );
    all_mean(&["январь – апрель", "январь-апрель", "с января по апрель"], DeadlineKind::Fixed, &[(d(30, 4, 2022), 2)]);
    all_mean(
        &["до 30 апреля ежегодно", "30 апреля, ежегодно", "до 30 апреля каждый год"],
        DeadlineKind::Recurring,
        &[(d(30, 4, 2022), 2)],
    );
    assert_eq!(
        dues("до 1 июля ежегодно, до 25 декабря ежегодно"),
        Some(vec![(d(1, 7, 2020), 3), (d(25, 12, 2020), 4)])
    );
    assert_eq!(dues("ноябрь – декабрь ежегодно"), Some(vec![(d(31, 12, 2020), 4)]));
}

#[test]
fn a_labelled_date_with_its_own_year_is_that_date() {
    let s = crate::domain::deadline::understand("за I полугодие — до 15 июля; за год — до 20 января 2025 г.");
    assert!(s.unparsed.is_empty(), "{:?}", s.unparsed);
    let dates: Vec<NaiveDate> =
        [2024, 2025].into_iter().flat_map(|y| s.schedule.due_dates(y)).map(|d| d.date).collect();
    assert!(dates.contains(&d(15, 7, 2024)) && dates.contains(&d(20, 1, 2025)), "{dates:?}");
}

#[test]
fn a_yearly_word_beside_days_makes_them_yearly_and_adds_no_31_december() {
    for text in [
        "Ежегодно, к Международному дню борьбы с коррупцией (9 декабря)",
        "ежегодно (9 декабря)",
        "Ежегодно; 9 декабря",
    ] {
        let understood = understand(text);
        let due: Vec<(NaiveDate, u8)> =
            understood.schedule.due_dates(2022).into_iter().map(|x| (x.date, x.reports_on.number)).collect();
        assert_eq!(due, [(d(9, 12, 2022), 4)], "{text}: {understood:?}");
    }
}
