//! Server-side page download for `url` inputs: a [`lede_fetch::Fetcher`]
//! built once, and its error kinds mapped to HTTP statuses.

use std::time::Duration;

use axum::http::StatusCode;
use lede_fetch::{FetchError, FetchLimits, FetchedPage, Fetcher, Guard};

use crate::error::ApiError;

/// A fetcher that gives up after the request timeout (connecting after at
/// most 5 s of it) and keeps `max_page_bytes`; with `allow_private_fetch`
/// it also fetches from private and loopback addresses.
pub(crate) fn fetcher(config: &crate::Config) -> Fetcher {
    let limits = FetchLimits {
        connect_timeout: config.timeout.min(Duration::from_secs(5)),
        total_timeout: config.timeout,
        max_body_bytes: config.max_page_bytes,
        ..FetchLimits::default()
    };
    let guard = if config.allow_private_fetch {
        Guard::Any
    } else {
        Guard::PublicOnly
    };
    Fetcher::new(limits, guard)
}

/// Downloads `url`, blaming `field` for failures.
pub(crate) fn page(fetcher: &Fetcher, url: &str, field: &str) -> Result<FetchedPage, ApiError> {
    fetcher.fetch(url).map_err(|e| fetch_error(&e).field(field))
}

/// The warning for a page cut at the fetch limit, if it was.
pub(crate) fn truncation_warning(page: &FetchedPage) -> Option<lede::Warning> {
    page.truncated.then_some(lede::Warning::PageTruncated {
        bytes: page.body.len(),
    })
}

fn fetch_error(err: &FetchError) -> ApiError {
    let (status, code) = match err {
        FetchError::InvalidUrl(_) => (StatusCode::BAD_REQUEST, "invalid_url"),
        FetchError::Refused { .. } => (StatusCode::FORBIDDEN, "forbidden_address"),
        FetchError::Timeout(_) => (StatusCode::GATEWAY_TIMEOUT, "fetch_timeout"),
        FetchError::TooManyRedirects => (StatusCode::BAD_GATEWAY, "too_many_redirects"),
        FetchError::HttpStatus(_) => (StatusCode::BAD_GATEWAY, "fetch_status"),
        FetchError::NotHtml(_) => (StatusCode::UNPROCESSABLE_ENTITY, "not_html"),
        FetchError::Network(_) => (StatusCode::BAD_GATEWAY, "fetch_failed"),
    };
    ApiError::new(status, code, format!("fetching the page failed: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_status_and_code() {
        let cases = [
            (FetchError::InvalidUrl("x".into()), 400, "invalid_url"),
            (
                FetchError::Refused {
                    host: "private.test".into(),
                    addr: std::net::Ipv4Addr::LOCALHOST.into(),
                },
                403,
                "forbidden_address",
            ),
            (FetchError::Timeout("global".into()), 504, "fetch_timeout"),
            (FetchError::TooManyRedirects, 502, "too_many_redirects"),
            (FetchError::HttpStatus(404), 502, "fetch_status"),
            (
                FetchError::NotHtml("application/pdf".into()),
                422,
                "not_html",
            ),
            (FetchError::Network("reset".into()), 502, "fetch_failed"),
        ];
        for (err, status, code) in cases {
            let api = fetch_error(&err);
            assert_eq!((api.status.as_u16(), api.code), (status, code), "{err:?}");
            assert!(api.message.contains(&err.to_string()));
        }
    }

    #[test]
    fn only_truncated_pages_warn() {
        let mut page = FetchedPage {
            url: "http://public.test/".into(),
            content_type: None,
            body: vec![b'a'; 10],
            truncated: false,
        };
        assert_eq!(truncation_warning(&page), None);
        page.truncated = true;
        assert_eq!(
            truncation_warning(&page),
            Some(lede::Warning::PageTruncated { bytes: 10 })
        );
    }
}
