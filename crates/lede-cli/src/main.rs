//! `lede`: command-line front end of the lede library.

mod args;
mod commands;
mod fetch;
mod input;
mod output;
mod sources;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Faithful extractive bullet highlights for news articles.
#[derive(Parser)]
#[command(name = "lede", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Summarize an article or a corpus into bullet highlights.
    Summarize(commands::summarize::Args),
    /// Score predictions against references with ROUGE.
    Eval(commands::eval::Args),
    /// Compute the greedy extractive oracle and its labels.
    Oracle(commands::oracle::Args),
    /// Extract the article from HTML pages, text or URLs.
    Extract(commands::extract::Args),
    /// Serve the HTTP API and web page.
    Serve(commands::serve::Args),
    /// Train the learned sentence scorer.
    Train(commands::train::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Summarize(args) => commands::summarize::run(args),
        Command::Eval(args) => commands::eval::run(args),
        Command::Oracle(args) => commands::oracle::run(args),
        Command::Extract(args) => commands::extract::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Train(args) => commands::train::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{} {err:#}", output::ERROR);
            ExitCode::FAILURE
        }
    }
}
