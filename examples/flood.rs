//! A member flooding the server for tests/server_access.rs: opens COUNT connections to
//! SOCKET, greets on each, holds those the server keeps and prints how many it kept and how
//! many were closed; then holds them until its standard input closes.
//!
//! flood SOCKET COUNT

use std::io::Read;
use std::os::unix::net::UnixStream;

use otchet::client::RemoteTransport;
use otchet::proto::frame::PROTOCOL_VERSION;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [socket, count] = args.as_slice() else { return Err(std::io::Error::other("usage: flood SOCKET COUNT")) };
    let count: usize = count.parse().map_err(std::io::Error::other)?;
    // As many descriptors as the system lets this user have.
    if let Ok((_, hard)) = nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE) {
        let _ = nix::sys::resource::setrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE, hard, hard);
    }
    let mut held = Vec::new();
    let mut closed = 0;
    for _ in 0..count {
        match UnixStream::connect(socket).map(|s| RemoteTransport::over(s, PROTOCOL_VERSION)) {
            Ok(Ok(transport)) => held.push(transport),
            _ => closed += 1,
        }
    }
    println!("held {} closed {closed}", held.len());
    let _ = std::io::stdin().read(&mut [0u8; 1]);
    Ok(())
}
