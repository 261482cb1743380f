//! Training the learned lede scorer, as a library.
//!
//! The recipe: each training sentence is labelled by the extractive oracle
//! ([`oracle`]) over the article's cleaned sentences; each document's
//! lexical prior is built from the other folds only, so the trees never see
//! a prior that already knows the document's own highlights; boosted trees
//! are fitted on the sentence features; the selection settings (summary
//! length and redundancy limit) are chosen on the validation set, where
//! Lead and the oracle are scored beside the model; last, a set scorer
//! ([`sets`]) is fitted there to the ROUGE of the candidate sets of bullets. The recipe names the
//! corpus's language ([`Recipe::language`], English by default): cleaning,
//! segmentation, oracle labels and validation ROUGE all follow it.
//!
//! ```no_run
//! use lede_train::{corpus, train, Corpus, Recipe};
//!
//! let corpus = Corpus {
//!     train: corpus::load("train.jsonl.gz".as_ref())?.examples,
//!     valid: corpus::load("valid.jsonl.gz".as_ref())?.examples,
//! };
//! let trained = train(&corpus, &Recipe::default())?;
//! println!("model ROUGE-1 {:.2}, Lead-3 {:.2}", trained.report.model.rouge.rouge1, trained.report.lead3.rouge1);
//! std::fs::write("model.lmdl", lede::score::learned::to_bytes(&trained.model))?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod corpus;
mod error;
pub mod oracle;
mod recipe;
pub mod sets;
mod train;

pub use corpus::{Corpus, Example};
pub use error::TrainError;
pub use oracle::{describe_tokenizer, oracle_for_text, rouge_tokenizer, OracleSentence};
pub use recipe::{Grid, Recipe, TrainConfig};
pub use train::{
    train, train_with_progress, Checkpoint, Fold, GridPoint, Progress, Rouge, TrainReport,
    TrainedModel,
};
