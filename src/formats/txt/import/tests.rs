use super::*;

const HEADER: &str = "ОТЧЕТ\n\nоб исполнении плана\n\n\tАдминистрация\n\n\t(наименование органа местного самоуправления)\n\n\tI квартал 2020 года\n\n\t(отчетный период)\n\n\tПостановление №1\n\n\t(реквизиты и наименование правового акта)\n\n\n";
const CAPTIONS: &str = "\t№\n\nп/п\n\tНомер пункта Плана\n\tНаименование\n\tСрок\n\tИнформация\n\tОценка\n\n\t1\n\t2\n\t3\n\t4\n\t5\n\t6\n\n";

fn doc(rows: &str) -> String {
    format!("{HEADER}{CAPTIONS}{rows}")
}

fn parse(text: &str) -> Result<Report, ImportError> {
    parse_report(Path::new("отчет.txt"), text.as_bytes())
}

#[test]
fn reads_header_and_rows_keeping_paragraphs() {
    let r = parse(&doc(
        "\t1.\n\t1.\n\tАнализ актов\n\n\n\tВ течение года\n\tПервый абзац\n\nВторой абзац\n\tвыполняется\n\n\t2. \n\t2.1\n\tЕще\n\tЕжеквартально\n\t\n\t\n\n",
    ))
    .unwrap();
    assert_eq!(r.title_lines, vec!["ОТЧЕТ", "об исполнении плана"]);
    assert_eq!(r.organisation, "Администрация");
    assert_eq!(r.period.map(|p| p.to_string()).as_deref(), Some("2020-Q1"));
    assert_eq!(r.period_title, "I квартал 2020 года");
    assert_eq!(r.approved_by, "Постановление №1");
    assert_eq!(r.rows.len(), 2);
    assert_eq!(r.rows[0].title, "Анализ актов");
    assert_eq!(r.rows[0].info, "Первый абзац\n\nВторой абзац");
    assert_eq!(r.rows[1].seq, "2.");
    assert_eq!(r.rows[1].point, "2.1");
    assert_eq!(r.rows[1].assessment, "");
}

#[test]
fn a_short_row_names_its_line_and_the_cell_count() {
    let err = parse(&doc("\t1.\n\t1.\n\tА\n\tВ течение года\n\tИнфо\n\n\t2.\n\t2.\n\tБ\n\tСрок\n\tИнфо\n\tОценка\n\n"))
        .unwrap_err();
    assert_eq!(err.line, Some(HEADER.lines().count() + CAPTIONS.lines().count() + 1));
    assert_eq!(err.problem, Problem::RowCells { found: 5, expected: 6 });
    crate::i18n::set_lang(crate::i18n::Lang::Ru);
    let text = err.to_string();
    assert!(text.starts_with("отчет.txt: строка "), "{text}");
    assert!(text.ends_with("в строке 5 ячеек, а в таблице 6 столбцов"), "{text}");
}

#[test]
fn a_truncated_last_row_and_extra_cells_are_refused() {
    let err = parse(&doc("\t1.\n\t1.\n\tА\n\tСрок\n")).unwrap_err();
    assert_eq!(err.problem, Problem::RowCells { found: 4, expected: 6 });
    let err =
        parse(&doc("\t1.\n\t1.\n\tА\n\tСрок\n\tИнфо\n\tОценка\n\t\n\t\n\t2.\n\t2.\n\tБ\n\tСрок\n\tИнфо\n\tОценка\n"))
            .unwrap_err();
    assert_eq!(err.problem, Problem::RowCells { found: 8, expected: 6 });
}

#[test]
fn a_lone_cell_between_rows_is_a_section_heading() {
    let r = parse(&doc(
        "\tОрганизационные меры\n\n\t1.\n\t1.\n\tА\n\tСрок\n\tИнфо\n\tОценка\n\n\tРаздел 2. Контроль\n\n\t2.\n\t2.\n\tБ\n\tСрок\n\tИнфо\n\tОценка\n\n",
    ))
    .unwrap();
    assert_eq!(r.rows.len(), 2);
    assert_eq!(r.sections, vec![(0, "Организационные меры".to_owned()), (1, "Раздел 2. Контроль".to_owned())]);
}

#[test]
fn missing_parts_are_named() {
    assert_eq!(parse("").unwrap_err().problem, Problem::Empty);
    assert_eq!(
        parse(&format!("{CAPTIONS}\t1.\n\t1.\n\tА\n\tСрок\n\tИнфо\n\tОценка\n")).unwrap_err().problem,
        Problem::NoPeriod
    );
    assert_eq!(parse(HEADER).unwrap_err().problem, Problem::NoTable);
    assert_eq!(parse(&doc("")).unwrap_err().problem, Problem::NoItems);
    let bad_period = doc("\t1.\n\t1.\n\tА\n\tСрок\n\tИнфо\n\tОценка\n").replace("I квартал 2020 года", "весна");
    let err = parse(&bad_period).unwrap_err();
    assert_eq!(err.problem, Problem::UnknownPeriod("весна".into()));
    assert_eq!(err.line, Some(9));
    let dup = doc("\t1.\n\t1.\n\tА\n\tСрок\n\tИнфо\n\tОценка\n\t2.\n\t1.\n\tБ\n\tСрок\n\tИнфо\n\tОценка\n");
    assert!(matches!(parse(&dup).unwrap_err().problem, Problem::DuplicatePoint { .. }));
}

#[test]
fn merged_rows_numbered_like_sections_and_in_a_row_are_headings() {
    let r = parse(&doc(
        "\tРаздел I. Общие меры\n\n\t1. Организационные меры\n\n\t1.\n\t1.\n\tА\n\tСрок\n\tИнфо\n\tОценка\n\n\t2. Контроль\n\n\t2.\n\t2.\n\tБ\n\tСрок\n\tИнфо\n\tОценка\n\n",
    ))
    .unwrap();
    assert_eq!(r.rows.len(), 2);
    assert_eq!(
        r.sections,
        vec![
            (0, "Раздел I. Общие меры".to_owned()),
            (0, "1. Организационные меры".to_owned()),
            (1, "2. Контроль".to_owned())
        ]
    );
}

#[test]
fn a_seventh_cell_is_not_taken_for_a_heading() {
    let err = parse(&doc(
        "\t1.\n\t1.\n\tА\n\tСрок\n\tИнфо\n\tОценка\n\tлишняя\n\n\t2.\n\t2.\n\tБ\n\tСрок\n\tИнфо\n\tОценка\n\n",
    ))
    .unwrap_err();
    assert_eq!(err.problem, Problem::RowCells { found: 7, expected: 6 });
}
