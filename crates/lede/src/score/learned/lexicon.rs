//! The lexical prior: how much more often a word of the article shows up in
//! its highlights than words in general do.
//!
//! Built from a training corpus as smoothed log-odds per word, relative to
//! the corpus-wide rate; words never seen in training score 0.

use std::collections::{HashMap, HashSet};

/// Log-odds ratio of each word (by [`crate::text::word_hash`]) appearing in
/// the highlights when it appears in the article.
///
/// Stored for the look-up run on every distinct word of every document:
/// open addressing at most half full, each slot the word and its weight
/// side by side (one cache line holds four), probed linearly from the
/// word's multiplied high bits. Words go in sorted, so equal lexicons have
/// equal tables.
#[derive(Debug, Clone, PartialEq)]
pub struct Lexicon {
    /// `(word, weight)` per slot; the word 0 marks an empty slot.
    slots: Box<[Slot]>,
    /// `64 - log2(slots.len())`: the shift that maps a hash to its home slot.
    shift: u32,
    /// The weight of the word 0 itself, when it has one.
    zero: Option<f32>,
    /// Number of words with a weight.
    len: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Slot {
    word: u64,
    weight: f32,
}

const EMPTY: Slot = Slot {
    word: 0,
    weight: 0.0,
};

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::from_pairs(Vec::new())
    }
}

/// Pseudo-count pulling rare words towards the corpus-wide rate.
const SMOOTHING: f32 = 5.0;

/// Words seen in fewer training articles than this are left out.
const MIN_DOCUMENTS: u32 = 3;

impl Lexicon {
    /// Builds a lexicon from `(article words, highlight words)` pairs, one
    /// per training document (each a set of word hashes).
    pub fn build<'a>(docs: impl IntoIterator<Item = (&'a [u64], &'a HashSet<u64>)>) -> Lexicon {
        let mut counts: HashMap<u64, (u32, u32)> = HashMap::new();
        let (mut kept, mut total) = (0u64, 0u64);
        for (article, highlights) in docs {
            for &w in article {
                let entry = counts.entry(w).or_default();
                entry.1 += 1;
                total += 1;
                if highlights.contains(&w) {
                    entry.0 += 1;
                    kept += 1;
                }
            }
        }
        if total == 0 {
            return Lexicon::default();
        }
        let p0 = (kept as f32 / total as f32).clamp(1e-4, 1.0 - 1e-4);
        let base = (p0 / (1.0 - p0)).ln();
        let weights = counts
            .into_iter()
            .filter(|&(_, (_, n))| n >= MIN_DOCUMENTS)
            .map(|(w, (x, n))| {
                let odds = (x as f32 + SMOOTHING * p0) / ((n - x) as f32 + SMOOTHING * (1.0 - p0));
                (w, odds.ln() - base)
            })
            .collect();
        Lexicon::from_pairs(weights)
    }

    /// Builds a lexicon from explicit weights.
    pub fn from_weights(weights: HashMap<u64, f32>) -> Lexicon {
        Lexicon::from_pairs(weights.into_iter().collect())
    }

    /// The table of `pairs` (distinct words).
    fn from_pairs(mut pairs: Vec<(u64, f32)>) -> Lexicon {
        pairs.sort_unstable_by_key(|&(w, _)| w);
        let size = (pairs.len() * 2).next_power_of_two().max(16);
        let mut lexicon = Lexicon {
            slots: vec![EMPTY; size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
            zero: None,
            len: pairs.len(),
        };
        for (word, weight) in pairs {
            if word == 0 {
                lexicon.zero = Some(weight);
                continue;
            }
            let mut i = lexicon.home(word);
            while lexicon.slots[i].word != 0 {
                i = (i + 1) & (size - 1);
            }
            lexicon.slots[i] = Slot { word, weight };
        }
        lexicon
    }

    #[inline]
    fn home(&self, word: u64) -> usize {
        (word.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// The weight of a word, 0 when unknown.
    #[inline]
    pub fn weight(&self, word: u64) -> f32 {
        if word == 0 {
            return self.zero.unwrap_or(0.0);
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(word);
        loop {
            let slot = self.slots[i];
            if slot.word == word {
                return slot.weight;
            }
            if slot.word == 0 {
                return 0.0;
            }
            i = (i + 1) & mask;
        }
    }

    /// Number of words with a weight.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the lexicon holds no word.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// All `(word, weight)` pairs, sorted by word so output is deterministic.
    pub fn sorted(&self) -> Vec<(u64, f32)> {
        let mut out: Vec<(u64, f32)> = self
            .zero
            .map(|weight| (0, weight))
            .into_iter()
            .chain(
                self.slots
                    .iter()
                    .filter(|slot| slot.word != 0)
                    .map(|slot| (slot.word, slot.weight)),
            )
            .collect();
        out.sort_unstable_by_key(|&(w, _)| w);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_come_back_for_every_word_and_zero_for_the_rest() {
        let weights: HashMap<u64, f32> = (0..500u64)
            .map(|i| (i.wrapping_mul(0x1234_5678_9abc_def1), i as f32 * 0.5 - 7.0))
            .collect();
        let lexicon = Lexicon::from_weights(weights.clone());
        assert_eq!(lexicon.len(), 500);
        for (&word, &weight) in &weights {
            assert_eq!(lexicon.weight(word).to_bits(), weight.to_bits());
        }
        assert!((1..5000u64)
            .filter(|w| !weights.contains_key(w))
            .all(|w| lexicon.weight(w) == 0.0));
        let mut expected: Vec<(u64, f32)> = weights.into_iter().collect();
        expected.sort_unstable_by_key(|&(w, _)| w);
        assert_eq!(lexicon.sorted(), expected);
        assert_eq!(Lexicon::from_pairs(expected), lexicon);
        let empty = Lexicon::default();
        assert!(empty.is_empty());
        assert_eq!(empty.weight(0), 0.0);
        assert_eq!(empty.weight(42), 0.0);
    }
}
