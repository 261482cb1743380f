//! Downloads for the command line: one fetcher per run, built from the
//! shared input options.

use lede_fetch::{FetchLimits, Fetcher};

/// Whether `input` names an http(s) URL rather than a file.
pub fn is_url(input: &str) -> bool {
    input.starts_with("http://") || input.starts_with("https://")
}

/// The fetcher for URLs a user lists explicitly: fetched as given (the
/// environment's proxy settings apply), bodies cut at `max_bytes`.
pub fn fetcher(max_bytes: usize) -> Fetcher {
    Fetcher::through_env_proxy(FetchLimits {
        max_body_bytes: max_bytes,
        ..FetchLimits::default()
    })
}
