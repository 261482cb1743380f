//! Connection slots: silent connections are closed after the first-byte
//! timeout, new clients take the slot of the oldest idle connection, busy
//! ones keep theirs, and shutdown closes idle connections at once and drops
//! the rest at its deadline. Raw sockets on loopback.

mod common;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use common::*;
use hyper::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Whether the server closes `stream` within `within` (reading nothing).
async fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
    let mut buf = [0u8; 256];
    match tokio::time::timeout(within, stream.read(&mut buf)).await {
        Ok(Ok(0)) | Ok(Err(_)) => true,
        Ok(Ok(n)) => panic!("unexpected bytes: {:?}", String::from_utf8_lossy(&buf[..n])),
        Err(_) => false,
    }
}

/// A connection that has sent `bytes` and nothing more.
async fn connect_and_send(addr: SocketAddr, bytes: &str) -> TcpStream {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(bytes.as_bytes()).await.unwrap();
    stream
}

/// A connection in the middle of a request: complete headers, part of the body.
async fn busy(addr: SocketAddr) -> TcpStream {
    let stream = connect_and_send(
        addr,
        &format!(
            "POST /v1/summarize HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"text\": \""
        ),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    stream
}

#[tokio::test]
async fn a_silent_connection_is_closed_after_the_first_byte_timeout() {
    let server = Server::start(lede_server::Config {
        first_byte_timeout: Duration::from_millis(300),
        ..config()
    })
    .await;
    let start = Instant::now();
    let mut silent = TcpStream::connect(server.addr).await.unwrap();
    let mut started = connect_and_send(server.addr, "G").await;
    assert!(closed_within(&mut silent, Duration::from_secs(5)).await);
    assert!(
        start.elapsed() >= Duration::from_millis(250),
        "{:?}",
        start.elapsed()
    );
    assert!(
        !closed_within(&mut started, Duration::from_millis(300)).await,
        "a connection that sent a byte waits for the header timeout instead"
    );
    let rest = format!(
        "ET /healthz HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.addr
    );
    started.write_all(rest.as_bytes()).await.unwrap();
    let mut reply = String::new();
    started.read_to_string(&mut reply).await.unwrap();
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
}

#[tokio::test]
async fn a_new_client_takes_the_slot_of_the_oldest_idle_connection() {
    let server = Server::start(lede_server::Config {
        max_connections: 2,
        first_byte_timeout: Duration::from_secs(60),
        ..config()
    })
    .await;
    let mut oldest = connect_and_send(server.addr, "GET /healthz HTTP/1.1\r\n").await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    let mut newer = TcpStream::connect(server.addr).await.unwrap();
    tokio::time::sleep(Duration::from_millis(50)).await;
    let reply = tokio::time::timeout(Duration::from_secs(5), get(&server.url("/healthz")))
        .await
        .expect("served at once, not after a timeout");
    assert_eq!(reply.status, StatusCode::OK);
    assert!(closed_within(&mut oldest, Duration::from_secs(1)).await);
    assert!(
        !closed_within(&mut newer, Duration::from_millis(200)).await,
        "only the oldest idle connection is closed"
    );
    let metrics = get(&server.url("/metrics")).await.text();
    let closed: u64 = metrics
        .lines()
        .find_map(|l| l.strip_prefix("lede_connections_closed_idle_total "))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no closed-idle count in\n{metrics}"));
    assert!(closed >= 1, "{metrics}");
    assert!(metrics.contains("lede_connections_open "), "{metrics}");
}

#[tokio::test]
async fn busy_connections_keep_their_slots_and_new_clients_wait() {
    let server = Server::start(lede_server::Config {
        max_connections: 1,
        ..config()
    })
    .await;
    let mut holding = busy(server.addr).await;
    let url = server.url("/healthz");
    let waiting = tokio::spawn(async move { get(&url).await });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !waiting.is_finished(),
        "a second connection was served while a request held the only slot"
    );
    assert!(!closed_within(&mut holding, Duration::from_millis(10)).await);
    drop(holding);
    let reply = tokio::time::timeout(Duration::from_secs(10), waiting)
        .await
        .expect("served once the slot was free")
        .unwrap();
    assert_eq!(reply.status, StatusCode::OK);
}

#[tokio::test]
async fn shutdown_closes_idle_connections_at_once() {
    let mut server = Server::start(config()).await;
    let mut half = connect_and_send(server.addr, "GET /healthz HTTP/1.1\r\nHo").await;
    let mut silent = TcpStream::connect(server.addr).await.unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let start = Instant::now();
    server.stop();
    tokio::time::timeout(Duration::from_secs(2), &mut server.task)
        .await
        .expect("stopped without waiting for the half-sent request")
        .unwrap()
        .unwrap();
    assert!(start.elapsed() < Duration::from_secs(2));
    assert!(closed_within(&mut half, Duration::from_secs(1)).await);
    assert!(closed_within(&mut silent, Duration::from_secs(1)).await);
}

#[tokio::test]
async fn shutdown_drops_requests_still_running_at_its_deadline() {
    let mut server = Server::start(lede_server::Config {
        timeout: Duration::from_secs(30),
        shutdown_timeout: Duration::from_millis(300),
        ..config()
    })
    .await;
    let mut holding = busy(server.addr).await;
    let start = Instant::now();
    server.stop();
    tokio::time::timeout(Duration::from_secs(5), &mut server.task)
        .await
        .expect("stopped at the shutdown deadline")
        .unwrap()
        .unwrap();
    let took = start.elapsed();
    assert!(
        took >= Duration::from_millis(250),
        "did not wait for the request: {took:?}"
    );
    assert!(closed_within(&mut holding, Duration::from_secs(1)).await);
}
