//! The lexical prior: how much more often a word of the article shows up in
//! its highlights than words in general do.
//!
//! Built from a training corpus as smoothed log-odds per word, relative to
//! the corpus-wide rate; words never seen in training score 0.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;

/// Log-odds ratio of each word (by [`crate::text::word_hash`]) appearing in
/// the highlights when it appears in the article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    weights: FxHashMap<u64, f32>,
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
        Lexicon { weights }
    }

    /// Builds a lexicon from explicit weights.
    pub fn from_weights(weights: HashMap<u64, f32>) -> Lexicon {
        Lexicon {
            weights: weights.into_iter().collect(),
        }
    }

    /// The weight of a word, 0 when unknown.
    pub fn weight(&self, word: u64) -> f32 {
        self.weights.get(&word).copied().unwrap_or(0.0)
    }

    /// Number of words with a weight.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether the lexicon holds no word.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// All `(word, weight)` pairs, sorted by word so output is deterministic.
    pub fn sorted(&self) -> Vec<(u64, f32)> {
        let mut out: Vec<(u64, f32)> = self.weights.iter().map(|(&w, &v)| (w, v)).collect();
        out.sort_unstable_by_key(|&(w, _)| w);
        out
    }
}
