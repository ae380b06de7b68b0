//! The words of a period's items, folded, and which item holds which: what a search looks
//! up instead of reading every text. A word is a run of letters and digits of a folded
//! text (`domain::text::fold`), so a folded query of letters and digits alone stands in a
//! text exactly when it stands in one of the text's words.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher, RandomState};

use crate::domain::ItemId;

/// The words of a folded text.
pub fn words_of(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !in_word(c)).filter(|w| !w.is_empty())
}

/// The words of `text` folded (`words_of(&fold(text))`), each given to `f`, without a
/// folded copy of the text: `word` is where each is folded.
fn for_each_folded_word(text: &str, word: &mut String, mut f: impl FnMut(&str)) {
    word.clear();
    let mut folded = String::new();
    for c in text.chars() {
        match c {
            'а'..='я' | 'a'..='z' | '0'..='9' => word.push(c),
            _ if c.is_whitespace() => end_word(word, &mut f),
            _ => {
                folded.clear();
                crate::domain::text::push_folded(&mut folded, c);
                for f_c in folded.chars() {
                    match in_word(f_c) {
                        true => word.push(f_c),
                        false => end_word(word, &mut f),
                    }
                }
            }
        }
    }
    end_word(word, &mut f);
}

fn end_word(word: &mut String, f: &mut impl FnMut(&str)) {
    if !word.is_empty() {
        f(word);
        word.clear();
    }
}

/// `char::is_alphanumeric`, without its Unicode tables for the letters of a folded Russian
/// text (they took a third of the time a period's words were worked out in).
fn in_word(c: char) -> bool {
    match c {
        'а'..='я' => true,
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        _ => c.is_alphanumeric(),
    }
}

/// Every distinct word once, by number.
#[derive(Default)]
struct Vocabulary {
    /// The words, each after a line break (no word holds one): a part of a word is found
    /// in all of them by one `memmem` pass.
    text: String,
    /// Where each word starts in `text`.
    starts: Vec<u32>,
    /// A word's hash to its number, the next hash tried when two words share one. A map of
    /// hashes keeps no string of its own: the words stay in one buffer.
    numbers: HashMap<u64, u32, BuildHasherDefault<AsIs>>,
    hasher: RandomState,
}

impl Vocabulary {
    fn word(&self, number: u32) -> &str {
        let n = number as usize;
        let start = self.starts.get(n).map_or(0, |s| *s as usize);
        // The next word's line break ends this one.
        let end = self.starts.get(n + 1).map_or(self.text.len(), |s| *s as usize - 1);
        self.text.get(start..end).unwrap_or_default()
    }

    fn number_of(&mut self, word: &str) -> u32 {
        let mut hash = self.hasher.hash_one(word);
        loop {
            let taken = match self.numbers.entry(hash) {
                Entry::Vacant(place) => {
                    let number = u32::try_from(self.starts.len()).unwrap_or(u32::MAX);
                    self.text.push('\n');
                    self.starts.push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
                    self.text.push_str(word);
                    place.insert(number);
                    return number;
                }
                Entry::Occupied(place) => *place.get(),
            };
            if self.word(taken) == word {
                return taken;
            }
            hash = hash.wrapping_add(1);
        }
    }

    /// The numbers of the words that hold `part`, as a set.
    fn holding(&self, part: &str) -> WordSet {
        let mut set = WordSet::new(self.starts.len());
        for at in memchr::memmem::find_iter(self.text.as_bytes(), part.as_bytes()) {
            let number = self.starts.partition_point(|s| *s as usize <= at).saturating_sub(1);
            set.insert(number);
        }
        set
    }
}

/// A word's hash (`RandomState`'s, which a text written to collide cannot foresee) taken
/// as it is by the map of numbers, not hashed a second time.
#[derive(Default)]
struct AsIs(u64);

