//! One structured log line per request. (Its own test binary: tracing caches
//! per-callsite interest process-wide, which other tests would disturb.)

mod common;

use common::*;
use serde_json::json;

/// Writes log lines into a shared buffer.
#[derive(Clone, Default)]
struct Logs(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn logs_one_line_per_request() {
    let logs = Logs::default();
    let sink = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || sink.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let server = Server::start(config()).await;
    post(&server.url("/v1/summarize"), &json!({"text": MINYA})).await;
    post(&server.url("/v1/summarize"), &json!({"text": 1})).await;
    let text = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<_> = text.lines().filter(|l| l.contains("request")).collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].contains("method=POST path=/v1/summarize status=200 latency_ms="),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("status=400") && lines[1].contains("error=invalid_type"),
        "{}",
        lines[1]
    );
}
