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

/// [`pack`] for run time: one copy and a byte-wise lowercase the compiler vectorises.
fn pack_fast(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > MAX_LEN {
        return None;
    }
    let mut buf = [0u8; MAX_LEN];
    buf[..word.len()].copy_from_slice(word);
    buf.make_ascii_lowercase();
    Some(u128::from_be_bytes(buf))
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

    #[test]
    fn run_time_keys_match_table_keys() {
        for word in ["a", "Zz", "ld+json", "http-equiv", "ABCDEFGHIJKLMNOP", "é"] {
            assert_eq!(pack_fast(word.as_bytes()), pack(word.as_bytes()), "{word}");
        }
    }
}
