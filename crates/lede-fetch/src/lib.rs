//! Bounded HTTP(S) download of web pages, with a guard against private addresses.
//!
//! Build one [`Fetcher`] and reuse it (it holds the HTTP client and its
//! connection pool):
//!
//! ```
//! use lede_fetch::{FetchError, FetchLimits, FetchedPage, Fetcher, Guard};
//!
//! fn download(urls: &[&str]) -> Vec<Result<FetchedPage, FetchError>> {
//!     let fetcher = Fetcher::new(FetchLimits::default(), Guard::PublicOnly);
//!     urls.iter().map(|url| fetcher.fetch(url)).collect()
//! }
//! ```
//!
//! Every download is bounded: a connect timeout, a total timeout (redirects
//! and body included), a redirect limit and a body size cap; only HTML and
//! plain text responses are kept. With [`Guard::PublicOnly`] no connection,
//! redirects included, goes to a loopback, private or otherwise non-public
//! address (see [`is_private`]). Connections are direct; only
//! [`Fetcher::through_env_proxy`] uses the proxy the environment names.

mod guard;

use std::io::Read;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use ureq::unversioned::transport::DefaultConnector;
use ureq::ResponseExt;

pub use guard::{is_private, Guard, Resolve};

/// Largest body kept by default: 16 MiB, the size of the largest input the
/// summarizer accepts, so a page cut here is still summarized.
pub const DEFAULT_MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// The `User-Agent` of every request: `lede/<version>`.
pub const USER_AGENT: &str = concat!("lede/", env!("CARGO_PKG_VERSION"));

/// Bounds on one download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchLimits {
    /// Longest wait to open the connection.
    pub connect_timeout: Duration,
    /// Longest time for the whole exchange, redirects and body included.
    pub total_timeout: Duration,
    /// Bytes of body kept; the rest is not read and the page is marked truncated.
    pub max_body_bytes: usize,
    /// Most redirects followed.
    pub max_redirects: u32,
}

impl Default for FetchLimits {
    /// 10 s to connect, 30 s in all, [`DEFAULT_MAX_BODY_BYTES`] of body, 5 redirects.
    fn default() -> Self {
        FetchLimits {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_redirects: 5,
        }
    }
}

/// A downloaded page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchedPage {
    /// Address the body came from, after redirects.
    pub url: String,
    /// The `Content-Type` header, when sent.
    pub content_type: Option<String>,
    /// The body, at most [`FetchLimits::max_body_bytes`] long.
    pub body: Vec<u8>,
    /// Whether the body was cut at [`FetchLimits::max_body_bytes`].
    pub truncated: bool,
}

/// Why a download failed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not a valid absolute `http` or `https` URL.
    #[error("not a valid http(s) URL: {0}")]
    InvalidUrl(String),
    /// The host resolved to an address the [`Guard`] does not allow.
    #[error("{host} resolves to {addr}, a private or reserved address; it is not fetched")]
    Refused {
        /// The host name (or IP literal) of the refused URL.
        host: String,
        /// The address that was refused.
        addr: IpAddr,
    },
    /// The connect or total timeout fired.
    #[error("timed out: {0}")]
    Timeout(String),
    /// More redirects than [`FetchLimits::max_redirects`].
    #[error("too many redirects")]
    TooManyRedirects,
    /// The server answered with an error status (4xx or 5xx).
    #[error("server answered HTTP {0}")]
    HttpStatus(u16),
    /// The server sent something other than HTML or plain text (the media type).
    #[error("not an HTML page: content type {0}")]
    NotHtml(String),
    /// Name resolution, connection, TLS or protocol failure.
    #[error("request failed: {0}")]
    Network(String),
}

impl From<ureq::Error> for FetchError {
    fn from(err: ureq::Error) -> Self {
        match err {
            ureq::Error::StatusCode(code) => FetchError::HttpStatus(code),
            ureq::Error::Timeout(what) => FetchError::Timeout(what.to_string()),
            ureq::Error::TooManyRedirects => FetchError::TooManyRedirects,
            ureq::Error::BadUri(message) => FetchError::InvalidUrl(message),
            // The request's method and headers are fixed, so a request that
            // cannot be built has an unparsable URL.
            ureq::Error::Http(err) => FetchError::InvalidUrl(err.to_string()),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::Timeout(io.to_string())
            }
            ureq::Error::Other(inner) => match inner.downcast::<guard::Refused>() {
                Ok(refused) => FetchError::Refused {
                    host: refused.host,
                    addr: refused.addr,
                },
                Err(other) => FetchError::Network(other.to_string()),
            },
            other => FetchError::Network(other.to_string()),
        }
    }
}

