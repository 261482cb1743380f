//! Test helpers: a server on a loopback port, a small HTTP client, and
//! validation of responses against the OpenAPI document's schemas.

#![allow(dead_code)]

use std::future::Future;
use std::net::SocketAddr;

use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::{Bytes, Frame};
use hyper::header::HeaderMap;
use hyper::{Method, Request, StatusCode};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Value};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const MINYA: &str = include_str!("../fixtures/daily-mail-minya.txt");

/// A server running on 127.0.0.1 with a random port.
pub struct Server {
    pub addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    pub task: JoinHandle<std::io::Result<()>>,
}

impl Server {
    pub async fn start(config: lede_server::Config) -> Server {
        Server::start_until(config, None).await
    }

    /// Starts a server that stops when `shutdown` completes (or `stop` is called).
    pub async fn start_until(
        config: lede_server::Config,
        shutdown: Option<std::pin::Pin<Box<dyn Future<Output = ()> + Send>>>,
    ) -> Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        let signal: std::pin::Pin<Box<dyn Future<Output = ()> + Send>> = match shutdown {
            Some(f) => f,
            None => Box::pin(async {
                let _ = rx.await;
            }),
        };
        let task = tokio::spawn(lede_server::serve(config, listener, signal));
        Server {
            addr,
            stop: Some(tx),
            task,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Starts the graceful shutdown.
    pub fn stop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
    }
}

/// A test config: defaults, on an unused address.
pub fn config() -> lede_server::Config {
    lede_server::Config::default()
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8(self.body.to_vec()).unwrap()
    }

    /// The error code and field of an error response, checked against the schema.
    pub fn error(&self) -> (String, Option<String>) {
        let json = self.json();
        assert_valid("ErrorResponse", &json);
        let e = &json["error"];
        (
            e["code"].as_str().unwrap().to_owned(),
            e["field"].as_str().map(str::to_owned),
        )
    }
}

async fn send<B>(request: Request<B>) -> Reply
where
    B: hyper::body::Body + Send + Unpin + 'static,
    B::Data: Send,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let client = Client::builder(TokioExecutor::new()).build_http::<B>();
    let response = client.request(request).await.expect("request sent");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body,
    }
}

/// Sends `method` to `url` with `headers` (a `host` among them replaces the
/// one the client would send) and `body`.
pub async fn request(
    method: Method,
    url: &str,
    headers: &[(&str, &str)],
    body: impl Into<Bytes>,
) -> Reply {
    let mut builder = Request::builder().method(method).uri(url);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    send(builder.body(Full::new(body.into())).unwrap()).await
}

pub async fn get(url: &str) -> Reply {
    send(Request::get(url).body(Full::new(Bytes::new())).unwrap()).await
}

pub async fn post_raw(url: &str, body: impl Into<Bytes>) -> Reply {
    send(
        Request::builder()
            .method(Method::POST)
            .uri(url)
            .header("content-type", "application/json")
            .body(Full::new(body.into()))
            .unwrap(),
    )
    .await
}

pub async fn post(url: &str, body: &Value) -> Reply {
    post_raw(url, serde_json::to_vec(body).unwrap()).await
}

/// Posts `body` chunked, with no Content-Length.
pub async fn post_chunked(url: &str, body: Vec<u8>) -> Reply {
    let chunks: Vec<Result<Frame<Bytes>, std::convert::Infallible>> = body
        .chunks(4096)
        .map(|c| Ok(Frame::data(Bytes::copy_from_slice(c))))
        .collect();
    let stream = StreamBody::new(futures_util::stream::iter(chunks));
    send(
        Request::post(url)
            .header("content-type", "application/json")
            .body(stream)
            .unwrap(),
    )
    .await
}

/// The OpenAPI document the server publishes.
pub fn openapi() -> Value {
    serde_json::from_str(include_str!("../../assets/openapi.json")).unwrap()
}

/// Checks `instance` against the OpenAPI schema `components.schemas.<name>`.
pub fn assert_valid(name: &str, instance: &Value) {
    let doc = openapi();
    let schema = serde_json::json!({
        "$ref": format!("#/components/schemas/{name}"),
        "components": doc["components"],
    });
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "response does not match schema {name}: {errors:#?}\n{instance:#}"
    );
}

/// The characters `start..end` of `text`, as the offsets in a summary count them.
pub fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// Polls `/metrics` until `line` appears in it.
pub async fn wait_for_metric(server: &Server, line: &str) {
    for _ in 0..500 {
        if get(&server.url("/metrics"))
            .await
            .text()
            .lines()
            .any(|l| l == line)
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("metric line {line:?} never appeared");
}

/// Starts a request that keeps the one worker busy for a while (about a
/// second in a debug build) and returns once it is running.
pub async fn start_slow_request(server: &Server) -> JoinHandle<Reply> {
    let url = server.url("/v1/summarize");
    let slow = tokio::spawn(async move {
        post(
            &url,
            &json!({"text": long_article(3_000), "algorithm": "textrank"}),
        )
        .await
    });
    wait_for_metric(server, "lede_jobs_running 1").await;
    slow
}

/// An article of about `sentences` distinct sentences, slow to summarize.
pub fn long_article(sentences: usize) -> String {
    (0..sentences)
        .map(|i| {
            format!(
                "Officials in district {i} said the river rose by {} centimetres overnight near bridge {}.",
                i % 97,
                i % 13
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}
