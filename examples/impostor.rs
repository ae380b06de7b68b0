//! A fake server for tests/server_trust.rs: binds the given socket path, takes one
//! connection, answers it with a terminal escape sequence and prints how many bytes the
//! client sent before it hung up (a client that checks who the server is sends none).
//!
//! impostor SOCKET

use std::io::{Read, Write};
use std::os::unix::net::UnixListener;
use std::time::Duration;

fn main() -> std::io::Result<()> {
    let socket = std::env::args().nth(1).ok_or_else(|| std::io::Error::other("usage: impostor SOCKET"))?;
    let listener = UnixListener::bind(&socket)?;
    println!("listening");
    let (mut stream, _) = listener.accept()?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let _ = stream.write_all(b"\x1b]0;pwned\x07");
    let mut received = Vec::new();
    let _ = stream.read_to_end(&mut received);
    println!("received {} bytes", received.len());
    std::fs::remove_file(&socket)
}
