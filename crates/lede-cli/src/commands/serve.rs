//! `lede serve`.

use std::process::ExitCode;

/// Arguments of `lede serve`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `lede serve`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("lede serve is not implemented yet")
}
