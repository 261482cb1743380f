//! What other web pages can make a browser send: only JSON (or `text/html`
//! pages, which browsers never send cross-site without asking first), only
//! to the server's own host names, and CORS only for configured origins.
//! Also raw HTML posts, the icon, the body limit and a custom model.

mod common;

use common::*;
use hyper::{Method, StatusCode};
use serde_json::json;

const PAGE_HTML: &str = include_str!("fixtures/article.html");

#[tokio::test]
async fn only_json_bodies_are_read() {
    let server = Server::start(config()).await;
    let body = serde_json::to_vec(&json!({"text": MINYA})).unwrap();
    for path in ["/v1/summarize", "/v1/summarize/batch", "/v1/extract"] {
        for content_type in [
            None,
            Some("text/plain"),
            Some("text/plain; charset=utf-8"),
            Some("application/x-www-form-urlencoded"),
            Some("multipart/form-data; boundary=x"),
            Some("application/json; charset=iso-8859-1"),
            Some("application/jsonx"),
            Some("image/png"),
        ] {
            let headers: Vec<(&str, &str)> =
                content_type.iter().map(|t| ("content-type", *t)).collect();
            let reply = request(Method::POST, &server.url(path), &headers, body.clone()).await;
            assert_eq!(
                reply.status,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "{path} {content_type:?}: {}",
                reply.text()
            );
            assert_eq!(reply.error(), ("unsupported_media_type".into(), None));
        }
    }
    let reply = request(
        Method::POST,
        &server.url("/v1/summarize/batch"),
        &[("content-type", "text/html")],
        PAGE_HTML,
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "batches are JSON"
    );
    for content_type in [
        "application/json",
        "Application/JSON",
        "application/json; charset=utf-8",
        "application/json;charset=\"UTF-8\"",
    ] {
        let reply = request(
            Method::POST,
            &server.url("/v1/summarize"),
            &[("content-type", content_type)],
            body.clone(),
        )
        .await;
        assert_eq!(
            reply.status,
            StatusCode::OK,
            "{content_type}: {}",
            reply.text()
        );
    }
}

