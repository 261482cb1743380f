//! Summary-level choice: rather than taking sentences one by one, score
//! every set of bullets drawn from the best few candidates and keep the
//! best set. The set score adds the sentences' probabilities and charges
//! for each bullet that opens with a reference to a sentence left out, so
//! "He said..." comes with the sentence naming him, or not at all.

use super::{is_poor, redundant, rules, select, Length, Selection};
use crate::document::Document;

/// Settings of [`select_set`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetChoice {
    /// Candidates: the best this many acceptable sentences by score, plus
    /// the sentence before each of them that opens with a reference.
    pub candidates: usize,
    /// Charged per bullet opening with a reference whose previous sentence
    /// is not in the set, in units of probability.
    pub unresolved_cost: f32,
}

impl Default for SetChoice {
    /// The settings of the learned default, chosen by cross-validation on
    /// CNN/DailyMail (see BENCHMARKS.md): the same ROUGE as choosing one
    /// by one, and fewer unresolved references than Lead-3.
    fn default() -> Self {
        SetChoice {
            candidates: 6,
            unresolved_cost: 0.2,
        }
    }
}

/// At most this many candidates (with the added predecessors) are
/// enumerated, so there are at most 4,096 sets.
const MAX_CANDIDATES: usize = 12;

/// Candidates beyond the length asked for, at least.
const SPARE: usize = 2;

/// Chooses the bullets of `doc` as the best set among the top candidates
/// (see the module docs); `scores` are the scorer's log-odds and `order`
/// their [`super::rank_order`]. Budgets other than a sentence count,
/// counts over half of [`MAX_CANDIDATES`] less [`SPARE`], and documents
/// where no set avoids redundancy go to [`select`].
pub fn select_set(
    doc: &Document,
    scores: &[f32],
    order: &[usize],
    selection: &Selection,
    choice: &SetChoice,
) -> Vec<usize> {
    let top = |k: usize| choice.candidates.max(k + SPARE);
    let k = match selection.length {
        Length::Sentences(k) if top(k) <= MAX_CANDIDATES / 2 => k,
        _ => return select(doc, order, selection),
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
    let opens: Vec<bool> = cands.iter().map(|&i| opens_at(i)).collect();
    let before: Vec<Option<usize>> = cands
        .iter()
        .map(|&i| cands.iter().position(|&j| j + 1 == i))
        .collect();
    let prob: Vec<f32> = cands
        .iter()
        .map(|&i| 1.0 / (1.0 + (-scores[i]).exp()))
        .collect();
    let mut clash = vec![0u16; n];
    for a in 0..n {
        for b in a + 1..n {
            if redundant(doc, cands[a], cands[b], selection.max_overlap) {
                clash[a] |= 1 << b;
                clash[b] |= 1 << a;
            }
        }
    }
    let size = k.min(n) as u32;
    let mut best: Option<(f32, u16)> = None;
    for mask in 1u32..(1u32 << n) {
        let mask = mask as u16;
        if mask.count_ones() != size {
            continue;
        }
        let mut value = 0.0;
        let mut ok = true;
        for a in (0..n).filter(|&a| mask & (1 << a) != 0) {
            if clash[a] & mask != 0 {
                ok = false;
                break;
            }
            value += prob[a];
            if opens[a] && before[a].is_none_or(|b| mask & (1 << b) == 0) {
                value -= choice.unresolved_cost;
            }
        }
        if ok && best.is_none_or(|(v, _)| value > v) {
            best = Some((value, mask));
        }
    }
    let Some((_, mask)) = best else {
        return select(doc, order, selection);
    };
    let mut chosen: Vec<usize> = (0..n)
        .filter(|&a| mask & (1 << a) != 0)
        .map(|a| cands[a])
        .collect();
    chosen.sort_unstable();
    chosen
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
        assert_eq!(select_set(&doc, &scores, &order, &two(), &choice), [0, 3]);
        // With its antecedent scored well, the pair is chosen.
        let scores = [-1.0, 1.5, 2.0, 0.5, 0.4];
        let order = rank_order(&scores);
        assert_eq!(select_set(&doc, &scores, &order, &two(), &choice), [1, 2]);
        // Without the charge the set choice is the greedy one.
        let free = SetChoice {
            unresolved_cost: 0.0,
            ..choice
        };
        let scores = [1.0, -3.0, 1.2, 1.0, 0.4];
        let order = rank_order(&scores);
        assert_eq!(select_set(&doc, &scores, &order, &two(), &free), [0, 2]);
        // A reference the scorer is sure of is kept.
        let scores = [1.0, -3.0, 3.0, 0.5, 0.4];
        let order = rank_order(&scores);
        assert_eq!(select_set(&doc, &scores, &order, &two(), &choice), [0, 2]);
    }

    #[test]
    fn other_budgets_and_long_summaries_choose_one_by_one() {
        let doc = doc();
        let scores = [1.0, -3.0, 2.0, 0.5, 0.4];
        let order = rank_order(&scores);
        for length in [Length::Words(30), Length::Sentences(5), Length::Ratio(0.5)] {
            let selection = Selection { length, ..two() };
            assert_eq!(
                select_set(&doc, &scores, &order, &selection, &SetChoice::default()),
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
        );
        assert_eq!(chosen, [0, 2]);
    }
}
