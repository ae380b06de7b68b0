//! Word's text export of the report table: any bytes give a report or an import error.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = otchet::formats::txt::parse_report(Path::new("fuzz.txt"), data);
});
