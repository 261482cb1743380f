//! Summary-level choice: rather than taking sentences one by one, score
//! every set of bullets drawn from the best few candidates and keep the
//! best set. The set's value is the sum of the sentences' probabilities,
//! or, with a model that has a set scorer, a learned linear function of
//! the set's features (coverage, redundancy, length, position, ...), and
//! each bullet that opens with a reference to a sentence left out is
//! charged, so "He said..." comes with the sentence naming him, or not at
//! all.

use super::{is_poor, rules, select, Length, Selection};
use crate::document::Document;
use crate::score::learned::Lexicon;
use crate::text::overlap;

/// Number of set features ([`SetFeatures`]).
pub const SET_FEATURES: usize = BASE_FEATURES + CROSSED.len() * (CROSSED.len() + 1) / 2;

/// Features before the crossed ones.
const BASE_FEATURES: usize = 18;

/// Features whose pairwise products (squares included) are features too.
const CROSSED: [usize; 6] = [0, 3, 4, 5, 8, 16];

/// What a set scorer sees of one candidate set of bullets, by index:
/// 0 the sum of the members' probabilities, 1 their minimum, 2 the number
/// of members opening with an unresolved reference, 3 whether sentence 0
/// is a member, 4 the mean of ln(1 + index), 5 the members' words / 100,
/// 6 its square, 7 the largest share of content words two members share,
/// 8 the share of the candidates' document frequency (sentences holding a
/// word, less one) the members' distinct words cover, 9 the share of the
/// title's words covered, 10 members directly following another member,
/// 11 the maximum probability, 12 distinct words / 100, 13 the share of
/// the candidates' squared document frequency covered, 14 the mean
/// log-odds / 10, 15 the mean rank among the candidates, 16 the share of
/// the candidates' positive lexical weights ([`Lexicon::weight`]) covered,
/// 17 that sum / 10; then the products of every pair of the features at
/// [`CROSSED`] (squares included), pairs in order.
pub type SetFeatures = [f32; SET_FEATURES];

/// A learned set scorer: a set's value is the dot product of these weights
/// with its [`SetFeatures`].
pub type SetWeights = [f32; SET_FEATURES];

/// Settings of [`select_set`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetChoice {
    /// Candidates: the best this many acceptable sentences by score, plus
    /// the sentence before each of them that opens with a reference.
    pub candidates: usize,
    /// Charged per bullet opening with a reference whose previous sentence
    /// is not in the set, in units of the set's value.
    pub unresolved_cost: f32,
    /// The set's value: with `None`, the sum of the members' probabilities;
    /// otherwise the learned weights of its features.
    pub weights: Option<SetWeights>,
}

impl Default for SetChoice {
    /// The settings for models without a set scorer, chosen by
    /// cross-validation on CNN/DailyMail (see BENCHMARKS.md): the same
    /// ROUGE as choosing one by one, and fewer unresolved references than
    /// Lead-3.
    fn default() -> Self {
        SetChoice {
            candidates: 6,
            unresolved_cost: 0.2,
            weights: None,
        }
    }
}

/// At most this many candidates (with the added predecessors) are
/// enumerated, so there are at most 4,096 sets.
const MAX_CANDIDATES: usize = 12;

/// Candidates beyond the length asked for, at least.
const SPARE: usize = 2;

/// A distinct word of the candidates.
struct Word {
    hash: u64,
    /// The candidates holding it, a bit each.
    members: u16,
    /// Sentences of the document holding it, less one.
    frequency: f32,
    in_title: bool,
    /// Its lexical weight, 0 when negative.
    lexical: f32,
}

/// The candidates of one document and what the set features need of them.
struct Pool {
    cands: Vec<usize>,
    opens: [bool; MAX_CANDIDATES],
    before: [Option<usize>; MAX_CANDIDATES],
    prob: [f32; MAX_CANDIDATES],
    logit: [f32; MAX_CANDIDATES],
    clash: [u16; MAX_CANDIDATES],
    /// Largest share of shared content words, per pair of candidates.
    shared: [[f32; MAX_CANDIDATES]; MAX_CANDIDATES],
    /// Distinct words of all candidates, sorted by hash; only filled for
    /// learned weights.
    words: Vec<Word>,
    lexical_total: f32,
    frequency_total: f32,
    squared_total: f32,
    title_words: f32,
    size: u32,
}

