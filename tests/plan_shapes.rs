//! Other administrations' documents (plans.md, "Documents of other shapes"): each shape in
//! `tests/fixtures/shapes/` goes through the built binary both as Word's text export and as
//! .docx, and both read alike.

mod common;
mod formats_common;

use common::{Sandbox, assert_ok, stderr, stdout};
use formats_common::shapes::Shape;
use formats_common::{content, import};
use serde_json::{Value, json};

const FORMATS: [&str; 2] = ["txt", "docx"];

/// The fixture written as `format` into the sandbox.
fn file(sb: &Sandbox, name: &str, format: &str) -> std::path::PathBuf {
    let shape = Shape::fixture(&format!("{name}.table"));
    let bytes = if format == "txt" { shape.txt().into_bytes() } else { shape.docx() };
    sb.write(&format!("{name}.{format}"), &bytes)
}

/// A store with the fixtures imported in order from files of `format`.
fn store_of(format: &str, names: &[&str]) -> Sandbox {
    let sb = Sandbox::new();
    for name in names {
        import(&sb, &file(&sb, name, format));
    }
    sb
}

/// The same fixtures imported as text and as .docx: the two stores hold the same.
fn both(names: &[&str]) -> Vec<Sandbox> {
    let stores: Vec<Sandbox> = FORMATS.iter().map(|f| store_of(f, names)).collect();
    assert_eq!(content(&stores[0]), content(&stores[1]), "{names:?}: the text export and the .docx read alike");
    stores
}

fn item<'a>(status: &'a Value, point: &str) -> &'a Value {
    status["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["point"] == point)
        .unwrap_or_else(|| panic!("no item {point}"))
}

fn points(status: &Value) -> Vec<String> {
    status["items"].as_array().unwrap().iter().map(|i| i["point"].as_str().unwrap().to_owned()).collect()
}

fn dues(item: &Value) -> Vec<(String, String)> {
    let due = item["deadline"]["due"].as_array().unwrap();
    due.iter().map(|d| (d["date"].as_str().unwrap().to_owned(), d["reports_on"].as_str().unwrap().to_owned())).collect()
}

