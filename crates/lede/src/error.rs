//! Errors of the lede library.

use std::path::PathBuf;

use crate::score::learned::ModelFileError;

/// Everything that can go wrong while summarizing one document.
///
/// Front ends map errors by [`Error::code`], never by their message.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input holds no text once whitespace is ignored.
    #[error("input is empty or whitespace only")]
    EmptyInput,
    /// The input is larger than the configured limit.
    #[error("input is {size} bytes, over the limit of {limit} bytes (raise it with max_input_bytes / --max-bytes)")]
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// The input looks like binary data rather than text.
    #[error("input looks like binary data (an image, archive or executable), not text")]
    Binary,
    /// The input looks like a corpus of JSON lines, not one article.
    #[error("input looks like JSON lines (one record per line), not one article; summarize it as a corpus (--jsonl)")]
    LooksLikeCorpus,
    /// After cleaning, the body holds no sentence to choose from.
    #[error("no sentences left in the article body after cleaning")]
    NoSentences,
    /// An HTML page holds no article text.
    #[error("no article text was found in the page")]
    NoArticle,
    /// An option has a value outside its domain.
    #[error("invalid option: {0}")]
    InvalidOption(String),
    /// The work ran past the deadline given in the options.
    #[error("summarizing took longer than the deadline")]
    TimedOut,
    /// A model (embedded, or read from `path`) is not a valid model file.
    #[error("model{}: {source}", path.as_ref().map(|p| format!(" {}", p.display())).unwrap_or_default())]
    Model {
        /// The file, when the model came from one.
        path: Option<PathBuf>,
        /// What is wrong with it.
        source: ModelFileError,
    },
    /// Reading a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file being read.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl Error {
    /// A stable, machine-readable name of the error's kind (`empty_input`,
    /// `too_large`, `binary`, `looks_like_corpus`, `no_sentences`,
    /// `no_article`, `invalid_option`, `timeout`, `model`, `io`).
    pub fn code(&self) -> &'static str {
        match self {
            Error::EmptyInput => "empty_input",
            Error::InputTooLarge { .. } => "too_large",
            Error::Binary => "binary",
            Error::LooksLikeCorpus => "looks_like_corpus",
            Error::NoSentences => "no_sentences",
            Error::NoArticle => "no_article",
            Error::InvalidOption(_) => "invalid_option",
            Error::TimedOut => "timeout",
            Error::Model { .. } => "model",
            Error::Io { .. } => "io",
        }
    }

    /// Whether the error is about the input (as opposed to options, files
    /// or time): a client sent something lede cannot summarize.
    pub fn is_input_error(&self) -> bool {
        matches!(
            self,
            Error::EmptyInput
                | Error::InputTooLarge { .. }
                | Error::Binary
                | Error::LooksLikeCorpus
                | Error::NoSentences
                | Error::NoArticle
        )
    }
}

impl From<lede_html::ExtractError> for Error {
    fn from(err: lede_html::ExtractError) -> Error {
        match err {
            lede_html::ExtractError::TooLarge { size, limit } => {
                Error::InputTooLarge { size, limit }
            }
            lede_html::ExtractError::Binary => Error::Binary,
        }
    }
}

/// Result type of the lede library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
