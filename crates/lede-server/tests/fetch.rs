//! Server-side fetching of `url` inputs: off by default, refused for
//! loopback addresses unless private fetching is allowed, failures mapped
//! by kind, and a warning for pages cut at the fetch limit. Every target is
//! a loopback server; the guard's treatment of other addresses is tested
//! without connecting, in the lede-fetch crate.

mod common;

use axum::response::{Html, IntoResponse, Redirect};
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
        )
        .route(
            "/loop",
            routing::get(|| async { Redirect::temporary("/loop") }),
        )
        .route(
            "/report.pdf",
            routing::get(|| async {
                ([("content-type", "application/pdf")], "%PDF-1.4").into_response()
            }),
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
async fn loopback_addresses_are_refused_after_resolution() {
    let site = site().await;
    let port = site.port();
    let server = Server::start(fetching(false)).await;
    for url in [
        format!("http://127.0.0.1:{port}/story"),
        format!("http://localhost:{port}/story"),
        format!("http://[::1]:{port}/story"),
        format!("http://0.0.0.0:{port}/story"),
        format!("http://[::ffff:127.0.0.1]:{port}/story"),
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
    for url in ["file:///etc/passwd", "http://bad host.test/"] {
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
        assert!(summary.get("warnings").is_none(), "{summary}");
    }
    let reply = post(
        &server.url("/v1/extract"),
        &json!({"url": format!("http://{site}/story")}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_valid("Article", &reply.json());
}

#[tokio::test]
async fn fetch_failures_are_mapped_by_kind() {
    let site = site().await;
    let server = Server::start(fetching(true)).await;
    for (path, status, code) in [
        ("/missing", StatusCode::BAD_GATEWAY, "fetch_status"),
        ("/loop", StatusCode::BAD_GATEWAY, "too_many_redirects"),
        ("/report.pdf", StatusCode::UNPROCESSABLE_ENTITY, "not_html"),
    ] {
        for endpoint in ["/v1/summarize", "/v1/extract"] {
            let reply = post(
                &server.url(endpoint),
                &json!({"url": format!("http://{site}{path}")}),
            )
            .await;
            assert_eq!(reply.status, status, "{endpoint} {path}: {}", reply.text());
            assert_eq!(reply.error(), (code.into(), Some("url".into())));
        }
    }
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let reply = post(
        &server.url("/v1/summarize"),
        &json!({"url": format!("http://{closed}/")}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::BAD_GATEWAY);
    assert_eq!(reply.error().0, "fetch_failed");
}

#[tokio::test]
async fn a_page_cut_at_the_fetch_limit_is_answered_with_a_warning() {
    let site = site().await;
    let server = Server::start(lede_server::Config {
        max_page_bytes: 900,
        ..fetching(true)
    })
    .await;
    let url = format!("http://{site}/story");
    let reply = post(
        &server.url("/v1/summarize"),
        &json!({"url": url, "sentences": 1}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let summary = reply.json();
    assert_valid("Summary", &summary);
    assert_eq!(
        summary["warnings"],
        json!([{"code": "page_truncated", "bytes": 900}])
    );
    let reply = post(&server.url("/v1/extract"), &json!({ "url": url })).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let article = reply.json();
    assert_valid("Article", &article);
    assert_eq!(article["warnings"].as_array().unwrap().len(), 1);
    let reply = post(
        &server.url("/v1/summarize/batch"),
        &json!({"items": [{"url": url}, {"html": PAGE_HTML}]}),
    )
    .await;
    let body = reply.json();
    assert_valid("BatchResponse", &body);
    assert_eq!(body["results"][0]["warnings"].as_array().unwrap().len(), 1);
    assert!(body["results"][1].get("warnings").is_none());
}
