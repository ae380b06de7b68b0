//! The xlsx export read back (calamine) and its XML checked: the sample's 72 items with the
//! texts `status --json` has, points as text, the header frozen and printed on every page,
//! wrapped cells, merged title rows, landscape A4 fit to width, marks in Russian.

mod common;
mod formats_common;

use calamine::{Data, Reader, Xlsx};
use common::{assert_ok, stdout};
use formats_common::{export, part, sample_store};
use serde_json::Value;

fn rows(path: &std::path::Path) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let range = book.worksheet_range("Отчет").unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => panic!("every cell is text, found {other:?}"),
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_sample_as_xlsx_holds_every_item_as_status_has_it() {
    let sb = sample_store();
    let path = export(&sb, "xlsx", "report.xlsx");
    let rows = rows(&path);
    let numbers = rows.iter().position(|r| r.first().is_some_and(|c| c == "1") && r[1] == "2").expect("the 1…N row");
    assert_eq!(rows[numbers - 1][1], "Номер пункта Плана");
    assert_eq!(rows[numbers - 1][6], "Отметки");
    assert!(rows.iter().any(|r| r[0] == "По состоянию на 13.04.2020"), "the as-of date");
    assert!(rows.iter().any(|r| r[0] == "Администрация Серовского городского округа"));
    let items: Vec<&Vec<String>> = rows[numbers + 1..].iter().filter(|r| !r[1].is_empty()).collect();
    assert_eq!(items.len(), 72);

    let out = sb.run(&["status", "--json", "--period", "2020-Q1", "--as-of", "2020-04-13"]);
    assert_ok(&out);
    let status: Value = serde_json::from_str(&stdout(&out)).unwrap();
    for (row, item) in items.iter().zip(status["items"].as_array().unwrap()) {
        assert_eq!(row[1].trim_end_matches('.'), item["point"].as_str().unwrap(), "points as text");
        assert_eq!(row[2], item["title"].as_str().unwrap());
        assert_eq!(row[4], item["info"].as_str().unwrap());
        assert_eq!(row[5], item["assessment"].as_str().unwrap());
    }
    let marks_of = |point: &str| items.iter().find(|r| r[1] == format!("{point}.")).unwrap()[6].clone();
    assert_eq!(marks_of("70"), "просрочено, нет результата");
    assert_eq!(marks_of("14"), "выполнено");
}

#[test]
fn the_xlsx_is_laid_out_as_a_printed_report() {
    let sb = sample_store();
    let bytes = std::fs::read(export(&sb, "xlsx", "layout.xlsx")).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"state="frozen""#), "the header is frozen");
    assert!(sheet.contains(r#"orientation="landscape""#) && sheet.contains(r#"paperSize="9""#), "A4 landscape");
    assert!(sheet.contains(r#"fitToHeight="0""#) && sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"), "fit to width");
    assert!(sheet.contains("<mergeCell ref=\"A1:G1\"/>"), "the title row is merged across the table");
    assert!(sheet.contains("&amp;P") && sheet.contains("&amp;N"), "page numbers in the footer");
    let workbook = part(&bytes, "xl/workbook.xml");
    assert!(workbook.contains("_xlnm.Print_Titles"), "the header rows repeat on every page");
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains(r#"wrapText="1""#), "wrapped text");
    assert!(sheet.contains(r#"customHeight="1""#), "rows sized for their wrapped text");
}
