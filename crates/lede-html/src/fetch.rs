//! Bounded HTTP(S) download of one page.

use std::io::Read;
use std::time::Duration;

use ureq::ResponseExt;

use crate::{extract_bytes, Article, ExtractError};

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
    /// 10 s to connect, 30 s in all, 10 MiB of body, 5 redirects.
    fn default() -> Self {
        FetchLimits {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_body_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

impl FetchLimits {
    /// An HTTP client configuration with these timeouts and redirect limit and
    /// user agent `lede/<version>`; callers may adjust it further and build their
    /// own [`ureq::Agent`] (for example with a resolver that vets addresses) for
    /// [`FetchedPage::download`].
    pub fn agent_config(&self) -> ureq::config::ConfigBuilder<ureq::typestate::AgentScope> {
        ureq::Agent::config_builder()
            .timeout_connect(Some(self.connect_timeout))
            .timeout_global(Some(self.total_timeout))
            .max_redirects(self.max_redirects)
            .user_agent(concat!("lede/", env!("CARGO_PKG_VERSION")))
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
    /// Whether the body was cut at the size limit.
    pub truncated: bool,
}

impl FetchedPage {
    /// Extracts the article, decoding the body with the header's charset when given.
    pub fn extract(&self) -> Result<Article, ExtractError> {
        extract_bytes(&self.body, self.content_type.as_deref(), Some(&self.url))
    }
}

/// Why a download failed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The address is not a valid absolute `http` or `https` URL.
    #[error("not a valid http(s) URL: {0}")]
    BadUrl(String),
    /// The server answered with an error status.
    #[error("server answered HTTP {0}")]
    Status(u16),
    /// A connect or total timeout fired.
    #[error("timed out: {0}")]
    Timeout(String),
    /// More redirects than [`FetchLimits::max_redirects`].
    #[error("too many redirects")]
    TooManyRedirects,
    /// The server sent something other than HTML or text.
    #[error("unsupported content type: {0}")]
    UnsupportedContentType(String),
    /// Connection, TLS or protocol failure.
    #[error("request failed: {0}")]
    Http(String),
    /// An error raised by the agent's own parts, such as a resolver that refuses
    /// some addresses; kept whole so the caller can downcast it.
    #[error("{0}")]
    Other(Box<dyn std::error::Error + Send + Sync>),
}

impl From<ureq::Error> for FetchError {
    fn from(err: ureq::Error) -> Self {
        match err {
            ureq::Error::StatusCode(code) => FetchError::Status(code),
            ureq::Error::Timeout(what) => FetchError::Timeout(what.to_string()),
            ureq::Error::TooManyRedirects => FetchError::TooManyRedirects,
            ureq::Error::BadUri(message) => FetchError::BadUrl(message),
            // The request's method and headers are fixed, so a request that
            // cannot be built has an unparsable URL.
            ureq::Error::Http(err) => FetchError::BadUrl(err.to_string()),
            ureq::Error::Other(inner) => FetchError::Other(inner),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::Timeout(io.to_string())
            }
            other => FetchError::Http(other.to_string()),
        }
    }
}

/// Downloads `url` within `limits`, with user agent `lede/<version>`.
///
/// Only `text/html`, XHTML and `text/plain` responses (or ones without a content type) are
/// accepted. A body longer than the limit is cut there and marked [`FetchedPage::truncated`].
pub fn fetch(url: &str, limits: &FetchLimits) -> Result<FetchedPage, FetchError> {
    let agent = limits.agent_config().build().into();
    FetchedPage::download(&agent, url, limits.max_body_bytes)
}

impl FetchedPage {
    /// Downloads `url` with a caller-built `agent` (which sets the timeouts, redirects,
    /// resolver and proxy), keeping at most `max_body_bytes` of the body; otherwise
    /// as [`fetch`].
    pub fn download(
        agent: &ureq::Agent,
        url: &str,
        max_body_bytes: usize,
    ) -> Result<FetchedPage, FetchError> {
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            return Err(FetchError::BadUrl(url.to_string()));
        }
        let mut response = agent
            .get(url)
            .header(
                "Accept",
                "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5",
            )
            .call()
            .map_err(FetchError::from)?;
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
            if !matches!(
                mime.as_str(),
                "" | "text/html" | "application/xhtml+xml" | "text/plain"
            ) {
                return Err(FetchError::UnsupportedContentType(mime));
            }
        }
        let limit = max_body_bytes as u64;
        let mut reader = response
            .body_mut()
            .with_config()
            .limit(u64::MAX)
            .reader()
            .take(limit + 1);
        let mut body = Vec::new();
        reader.read_to_end(&mut body).map_err(|e| {
            if e.kind() == std::io::ErrorKind::TimedOut {
                FetchError::Timeout(e.to_string())
            } else {
                FetchError::Http(e.to_string())
            }
        })?;
        let truncated = body.len() > max_body_bytes;
        body.truncate(max_body_bytes);
        Ok(FetchedPage {
            url: final_url,
            content_type,
            body,
            truncated,
        })
    }
}
