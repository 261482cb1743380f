//! Where results go: stdout or a file (`-o`, appended to with `--resume`),
//! written one whole record at a time and flushed at record boundaries.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::Context;

/// The prefix of every error message, the one clap's usage errors use too.
pub const ERROR: &str = "error:";
/// The prefix of every warning.
pub const WARNING: &str = "warning:";

/// Whether `err` is a write to a closed pipe (`lede ... | head`), which ends
/// the run quietly with status 0.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// An output stream that is flushed after every record.
pub struct Output {
    inner: BufWriter<Box<dyn Write + Send>>,
}

impl Output {
    /// Stdout, or the file at `path` (created or truncated, or appended to
    /// when `append`).
    pub fn open(path: Option<&Path>, append: bool) -> anyhow::Result<Output> {
        let inner: Box<dyn Write + Send> = match path {
            None => Box::new(io::stdout()),
            Some(path) => Box::new(
                if append {
                    OpenOptions::new().create(true).append(true).open(path)
                } else {
                    File::create(path)
                }
                .with_context(|| format!("cannot create {}", path.display()))?,
            ),
        };
        Ok(Output {
            inner: BufWriter::with_capacity(1 << 16, inner),
        })
    }

    /// Writes one record (a whole line or block) and flushes it.
    pub fn record(&mut self, text: &str) -> anyhow::Result<()> {
        self.inner
            .write_all(text.as_bytes())
            .and_then(|()| self.inner.flush())
            .context("cannot write output")
    }
}
