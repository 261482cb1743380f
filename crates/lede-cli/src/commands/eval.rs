//! `lede eval`.

use std::process::ExitCode;

/// Arguments of `lede eval`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `lede eval`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("lede eval is not implemented yet")
}
