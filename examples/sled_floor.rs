//! The floor under `status --json`: how long sled 0.34.7 alone takes to read what one
//! period's report reads (every record of the `items`, `entries` and `texts` trees, not
//! decoded), cold and then warm, at a given cache, and the process's memory after. Opens
//! the store in this process (no server may run on it). docs/performance.md quotes it.
//!
//!     cargo build --release --example sled_floor
//!     target/release/examples/sled_floor STORE [CACHE_MIB] [ROUNDS]

const TREES: [&[u8]; 3] = [b"items", b"entries", b"texts"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: sled_floor STORE [CACHE_MIB] [ROUNDS]")?;
    let cache_mib: u64 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(8);
    let rounds: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(4);
    // As the server opens it (src/store/opened.rs).
    let db = sled::Config::new()
        .path(&dir)
        .cache_capacity(cache_mib << 20)
        .flush_every_ms(None)
        .mode(sled::Mode::LowSpace)
        .open()?;
    for round in 0..rounds {
        let started = std::time::Instant::now();
        let (mut records, mut bytes) = (0usize, 0usize);
        for name in TREES {
            for kv in db.open_tree(name)?.iter() {
                let (key, value) = kv?;
                records += 1;
                bytes += key.len() + value.len();
            }
        }
        println!("round {round}: {records} records, {bytes} bytes in {:.1} ms", started.elapsed().as_secs_f64() * 1e3);
    }
    let status = std::fs::read_to_string("/proc/self/status")?;
    for line in status.lines().filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS")) {
        println!("{line}");
    }
    Ok(())
}
