//! `lede train`.

use std::process::ExitCode;

/// Arguments of `lede train`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `lede train`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("lede train is not implemented yet")
}
