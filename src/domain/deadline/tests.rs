use super::*;

fn d(day: u32, month: u32, year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// (date, reports_on quarter number within 2020) pairs for a text, or None if unknown.
fn dues(text: &str) -> Option<Vec<(NaiveDate, u8)>> {
    let s = parse(text)?;
    Some(s.due_dates(2020).into_iter().map(|x| (x.date, x.reports_on.number)).collect())
}

fn kind(text: &str) -> DeadlineKind {
    parse(text).map_or(DeadlineKind::Unknown, |s| s.kind())
}

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
    let end = Some(vec![(d(31, 3, 2020), 1), (d(30, 6, 2020), 2), (d(30, 9, 2020), 3), (d(31, 12, 2020), 4)]);
    assert_eq!(dues("Ежеквартально"), end);
    assert_eq!(dues("Не реже 1 раза в квартал по отдельному плану"), end);
    assert_eq!(dues("один раз в квартал"), end);
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
    assert_eq!(dues("Ежеполугодно"), Some(vec![(d(30, 6, 2020), 2), (d(31, 12, 2020), 4)]));
    assert_eq!(dues("1 раз в полугодие"), dues("Ежеполугодно"));
    assert_eq!(
        dues("ежеполугодно, до 10 числа месяца, следующего за отчетным периодом"),
        Some(vec![(d(10, 7, 2020), 2), (d(10, 1, 2021), 4)])
    );
    assert_eq!(dues("Ежегодно"), Some(vec![(d(31, 12, 2020), 4)]));
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
    ] {
        assert_eq!(kind(text), DeadlineKind::Event, "{text}");
        assert_eq!(dues(text), Some(vec![]), "{text}");
    }
}

#[test]
fn mixed_clauses_are_a_union() {
    let text = "До 01 декабря 2020г.\n\nЕжеквартально, до 05 числа месяца, следующего за отчетным периодом\n\nДо 31 декабря 2020 года";
    assert_eq!(kind(text), DeadlineKind::Mixed);
    let due = dues(text).unwrap();
    assert_eq!(due.len(), 6);
    assert!(due.contains(&(d(1, 12, 2020), 4)) && due.contains(&(d(31, 12, 2020), 4)));
    assert_eq!(kind("По мере необходимости, но не реже 1 раза в квартал"), DeadlineKind::Mixed);
    assert_eq!(kind("В течение года (по мере необходимости)"), DeadlineKind::Mixed);
    // Repeated dates are listed once.
    let repeated = "Ежеквартально, до 15 числа последнего месяца отчетного квартала\n\nДо 30 декабря 2020 года\n\nДо 30 декабря 2020 года";
    assert_eq!(dues(repeated).unwrap().len(), 5);
}

#[test]
fn anything_else_is_unknown_never_a_guess() {
    for text in [
        "",
        "   ",
        "Согласно графику",
        "2 раза в год",
        "до 31 июня 2020 года",
        "Ежеквартально, кроме III квартала",
        "до 45 числа месяца, следующего за отчетным периодом",
        "до 05 числа месяца, следующего за отчетным",
        "2020",
        "по мере",
    ] {
        if text == "по мере" {
            assert_eq!(kind(text), DeadlineKind::Event);
            continue;
        }
        assert_eq!(kind(text), DeadlineKind::Unknown, "{text:?}");
    }
}

#[test]
fn hand_set_schedule_wins_over_the_text() {
    let hand = parse("до 01.12.2020").unwrap();
    let resolved = Deadline::resolve("Согласно графику", Some(&hand));
    assert_eq!(resolved.kind(), DeadlineKind::Fixed);
    assert_eq!(Deadline::resolve("Согласно графику", None), Deadline::Unknown);
}
