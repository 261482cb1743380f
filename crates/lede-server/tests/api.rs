//! The HTTP API over a real loopback connection: responses, errors, limits,
//! metrics, logs, and agreement with the published OpenAPI document.

mod common;

use std::time::Duration;

use common::*;
use hyper::StatusCode;
use serde_json::json;

const PAGE_HTML: &str = include_str!("fixtures/article.html");

#[tokio::test]
async fn summarizes_text_with_offsets_into_the_input() {
    let server = Server::start(config()).await;
    let reply = post(&server.url("/v1/summarize"), &json!({"text": MINYA})).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(reply.headers["content-type"], "application/json");
    let summary = reply.json();
    assert_valid("Summary", &summary);
    let bullets = summary["bullets"].as_array().unwrap();
    assert_eq!(bullets.len(), 3);
    for b in bullets {
        let (start, end) = (b["start"].as_u64().unwrap(), b["end"].as_u64().unwrap());
        assert_eq!(chars(MINYA, start, end), b["text"].as_str().unwrap());
        let (bs, be) = (
            b["byte_start"].as_u64().unwrap() as usize,
            b["byte_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&MINYA[bs..be], b["text"].as_str().unwrap());
    }
    assert_eq!(summary["algorithm"], lede::Algorithm::default().name());

    let expected = lede::Summarizer::new()
        .unwrap()
        .summarize(MINYA, &lede::Options::default())
        .unwrap();
    let expected: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(&expected).unwrap()).unwrap();
    assert_eq!(summary, expected, "same as the library");
}

#[tokio::test]
async fn honours_length_and_algorithm() {
    let server = Server::start(config()).await;
    for algorithm in lede::Algorithm::ALL {
        let reply = post(
            &server.url("/v1/summarize"),
            &json!({"text": MINYA, "sentences": 2, "algorithm": algorithm.name(), "max_overlap": 0.5}),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        let summary = reply.json();
        assert_valid("Summary", &summary);
        assert_eq!(summary["algorithm"], algorithm.name());
        assert_eq!(summary["bullets"].as_array().unwrap().len(), 2);
    }
    let reply = post(
        &server.url("/v1/summarize"),
        &json!({"text": MINYA, "words": 30}),
    )
    .await;
    let words: usize = reply.json()["bullets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["text"].as_str().unwrap().split_whitespace().count())
        .sum();
    assert!(words <= 40, "{words} words for a 30-word budget");

    let reply = post(
        &server.url("/v1/summarize"),
        &json!({"text": MINYA, "words": 3}),
    )
    .await;
    let summary = reply.json();
    assert_valid("Summary", &summary);
    assert_eq!(summary["bullets"], json!([]));
    assert_eq!(summary["warnings"][0]["code"], "nothing_fits");
    let reply = post(
        &server.url("/v1/summarize"),
        &json!({"text": MINYA, "words": 3, "at_least_one": true}),
    )
    .await;
    assert_eq!(reply.json()["bullets"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn summarizes_and_extracts_html() {
    let server = Server::start(config()).await;
    let reply = post(
        &server.url("/v1/summarize"),
        &json!({"html": PAGE_HTML, "sentences": 2}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let summary = reply.json();
    assert_valid("Summary", &summary);
    let text = summary["source"]["text"].as_str().unwrap();
    assert!(!text.contains("Subscribe"), "navigation left in: {text}");
    assert_eq!(summary["source"]["site_name"], "The Valley Courier");
    let title = &summary["title"];
    assert_eq!(title["text"], "Flood waters rise in river town");
    assert_eq!(
        chars(
            text,
            title["start"].as_u64().unwrap(),
            title["end"].as_u64().unwrap()
        ),
        "Flood waters rise in river town"
    );
    for b in summary["bullets"].as_array().unwrap() {
        let (start, end) = (b["start"].as_u64().unwrap(), b["end"].as_u64().unwrap());
        assert_eq!(chars(text, start, end), b["text"].as_str().unwrap());
    }

    let reply = post(&server.url("/v1/extract"), &json!({"html": PAGE_HTML})).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let article = reply.json();
    assert_valid("Article", &article);
    let paragraphs = article["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), 5);
    assert!(paragraphs
        .iter()
        .all(|p| text.contains(p.as_str().unwrap())));
    assert!(article["title"].as_str().unwrap().contains("Flood"));

    let reply = post(
        &server.url("/v1/extract"),
        &json!({"html": "<html><body><nav>Home</nav></body></html>"}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.error(), ("no_article".into(), Some("html".into())));
}

#[tokio::test]
async fn batch_answers_in_order_with_per_item_errors() {
    let server = Server::start(config()).await;
    let reply = post(
        &server.url("/v1/summarize/batch"),
        &json!({"items": [
            {"text": MINYA, "sentences": 1},
            {"text": "   "},
            {"text": MINYA, "sentences": "two"},
            {"html": PAGE_HTML},
            {"url": "http://127.0.0.1:9/"},
            7,
        ]}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let body = reply.json();
    assert_valid("BatchResponse", &body);
    let results = body["results"].as_array().unwrap();
    assert_eq!(results.len(), 6);
    assert_eq!(results[0]["bullets"].as_array().unwrap().len(), 1);
    assert_eq!(results[1]["error"]["code"], "empty_input");
    assert_eq!(results[1]["error"]["field"], "items[1].text");
    assert_eq!(results[2]["error"]["field"], "items[2].sentences");
    assert!(results[3]["source"]["text"].is_string());
    assert_eq!(results[4]["error"]["code"], "fetch_disabled");
    assert_eq!(results[5]["error"]["field"], "items[5]");

    let too_many: Vec<_> = (0..=lede_server::MAX_BATCH_ITEMS)
        .map(|_| json!({"text": "A b c."}))
        .collect();
    let reply = post(
        &server.url("/v1/summarize/batch"),
        &json!({"items": too_many}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        reply.error(),
        ("invalid_batch_size".into(), Some("items".into()))
    );
    let reply = post(
        &server.url("/v1/summarize/batch"),
        &json!({"items": {"text": "x"}}),
    )
    .await;
    assert_eq!(reply.error(), ("invalid_type".into(), Some("items".into())));
}

#[tokio::test]
async fn bad_requests_name_the_field() {
    let server = Server::start(config()).await;
    let url = server.url("/v1/summarize");
    let cases = [
        (json!({"text": ""}), "empty_input", Some("text")),
        (json!({"text": " \n\t "}), "empty_input", Some("text")),
        (json!({"text": 42}), "invalid_type", Some("text")),
        (
            json!({"text": MINYA, "sentences": -1}),
            "invalid_type",
            Some("sentences"),
        ),
        (
            json!({"text": MINYA, "sentences": 0}),
            "invalid_option",
            Some("sentences"),
        ),
        (
            json!({"text": MINYA, "ratio": 1.5}),
            "invalid_option",
            Some("ratio"),
        ),
        (
            json!({"text": MINYA, "algorithm": "magic"}),
            "invalid_option",
            Some("algorithm"),
        ),
        (
            json!({"text": MINYA, "algorithm": 3}),
            "invalid_type",
            Some("algorithm"),
        ),
        (
            json!({"text": MINYA, "max_overlap": "high"}),
            "invalid_type",
            Some("max_overlap"),
        ),
        (
            json!({"text": MINYA, "sentence": 3}),
            "unknown_field",
            Some("sentence"),
        ),
        (
            json!({"text": MINYA, "words": 10, "sentences": 2}),
            "conflicting_length",
            Some("words"),
        ),
        (
            json!({"text": MINYA, "html": "<p>x</p>"}),
            "conflicting_input",
            Some("html"),
        ),
        (json!({}), "missing_input", Some("text")),
        (json!([1, 2]), "invalid_type", None),
        (
            json!({"url": "http://127.0.0.1:9/"}),
            "fetch_disabled",
            Some("url"),
        ),
    ];
    for (body, code, field) in cases {
        let reply = post(&url, &body).await;
        let expected_status = if code == "fetch_disabled" {
            StatusCode::FORBIDDEN
        } else {
            StatusCode::BAD_REQUEST
        };
        assert_eq!(reply.status, expected_status, "{body}: {}", reply.text());
        assert_eq!(
            reply.error(),
            (code.to_owned(), field.map(str::to_owned)),
            "{body}"
        );
    }

    let reply = post_raw(&url, "{\"text\": \"unterminated").await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.error(), ("invalid_json".into(), None));
    let reply = post_raw(&url, vec![0xff, 0xfe, 0x00]).await;
    assert_eq!(reply.error().0, "invalid_json");

    let reply = post(&url, &json!({"text": "Advertisement"})).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.text()
    );
    assert_eq!(reply.error(), ("no_sentences".into(), Some("text".into())));

    let reply = get(&server.url("/nope")).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.error().0, "not_found");

    let reply = get(&server.url("/v1/summarize")).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(reply.error().0, "method_not_allowed");

    let reply = get(&server.url("/healthz")).await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "still serving after bad input"
    );
}

#[tokio::test]
async fn bodies_over_the_limit_get_413() {
    let server = Server::start(lede_server::Config {
        max_body_bytes: 2_000,
        ..config()
    })
    .await;
    let big = json!({"text": "word ".repeat(1_000)});
    let reply = post(&server.url("/v1/summarize"), &big).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply.error().0, "too_large");

    let reply = post_chunked(
        &server.url("/v1/summarize"),
        serde_json::to_vec(&big).unwrap(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE, "chunked body");
    assert_eq!(reply.error().0, "too_large");

    let small = json!({"text": "Rain fell on Monday in the city. Trains stopped for hours after that. Schools stayed open all week."});
    let reply = post_chunked(
        &server.url("/v1/summarize"),
        serde_json::to_vec(&small).unwrap(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
}

#[tokio::test]
async fn slow_requests_time_out_with_504() {
    let server = Server::start(lede_server::Config {
        timeout: Duration::from_millis(1),
        ..config()
    })
    .await;
    let reply = post(
        &server.url("/v1/summarize"),
        &json!({"text": long_article(4_000), "algorithm": "textrank"}),
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::GATEWAY_TIMEOUT,
        "{}",
        reply.text()
    );
    assert_eq!(reply.error().0, "timeout");
}

#[tokio::test]
async fn a_full_queue_answers_503() {
    let server = Server::start(lede_server::Config {
        max_concurrency: 1,
        queue: 0,
        ..config()
    })
    .await;
    let slow = start_slow_request(&server).await;
    let reply = post(&server.url("/v1/summarize"), &json!({"text": MINYA})).await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(reply.headers["retry-after"], "1");
    assert_eq!(reply.error().0, "overloaded");
    assert_eq!(slow.await.unwrap().status, StatusCode::OK);
    let reply = post(&server.url("/v1/summarize"), &json!({"text": MINYA})).await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "serving again once the worker is free"
    );
    let metrics = get(&server.url("/metrics")).await.text();
    assert!(metrics.contains("lede_jobs_rejected_total 1"), "{metrics}");
}

#[tokio::test]
async fn graceful_shutdown_finishes_requests_in_flight() {
    let mut server = Server::start(lede_server::Config {
        max_concurrency: 1,
        shutdown_timeout: Duration::from_secs(60),
        ..config()
    })
    .await;
    let slow = start_slow_request(&server).await;
    server.stop();
    let reply = slow.await.unwrap();
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert!(!reply.json()["bullets"].as_array().unwrap().is_empty());
    tokio::time::timeout(Duration::from_secs(10), &mut server.task)
        .await
        .expect("server stopped")
        .unwrap()
        .unwrap();
    assert!(
        tokio::net::TcpStream::connect(server.addr).await.is_err(),
        "no longer listening"
    );
}

#[tokio::test]
async fn metrics_count_routes_statuses_and_latency() {
    let server = Server::start(config()).await;
    post(&server.url("/v1/summarize"), &json!({"text": MINYA})).await;
    post(&server.url("/v1/summarize"), &json!({"text": ""})).await;
    get(&server.url("/does/not/exist")).await;
    let reply = get(&server.url("/metrics")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/openmetrics-text"));
    let text = reply.text();
    for line in [
        r#"lede_http_requests_total{route="/v1/summarize",method="POST",status="200"} 1"#,
        r#"lede_http_requests_total{route="/v1/summarize",method="POST",status="400"} 1"#,
        r#"lede_http_requests_total{route="unmatched",method="GET",status="404"} 1"#,
        r#"lede_http_errors_total{code="empty_input"} 1"#,
        r#"lede_http_request_duration_seconds_count{route="/v1/summarize"} 2"#,
        "lede_http_requests_in_flight 1",
        "lede_jobs_queued 0",
        "lede_jobs_running 0",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing {line:?} in\n{text}"
        );
    }
    assert!(
        text.contains(
            r#"lede_http_request_duration_seconds_bucket{le="+Inf",route="/v1/summarize"} 2"#
        ),
        "{text}"
    );
}

#[tokio::test]
async fn info_endpoints_match_the_openapi_document() {
    let server = Server::start(config()).await;
    let health = get(&server.url("/healthz")).await;
    assert_eq!(health.status, StatusCode::OK);
    assert_valid("Health", &health.json());
    let version = get(&server.url("/version")).await.json();
    assert_valid("Version", &version);
    let names: Vec<_> = lede::Algorithm::ALL.iter().map(|a| a.name()).collect();
    assert_eq!(version["algorithms"], json!(names));

    let doc = get(&server.url("/openapi.json")).await.json();
    assert_eq!(doc, openapi());
    assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
    let documented =
        &doc["components"]["schemas"]["SummarizeRequest"]["properties"]["algorithm"]["enum"];
    assert_eq!(
        documented,
        &json!(names),
        "algorithm enum in openapi.json is out of date"
    );
    let mut paths: Vec<_> = doc["paths"].as_object().unwrap().keys().cloned().collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "/",
            "/favicon.ico",
            "/healthz",
            "/metrics",
            "/openapi.json",
            "/v1/extract",
            "/v1/summarize",
            "/v1/summarize/batch",
            "/version"
        ]
    );
    for path in paths.iter().filter(|p| !p.starts_with("/v1/")) {
        assert_eq!(
            get(&server.url(path)).await.status,
            StatusCode::OK,
            "{path}"
        );
    }

    let page = get(&server.url("/")).await;
    assert!(page.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(page.text().contains("<script>"));
    assert!(
        !page.text().contains("src=\"http"),
        "the page loads nothing from outside"
    );
}

#[tokio::test]
async fn hostile_inputs_get_client_errors_and_the_server_keeps_serving() {
    let server = Server::start(config()).await;
    let url = server.url("/v1/summarize");
    let nested = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let raw_bodies: Vec<Vec<u8>> = vec![
        nested.into_bytes(),
        br#"{"text": "\ud800 lone surrogate"}"#.to_vec(),
        br#"{"text": "Rain fell.", "sentences": 18446744073709551616}"#.to_vec(),
        br#"{"text": "Rain fell.", "ratio": 1e400}"#.to_vec(),
        b"\x00\x01\x02".to_vec(),
        Vec::new(),
    ];
    for body in raw_bodies {
        let reply = post_raw(&url, body.clone()).await;
        assert!(
            reply.status.is_client_error(),
            "{:?}: {} {}",
            String::from_utf8_lossy(&body[..body.len().min(60)]),
            reply.status,
            reply.text()
        );
        reply.error();
    }
    let texts = [
        "\0\0\0 nul bytes. More nul \0 here.".to_owned(),
        "\n".repeat(10_000),
        "x".repeat(200_000),
        "Ünïcödé wörds here. שלום עולם זה משפט. 你好世界。这是一个句子。 🎉🎉🎉.".repeat(50),
        ". . . ! ? ; , -- ...".repeat(500),
        "Mr. A. B. C. D. E. F. G. H. I. J. K. L. M. N. O. P.".repeat(100),
        "\u{202e}reversed text. \u{feff}BOM inside. \u{200b}zero width.".to_owned(),
    ];
    for text in texts {
        for extra in [
            json!({}),
            json!({"chars": 1}),
            json!({"ratio": 1e-30}),
            json!({"sentences": 1_000_000, "algorithm": "lexrank"}),
        ] {
            let mut body = json!({ "text": text });
            body.as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            let reply = post(&url, &body).await;
            assert!(
                reply.status == StatusCode::OK || reply.status.is_client_error(),
                "{}: {}",
                reply.status,
                reply.text()
            );
            if reply.status == StatusCode::OK {
                assert_valid("Summary", &reply.json());
            } else {
                reply.error();
            }
        }
    }
    let reply = post(&url, &json!({"text": MINYA})).await;
    assert_eq!(reply.status, StatusCode::OK, "still serving");
}

#[tokio::test]
async fn silent_connections_are_closed_after_the_idle_timeout() {
    use std::io::{Read, Write};
    let server = Server::start(lede_server::Config {
        max_connections: 1,
        timeout: Duration::from_millis(200),
        idle_timeout: Duration::from_millis(300),
        ..config()
    })
    .await;
    let addr = server.addr;
    let closed = tokio::task::spawn_blocking(move || {
        let mut silent = std::net::TcpStream::connect(addr).unwrap();
        silent
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        silent.write_all(b"GET /healthz HTTP/1.1\r\nHo").unwrap();
        let mut buf = [0u8; 64];
        silent.read(&mut buf)
    })
    .await
    .unwrap();
    match closed {
        Ok(n) => assert_eq!(n, 0, "no response to a half request, only a close"),
        Err(e) => assert!(
            !matches!(
                e.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            ),
            "the server did not close the idle connection: {e}"
        ),
    }
    let reply = tokio::time::timeout(Duration::from_secs(5), get(&server.url("/healthz")))
        .await
        .expect("the freed slot serves the next client");
    assert_eq!(reply.status, StatusCode::OK);
}

#[tokio::test]
async fn trickled_headers_are_cut_off_at_the_header_deadline() {
    use std::io::{Read, Write};
    let server = Server::start(lede_server::Config {
        max_connections: 1,
        header_timeout: Duration::from_millis(500),
        ..config()
    })
    .await;
    let addr = server.addr;
    let (sent, closed) = tokio::task::spawn_blocking(move || {
        let mut slow = std::net::TcpStream::connect(addr).unwrap();
        slow.set_read_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        let header = b"GET /healthz HTTP/1.1\r\nX-Slow: "
            .iter()
            .chain(&[b'a'; 200]);
        let start = std::time::Instant::now();
        let mut buf = [0u8; 64];
        for (sent, byte) in header.enumerate() {
            if slow.write_all(&[*byte]).is_err() {
                return (sent, start.elapsed());
            }
            match slow.read(&mut buf) {
                Ok(0) => return (sent, start.elapsed()),
                Ok(n) => panic!("a reply to unfinished headers: {:?}", &buf[..n]),
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(_) => return (sent, start.elapsed()),
            }
        }
        panic!(
            "the server kept reading trickled headers for {:?}",
            start.elapsed()
        );
    })
    .await
    .unwrap();
    assert!(sent >= 3, "closed after {sent} bytes, before the deadline");
    assert!(
        closed < Duration::from_secs(5),
        "closed only after {closed:?}"
    );
    let reply = tokio::time::timeout(Duration::from_secs(5), get(&server.url("/healthz")))
        .await
        .expect("the freed slot serves the next client");
    assert_eq!(reply.status, StatusCode::OK);
}

#[tokio::test]
async fn extract_gives_page_metadata_with_links_resolved_against_the_url() {
    let server = Server::start(config()).await;
    let reply = request(
        hyper::Method::POST,
        &server.url("/v1/extract?url=https://rheinbote.test/news/heute/artikel"),
        &[("content-type", "text/html; charset=utf-8")],
        include_str!("../../lede-html/tests/fixtures/metadata.html"),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let article = reply.json();
    assert_valid("Article", &article);
    assert_eq!(article["language"], "de-DE");
    assert_eq!(article["authors"], json!(["Anna Weber", "Jan Ott"]));
    assert_eq!(
        article["canonical_url"],
        "https://rheinbote.test/news/lokales/neue-bruecke"
    );
    assert_eq!(
        article["image_url"],
        "https://rheinbote.test/bilder/bruecke.jpg"
    );
    assert_eq!(
        article["tags"],
        json!(["Verkehr", "Stadtplanung", "Brücke", "Rhein"])
    );
    assert!(article["description"]
        .as_str()
        .unwrap()
        .starts_with("Die Stadt hat"));
    let paragraphs: Vec<&str> = article["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(article["text"], paragraphs.join("\n\n"));
}
