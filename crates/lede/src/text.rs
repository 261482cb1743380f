//! Word-level views of sentences used by the scorers and the selector.
//!
//! Words are runs of alphanumeric characters, lowercased and hashed to
//! `u64` so that comparing sentences never allocates a string per word.

use std::collections::HashSet;
use std::sync::LazyLock;

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

static STOPWORD_HASHES: LazyLock<HashSet<u64>> =
    LazyLock::new(|| STOPWORDS.iter().map(|w| word_hash(w)).collect());

/// FNV-1a over the lowercased characters of `word`. Hand-written because it
/// must be stable across platforms and releases (hashes are stored in
/// trained models) and must lowercase on the fly without allocating.
pub fn word_hash(word: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let mut feed = |byte: u8| {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(PRIME);
    };
    if word.is_ascii() {
        for b in word.bytes() {
            feed(b.to_ascii_lowercase());
        }
    } else {
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                feed(b);
            }
        }
    }
    hash
}

/// The alphanumeric words of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
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
        let hashes: Vec<u64> = self::words(text).map(word_hash).collect();
        let words = hashes.len();
        let content: Vec<u64> = hashes
            .iter()
            .copied()
            .filter(|&h| !is_stopword(h))
            .collect();
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
}
