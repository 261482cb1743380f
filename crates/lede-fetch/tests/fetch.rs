//! Downloads from a tiny HTTP server on 127.0.0.1 (no other network): the
//! limits, the content-type check and the error kinds.

mod common;

use std::time::{Duration, Instant};

use common::{Reply, Site};
use lede_fetch::{FetchError, FetchLimits, Fetcher, Guard};

const PAGE_1252: &[u8] = b"<html><head><title>Caf\xe9 news</title></head><body><article><p>The caf\xe9 owner said \x93business is booming\x94.</p></article></body></html>";

fn site() -> Site {
    Site::start(|request| match request.path.as_str() {
        "/page" => Reply::Full(
            "200 OK",
            "Content-Type: text/html; charset=windows-1252\r\n".into(),
            PAGE_1252.to_vec(),
        ),
        "/ua" => Reply::Full(
            "200 OK",
            "Content-Type: text/plain\r\n".into(),
            request.headers["user-agent"].clone().into_bytes(),
        ),
        "/untyped" => Reply::Full("200 OK", String::new(), b"<p>No type.</p>".to_vec()),
        "/moved" => Reply::Full("301 Moved", "Location: /page\r\n".into(), Vec::new()),
        "/loop-a" => Reply::redirect("/loop-b"),
        "/loop-b" => Reply::redirect("/loop-a"),
        "/silent" => Reply::Silent,
        "/endless" => Reply::Endless,
        "/pdf" => Reply::Full(
            "200 OK",
            "Content-Type: application/pdf\r\n".into(),
            b"%PDF-1.4 \x00\x01\x02".to_vec(),
        ),
        "/png-as-html" => Reply::html(b"\x89PNG\r\n\x1a\n\x00\x00".to_vec()),
        "/broken" => Reply::Full("503 Service Unavailable", String::new(), Vec::new()),
        _ => Reply::Full("404 Not Found", String::new(), b"nope".to_vec()),
    })
}

fn quick() -> FetchLimits {
    FetchLimits {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(3),
        max_body_bytes: 1024 * 1024,
        max_redirects: 3,
    }
}

/// A fetcher for loopback servers (the guard would refuse them).
fn fetcher(limits: FetchLimits) -> Fetcher {
    Fetcher::new(limits, Guard::Any)
}

#[test]
fn keeps_the_body_and_its_content_type() {
    let site = site();
    let page = fetcher(quick()).fetch(&site.url("/page")).unwrap();
    assert_eq!(page.body, PAGE_1252);
    assert_eq!(
        page.content_type.as_deref(),
        Some("text/html; charset=windows-1252")
    );
    assert_eq!(page.url, site.url("/page"));
    assert!(!page.truncated);
    let page = fetcher(quick()).fetch(&site.url("/untyped")).unwrap();
    assert_eq!(page.content_type, None);
}

#[test]
fn sends_the_lede_user_agent() {
    let site = site();
    let page = fetcher(quick()).fetch(&site.url("/ua")).unwrap();
    assert_eq!(page.body, lede_fetch::USER_AGENT.as_bytes());
    assert_eq!(
        lede_fetch::USER_AGENT,
        concat!("lede/", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn follows_redirects_and_reports_the_final_url() {
    let site = site();
    let page = fetcher(quick()).fetch(&site.url("/moved")).unwrap();
    assert_eq!(page.url, site.url("/page"));
    assert_eq!(page.body, PAGE_1252);
}

#[test]
fn a_redirect_loop_stops() {
    let site = site();
    let err = fetcher(quick()).fetch(&site.url("/loop-a")).unwrap_err();
    assert!(matches!(err, FetchError::TooManyRedirects), "{err:?}");
}

#[test]
fn a_silent_server_times_out() {
    let site = site();
    let limits = FetchLimits {
        total_timeout: Duration::from_millis(500),
        ..quick()
    };
    let start = Instant::now();
    let err = fetcher(limits).fetch(&site.url("/silent")).unwrap_err();
    assert!(matches!(err, FetchError::Timeout(_)), "{err:?}");
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn an_endless_body_is_cut_at_the_limit_and_marked_truncated() {
    let site = site();
    let limits = FetchLimits {
        max_body_bytes: 100_000,
        ..quick()
    };
    let page = fetcher(limits).fetch(&site.url("/endless")).unwrap();
    assert!(page.truncated);
    assert_eq!(page.body.len(), 100_000);
    assert!(page.body.starts_with(b"<html><body><p>The stream goes on"));
}

#[test]
fn a_body_of_exactly_the_limit_is_not_truncated() {
    let site = site();
    let limits = FetchLimits {
        max_body_bytes: PAGE_1252.len(),
        ..quick()
    };
    let page = fetcher(limits.clone()).fetch(&site.url("/page")).unwrap();
    assert_eq!((page.body.len(), page.truncated), (PAGE_1252.len(), false));
    let limits = FetchLimits {
        max_body_bytes: 10,
        ..limits
    };
    let page = fetcher(limits).fetch(&site.url("/page")).unwrap();
    assert_eq!(page.body, &PAGE_1252[..10]);
    assert!(page.truncated);
}

#[test]
fn binary_content_types_are_refused() {
    let site = site();
    let err = fetcher(quick()).fetch(&site.url("/pdf")).unwrap_err();
    assert!(
        matches!(err, FetchError::NotHtml(ref t) if t == "application/pdf"),
        "{err:?}"
    );
    // The fetcher trusts a declared HTML type; spotting binary bodies is the
    // extractor's job.
    let page = fetcher(quick()).fetch(&site.url("/png-as-html")).unwrap();
    assert!(page.body.starts_with(b"\x89PNG"));
}

#[test]
fn error_statuses_and_bad_urls_have_their_own_kinds() {
    let site = site();
    let fetcher = fetcher(quick());
    let err = fetcher.fetch(&site.url("/missing")).unwrap_err();
    assert!(matches!(err, FetchError::HttpStatus(404)), "{err:?}");
    let err = fetcher.fetch(&site.url("/broken")).unwrap_err();
    assert!(matches!(err, FetchError::HttpStatus(503)), "{err:?}");
    for url in [
        "file:///etc/passwd",
        "ftp://x/",
        "not a url",
        "http://bad host/",
    ] {
        let err = fetcher.fetch(url).unwrap_err();
        assert!(matches!(err, FetchError::InvalidUrl(_)), "{url}: {err:?}");
    }
}

#[test]
fn a_closed_port_is_a_network_error() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let err = fetcher(quick())
        .fetch(&format!("http://127.0.0.1:{port}/"))
        .unwrap_err();
    assert!(matches!(err, FetchError::Network(_)), "{err:?}");
}

#[test]
fn one_fetcher_serves_many_threads() {
    let site = site();
    let fetcher = fetcher(quick());
    let url = site.url("/page");
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| assert_eq!(fetcher.fetch(&url).unwrap().body, PAGE_1252));
        }
    });
}
