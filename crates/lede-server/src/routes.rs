//! Route table and handlers.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{middleware, Json, Router};
use serde::Serialize;
use serde_json::{json, Map, Value};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::error::{ApiError, ErrorBody};
use crate::host::{self, AllowedHosts};
use crate::request::{self, BodyType, Input, SummarizeRequest};
use crate::{fetch, metrics, AppState, MAX_BATCH_ITEMS};

const PAGE: &str = include_str!("../assets/index.html");
const OPENAPI: &str = include_str!("../assets/openapi.json");
const FAVICON: &str = include_str!("../assets/favicon.svg");

/// The routes, then (innermost first) the panic handler, CORS when origins
/// are configured, the `Host` check and the metrics.
pub(crate) fn router(state: Arc<AppState>, hosts: AllowedHosts) -> Router {
    let routes = Router::new()
        .route("/", get(page))
        .route("/favicon.ico", get(favicon))
        .route("/healthz", get(healthz))
        .route("/version", get(version))
        .route("/metrics", get(metrics_text))
        .route("/openapi.json", get(openapi))
        .route("/v1/summarize", post(summarize))
        .route("/v1/summarize/batch", post(batch))
        .route("/v1/extract", post(extract))
        .fallback(|| async { ApiError::not_found() })
        .method_not_allowed_fallback(|| async {
            ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "this endpoint does not take that method (see /openapi.json)",
            )
        })
        .layer(CatchPanicLayer::custom(|_| {
            tracing::error!("a handler panicked");
            ApiError::internal("the server failed on this request").into_response()
        }));
    let routes = match cors(&state.config.cors_origins) {
        Some(cors) => routes.layer(cors),
        None => routes,
    };
    routes
        .layer(middleware::from_fn_with_state(Arc::new(hosts), host::check))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&state),
            metrics::observe,
        ))
        .with_state(state)
}

/// Answers preflights and allows reading responses for `origins` only;
/// none at all without origins.
fn cors(origins: &[String]) -> Option<CorsLayer> {
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    (!origins.is_empty()).then(|| {
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([axum::http::Method::GET, axum::http::Method::POST])
            .allow_headers([header::CONTENT_TYPE])
            .max_age(Duration::from_secs(600))
    })
}

async fn favicon() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "max-age=86400"),
        ],
        FAVICON,
    )
}

async fn page() -> Html<&'static str> {
    Html(PAGE)
}

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

async fn healthz() -> Json<Value> {
    Json(json!({"status": "ok"}))
}

async fn version(State(state): State<Arc<AppState>>) -> Json<Value> {
    let config = &state.config;
    Json(json!({
        "name": "lede",
        "version": env!("CARGO_PKG_VERSION"),
        "algorithms": lede::Algorithm::ALL.iter().map(|a| a.name()).collect::<Vec<_>>(),
        "default_algorithm": lede::Algorithm::default().name(),
        "fetch": config.allow_fetch,
        "limits": {
            "max_body_bytes": config.max_body_bytes,
            "timeout_ms": config.timeout.as_millis() as u64,
            "max_batch_items": MAX_BATCH_ITEMS,
        },
    }))
}

async fn metrics_text(State(state): State<Arc<AppState>>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.render(),
    )
}

/// A response with the warnings about its input, such as a page cut at the
/// fetch limit.
#[derive(Debug, Serialize)]
struct Warned<T> {
    #[serde(flatten)]
    value: T,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<lede::Warning>,
}

/// An article extracted from HTML, as `/v1/extract` answers it.
#[derive(Debug, Serialize)]
struct Extracted {
    #[serde(flatten)]
    article: lede_html::Article,
    /// The body text the summary offsets refer to.
    text: String,
}

/// One result of a batch.
#[derive(Serialize)]
#[serde(untagged)]
enum BatchResult<'a> {
    Ok(&'a lede::Summary),
    Err(ErrorBody<'a>),
}

/// The answer to a batch, one result per item in order.
#[derive(Serialize)]
struct BatchResponse<'a> {
    results: Vec<BatchResult<'a>>,
}

/// Work that runs on the blocking pool and yields the JSON response body.
type Job = Box<dyn FnOnce() -> Result<Vec<u8>, ApiError> + Send>;

