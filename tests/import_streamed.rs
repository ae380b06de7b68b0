//! A report's rows reach the server in parts after the report itself (protocol 9): a
//! connection that drops part way writes nothing, and a part the server refuses is read to
//! its end, so the connection answers its next request.

mod common;

use common::Sandbox;
use common::server::{answer, greeted, numbered_report, q1, send};
use otchet::domain::Report;
use otchet::proto::{ApiError, BadRequest, Request, Response, StoreFault};

fn report(rows: usize) -> Report {
    numbered_report(rows, |i| format!("Сделано {i}"))
}

#[test]
fn an_import_whose_connection_drops_between_parts_writes_nothing() {
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "30"]);
    let mut owner = sb.client();
    owner.whoami().unwrap();
    let mut document = report(3000);
    let parts = document.take_rows(64 << 10);
    assert!(parts.len() > 3, "{} parts", parts.len());
    let mut stream = greeted(&sb);
    let count = u32::try_from(parts.len()).unwrap();
    send(&mut stream, Request::Import { report: Box::new(document), replace_edited: false, parts: count });
    for rows in parts.into_iter().take(3) {
        send(&mut stream, Request::ImportRows { rows });
    }
    // Some 2,000 rows in: their batches are committed when the client goes.
    drop(stream);
    // The next import waits for the take-back; an item left behind would be matched, not added.
    let outcome = owner.import(report(3000)).unwrap();
    assert_eq!((outcome.items_added, outcome.entries_changed), (3000, 3000));
    assert_eq!(owner.list(Some(q1())).unwrap().unwrap().items.len(), 3000);
}

#[test]
fn a_refused_part_is_read_to_the_end_and_the_connection_goes_on() {
    let sb = Sandbox::new();
    let _server = sb.start_server(&["--idle-timeout", "30"]);
    sb.client().whoami().unwrap();
    let mut document = report(10);
    document.rows[7].info = "я".repeat(otchet::domain::limits::MAX_TEXT_BYTES);
    let parts = document.take_rows(1);
    assert_eq!(parts.len(), 10);
    let mut stream = greeted(&sb);
    send(&mut stream, Request::Import { report: Box::new(document), replace_edited: false, parts: 10 });
    for rows in parts {
        send(&mut stream, Request::ImportRows { rows });
    }
    match answer(&mut stream) {
        Response::Error(ApiError::BadRequest { reason: BadRequest::TextTooLong { point, field, .. } }) => {
            assert_eq!((point.as_str(), field.as_str()), ("8.", "info"));
        }
        other => panic!("{other:?}"),
    }
    send(&mut stream, Request::List { period: Some(q1()) });
    let unknown = Response::Error(ApiError::Store(StoreFault::UnknownPeriod { period: "2020-Q1".into() }));
    assert_eq!(answer(&mut stream), unknown, "nothing was written, the next request is answered");
    send(&mut stream, Request::ImportRows { rows: Vec::new() });
    assert_eq!(answer(&mut stream), Response::Error(ApiError::BadRequest { reason: BadRequest::PartAlone }));
}
