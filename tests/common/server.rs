//! Helpers for the server tests: a foreground server this test owns (killed by its pid when
//! dropped), library clients over the socket, and the sample loaded.

use std::os::unix::net::UnixStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use otchet::client::{Client, RemoteTransport, ServerPaths};
use otchet::domain::{ItemId, PeriodId};

use super::{Sandbox, assert_ok, sample_path};

/// A server started by the test in the foreground; killed on drop if still running.
pub struct ServerProcess {
    pub child: Child,
}

impl ServerProcess {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for the exit, failing the test after `limit`.
    pub fn wait_exit(&mut self, limit: Duration) -> std::process::ExitStatus {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for the server") {
                return status;
            }
            assert!(started.elapsed() < limit, "the server did not exit within {limit:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Peak resident memory so far (VmHWM), in KiB.
    pub fn peak_rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Sandbox {
    pub fn server_paths(&self) -> ServerPaths {
        ServerPaths::new(&self.db(), None)
    }

    /// `otchet serve` in the foreground, waited for until it answers.
    pub fn start_server(&self, extra: &[&str]) -> ServerProcess {
        std::fs::create_dir_all(self.db()).expect("store dir");
        let child = self
            .otchet()
            .arg("serve")
            .arg("--db")
            .arg(self.db())
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(self.path().join("server.log")).expect("log file"))
            .spawn()
            .expect("otchet serve starts");
        let server = ServerProcess { child };
        wait_for_socket(&self.server_paths().socket);
        server
    }

    /// A client over the socket, without starting a server.
    pub fn client(&self) -> Client {
        Client::new(Box::new(RemoteTransport::connect(&self.server_paths(), None).expect("connect to the server")))
    }

    pub fn import_sample(&self) {
        assert_ok(&self.run(&["import", sample_path().to_str().unwrap()]));
    }
}

/// A client on a server socket by path, starting none (a child process run as another user).
pub fn client_at(socket: &str) -> Client {
    let stream = UnixStream::connect(socket).expect("connect");
    let protocol = otchet::proto::frame::PROTOCOL_VERSION;
    Client::new(Box::new(RemoteTransport::over(stream, protocol).expect("handshake")))
}

pub fn wait_for_socket(socket: &Path) {
    let started = Instant::now();
    while UnixStream::connect(socket).is_err() {
        assert!(started.elapsed() < Duration::from_secs(10), "no server answers on {}", socket.display());
        std::thread::sleep(Duration::from_millis(10));
    }
}

pub fn q1() -> PeriodId {
    PeriodId::parse("2020-Q1").unwrap()
}

/// The item of the sample's point, as written ("70").
pub fn item_of(client: &mut Client, point: &str) -> ItemId {
    let snapshot = client.snapshot(Some(q1())).unwrap().expect("the sample is loaded");
    snapshot.items.iter().find(|i| i.point_label() == point).map(|i| i.id).expect("point exists")
}

impl Sandbox {
    /// A client of the store's server once one answers (another process may be starting it).
    pub fn client_when_up(&self) -> Client {
        wait_for_socket(&self.server_paths().socket);
        self.client()
    }
}

/// A connection to the sandbox's server past the handshake, for frames sent by hand.
pub fn greeted(sb: &Sandbox) -> UnixStream {
    use otchet::proto::frame::{self, Frame, FrameBody};
    let mut stream = UnixStream::connect(sb.server_paths().socket).unwrap();
    frame::write(&mut stream, &Frame::new(FrameBody::Hello { program: "test".into() })).unwrap();
    assert!(matches!(frame::read(&mut stream).unwrap().body, FrameBody::Welcome { .. }));
    stream
}

pub fn send(stream: &mut UnixStream, request: otchet::proto::Request) {
    use otchet::proto::frame::{self, Frame, FrameBody};
    frame::write_up_to(stream, &Frame::new(FrameBody::Request(request)), frame::MAX_TRUSTED_FRAME_BYTES).unwrap();
}

pub fn answer(stream: &mut UnixStream) -> otchet::proto::Response {
    use otchet::proto::frame::{self, FrameBody};
    match frame::read_up_to(stream, frame::MAX_TRUSTED_FRAME_BYTES).unwrap().body {
        FrameBody::Response(r) => r,
        other => panic!("{other:?}"),
    }
}

/// A report of Q1 2020 with `rows` items «Мероприятие N», each with the execution text `info(N)`.
pub fn numbered_report(rows: usize, info: impl Fn(usize) -> String) -> otchet::domain::Report {
    use otchet::domain::{Report, ReportRow, form::standard_columns};
    Report {
        title_lines: vec!["ОТЧЕТ".into()],
        organisation: "Администрация".into(),
        approved_by: "Постановление от 01.02.2020 №1".into(),
        period: Some(q1()),
        period_title: "I квартал 2020 года".into(),
        years: None,
        columns: standard_columns(),
        rows: (1..=rows)
            .map(|i| ReportRow {
                point: format!("{i}."),
                title: format!("Мероприятие {i}"),
                deadline_text: "Ежеквартально".into(),
                info: info(i),
                ..ReportRow::default()
            })
            .collect(),
        sections: vec![],
        signed_by: String::new(),
        executor: String::new(),
    }
}
