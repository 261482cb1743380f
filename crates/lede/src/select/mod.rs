//! Select: pick the bullets from scored sentences under a length budget,
//! skipping sentences that repeat what is already chosen.

use crate::document::Document;
use crate::text::overlap;

/// How long the summary may be.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Length {
    /// Exactly this many bullets (fewer when the article is shorter).
    Sentences(usize),
    /// At most this many words in all (always at least one bullet).
    Words(usize),
    /// At most this many characters in all (always at least one bullet).
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
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            length: Length::default(),
            max_overlap: 0.65,
            min_words: 4,
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

/// Chooses sentences in `order` (see [`rank_order`]) and returns their
/// indices in document order.
pub fn select(doc: &Document, order: &[usize], selection: &Selection) -> Vec<usize> {
    let n = doc.sentences.len();
    let (long, short): (Vec<usize>, Vec<usize>) = order
        .iter()
        .partition(|&&i| doc.sentences[i].terms.words >= selection.min_words);

    let target = match selection.length {
        Length::Sentences(k) => k,
        Length::Ratio(r) => ((r * n as f32).round() as usize).max(1),
        Length::Words(_) | Length::Chars(_) => usize::MAX,
    };
    let cost = |i: usize| match selection.length {
        Length::Words(_) => doc.sentences[i].terms.words,
        Length::Chars(_) => doc.sentence_text(i).chars().count(),
        _ => 0,
    };
    let budget = match selection.length {
        Length::Words(w) => w,
        Length::Chars(c) => c,
        _ => usize::MAX,
    };

    let mut chosen: Vec<usize> = Vec::new();
    let mut spent = 0;
    for pool in [&long, &short] {
        for &i in pool {
            if chosen.len() >= target {
                break;
            }
            let c = cost(i);
            if !chosen.is_empty() && spent + c > budget {
                continue;
            }
            if chosen
                .iter()
                .any(|&j| redundant(doc, i, j, selection.max_overlap))
            {
                continue;
            }
            chosen.push(i);
            spent += c;
        }
        if !chosen.is_empty() {
            break;
        }
    }
    chosen.sort_unstable();
    chosen
}

fn redundant(doc: &Document, a: usize, b: usize, max_overlap: f32) -> bool {
    let (sa, sb) = (&doc.sentences[a].terms.set, &doc.sentences[b].terms.set);
    let smaller = sa.len().min(sb.len());
    smaller > 0 && overlap(sa, sb) as f32 > max_overlap * smaller as f32
}
