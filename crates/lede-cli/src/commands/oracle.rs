//! `lede oracle`.

use std::process::ExitCode;

/// Arguments of `lede oracle`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs `lede oracle`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("lede oracle is not implemented yet")
}
