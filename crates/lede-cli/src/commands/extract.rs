//! `lede extract`: print the article of an HTML page (file, stdin or URL) as text or JSON.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::Context;
use lede_html::Article;

/// Output format.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    /// Paragraphs separated by blank lines.
    Text,
    /// The article with its metadata, as one JSON object.
    Json,
}

/// What the input is.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum InputFormat {
    /// An HTML page: the article is extracted from it.
    Html,
    /// Plain text: paragraphs are the blocks between blank lines.
    Text,
}

/// Arguments of `lede extract`.
#[derive(clap::Args)]
pub struct Args {
    /// HTML file, `-` for standard input, or an http(s) URL.
    pub input: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Input format.
    #[arg(long, value_enum, default_value = "html")]
    pub input_format: InputFormat,
}

/// Runs `lede extract`; fails when no article text is found.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (bytes, content_type, url) = if crate::fetch::is_url(&args.input) {
        let page = crate::fetch::fetcher(lede::ingest::DEFAULT_MAX_INPUT_BYTES)
            .fetch(&args.input)
            .with_context(|| format!("fetching {}", args.input))?;
        if page.truncated {
            eprintln!("lede: warning: page cut at {} bytes", page.body.len());
        }
        (page.body, page.content_type, Some(page.url))
    } else if args.input == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        (bytes, None, None)
    } else {
        let bytes =
            std::fs::read(&args.input).with_context(|| format!("reading {}", args.input))?;
        (bytes, None, None)
    };
    let article = match args.input_format {
        InputFormat::Html => {
            lede_html::extract_bytes(&bytes, content_type.as_deref(), url.as_deref())
                .with_context(|| format!("extracting {}", args.input))?
        }
        InputFormat::Text => text_article(&lede_html::decode_html(&bytes, content_type.as_deref())),
    };
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Text if !article.is_empty() => writeln!(out, "{}", article.text())?,
        Format::Text => {}
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&article)?)?,
    }
    if article.is_empty() {
        eprintln!("lede: no article text found in {}", args.input);
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Plain text as an article: blank-line separated blocks, whitespace collapsed.
fn text_article(text: &str) -> Article {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(
                    current
                        .join(" ")
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    Article {
        paragraphs,
        ..Article::default()
    }
}
