//! The bounded worker pool: CPU-bound work runs on tokio's blocking pool, at most
//! `max_concurrency` jobs at once, with at most `queue` more requests admitted and waiting.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use axum::http::StatusCode;
use tokio::sync::Semaphore;

use crate::error::ApiError;
use crate::metrics::{GaugeGuard, Metrics};

/// Admission and execution of jobs.
#[derive(Debug)]
pub(crate) struct Jobs {
    permits: Arc<Semaphore>,
    admitted: AtomicUsize,
    capacity: usize,
}

/// A place among the admitted requests, given back when dropped.
pub(crate) struct Ticket<'a>(&'a Jobs);

impl Drop for Ticket<'_> {
    fn drop(&mut self) {
        self.0.admitted.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Jobs {
    pub(crate) fn new(max_concurrency: usize, queue: usize) -> Jobs {
        let workers = max_concurrency.max(1);
        Jobs {
            permits: Arc::new(Semaphore::new(workers)),
            admitted: AtomicUsize::new(0),
            capacity: workers + queue,
        }
    }

    /// Admits one more request, or answers 503 when running plus waiting
    /// requests are at capacity. Taken before the body is read, so memory
    /// stays bounded by capacity times the body limit.
    pub(crate) fn admit(&self, metrics: &Metrics) -> Result<Ticket<'_>, ApiError> {
        self.admitted
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < self.capacity).then_some(n + 1)
            })
            .map(|_| Ticket(self))
            .map_err(|_| {
                metrics.rejected.inc();
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "overloaded",
                    "the server is at capacity; retry shortly",
                )
            })
    }

    /// Runs `job` on the blocking pool once a worker is free. The worker stays
    /// taken until `job` returns, even when the caller gives up waiting, so
    /// abandoned jobs still count against the concurrency limit. A panic in
    /// `job` becomes a 500 and leaves the server serving.
    pub(crate) async fn run<T: Send + 'static>(
        &self,
        metrics: &Metrics,
        job: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let permit = {
            let _queued = GaugeGuard::up(&metrics.queued);
            Arc::clone(&self.permits)
                .acquire_owned()
                .await
                .map_err(|_| ApiError::internal("worker pool closed"))?
        };
        let running = GaugeGuard::up(&metrics.running);
        let handle = tokio::task::spawn_blocking(move || {
            let _held = (permit, running);
            job()
        });
        match handle.await {
            Ok(result) => result,
            Err(err) if err.is_panic() => {
                tracing::error!("a job panicked: {err}");
                Err(ApiError::internal("the server failed on this input"))
            }
            Err(err) => Err(ApiError::internal(err.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panicking_job_is_a_500_and_the_pool_keeps_working() {
        let (jobs, metrics) = (Jobs::new(1, 0), Metrics::new());
        let err = jobs
            .run(&metrics, || -> Result<(), ApiError> { panic!("bad input") })
            .await
            .unwrap_err();
        assert_eq!(
            (err.status, err.code),
            (StatusCode::INTERNAL_SERVER_ERROR, "internal")
        );
        assert_eq!(jobs.run(&metrics, || Ok(7)).await.unwrap(), 7);
        assert_eq!(metrics.running.get(), 0);
    }

    #[test]
    fn admission_stops_at_workers_plus_queue() {
        let (jobs, metrics) = (Jobs::new(2, 1), Metrics::new());
        let held: Vec<_> = (0..3).map(|_| jobs.admit(&metrics).unwrap()).collect();
        let err = jobs.admit(&metrics).err().unwrap();
        assert_eq!(
            (err.status, err.code),
            (StatusCode::SERVICE_UNAVAILABLE, "overloaded")
        );
        drop(held);
        assert!(jobs.admit(&metrics).is_ok());
        assert_eq!(metrics.rejected.get(), 1);
    }
}
