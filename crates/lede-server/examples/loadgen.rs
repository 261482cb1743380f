//! Load generator for `lede serve`: keeps N keep-alive connections busy posting
//! CNN/DailyMail articles to `/v1/summarize` and reports throughput, latency
//! percentiles, errors and the server's memory (sampled every second).
//!
//! ```text
//! cargo run --release -p lede-server --example loadgen -- \
//!     --addr 127.0.0.1:8080 --data ../shared/data/cnndm_lede_valid.jsonl.gz \
//!     --articles 200 --connections 1,16,64 --seconds 60 --pid $SERVER_PID
//! ```
//!
//! Bounded: each run stops after `--seconds` or `--max-requests`, whichever
//! comes first, and only loopback addresses are accepted.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1;
use hyper::{header, Request, StatusCode};
use hyper_util::rt::TokioIo;

struct Args {
    addr: SocketAddr,
    data: String,
    articles: usize,
    connections: Vec<usize>,
    seconds: u64,
    max_requests: u64,
    pid: Option<u32>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        addr: "127.0.0.1:8080".parse().expect("valid address"),
        data: "../shared/data/cnndm_lede_valid.jsonl.gz".into(),
        articles: 200,
        connections: vec![1, 16, 64],
        seconds: 60,
        max_requests: 10_000_000,
        pid: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let bad = |e: &dyn std::fmt::Display| format!("{flag} {value}: {e}");
        match flag.as_str() {
            "--addr" => args.addr = value.parse().map_err(|e| bad(&e))?,
            "--data" => args.data = value,
            "--articles" => args.articles = value.parse().map_err(|e| bad(&e))?,
            "--connections" => {
                args.connections = value
                    .split(',')
                    .map(|c| c.trim().parse().map_err(|e| bad(&e)))
                    .collect::<Result<_, _>>()?
            }
            "--seconds" => args.seconds = value.parse().map_err(|e| bad(&e))?,
            "--max-requests" => args.max_requests = value.parse().map_err(|e| bad(&e))?,
            "--pid" => args.pid = Some(value.parse().map_err(|e| bad(&e))?),
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    if !args.addr.ip().is_loopback() {
        return Err(format!("{} is not a loopback address", args.addr));
    }
    Ok(args)
}

/// The first `n` non-empty articles of a gzipped JSONL corpus, as request bodies.
fn load_bodies(path: &str, n: usize) -> Result<Vec<Bytes>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut bodies = Vec::with_capacity(n);
    for line in reader.lines() {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        let record: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("{path}: {e}"))?;
        if let Some(article) = record["article"].as_str().filter(|a| !a.trim().is_empty()) {
            let body = serde_json::json!({ "text": article });
            bodies.push(Bytes::from(
                serde_json::to_vec(&body).expect("serializable"),
            ));
        }
        if bodies.len() == n {
            break;
        }
    }
    Ok(bodies)
}

/// One keep-alive connection sending requests back to back until `deadline`
/// or until `budget` requests were sent in all; returns latencies in
/// microseconds and the error count.
async fn connection(
    addr: SocketAddr,
    bodies: Arc<Vec<Bytes>>,
    start_at: usize,
    deadline: Instant,
    budget: Arc<AtomicU64>,
) -> (Vec<u32>, u64) {
    let mut latencies = Vec::new();
    let mut errors = 0;
    let mut next = start_at;
    'connect: while Instant::now() < deadline {
        let Ok(stream) = tokio::net::TcpStream::connect(addr).await else {
            errors += 1;
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let _ = stream.set_nodelay(true);
        let Ok((mut sender, conn)) = http1::handshake(TokioIo::new(stream)).await else {
            errors += 1;
            continue;
        };
        tokio::spawn(conn);
        while Instant::now() < deadline {
            if budget
                .fetch_update(Ordering::AcqRel, Ordering::Acquire, |b| b.checked_sub(1))
                .is_err()
            {
                break 'connect;
            }
            let body = bodies[next % bodies.len()].clone();
            next += 1;
            let request = Request::post("/v1/summarize")
                .header(header::HOST, addr.to_string())
                .header(header::CONTENT_TYPE, "application/json")
                .body(Full::new(body))
                .expect("valid request");
            let sent = Instant::now();
            let ok = match sender.send_request(request).await {
                Ok(response) => {
                    let status = response.status();
                    let body = response.into_body().collect().await.map(|b| b.to_bytes());
                    status == StatusCode::OK && body.is_ok_and(|b| !b.is_empty())
                }
                Err(_) => {
                    errors += 1;
                    continue 'connect;
                }
            };
            latencies.push(sent.elapsed().as_micros().min(u32::MAX as u128) as u32);
            if !ok {
                errors += 1;
            }
        }
    }
    (latencies, errors)
}

