//! Score: give every body sentence a number; higher means more important.

pub(crate) mod centrality;
mod lead;
pub mod learned;

use std::fmt;
use std::str::FromStr;

pub use centrality::{LexRank, TextRank};
pub use lead::Lead;

use crate::document::Document;

/// A sentence scorer.
pub trait Scorer: Send + Sync {
    /// One score per sentence of `doc`, in document order. Higher is better.
    fn score(&self, doc: &Document) -> Vec<f32>;
}

/// The scoring algorithms lede ships.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Algorithm {
    /// The first sentences of the article.
    Lead,
    /// TextRank (Mihalcea & Tarau 2004): PageRank over word-overlap similarity.
    TextRank,
    /// LexRank (Erkan & Radev 2004): PageRank over TF-IDF cosine similarity.
    LexRank,
    /// Boosted trees over sentence features, trained on CNN/DailyMail
    /// highlights; the model ships inside the library.
    #[default]
    Learned,
}

impl Algorithm {
    /// Every algorithm, in a stable order.
    pub const ALL: [Algorithm; 4] = [
        Algorithm::Learned,
        Algorithm::Lead,
        Algorithm::TextRank,
        Algorithm::LexRank,
    ];

    /// The algorithm's name as used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Lead => "lead",
            Algorithm::TextRank => "textrank",
            Algorithm::LexRank => "lexrank",
            Algorithm::Learned => "learned",
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Algorithm {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Algorithm::ALL
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let names: Vec<_> = Algorithm::ALL.iter().map(|a| a.name()).collect();
                crate::Error::InvalidOption(format!(
                    "unknown algorithm {s:?} (expected one of: {})",
                    names.join(", ")
                ))
            })
    }
}
