//! Why training could not run.

/// An error of corpus loading or training.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// A corpus file could not be opened or read.
    #[error(transparent)]
    Corpus(#[from] lede::Error),
    /// A corpus holds no record with both an article and highlights.
    #[error("no record with an article and highlights in {0}")]
    NoDocuments(String),
    /// The training or validation set is empty.
    #[error("the {0} set has no documents")]
    EmptySet(&'static str),
    /// A recipe setting is out of range.
    #[error("invalid recipe: {0}")]
    InvalidRecipe(&'static str),
}
