//! Connection slots: a TCP listener that holds at most a fixed number of
//! connections open, so idle or slow clients cannot make the server's memory
//! grow without bound, and that prefers new clients to idle ones.
//!
//! - A connection that sends nothing within the first-byte timeout is closed.
//! - A connection on which nothing is read or written for the idle timeout
//!   is closed, so trickling clients cannot hold a slot forever.
//! - When every slot is taken, the oldest connection with no request in
//!   progress (silent, half-sent headers, or idle keep-alive) is closed to
//!   make room; only when every connection is busy with a request does a new
//!   client wait in the kernel's backlog.

use std::collections::BTreeMap;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, Sleep};

/// The `active` value of a connection that has been told to close.
const EVICTED: usize = usize::MAX;

/// Timeouts of every connection.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Timeouts {
    /// Longest wait for the first byte of a new connection.
    pub(crate) first_byte: Duration,
    /// Longest time with nothing read or written.
    pub(crate) idle: Duration,
}

/// State shared by the listener and its connections.
#[derive(Debug)]
struct Shared {
    /// Open connections by id; ids grow, so the first is the oldest.
    open: Mutex<BTreeMap<u64, Arc<Conn>>>,
    /// Woken when a connection finishes its last request in progress.
    went_idle: Notify,
}

impl Shared {
    /// Tells the oldest connection with no request in progress to close;
    /// false when every connection is busy.
    fn evict_oldest_idle(&self) -> bool {
        let open = self.open.lock().expect("connection table poisoned");
        open.values().any(|conn| conn.evict())
    }

    /// Tells every connection with no request in progress to close.
    fn evict_all_idle(&self) {
        let open = self.open.lock().expect("connection table poisoned");
        for conn in open.values() {
            conn.evict();
        }
    }
}

/// One open connection, as the listener sees it.
#[derive(Debug)]
pub(crate) struct Conn {
    /// Requests in progress, or [`EVICTED`].
    active: AtomicUsize,
    evicted: Notify,
    shared: Arc<Shared>,
}

impl Conn {
    /// Marks the connection told to close if no request is in progress.
    fn evict(&self) -> bool {
        let idle = self
            .active
            .compare_exchange(0, EVICTED, Ordering::AcqRel, Ordering::Acquire)
            .is_ok();
        if idle {
            self.evicted.notify_one();
        }
        idle
    }

    /// Completes once the connection has been told to close; the task
    /// serving it then drops it.
    pub(crate) async fn closing(&self) {
        self.evicted.notified().await;
    }

    /// Counts a request in progress until the returned guard is dropped.
    pub(crate) fn begin(self: &Arc<Self>) -> RequestGuard {
        // A connection already told to close is dropped by its task soon;
        // the count no longer matters then.
        let _ = self
            .active
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n != EVICTED).then_some(n + 1)
            });
        RequestGuard(Arc::clone(self))
    }
}

/// A request in progress on a connection, from its complete headers until
/// its response body is dropped.
pub(crate) struct RequestGuard(Arc<Conn>);

impl Drop for RequestGuard {
    fn drop(&mut self) {
        let was = self
            .0
            .active
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n != EVICTED && n > 0).then(|| n - 1)
            });
        if was == Ok(1) {
            self.0.shared.went_idle.notify_one();
        }
    }
}

/// Removes a connection from the table and frees its slot when dropped.
struct Registration {
    id: u64,
    shared: Arc<Shared>,
    _slot: OwnedSemaphorePermit,
}

impl Drop for Registration {
    fn drop(&mut self) {
        if let Ok(mut open) = self.shared.open.lock() {
            open.remove(&self.id);
        }
    }
}

/// A listener accepting at most `max` connections at once.
pub(crate) struct CappedListener {
    inner: TcpListener,
    /// A connection accepted and waiting for a slot, kept here so that
    /// [`CappedListener::accept`] can be cancelled without losing it.
    pending: Option<(TcpStream, SocketAddr)>,
    slots: Arc<Semaphore>,
    shared: Arc<Shared>,
    next_id: AtomicU64,
    timeouts: Timeouts,
}

