//! Where a store's memory goes when a server reads it: opens the store in this process (no
//! server may run on it) and prints the resident memory after each step — one period's
//! items and entries, every period's entries, a whole-store dump, the same after glibc's
//! `malloc_trim`, and after closing the store. docs/performance.md quotes its figures.
//!
//!     cargo build --release --example memprobe
//!     target/release/examples/memprobe STORE [CACHE_MIB]

use std::path::Path;

use otchet::store::{Store, StoreOptions};

fn resident_kib() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = status.lines().find(|l| l.starts_with("VmRSS")).and_then(|l| l.split_whitespace().nth(1));
    format!("{} KiB", kib.unwrap_or("?"))
}

/// The resident memory now, after glibc gave its free memory back, and the time since `since`.
fn resident(since: std::time::Instant) -> String {
    let held = resident_kib();
    trim();
    format!("{held}, trimmed {} ({} ms)", resident_kib(), since.elapsed().as_millis())
}

/// glibc's free memory back to the system, as the server does after a bulk request.
#[allow(unsafe_code)]
fn trim() {
    // SAFETY: malloc_trim takes no pointer and only walks glibc's own free lists.
    unsafe {
        nix::libc::malloc_trim(0);
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    use std::time::Instant;
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: memprobe STORE [CACHE_MIB]")?;
    let cache_mib: u64 = args.next().map_or(Ok(8), |m| m.parse())?;
    println!("start: {}", resident(Instant::now()));
    let t = Instant::now();
    let store = Store::open(Path::new(&dir), &StoreOptions { cache_bytes: cache_mib << 20 })?;
    println!("opened (cache {cache_mib} MiB): {}", resident(t));
    let periods = store.periods()?;
    let first = periods.first().ok_or("the store has no period")?.id;
    let plan = store.plan_of(first)?.ok_or("no plan")?;
    let t = Instant::now();
    drop(store.items(plan.id)?);
    println!("one period's items read: {}", resident(t));
    let t = Instant::now();
    drop(store.entry_heads(first)?);
    println!("its entries' heads read (a list): {}", resident(t));
    let t = Instant::now();
    drop(store.entry_heads(first)?);
    drop(store.items(plan.id)?);
    println!("the list again: {}", resident(t));
    let t = Instant::now();
    drop(store.entries(first)?);
    println!("its entries read, texts too: {}", resident(t));
    let t = Instant::now();
    for period in &periods {
        drop(store.entries(period.id)?);
    }
    println!("every period's entries read: {}", resident(t));
    let t = Instant::now();
    drop(store.dump()?);
    println!("whole-store dump: {}", resident(t));
    let t = Instant::now();
    drop(store);
    println!("closed: {}", resident(t));
    Ok(())
}