impl Hasher for AsIs {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is called (the map's keys are `u64`); anything else still hashes.
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Word numbers as bits.
struct WordSet(Vec<u64>);

impl WordSet {
    fn new(words: usize) -> WordSet {
        WordSet(vec![0; words.div_ceil(64)])
    }

    fn insert(&mut self, number: usize) {
        if let Some(block) = self.0.get_mut(number / 64) {
            *block |= 1 << (number % 64);
        }
    }

    fn has(&self, number: u32) -> bool {
        let n = number as usize;
        self.0.get(n / 64).is_some_and(|block| block & (1 << (n % 64)) != 0)
    }
}

/// Each item's word numbers, ascending, as differences in LEB128, in one buffer: about a
/// byte a word, where a `Vec<u32>` an item would take four and pin a heap page each.
#[derive(Default)]
struct WordLists {
    bytes: Vec<u8>,
    /// Each item's list in `bytes`, in item order.
    spans: Vec<(ItemId, u32, u32)>,
    /// Bytes of lists since replaced or removed.
    dead: usize,
}

impl WordLists {
    fn set(&mut self, item: ItemId, mut numbers: Vec<u32>) {
        numbers.sort_unstable();
        numbers.dedup();
        let start = self.bytes.len();
        let mut last = 0;
        for n in numbers {
            push_leb128(&mut self.bytes, n - last);
            last = n;
        }
        let span = (item, offset(start), offset(self.bytes.len()));
        match self.spans.binary_search_by_key(&item, |s| s.0) {
            Ok(at) => {
                self.dead += (self.spans[at].2 - self.spans[at].1) as usize;
                self.spans[at] = span;
            }
            Err(at) => self.spans.insert(at, span),
        }
        self.compact_if_half_dead();
    }

    fn remove(&mut self, item: ItemId) {
        if let Ok(at) = self.spans.binary_search_by_key(&item, |s| s.0) {
            let (_, start, end) = self.spans.remove(at);
            self.dead += (end - start) as usize;
            self.compact_if_half_dead();
        }
    }

    fn compact_if_half_dead(&mut self) {
        if self.dead < 64 << 10 || self.dead * 2 < self.bytes.len() {
            return;
        }
        let mut bytes = Vec::with_capacity(self.bytes.len() - self.dead);
        for span in &mut self.spans {
            let start = bytes.len();
            bytes.extend_from_slice(self.bytes.get(span.1 as usize..span.2 as usize).unwrap_or_default());
            *span = (span.0, offset(start), offset(bytes.len()));
        }
        self.bytes = bytes;
        self.dead = 0;
    }

    fn numbers(&self, span: &(ItemId, u32, u32)) -> impl Iterator<Item = u32> {
        let mut bytes = self.bytes.get(span.1 as usize..span.2 as usize).unwrap_or_default();
        let mut last = 0u32;
        std::iter::from_fn(move || {
            let (difference, rest) = read_leb128(bytes)?;
            bytes = rest;
            last = last.wrapping_add(difference);
            Some(last)
        })
    }
}

fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn push_leb128(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_leb128(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let mut n = 0u32;
    for (i, b) in bytes.iter().enumerate().take(5) {
        n |= u32::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((n, &bytes[i + 1..]));
        }
    }
    None
}

/// The words of a period's items.
#[derive(Default)]
pub struct ItemWords {
    vocabulary: Vocabulary,
    lists: WordLists,
}

impl ItemWords {
    /// An item's texts, each folded: its words replace those it had.
    /// An item's texts, as written: their words replace those it had.
    pub fn set<'a>(&mut self, item: ItemId, texts: impl IntoIterator<Item = &'a str>) {
        let (mut numbers, mut word) = (Vec::new(), String::new());
        for text in texts {
            for_each_folded_word(text, &mut word, |w| numbers.push(self.vocabulary.number_of(w)));
        }
        self.lists.set(item, numbers);
    }

    pub fn remove(&mut self, item: ItemId) {
        self.lists.remove(item);
    }

    /// The items, in item order, that hold for each of `parts` a word holding it.
    pub fn holding_all(&self, parts: &[&str]) -> Vec<ItemId> {
        let sets: Vec<WordSet> = parts.iter().take(64).map(|p| self.vocabulary.holding(p)).collect();
        let all: u64 = if sets.len() == 64 { u64::MAX } else { (1 << sets.len()) - 1 };
        let lists = &self.lists;
        (lists.spans.iter())
            .filter(|span| {
                let mut found = 0u64;
                for number in lists.numbers(span) {
                    for (i, set) in sets.iter().enumerate() {
                        if set.has(number) {
                            found |= 1 << i;
                        }
                    }
                    if found == all {
                        return true;
                    }
                }
                found == all
            })
            .map(|span| span.0)
            .collect()
    }

    /// The items held.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.lists.spans.len()
    }