impl CappedListener {
    pub(crate) fn new(inner: TcpListener, max: usize, timeouts: Timeouts) -> CappedListener {
        CappedListener {
            inner,
            pending: None,
            slots: Arc::new(Semaphore::new(max.max(1))),
            shared: Arc::new(Shared {
                open: Mutex::new(BTreeMap::new()),
                went_idle: Notify::new(),
            }),
            next_id: AtomicU64::new(0),
            timeouts,
        }
    }

    /// Waits for a connection (retrying on accept errors, as `axum::serve`
    /// does), then for a slot for it, closing the oldest idle connection if
    /// every slot is taken. Cancel-safe.
    pub(crate) async fn accept(&mut self) -> (CappedStream, Arc<Conn>, SocketAddr) {
        if self.pending.is_none() {
            self.pending = Some(axum::serve::Listener::accept(&mut self.inner).await);
        }
        let slot = self.slot().await;
        let (stream, addr) = self.pending.take().expect("a connection is pending");
        let _ = stream.set_nodelay(true);
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let conn = Arc::new(Conn {
            active: AtomicUsize::new(0),
            evicted: Notify::new(),
            shared: Arc::clone(&self.shared),
        });
        self.shared
            .open
            .lock()
            .expect("connection table poisoned")
            .insert(id, Arc::clone(&conn));
        let stream = CappedStream {
            stream,
            _registration: Registration {
                id,
                shared: Arc::clone(&self.shared),
                _slot: slot,
            },
            idle_timeout: self.timeouts.idle,
            idle: Box::pin(tokio::time::sleep(self.timeouts.idle)),
            first_byte: Some(Box::pin(tokio::time::sleep(self.timeouts.first_byte))),
        };
        (stream, conn, addr)
    }

    async fn slot(&self) -> OwnedSemaphorePermit {
        loop {
            if let Ok(slot) = Arc::clone(&self.slots).try_acquire_owned() {
                return slot;
            }
            let went_idle = self.shared.went_idle.notified();
            let mut went_idle = std::pin::pin!(went_idle);
            went_idle.as_mut().enable();
            let acquire = Arc::clone(&self.slots).acquire_owned();
            if self.shared.evict_oldest_idle() {
                tracing::debug!("all connection slots taken: closing the oldest idle connection");
                return acquire.await.expect("the semaphore is never closed");
            }
            tokio::select! {
                slot = acquire => return slot.expect("the semaphore is never closed"),
                () = went_idle => {}
            }
        }
    }

    /// Tells every connection with no request in progress to close (at shutdown).
    pub(crate) fn close_idle(&self) {
        self.shared.evict_all_idle();
    }
}

/// A connection; its slot is given back when it is dropped.
pub(crate) struct CappedStream {
    stream: TcpStream,
    _registration: Registration,
    idle_timeout: Duration,
    idle: Pin<Box<Sleep>>,
    /// Until the first byte arrives.
    first_byte: Option<Pin<Box<Sleep>>>,
}

impl CappedStream {
    /// Pushes the idle deadline back after any progress.
    fn progressed(&mut self) {
        self.idle.as_mut().reset(Instant::now() + self.idle_timeout);
    }

    /// Turns a pending operation into a timeout error once the connection
    /// has been idle too long, or has sent nothing within the first-byte timeout.
    fn check_timeouts<T>(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<T>> {
        if let Some(first_byte) = &mut self.first_byte {
            if first_byte.as_mut().poll(cx).is_ready() {
                return Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "no request within the first-byte timeout",
                )));
            }
        }
        match self.idle.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "connection idle for too long",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for CappedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        match Pin::new(&mut self.stream).poll_read(cx, buf) {
            Poll::Ready(result) => {
                if buf.filled().len() > before {
                    self.first_byte = None;
                }
                self.progressed();
                Poll::Ready(result)
            }
            Poll::Pending => self.check_timeouts(cx),
        }
    }
}

impl AsyncWrite for CappedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.stream).poll_write(cx, buf) {
            Poll::Ready(result) => {
                self.progressed();
                Poll::Ready(result)
            }
            Poll::Pending => self.check_timeouts(cx),
        }
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.stream).poll_write_vectored(cx, bufs) {
            Poll::Ready(result) => {
                self.progressed();
                Poll::Ready(result)
            }
            Poll::Pending => self.check_timeouts(cx),
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
