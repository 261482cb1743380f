//! `lede serve`: the HTTP API and web page (see the `lede-server` crate).

use std::net::SocketAddr;
use std::process::ExitCode;
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
    /// Most connections open at once (further ones wait to be accepted).
    #[arg(long, default_value_t = lede_server::Config::default().max_connections)]
    max_connections: usize,
    /// Close a connection after this many milliseconds without traffic
    /// (never less than --timeout-ms).
    #[arg(long, default_value_t = 60_000)]
    idle_timeout_ms: u64,
    /// Close a connection whose next request's headers take longer than this
    /// many milliseconds to arrive (this also ends idle keep-alive connections).
    #[arg(long, default_value_t = 10_000)]
    header_timeout_ms: u64,
}

/// Runs `lede serve` until SIGTERM or Ctrl-C.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    lede_server::init_logging();
    let defaults = lede_server::Config::default();
    let config = lede_server::Config {
        addr: args.addr,
        allow_fetch: args.allow_fetch || args.allow_private_fetch,
        allow_private_fetch: args.allow_private_fetch,
        max_body_bytes: args.max_body_bytes,
        timeout: Duration::from_millis(args.timeout_ms),
        max_concurrency: args.max_concurrency.unwrap_or(defaults.max_concurrency),
        queue: args.queue,
        max_connections: args.max_connections,
        idle_timeout: Duration::from_millis(args.idle_timeout_ms),
        header_timeout: Duration::from_millis(args.header_timeout_ms),
    };
    lede_server::run(config).with_context(|| format!("serving on {}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}
