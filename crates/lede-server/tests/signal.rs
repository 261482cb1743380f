//! SIGTERM stops the server gracefully: requests in flight are answered first.
//! (Its own test binary, so the signal reaches no other test.)

mod common;

use std::time::Duration;

use common::*;
use hyper::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_finishes_requests_in_flight_then_stops() {
    let signal = lede_server::shutdown_signal().expect("signal handlers installed");
    let mut server = Server::start_until(
        lede_server::Config {
            max_concurrency: 1,
            shutdown_timeout: Duration::from_secs(60),
            ..config()
        },
        Some(Box::pin(signal)),
    )
    .await;
    let slow = start_slow_request(&server).await;
    // SAFETY: raise() only sends a signal to this process; tokio's handler is installed.
    assert_eq!(unsafe { libc::raise(libc::SIGTERM) }, 0);
    let reply = slow.await.unwrap();
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    tokio::time::timeout(Duration::from_secs(10), &mut server.task)
        .await
        .expect("server stopped after SIGTERM")
        .unwrap()
        .unwrap();
}
