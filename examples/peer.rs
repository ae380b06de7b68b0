//! A client the tests run as another user (they switch uid as root): it connects to a
//! server's socket, says who the server thinks it is, and tries to save a text, printing
//! each outcome on a line of its own for the test to read.
//!
//! ```sh
//! peer SOCKET PERIOD POINT TEXT
//! ```

use std::os::unix::net::UnixStream;
use std::process::ExitCode;

use otchet::client::{Client, RemoteTransport};
use otchet::domain::{EntryEdit, PeriodId};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [socket, period, point, text] = args.as_slice() else {
        eprintln!("usage: peer SOCKET PERIOD POINT TEXT");
        return ExitCode::from(2);
    };
    let Some(period) = PeriodId::parse(period) else {
        eprintln!("peer: not a period: {period}");
        return ExitCode::from(2);
    };
    let stream = match UnixStream::connect(socket) {
        Ok(stream) => stream,
        Err(e) => {
            println!("connect failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut client = match RemoteTransport::over(stream, otchet::proto::frame::PROTOCOL_VERSION) {
        Ok(transport) => Client::new(Box::new(transport)),
        Err(e) => {
            println!("handshake failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    whoami_and_save(&mut client, period, point, text);
    ExitCode::SUCCESS
}

fn whoami_and_save(client: &mut Client, period: PeriodId, point: &str, text: &str) {
    match client.whoami() {
        Ok(me) => println!("whoami: {} {} {}", me.actor.uid, me.actor.name, me.role.as_str()),
        Err(e) => println!("refused: {e}"),
    }
    let item = match client.snapshot(Some(period)) {
        Ok(snapshot) => snapshot.and_then(|s| s.items.iter().find(|i| i.point_label() == point).map(|i| i.id)),
        Err(_) => None,
    };
    let Some(item) = item else { return };
    let base_revision = client.entry(period, item).ok().flatten().map_or(0, |e| e.revision);
    let edit = EntryEdit { period, item, base_revision, info: text.to_owned(), assessment: String::new() };
    match client.save(edit) {
        Ok(outcome) => println!("saved: {outcome:?}"),
        Err(e) => println!("save refused: {e}"),
    }
}
