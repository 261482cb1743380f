//! Request metrics (Prometheus / OpenMetrics text) and the one-line request log.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

use crate::error::ErrorCode;
use crate::AppState;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ErrorLabels {
    code: &'static str,
}

fn latency_histogram() -> Histogram {
    // 0.25 ms to about 16 s.
    Histogram::new(exponential_buckets(0.000_25, 2.0, 17))
}

/// Every metric the server keeps.
#[derive(Debug)]
pub(crate) struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    errors: Family<ErrorLabels, Counter>,
    in_flight: Gauge,
    /// Jobs waiting for a worker.
    pub(crate) queued: Gauge,
    /// Jobs running on a worker (including ones whose request timed out).
    pub(crate) running: Gauge,
    /// Requests refused because the queue was full.
    pub(crate) rejected: Counter,
    /// Connections open now.
    pub(crate) connections: Gauge,
    /// Connections closed by the server while no request was in progress on
    /// them, to make room for a new client or at shutdown.
    pub(crate) closed_idle: Counter,
}

impl Metrics {
    pub(crate) fn new() -> Metrics {
        let mut registry = Registry::default();
        let requests = Family::<RequestLabels, Counter>::default();
        let latency: Family<RouteLabels, Histogram, fn() -> Histogram> =
            Family::new_with_constructor(latency_histogram);
        let errors = Family::<ErrorLabels, Counter>::default();
        let (in_flight, queued, running, rejected) = Default::default();
        let (connections, closed_idle) = Default::default();
        registry.register(
            "lede_http_requests",
            "HTTP requests answered, by route, method and status",
            requests.clone(),
        );
        registry.register(
            "lede_http_request_duration_seconds",
            "Time from request to response, by route",
            latency.clone(),
        );
        registry.register(
            "lede_http_errors",
            "Error responses, by error code",
            errors.clone(),
        );
        registry.register(
            "lede_http_requests_in_flight",
            "Requests being handled now",
            Gauge::clone(&in_flight),
        );
        registry.register(
            "lede_jobs_queued",
            "Jobs waiting for a worker",
            Gauge::clone(&queued),
        );
        registry.register(
            "lede_jobs_running",
            "Jobs running on a worker",
            Gauge::clone(&running),
        );
        registry.register(
            "lede_jobs_rejected",
            "Requests refused with 503 because the queue was full",
            Counter::clone(&rejected),
        );
        registry.register(
            "lede_connections_open",
            "Connections open now",
            Gauge::clone(&connections),
        );
        registry.register(
            "lede_connections_closed_idle",
            "Connections with no request in progress closed to make room for a new client or at shutdown",
            Counter::clone(&closed_idle),
        );
        Metrics {
            registry,
            requests,
            latency,
            errors,
            in_flight,
            queued,
            running,
            rejected,
            connections,
            closed_idle,
        }
    }

    /// The metrics in the OpenMetrics text format.
    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry)
            .expect("writing to a String cannot fail");
        out
    }
}

/// Lowers a gauge when dropped, so a cancelled request still leaves it.
pub(crate) struct GaugeGuard(Gauge);

impl GaugeGuard {
    pub(crate) fn up(gauge: &Gauge) -> GaugeGuard {
        gauge.inc();
        GaugeGuard(gauge.clone())
    }
}

impl Drop for GaugeGuard {
    fn drop(&mut self) {
        self.0.dec();
    }
}

/// Middleware: counts and times every request and logs one line for it.
pub(crate) async fn observe(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let metrics = &state.metrics;
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |p| p.as_str())
        .to_owned();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let start = Instant::now();
    let response = {
        let _in_flight = GaugeGuard::up(&metrics.in_flight);
        next.run(request).await
    };
    let elapsed = start.elapsed();
    let status = response.status().as_u16();
    let error = response.extensions().get::<ErrorCode>().map(|c| c.0);
    if let Some(code) = error {
        metrics.errors.get_or_create(&ErrorLabels { code }).inc();
    }
    metrics
        .requests
        .get_or_create(&RequestLabels {
            route: route.clone(),
            method: method.to_string(),
            status,
        })
        .inc();
    metrics
        .latency
        .get_or_create(&RouteLabels { route })
        .observe(elapsed.as_secs_f64());
    tracing::info!(
        method = %method,
        path = %path,
        status,
        latency_ms = (elapsed.as_secs_f64() * 1e6).round() / 1e3,
        error = %error.unwrap_or("-"),
        "request"
    );
    response
}
