//! ROUGE scores identical to Google's `rouge-score` 0.1.2, corpus
//! statistics, and the greedy extractive oracle.
//!
//! - [`RougeScorer`] computes ROUGE-N (any n), ROUGE-L and ROUGE-Lsum with
//!   or without stemming; every score equals rouge-score's to the last bit
//!   (checked on fixtures generated with rouge-score itself).
//! - [`aggregate`] gives corpus means with bootstrap confidence intervals,
//!   [`paired_permutation_test`] compares two systems.
//! - [`Tokenizer::Multilingual`] scores any language the way XL-Sum's
//!   multilingual ROUGE does (Unicode tokens, Snowball stems); the default
//!   [`Tokenizer::RougeScore`] is rouge-score's, for English.
//! - [`greedy_oracle`] picks the sentences that maximise ROUGE-1 + ROUGE-2 F1.
//!
//! ```
//! use lede_rouge::{RougeScorer, RougeType};
//! let scorer = RougeScorer::new(Default::default()).unwrap();
//! let scores = scorer.score("Police arrested two men.", "Two men were arrested by police.");
//! assert_eq!(scores.get(RougeType::N(1)).unwrap().precision, 1.0);
//! ```

mod lcs;
mod oracle;
mod porter;
mod score;
mod stats;
mod tokenize;

pub use oracle::{greedy_oracle, greedy_oracle_with, oracle_labels};
pub use score::{Config, RougeScorer, RougeType, Score, Scores};
pub use stats::{aggregate, paired_permutation_test, Aggregate, Bootstrap, Comparison, Interval};
pub use tokenize::{tokenize, tokenize_with, Snowball, Tokenizer};

/// Errors of the ROUGE library.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// A name that is not `rougeN`, `rougeL` or `rougeLsum`.
    #[error("unknown ROUGE type {0:?} (expected rouge1, rouge2, ..., rougeL or rougeLsum)")]
    UnknownType(String),
    /// ROUGE-N with `n = 0`.
    #[error("ROUGE-N needs n >= 1")]
    ZeroN,
    /// Aggregation over no documents.
    #[error("no documents to aggregate")]
    NoDocuments,
    /// Documents scored with different ROUGE types.
    #[error("documents were scored with different ROUGE types")]
    TypeMismatch,
    /// Two systems scored on different numbers of documents.
    #[error("the systems have {a} and {b} documents; a paired test needs the same documents")]
    LengthMismatch {
        /// Documents of system A.
        a: usize,
        /// Documents of system B.
        b: usize,
    },
    /// Zero samples, or a confidence outside (0, 1).
    #[error("resampling needs at least one sample and a confidence level in (0, 1)")]
    InvalidBootstrap,
}
