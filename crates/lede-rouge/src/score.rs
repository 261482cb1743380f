//! The ROUGE scorer.

use std::fmt;
use std::str::FromStr;

use rustc_hash::FxHashMap;

use crate::tokenize::{with_tokenizer, Doc, Scratch, Tokenizer};
use crate::Error;

/// A ROUGE variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RougeType {
    /// ROUGE-N: overlap of n-grams (`n >= 1`).
    N(usize),
    /// ROUGE-L: longest common subsequence of the whole texts.
    L,
    /// ROUGE-Lsum: summary-level LCS over `\n`-separated sentences.
    Lsum,
}

impl RougeType {
    /// ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum, the usual set.
    pub const STANDARD: [RougeType; 4] = [
        RougeType::N(1),
        RougeType::N(2),
        RougeType::L,
        RougeType::Lsum,
    ];
}

impl fmt::Display for RougeType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RougeType::N(n) => write!(f, "rouge{n}"),
            RougeType::L => f.write_str("rougeL"),
            RougeType::Lsum => f.write_str("rougeLsum"),
        }
    }
}

impl FromStr for RougeType {
    type Err = Error;

    /// Parses rouge-score's names: `rouge1`, `rouge2`, ..., `rougeL`, `rougeLsum`.
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "rougeL" => Ok(RougeType::L),
            "rougeLsum" => Ok(RougeType::Lsum),
            _ => match s.strip_prefix("rouge").map(str::parse::<usize>) {
                Some(Ok(0)) => Err(Error::ZeroN),
                Some(Ok(n)) => Ok(RougeType::N(n)),
                _ => Err(Error::UnknownType(s.to_owned())),
            },
        }
    }
}

/// Precision, recall and F1 of one ROUGE variant.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Score {
    /// Matches over the prediction's size.
    pub precision: f64,
    /// Matches over the reference's size.
    pub recall: f64,
    /// `2PR / (P + R)`, or 0 when both are 0.
    pub fmeasure: f64,
}

impl Score {
    /// A score from precision and recall, with rouge-score's F1.
    pub fn new(precision: f64, recall: f64) -> Score {
        let fmeasure = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            precision,
            recall,
            fmeasure,
        }
    }

    /// The score of `hits` matches out of `predicted` and `reference` units,
    /// with rouge-score's divisions (a zero size counts as 1).
    fn from_counts(hits: usize, predicted: usize, reference: usize) -> Score {
        Score::new(
            hits as f64 / predicted.max(1) as f64,
            hits as f64 / reference.max(1) as f64,
        )
    }
}

/// The scores of one prediction, one entry per configured [`RougeType`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scores(pub Vec<(RougeType, Score)>);

impl Scores {
    /// The score of `rouge_type`, if it was computed.
    pub fn get(&self, rouge_type: RougeType) -> Option<Score> {
        self.0
            .iter()
            .find(|(t, _)| *t == rouge_type)
            .map(|&(_, s)| s)
    }
}

/// What a [`RougeScorer`] computes.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Variants to compute, in output order.
    pub types: Vec<RougeType>,
    /// Porter-stem tokens longer than 3 characters (rouge-score's `use_stemmer`).
    pub stemmer: bool,
}

impl Default for Config {
    /// [`RougeType::STANDARD`] with stemming.
    fn default() -> Config {
        Config {
            types: RougeType::STANDARD.to_vec(),
            stemmer: true,
        }
    }
}

/// Scores predictions against references exactly as rouge-score 0.1.2's
/// `RougeScorer(types, use_stemmer).score(reference, prediction)`.
///
/// The scorer is cheap to share between threads; each thread keeps its own
/// token and stem cache.
///
/// ```
/// use lede_rouge::{RougeScorer, RougeType};
/// let scorer = RougeScorer::new(Default::default()).unwrap();
/// let scores = scorer.score("The cats sat.\nThey slept.", "The cat sat on the mat.\nIt slept.");
/// let r1 = scores.get(RougeType::N(1)).unwrap();
/// assert_eq!((r1.precision, r1.recall), (4.0 / 5.0, 4.0 / 8.0));
/// ```
#[derive(Debug, Clone)]
pub struct RougeScorer {
    config: Config,
    tokenizer: Tokenizer,
}