    /// Gives back what the build left unused.
    pub fn shrink_to_fit(&mut self) {
        let v = &mut self.vocabulary;
        v.text.shrink_to_fit();
        v.starts.shrink_to_fit();
        v.numbers.shrink_to_fit();
        self.lists.bytes.shrink_to_fit();
        self.lists.spans.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::fold;
    use proptest::prelude::*;

    fn words(items: &[(u32, &str)]) -> ItemWords {
        let mut words = ItemWords::default();
        for (id, text) in items {
            words.set(ItemId(*id), [*text]);
        }
        words
    }

    #[test]
    fn a_part_of_a_word_finds_the_items_holding_it_in_item_order() {
        let w = words(&[(3, "Заседание комиссии"), (1, "Проведено ЗАСЕДАНИЕ, протокол"), (2, "Ёлка, отчёт")]);
        assert_eq!(w.holding_all(&["седани"]), [ItemId(1), ItemId(3)]);
        assert_eq!(w.holding_all(&["отчет"]), [ItemId(2)]);
        assert_eq!(w.holding_all(&["седани", "протокол"]), [ItemId(1)]);
        assert_eq!(w.holding_all(&["нет"]), []);
    }

    #[test]
    fn an_item_set_again_or_removed_no_longer_has_its_old_words() {
        let mut w = words(&[(1, "старый текст"), (2, "другой текст")]);
        w.set(ItemId(1), ["новый"]);
        assert_eq!(w.holding_all(&["стар"]), []);
        assert_eq!(w.holding_all(&["нов"]), [ItemId(1)]);
        w.remove(ItemId(2));
        assert_eq!(w.holding_all(&["текст"]), []);
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn lists_rewritten_many_times_are_compacted_and_stay_right() {
        let mut w = ItemWords::default();
        for round in 0..2_000u32 {
            for id in 0..10 {
                w.set(ItemId(id), [format!("слово{} общее{}", round * 10 + id, id).as_str()]);
            }
        }
        assert!(w.lists.bytes.len() < 64 << 11, "compacted: {} bytes", w.lists.bytes.len());
        assert_eq!(w.holding_all(&["слово19995"]), [ItemId(5)]);
        assert_eq!(w.holding_all(&["общее7"]), [ItemId(7)]);
        assert_eq!(w.holding_all(&["слово1999"]).len(), 10);
    }

    #[test]
    fn a_word_is_a_run_of_letters_and_digits_as_unicode_says() {
        for c in ['а', 'я', 'е', 'z', '7', 'ß', 'ї', '٣', ' ', '-', '.', '«', '\u{307}', 'ё', 'Я', '_'] {
            assert_eq!(in_word(c), c.is_alphanumeric(), "{c:?}");
        }
        assert_eq!(words_of("пункт 1.2 — «план-график»").collect::<Vec<_>>(), ["пункт", "1", "2", "план", "график"]);
    }

    #[test]
    fn leb128_reads_back_what_it_wrote() {
        let mut bytes = Vec::new();
        let numbers = [0, 1, 127, 128, 16_383, 16_384, u32::MAX];
        numbers.iter().for_each(|n| push_leb128(&mut bytes, *n));
        let mut rest = &bytes[..];
        for n in numbers {
            let (read, after) = read_leb128(rest).unwrap();
            assert_eq!(read, n);
            rest = after;
        }
        assert!(rest.is_empty());
    }

    proptest! {
        /// Folded word by word, a text has the words of its folded copy.
        #[test]
        fn words_folded_one_by_one_are_those_of_the_folded_text(text in "[аЯёЁzZ7ßİї٣ ,.\\-«\u{307}_\n]{0,40}") {
            let mut words = Vec::new();
            for_each_folded_word(&text, &mut String::new(), |w| words.push(w.to_owned()));
            let folded = fold(&text);
            prop_assert_eq!(words, words_of(&folded).collect::<Vec<_>>());
        }

        /// A query of letters and digits: the items whose folded text holds it, as a scan
        /// of every text finds them.
        #[test]
        fn finds_what_a_scan_of_the_texts_finds(
            texts in proptest::collection::vec("[аеёжАЕЁЖab1 ,.-]{0,24}", 1..12),
            query in "[аеёжАЕЁЖab1]{1,3}",
        ) {
            let items: Vec<(u32, &str)> = texts.iter().enumerate().map(|(i, t)| (i as u32, t.as_str())).collect();
            let needle = fold(&query);
            let scanned: Vec<ItemId> =
                items.iter().filter(|(_, t)| fold(t).contains(&needle)).map(|(i, _)| ItemId(*i)).collect();
            prop_assert_eq!(words(&items).holding_all(&[needle.as_str()]), scanned);
        }
    }
}