impl Pool {
    fn new(
        doc: &Document,
        scores: &[f32],
        order: &[usize],
        selection: &Selection,
        choice: &SetChoice,
        lexicon: &Lexicon,
    ) -> Option<Pool> {
        let top = |k: usize| choice.candidates.max(k + SPARE);
        let k = match selection.length {
            Length::Sentences(k) if top(k) <= MAX_CANDIDATES / 2 => k,
            _ => return None,
        };
        let mut cands: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| !is_poor(doc, selection, i))
            .take(top(k))
            .collect();
        let opens_at = |i: usize| i > 0 && rules::opens_with_reference(doc.sentence_text(i));
        for a in 0..cands.len() {
            let i = cands[a];
            if opens_at(i)
                && cands.len() < MAX_CANDIDATES
                && !cands.contains(&(i - 1))
                && !is_poor(doc, selection, i - 1)
            {
                cands.push(i - 1);
            }
        }
        let n = cands.len();
        let mut opens = [false; MAX_CANDIDATES];
        let mut before = [None; MAX_CANDIDATES];
        let mut prob = [0f32; MAX_CANDIDATES];
        let mut logit = [0f32; MAX_CANDIDATES];
        for (a, &i) in cands.iter().enumerate() {
            opens[a] = opens_at(i);
            before[a] = cands.iter().position(|&j| j + 1 == i);
            prob[a] = 1.0 / (1.0 + (-scores[i]).exp());
            logit[a] = scores[i].clamp(-10.0, 10.0);
        }
        let mut clash = [0u16; MAX_CANDIDATES];
        let mut shared = [[0f32; MAX_CANDIDATES]; MAX_CANDIDATES];
        for a in 0..n {
            for b in a + 1..n {
                let (sa, sb) = (&doc.content(cands[a]).set, &doc.content(cands[b]).set);
                let smaller = sa.len().min(sb.len());
                let common = overlap(sa, sb) as f32;
                if smaller > 0 {
                    shared[a][b] = common / smaller as f32;
                    shared[b][a] = shared[a][b];
                }
                // As `redundant` decides.
                if smaller > 0 && common > selection.max_overlap * smaller as f32 {
                    clash[a] |= 1 << b;
                    clash[b] |= 1 << a;
                }
            }
        }
        let mut words: Vec<Word> = Vec::new();
        let title = doc.title.as_ref().map_or(&[][..], |t| &t.set[..]);
        if choice.weights.is_some() {
            for (a, &i) in cands.iter().enumerate() {
                words.extend(doc.content(i).set.iter().map(|&hash| Word {
                    hash,
                    members: 1 << a,
                    frequency: 0.0,
                    in_title: false,
                    lexical: 0.0,
                }));
            }
            words.sort_unstable_by_key(|w| w.hash);
            words.dedup_by(|w, kept| {
                let same = w.hash == kept.hash;
                if same {
                    kept.members |= w.members;
                }
                same
            });
            // Document frequency in one pass over the sentences: each
            // sorted set is looked up in the sorted words, every search
            // starting after the word found before, and only for hashes
            // that pass a 1,024-bit filter of the words (most words of the
            // other sentences miss it). `frequency` counts the sentences
            // holding the word here, less one below.
            let bit = |hash: u64| (hash >> 54) as usize;
            let mut filter = [0u64; 16];
            for w in &words {
                filter[bit(w.hash) / 64] |= 1 << (bit(w.hash) % 64);
            }
            for i in 0..doc.sentences.len() {
                let mut from = 0;
                for &hash in &doc.content(i).set {
                    if filter[bit(hash) / 64] & (1 << (bit(hash) % 64)) == 0 {
                        continue;
                    }
                    match words[from..].binary_search_by_key(&hash, |w| w.hash) {
                        Ok(at) => {
                            words[from + at].frequency += 1.0;
                            from += at + 1;
                        }
                        Err(at) => from += at,
                    }
                    if from == words.len() {
                        break;
                    }
                }
            }
            for w in &mut words {
                w.frequency = (w.frequency - 1.0).max(0.0);
                w.in_title = title.binary_search(&w.hash).is_ok();
                w.lexical = lexicon.weight(w.hash).max(0.0);
            }
        }
        let frequency_total = words.iter().map(|w| w.frequency).sum();
        let squared_total = words.iter().map(|w| w.frequency * w.frequency).sum();
        let lexical_total = words.iter().map(|w| w.lexical).sum();
        Some(Pool {
            size: k.min(n) as u32,
            logit,
            cands,
            opens,
            before,
            prob,
            clash,
            shared,
            words,
            frequency_total,
            squared_total,
            lexical_total,
            title_words: title.len() as f32,
        })
    }

    fn unresolved(&self, a: usize, mask: u16) -> bool {
        self.opens[a] && self.before[a].is_none_or(|b| mask & (1 << b) == 0)
    }

    /// Every set of the wanted size without a redundant pair, as a mask
    /// over the candidates.
    fn sets(&self) -> impl Iterator<Item = u16> + '_ {
        let n = self.cands.len();
        (1u32..(1u32 << n))
            .map(|m| m as u16)
            .filter(|m| m.count_ones() == self.size)
            .filter(move |&m| (0..n).all(|a| m & (1 << a) == 0 || self.clash[a] & m == 0))
    }

    fn members(&self, mask: u16) -> impl Iterator<Item = usize> {
        (0..self.cands.len()).filter(move |&a| mask & (1 << a) != 0)
    }

    fn unresolved_count(&self, mask: u16) -> usize {
        self.members(mask)
            .filter(|&a| self.unresolved(a, mask))
            .count()
    }

    fn features(&self, doc: &Document, mask: u16) -> SetFeatures {
        let mut x = [0f32; SET_FEATURES];
        let (mut min, mut max) = (f32::MAX, f32::MIN);
        let mut words = 0usize;
        let mut shared = 0f32;
        for a in self.members(mask) {
            let i = self.cands[a];
            x[0] += self.prob[a];
            min = min.min(self.prob[a]);
            max = max.max(self.prob[a]);
            x[3] += f32::from(i == 0);
            x[4] += (1.0 + i as f32).ln();
            words += doc.sentences[i].words();
            for b in self.members(mask).filter(|&b| b > a) {
                shared = shared.max(self.shared[a][b]);
            }
            x[10] += f32::from(self.before[a].is_some_and(|b| mask & (1 << b) != 0));
        }
        x[1] = min;
        x[2] = self.unresolved_count(mask) as f32;
        x[4] /= self.size.max(1) as f32;
        x[5] = words as f32 / 100.0;
        x[6] = x[5] * x[5];
        x[7] = shared;
        let (mut frequency, mut title, mut distinct, mut squared) = (0f32, 0f32, 0f32, 0f32);
        let mut lexical = 0f32;
        for w in self.words.iter().filter(|w| w.members & mask != 0) {
            lexical += w.lexical;
            frequency += w.frequency;
            squared += w.frequency * w.frequency;
            title += f32::from(w.in_title);
            distinct += 1.0;
        }
        x[8] = frequency / self.frequency_total.max(1.0);
        x[9] = title / self.title_words.max(1.0);
        x[11] = max;
        x[12] = distinct / 100.0;
        x[13] = squared / self.squared_total.max(1.0);
        let size = self.size.max(1) as f32;
        x[14] = self.members(mask).map(|a| self.logit[a]).sum::<f32>() / size / 10.0;
        x[15] = self.members(mask).map(|a| a as f32).sum::<f32>() / size;
        x[16] = lexical / self.lexical_total.max(1e-6);
        x[17] = lexical / 10.0;
        let mut k = BASE_FEATURES;
        for (a, &i) in CROSSED.iter().enumerate() {
            for &j in &CROSSED[a..] {
                x[k] = x[i] * x[j];
                k += 1;
            }
        }
        x
    }

    fn value(&self, doc: &Document, mask: u16, choice: &SetChoice) -> f32 {
        match &choice.weights {
            None => self.members(mask).fold(0.0, |value, a| {
                let charge = if self.unresolved(a, mask) {
                    choice.unresolved_cost
                } else {
                    0.0
                };
                value + self.prob[a] - charge
            }),
            Some(w) => {
                let x = self.features(doc, mask);
                let charge = choice.unresolved_cost * x[2];
                w.iter().zip(&x).map(|(w, x)| w * x).sum::<f32>() - charge
            }
        }
    }

    fn chosen(&self, mask: u16) -> Vec<usize> {
        let mut chosen: Vec<usize> = self.members(mask).map(|a| self.cands[a]).collect();
        chosen.sort_unstable();
        chosen
    }
}

