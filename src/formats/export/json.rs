//! The whole store as JSON: the backup format, which `otchet import` loads into an empty
//! store. Written a dump's part at a time (`JsonDumpWriter`), so that a large store's JSON
//! is never held: the bytes are those of `serde_json::to_writer_pretty` over the whole dump.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{DumpHead, DumpPart, StoreDump};

pub fn write(dump: &StoreDump) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    write_to(dump, &mut bytes)?;
    Ok(bytes)
}

/// The export of a whole dump written to `w`.
pub fn write_to(dump: &StoreDump, w: &mut impl Write) -> io::Result<()> {
    let mut json = JsonDumpWriter::new(w);
    dump.clone().into_parts().into_iter().try_for_each(|part| json.part(part))?;
    json.finish().map(drop)
}

/// Where the writer is in the dump: inside a plan's items, or inside a period's entries.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    /// Before the first plan, or between plans.
    Plans,
    Items {
        any: bool,
    },
    Entries {
        any: bool,
    },
}

impl Open {
    /// The indent of an item, and of an entry, in the pretty JSON.
    const ITEMS: usize = 8;
    const ENTRIES: usize = 12;
}

/// Writes a dump's parts as they come (`DumpPart`, in a dump's order) as the pretty JSON
/// of the whole `StoreDump`, its owner left out: the owner is the store's, not its
/// content's (a load never restores it), so a restored store exports the same bytes.
pub struct JsonDumpWriter<W: Write> {
    out: W,
    head: Option<DumpHead>,
    open: Open,
    plans: usize,
    periods: usize,
}

impl<W: Write> JsonDumpWriter<W> {
    pub fn new(out: W) -> Self {
        Self { out, head: None, open: Open::Plans, plans: 0, periods: 0 }
    }

    /// How many plans and periods were written.
    pub fn counts(&self) -> (usize, usize) {
        (self.plans, self.periods)
    }

    pub fn part(&mut self, part: DumpPart) -> io::Result<()> {
        match part {
            DumpPart::Head(_) if self.head.is_some() => Err(out_of_order()),
            DumpPart::Head(head) => {
                write!(self.out, "{{\n  \"format\": {},\n  \"plans\": [", head.format)?;
                self.head = Some(*head);
                Ok(())
            }
            DumpPart::Plan(plan) => {
                self.close_plan()?;
                self.element(self.plans > 0, 4)?;
                self.out.write_all(b"{\n      \"plan\": ")?;
                self.value(&plan, 6)?;
                self.out.write_all(b",\n      \"items\": [")?;
                self.plans += 1;
                self.open = Open::Items { any: false };
                Ok(())
            }
            DumpPart::Items { items, .. } => items.iter().try_for_each(|item| self.next_of(item, Open::ITEMS)),
            DumpPart::Period(period) => {
                let later = match self.open {
                    Open::Items { any } => {
                        self.close_array(any, 6)?;
                        self.out.write_all(b",\n      \"periods\": [")?;
                        false
                    }
                    Open::Entries { any } => {
                        self.close_array(any, 10)?;
                        self.out.write_all(b"\n        }")?;
                        true
                    }
                    Open::Plans => return Err(out_of_order()),
                };
                self.element(later, 8)?;
                self.out.write_all(b"{\n          \"period\": ")?;
                self.value(&period, 10)?;
                self.out.write_all(b",\n          \"entries\": [")?;
                self.periods += 1;
                self.open = Open::Entries { any: false };
                Ok(())
            }
            DumpPart::Entries { entries, .. } => {
                entries.iter().try_for_each(|entry| self.next_of(entry, Open::ENTRIES))
            }
        }
    }

    /// The dump's end: what is open closed, the head's settings and users written.
    pub fn finish(mut self) -> io::Result<W> {
        let head = self.head.take().ok_or_else(out_of_order)?;
        self.close_plan()?;
        self.close_array(self.plans > 0, 2)?;
        self.out.write_all(b",\n  \"settings\": ")?;
        self.value(&head.settings, 2)?;
        self.out.write_all(b",\n  \"owner\": null,\n  \"users\": ")?;
        self.value(&head.users, 2)?;
        self.out.write_all(b"\n}\n")?;
        Ok(self.out)
    }