impl RougeScorer {
    /// A scorer for `config`; fails on ROUGE-N with `n = 0`.
    pub fn new(config: Config) -> Result<RougeScorer, Error> {
        if config.types.contains(&RougeType::N(0)) {
            return Err(Error::ZeroN);
        }
        Ok(RougeScorer {
            config,
            tokenizer: Tokenizer::RougeScore,
        })
    }

    /// The same scorer with another tokenizer; [`Tokenizer::RougeScore`]
    /// (rouge-score's own) is the default.
    ///
    /// ```
    /// use lede_rouge::{RougeScorer, RougeType, Snowball, Tokenizer};
    /// let scorer = RougeScorer::new(Default::default())
    ///     .unwrap()
    ///     .with_tokenizer(Tokenizer::Multilingual(Some(Snowball::French)));
    /// let r1 = scorer.score("Le préfet parle.", "Le préfet parlait.").get(RougeType::N(1)).unwrap();
    /// assert_eq!((r1.precision, r1.recall), (1.0, 1.0));
    /// ```
    pub fn with_tokenizer(self, tokenizer: Tokenizer) -> RougeScorer {
        RougeScorer { tokenizer, ..self }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The tokenizer.
    pub fn tokenizer(&self) -> Tokenizer {
        self.tokenizer
    }

    /// Scores `prediction` against `reference`. For ROUGE-Lsum both are
    /// split into sentences on `\n`.
    pub fn score(&self, prediction: &str, reference: &str) -> Scores {
        with_tokenizer(self.tokenizer, self.config.stemmer, |tokenizer, scratch| {
            let mut docs = std::mem::take(&mut scratch.docs);
            docs.resize_with(2, Doc::default);
            tokenizer.tokenize(prediction, &mut docs[0]);
            tokenizer.tokenize(reference, &mut docs[1]);
            let k = tokenizer.distinct();
            let scores = self
                .config
                .types
                .iter()
                .map(|&t| (t, score_type(t, &docs[0], &docs[1], k, scratch)))
                .collect();
            scratch.docs = docs;
            Scores(scores)
        })
    }
}

fn score_type(
    rouge_type: RougeType,
    pred: &Doc,
    reference: &Doc,
    k: usize,
    scratch: &mut Scratch,
) -> Score {
    match rouge_type {
        RougeType::N(n) => {
            let hits = ngram_overlap(&pred.ids, &reference.ids, n, k, scratch);
            let count = |len: usize| (len + 1).saturating_sub(n);
            Score::from_counts(hits, count(pred.ids.len()), count(reference.ids.len()))
        }
        RougeType::L => {
            if pred.ids.is_empty() || reference.ids.is_empty() {
                return Score::default();
            }
            let (short, long) = if pred.ids.len() <= reference.ids.len() {
                (&pred.ids, &reference.ids)
            } else {
                (&reference.ids, &pred.ids)
            };
            scratch.lcs.set_pattern(short, k);
            let lcs = scratch.lcs.length(long);
            Score::from_counts(lcs, pred.ids.len(), reference.ids.len())
        }
        RougeType::Lsum => {
            let hits = summary_level_lcs(pred, reference, k, scratch);
            Score::from_counts(hits, pred.ids.len(), reference.ids.len())
        }
    }
}

/// Number of n-grams shared by `a` and `b`, counted with multiplicity
/// (`sum over n-grams of min(count in a, count in b)`).
pub(crate) fn ngram_overlap(
    a: &[u32],
    b: &[u32],
    n: usize,
    k: usize,
    scratch: &mut Scratch,
) -> usize {
    if a.len() < n || b.len() < n {
        return 0;
    }
    match n {
        1 => {
            let counts = scratch.counts_for(k);
            for &t in b {
                counts[t as usize] += 1;
            }
            let mut hits = 0;
            for &t in a {
                let c = &mut counts[t as usize];
                if *c > 0 {
                    *c -= 1;
                    hits += 1;
                }
            }
            for &t in b {
                counts[t as usize] = 0;
            }
            hits
        }
        2 => {
            let counts = &mut scratch.bigrams;
            counts.clear();
            let key = |w: &[u32]| (u64::from(w[0]) << 32) | u64::from(w[1]);
            for w in b.windows(2) {
                *counts.entry(key(w)).or_insert(0) += 1;
            }
            count_hits(a.windows(2).map(key), counts)
        }
        _ => {
            let mut counts: FxHashMap<&[u32], u32> = FxHashMap::default();
            for w in b.windows(n) {
                *counts.entry(w).or_insert(0) += 1;
            }
            count_hits(a.windows(n), &mut counts)
        }
    }
}

/// Takes each of `grams` out of `counts` while it lasts; returns how many were found.
fn count_hits<K: std::hash::Hash + Eq>(
    grams: impl Iterator<Item = K>,
    counts: &mut FxHashMap<K, u32>,
) -> usize {
    let mut hits = 0;
    for g in grams {
        if let Some(c) = counts.get_mut(&g) {
            if *c > 0 {
                *c -= 1;
                hits += 1;
            }
        }
    }
    hits
}

/// rouge-score's `_summary_level_lcs` hit count: for each reference
/// sentence, the union of the LCS positions against every predicted
/// sentence; each token of the union counts while both texts still have an
/// unmatched copy of it. That clipping depends only on per-token totals, so
/// hits = sum over tokens of min(union occurrences, predicted count).
fn summary_level_lcs(pred: &Doc, reference: &Doc, k: usize, scratch: &mut Scratch) -> usize {
    if pred.ids.is_empty() || reference.ids.is_empty() {
        return 0;
    }
    let mut marks = std::mem::take(&mut scratch.marks);
    marks.clear();
    marks.resize(reference.ids.len(), false);
    for cand in pred.lines().filter(|r| !r.is_empty()) {
        scratch.lcs.set_pattern(&pred.ids[cand], k);
        for sent in reference.lines().filter(|r| !r.is_empty()) {
            let start = sent.start;
            let end = sent.end;
            scratch
                .lcs
                .mark(&reference.ids[sent], &mut marks[start..end]);
        }
    }
    let counts = scratch.counts_for(k);
    for &t in &pred.ids {
        counts[t as usize] += 1;
    }
    let mut hits = 0;
    for (&t, _) in reference.ids.iter().zip(&marks).filter(|(_, &m)| m) {
        let c = &mut counts[t as usize];
        if *c > 0 {
            *c -= 1;
            hits += 1;
        }
    }
    for &t in &pred.ids {
        counts[t as usize] = 0;
    }
    scratch.marks = marks;
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scorer(types: &[&str], stemmer: bool) -> RougeScorer {
        let types = types.iter().map(|t| t.parse().unwrap()).collect();
        RougeScorer::new(Config { types, stemmer }).unwrap()
    }

    #[test]
    fn parses_and_prints_types() {
        for name in ["rouge1", "rouge2", "rouge12", "rougeL", "rougeLsum"] {
            assert_eq!(name.parse::<RougeType>().unwrap().to_string(), name);
        }
        assert!(matches!("rouge0".parse::<RougeType>(), Err(Error::ZeroN)));
        assert!(matches!(
            "rougeX".parse::<RougeType>(),
            Err(Error::UnknownType(_))
        ));
        assert!(RougeScorer::new(Config {
            types: vec![RougeType::N(0)],
            stemmer: false
        })
        .is_err());
    }

    #[test]
    fn empty_and_vanishing_texts_score_zero() {
        let s = scorer(&["rouge1", "rouge3", "rougeL", "rougeLsum"], true);
        for (p, r) in [
            ("", ""),
            ("", "a b"),
            ("a b", ""),
            ("日本語", "日本語"),
            ("\n\n", "--"),
        ] {
            for (_, score) in s.score(p, r).0 {
                assert_eq!(score, Score::default(), "{p:?} vs {r:?}");
            }
        }
    }

    #[test]
    fn hand_computed_values() {
        let s = scorer(&["rouge1", "rouge2", "rougeL", "rougeLsum"], false);
        let scores = s.score("a b c d", "a c b d");
        assert_eq!(scores.get(RougeType::N(1)).unwrap().fmeasure, 1.0);
        assert_eq!(scores.get(RougeType::N(2)).unwrap().precision, 0.0);
        assert_eq!(scores.get(RougeType::L).unwrap().recall, 0.75);
        // Lsum: reference sentence "a b" against candidate lines "b" and "a":
        // union of the two LCS is both tokens.
        let lsum = s.score("b\na", "a b").get(RougeType::Lsum).unwrap();
        let l = s.score("b\na", "a b").get(RougeType::L).unwrap();
        assert_eq!((lsum.recall, l.recall), (1.0, 0.5));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// The tokenizer spelled out with Rust's own Unicode lowercasing, which
    /// agrees with Python's on every character that lowercases into ASCII.
    fn naive_tokens(text: &str) -> Vec<String> {
        let mapped: String = text
            .to_lowercase()
            .chars()
            .map(|c| {
                if c.is_ascii_lowercase() || c.is_ascii_digit() {
                    c
                } else {
                    ' '
                }
            })
            .collect();
        mapped.split_whitespace().map(str::to_owned).collect()
    }

    fn text() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("the".to_owned()),
            Just("Cats".to_owned()),
            Just("running".to_owned()),
            Just("İzmir".to_owned()),
            Just("\u{212a}elvin".to_owned()),
            Just("\n".to_owned()),
            Just("!".to_owned()),
            "\\PC{0,6}",
        ];
        prop::collection::vec(word, 0..40).prop_map(|w| w.join(" "))
    }

