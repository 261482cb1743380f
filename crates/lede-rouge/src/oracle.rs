//! Greedy extractive oracle: the sentences whose summary best matches the
//! reference, used as training labels.
//!
//! The objective is rouge-score's ROUGE-1 F1 + ROUGE-2 F1 (with stemming)
//! of the chosen sentences joined by `\n` in document order, against the
//! reference. Adding a sentence only changes the n-gram counts of the
//! summary by the sentence's own n-grams and the bigrams at its two joins,
//! so each candidate is scored incrementally in time proportional to its
//! length instead of re-scoring the whole summary.

use rustc_hash::FxHashMap;

use crate::score::Score;
use crate::tokenize::{with_tokenizer, Doc, Tokenizer};

/// Picks sentences greedily: at each step the one that raises ROUGE-1 F1 +
/// ROUGE-2 F1 the most (the earliest on ties), until `max_sentences` are
/// chosen or no sentence improves the score. Returns indices into
/// `sentences` in document order.
///
/// ```
/// let sentences = ["Rain fell in Paris.", "The mayor spoke.", "Floods closed roads in Paris."];
/// let chosen = lede_rouge::greedy_oracle(&sentences, "Floods closed Paris roads after rain.", 3);
/// assert_eq!(chosen, [2]);
/// ```
pub fn greedy_oracle(sentences: &[&str], reference: &str, max_sentences: usize) -> Vec<usize> {
    greedy_oracle_with(sentences, reference, max_sentences, Tokenizer::RougeScore)
}

/// [`greedy_oracle`] with tokens (stemmed) from `tokenizer` instead of
/// rouge-score's: the oracle of multilingual ROUGE.
///
/// ```
/// use lede_rouge::{greedy_oracle_with, Snowball, Tokenizer};
/// let sentences = ["Il pleut à Paris.", "Le préfet a fermé les routes."];
/// let french = Tokenizer::Multilingual(Some(Snowball::French));
/// assert_eq!(greedy_oracle_with(&sentences, "Routes fermées par le préfet", 2, french), [1]);
/// ```
pub fn greedy_oracle_with(
    sentences: &[&str],
    reference: &str,
    max_sentences: usize,
    tokenizer: Tokenizer,
) -> Vec<usize> {
    with_tokenizer(tokenizer, true, |tokenizer, _| {
        let mut reference_doc = Doc::default();
        tokenizer.tokenize(reference, &mut reference_doc);
        let docs: Vec<Doc> = sentences
            .iter()
            .map(|s| {
                let mut doc = Doc::default();
                tokenizer.tokenize(s, &mut doc);
                doc
            })
            .collect();
        let k = tokenizer.distinct();
        let sents: Vec<&[u32]> = docs.iter().map(|d| d.ids.as_slice()).collect();
        Greedy::new(&reference_doc.ids, k).run(&sents, max_sentences)
    })
}

/// 0/1 label per sentence: 1 for sentences in `chosen`.
pub fn oracle_labels(chosen: &[usize], n_sentences: usize) -> Vec<u8> {
    let mut labels = vec![0; n_sentences];
    for &i in chosen {
        if let Some(l) = labels.get_mut(i) {
            *l = 1;
        }
    }
    labels
}

