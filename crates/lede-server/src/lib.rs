//! HTTP API and web page for lede.
//!
//! [`router`] builds the axum application (handy in tests); [`serve`] runs it on a
//! listener until a shutdown future completes, finishing requests already in flight;
//! [`run`] is the whole `lede serve` command: runtime, logging, bind, signals.
//!
//! Endpoints: `POST /v1/summarize`, `POST /v1/summarize/batch`, `POST /v1/extract`,
//! `GET /healthz`, `GET /version`, `GET /metrics`, `GET /openapi.json`, `GET /favicon.ico`
//! and the page at `GET /`. `/openapi.json` documents every request and response.
//!
//! Against other web pages a local user opens: POST bodies must be
//! `application/json` (or `text/html` pages, which browsers never send
//! cross-site without asking), the `Host` header must name the server (see
//! [`Config::allowed_hosts`]), and CORS is off unless [`Config::cors_origins`]
//! names origins.

mod error;
mod fetch;
mod host;
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

pub use error::ApiError;
pub use host::{parse_allowed_host, parse_origin};

/// Largest number of items in one `/v1/summarize/batch` request.
pub const MAX_BATCH_ITEMS: usize = 64;

/// Default largest request body: the summarizer's input limit
/// ([`lede::ingest::DEFAULT_MAX_INPUT_BYTES`], 16 MiB) plus a quarter for
/// JSON's quoting and escaping, so any page the summarizer accepts fits
/// once wrapped in JSON: 20 MiB.
pub const DEFAULT_MAX_BODY_BYTES: usize =
    lede::ingest::DEFAULT_MAX_INPUT_BYTES + lede::ingest::DEFAULT_MAX_INPUT_BYTES / 4;

/// Server settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Address to listen on.
    pub addr: SocketAddr,
    /// Whether `url` inputs are fetched by the server.
    pub allow_fetch: bool,
    /// Whether fetching may reach private, loopback and other non-public addresses.
    pub allow_private_fetch: bool,
    /// Largest page body kept when fetching; a longer page is cut there and
    /// its response carries a warning.
    pub max_page_bytes: usize,
    /// Host names answered besides the bound address (any port). By default
    /// a request's `Host` must be the bound IP and port, or with a loopback
    /// bind `localhost`, `127.0.0.1` or `[::1]` with the port (any IP
    /// literal and `localhost` with an unspecified bind); others get 421.
    /// `*` answers every host.
    pub allowed_hosts: Vec<String>,
    /// Origins (`https://app.example.org`) whose web pages may call the API:
    /// preflights are answered and responses carry
    /// `Access-Control-Allow-Origin` for them only. Empty: no CORS.
    pub cors_origins: Vec<String>,
    /// A model written by `lede train`, loaded once at start, used for the
    /// `learned` algorithm instead of the embedded one.
    pub model: Option<Arc<lede::score::learned::Model>>,
    /// Largest request body, in bytes (413 above it). Bodies are read only
    /// by admitted requests, so at most `(max_concurrency + queue) *
    /// max_body_bytes` bytes of bodies are held at once.
    pub max_body_bytes: usize,
    /// Longest time for one request, queueing included (504 after it).
    pub timeout: Duration,
    /// Most summarization jobs running at once.
    pub max_concurrency: usize,
    /// Most further requests waiting for a worker (503 beyond them).
    pub queue: usize,
    /// Most connections open at once. A new client beyond it closes the
    /// oldest connection with no request in progress; it waits to be
    /// accepted only when every connection is busy with a request.
    pub max_connections: usize,
    /// A new connection that sends nothing for this long is closed.
    pub first_byte_timeout: Duration,
    /// A connection with nothing read or written for this long is closed
    /// (keep it above `timeout`, which a request may take in full).
    pub idle_timeout: Duration,
    /// Longest time to receive a request's headers, counted from when the
    /// connection starts waiting for a request; the connection is closed
    /// after it, however steadily bytes trickle in. So it also bounds how
    /// long an idle keep-alive connection stays open between requests.
    pub header_timeout: Duration,
    /// After the shutdown signal, connections with no request in progress
    /// are closed at once and requests in flight get this long to finish;
    /// the connections still open then are dropped.
    pub shutdown_timeout: Duration,
}

impl Default for Config {
    /// Loopback port 8080, no fetching (pages cut at
    /// [`lede_fetch::DEFAULT_MAX_BODY_BYTES`] when on), the bound address as the only host,
    /// no CORS, the embedded model, [`DEFAULT_MAX_BODY_BYTES`] bodies, 10 s
    /// timeout, one worker per CPU, a queue of 256, 1,024 connections, each
    /// closed when it sends nothing in its first 2 s, after 60 s without
    /// traffic, or when a request's headers take over 10 s; 5 s for
    /// requests in flight at shutdown.
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            allow_fetch: false,
            allow_private_fetch: false,
            max_page_bytes: lede_fetch::DEFAULT_MAX_BODY_BYTES,
            allowed_hosts: Vec::new(),
            cors_origins: Vec::new(),
            model: None,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            timeout: Duration::from_secs(10),
            max_concurrency: std::thread::available_parallelism().map_or(2, |n| n.get()),
            queue: 256,
            max_connections: 1024,
            first_byte_timeout: Duration::from_secs(2),
            idle_timeout: Duration::from_secs(60),
            header_timeout: Duration::from_secs(10),
            shutdown_timeout: Duration::from_secs(5),
        }
    }
}

