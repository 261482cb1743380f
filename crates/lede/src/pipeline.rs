//! The summarizer: ingest -> clean -> segment -> score -> select -> render.

use crate::clean::{clean, Removal};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::ingest::{check_text, decode_text, DEFAULT_MAX_INPUT_BYTES};
use crate::render::{spans, Bullet, Removed, Summary};
use std::sync::Arc;

use crate::score::learned::{embedded_model, Model};
use crate::score::{Algorithm, Lead, LexRank, Scorer, TextRank};
use crate::select::{select, Length, Selection};

/// Settings of a [`Summarizer`].
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// How sentences are scored.
    pub algorithm: Algorithm,
    /// How long the summary may be.
    pub length: Length,
    /// Redundancy control: the largest share of content words a bullet may
    /// share with an already chosen one (0 to 1; 1 turns the check off).
    /// `None` uses the algorithm's own setting (the learned model's was
    /// chosen on validation data).
    pub max_overlap: Option<f32>,
    /// Sentences shorter than this many words are chosen only as a last resort.
    pub min_words: usize,
    /// Inputs larger than this many bytes are refused.
    pub max_input_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        let selection = Selection::default();
        Options {
            algorithm: Algorithm::default(),
            length: selection.length,
            max_overlap: None,
            min_words: selection.min_words,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

/// Turns articles into bullet highlights. Cheap to share across threads.
pub struct Summarizer {
    options: Options,
    selection: Selection,
    scorer: Box<dyn Scorer>,
}

impl std::fmt::Debug for Summarizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Summarizer")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Summarizer {
    /// Builds a summarizer for `options`.
    pub fn new(options: Options) -> Result<Summarizer> {
        match options.algorithm {
            Algorithm::Lead => Summarizer::with_scorer(options, Box::new(Lead)),
            Algorithm::TextRank => Summarizer::with_scorer(options, Box::new(TextRank)),
            Algorithm::LexRank => Summarizer::with_scorer(options, Box::new(LexRank)),
            Algorithm::Learned => {
                let model =
                    embedded_model().map_err(|e| Error::Model(format!("embedded model: {e}")))?;
                Summarizer::with_model(options, model)
            }
        }
    }

    /// Builds a summarizer that scores with a trained model, such as one
    /// written by `lede train` and read with [`Model::load`].
    pub fn with_model(options: Options, model: Arc<Model>) -> Result<Summarizer> {
        let options = Options {
            algorithm: Algorithm::Learned,
            max_overlap: options.max_overlap.or(Some(model.selection.max_overlap)),
            ..options
        };
        Summarizer::with_scorer(options, Box::new(model))
    }

    /// Builds a summarizer that scores with a scorer of your own.
    pub fn with_scorer(options: Options, scorer: Box<dyn Scorer>) -> Result<Summarizer> {
        options.length.validate().map_err(Error::InvalidOption)?;
        let max_overlap = options
            .max_overlap
            .unwrap_or(Selection::default().max_overlap);
        if !(0.0..=1.0).contains(&max_overlap) {
            return Err(Error::InvalidOption(format!(
                "max_overlap must be between 0 and 1, got {max_overlap}"
            )));
        }
        let selection = Selection {
            length: options.length,
            max_overlap,
            min_words: options.min_words,
        };
        Ok(Summarizer {
            options,
            selection,
            scorer,
        })
    }

    /// The settings in use.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Summarizes raw bytes, which must be UTF-8 text.
    pub fn summarize_bytes(&self, bytes: &[u8]) -> Result<Summary> {
        self.summarize(decode_text(bytes, self.options.max_input_bytes)?)
    }

    /// Summarizes one article given as plain text.
    pub fn summarize(&self, text: &str) -> Result<Summary> {
        check_text(text, self.options.max_input_bytes)?;
        let cleaned = clean(text);
        let mut removed: Vec<Removal> = cleaned.removed.clone();
        let doc = Document::build(text, &cleaned, &mut removed);
        if doc.sentences.is_empty() {
            return Err(Error::NoSentences);
        }
        let scores = self.scorer.score(&doc);
        let chosen = select(&doc, &scores, &self.selection);

        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        let mut rank = vec![0; scores.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r + 1;
        }

        removed.sort_by_key(|r| (r.span.start, r.span.end));
        let mut ranges: Vec<_> = chosen
            .iter()
            .map(|&i| doc.sentences[i].span.clone())
            .collect();
        ranges.extend(cleaned.title.iter().cloned());
        ranges.extend(cleaned.highlights.iter().cloned());
        ranges.extend(removed.iter().map(|r| r.span.clone()));
        let mut spans = spans(text, &ranges).into_iter();

        let bullets = chosen
            .iter()
            .map(|&i| Bullet {
                span: spans.next().expect("one span per range"),
                score: scores[i],
                rank: rank[i],
                sentence_index: i,
            })
            .collect();
        let title = cleaned
            .title
            .as_ref()
            .map(|_| spans.next().expect("title span"));
        let given_highlights = cleaned
            .highlights
            .iter()
            .map(|_| spans.next().expect("highlight span"))
            .collect();
        let removed = removed
            .iter()
            .map(|r| Removed {
                span: spans.next().expect("removed span"),
                reason: r.reason,
            })
            .collect();
        Ok(Summary {
            id: None,
            algorithm: self.options.algorithm.name().to_owned(),
            title,
            given_highlights,
            bullets,
            sentence_count: doc.sentences.len(),
            removed,
        })
    }
}
