//! `lede extract`.

use std::process::ExitCode;

/// Arguments of `lede extract`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `lede extract`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("lede extract is not implemented yet")
}