    /// An item or an entry: the next element of the array that is open, which must be
    /// the array of its kind (`Open::ITEMS` or `Open::ENTRIES`, the element's indent).
    fn next_of(&mut self, value: &impl Serialize, indent: usize) -> io::Result<()> {
        let any = match (&mut self.open, indent) {
            (Open::Items { any }, Open::ITEMS) | (Open::Entries { any }, Open::ENTRIES) => std::mem::replace(any, true),
            _ => return Err(out_of_order()),
        };
        self.element(any, indent)?;
        self.value(value, indent)
    }

    fn close_plan(&mut self) -> io::Result<()> {
        match self.open {
            Open::Plans => return Ok(()),
            Open::Items { any } => {
                self.close_array(any, 6)?;
                self.out.write_all(b",\n      \"periods\": []")?;
            }
            Open::Entries { any } => {
                self.close_array(any, 10)?;
                self.out.write_all(b"\n        }")?;
                self.close_array(true, 6)?;
            }
        }
        self.open = Open::Plans;
        self.out.write_all(b"\n    }")
    }

    /// The start of an array's element at `indent`, after a comma unless it is the first.
    fn element(&mut self, after_another: bool, indent: usize) -> io::Result<()> {
        if after_another {
            self.out.write_all(b",")?;
        }
        write!(self.out, "\n{:indent$}", "")
    }

    /// An array's end, its bracket on a line of its own at `indent` unless it is empty.
    fn close_array(&mut self, any: bool, indent: usize) -> io::Result<()> {
        if any {
            write!(self.out, "\n{:indent$}", "")?;
        }
        self.out.write_all(b"]")
    }

    /// `value` as pretty JSON whose lines after the first are indented by `indent`: a JSON
    /// string never holds a raw line break, so every one is between tokens.
    fn value(&mut self, value: &impl Serialize, indent: usize) -> io::Result<()> {
        let bytes = serde_json::to_vec_pretty(value).map_err(io::Error::from)?;
        let pad = format!("\n{:indent$}", "");
        for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
            if i > 0 {
                self.out.write_all(pad.as_bytes())?;
            }
            self.out.write_all(line)?;
        }
        Ok(())
    }
}

/// Parts out of a dump's order: the server sent them so (never ours).
fn out_of_order() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, crate::i18n::Said(crate::tr!("dump-part-out-of-order")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Owner, PlanDump, Settings, UserDump};

    /// The export as it was written before it streamed: the whole dump through serde.
    fn whole(dump: &StoreDump) -> Vec<u8> {
        #[derive(Serialize)]
        struct Export<'a> {
            format: u32,
            plans: &'a [PlanDump],
            settings: &'a Settings,
            owner: Option<&'a Owner>,
            users: &'a [UserDump],
        }
        let export = Export {
            format: dump.format,
            plans: &dump.plans,
            settings: &dump.settings,
            owner: None,
            users: &dump.users,
        };
        let mut bytes = serde_json::to_vec_pretty(&export).unwrap();
        bytes.push(b'\n');
        bytes
    }

    #[test]
    fn the_streamed_export_is_the_whole_dump_byte_for_byte_in_every_shape() {
        let store_dir = tempfile::tempdir().unwrap();
        for dump in crate::store::dumps_of_every_shape_for_tests(store_dir.path()) {
            let streamed = write(&dump).unwrap();
            assert_eq!(String::from_utf8(streamed).unwrap(), String::from_utf8(whole(&dump)).unwrap());
        }
    }

    #[test]
    fn parts_out_of_order_are_refused() {
        let store_dir = tempfile::tempdir().unwrap();
        let dump = crate::store::dumps_of_every_shape_for_tests(store_dir.path()).swap_remove(1);
        let parts = dump.into_parts();
        let items = parts.iter().find(|p| matches!(p, DumpPart::Items { .. })).unwrap().clone();
        let mut json = JsonDumpWriter::new(Vec::new());
        json.part(parts[0].clone()).unwrap();
        assert!(json.part(items.clone()).is_err(), "items before their plan");
        let entries = parts.iter().find(|p| matches!(p, DumpPart::Entries { .. })).unwrap().clone();
        let plan = parts.iter().find(|p| matches!(p, DumpPart::Plan(_))).unwrap().clone();
        json.part(plan).unwrap();
        assert!(json.part(entries).is_err(), "entries among the items");
        assert!(json.part(parts[0].clone()).is_err(), "a second head");
        assert!(JsonDumpWriter::new(Vec::new()).finish().is_err(), "no head");
    }
}
