//! Downloads for the command line: the fetchers of a run, and per-host
//! politeness for batches.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::args::FetchArgs;
use lede_fetch::{FetchError, FetchLimits, FetchedPage, Fetcher, Guard};

/// Whether `input` names an http(s) URL rather than a file.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The fetcher for URLs a user lists explicitly: fetched as given (the
/// environment's proxy settings apply), bodies cut at `max_bytes`.
pub fn fetcher(max_bytes: usize) -> Fetcher {
    Fetcher::through_env_proxy(limits(max_bytes))
}

fn limits(max_bytes: usize) -> FetchLimits {
    FetchLimits {
        max_body_bytes: max_bytes,
        ..FetchLimits::default()
    }
}

/// The fetchers of a batch: URLs the user listed are fetched as given
/// (behind the private-address guard with `--public-only`), URLs discovered
/// in feeds and sitemaps behind the guard (unless `--allow-private-fetch`);
/// one request at a time per host, `--host-delay-ms` apart.
pub struct Fetchers {
    explicit: Fetcher,
    discovered: Fetcher,
    hosts: Mutex<HashMap<String, Arc<Mutex<Option<Instant>>>>>,
    delay: Duration,
}

impl Fetchers {
    /// Fetchers keeping bodies to `max_bytes`.
    pub fn new(max_bytes: usize, args: &FetchArgs) -> Fetchers {
        let guard = if args.allow_private_fetch {
            Guard::Any
        } else {
            Guard::PublicOnly
        };
        let explicit = if args.public_only {
            Fetcher::new(limits(max_bytes), Guard::PublicOnly)
        } else {
            fetcher(max_bytes)
        };
        Fetchers {
            explicit,
            discovered: Fetcher::new(limits(max_bytes), guard),
            hosts: Mutex::new(HashMap::new()),
            delay: Duration::from_millis(args.host_delay_ms),
        }
    }

    /// Downloads `url` (with the guard when it was `discovered`), waiting
    /// for its host to be free and the politeness delay to pass.
    pub fn fetch(&self, url: &str, discovered: bool) -> Result<FetchedPage, FetchError> {
        self.polite(url, || self.fetcher(discovered).fetch(url))
    }

    /// Downloads the feed or sitemap at `url`, as [`Fetchers::fetch`] does a page.
    pub fn fetch_feed(&self, url: &str, discovered: bool) -> Result<FetchedPage, FetchError> {
        self.polite(url, || self.fetcher(discovered).fetch_xml(url))
    }

    fn fetcher(&self, discovered: bool) -> &Fetcher {
        if discovered {
            &self.discovered
        } else {
            &self.explicit
        }
    }

    fn polite<T>(&self, url: &str, fetch: impl FnOnce() -> T) -> T {
        let slot = {
            let mut hosts = self.hosts.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(hosts.entry(host(url)).or_default())
        };
        let mut last = slot.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(at) = *last {
            std::thread::sleep((at + self.delay).saturating_duration_since(Instant::now()));
        }
        let result = fetch();
        *last = Some(Instant::now());
        result
    }
}

/// The host (and port) of a URL, lower-cased, for politeness.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    host.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_ignore_case_paths_and_user_info() {
        assert_eq!(
            host("http://User@Example.COM:8080/a?b#c"),
            "example.com:8080"
        );
        assert_eq!(host("https://127.0.0.1?x"), "127.0.0.1");
        assert!(is_url("HTTPS://x") && !is_url("file.html"));
    }
}
