//! The training recipe: boosting settings, oracle labels, folds and the
//! selection grid. `Recipe::default()` is the recipe of the embedded model.

use lede::lang::Language;
use lede::score::learned::SelectionHint;
pub use lede::score::learned::TrainConfig;

use crate::sets::SetRecipe;
use crate::TrainError;

/// Everything that decides the trained model's bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Recipe {
    /// Trees, depth, learning rate and the other boosting settings.
    pub boosting: TrainConfig,
    /// Sentences the oracle may choose per document when labelling.
    pub oracle_sentences: usize,
    /// Folds of the out-of-fold lexical prior: each training document's
    /// prior is built from the other folds only.
    pub folds: u64,
    /// Seed of the fold assignment (a document's fold hashes its id with it).
    pub seed: u64,
    /// Validation ROUGE is reported every this many trees (0: only at the end).
    pub report_every: usize,
    /// Selection settings tried on the validation set; the best mean of
    /// ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 goes into the model.
    pub grid: Grid,
    /// Selection used for the ROUGE reported while trees are added.
    pub checkpoint_selection: SelectionHint,
    /// The set scorer fitted on the validation set with the chosen
    /// selection settings, or `None` to value a set by its sentences'
    /// probabilities.
    pub set_scorer: Option<SetRecipe>,
    /// The corpus's language: cleaning and segmentation follow its rules,
    /// and the oracle and validation ROUGE tokenize as
    /// [`crate::rouge_tokenizer`] says.
    pub language: Language,
}

/// The selection settings tried: every pair of `sentences` and `max_overlap`.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Summary lengths in sentences.
    pub sentences: Vec<u32>,
    /// Redundancy limits (1 turns redundancy control off).
    pub max_overlap: Vec<f32>,
}

impl Grid {
    /// The grid's settings, sentences outermost, in the order given.
    pub fn settings(&self) -> Vec<SelectionHint> {
        self.sentences
            .iter()
            .flat_map(|&sentences| {
                self.max_overlap
                    .iter()
                    .map(move |&max_overlap| SelectionHint {
                        sentences,
                        max_overlap,
                        set_scorer: None,
                    })
            })
            .collect()
    }
}

impl Default for Recipe {
    fn default() -> Self {
        Recipe {
            boosting: TrainConfig::default(),
            oracle_sentences: 4,
            folds: 5,
            seed: 0,
            report_every: 50,
            grid: Grid {
                sentences: vec![3, 4],
                max_overlap: vec![0.3, 0.4, 0.5, 0.65, 1.0],
            },
            checkpoint_selection: SelectionHint {
                sentences: 3,
                max_overlap: 0.5,
                set_scorer: None,
            },
            set_scorer: Some(SetRecipe {
                ridge: 0.01,
                unresolved_cost: 4.0,
            }),
            language: Language::English,
        }
    }
}

impl Recipe {
    /// Checks the settings that would make training meaningless.
    pub fn validate(&self) -> Result<(), TrainError> {
        let invalid = |why| Err(TrainError::InvalidRecipe(why));
        if self.folds < 2 {
            return invalid("folds must be at least 2");
        }
        if self.boosting.trees == 0 {
            return invalid("trees must be at least 1");
        }
        if self.oracle_sentences == 0 {
            return invalid("oracle sentences must be at least 1");
        }
        if self.boosting.learning_rate.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
            return invalid("learning rate must be positive");
        }
        if self.grid.settings().is_empty() {
            return invalid("the selection grid is empty");
        }
        let overlap_ok = |x: f32| (0.0..=1.0).contains(&x);
        if self.grid.sentences.contains(&0)
            || !self.grid.max_overlap.iter().all(|&x| overlap_ok(x))
            || self.checkpoint_selection.sentences == 0
            || !overlap_ok(self.checkpoint_selection.max_overlap)
        {
            return invalid("selection settings need at least 1 sentence and an overlap in [0, 1]");
        }
        if self.set_scorer.is_some_and(|s| {
            s.ridge.is_nan()
                || s.ridge < 0.0
                || s.unresolved_cost.is_nan()
                || s.unresolved_cost < 0.0
        }) {
            return invalid("the set scorer needs a ridge penalty and a charge of at least 0");
        }
        Ok(())
    }

    /// The fold of a training document, from its id.
    pub fn fold_of(&self, id: &str) -> u64 {
        lede::text::word_hash(&format!("{}:{id}", self.seed)) % self.folds
    }
}
