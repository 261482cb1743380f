//! Case-insensitive lookup of short ASCII words in static sorted tables.
//!
//! Written by hand for speed: a page's every tag name, attribute name and class-name word
//! is looked up, and comparing strings dominated the profile. A word of up to 16 bytes is
//! packed big-endian into a `u128` (zero-padded), so a table sorted by its words is sorted
//! by their keys and a binary search compares integers.

/// Longest word a key holds.
const MAX_LEN: usize = 16;

/// The key of `word` with ASCII letters lowercased, or `None` when it is empty or longer
/// than 16 bytes.
pub const fn pack(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > MAX_LEN {
        return None;
    }
    let mut key = 0u128;
    let mut i = 0;
    while i < MAX_LEN {
        key <<= 8;
        if i < word.len() {
            key |= word[i].to_ascii_lowercase() as u128;
        }
        i += 1;
    }
    Some(key)
}

/// The keys of `words` (lowercase, sorted, at most 16 bytes each), in the same order.
pub const fn keys<const N: usize>(words: [&str; N]) -> [u128; N] {
    let mut keys = [0u128; N];
    let mut i = 0;
    while i < N {
        keys[i] = match pack(words[i].as_bytes()) {
            Some(key) => key,
            None => panic!("table word longer than 16 bytes"),
        };
        assert!(i == 0 || keys[i - 1] < keys[i], "table not sorted");
        i += 1;
    }
    keys
}

/// Position of `word` (any ASCII case) in the table whose keys are `keys`.
pub fn find(keys: &[u128], word: &[u8]) -> Option<usize> {
    keys.binary_search(&pack_fast(word)?).ok()
}

/// [`pack`] for run time, without a call to `memcpy`: the word is read as two loads of a
/// power-of-two width that may overlap (its first and its last 8 or 4 bytes), the bytes
/// they share are shifted out, and the 16 bytes are lowercased eight at a time.
fn pack_fast(word: &[u8]) -> Option<u128> {
    let n = word.len();
    let (high, low) = match n {
        8..=16 => {
            let first = u64::from_be_bytes(word[..8].try_into().ok()?);
            let last = u64::from_be_bytes(word[n - 8..].try_into().ok()?);
            (first, last.checked_shl(8 * (16 - n) as u32).unwrap_or(0))
        }
        4..=7 => {
            let first = u32::from_be_bytes(word[..4].try_into().ok()?);
            let last = u32::from_be_bytes(word[n - 4..].try_into().ok()?);
            let rest = last.checked_shl(8 * (8 - n) as u32).unwrap_or(0);
            ((u64::from(first) << 32) | u64::from(rest), 0)
        }
        1..=3 => {
            let mut high = 0u64;
            for (i, &b) in word.iter().enumerate() {
                high |= u64::from(b) << (56 - 8 * i);
            }
            (high, 0)
        }
        _ => return None,
    };
    Some((u128::from(lowercase(high)) << 64) | u128::from(lowercase(low)))
}

/// `x` with each byte that is an ASCII capital letter lowercased.
fn lowercase(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let seven = x & !HIGH;
    // Bit 7 of a byte of `seven + k` is set when the byte is at least `0x80 - k`; no byte
    // carries into the next, as each is at most 0x7f + 0x3f.
    let at_least_a = seven + 0x3f3f_3f3f_3f3f_3f3f;
    let past_z = seven + 0x2525_2525_2525_2525;
    let capital = !x & at_least_a & !past_z & HIGH;
    x | (capital >> 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: [&str; 4] = ["a", "ab", "abc", "b"];
    const KEYS: [u128; 4] = keys(WORDS);

    #[test]
    fn finds_words_ignoring_case() {
        assert_eq!(find(&KEYS, b"AB"), Some(1));
        assert_eq!(find(&KEYS, b"b"), Some(3));
        assert_eq!(find(&KEYS, b"abcd"), None);
        assert_eq!(find(&KEYS, b""), None);
        assert_eq!(find(&KEYS, b"abcdefghijklmnopq"), None);
    }

    proptest::proptest! {
        #[test]
        fn run_time_keys_match_table_keys_on_any_bytes(
            word in proptest::collection::vec(proptest::num::u8::ANY, 0..20),
        ) {
            proptest::prop_assert_eq!(pack_fast(&word), pack(&word));
        }
    }

    #[test]
    fn run_time_keys_match_table_keys() {
        for word in ["a", "Zz", "ld+json", "http-equiv", "ABCDEFGHIJKLMNOP", "é"] {
            assert_eq!(pack_fast(word.as_bytes()), pack(word.as_bytes()), "{word}");
        }
    }
}
