//! Select: pick the bullets from scored sentences under a length budget,
//! skipping sentences that repeat what is already chosen and sentences an
//! editor would not keep on their own (see [`rules`]).

pub mod rules;
mod set;

pub use set::{candidate_sets, select_set, SetChoice, SetFeatures, SetWeights, SET_FEATURES};

use std::ops::Range;

use crate::document::Document;
use crate::text::{overlap, Terms};

/// How long the summary may be.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Length {
    /// Exactly this many bullets (fewer when the article is shorter).
    Sentences(usize),
    /// At most this many words in all; a sentence that does not fit is
    /// skipped, so there may be no bullet (see [`Selection::at_least_one`]).
    Words(usize),
    /// At most this many characters in all; a sentence that does not fit
    /// is skipped, so there may be no bullet (see [`Selection::at_least_one`]).
    Chars(usize),
    /// This fraction of the article's sentences, rounded, at least one.
    Ratio(f32),
}

impl Default for Length {
    fn default() -> Self {
        Length::Sentences(3)
    }
}

impl Length {
    /// What sentence `i` of `doc` costs against this budget as a bullet: its
    /// words or characters as shown (0 for sentence counts and ratios).
    pub fn cost(&self, doc: &Document<'_>, i: usize) -> usize {
        let span = bullet_span(doc, i);
        match self {
            Length::Words(_) if span == doc.sentences[i].span => doc.sentences[i].words(),
            Length::Words(_) => Terms::of(&doc.text[span]).words,
            Length::Chars(_) => doc.text[span].chars().count(),
            Length::Sentences(_) | Length::Ratio(_) => 0,
        }
    }

    /// Checks that the value is usable.
    pub fn validate(&self) -> Result<(), String> {
        match *self {
            Length::Sentences(0) | Length::Words(0) | Length::Chars(0) => {
                Err("length must be at least 1".into())
            }
            Length::Ratio(r) if !(r > 0.0 && r <= 1.0) => {
                Err(format!("ratio must be in (0, 1], got {r}"))
            }
            _ => Ok(()),
        }
    }
}

/// Selection settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Selection {
    /// The length budget.
    pub length: Length,
    /// A candidate is skipped when this share of its content words (or of
    /// a chosen bullet's, whichever is shorter) is already in a chosen bullet.
    pub max_overlap: f32,
    /// Sentences with fewer words are only chosen when nothing else is left.
    pub min_words: usize,
    /// With a word or character budget, the first bullet is chosen even
    /// when it alone is over the budget (so there is always one bullet).
    pub at_least_one: bool,
    /// What to do with a sentence that opens with a pronoun or connective
    /// ([`rules::opens_with_reference`]) while the sentence before it is
    /// not chosen.
    pub references: References,
    /// Questions, captions and list items ([`rules`]) are only chosen
    /// when nothing else is left.
    pub editorial: bool,
}

/// Handling of sentences whose opening refers to the sentence before them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum References {
    /// No special handling (the default: on CNN/DailyMail folds, `Skip`
    /// costs about 0.13 ROUGE-1 for the learned model).
    #[default]
    Keep,
    /// Chosen only once the sentence before it is chosen (or when nothing
    /// at all could be chosen otherwise).
    Skip,
    /// Chosen only after every other candidate was considered.
    Demote,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            length: Length::default(),
            max_overlap: 0.65,
            min_words: 4,
            at_least_one: false,
            references: References::default(),
            editorial: true,
        }
    }
}