    proptest! {
        #[test]
        fn tokenizer_matches_unicode_lowercasing(t in "\\PC{0,80}") {
            prop_assert_eq!(crate::tokenize(&t, false), naive_tokens(&t));
        }

        #[test]
        fn scores_are_bounded_and_symmetric(p in text(), r in text(), stemmer: bool) {
            let scorer = RougeScorer::new(Config {
                types: vec![RougeType::N(1), RougeType::N(3), RougeType::L, RougeType::Lsum],
                stemmer,
            })
            .unwrap();
            let forward = scorer.score(&p, &r);
            let backward = scorer.score(&r, &p);
            for ((t, s), (_, b)) in forward.0.iter().zip(&backward.0) {
                for v in [s.precision, s.recall, s.fmeasure] {
                    prop_assert!((0.0..=1.0).contains(&v));
                }
                if *t != RougeType::Lsum {
                    prop_assert_eq!((s.precision, s.recall), (b.recall, b.precision));
                }
            }
        }
    }

    #[test]
    fn scores_survive_the_token_cache_being_emptied() {
        let scorer = RougeScorer::new(Config::default()).unwrap();
        let before = scorer.score("the cats sat", "a cat sat down");
        let unigrams = RougeScorer::new(Config {
            types: vec![RougeType::N(1)],
            stemmer: true,
        })
        .unwrap();
        let huge: String = (0..(1 << 18) + 10).map(|i| format!("w{i} ")).collect();
        let r1 = unigrams.score(&huge, &huge).get(RougeType::N(1)).unwrap();
        assert_eq!(r1.fmeasure, 1.0);
        // This call empties the cache first and must still agree.
        assert_eq!(scorer.score("the cats sat", "a cat sat down"), before);
        assert_eq!(before.get(RougeType::N(1)).unwrap().precision, 2.0 / 3.0);
    }

    #[test]
    fn ten_thousand_sentence_summaries_are_scored() {
        let scorer = RougeScorer::new(Config::default()).unwrap();
        let long: String = (0..10_000)
            .map(|i| format!("Sentence {i} says the cat sat.\n"))
            .collect();
        let short = "The cat sat on the mat.\nNothing else happened.";
        for (p, r) in [(long.as_str(), short), (short, long.as_str())] {
            let scores = scorer.score(p, r);
            let lsum = scores.get(RougeType::Lsum).unwrap();
            assert!(lsum.fmeasure > 0.0 && lsum.fmeasure < 1.0);
        }
    }
}
