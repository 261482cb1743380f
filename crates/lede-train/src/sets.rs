//! The set scorer: candidate sets of bullets ([`lede::select::candidate_sets`])
//! labelled with their ROUGE against the reference, and ridge regression of
//! that ROUGE on the set features, within each document.

use lede::document::Document;
use lede::score::learned::Lexicon;
use lede::select::{candidate_sets, rank_order, Selection, SetChoice, SetWeights, SET_FEATURES};
use lede_rouge::{RougeScorer, RougeType};

use crate::oracle::lines;

/// How the set scorer is fitted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetRecipe {
    /// Ridge penalty, as a share of the mean variance of the features.
    pub ridge: f64,
    /// Charged per bullet opening with an unresolved reference, in points
    /// of mean ROUGE F1 x100.
    pub unresolved_cost: f32,
}

/// The candidate sets of one document with their features and ROUGE.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelledSets {
    /// Each set: its sentences in document order, its features and its
    /// ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 x100.
    pub sets: Vec<(Vec<usize>, [f32; SET_FEATURES], [f64; 3])>,
}

impl LabelledSets {
    /// The sets [`lede::select::select_set`] weighs for `doc` scored with
    /// `scores` (by a model with `lexicon`) with `choice`'s candidates,
    /// labelled against `reference`.
    pub fn new(
        doc: &Document,
        scores: &[f32],
        selection: &Selection,
        choice: &SetChoice,
        lexicon: &Lexicon,
        reference: &str,
        scorer: &RougeScorer,
    ) -> LabelledSets {
        let order = rank_order(scores);
        let sets = candidate_sets(doc, scores, &order, selection, choice, lexicon)
            .into_iter()
            .map(|(chosen, x)| {
                let summary = lines(chosen.iter().map(|&i| doc.sentence_text(i)));
                let s = scorer.score(&summary, reference);
                let f = |t| s.get(t).map_or(0.0, |v| v.fmeasure * 100.0);
                let rouge = [f(RougeType::N(1)), f(RougeType::N(2)), f(RougeType::Lsum)];
                (chosen, x, rouge)
            })
            .collect();
        LabelledSets { sets }
    }
}

/// What a set scorer is fitted to: the mean of a set's three ROUGE F1.
pub fn target(rouge: &[f64; 3]) -> f64 {
    (rouge[0] + rouge[1] + rouge[2]) / 3.0
}

/// Fits weights predicting [`target`] from the set features by ridge
/// regression, features and targets centred per document (only the order
/// of sets within a document matters). Sums run in the order given, so the
/// weights do not depend on the thread count.
pub fn fit<'a>(docs: impl IntoIterator<Item = &'a LabelledSets>, ridge: f64) -> SetWeights {
    const N: usize = SET_FEATURES;
    let mut a = [[0f64; N]; N];
    let mut b = [0f64; N];
    for d in docs.into_iter().filter(|d| d.sets.len() > 1) {
        let m = d.sets.len() as f64;
        let mut mean = [0f64; N];
        let mut mean_y = 0.0;
        for (_, x, r) in &d.sets {
            for j in 0..N {
                mean[j] += f64::from(x[j]) / m;
            }
            mean_y += target(r) / m;
        }
        for (_, x, r) in &d.sets {
            let x: [f64; N] = std::array::from_fn(|j| f64::from(x[j]) - mean[j]);
            let y = target(r) - mean_y;
            for i in 0..N {
                b[i] += x[i] * y;
                for j in 0..N {
                    a[i][j] += x[i] * x[j];
                }
            }
        }
    }
    let penalty = ridge * (0..N).map(|i| a[i][i]).sum::<f64>() / N as f64;
    for (i, row) in a.iter_mut().enumerate() {
        // A feature that never varies gets weight 0 rather than a singular system.
        row[i] += penalty.max(1e-9);
    }
    solve(a, b).map(|w| w as f32)
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting (`a` is
/// symmetric positive definite here, so every pivot is non-zero).
fn solve<const N: usize>(mut a: [[f64; N]; N], mut b: [f64; N]) -> [f64; N] {
    for c in 0..N {
        let p = (c..N)
            .max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))
            .expect("a non-empty range");
        a.swap(c, p);
        b.swap(c, p);
        let pivot = a[c];
        for r in c + 1..N {
            let f = a[r][c] / pivot[c];
            for (v, p) in a[r][c..].iter_mut().zip(&pivot[c..]) {
                *v -= f * p;
            }
            b[r] -= f * b[c];
        }
    }
    let mut x = [0f64; N];
    for c in (0..N).rev() {
        let s: f64 = (c + 1..N).map(|k| a[c][k] * x[k]).sum();
        x[c] = (b[c] - s) / a[c][c];
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_small_system() {
        let x = solve([[4.0, 1.0], [1.0, 3.0]], [1.0, 2.0]);
        assert!((x[0] - 1.0 / 11.0).abs() < 1e-12 && (x[1] - 7.0 / 11.0).abs() < 1e-12);
    }

    #[test]
    fn recovers_a_linear_target_within_documents() {
        // Target = 3 * feature 0 - 2 * feature 5, plus a per-document offset
        // that centring removes.
        let docs: Vec<LabelledSets> = (0..20)
            .map(|d| LabelledSets {
                sets: (0..6)
                    .map(|s| {
                        let mut x = [0f32; SET_FEATURES];
                        x[0] = ((d * 7 + s * 3) % 11) as f32 / 10.0;
                        x[5] = ((d + s * 5) % 7) as f32 / 10.0;
                        let y = 3.0 * f64::from(x[0]) - 2.0 * f64::from(x[5]) + d as f64;
                        (vec![s], x, [y, y, y])
                    })
                    .collect(),
            })
            .collect();
        let w = fit(&docs, 1e-9);
        assert!(
            (w[0] - 3.0).abs() < 1e-3 && (w[5] + 2.0).abs() < 1e-3,
            "{w:?}"
        );
        assert!(w
            .iter()
            .enumerate()
            .all(|(j, v)| j == 0 || j == 5 || v.abs() < 1e-3));
    }
}
