//! Bounded texts: one field holds at most `MAX_TEXT_BYTES`, checked at import, restore and
//! save with a message naming the item and the field; nothing is stored, and the store stays
//! readable (a text the frame limit would refuse to carry never gets in).

mod common;
mod formats_common;

use common::{Sandbox, assert_ok, sample_path, stderr, stdout};
use formats_common::text_report;
use otchet::domain::limits::MAX_TEXT_BYTES;

fn huge() -> String {
    "Проведено заседание комиссии. ".repeat(MAX_TEXT_BYTES / 40)
}

#[test]
fn an_import_with_a_cell_over_the_limit_is_refused_naming_it_and_nothing_changes() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    let before = stdout(&sb.run(&["status", "--json", "--as-of", "2020-04-13"]));
    let report = text_report(&[&["1.", "7.", "Мероприятие", "До 1 марта 2020 года", &huge(), "выполнено"]]);
    let file = sb.write("huge.txt", report.as_bytes());
    let out = sb.run(&["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains("huge.txt") && said.contains("в пункте 7") && said.contains("информация о реализации"),
        "{said}"
    );
    assert_eq!(stdout(&sb.run(&["status", "--json", "--as-of", "2020-04-13"])), before, "nothing was stored");
}

#[test]
fn a_restore_with_a_text_over_the_limit_is_refused_before_anything_is_written() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    let dump = sb.path().join("dump.json");
    assert_ok(&sb.run(&["export", "--format", "json", "--output", dump.to_str().unwrap()]));
    let mut value: serde_json::Value = serde_json::from_slice(&std::fs::read(&dump).unwrap()).unwrap();
    value["plans"][0]["periods"][0]["entries"][0]["entry"]["info"] = serde_json::Value::from(huge());
    let bad = sb.write("bad.json", serde_json::to_string(&value).unwrap().as_bytes());
    let fresh = Sandbox::new();
    let out = fresh.run(&["restore", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("информация о реализации"), "{}", stderr(&out));
    assert_eq!(fresh.run(&["status"]).status.code(), Some(2), "no store was made");
}

#[test]
fn a_save_over_the_limit_is_refused_and_the_saved_text_stays() {
    use otchet::domain::{EntryEdit, PeriodId};
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "20"]);
    sb.import_sample();
    let mut client = sb.client();
    let q1 = PeriodId::parse("2020-Q1").unwrap();
    let snapshot = client.snapshot(Some(q1)).unwrap().unwrap();
    let item = snapshot.items.iter().find(|i| i.point == "70.").unwrap().id;
    let before = client.entry(q1, item).unwrap().unwrap();
    let edit = EntryEdit { period: q1, item, base_revision: before.revision, info: huge(), assessment: String::new() };
    let err = client.save(edit).unwrap_err().to_string();
    assert!(err.contains("в пункте 70") && err.contains("информация о реализации"), "{err}");
    assert_eq!(client.entry(q1, item).unwrap().unwrap(), before);
}

#[test]
fn a_save_after_the_store_folder_was_removed_is_refused() {
    use otchet::domain::{EntryEdit, PeriodId};
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "20"]);
    sb.import_sample();
    let mut client = sb.client();
    let q1 = PeriodId::parse("2020-Q1").unwrap();
    let item = client.snapshot(Some(q1)).unwrap().unwrap().items[0].id;
    let base = client.entry(q1, item).unwrap().unwrap().revision;
    std::fs::remove_dir_all(sb.db()).unwrap();
    let edit =
        EntryEdit { period: q1, item, base_revision: base, info: "в никуда".into(), assessment: String::new() };
    let err = client.save(edit).expect_err("never acknowledged").to_string();
    assert!(err.contains("удалили или подменили"), "{err}");
}

/// A .docx whose document part is small packed and inflates past the reader's cap.
fn zip_bomb(sb: &Sandbox) -> std::path::PathBuf {
    use std::io::Write;
    let path = sb.path().join("bomb.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<?xml version=\"1.0\"?><Types/>").unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..260 {
        zip.write_all(&chunk).unwrap();
    }
    zip.finish().unwrap();
    path
}

#[test]
fn a_device_a_fifo_and_a_docx_that_inflates_past_the_cap_are_refused_and_the_store_stays() {
    let sb = Sandbox::new();
    assert_ok(&sb.run(&["import", sample_path().to_str().unwrap()]));
    let before = stdout(&sb.run(&["status", "--json", "--as-of", "2020-04-13"]));
    let fifo = sb.path().join("report.txt");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).unwrap();
    let bomb = zip_bomb(&sb);
    assert!(std::fs::metadata(&bomb).unwrap().len() < 4 << 20, "small packed");
    for (file, says) in
        [(std::path::PathBuf::from("/dev/zero"), "устройство"), (fifo, "это канал (FIFO)"), (bomb, "больше 256 МБ")]
    {
        let out = sb.run(&["import", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{}: {}", file.display(), stderr(&out));
        assert!(stderr(&out).contains(&*file.to_string_lossy()), "{}", stderr(&out));
        assert!(stderr(&out).contains(says), "wanted «{says}»: {}", stderr(&out));
        assert_eq!(stdout(&sb.run(&["status", "--json", "--as-of", "2020-04-13"])), before, "unchanged and readable");
    }
}
