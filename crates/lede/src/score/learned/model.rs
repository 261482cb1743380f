//! Inference: a forest of regression trees over sentence features.

use super::features::{with_rows, Features, FEATURE_COUNT};
use super::lexicon::Lexicon;
use crate::document::Document;
use crate::score::Scorer;

pub use lede_gbdt::{Tree, LEAF};

/// How the model's authors want bullets chosen, found on validation data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SelectionHint {
    /// Bullets per summary.
    pub sentences: u32,
    /// Redundancy threshold (see [`crate::Options::max_overlap`]).
    pub max_overlap: f32,
}

/// A trained sentence scorer: gradient-boosted trees giving the log-odds
/// that a sentence belongs in the highlights.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Starting log-odds before any tree.
    pub base_score: f32,
    /// The trees, added together.
    pub trees: Vec<Tree>,
    /// Selection settings chosen at training time.
    pub selection: SelectionHint,
    /// Word weights used by the lexical features.
    pub lexicon: Lexicon,
}

impl Model {
    /// The model's log-odds for one feature vector.
    pub fn predict(&self, x: &Features) -> f32 {
        lede_gbdt::predict(self.base_score, &self.trees, x)
    }

    /// Checks that every node refers to a real feature and to later nodes,
    /// so prediction can neither index out of bounds nor loop.
    pub fn validate(&self) -> Result<(), String> {
        lede_gbdt::validate_trees(&self.trees, FEATURE_COUNT)?;
        if self.selection.sentences == 0 || !(0.0..=1.0).contains(&self.selection.max_overlap) {
            return Err("invalid selection settings".into());
        }
        Ok(())
    }
}

impl Model {
    /// Reads a model file.
    pub fn load(path: &std::path::Path) -> crate::Result<Model> {
        let bytes = std::fs::read(path).map_err(|source| crate::Error::Io {
            path: path.to_owned(),
            source,
        })?;
        super::serialization::from_bytes(&bytes).map_err(|source| crate::Error::Model {
            path: Some(path.to_owned()),
            source,
        })
    }
}

/// A model ready to score documents: the lexicon and the compiled forest.
#[derive(Debug, Clone)]
pub struct LearnedScorer {
    model: std::sync::Arc<Model>,
    forest: lede_gbdt::Forest,
}

impl LearnedScorer {
    /// Compiles `model` for inference.
    pub fn new(model: std::sync::Arc<Model>) -> LearnedScorer {
        let forest = lede_gbdt::Forest::new(model.base_score, &model.trees, FEATURE_COUNT);
        LearnedScorer { model, forest }
    }

    /// The underlying model.
    pub fn model(&self) -> &Model {
        &self.model
    }
}

impl Scorer for LearnedScorer {
    fn score(&self, doc: &Document) -> Vec<f32> {
        let mut scores = Vec::with_capacity(doc.sentences.len());
        with_rows(doc, &self.model.lexicon, |rows| {
            self.forest.predict_rows(rows, &mut scores)
        });
        scores
    }
}
