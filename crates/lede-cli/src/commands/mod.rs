//! One module per subcommand; each exposes `Args` and `run`.

pub mod eval;
pub mod extract;
pub mod oracle;
pub mod serve;
pub mod summarize;
pub mod train;
