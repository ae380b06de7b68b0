//! The socket's frame decoder, fed as a stream: every frame in the bytes is read until an
//! error, which must be an error and never a panic or a huge allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut r = data;
    while otchet::proto::frame::read(&mut r).is_ok() {}
});
