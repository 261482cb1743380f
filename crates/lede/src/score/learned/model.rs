//! Inference: a forest of regression trees over sentence features.

use super::features::{with_rows, Features, FEATURE_COUNT};
use super::lexicon::Lexicon;
use crate::document::Document;
use crate::score::Scorer;
use crate::select::{SetChoice, SetWeights};

pub use lede_gbdt::{Tree, LEAF};

/// How the model's authors want bullets chosen, found on validation data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SelectionHint {
    /// Bullets per summary.
    pub sentences: u32,
    /// Redundancy threshold (see [`crate::Options::max_overlap`]).
    pub max_overlap: f32,
    /// How candidate sets of bullets are valued; `None` (models of format
    /// version 1) adds the sentences' probabilities.
    pub set_scorer: Option<SetScorer>,
}

/// A learned value of a candidate set of bullets (see
/// [`crate::select::select_set`]), fitted to the sets' ROUGE.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetScorer {
    /// Weights of the set features ([`crate::select::SetFeatures`]).
    pub weights: SetWeights,
    /// Charged per bullet opening with an unresolved reference.
    pub unresolved_cost: f32,
}

impl SelectionHint {
    /// The set choice these settings ask for.
    pub fn set_choice(&self) -> SetChoice {
        match self.set_scorer {
            Some(s) => SetChoice {
                unresolved_cost: s.unresolved_cost,
                weights: Some(s.weights),
                ..SetChoice::default()
            },
            None => SetChoice::default(),
        }
    }
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
        if self.selection.sentences == 0
            || !(0.0..=1.0).contains(&self.selection.max_overlap)
            || self
                .selection
                .set_scorer
                .is_some_and(|s| !s.unresolved_cost.is_finite() || s.unresolved_cost < 0.0)
        {
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
