//! HTTP API and web page for lede.
//!
//! [`router`] builds the axum application (handy in tests); [`serve`] runs it on a
//! listener until a shutdown future completes, finishing requests already in flight;
//! [`run`] is the whole `lede serve` command: runtime, logging, bind, signals.
//!
//! Endpoints: `POST /v1/summarize`, `POST /v1/summarize/batch`, `POST /v1/extract`,
//! `GET /healthz`, `GET /version`, `GET /metrics`, `GET /openapi.json` and the page at `GET /`.
//! `/openapi.json` documents every request and response.

mod error;
mod fetch;
mod jobs;
mod listener;
mod metrics;
mod request;
mod routes;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;

pub use error::ApiError;
pub use fetch::is_private;

/// Largest number of items in one `/v1/summarize/batch` request.
pub const MAX_BATCH_ITEMS: usize = 64;

/// Server settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Address to listen on.
    pub addr: SocketAddr,
    /// Whether `url` inputs are fetched by the server.
    pub allow_fetch: bool,
    /// Whether fetching may reach private, loopback and other non-public addresses.
    pub allow_private_fetch: bool,
    /// Largest request body, in bytes (413 above it).
    pub max_body_bytes: usize,
    /// Longest time for one request, queueing included (504 after it).
    pub timeout: Duration,
    /// Most summarization jobs running at once.
    pub max_concurrency: usize,
    /// Most further requests waiting for a worker (503 beyond them).
    pub queue: usize,
    /// Most connections open at once; further ones wait to be accepted.
    pub max_connections: usize,
    /// A connection with nothing read or written for this long is closed
    /// (keep it above `timeout`, which a request may take in full).
    pub idle_timeout: Duration,
    /// Longest time to receive a request's headers, counted from when the
    /// connection starts waiting for a request; the connection is closed
    /// after it, however steadily bytes trickle in. So it also bounds how
    /// long an idle keep-alive connection stays open between requests.
    pub header_timeout: Duration,
}

impl Default for Config {
    /// Loopback port 8080, no fetching, 1 MiB bodies, 10 s timeout, one
    /// worker per CPU, a queue of 256, 1,024 connections, each closed after
    /// 60 s without traffic or when a request's headers take over 10 s.
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            allow_fetch: false,
            allow_private_fetch: false,
            max_body_bytes: 1024 * 1024,
            timeout: Duration::from_secs(10),
            max_concurrency: std::thread::available_parallelism().map_or(2, |n| n.get()),
            queue: 256,
            max_connections: 1024,
            idle_timeout: Duration::from_secs(60),
            header_timeout: Duration::from_secs(10),
        }
    }
}

/// Shared state of the handlers.
#[derive(Debug)]
struct AppState {
    config: Config,
    jobs: jobs::Jobs,
    metrics: metrics::Metrics,
    fetcher: Option<fetch::Fetcher>,
    /// Built once at start and shared by every request.
    summarizer: lede::Summarizer,
}

/// The application: every route, the limits, metrics, request logs and a
/// last-resort panic handler.
pub fn router(config: Config) -> Router {
    let fetcher = config
        .allow_fetch
        .then(|| fetch::Fetcher::new(config.allow_private_fetch, config.timeout));
    let state = Arc::new(AppState {
        jobs: jobs::Jobs::new(config.max_concurrency, config.queue),
        metrics: metrics::Metrics::new(),
        fetcher,
        summarizer: lede::Summarizer::new().expect("the embedded model is valid"),
        config,
    });
    routes::router(state)
}

/// Serves on `listener` until `shutdown` completes, then stops accepting
/// connections and returns once the requests in flight are answered.
///
/// Connections are served by hyper directly (not `axum::serve`) because the
/// header-read deadline needs hyper's HTTP/1 builder with a timer.
pub async fn serve(
    config: Config,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let mut listener = listener::CappedListener::new(
        listener,
        config.max_connections,
        config.idle_timeout.max(config.timeout),
    );
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(config.header_timeout);
    let app = router(config);
    let connections = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, addr) = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let service = TowerToHyperService::new(app.clone());
        let connection = connections.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%addr, %error, "connection closed");
            }
        });
    }
    drop(listener);
    connections.shutdown().await;
    Ok(())
}

/// A future that completes on SIGTERM or Ctrl-C (SIGINT). The handlers are
/// installed when this is called, so signals sent after it are never lost.
/// Must be called inside a tokio runtime.
pub fn shutdown_signal() -> std::io::Result<impl Future<Output = ()> + Send + 'static> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut term = signal(SignalKind::terminate())?;
    let mut int = signal(SignalKind::interrupt())?;
    Ok(async move {
        tokio::select! {
            _ = term.recv() => tracing::info!("SIGTERM received, finishing requests in flight"),
            _ = int.recv() => tracing::info!("interrupt received, finishing requests in flight"),
        }
    })
}

/// Sends request logs (one line per request) to standard error; the level
/// comes from `RUST_LOG` (default `info`).
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}

/// Runs `lede serve`: a multi-threaded runtime, the listener on
/// `config.addr`, and serving until SIGTERM or Ctrl-C.
pub fn run(config: Config) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(config.max_concurrency.max(1) + 4)
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        let addr = listener.local_addr()?;
        tracing::info!(%addr, fetch = config.allow_fetch, "listening on http://{addr}/");
        serve(config, listener, shutdown_signal()?).await?;
        tracing::info!("stopped");
        Ok(())
    })
}