fn bigram(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// State of the greedy search: reference counts and the summary so far.
struct Greedy {
    ref_unigrams: Vec<u32>,
    ref_bigrams: FxHashMap<u64, u32>,
    ref_len: usize,
    unigrams: Vec<u32>,
    bigrams: FxHashMap<u64, u32>,
    hits1: usize,
    hits2: usize,
    len: usize,
}

/// A change to the summary's bigram counts.
struct Delta {
    add: Vec<u64>,
    remove: Option<u64>,
}

impl Greedy {
    fn new(reference: &[u32], k: usize) -> Greedy {
        let mut ref_unigrams = vec![0; k];
        for &t in reference {
            ref_unigrams[t as usize] += 1;
        }
        let mut ref_bigrams = FxHashMap::default();
        for w in reference.windows(2) {
            *ref_bigrams.entry(bigram(w[0], w[1])).or_insert(0) += 1;
        }
        Greedy {
            ref_unigrams,
            ref_bigrams,
            ref_len: reference.len(),
            unigrams: vec![0; k],
            bigrams: FxHashMap::default(),
            hits1: 0,
            hits2: 0,
            len: 0,
        }
    }

    fn objective(&self, hits1: usize, hits2: usize, len: usize) -> f64 {
        let r1 = Score::new(
            hits1 as f64 / len.max(1) as f64,
            hits1 as f64 / self.ref_len.max(1) as f64,
        );
        let (n2, ref2) = (len.saturating_sub(1), self.ref_len.saturating_sub(1));
        let r2 = Score::new(
            hits2 as f64 / n2.max(1) as f64,
            hits2 as f64 / ref2.max(1) as f64,
        );
        r1.fmeasure + r2.fmeasure
    }

    /// Bigram changes from inserting `sent` between tokens `prev` and `next`.
    fn delta(sent: &[u32], prev: Option<u32>, next: Option<u32>) -> Delta {
        let mut add: Vec<u64> = sent.windows(2).map(|w| bigram(w[0], w[1])).collect();
        let (Some(&first), Some(&last)) = (sent.first(), sent.last()) else {
            return Delta { add, remove: None };
        };
        add.extend(prev.map(|p| bigram(p, first)));
        add.extend(next.map(|n| bigram(last, n)));
        let remove = prev.zip(next).map(|(p, n)| bigram(p, n));
        Delta { add, remove }
    }

    /// Applies `delta` and `sent`'s unigrams; returns the new hit counts.
    /// With `undo`, the summary is left unchanged.
    fn apply(&mut self, sent: &[u32], delta: &Delta, undo: bool) -> (usize, usize) {
        let (mut hits1, mut hits2) = (self.hits1, self.hits2);
        for &t in sent {
            let c = &mut self.unigrams[t as usize];
            if *c < self.ref_unigrams[t as usize] {
                hits1 += 1;
            }
            *c += 1;
        }
        let limit = |g: &u64| self.ref_bigrams.get(g).copied().unwrap_or(0);
        if let Some(g) = delta.remove {
            let c = self.bigrams.entry(g).or_insert(0);
            if *c <= limit(&g) {
                hits2 -= 1;
            }
            *c -= 1;
        }
        for g in &delta.add {
            let c = self.bigrams.entry(*g).or_insert(0);
            if *c < limit(g) {
                hits2 += 1;
            }
            *c += 1;
        }
        if undo {
            for &t in sent {
                self.unigrams[t as usize] -= 1;
            }
            for g in &delta.add {
                *self.bigrams.get_mut(g).expect("added above") -= 1;
            }
            if let Some(g) = delta.remove {
                *self.bigrams.get_mut(&g).expect("present above") += 1;
            }
        }
        (hits1, hits2)
    }

    fn run(mut self, sents: &[&[u32]], max_sentences: usize) -> Vec<usize> {
        let mut chosen = vec![false; sents.len()];
        let mut score = 0.0;
        let mut prev = vec![None; sents.len()];
        let mut next = vec![None; sents.len()];
        for _ in 0..max_sentences.min(sents.len()) {
            // Token before and after each position in the current summary.
            let mut last = None;
            for (i, s) in sents.iter().enumerate() {
                prev[i] = last;
                if chosen[i] {
                    last = s.last().copied().or(last);
                }
            }
            let mut first = None;
            for (i, s) in sents.iter().enumerate().rev() {
                next[i] = first;
                if chosen[i] {
                    first = s.first().copied().or(first);
                }
            }
            let mut best: Option<(f64, usize)> = None;
            for (i, sent) in sents.iter().enumerate() {
                if chosen[i] || sent.is_empty() {
                    continue;
                }
                let delta = Greedy::delta(sent, prev[i], next[i]);
                let (h1, h2) = self.apply(sent, &delta, true);
                let value = self.objective(h1, h2, self.len + sent.len());
                if best.is_none_or(|(b, _)| value > b) {
                    best = Some((value, i));
                }
            }
            match best {
                Some((value, i)) if value > score => {
                    let delta = Greedy::delta(sents[i], prev[i], next[i]);
                    (self.hits1, self.hits2) = self.apply(sents[i], &delta, false);
                    self.len += sents[i].len();
                    chosen[i] = true;
                    score = value;
                }
                _ => break,
            }
        }
        (0..sents.len()).filter(|&i| chosen[i]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, RougeScorer, RougeType};

    fn objective_by_scorer(sentences: &[&str], chosen: &[usize], reference: &str) -> f64 {
        let scorer = RougeScorer::new(Config {
            types: vec![RougeType::N(1), RougeType::N(2)],
            stemmer: true,
        })
        .unwrap();
        let summary: Vec<&str> = chosen.iter().map(|&i| sentences[i]).collect();
        let s = scorer.score(&summary.join("\n"), reference);
        s.0.iter().map(|(_, x)| x.fmeasure).sum()
    }

    /// Brute force of the same greedy rule with the full scorer.
    fn greedy_by_scorer(sentences: &[&str], reference: &str, max: usize) -> Vec<usize> {
        let mut chosen: Vec<usize> = Vec::new();
        let mut score = 0.0;
        while chosen.len() < max {
            let mut best: Option<(f64, usize)> = None;
            for i in 0..sentences.len() {
                if chosen.contains(&i) || crate::tokenize(sentences[i], true).is_empty() {
                    continue;
                }
                let mut trial = chosen.clone();
                trial.push(i);
                trial.sort_unstable();
                let v = objective_by_scorer(sentences, &trial, reference);
                if best.is_none_or(|(b, _)| v > b) {
                    best = Some((v, i));
                }
            }
            match best {
                Some((v, i)) if v > score => {
                    chosen.push(i);
                    chosen.sort_unstable();
                    score = v;
                }
                _ => break,
            }
        }
        chosen
    }

    #[test]
    fn matches_brute_force_greedy() {
        let sentences = [
            "The storm hit the coast on Monday.",
            "",
            "Officials said the coast road was closed.",
            "!!!",
            "Storm damage reached the town centre.",
            "A local team won its match.",
            "The road will reopen on Friday, officials said.",
            "the storm the storm the storm",
        ];
        for reference in [
            "storm hit the coast\nroad closed until friday",
            "team won the match",
            "nothing in common here",
            "",
            "the storm the storm hit the coast road",
        ] {
            for max in [0, 1, 2, 3, 8] {
                let ours = greedy_oracle(&sentences, reference, max);
                let brute = greedy_by_scorer(&sentences, reference, max);
                assert_eq!(ours, brute, "{reference:?} max {max}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn matches_brute_force_on_random_documents(
            sentences in proptest::collection::vec("(the|cat|cats|sat|on|mat|dog|ran|!| ){0,12}", 0..9),
            reference in "(the|cat|sat|mat|dog|ran|\\n| ){0,20}",
            max in 0usize..5,
        ) {
            let sentences: Vec<&str> = sentences.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(
                greedy_oracle(&sentences, &reference, max),
                greedy_by_scorer(&sentences, &reference, max)
            );
        }
    }

    #[test]
    fn labels_mark_chosen_sentences() {
        assert_eq!(oracle_labels(&[0, 2, 9], 4), vec![1, 0, 1, 0]);
        assert!(greedy_oracle(&[], "anything", 3).is_empty());
    }
}