/// A request body, read according to its Content-Type.
enum Payload {
    /// A JSON object.
    Json(Map<String, Value>),
    /// A `text/html` page, with the query string's options.
    Page {
        body: Vec<u8>,
        content_type: String,
        query: Map<String, Value>,
    },
}

/// Checks the Content-Type (`text/html` only where `html` allows it),
/// admits the request, reads and parses its body, checks it with `prepare`,
/// runs the job it returns on the worker pool, all within the request timeout.
async fn guarded(
    state: Arc<AppState>,
    request: (Uri, HeaderMap, Body),
    html: bool,
    prepare: impl FnOnce(Arc<AppState>, Payload) -> Result<Job, ApiError>,
) -> Response {
    let (uri, headers, body) = request;
    let body_type = match request::body_type(&headers, html) {
        Ok(body_type) => body_type,
        Err(err) => return err.into_response(),
    };
    let ticket = match state.jobs.admit(&state.metrics) {
        Ok(ticket) => ticket,
        Err(err) => return err.into_response(),
    };
    let limit = state.config.max_body_bytes;
    let work = async {
        let bytes = read_body(&headers, body, limit).await?;
        let payload = match body_type {
            BodyType::Json => Payload::Json(request::object(&bytes)?),
            BodyType::Html(content_type) => Payload::Page {
                body: bytes.to_vec(),
                content_type,
                query: request::query(&uri)?,
            },
        };
        let job = prepare(Arc::clone(&state), payload)?;
        state.jobs.run(&state.metrics, job).await
    };
    let result = match tokio::time::timeout(state.config.timeout, work).await {
        Ok(result) => result,
        Err(_) => Err(timed_out(state.config.timeout)),
    };
    drop(ticket);
    match result {
        Ok(bytes) => (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            bytes,
        )
            .into_response(),
        Err(err) => err.into_response(),
    }
}

fn timed_out(timeout: Duration) -> ApiError {
    ApiError::new(
        StatusCode::GATEWAY_TIMEOUT,
        "timeout",
        format!("the request took longer than {} ms", timeout.as_millis()),
    )
}

fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
        format!("request body is over the limit of {limit} bytes"),
    )
}

async fn read_body(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<axum::body::Bytes, ApiError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(too_large(limit));
    }
    axum::body::to_bytes(body, limit).await.map_err(|err| {
        let over = std::error::Error::source(&err)
            .is_some_and(|s| s.is::<http_body_util::LengthLimitError>());
        if over {
            too_large(limit)
        } else {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad_body",
                format!("could not read the request body: {err}"),
            )
        }
    })
}

fn to_json(value: &impl Serialize) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(value).map_err(|e| ApiError::internal(e.to_string()))
}

