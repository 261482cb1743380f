//! Sentence features of the learned scorer.
//!
//! Every feature is cheap: positions, lengths, word statistics of the
//! document, TextRank centrality and a few surface cues that separate the
//! sentences highlights are written from (facts, numbers, names) from those
//! they skip (quotes, attributions, dangling pronouns).

use rustc_hash::FxHashMap;

use super::lexicon::Lexicon;
use crate::document::Document;
use crate::score::centrality::{shared_words, textrank, MAX_GRAPH_SENTENCES};
use crate::text::{overlap, word_hash, words};

/// Names of the features, in the order [`features`] writes them. A model
/// file records them and is refused when they differ.
pub const FEATURE_NAMES: [&str; 34] = [
    "index",
    "relative_index",
    "sentence_count",
    "paragraph",
    "position_in_paragraph",
    "paragraph_start",
    "words",
    "bytes",
    "content_words",
    "content_ratio",
    "textrank",
    "topicality",
    "term_frequency",
    "title_overlap",
    "has_title",
    "first_sentence_overlap",
    "max_earlier_overlap",
    "number_words",
    "capitalized_ratio",
    "double_quotes",
    "starts_with_quote",
    "attribution",
    "ends_like_sentence",
    "starts_with_reference",
    "question",
    "colon",
    "uppercase_ratio",
    "document_words",
    "sentences_after",
    "relative_length",
    "first_three_overlap",
    "lexical_mean",
    "lexical_max",
    "lexical_strong",
];

/// How many preceding sentences the novelty feature compares with; bounds
/// the work on very long inputs.
const NOVELTY_WINDOW: usize = 64;

/// Number of features per sentence.
pub const FEATURE_COUNT: usize = FEATURE_NAMES.len();

/// One feature vector.
pub type Features = [f32; FEATURE_COUNT];

fn hashes(list: &[&str]) -> Vec<u64> {
    let mut out: Vec<u64> = list.iter().map(|w| word_hash(w)).collect();
    out.sort_unstable();
    out
}

/// Words that mark reported speech.
static ATTRIBUTION: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    hashes(&[
        "said",
        "says",
        "told",
        "according",
        "added",
        "explained",
        "claimed",
        "insisted",
        "revealed",
        "admitted",
    ])
});

/// First words that point back to something earlier in the article.
static REFERENCES: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    hashes(&[
        "he",
        "she",
        "it",
        "they",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "but",
        "and",
        "however",
        "also",
        "meanwhile",
        "then",
        "there",
        "so",
        "yet",
    ])
});

fn share(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() {
        0.0
    } else {
        overlap(a, b) as f32 / a.len() as f32
    }
}