fn flags(item: &Value) -> Vec<&str> {
    item["flags"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect()
}

#[test]
fn a_four_column_plan_imports_as_the_plan_itself() {
    for format in FORMATS {
        let sb = Sandbox::new();
        let out = sb.run(&["import", file(&sb, "plan-4-columns", format).to_str().unwrap()]);
        assert_ok(&out);
        let said = stdout(&out);
        assert!(said.contains("план на 2021–2024 годы, 8 пунктов"), "{format}: {said}");
        assert!(said.contains("otchet period open 20"), "{format}: the next step is named: {said}");

        let dump = content(&sb);
        let plan = &dump["plans"][0]["plan"];
        assert_eq!(plan["years"], json!({"first": 2021, "last": 2024}), "{format}");
        assert!(plan["approved_by"].as_str().unwrap().contains("от 28.12.2020 № 01-2450-а"), "{format}: {plan}");
        let sections: Vec<&str> =
            plan["sections"].as_array().unwrap().iter().map(|s| s["title"].as_str().unwrap()).collect();
        assert_eq!(sections, ["1. Организационные мероприятия", "2. Муниципальная служба и муниципальные закупки"]);
        let items = dump["plans"][0]["items"].as_array().unwrap();
        assert_eq!(items.len(), 8);
        assert_eq!(items[0]["point"], "1.1");
        assert_eq!(items[0]["responsible"], "Заместитель главы администрации; отдел кадров");
        assert_eq!(items[6]["deadline_text"].as_str().unwrap().matches("до 15").count(), 3);
        assert!(dump["plans"][0]["periods"].as_array().unwrap().is_empty(), "a plan has no period texts");

        let shown = sb.run(&["plan", "show"]);
        assert_ok(&shown);
        assert!(stdout(&shown).contains("2021–2024"), "{}", stdout(&shown));
        assert!(stdout(&shown).contains("8, разделов: 2"), "{}", stdout(&shown));
        let status = sb.run(&["status"]);
        assert_eq!(status.status.code(), Some(1));
        assert!(stderr(&status).contains("нет отчетных периодов"), "{}", stderr(&status));
    }
}

#[test]
fn a_plan_of_several_years_takes_a_report_of_each_year_and_of_its_span() {
    let names = ["plan-4-columns", "report-7-columns", "report-2022-q1", "report-span"];
    for sb in both(&names) {
        let dump = content(&sb);
        assert_eq!(dump["plans"].as_array().unwrap().len(), 1, "one plan");
        assert_eq!(dump["plans"][0]["items"].as_array().unwrap().len(), 8, "the reports' items are the plan's");
        let periods: Vec<String> = sb.run(&["period", "list"]).stdout.lines_of();
        assert!(periods.iter().any(|l| l.contains("2021-Q1")) && periods.iter().any(|l| l.contains("2022-Q1")));
        assert!(periods.iter().any(|l| l.contains("2021-2024")), "{periods:?}");

        let y2021 = sb.status_json(&["--period", "2021-Q1", "--as-of", "2021-04-20"]);
        let y2022 = sb.status_json(&["--period", "2022-Q1", "--as-of", "2022-04-20"]);
        assert_eq!(y2021["plan"]["years"], json!({"first": 2021, "last": 2024}));
        assert_eq!(y2022["plan"], y2021["plan"]);
        // Each year's schedule is taken in that year.
        assert_eq!(dues(item(&y2022, "1.2")), [("2022-02-01".to_owned(), "2022-Q1".to_owned())]);
        assert_eq!(dues(item(&y2021, "1.2")), [("2021-02-01".to_owned(), "2021-Q1".to_owned())]);
        let labelled = dues(item(&y2022, "2.4"));
        assert_eq!(
            labelled,
            [
                ("2022-04-15", "2022-Q1"),
                ("2022-07-15", "2022-Q2"),
                ("2022-10-15", "2022-Q3"),
                ("2022-12-25", "2022-Q4")
            ]
            .map(|(d, q)| (d.to_owned(), q.to_owned()))
        );
        assert!(dues(item(&y2022, "1.1")).iter().all(|(d, _)| d.starts_with("2022-")));
        assert_eq!(dues(item(&y2022, "2.3")), [("2022-06-30".to_owned(), "2022-Q2".to_owned())]);
        // Flags, year by year: 1.1 done in 2021 and overdue in 2022; 2.4 the other way round.
        assert_eq!(flags(item(&y2021, "1.1")), ["done"]);
        assert_eq!(flags(item(&y2022, "1.1")), ["overdue", "no_result"]);
        assert_eq!(flags(item(&y2021, "2.4")), ["overdue", "no_result"]);
        assert_eq!(flags(item(&y2022, "2.4")), ["done"]);
        // Responsible: the 2021 report's column replaced the plan's; the 2022 report had none.
        assert_eq!(item(&y2022, "1.1")["responsible"], "Заместитель главы администрации");
        assert_eq!(item(&y2022, "2.2")["responsible"], "Отдел информатизации");
        // A date after the plan's last year is kept and flagged.
        assert_eq!(item(&y2022, "2.5")["deadline"]["outside_plan"], json!([2025]));
        assert_eq!(item(&y2022, "1.2")["deadline"]["outside_plan"], json!([]));

        let span = sb.status_json(&["--period", "2021-2024", "--as-of", "2024-12-31"]);
        assert_eq!(span["period"]["id"], "2021-2024");
        assert_eq!(span["period"]["title"], "2021 – 2024 годы");
        let every_year: Vec<String> = dues(item(&span, "1.3")).into_iter().map(|(d, _)| d).collect();
        assert_eq!(every_year, ["2021-12-31", "2022-12-31", "2023-12-31", "2024-12-31"]);
        assert_eq!(flags(item(&span, "1.3")), ["done"]);
    }
}

trait Lines {
    fn lines_of(&self) -> Vec<String>;
}

impl Lines for Vec<u8> {
    fn lines_of(&self) -> Vec<String> {
        String::from_utf8_lossy(self).lines().map(str::to_owned).collect()
    }
}

#[test]
fn five_columns_without_a_point_take_the_number_as_the_point() {
    for sb in both(&["report-5-columns"]) {
        let s = sb.status_json(&["--as-of", "2022-07-10"]);
        assert_eq!(s["period"]["id"], "2022-Q2");
        assert_eq!(points(&s), ["1", "2", "3", "4"]);
        assert_eq!(item(&s, "1")["info"], "Проведена экспертиза 42 проектов.\nКоррупциогенных факторов не выявлено.");
        assert_eq!(item(&s, "2")["assessment"], "выполнено");
        assert_eq!(item(&s, "3")["deadline"]["kind"], "fixed");
        assert_eq!(s["plan"]["years"], json!({"first": 2022, "last": 2022}));
    }
}

#[test]
fn seven_columns_bring_the_responsible_and_select_by_them() {
    for sb in both(&["report-7-columns"]) {
        let s = sb.status_json(&["--as-of", "2021-04-20"]);
        assert_eq!(points(&s).len(), 8);
        assert_eq!(item(&s, "1.1")["responsible"], "Заместитель главы администрации");
        assert_eq!(item(&s, "1.1")["title"], "Проведение заседаний комиссии по противодействию коррупции");
        assert_eq!(item(&s, "1.1")["deadline"]["kind"], "recurring");
        let cadres = sb.status_json(&["--as-of", "2021-04-20", "--responsible", "ОТДЕЛ  КАДРОВ"]);
        assert_eq!(points(&cadres), ["1.2", "1.3", "2.1", "2.5"]);

        let me = nix::unistd::User::from_uid(nix::unistd::getuid()).unwrap().unwrap().name;
        let linked = sb.run(&["users", "add", &me, "--role", "admin", "--responsible", "Юридический отдел"]);
        assert_ok(&linked);
        assert_eq!(points(&sb.status_json(&["--as-of", "2021-04-20", "--mine"])), ["2.3"]);
    }
}

#[test]
fn swapped_columns_are_read_by_their_captions() {
    for sb in both(&["report-swapped"]) {
        let s = sb.status_json(&["--as-of", "2023-04-10"]);
        let first = item(&s, "1");
        assert_eq!(first["title"], "Утверждение плана работы комиссии");
        assert_eq!(first["deadline_text"], "до 1 марта 2023 года");
        assert_eq!(dues(first), [("2023-03-01".to_owned(), "2023-Q1".to_owned())]);
        assert_eq!(item(&s, "2")["deadline"]["kind"], "recurring");
        assert_eq!(item(&s, "3")["deadline"]["kind"], "continuous");
    }
}

#[test]
fn extra_columns_are_kept_shown_and_written_back() {
    for sb in both(&["report-financing"]) {
        let s = sb.status_json(&["--as-of", "2022-07-10"]);
        assert_eq!(s["period"]["id"], "2022-H1");
        assert_eq!(s["plan"]["years"], json!({"first": 2022, "last": 2023}));
        let second = item(&s, "2");
        assert_eq!(second["responsible"], "Отдел кадров");
        assert_eq!(
            second["extra"],
            json!({
                "Ожидаемый результат": "Обучено не менее 2 служащих",
                "Объем финансирования, тыс. руб.: 2022": "30,0",
                "Объем финансирования, тыс. руб.: 2023": "32,5",
            })
        );
        for format in ["txt", "docx"] {
            let path = formats_common::export(&sb, format, &format!("again.{format}"));
            let other = Sandbox::new();
            import(&other, &path);
            assert_eq!(other.status_json(&["--as-of", "2022-07-10"]), s, "{format} export reads back the same");
        }
        for format in ["csv", "html"] {
            let path = formats_common::export(&sb, format, &format!("site.{format}"));
            let text = std::fs::read_to_string(path).unwrap();
            assert!(text.contains("Объем финансирования, тыс. руб.: 2023"), "{format}");
            assert!(text.contains("32,5") && text.contains("Обучено не менее 2 служащих"), "{format}");
        }
    }
}

#[test]
fn a_table_without_a_deadline_column_is_refused_naming_its_captions() {
    for format in FORMATS {
        let sb = Sandbox::new();
        let out = sb.run(&["import", file(&sb, "report-no-deadline", format).to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{format}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(&format!("report-no-deadline.{format}")), "{err}");
        assert!(
            err.contains(
                "в таблице 5 столбцов: «№ п/п», «Мероприятие», «Ответственные», «Информация о реализации», «Оценка»; не найден столбец срока исполнения"
            ),
            "{format}: {err}"
        );
        assert_eq!(sb.run(&["status"]).status.code(), Some(2), "no store was created");
    }
}

#[test]
fn sections_and_nested_points() {
    for sb in both(&["plan-sections-nested"]) {
        assert_ok(&sb.run(&["period", "open", "2023-Q1"]));
        let s = sb.status_json(&["--as-of", "2023-04-10"]);
        assert_eq!(points(&s), ["1", "1.1", "1.1.1", "2", "2.1"]);
        assert_eq!(item(&s, "1.1.1")["responsible"], "Юридический отдел");
        assert_eq!(item(&s, "2.1")["extra"], json!({"Ожидаемый результат": "Открытость"}));
        assert_eq!(item(&s, "2")["deadline"]["outside_plan"], json!([2024]), "25.01.2024 is after the 2023 plan");
        let dump = content(&sb);
        let sections: Vec<(u64, &str)> = dump["plans"][0]["plan"]["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["before"].as_u64().unwrap(), s["title"].as_str().unwrap()))
            .collect();
        assert_eq!(
            sections,
            [
                (1, "Задача 1. Совершенствование правовых основ противодействия коррупции"),
                (4, "Задача 2. Информационная открытость")
            ]
        );
    }
}
