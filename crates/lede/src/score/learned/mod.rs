//! The learned scorer: features, model (inference), trainer and file
//! format side by side.

mod embedded;
pub mod features;
pub mod lexicon;
pub mod model;
mod prior;
pub mod serialization;
pub mod trainer;

pub use embedded::{embedded_model, embedded_model_for, EMBEDDED_LANGUAGES};
pub use features::{features, Features, FEATURE_COUNT, FEATURE_NAMES};
pub use lede_gbdt::Forest;
pub use lexicon::Lexicon;
pub use model::{LearnedScorer, Model, SelectionHint, SetScorer};
pub use prior::{add_lead_prior, lead_prior_applies};
pub use serialization::{from_bytes, to_bytes, ModelFileError, FORMAT_VERSION};
pub use trainer::{train, Dataset, TrainConfig};
