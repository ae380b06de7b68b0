//! The rows of `Request::PeriodRows` decoded on the client's side: the server passes the
//! items and the execution texts on as they are stored (`model::EncodedRow`).

use crate::codec::{self, CodecError, Kind};
use crate::domain::Item;
use crate::model::{EncodedRow, PeriodRow};

/// The item and entry of an encoded row, its execution text checked to be UTF-8.
pub fn decode_row(row: EncodedRow) -> Result<PeriodRow, CodecError> {
    let item: Item = codec::decode(&row.item.0)?;
    let entry = match (row.entry, row.info) {
        (Some(mut entry), Some(info)) => {
            // Copied once checked: std's check, which `String::from_utf8` makes, is ten
            // times slower over Russian text than simdutf8's.
            let checked = simdutf8::basic::from_utf8(&info.0)
                .map_err(|_| CodecError::Malformed { kind: Kind::EntryText, detail: "not UTF-8".into() })?;
            entry.info = checked.to_owned();
            Some(entry)
        }
        (entry, _) => entry,
    };
    Ok((item, entry))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Entry, ItemId};
    use crate::model::Bytes;

    fn row(info: &[u8]) -> EncodedRow {
        let item = Item {
            id: ItemId(7),
            seq: "7.".into(),
            point: "7.".into(),
            title: "Мероприятие".into(),
            deadline_text: "Ежеквартально".into(),
            schedule_override: None,
            responsible: String::new(),
            extra: Vec::new(),
        };
        let entry = Entry { assessment: "выполнено".into(), ..Entry::default() };
        EncodedRow {
            id: item.id,
            item: Bytes(codec::encode(&item).unwrap()),
            entry: Some(entry),
            info: Some(Bytes(info.to_vec())),
        }
    }

    #[test]
    fn a_text_passed_on_as_bytes_travels_as_the_string_it_is() {
        let text = "Проведено «заседание» — 2 раза".to_owned();
        let config = bincode::config::standard();
        let as_bytes = bincode::serde::encode_to_vec(Bytes(text.clone().into_bytes()), config).unwrap();
        assert_eq!(as_bytes, bincode::serde::encode_to_vec(&text, config).unwrap());
        let (back, _): (String, usize) = bincode::serde::decode_from_slice(&as_bytes, config).unwrap();
        assert_eq!(back, text);
        let (item, entry) = decode_row(row(text.as_bytes())).unwrap();
        assert_eq!((item.title.as_str(), entry.map(|e| e.info)), ("Мероприятие", Some(text)));
    }

    #[test]
    fn a_row_whose_text_is_not_utf8_or_whose_item_is_damaged_is_refused() {
        let cut = &"ж".as_bytes()[..1];
        assert!(matches!(decode_row(row(cut)), Err(CodecError::Malformed { kind: Kind::EntryText, .. })));
        let mut damaged = row(b"ok");
        damaged.item.0.truncate(3);
        assert!(decode_row(damaged).is_err());
    }
}
