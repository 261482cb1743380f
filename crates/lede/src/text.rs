//! Word-level views of sentences used by the scorers and the selector.
//!
//! Words are runs of alphanumeric characters, lowercased and hashed to
//! `u64` so that comparing sentences never allocates a string per word.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// Common English function words, ignored when comparing content.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "s",
    "said",
    "same",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

static STOPWORD_HASHES: LazyLock<FxHashSet<u64>> =
    LazyLock::new(|| STOPWORDS.iter().map(|w| word_hash(w)).collect());

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// One FNV-1a step.
#[inline(always)]
fn fnv(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
}

/// Feeds the UTF-8 bytes of `c` lowercased (as [`char::to_lowercase`]).
#[inline]
fn fnv_lowercase(mut hash: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for lower in c.to_lowercase() {
        for &b in lower.encode_utf8(&mut buf).as_bytes() {
            hash = fnv(hash, b);
        }
    }
    hash
}

/// FNV-1a over the lowercased characters of `word`. Hand-written because it
/// must be stable across platforms and releases (hashes are stored in
/// trained models) and must lowercase on the fly without allocating.
pub fn word_hash(word: &str) -> u64 {
    let mut hash = FNV_OFFSET;
    if word.is_ascii() {
        for b in word.bytes() {
            hash = fnv(hash, b.to_ascii_lowercase());
        }
    } else {
        for c in word.chars() {
            hash = fnv_lowercase(hash, c);
        }
    }
    hash
}

/// The alphanumeric words of `text`, in order.
pub fn words(text: &str) -> Words<'_> {
    Words { rest: text }
}

/// Iterator over the words of a text; see [`words`].
#[derive(Debug, Clone)]
pub struct Words<'a> {
    rest: &'a str,
}

/// Byte length of the run of alphanumeric characters at the start of
/// `s` (0 when it starts otherwise).
#[inline]
fn word_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            i += 1;
        } else {
            let c = s[i..].chars().next().expect("a character starts here");
            if !c.is_alphanumeric() {
                break;
            }
            i += c.len_utf8();
        }
    }
    i
}

/// Byte length of the run of other characters at the start of `s`.
#[inline]
fn gap_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                break;
            }
            i += 1;
        } else {
            let c = s[i..].chars().next().expect("a character starts here");
            if c.is_alphanumeric() {
                break;
            }
            i += c.len_utf8();
        }
    }
    i
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = &self.rest[gap_len(self.rest)..];
        if rest.is_empty() {
            self.rest = rest;
            return None;
        }
        let (word, rest) = rest.split_at(word_len(rest));
        self.rest = rest;
        Some(word)
    }
}

/// Appends the [`word_hash`] of every word of `text` (see [`words`]) to
/// `out`, tokenizing and hashing in one pass over the bytes.
fn push_word_hashes(text: &str, out: &mut Vec<u64>) {
    let bytes = text.as_bytes();
    let (mut i, mut hash, mut in_word) = (0, FNV_OFFSET, false);
    while i < bytes.len() {
        let b = bytes[i];
        let (alphanumeric, next) = if b.is_ascii() {
            let alphanumeric = b.is_ascii_alphanumeric();
            if alphanumeric {
                hash = fnv(hash, b.to_ascii_lowercase());
            }
            (alphanumeric, i + 1)
        } else {
            let c = text[i..].chars().next().expect("a character starts here");
            let alphanumeric = c.is_alphanumeric();
            if alphanumeric {
                hash = fnv_lowercase(hash, c);
            }
            (alphanumeric, i + c.len_utf8())
        };
        if alphanumeric {
            in_word = true;
        } else if in_word {
            out.push(hash);
            hash = FNV_OFFSET;
            in_word = false;
        }
        i = next;
    }
    if in_word {
        out.push(hash);
    }
}

/// Whether a word hash belongs to a stopword.
pub fn is_stopword(hash: u64) -> bool {
    STOPWORD_HASHES.contains(&hash)
}

/// Word statistics of one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms {
    /// Number of words.
    pub words: usize,
    /// Hashes of all words, in order.
    pub hashes: Vec<u64>,
    /// Hashes of the content words (stopwords removed), in order, with repeats.
    pub content: Vec<u64>,
    /// The same hashes, sorted and deduplicated.
    pub set: Vec<u64>,
}

impl Terms {
    /// Computes the terms of `text` (after Unicode NFC normalization, so
    /// composed and decomposed accents count as the same word).
    pub fn of(text: &str) -> Terms {
        use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
        if !text.is_ascii() && is_nfc_quick(text.chars()) != IsNormalized::Yes {
            let normalized: String = text.nfc().collect();
            return Terms::of_normalized(&normalized);
        }
        Terms::of_normalized(text)
    }

    fn of_normalized(text: &str) -> Terms {
        // About one word per six bytes of news text.
        let mut hashes = Vec::with_capacity(text.len() / 6 + 1);
        push_word_hashes(text, &mut hashes);
        let words = hashes.len();
        let stopwords = &*STOPWORD_HASHES;
        let mut content = Vec::with_capacity(words);
        content.extend(hashes.iter().copied().filter(|h| !stopwords.contains(h)));
        let mut set = content.clone();
        set.sort_unstable();
        set.dedup();
        Terms {
            words,
            hashes,
            content,
            set,
        }
    }
}

/// Number of elements two sorted, deduplicated slices share.
pub fn overlap(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_case_insensitive_and_stable() {
        assert_eq!(word_hash("Egypt"), word_hash("EGYPT"));
        assert_eq!(word_hash("Ünïcode"), word_hash("ünïcode"));
        assert_eq!(word_hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(word_hash("\u{dc}n\u{ef}code"), 0xb1b0_d403_50a2_5beb);
    }

    #[test]
    fn terms_drop_stopwords() {
        let t = Terms::of("The cat and the Cat sat.");
        assert_eq!(t.words, 6);
        assert_eq!(t.content.len(), 3);
        assert_eq!(t.set.len(), 2);
        assert_eq!(overlap(&t.set, &Terms::of("a cat").set), 1);
        assert_eq!(
            Terms::of("Cafe\u{301} noir").set,
            Terms::of("Caf\u{e9} noir").set
        );
    }

    /// The words as `str::split` on non-alphanumeric characters finds them.
    fn split_words(text: &str) -> Vec<&str> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn words_and_fused_hashes_agree_with_the_plain_definitions(
            text in "([a-zA-Z0-9 .,'\\-]|\u{e9}|\u{301}|\u{130}|\u{3a3}|\u{df}|\u{2019}|\u{a0}|\u{660}|\u{1f600}|\\PC){0,40}"
        ) {
            let expected = split_words(&text);
            proptest::prop_assert_eq!(words(&text).collect::<Vec<_>>(), expected.clone());
            let mut fused = Vec::new();
            push_word_hashes(&text, &mut fused);
            let hashed: Vec<u64> = expected.iter().map(|w| word_hash(w)).collect();
            proptest::prop_assert_eq!(fused, hashed);
        }
    }
}