impl AppState {
    /// Refuses `url` inputs up front when fetching is off.
    fn check_input(&self, input: &Input, field: &str) -> Result<(), ApiError> {
        if matches!(input, Input::Url(_)) && self.fetcher.is_none() {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "fetch_disabled",
                "this server does not fetch URLs (start it with --allow-fetch); send `html` or `text`",
            )
            .field(field));
        }
        Ok(())
    }

    /// The article behind an `html`, `url` or page input.
    fn article(&self, input: &Input, field: &str) -> Result<Warned<Extracted>, ApiError> {
        let bad_page = |e: lede_html::ExtractError| {
            ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "bad_page", e.to_string()).field(field)
        };
        let mut warnings = Vec::new();
        let article = match input {
            Input::Html(html) => lede_html::extract(html, None).map_err(bad_page)?,
            Input::Page(page) => {
                lede_html::extract_bytes(&page.body, Some(&page.content_type), page.url.as_deref())
                    .map_err(bad_page)?
            }
            Input::Url(url) => {
                let page = self.page(url, field)?;
                warnings.extend(fetch::truncation_warning(&page));
                lede_html::extract_bytes(&page.body, page.content_type.as_deref(), Some(&page.url))
                    .map_err(bad_page)?
            }
            Input::Text(_) => return Err(ApiError::internal("text is not a page")),
        };
        if article.is_empty() {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "no_article",
                "no article text was found in the page",
            )
            .field(field));
        }
        let text = article.text();
        Ok(Warned {
            value: Extracted { article, text },
            warnings,
        })
    }

    fn page(&self, url: &str, field: &str) -> Result<lede_fetch::FetchedPage, ApiError> {
        let fetcher = self
            .fetcher
            .as_ref()
            .ok_or_else(|| ApiError::internal("fetching is off"))?;
        fetch::page(fetcher, url, field)
    }

    /// Summarizes text, or a page through the library's HTML path (the
    /// summary then carries `source`, the text its offsets index into).
    /// Work still running at `deadline` stops (the client has its 504).
    fn summarize(
        &self,
        request: &SummarizeRequest,
        prefix: &str,
        deadline: Instant,
    ) -> Result<lede::Summary, ApiError> {
        let field = format!("{prefix}{}", request.input.field());
        let options = lede::Options {
            deadline: Some(deadline),
            ..request.options.clone()
        };
        let summarizer = &self.summarizer;
        let mut warnings = Vec::new();
        let summary = match &request.input {
            Input::Text(text) => summarizer.summarize(text, &options),
            Input::Html(html) => {
                summarizer.summarize(lede::Input::Html { html, url: None }, &options)
            }
            Input::Page(page) => {
                let input = lede::Input::Bytes {
                    bytes: &page.body,
                    format: Some(lede::InputFormat::Html),
                    content_type: Some(&page.content_type),
                    url: page.url.as_deref(),
                };
                summarizer.summarize(input, &options)
            }
            Input::Url(url) => {
                let page = self.page(url, &field)?;
                warnings.extend(fetch::truncation_warning(&page));
                let input = lede::Input::page(&page.body, page.content_type.as_deref(), &page.url);
                summarizer.summarize(input, &options)
            }
        };
        let mut summary = summary.map_err(|e| ApiError::from_lede(&e, &field))?;
        summary.warnings.extend(warnings);
        Ok(summary)
    }
}

async fn summarize(
    State(state): State<Arc<AppState>>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    guarded(state, (uri, headers, body), true, |state, payload| {
        let request = match payload {
            Payload::Json(map) => request::summarize(map, "")?,
            Payload::Page {
                body,
                content_type,
                query,
            } => request::summarize_page(query, body, content_type)?,
        };
        state.check_input(&request.input, request.input.field())?;
        let deadline = Instant::now() + state.config.timeout;
        Ok(Box::new(move || {
            to_json(&state.summarize(&request, "", deadline)?)
        }))
    })
    .await
}

async fn batch(
    State(state): State<Arc<AppState>>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    guarded(state, (uri, headers, body), false, |state, payload| {
        let Payload::Json(map) = payload else {
            return Err(ApiError::internal("a batch is JSON"));
        };
        let items = request::batch(map, MAX_BATCH_ITEMS)?;
        let requests: Vec<Result<(usize, SummarizeRequest), ApiError>> = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let request = request::batch_item(i, item)?;
                let field = format!("items[{i}].{}", request.input.field());
                state.check_input(&request.input, &field)?;
                Ok((i, request))
            })
            .collect();
        // Items left when the request has timed out are not worked on: the
        // client has its 504 already and the worker is wanted elsewhere.
        let deadline = Instant::now() + state.config.timeout;
        Ok(Box::new(move || {
            let results: Vec<Result<lede::Summary, ApiError>> = requests
                .into_iter()
                .map(|r| {
                    let (i, req) = r?;
                    if Instant::now() >= deadline {
                        return Err(timed_out(state.config.timeout));
                    }
                    state.summarize(&req, &format!("items[{i}]."), deadline)
                })
                .collect();
            let out: Vec<BatchResult> = results
                .iter()
                .map(|r| match r {
                    Ok(s) => BatchResult::Ok(s),
                    Err(error) => BatchResult::Err(ErrorBody { error }),
                })
                .collect();
            to_json(&BatchResponse { results: out })
        }))
    })
    .await
}

async fn extract(
    State(state): State<Arc<AppState>>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    guarded(state, (uri, headers, body), true, |state, payload| {
        let input = match payload {
            Payload::Json(map) => request::extract(map)?,
            Payload::Page {
                body,
                content_type,
                query,
            } => request::extract_page(query, body, content_type)?,
        };
        let field = input.field();
        state.check_input(&input, field)?;
        Ok(Box::new(move || to_json(&state.article(&input, field)?)))
    })
    .await
}
