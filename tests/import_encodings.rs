//! The same report as UTF-8, UTF-8 with BOM, windows-1251 and with CRLF line ends gives
//! the identical store content.

mod common;

use common::{Sandbox, assert_ok, sample_bytes};
use otchet::domain::Stamp;
use otchet::store::{Store, StoreOptions};

/// Everything the store holds, with the import time left out.
fn dump(sb: &Sandbox) -> String {
    // The server the import started lets go of the store first.
    assert_ok(&sb.run(&["serve", "--stop"]));
    let store = Store::open(&sb.db(), &StoreOptions::default()).unwrap();
    let mut out = String::new();
    for plan in store.plans().unwrap() {
        out += &format!("{plan:?}\n");
        for item in store.items(plan.id).unwrap() {
            out += &format!("{item:?}\n");
        }
    }
    for period in store.periods().unwrap() {
        out += &format!("{period:?}\n");
        for (id, mut entry) in store.entries(period.id).unwrap() {
            entry.changed_at = Stamp(0);
            out += &format!("{id:?} {entry:?}\n");
            for mut rev in store.history(period.id, id).unwrap() {
                rev.at = Stamp(0);
                out += &format!("  {rev:?}\n");
            }
        }
    }
    out
}

fn import(bytes: &[u8], name: &str) -> String {
    let sb = Sandbox::new();
    let file = sb.write(name, bytes);
    assert_ok(&sb.run(&["import", file.to_str().unwrap()]));
    dump(&sb)
}

#[test]
fn encodings_and_line_ends_do_not_matter() {
    let utf8 = sample_bytes();
    let text = String::from_utf8(utf8.clone()).unwrap();
    let (cp1251, _, unmappable) = encoding_rs::WINDOWS_1251.encode(&text);
    assert!(!unmappable, "the sample is representable in windows-1251");
    let crlf = text.replace('\n', "\r\n").into_bytes();
    let bom = [b"\xEF\xBB\xBF".as_slice(), &utf8].concat();
    let cp1251_crlf = encoding_rs::WINDOWS_1251.encode(&text.replace('\n', "\r\n")).0.into_owned();

    let reference = import(&utf8, "utf8.txt");
    assert!(reference.lines().count() > 72 * 2, "the dump holds the items and entries");
    assert_eq!(import(&cp1251, "cp1251.txt"), reference, "windows-1251");
    assert_eq!(import(&crlf, "crlf.txt"), reference, "CRLF");
    assert_eq!(import(&bom, "bom.txt"), reference, "BOM");
    assert_eq!(import(&cp1251_crlf, "cp1251-crlf.txt"), reference, "windows-1251 with CRLF");
}