/// Downloads pages within fixed limits. Build it once and share it: it holds
/// the HTTP client and its connection pool, and is cheap to clone.
#[derive(Debug, Clone)]
pub struct Fetcher {
    agent: ureq::Agent,
    limits: FetchLimits,
}

impl Fetcher {
    /// A fetcher that connects directly (never through a proxy) to the
    /// addresses the system's resolver gives, within `guard`.
    pub fn new(limits: FetchLimits, guard: Guard) -> Fetcher {
        Fetcher::build(limits, guard::GuardedResolver::system(guard), None)
    }

    /// A fetcher that looks host names up with `resolver`, and asks it which
    /// addresses are public when `guard` is [`Guard::PublicOnly`]. It never
    /// uses a proxy, so the resolver decides where every connection goes.
    pub fn with_resolver(limits: FetchLimits, guard: Guard, resolver: Arc<dyn Resolve>) -> Fetcher {
        Fetcher::build(
            limits,
            guard::GuardedResolver::custom(resolver, guard),
            None,
        )
    }

    /// A fetcher without the guard that goes through the proxy named by the
    /// environment (`ALL_PROXY`, `HTTPS_PROXY` or `HTTP_PROXY`, honouring
    /// `NO_PROXY`), connecting directly when none is set: for URLs a user
    /// gave explicitly. A guard could not see past a proxy, so there is no
    /// guarded variant.
    pub fn through_env_proxy(limits: FetchLimits) -> Fetcher {
        Fetcher::build(
            limits,
            guard::GuardedResolver::system(Guard::Any),
            ureq::Proxy::try_from_env(),
        )
    }

    fn build(
        limits: FetchLimits,
        resolver: guard::GuardedResolver,
        proxy: Option<ureq::Proxy>,
    ) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(limits.connect_timeout))
            .timeout_global(Some(limits.total_timeout))
            .max_redirects(limits.max_redirects)
            .user_agent(USER_AGENT)
            .proxy(proxy)
            .build();
        let agent = ureq::Agent::with_parts(config, DefaultConnector::default(), resolver);
        Fetcher { agent, limits }
    }

    /// The limits every download keeps to.
    pub fn limits(&self) -> &FetchLimits {
        &self.limits
    }

    /// Downloads `url`, following redirects.
    ///
    /// Only `text/html`, XHTML and `text/plain` responses (or ones without a
    /// content type) are accepted. A body longer than the limit is cut there
    /// and marked [`FetchedPage::truncated`].
    pub fn fetch(&self, url: &str) -> Result<FetchedPage, FetchError> {
        self.fetch_accepting(
            url,
            "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5",
            &["text/html", "application/xhtml+xml", "text/plain"],
        )
    }

    /// Downloads a feed or sitemap at `url`, as [`Fetcher::fetch`] does a
    /// page, accepting XML (`application/rss+xml`, `application/atom+xml`,
    /// `application/xml`, `text/xml`) and plain text responses.
    pub fn fetch_xml(&self, url: &str) -> Result<FetchedPage, FetchError> {
        self.fetch_accepting(
            url,
            "application/rss+xml,application/atom+xml,application/xml,text/xml;q=0.9,text/plain;q=0.5",
            &[
                "application/rss+xml",
                "application/atom+xml",
                "application/xml",
                "text/xml",
                "text/plain",
            ],
        )
    }

    fn fetch_accepting(
        &self,
        url: &str,
        accept: &str,
        media_types: &[&str],
    ) -> Result<FetchedPage, FetchError> {
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            return Err(FetchError::InvalidUrl(url.to_string()));
        }
        let mut response = self.agent.get(url).header("Accept", accept).call()?;
        let final_url = response.get_uri().to_string();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        if let Some(ct) = &content_type {
            let mime = ct
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            if !mime.is_empty() && !media_types.contains(&mime.as_str()) {
                return Err(FetchError::NotHtml(mime));
            }
        }
        let limit = self.limits.max_body_bytes;
        let mut body = Vec::new();
        response
            .body_mut()
            .with_config()
            .limit(u64::MAX)
            .reader()
            .take(limit as u64 + 1)
            .read_to_end(&mut body)
            .map_err(|e| {
                if e.kind() == std::io::ErrorKind::TimedOut {
                    FetchError::Timeout(e.to_string())
                } else {
                    FetchError::Network(e.to_string())
                }
            })?;
        let truncated = body.len() > limit;
        body.truncate(limit);
        Ok(FetchedPage {
            url: final_url,
            content_type,
            body,
            truncated,
        })
    }
}