/// Resident and peak resident memory of `pid`, in KiB.
fn memory(pid: u32) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))?
            .split_whitespace()
            .nth(1)?
            .parse::<u64>()
            .ok()
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1] as f64 / 1000.0
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

async fn run(args: &Args, bodies: Arc<Vec<Bytes>>, connections: usize) {
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let budget = Arc::new(AtomicU64::new(args.max_requests));
    let sampler = args.pid.map(|pid| {
        tokio::spawn(async move {
            let mut samples = Vec::new();
            while Instant::now() < deadline {
                if let Some(m) = memory(pid) {
                    samples.push(m);
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            samples.extend(memory(pid));
            samples
        })
    });
    let started = Instant::now();
    let tasks: Vec<_> = (0..connections)
        .map(|c| {
            tokio::spawn(connection(
                args.addr,
                Arc::clone(&bodies),
                c * 7,
                deadline,
                Arc::clone(&budget),
            ))
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (l, e) = task.await.expect("connection task");
        latencies.extend(l);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort_unstable();
    let rss = match sampler {
        Some(s) => {
            let samples = s.await.expect("sampler");
            let first = samples.first().map_or(0, |m| m.0);
            let last = samples.last().map_or(0, |m| m.0);
            let max = samples.iter().map(|m| m.0).max().unwrap_or(0);
            let hwm = samples.last().map_or(0, |m| m.1);
            let trace: Vec<String> = samples.iter().map(|m| format!("{:.0}", mib(m.0))).collect();
            eprintln!(
                "rss MiB each second ({connections} connections): {}",
                trace.join(" ")
            );
            format!(
                "{:.1} | {:.1} | {:.1} | {:.1}",
                mib(first),
                mib(last),
                mib(max),
                mib(hwm)
            )
        }
        None => "- | - | - | -".into(),
    };
    println!(
        "| {connections} | {:.0} | {} | {errors} | {:.0} | {:.2} | {:.2} | {:.2} | {rss} |",
        elapsed,
        latencies.len(),
        latencies.len() as f64 / elapsed,
        percentile(&latencies, 50.0),
        percentile(&latencies, 99.0),
        percentile(&latencies, 100.0),
    );
}

fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(err) => {
            eprintln!("loadgen: {err}");
            std::process::exit(2);
        }
    };
    let bodies = match load_bodies(&args.data, args.articles) {
        Ok(b) if !b.is_empty() => Arc::new(b),
        Ok(_) => {
            eprintln!("loadgen: no articles in {}", args.data);
            std::process::exit(2);
        }
        Err(err) => {
            eprintln!("loadgen: {err}");
            std::process::exit(2);
        }
    };
    let mean = bodies.iter().map(|b| b.len()).sum::<usize>() / bodies.len();
    eprintln!(
        "loadgen: {} articles (mean request {mean} bytes), {} s per run, server {}",
        bodies.len(),
        args.seconds,
        args.addr
    );
    // One thread, so the generator takes as little CPU from the server as it can.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    println!("| connections | seconds | requests | errors | req/s | p50 ms | p99 ms | max ms | RSS start MiB | RSS end MiB | RSS max MiB | VmHWM MiB |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for &connections in &args.connections {
        runtime.block_on(run(&args, Arc::clone(&bodies), connections));
    }
}
