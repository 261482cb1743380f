//! `lede summarize`.

use std::process::ExitCode;

/// Arguments of `lede summarize`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `lede summarize`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("lede summarize is not implemented yet")
}
