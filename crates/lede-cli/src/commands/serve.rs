//! `lede serve`: the HTTP API and web page (see the `lede-server` crate).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;

/// Arguments of `lede serve`.
#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Fetch `url` inputs on the server (public addresses only).
    #[arg(long)]
    allow_fetch: bool,
    /// Also fetch from private, loopback and link-local addresses (implies --allow-fetch).
    #[arg(long)]
    allow_private_fetch: bool,
    /// Also answer requests whose Host header is NAME (repeatable; `*` for
    /// any). By default only the bound address is answered, and with a
    /// loopback address also localhost, 127.0.0.1 and [::1].
    #[arg(long = "allowed-host", value_name = "NAME", value_parser = lede_server::parse_allowed_host)]
    allowed_hosts: Vec<String>,
    /// Let web pages from ORIGIN (such as https://app.example.org) call the
    /// API: answer their preflights and allow them to read responses
    /// (repeatable; CORS is off without it).
    #[arg(long = "cors-origin", value_name = "ORIGIN", value_parser = lede_server::parse_origin)]
    cors_origins: Vec<String>,
    /// A model file written by `lede train`, loaded once at start and used
    /// for the `learned` algorithm instead of the embedded one.
    #[arg(long, value_name = "PATH")]
    model: Option<PathBuf>,
    /// Largest page kept when fetching, in bytes; a longer page is cut there
    /// and its response carries a warning.
    #[arg(long, default_value_t = lede_server::Config::default().max_page_bytes)]
    max_page_bytes: usize,
    /// Largest request body in bytes (413 above it).
    #[arg(long, default_value_t = lede_server::Config::default().max_body_bytes)]
    max_body_bytes: usize,
    /// Longest time for one request in milliseconds, queueing included (504 after it).
    #[arg(long, default_value_t = 10_000)]
    timeout_ms: u64,
    /// Most summaries computed at once [default: number of CPUs].
    #[arg(long)]
    max_concurrency: Option<usize>,
    /// Most requests waiting for a worker (503 beyond them).
    #[arg(long, default_value_t = lede_server::Config::default().queue)]
    queue: usize,
    /// Most connections open at once; a new client beyond it closes the
    /// oldest connection with no request in progress (it waits only when all
    /// are busy).
    #[arg(long, default_value_t = lede_server::Config::default().max_connections)]
    max_connections: usize,
    /// Close a new connection that sends nothing for this many milliseconds.
    #[arg(long, default_value_t = lede_server::Config::default().first_byte_timeout.as_millis() as u64)]
    first_byte_timeout_ms: u64,
    /// Close a connection after this many milliseconds without traffic
    /// (never less than --timeout-ms).
    #[arg(long, default_value_t = 60_000)]
    idle_timeout_ms: u64,
    /// Close a connection whose next request's headers take longer than this
    /// many milliseconds to arrive (this also ends idle keep-alive connections).
    #[arg(long, default_value_t = 10_000)]
    header_timeout_ms: u64,
    /// At shutdown, give requests in flight this many milliseconds to
    /// finish, then drop their connections.
    #[arg(long, default_value_t = lede_server::Config::default().shutdown_timeout.as_millis() as u64)]
    shutdown_timeout_ms: u64,
}

/// Runs `lede serve` until SIGTERM or Ctrl-C.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    lede_server::init_logging();
    let defaults = lede_server::Config::default();
    let model = match &args.model {
        Some(path) => Some(Arc::new(
            lede::score::learned::Model::load(path)
                .with_context(|| format!("loading the model {}", path.display()))?,
        )),
        None => None,
    };
    let config = lede_server::Config {
        addr: args.addr,
        allow_fetch: args.allow_fetch || args.allow_private_fetch,
        allow_private_fetch: args.allow_private_fetch,
        max_page_bytes: args.max_page_bytes,
        allowed_hosts: args.allowed_hosts,
        cors_origins: args.cors_origins,
        model,
        max_body_bytes: args.max_body_bytes,
        timeout: Duration::from_millis(args.timeout_ms),
        max_concurrency: args.max_concurrency.unwrap_or(defaults.max_concurrency),
        queue: args.queue,
        max_connections: args.max_connections,
        first_byte_timeout: Duration::from_millis(args.first_byte_timeout_ms),
        idle_timeout: Duration::from_millis(args.idle_timeout_ms),
        header_timeout: Duration::from_millis(args.header_timeout_ms),
        shutdown_timeout: Duration::from_millis(args.shutdown_timeout_ms),
    };
    lede_server::run(config).with_context(|| format!("serving on {}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}