#[tokio::test]
async fn html_bodies_are_pages_with_options_in_the_query() {
    let server = Server::start(config()).await;
    let reply = request(
        Method::POST,
        &server
            .url("/v1/summarize?sentences=2&url=https%3A%2F%2Fcourier.test%2Fnews%2Fflood%3Fa%3D1"),
        &[("content-type", "text/html; charset=utf-8")],
        PAGE_HTML,
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let summary = reply.json();
    assert_valid("Summary", &summary);
    assert_eq!(summary["bullets"].as_array().unwrap().len(), 2);
    assert_eq!(
        summary["source"]["url"], "https://courier.test/news/flood?a=1",
        "the URL is metadata; fetching is off and nothing was fetched"
    );
    let as_json = post(
        &server.url("/v1/summarize"),
        &json!({"html": PAGE_HTML, "sentences": 2}),
    )
    .await
    .json();
    assert_eq!(summary["bullets"], as_json["bullets"]);

    let reply = request(
        Method::POST,
        &server.url("/v1/extract"),
        &[("content-type", "text/html; charset=windows-1252")],
        &b"<html><head><title>Caf\xe9</title></head><body><article><p>The caf\xe9 owner said business is booming this summer, and hired two more baristas for the season.</p></article></body></html>"[..],
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let article = reply.json();
    assert_valid("Article", &article);
    assert!(article["text"]
        .as_str()
        .unwrap()
        .contains("caf\u{e9} owner"));

    for (path, body, code, field) in [
        ("/v1/summarize", " \n", "empty_input", Some("body")),
        (
            "/v1/summarize?sentences=two",
            PAGE_HTML,
            "invalid_type",
            Some("sentences"),
        ),
        (
            "/v1/summarize?sentence=2",
            PAGE_HTML,
            "unknown_field",
            Some("sentence"),
        ),
        (
            "/v1/summarize?text=x",
            PAGE_HTML,
            "unknown_field",
            Some("text"),
        ),
        (
            "/v1/summarize?words=5&chars=9",
            PAGE_HTML,
            "conflicting_length",
            Some("chars"),
        ),
        ("/v1/summarize?url=", PAGE_HTML, "empty_input", Some("url")),
        (
            "/v1/summarize?url=a&url=b",
            PAGE_HTML,
            "conflicting_input",
            Some("url"),
        ),
        (
            "/v1/extract?sentences=2",
            PAGE_HTML,
            "unknown_field",
            Some("sentences"),
        ),
    ] {
        let reply = request(
            Method::POST,
            &server.url(path),
            &[("content-type", "text/html")],
            body,
        )
        .await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{path}: {}",
            reply.text()
        );
        assert_eq!(
            reply.error(),
            (code.to_owned(), field.map(str::to_owned)),
            "{path}"
        );
    }
}

#[tokio::test]
async fn requests_for_other_hosts_are_refused() {
    let server = Server::start(config()).await;
    let port = server.addr.port();
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let reply = request(Method::GET, &server.url("/healthz"), &[("host", &host)], "").await;
        assert_eq!(reply.status, StatusCode::OK, "{host}");
    }
    for host in [
        format!("rebind.test:{port}"),
        "localhost".to_owned(),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
        format!("localhost.rebind.test:{port}"),
    ] {
        for (method, path) in [(Method::GET, "/"), (Method::POST, "/v1/summarize")] {
            let reply = request(
                method,
                &server.url(path),
                &[("host", &host), ("content-type", "application/json")],
                serde_json::to_vec(&json!({"text": MINYA})).unwrap(),
            )
            .await;
            assert_eq!(reply.status, StatusCode::MISDIRECTED_REQUEST, "{host}");
            assert_eq!(reply.error(), ("wrong_host".into(), None));
        }
    }

    let server = Server::start(lede_server::Config {
        allowed_hosts: vec!["lede.test".into()],
        ..config()
    })
    .await;
    let reply = request(
        Method::GET,
        &server.url("/healthz"),
        &[("host", "lede.test")],
        "",
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    let reply = request(
        Method::GET,
        &server.url("/healthz"),
        &[("host", "LEDE.test:443")],
        "",
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    let reply = request(
        Method::GET,
        &server.url("/healthz"),
        &[("host", "other.test")],
        "",
    )
    .await;
    assert_eq!(reply.status, StatusCode::MISDIRECTED_REQUEST);
}

fn preflight(origin: &str) -> [(&str, &str); 3] {
    [
        ("origin", origin),
        ("access-control-request-method", "POST"),
        ("access-control-request-headers", "content-type"),
    ]
}

#[tokio::test]
async fn cors_is_off_by_default() {
    let server = Server::start(config()).await;
    let reply = request(
        Method::OPTIONS,
        &server.url("/v1/summarize"),
        &preflight("http://app.test"),
        "",
    )
    .await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(!reply.headers.contains_key("access-control-allow-origin"));
    let reply = request(
        Method::POST,
        &server.url("/v1/summarize"),
        &[
            ("origin", "http://app.test"),
            ("content-type", "application/json"),
        ],
        serde_json::to_vec(&json!({"text": MINYA})).unwrap(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(!reply.headers.contains_key("access-control-allow-origin"));
}

#[tokio::test]
async fn cors_answers_configured_origins_only() {
    let server = Server::start(lede_server::Config {
        cors_origins: vec!["http://app.test:3000".into(), "https://other.test".into()],
        ..config()
    })
    .await;
    let reply = request(
        Method::OPTIONS,
        &server.url("/v1/summarize"),
        &preflight("http://app.test:3000"),
        "",
    )
    .await;
    assert!(reply.status.is_success(), "{}", reply.status);
    assert_eq!(
        reply.headers["access-control-allow-origin"],
        "http://app.test:3000"
    );
    let methods = reply.headers["access-control-allow-methods"]
        .to_str()
        .unwrap();
    assert!(methods.contains("POST"), "{methods}");
    let headers = reply.headers["access-control-allow-headers"]
        .to_str()
        .unwrap();
    assert!(headers.contains("content-type"), "{headers}");

    let reply = request(
        Method::OPTIONS,
        &server.url("/v1/summarize"),
        &preflight("http://evil.test"),
        "",
    )
    .await;
    assert!(!reply.headers.contains_key("access-control-allow-origin"));

    for (origin, allowed) in [("https://other.test", true), ("http://evil.test", false)] {
        let reply = request(
            Method::POST,
            &server.url("/v1/summarize"),
            &[("origin", origin), ("content-type", "application/json")],
            serde_json::to_vec(&json!({"text": MINYA})).unwrap(),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(
            reply
                .headers
                .get("access-control-allow-origin")
                .map(|v| v.to_str().unwrap()),
            allowed.then_some(origin),
            "{origin}"
        );
    }
}

#[tokio::test]
async fn the_icon_is_served() {
    let server = Server::start(config()).await;
    let reply = get(&server.url("/favicon.ico")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers["content-type"], "image/svg+xml");
    assert!(reply.text().starts_with("<svg"));
}

#[tokio::test]
async fn the_default_body_limit_fits_large_pages_in_json() {
    assert_eq!(
        lede_server::Config::default().max_body_bytes,
        lede_server::DEFAULT_MAX_BODY_BYTES
    );
    assert_eq!(lede_server::DEFAULT_MAX_BODY_BYTES, 20 * 1024 * 1024);
    let server = Server::start(config()).await;
    // A 1.5 MiB page (most of it a script), over the old 1 MiB limit once in JSON.
    let page = PAGE_HTML.replace(
        "</head>",
        &format!(
            "<script>var s = \"{}\";</script></head>",
            "\\\"x".repeat(500_000)
        ),
    );
    let body = serde_json::to_vec(&json!({"html": page, "sentences": 1})).unwrap();
    assert!(body.len() > 1024 * 1024);
    let reply = post_raw(&server.url("/v1/summarize"), body).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let version = get(&server.url("/version")).await.json();
    assert_eq!(
        version["limits"]["max_body_bytes"],
        lede_server::DEFAULT_MAX_BODY_BYTES
    );
}

#[tokio::test]
async fn a_given_model_scores_the_learned_algorithm() {
    use lede::score::learned::{embedded_model, Model};
    let embedded = embedded_model().unwrap();
    // No trees: every sentence scores the same, unlike with the embedded model.
    let flat = std::sync::Arc::new(Model {
        base_score: 0.0,
        trees: Vec::new(),
        ..(*embedded).clone()
    });
    let server = Server::start(lede_server::Config {
        model: Some(flat.clone()),
        ..config()
    })
    .await;
    let reply = post(&server.url("/v1/summarize"), &json!({"text": MINYA})).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let summary = reply.json();
    let expected = lede::Summarizer::with_model(flat)
        .summarize(MINYA, &lede::Options::default())
        .unwrap();
    assert_eq!(summary, serde_json::to_value(&expected).unwrap());
    let scores: Vec<f64> = summary["bullets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] == w[1]), "{scores:?}");
    let embedded_summary = lede::Summarizer::new()
        .unwrap()
        .summarize(MINYA, &lede::Options::default())
        .unwrap();
    let first = embedded_summary.bullets[0].score;
    assert!(
        embedded_summary.bullets.iter().any(|b| b.score != first),
        "the embedded model tells sentences apart"
    );
    let lead = post(
        &server.url("/v1/summarize"),
        &json!({"text": MINYA, "algorithm": "lead"}),
    )
    .await
    .json();
    assert_eq!(lead["algorithm"], "lead", "other algorithms are unaffected");
}
