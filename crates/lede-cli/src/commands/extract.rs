//! `lede extract`: print the article of HTML pages or text (files, stdin or
//! URLs) as text, Markdown or JSON.

use std::process::ExitCode;

use anyhow::{bail, Context};
use lede::ingest::{sniff, Sniffed};
use lede_html::Article;
use serde_json::Value;

use crate::args::{InputArgs, InputFormatArg};
use crate::output::{Output, ERROR, WARNING};

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Paragraphs separated by blank lines.
    Text,
    /// The article with its metadata and `text`: pretty JSON for one input,
    /// JSON lines (with the input as `id`) over several.
    Json,
    /// The title and paragraphs as Markdown: headings, lists, block quotes,
    /// code blocks and tables kept.
    Markdown,
}

/// Arguments of `lede extract`.
#[derive(clap::Args)]
#[command(after_long_help = "\
JSON output holds title, authors, published, site_name, language (a BCP 47 tag:
\"de-DE\" for a page tagged de_de), description, canonical_url and image_url
(absolute: relative ones are resolved against the page URL, see --url), tags,
paragraphs, highlights, text (the paragraphs joined by blank lines), page_type
(article, forum, product, listing, collection, documentation or service) and
readerable (whether the body reads as an article): the fields of the server's
/v1/extract and of Python's lede.Article. A page with no body text is not an
error: its metadata is still printed (JSON with empty paragraphs and text and
\"warning\": \"no article text found\"; Markdown with the title only; nothing
in text), with a warning on stderr, and the exit status is 2. Over several
inputs a failure is an {\"id\", \"error\"} line in JSON and an error on stderr
in text; the exit status is 2 when some input failed or had no body text.")]
pub struct Args {
    /// HTML or text files, `-` for stdin (the default when stdin is a pipe or
    /// a file), or http(s) URLs.
    pub inputs: Vec<String>,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "text")]
    pub format: Format,
    #[command(flatten)]
    pub input: InputArgs,
    /// The address of a local page, the base of its relative links (never fetched).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Write the output here instead of stdout.
    #[arg(short, long)]
    pub output: Option<std::path::PathBuf>,
}

/// What an article with no body text says in JSON (`"warning"`) and on stderr.
const NO_BODY: &str = "no article text found";

/// Runs `lede extract`; exits with status 2 when an input fails or has no body text.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs = crate::input::inputs_or_stdin(&args.inputs)?;
    if args.url.is_some() && (inputs.len() != 1 || crate::fetch::is_url(&inputs[0])) {
        bail!("--url names the address of one local file; give one file or `-`");
    }
    let mut out = Output::open(args.output.as_deref(), false)?;
    if let [input] = inputs.as_slice() {
        let article = extract(&args, input)?;
        warn_if_empty(&article, input);
        match args.format {
            Format::Text => out.record(&text(&article))?,
            Format::Markdown => out.record(&article.markdown())?,
            Format::Json => {
                let json = serde_json::to_string_pretty(&article_json(&article, None))?;
                out.record(&(json + "\n"))?;
            }
        }
        return Ok(exit_code(article.is_empty()));
    }
    let mut failed = 0;
    for (k, input) in inputs.iter().enumerate() {
        let result = extract(&args, input);
        if let Ok(article) = &result {
            failed += usize::from(warn_if_empty(article, input));
        }
        match (&result, args.format) {
            (Ok(article), Format::Text) => {
                let gap = if k > 0 { "\n" } else { "" };
                out.record(&format!("{gap}==> {input} <==\n{}", text(article)))?;
            }
            (Ok(article), Format::Markdown) => {
                let gap = if k > 0 { "\n" } else { "" };
                out.record(&format!("{gap}<!-- {input} -->\n{}", article.markdown()))?;
            }
            (Ok(article), Format::Json) => {
                out.record(&(article_json(article, Some(input)).to_string() + "\n"))?;
            }
            (Err(err), format) => {
                failed += 1;
                eprintln!("{ERROR} {err:#}");
                if format == Format::Json {
                    let record = serde_json::json!({ "id": input, "error": format!("{err:#}") });
                    out.record(&(record.to_string() + "\n"))?;
                }
            }
        }
    }
    Ok(exit_code(failed > 0))
}

/// Status 2 when some input failed or had no body text, else success.
fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Warns on stderr when `article` has no body text; returns whether it has none.
fn warn_if_empty(article: &Article, input: &str) -> bool {
    if article.is_empty() {
        eprintln!("{WARNING} {NO_BODY} in {input}; printing its metadata only");
    }
    article.is_empty()
}

/// The article text as printed: paragraphs and a final newline (nothing for no body).
fn text(article: &Article) -> String {
    if article.is_empty() {
        String::new()
    } else {
        article.text() + "\n"
    }
}

/// Reads one input (within `--max-bytes`) and extracts its article, which may have no
/// body text.
fn extract(args: &Args, input: &str) -> anyhow::Result<Article> {
    let max_bytes = args.input.max_bytes;
    let (bytes, content_type, url) = if crate::fetch::is_url(input) {
        let page = crate::fetch::fetcher(max_bytes)
            .fetch(input)
            .with_context(|| format!("cannot fetch {input}"))?;
        if page.truncated {
            eprintln!("{WARNING} {input}: page cut at {} bytes", page.body.len());
        }
        (page.body, page.content_type, Some(page.url))
    } else {
        let bytes = crate::input::read_input(input, max_bytes)?;
        (bytes, None, args.url.clone())
    };
    let html = match args.input.input_format {
        InputFormatArg::Html => true,
        InputFormatArg::Text => false,
        InputFormatArg::Auto => match sniff(&bytes) {
            Sniffed::Html => true,
            Sniffed::Text => false,
            Sniffed::JsonLines => {
                bail!("{input} looks like JSON lines, not a page or text (give --input-format text to read it as text)")
            }
        },
    };
    let article = if html {
        lede_html::extract_bytes(&bytes, content_type.as_deref(), url.as_deref())
            .with_context(|| format!("cannot extract {input}"))?
    } else {
        let text = lede::ingest::decode_text(&bytes, max_bytes)
            .with_context(|| format!("cannot read {input} as text"))?;
        text_article(&text)
    };
    Ok(article)
}

/// The JSON of an article: its fields, `text`, the input as `id` in batches, and a
/// `warning` when it has no body text.
fn article_json(article: &Article, id: Option<&str>) -> Value {
    let mut value = serde_json::json!({});
    if let Some(id) = id {
        value["id"] = id.into();
    }
    if let Value::Object(fields) = serde_json::to_value(article).expect("articles serialize") {
        for (key, field) in fields {
            value[key] = field;
        }
    }
    value["text"] = article.text().into();
    if article.is_empty() {
        value["warning"] = NO_BODY.into();
    }
    value
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