/// Shared state of the handlers.
#[derive(Debug)]
struct AppState {
    config: Config,
    jobs: jobs::Jobs,
    metrics: metrics::Metrics,
    fetcher: Option<lede_fetch::Fetcher>,
    /// Built once at start (with `config.model` when given) and shared by
    /// every request.
    summarizer: lede::Summarizer,
}

/// The application: every route, the limits, the `Host` check, CORS,
/// metrics, request logs and a last-resort panic handler. The `Host` check
/// takes `config.addr` as the bound address.
pub fn router(config: Config) -> Router {
    let bound = config.addr;
    app(config, bound).0
}

/// The application for a server bound to `bound`, and its state.
fn app(config: Config, bound: SocketAddr) -> (Router, Arc<AppState>) {
    let fetcher = config.allow_fetch.then(|| fetch::fetcher(&config));
    let hosts = host::AllowedHosts::new(bound, &config.allowed_hosts);
    let state = Arc::new(AppState {
        jobs: jobs::Jobs::new(config.max_concurrency, config.queue),
        metrics: metrics::Metrics::new(),
        fetcher,
        summarizer: match &config.model {
            Some(model) => lede::Summarizer::with_model(Arc::clone(model)),
            None => lede::Summarizer::new().expect("the embedded model is valid"),
        },
        config,
    });
    (routes::router(Arc::clone(&state), hosts), state)
}

/// Serves on `listener` until `shutdown` completes, then stops accepting
/// connections, closes those with no request in progress, and returns once
/// the requests in flight are answered or `config.shutdown_timeout` has
/// passed, dropping the connections still open.
///
/// Connections are served by hyper directly (not `axum::serve`) because the
/// header-read deadline needs hyper's HTTP/1 builder with a timer, and the
/// connection slots need to know which connections have a request in progress.
pub async fn serve(
    config: Config,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let bound = listener.local_addr()?;
    let mut listener = listener::CappedListener::new(
        listener,
        config.max_connections,
        listener::Timeouts {
            first_byte: config.first_byte_timeout,
            idle: config.idle_timeout.max(config.timeout),
        },
    );
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(config.header_timeout);
    let shutdown_timeout = config.shutdown_timeout;
    let (app, state) = app(config, bound);
    let graceful = GracefulShutdown::new();
    let mut tasks = tokio::task::JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, conn, addr) = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        while tasks.try_join_next().is_some() {}
        let service = Tracked {
            app: app.clone(),
            conn: Arc::clone(&conn),
        };
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        let state = Arc::clone(&state);
        tasks.spawn(async move {
            let _open = metrics::GaugeGuard::up(&state.metrics.connections);
            tokio::select! {
                result = connection => {
                    if let Err(error) = result {
                        tracing::debug!(%addr, %error, "connection closed");
                    }
                }
                () = conn.closing() => {
                    state.metrics.closed_idle.inc();
                    tracing::debug!(%addr, "idle connection closed");
                }
            }
        });
    }
    listener.close_idle();
    drop(listener);
    if tokio::time::timeout(shutdown_timeout, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            connections = tasks.len(),
            "shutdown deadline passed: dropping the connections still open"
        );
    }
    tasks.shutdown().await;
    Ok(())
}

/// The application as hyper calls it on one connection: counts the
/// request as in progress from its headers until its response body is
/// dropped, so the listener never closes a connection in the middle of one.
#[derive(Clone)]
struct Tracked {
    app: Router,
    conn: Arc<listener::Conn>,
}

impl hyper::service::Service<hyper::Request<hyper::body::Incoming>> for Tracked {
    type Response = axum::response::Response;
    type Error = std::convert::Infallible;
    type Future = std::pin::Pin<
        Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send + 'static>,
    >;

    fn call(&self, request: hyper::Request<hyper::body::Incoming>) -> Self::Future {
        use http_body_util::BodyExt;
        use tower::ServiceExt;
        let in_progress = self.conn.begin();
        let app = self.app.clone();
        Box::pin(async move {
            let response = app.oneshot(request).await?;
            Ok(response.map(|body| {
                axum::body::Body::new(body.map_frame(move |frame| {
                    let _ = &in_progress;
                    frame
                }))
            }))
        })
    }
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
    let served = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        let addr = listener.local_addr()?;
        tracing::info!(%addr, fetch = config.allow_fetch, "listening on http://{addr}/");
        serve(config, listener, shutdown_signal()?).await
    });
    // Jobs of requests already answered (timed out) or dropped at the
    // deadline may still be running on the blocking pool: nobody waits for
    // their results, so the process does not wait for them either.
    runtime.shutdown_timeout(Duration::from_millis(100));
    served?;
    tracing::info!("stopped");
    Ok(())
}
