//! Ordered binary keys: big-endian numbers, so sled's byte order is the plan's order.

use crate::domain::{ItemId, PeriodId, PeriodKind, PlanId};

/// A year as four bytes that sort like the signed number.
pub fn year(y: i32) -> [u8; 4] {
    ((y as u32) ^ 0x8000_0000).to_be_bytes()
}

pub fn year_from(bytes: &[u8]) -> Option<i32> {
    let b: [u8; 4] = bytes.get(..4)?.try_into().ok()?;
    Some((u32::from_be_bytes(b) ^ 0x8000_0000) as i32)
}

/// A plan's key: its id as a year (layout 1 keyed plans by their one year, the same bytes).
pub fn plan(id: PlanId) -> [u8; 4] {
    year(id.0)
}

/// Items of a plan sort together, in item order.
pub fn item(plan: PlanId, id: ItemId) -> [u8; 8] {
    let mut k = [0; 8];
    k[..4].copy_from_slice(&year(plan.0));
    k[4..].copy_from_slice(&id.0.to_be_bytes());
    k
}

pub fn item_id_from(key: &[u8]) -> Option<ItemId> {
    let b: [u8; 4] = key.get(4..8)?.try_into().ok()?;
    Some(ItemId(u32::from_be_bytes(b)))
}

pub fn period(p: PeriodId) -> [u8; 5] {
    let mut k = [0; 5];
    k[..4].copy_from_slice(&year(p.year));
    k[4] = p.kind.code();
    k
}

pub fn period_from(key: &[u8]) -> Option<PeriodId> {
    Some(PeriodId::new(year_from(key)?, PeriodKind::from_code(*key.get(4)?)?))
}

/// Entries of a period sort together, in item order.
pub fn entry(p: PeriodId, id: ItemId) -> [u8; 9] {
    let mut k = [0; 9];
    k[..5].copy_from_slice(&period(p));
    k[5..].copy_from_slice(&id.0.to_be_bytes());
    k
}

pub fn entry_item_from(key: &[u8]) -> Option<ItemId> {
    let b: [u8; 4] = key.get(5..9)?.try_into().ok()?;
    Some(ItemId(u32::from_be_bytes(b)))
}

/// The revisions of one entry sort together, oldest first.
pub fn revision(p: PeriodId, id: ItemId, rev: u64) -> [u8; 17] {
    let mut k = [0; 17];
    k[..9].copy_from_slice(&entry(p, id));
    k[9..].copy_from_slice(&rev.to_be_bytes());
    k
}

/// The review changes of one entry sort together, oldest first.
pub fn review(p: PeriodId, id: ItemId, seq: u64) -> [u8; 17] {
    revision(p, id, seq)
}

/// A user's drafts sort together.
pub fn draft(uid: u32, p: PeriodId, id: ItemId) -> [u8; 13] {
    let mut k = [0; 13];
    k[..4].copy_from_slice(&uid.to_be_bytes());
    k[4..].copy_from_slice(&entry(p, id));
    k
}

pub fn user(uid: u32) -> [u8; 4] {
    uid.to_be_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_like_their_values() {
        assert!(year(-1) < year(0) && year(0) < year(2020) && year(2020) < year(2021));
        assert_eq!(year_from(&year(-5)), Some(-5));
        let q1 = PeriodId::parse("2020-Q1").unwrap();
        assert!(entry(q1, ItemId(2)) < entry(q1, ItemId(10)));
        assert_eq!(entry_item_from(&entry(q1, ItemId(300))), Some(ItemId(300)));
        assert_eq!(period_from(&period(q1)), Some(q1));
        assert!(revision(q1, ItemId(1), 9) < revision(q1, ItemId(1), 10));
    }
}