/// Computes the feature vector of every sentence of `doc`, with word
/// weights from `lexicon`.
pub fn features(doc: &Document, lexicon: &Lexicon) -> Vec<Features> {
    let n = doc.sentences.len();
    if n == 0 {
        return Vec::new();
    }
    // Per content word: (sentences containing it, occurrences).
    let mut counts: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
    for s in &doc.sentences {
        for &t in &s.terms.set {
            counts.entry(t).or_default().0 += 1;
        }
        for &t in &s.terms.content {
            counts.entry(t).or_default().1 += 1;
        }
    }
    let document_words: usize = doc.sentences.iter().map(|s| s.terms.words).sum();
    let mean_words = document_words as f32 / n as f32;
    let graph = n.min(MAX_GRAPH_SENTENCES);
    let shared = shared_words(doc, graph);
    let centrality = textrank(doc, &shared, graph);
    let mut first_three: Vec<u64> = doc
        .sentences
        .iter()
        .take(3)
        .flat_map(|s| s.terms.set.iter().copied())
        .collect();
    first_three.sort_unstable();
    first_three.dedup();
    let title_set = doc.title.as_ref().map(|t| t.set.as_slice());
    let first_set = &doc.sentences[0].terms.set;

    let mut out = Vec::with_capacity(n);
    for (i, s) in doc.sentences.iter().enumerate() {
        let text = doc.sentence_text(i);
        let set = &s.terms.set;
        let content = s.terms.content.len();
        let topicality = if n > 1 && !set.is_empty() {
            set.iter().map(|t| (counts[t].0 - 1) as f32).sum::<f32>()
                / (set.len() as f32 * (n - 1) as f32)
        } else {
            0.0
        };
        let term_frequency = if set.is_empty() {
            0.0
        } else {
            set.iter().map(|t| (counts[t].1 as f32).ln()).sum::<f32>() / set.len() as f32
        };
        let max_earlier = (i.saturating_sub(NOVELTY_WINDOW)..i)
            .map(|j| {
                if i < graph {
                    shared[i * graph + j] as f32 / set.len().max(1) as f32
                } else {
                    share(set, &doc.sentences[j].terms.set)
                }
            })
            .fold(0.0, f32::max);
        let (mut number_words, mut capitalized, mut attribution) = (0usize, 0usize, false);
        let mut first_word = None;
        for (k, (w, &hash)) in words(text).zip(&s.terms.hashes).enumerate() {
            if k == 0 {
                first_word = Some(hash);
            } else if w.starts_with(|c: char| c.is_uppercase()) {
                capitalized += 1;
            }
            if w.bytes().any(|b| b.is_ascii_digit()) {
                number_words += 1;
            }
            attribution |= ATTRIBUTION.binary_search(&hash).is_ok();
        }
        let (mut letters, mut uppercase, mut double_quotes) = (0usize, 0usize, 0usize);
        for c in text.chars() {
            if c.is_alphabetic() {
                letters += 1;
                uppercase += usize::from(c.is_uppercase());
            } else if matches!(c, '"' | '“' | '”') {
                double_quotes += 1;
            }
        }
        let letters = letters.max(1);
        let starts_with_reference =
            first_word.is_some_and(|h| REFERENCES.binary_search(&h).is_ok());
        let trimmed = text.trim_end();
        let (mut lexical_sum, mut lexical_max, mut lexical_strong) = (0.0f32, 0.0f32, 0usize);
        for &w in set {
            let weight = lexicon.weight(w);
            lexical_sum += weight;
            lexical_max = lexical_max.max(weight);
            lexical_strong += usize::from(weight > 0.5);
        }
        let words_f = s.terms.words.max(1) as f32;
        out.push([
            i as f32,
            i as f32 / n as f32,
            n as f32,
            s.paragraph as f32,
            s.position_in_paragraph as f32,
            f32::from(u8::from(s.position_in_paragraph == 0)),
            s.terms.words as f32,
            text.len() as f32,
            content as f32,
            content as f32 / words_f,
            centrality[i] * n as f32,
            topicality,
            term_frequency,
            title_set.map_or(0.0, |t| share(set, t)),
            f32::from(u8::from(title_set.is_some())),
            if i == 0 { 1.0 } else { share(set, first_set) },
            max_earlier,
            number_words as f32,
            capitalized as f32 / words_f,
            double_quotes as f32,
            f32::from(u8::from(text.starts_with(['"', '\'', '“', '‘']))),
            f32::from(u8::from(attribution)),
            f32::from(u8::from(crate::clean::ends_like_sentence(trimmed))),
            f32::from(u8::from(starts_with_reference)),
            f32::from(u8::from(
                trimmed.ends_with('?') || trimmed.ends_with("?\"") || trimmed.ends_with("?'"),
            )),
            f32::from(u8::from(text.contains(':'))),
            uppercase as f32 / letters as f32,
            (document_words as f32).ln_1p(),
            (n - 1 - i) as f32,
            s.terms.words as f32 / mean_words.max(1.0),
            share(set, &first_three),
            lexical_sum / set.len().max(1) as f32,
            lexical_max,
            lexical_strong as f32,
        ]);
    }
    out
}
