//! `fetch` against a tiny HTTP server on 127.0.0.1 (no other network).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use lede_html::{fetch, ExtractError, FetchError, FetchLimits, FetchedPage};

const PAGE_1252: &[u8] = b"<html><head><title>Caf\xe9 news</title></head><body><article><p>The caf\xe9 owner said \x93business is booming\x94 this summer, and hired two more baristas.</p></article></body></html>";

/// Starts a server answering by path; returns its base URL.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            thread::spawn(move || handle(stream));
        }
    });
    base
}

fn handle(mut stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut user_agent = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some(ua) = line.to_ascii_lowercase().strip_prefix("user-agent:") {
            user_agent = ua.trim().to_string();
        }
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let respond = |stream: &mut TcpStream, status: &str, headers: &str, body: &[u8]| {
        let head = format!(
            "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body);
    };
    match path.as_str() {
        "/page" => respond(
            &mut stream,
            "200 OK",
            "Content-Type: text/html; charset=windows-1252\r\n",
            PAGE_1252,
        ),
        "/ua" => respond(
            &mut stream,
            "200 OK",
            "Content-Type: text/plain\r\n",
            user_agent.as_bytes(),
        ),
        "/moved" => respond(&mut stream, "301 Moved", "Location: /page\r\n", b""),
        "/loop-a" => respond(&mut stream, "302 Found", "Location: /loop-b\r\n", b""),
        "/loop-b" => respond(&mut stream, "302 Found", "Location: /loop-a\r\n", b""),
        "/silent" => thread::sleep(Duration::from_secs(10)),
        "/endless" => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body>");
            let chunk =
                b"<p>The stream goes on, sentence after sentence, and never ends.</p>".repeat(1000);
            while stream.write_all(&chunk).is_ok() {}
        }
        "/pdf" => respond(
            &mut stream,
            "200 OK",
            "Content-Type: application/pdf\r\n",
            b"%PDF-1.4 \x00\x01\x02",
        ),
        "/png-as-html" => {
            let mut body = b"\x89PNG\r\n\x1a\n".to_vec();
            body.extend((0..4096u32).map(|i| (i * 13 % 256) as u8));
            respond(&mut stream, "200 OK", "Content-Type: text/html\r\n", &body)
        }
        _ => respond(
            &mut stream,
            "404 Not Found",
            "Content-Type: text/html\r\n",
            b"nope",
        ),
    }
}

fn quick() -> FetchLimits {
    FetchLimits {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(3),
        max_body_bytes: 1024 * 1024,
        max_redirects: 3,
    }
}

#[test]
fn fetches_and_decodes_by_header_charset() {
    let base = serve();
    let page = fetch(&format!("{base}/page"), &quick()).unwrap();
    assert!(!page.truncated);
    assert_eq!(page.body, PAGE_1252);
    let article = page.extract().unwrap();
    assert_eq!(article.title, "Caf\u{e9} news");
    assert_eq!(
        article.paragraphs,
        ["The caf\u{e9} owner said \u{201c}business is booming\u{201d} this summer, and hired two more baristas."]
    );
}

#[test]
fn sends_lede_user_agent() {
    let base = serve();
    let page = fetch(&format!("{base}/ua"), &quick()).unwrap();
    assert_eq!(
        String::from_utf8(page.body).unwrap(),
        concat!("lede/", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn follows_redirects_and_reports_final_url() {
    let base = serve();
    let page = fetch(&format!("{base}/moved"), &quick()).unwrap();
    assert_eq!(page.url, format!("{base}/page"));
}

#[test]
fn redirect_loop_stops() {
    let base = serve();
    let err = fetch(&format!("{base}/loop-a"), &quick()).unwrap_err();
    assert!(matches!(err, FetchError::TooManyRedirects), "{err:?}");
}

#[test]
fn silent_server_times_out() {
    let base = serve();
    let limits = FetchLimits {
        total_timeout: Duration::from_millis(500),
        ..quick()
    };
    let start = Instant::now();
    let err = fetch(&format!("{base}/silent"), &limits).unwrap_err();
    assert!(matches!(err, FetchError::Timeout(_)), "{err:?}");
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn endless_body_is_cut_at_the_limit() {
    let base = serve();
    let limits = FetchLimits {
        max_body_bytes: 100_000,
        ..quick()
    };
    let page = fetch(&format!("{base}/endless"), &limits).unwrap();
    assert!(page.truncated);
    assert_eq!(page.body.len(), 100_000);
    assert!(!page.extract().unwrap().is_empty());
}

#[test]
fn binary_content_is_refused() {
    let base = serve();
    let err = fetch(&format!("{base}/pdf"), &quick()).unwrap_err();
    assert!(
        matches!(err, FetchError::UnsupportedContentType(ref t) if t == "application/pdf"),
        "{err:?}"
    );
    let page = fetch(&format!("{base}/png-as-html"), &quick()).unwrap();
    assert_eq!(page.extract(), Err(ExtractError::Binary));
}

#[test]
fn http_errors_and_bad_urls() {
    let base = serve();
    let err = fetch(&format!("{base}/missing"), &quick()).unwrap_err();
    assert!(matches!(err, FetchError::Status(404)), "{err:?}");
    let err = fetch("file:///etc/passwd", &quick()).unwrap_err();
    assert!(matches!(err, FetchError::BadUrl(_)), "{err:?}");
}

/// A resolver that refuses every host, as a caller's address guard would.
#[derive(Debug)]
struct RefuseAll;

#[derive(Debug, thiserror::Error)]
#[error("refused by the test resolver")]
struct RefusedByTest;

impl ureq::unversioned::resolver::Resolver for RefuseAll {
    fn resolve(
        &self,
        _uri: &ureq::http::Uri,
        _config: &ureq::config::Config,
        _timeout: ureq::unversioned::transport::NextTimeout,
    ) -> Result<ureq::unversioned::resolver::ResolvedSocketAddrs, ureq::Error> {
        Err(ureq::Error::Other(Box::new(RefusedByTest)))
    }
}

#[test]
fn download_uses_the_callers_agent_and_limit() {
    let base = serve();
    let agent: ureq::Agent = quick().agent_config().user_agent("custom/1").build().into();
    let page = FetchedPage::download(&agent, &format!("{base}/ua"), 1024).unwrap();
    assert_eq!(page.body, b"custom/1");
    assert!(!page.truncated);
    let page = FetchedPage::download(&agent, &format!("{base}/page"), 10).unwrap();
    assert_eq!(page.body, &PAGE_1252[..10]);
    assert!(page.truncated);
}

#[test]
fn download_hands_back_the_agents_own_errors() {
    let base = serve();
    let agent = ureq::Agent::with_parts(
        quick().agent_config().build(),
        ureq::unversioned::transport::DefaultConnector::new(),
        RefuseAll,
    );
    let err = FetchedPage::download(&agent, &format!("{base}/page"), 1024).unwrap_err();
    assert!(
        matches!(err, FetchError::Other(ref inner) if inner.is::<RefusedByTest>()),
        "{err:?}"
    );
    let err = FetchedPage::download(&agent, "http://exa mple.com/", 1024).unwrap_err();
    assert!(matches!(err, FetchError::BadUrl(_)), "{err:?}");
}