/// Chooses the bullets of `doc` as the best set among the top candidates
/// (see the module docs); `scores` are the scorer's log-odds and `order`
/// their [`super::rank_order`]. Budgets other than a sentence count,
/// counts over half of [`MAX_CANDIDATES`] less [`SPARE`], and documents
/// where no set avoids redundancy go to [`select`]. `lexicon` is the
/// scorer's lexical prior, which learned set weights read.
pub fn select_set(
    doc: &Document,
    scores: &[f32],
    order: &[usize],
    selection: &Selection,
    choice: &SetChoice,
    lexicon: &Lexicon,
) -> Vec<usize> {
    let Some(pool) = Pool::new(doc, scores, order, selection, choice, lexicon) else {
        return select(doc, order, selection);
    };
    let mut best: Option<(f32, u16)> = None;
    for mask in pool.sets() {
        let value = pool.value(doc, mask, choice);
        if best.is_none_or(|(v, _)| value > v) {
            best = Some((value, mask));
        }
    }
    match best {
        Some((_, mask)) => pool.chosen(mask),
        None => select(doc, order, selection),
    }
}

/// Every set [`select_set`] would weigh, as its sentences in document
/// order with its features: the rows a set scorer is trained on. Empty
/// when [`select_set`] would choose one by one.
pub fn candidate_sets(
    doc: &Document,
    scores: &[f32],
    order: &[usize],
    selection: &Selection,
    choice: &SetChoice,
    lexicon: &Lexicon,
) -> Vec<(Vec<usize>, SetFeatures)> {
    let choice = SetChoice {
        weights: Some(choice.weights.unwrap_or([0.0; SET_FEATURES])),
        ..*choice
    };
    let Some(pool) = Pool::new(doc, scores, order, selection, &choice, lexicon) else {
        return Vec::new();
    };
    pool.sets()
        .map(|mask| (pool.chosen(mask), pool.features(doc, mask)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;
    use crate::select::rank_order;

    const TEXT: &str = "The mayor of Springfield opened the new bridge on Monday morning.\n\n\
        Traffic on the river road was closed for six hours during the ceremony.\n\n\
        He said the bridge cost twelve million dollars and took three years.\n\n\
        Local shops reported far more customers than on an ordinary weekday.\n\n\
        Engineers will inspect the steel frame again in the spring next year.";

    fn doc() -> Document<'static> {
        Document::build(TEXT, &mut clean(TEXT))
    }

    fn two() -> Selection {
        Selection {
            length: Length::Sentences(2),
            max_overlap: 1.0,
            ..Selection::default()
        }
    }

    #[test]
    fn a_reference_comes_with_its_antecedent_or_not_at_all() {
        let doc = doc();
        assert_eq!(doc.sentences.len(), 5);
        // "He said ..." scores best, its antecedent (sentence 1) worst,
        // the next sentence almost as well.
        let scores = [1.0, -3.0, 1.2, 1.0, 0.4];
        let order = rank_order(&scores);
        assert_eq!(select(&doc, &order, &two()), [0, 2], "greedy keeps He");
        let choice = SetChoice::default();
        assert_eq!(
            select_set(&doc, &scores, &order, &two(), &choice, &Lexicon::default()),
            [0, 3]
        );
        // With its antecedent scored well, the pair is chosen.
        let scores = [-1.0, 1.5, 2.0, 0.5, 0.4];
        let order = rank_order(&scores);
        assert_eq!(
            select_set(&doc, &scores, &order, &two(), &choice, &Lexicon::default()),
            [1, 2]
        );
        // Without the charge the set choice is the greedy one.
        let free = SetChoice {
            unresolved_cost: 0.0,
            ..choice
        };
        let scores = [1.0, -3.0, 1.2, 1.0, 0.4];
        let order = rank_order(&scores);
        assert_eq!(
            select_set(&doc, &scores, &order, &two(), &free, &Lexicon::default()),
            [0, 2]
        );
        // A reference the scorer is sure of is kept.
        let scores = [1.0, -3.0, 3.0, 0.5, 0.4];
        let order = rank_order(&scores);
        assert_eq!(
            select_set(&doc, &scores, &order, &two(), &choice, &Lexicon::default()),
            [0, 2]
        );
    }

    #[test]
    fn learned_weights_value_sets_by_their_features() {
        let doc = doc();
        let scores = [0.0, -3.0, 2.0, 1.5, 0.4];
        let order = rank_order(&scores);
        let lexicon = Lexicon::default();
        // Weight only on "has the first sentence": the best pair holds it,
        // with the best-scored other member winning ties (first mask).
        let mut weights = [0.0; SET_FEATURES];
        weights[3] = 1.0;
        let first = SetChoice {
            weights: Some(weights),
            unresolved_cost: 0.0,
            ..SetChoice::default()
        };
        let chosen = select_set(&doc, &scores, &order, &two(), &first, &lexicon);
        assert_eq!(chosen[0], 0);
        // Weight only on the summed probabilities: the two best sentences.
        let mut weights = [0.0; SET_FEATURES];
        weights[0] = 1.0;
        let sum = SetChoice {
            weights: Some(weights),
            ..first
        };
        assert_eq!(
            select_set(&doc, &scores, &order, &two(), &sum, &lexicon),
            [2, 3]
        );
        // The rows a set scorer is trained on are the sets weighed.
        let sets = candidate_sets(&doc, &scores, &order, &two(), &sum, &lexicon);
        assert!(sets.iter().any(|(chosen, _)| chosen == &[2, 3]));
        for (chosen, x) in &sets {
            assert_eq!(chosen.len(), 2);
            assert_eq!(x[3], f32::from(chosen[0] == 0));
            let words: usize = chosen.iter().map(|&i| doc.sentences[i].words()).sum();
            assert!((x[5] - words as f32 / 100.0).abs() < 1e-6);
        }
    }

    #[test]
    fn other_budgets_and_long_summaries_choose_one_by_one() {
        let doc = doc();
        let scores = [1.0, -3.0, 2.0, 0.5, 0.4];
        let order = rank_order(&scores);
        for length in [Length::Words(30), Length::Sentences(5), Length::Ratio(0.5)] {
            let selection = Selection { length, ..two() };
            assert_eq!(
                select_set(
                    &doc,
                    &scores,
                    &order,
                    &selection,
                    &SetChoice::default(),
                    &Lexicon::default()
                ),
                select(&doc, &order, &selection)
            );
        }
    }

    #[test]
    fn redundant_pairs_are_never_chosen() {
        let text = "Storms flooded the coastal town of Brill overnight on Sunday.\n\n\
            Storms flooded the coastal town of Brill overnight, residents said.\n\n\
            Schools across the county will stay closed until Wednesday at least.";
        let doc = Document::build(text, &mut clean(text));
        let scores = [2.0, 1.9, 0.1];
        let selection = Selection {
            max_overlap: 0.5,
            ..two()
        };
        let chosen = select_set(
            &doc,
            &scores,
            &rank_order(&scores),
            &selection,
            &SetChoice::default(),
            &Lexicon::default(),
        );
        assert_eq!(chosen, [0, 2]);
    }
}
