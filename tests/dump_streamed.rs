//! Whole-store and whole-period work travels in parts (protocol 10): the server sends a
//! dump a frame of parts at a time ahead of its last, takes a restore's parts after its
//! request, and sends `status --json`'s output a part at a time, so that it never
//! holds a whole store. A restore whose connection drops, or whose part is refused, leaves
//! the store empty and ready for the next.

mod common;

use common::Sandbox;
use common::server::{answer, greeted, numbered_report, q1, send};
use otchet::domain::Report;
use otchet::model::{DumpAssembler, DumpPart, StoreDump, in_runs};
use otchet::proto::{ApiError, BadRequest, Request, Response};

fn report(rows: usize) -> Report {
    numbered_report(rows, |i| format!("Сделано {i}: ") + &"проведено совещание, принято решение; ".repeat(20))
}

/// A store of 3,000 items with their texts (about 3 MB), dumped.
fn stored_dump() -> StoreDump {
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "30"]);
    let mut owner = sb.client();
    owner.import(report(3000)).unwrap();
    owner.dump().unwrap()
}

/// The dump's parts, in frames of `LoadDumpParts`.
fn frames(dump: StoreDump) -> Vec<Vec<DumpPart>> {
    in_runs(dump.into_parts(), DumpPart::weight)
}

#[test]
fn a_dump_comes_in_several_frames_ahead_of_its_last() {
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "30"]);
    let mut owner = sb.client();
    owner.import(report(3000)).unwrap();
    let mut stream = greeted(&sb);
    send(&mut stream, Request::Dump);
    let (mut ahead, mut assembler) = (0, DumpAssembler::default());
    loop {
        match answer(&mut stream) {
            Response::DumpParts { parts, last } => {
                parts.into_iter().for_each(|p| assembler.add(p));
                if last {
                    break;
                }
                ahead += 1;
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(ahead >= 2, "3 MB of texts in frames of about 1 MiB: {ahead} ahead of the last");
    let dump = assembler.finish();
    assert_eq!(dump.plans[0].periods[0].entries.len(), 3000);
    assert_eq!(dump, owner.dump().unwrap(), "the client puts the same dump together");
    send(&mut stream, Request::Whoami);
    assert!(matches!(answer(&mut stream), Response::Whoami { .. }), "the connection goes on");
}

#[test]
fn a_restore_whose_connection_drops_between_parts_leaves_the_store_empty_and_restorable() {
    let dump = stored_dump();
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "30"]);
    let mut owner = sb.client();
    owner.whoami().unwrap();
    let frames = frames(dump.clone());
    assert!(frames.len() > 3, "{} frames", frames.len());
    let mut stream = greeted(&sb);
    let more = u32::try_from(frames.len()).unwrap();
    send(&mut stream, Request::LoadDump { parts: Vec::new(), more });
    for parts in frames.into_iter().take(3) {
        send(&mut stream, Request::LoadDumpParts { parts });
    }
    drop(stream);
    // The next restore waits for the take-back, and finds the store empty.
    owner.load_dump(dump).unwrap();
    assert_eq!(owner.list(Some(q1())).unwrap().unwrap().items.len(), 3000);
}

#[test]
fn a_refused_restore_part_names_its_fault_and_the_connection_goes_on() {
    let mut dump = stored_dump();
    dump.plans[0].periods[0].entries[2500].entry.info = "я".repeat(otchet::domain::limits::MAX_TEXT_BYTES);
    let point = dump.plans[0].items.iter().find(|i| i.id == dump.plans[0].periods[0].entries[2500].item).unwrap();
    let point = point.point.clone();
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "30"]);
    sb.client().whoami().unwrap();
    let frames = frames(dump.clone());
    let mut stream = greeted(&sb);
    send(&mut stream, Request::LoadDump { parts: Vec::new(), more: u32::try_from(frames.len()).unwrap() });
    for parts in frames {
        send(&mut stream, Request::LoadDumpParts { parts });
    }
    match answer(&mut stream) {
        Response::Error(ApiError::BadRequest { reason: BadRequest::TextTooLong { point: named, field, .. } }) => {
            assert_eq!((named, field.as_str()), (point, "info"));
        }
        other => panic!("{other:?}"),
    }
    send(&mut stream, Request::Plans);
    assert_eq!(answer(&mut stream), Response::Plans(Vec::new()), "nothing was written");
    send(&mut stream, Request::LoadDumpParts { parts: Vec::new() });
    assert_eq!(answer(&mut stream), Response::Error(ApiError::BadRequest { reason: BadRequest::PartAlone }));
    // Parts out of a dump's order: a plan before the head.
    let mut parts: Vec<DumpPart> = dump.into_parts().into_iter().take(2).collect();
    parts.swap(0, 1);
    send(&mut stream, Request::LoadDump { parts, more: 0 });
    let out_of_order = otchet::model::DumpProblem::PartOutOfOrder;
    assert_eq!(
        answer(&mut stream),
        Response::Error(ApiError::BadRequest { reason: BadRequest::BadDump(out_of_order) })
    );
}

/// The first part of `status --json` for `2020-Q1` as of 10.04.2020, and whether it is the last.
fn status_json(client: &mut otchet::client::Client) -> (Option<Vec<u8>>, bool) {
    let dates = (chrono::NaiveDate::from_ymd_opt(2020, 4, 10), chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap());
    client.status_json(Some(q1()), dates, Default::default(), None).unwrap()
}

#[test]
fn status_json_of_a_large_period_comes_in_parts_with_every_text() {
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "30"]);
    let mut owner = sb.client();
    let mut document = report(3000);
    // Some items without an entry's text, between others with one.
    for row in document.rows.iter_mut().step_by(7) {
        row.info.clear();
    }
    owner.import(document).unwrap();
    let snapshot = owner.snapshot(Some(q1())).unwrap().unwrap();
    // Streamed: the parts come ahead of the last, and together are the command's output.
    let (first, mut last) = status_json(&mut owner);
    let first = first.expect("a plan is stored");
    assert!(!last && first.len() < 3 << 20, "a part of {} bytes", first.len());
    let mut streamed = first.clone();
    let mut parts = 1;
    while !last {
        let (part, is_last) = owner.more_json().unwrap();
        streamed.extend(part);
        (last, parts) = (is_last, parts + 1);
    }
    assert!(parts > 2, "{parts} parts");
    let out = sb.run(&["status", "--json", "--period", "2020-Q1", "--as-of", "2020-04-10"]);
    assert_eq!(String::from_utf8(streamed).unwrap(), String::from_utf8(out.stdout).unwrap());
    // Given up half way, the next call is answered on a new connection.
    assert!(!status_json(&mut owner).1);
    owner.abandon();
    assert_eq!(status_json(&mut owner).0, Some(first));
    owner.abandon();
    let json = sb.status_json(&["--period", "2020-Q1", "--as-of", "2020-04-10"]);
    let items = json["items"].as_array().unwrap();
    assert_eq!(items.len(), 3000);
    let entries: std::collections::HashMap<_, _> = snapshot.entries.iter().cloned().collect();
    for (shown, item) in items.iter().zip(&snapshot.items) {
        let info = entries.get(&item.id).map_or("", |e| e.info.as_str());
        assert_eq!((shown["point"].as_str().unwrap(), shown["info"].as_str().unwrap()), (item.point_label(), info));
    }
}