/// Sentence indices by descending score, ties broken by document order:
/// the one ranking that selection and the reported ranks share.
pub fn rank_order(scores: &[f32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}

/// The byte range of sentence `i` shown as its bullet: the sentence
/// without a list marker in front ([`rules::shown_span`]).
pub fn bullet_span(doc: &Document, i: usize) -> Range<usize> {
    rules::shown_span(doc.text, &doc.sentences[i].span)
}

/// Chooses sentences in `order` (see [`rank_order`]) and returns their
/// indices in document order.
pub fn select(doc: &Document, order: &[usize], selection: &Selection) -> Vec<usize> {
    let (good, poor): (Vec<usize>, Vec<usize>) =
        order.iter().partition(|&&i| !is_poor(doc, selection, i));
    let mut picker = Picker::new(doc, selection);
    let mut deferred: Vec<usize> = Vec::new();
    for &i in &good {
        if picker.full() {
            break;
        }
        if selection.references != References::Keep && picker.unresolved(i) {
            deferred.push(i);
            continue;
        }
        if picker.take(i) && selection.references == References::Skip {
            while let Some(k) = deferred.iter().position(|&d| !picker.unresolved(d)) {
                let d = deferred.remove(k);
                if picker.full() {
                    break;
                }
                picker.take(d);
            }
        }
    }
    if selection.references == References::Demote || picker.chosen.is_empty() {
        for &i in &deferred {
            if picker.full() {
                break;
            }
            picker.take(i);
        }
    }
    if picker.chosen.is_empty() {
        for &i in &poor {
            if picker.full() {
                break;
            }
            picker.take(i);
        }
    }
    let mut chosen = picker.chosen;
    chosen.sort_unstable();
    chosen
}

/// Opens the bullets `chosen` (in document order) with sentence `first`, a
/// page's standfirst: `first`, then the bullets of `chosen` in the order of
/// `order` (see [`rank_order`]), then any other candidates of `order`, each
/// under the budget and not repeating one taken. `chosen` stays as it is
/// when it already holds `first`, or when `first` is no candidate (too
/// short, a question or caption, or alone over a word or character budget).
pub fn open_with(
    doc: &Document,
    first: usize,
    chosen: &[usize],
    order: &[usize],
    selection: &Selection,
) -> Vec<usize> {
    if chosen.contains(&first) || is_poor(doc, selection, first) {
        return chosen.to_vec();
    }
    let mut picker = Picker::new(doc, selection);
    if !picker.take(first) {
        return chosen.to_vec();
    }
    let ranked = order.iter().filter(|i| chosen.contains(i));
    let others = order
        .iter()
        .filter(|&&i| !chosen.contains(&i) && !is_poor(doc, selection, i));
    for &i in ranked.chain(others) {
        if picker.full() {
            break;
        }
        picker.take(i);
    }
    let mut out = picker.chosen;
    out.sort_unstable();
    out
}

/// Whether sentence `i` is only chosen when nothing else is left: too
/// short, or (with the editorial rules) not prose ([`is_prose`]) or a list item.
pub(crate) fn is_poor(doc: &Document, selection: &Selection, i: usize) -> bool {
    doc.sentences[i].words() < selection.min_words
        || (selection.editorial
            && (!is_prose(doc, i) || rules::list_marker_len(doc.sentence_text(i)) > 0))
}

/// Whether sentence `i` reads as prose: not a question, caption or fragment ([`rules`]).
pub(crate) fn is_prose(doc: &Document, i: usize) -> bool {
    let text = doc.sentence_text(i);
    !(rules::is_question(text) || rules::is_caption(text) || rules::is_fragment(text))
}

/// The bullets chosen so far and what they cost.
struct Picker<'d, 'a> {
    doc: &'d Document<'a>,
    selection: &'d Selection,
    target: usize,
    chosen: Vec<usize>,
    spent: usize,
}

impl<'d, 'a> Picker<'d, 'a> {
    /// An empty pick for `doc`, its sentence target taken from `selection.length`
    /// (word and character budgets have none: [`Picker::take`] enforces them).
    fn new(doc: &'d Document<'a>, selection: &'d Selection) -> Self {
        let n = doc.sentences.len();
        let target = match selection.length {
            Length::Sentences(k) => k,
            Length::Ratio(r) => ((r * n as f32).round() as usize).max(1),
            Length::Words(_) | Length::Chars(_) => usize::MAX,
        };
        Picker {
            doc,
            selection,
            target,
            chosen: Vec::new(),
            spent: 0,
        }
    }

    fn full(&self) -> bool {
        self.chosen.len() >= self.target
    }

    /// Whether sentence `i` opens with a reference to a sentence not chosen.
    fn unresolved(&self, i: usize) -> bool {
        i > 0
            && !self.chosen.contains(&(i - 1))
            && rules::opens_with_reference(self.doc.sentence_text(i))
    }

    /// Chooses `i` unless it is over the budget or repeats a chosen bullet.
    fn take(&mut self, i: usize) -> bool {
        let budget = match self.selection.length {
            Length::Words(w) => w,
            Length::Chars(c) => c,
            Length::Sentences(_) | Length::Ratio(_) => usize::MAX,
        };
        let cost = self.selection.length.cost(self.doc, i);
        let first_anyway = self.selection.at_least_one && self.chosen.is_empty();
        if self.spent + cost > budget && !first_anyway {
            return false;
        }
        let max_overlap = self.selection.max_overlap;
        if self
            .chosen
            .iter()
            .any(|&j| redundant(self.doc, i, j, max_overlap))
        {
            return false;
        }
        self.chosen.push(i);
        self.spent += cost;
        true
    }
}

fn redundant(doc: &Document, a: usize, b: usize, max_overlap: f32) -> bool {
    let (sa, sb) = (&doc.content(a).set, &doc.content(b).set);
    let smaller = sa.len().min(sb.len());
    smaller > 0 && overlap(sa, sb) as f32 > max_overlap * smaller as f32
}
