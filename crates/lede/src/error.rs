//! Errors of the lede library.

use std::path::PathBuf;

/// Everything that can go wrong while summarizing one document.
#[derive(Debug, thiserror::Error)]
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
    /// The input is not valid UTF-8.
    #[error("input is not valid UTF-8 (first bad byte at offset {offset})")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input looks like binary data rather than text.
    #[error("input looks like binary data, not text ({reason})")]
    Binary {
        /// What gave it away.
        reason: String,
    },
    /// After cleaning, the body holds no sentence to choose from.
    #[error("no sentences left in the article body after cleaning")]
    NoSentences,
    /// An option has a value outside its domain.
    #[error("invalid option: {0}")]
    InvalidOption(String),
    /// An HTML page could not be turned into an article.
    #[error("HTML: {0}")]
    Html(String),
    /// A page could not be fetched.
    #[error("fetch: {0}")]
    Fetch(String),
    /// The learned model could not be loaded.
    #[error("model: {0}")]
    Model(String),
    /// Reading a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file being read.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// Result type of the lede library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
