//! The deadline grammar: any text gives a schedule or none, and any schedule due dates for
//! any year without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(schedule) = otchet::domain::deadline::parse(text) {
        for year in [2020, 2024, 1, 9999] {
            let _ = schedule.due_dates(year);
        }
    }
    let resolved = otchet::domain::Deadline::resolve(text, None);
    let _ = resolved.due_dates(2020);
});
