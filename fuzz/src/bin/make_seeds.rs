//! Writes the seed corpora into fuzz/seeds/<target>/ from the bundled sample: the text
//! export itself, the sample exported as .docx (whole, and its document.xml), every
//! deadline text of the sample, and frames of each kind. Run from fuzz/:
//! `cargo run --bin make_seeds`.

use std::path::Path;

use otchet::client::{Client, LocalTransport};
use otchet::domain::{Actor, EntryEdit, ItemId, PeriodId};
use otchet::formats::{ExportFormat, ExportInput, PeriodExport, export, txt};
use otchet::proto::frame::{self, Frame, FrameBody};
use otchet::proto::{Event, Request, Response};
use otchet::server::Service;
use otchet::store::{Store, StoreOptions};

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = root.join("seeds");
    let sample_path = root.join("../samples/serov-2020-q1.txt");
    let sample = std::fs::read(&sample_path).unwrap();

    // Text import: the sample, and its start (header, captions, a few rows) for fast mutation.
    let dir = seeds.join("txt_import");
    write(&dir, "serov.txt", &sample);
    let text = String::from_utf8(sample.clone()).unwrap();
    let cut = text.find("\n\t6. ").unwrap_or(text.len());
    write(&dir, "serov-head.txt", &text.as_bytes()[..cut + 1]);
    let crlf = text[..cut + 1].replace('\n', "\r\n");
    write(&dir, "serov-head-crlf.txt", crlf.as_bytes());

    // The deadline texts of the sample, one per file, without repeats.
    let report = txt::parse_report(&sample_path, &sample).unwrap();
    let dir = seeds.join("deadline");
    let mut seen = std::collections::BTreeSet::new();
    for row in &report.rows {
        if seen.insert(row.deadline_text.clone()) {
            write(&dir, &format!("{:03}", seen.len()), row.deadline_text.as_bytes());
        }
    }

    // The sample through a store, exported as .docx.
    let store_dir = tempfile_dir();
    let store = Store::open(&store_dir, &StoreOptions::default()).unwrap();
    let actor = Actor { uid: 1000, name: "ivanova".into() };
    let mut client = Client::new(Box::new(LocalTransport::new(Service::new(store), actor.clone())));
    client.import(report.clone()).unwrap();
    let snapshot = client.snapshot(None).unwrap().unwrap();
    let rules = otchet::domain::FlagRules::default();
    let as_of = chrono::NaiveDate::from_ymd_opt(2020, 4, 13).unwrap();
    let docx =
        export(ExportFormat::Docx, &ExportInput::Period(PeriodExport { snapshot: &snapshot, as_of, rules: &rules }))
            .unwrap();
    let dir = seeds.join("docx_import");
    write(&dir, "serov-docx", &[&[0u8][..], &docx].concat());
    let xml = document_xml(&docx);
    let small = xml_head(&xml);
    write(&dir, "serov-document-xml-head", &[&[1u8][..], small.as_bytes()].concat());
    // Control characters in a cell travel as otchet's own w:sym runs.
    let mut hostile = snapshot.clone();
    if let Some((_, entry)) = hostile.entries.first_mut() {
        entry.info = format!("\x1b[31m{}\x07\r", entry.info);
    }
    let docx =
        export(ExportFormat::Docx, &ExportInput::Period(PeriodExport { snapshot: &hostile, as_of, rules: &rules }))
            .unwrap();
    let controls = xml_head(&document_xml(&docx));
    write(&dir, "serov-document-xml-controls", &[&[1u8][..], controls.as_bytes()].concat());

    // Frames: a handshake, requests, responses and events, each alone, and a conversation.
    let q1 = PeriodId::parse("2020-Q1").unwrap();
    let edit = EntryEdit {
        period: q1,
        item: ItemId(69),
        base_revision: 3,
        info: "Проведено заседание комиссии.\n\nПротокол № 2".into(),
        assessment: "выполнено".into(),
    };
    let mut small_snapshot = snapshot.clone();
    small_snapshot.items.truncate(3);
    small_snapshot.entries.truncate(3);
    let frames = [
        FrameBody::Hello { program: "0.1.0".into() },
        FrameBody::Welcome { program: "0.1.0".into() },
        FrameBody::Stop { program: "0.1.0".into() },
        FrameBody::Request(Request::Whoami),
        FrameBody::Request(Request::Snapshot { period: Some(q1) }),
        FrameBody::Request(Request::Save { edit: edit.clone() }),
        FrameBody::Request(Request::Dump),
        FrameBody::Response(Response::Snapshot(Some(Box::new(small_snapshot)))),
        FrameBody::Response(Response::Whoami { actor, role: otchet::domain::Role::Editor }),
        FrameBody::Event(Event::Reload),
        FrameBody::Event(Event::Editing { period: q1, item: ItemId(2), users: vec!["petrova".into()] }),
    ];
    let dir = seeds.join("frame");
    let mut conversation = Vec::new();
    for (i, body) in frames.into_iter().enumerate() {
        let bytes = frame::encode(&Frame::new(body)).unwrap();
        write(&dir, &format!("{i:02}"), &bytes);
        conversation.extend_from_slice(&bytes);
    }
    write(&dir, "conversation", &conversation);
    let _ = std::fs::remove_dir_all(&store_dir);
    println!("seeds written to {}", seeds.display());
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("otchet-seeds-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn document_xml(docx: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut text).unwrap();
    text
}

/// The document with only the table's first five rows: a small seed of the same shape.
fn xml_head(xml: &str) -> String {
    let rows: Vec<usize> = xml.match_indices("<w:tr>").map(|(i, _)| i).collect();
    let Some(&cut) = rows.get(5) else { return xml.to_owned() };
    let end = xml.find("</w:tbl>").unwrap_or(xml.len());
    format!("{}{}", &xml[..cut], &xml[end..])
}
