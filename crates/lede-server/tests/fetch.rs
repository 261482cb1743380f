//! Server-side fetching of `url` inputs: off by default, and refused for
//! private and loopback addresses unless explicitly allowed.

mod common;

use axum::response::{Html, Redirect};
use axum::routing;
use common::*;
use hyper::StatusCode;
use serde_json::json;

const PAGE_HTML: &str = include_str!("fixtures/article.html");

/// A news site on a loopback port.
async fn site() -> std::net::SocketAddr {
    let app = axum::Router::new()
        .route("/story", routing::get(|| async { Html(PAGE_HTML) }))
        .route(
            "/moved",
            routing::get(|| async { Redirect::temporary("/story") }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

fn fetching(allow_private: bool) -> lede_server::Config {
    lede_server::Config {
        allow_fetch: true,
        allow_private_fetch: allow_private,
        ..config()
    }
}

#[tokio::test]
async fn fetching_is_off_by_default() {
    let site = site().await;
    let server = Server::start(config()).await;
    let reply = post(
        &server.url("/v1/summarize"),
        &json!({"url": format!("http://{site}/story")}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(reply.error(), ("fetch_disabled".into(), Some("url".into())));
    let version = get(&server.url("/version")).await.json();
    assert_eq!(version["fetch"], false);
}

#[tokio::test]
async fn private_addresses_are_refused_after_resolution() {
    let site = site().await;
    let port = site.port();
    let server = Server::start(fetching(false)).await;
    for url in [
        format!("http://127.0.0.1:{port}/story"),
        format!("http://localhost:{port}/story"),
        format!("http://[::1]:{port}/story"),
        format!("http://0.0.0.0:{port}/story"),
        format!("http://[::ffff:127.0.0.1]:{port}/story"),
        "http://169.254.169.254/latest/meta-data/".to_owned(),
        "http://10.0.0.1/".to_owned(),
        "http://100.64.0.1/".to_owned(),
        "http://[fd00::1]/".to_owned(),
        "http://[fe80::1]/".to_owned(),
        "http://224.0.0.1/".to_owned(),
    ] {
        for path in ["/v1/summarize", "/v1/extract"] {
            let reply = post(&server.url(path), &json!({ "url": url })).await;
            assert_eq!(
                reply.status,
                StatusCode::FORBIDDEN,
                "{url}: {}",
                reply.text()
            );
            assert_eq!(
                reply.error(),
                ("forbidden_address".into(), Some("url".into())),
                "{url}"
            );
        }
    }
    for url in ["file:///etc/passwd", "http://exa mple.com/"] {
        let reply = post(&server.url("/v1/summarize"), &json!({ "url": url })).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{url}");
        assert_eq!(reply.error(), ("invalid_url".into(), Some("url".into())));
    }
}

#[tokio::test]
async fn private_fetching_works_when_allowed() {
    let site = site().await;
    let server = Server::start(fetching(true)).await;
    for path in ["/story", "/moved"] {
        let reply = post(
            &server.url("/v1/summarize"),
            &json!({"url": format!("http://{site}{path}"), "sentences": 2}),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.text());
        let summary = reply.json();
        assert_valid("Summary", &summary);
        assert_eq!(summary["bullets"].as_array().unwrap().len(), 2);
        assert_eq!(summary["title"]["text"], "Flood waters rise in river town");
        assert_eq!(
            summary["source"]["url"],
            format!("http://{site}/story"),
            "the address after redirects"
        );
    }
    let reply = post(
        &server.url("/v1/extract"),
        &json!({"url": format!("http://{site}/story")}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_valid("Article", &reply.json());

    let reply = post(
        &server.url("/v1/extract"),
        &json!({"url": format!("http://{site}/missing")}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::BAD_GATEWAY);
    assert_eq!(reply.error().0, "fetch_failed");
}
