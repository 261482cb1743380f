//! `lede summarize`: one article to bullets, or a corpus to JSON lines.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use lede::ingest::{open_corpus, Record, RecordError};
use lede::{Format, Input, Options, Summarizer, Summary};

use crate::args::{InputArgs, RunArgs, SummaryArgs};

/// Records handed to the thread pool at once; bounds memory in batch mode.
const CHUNK: usize = 1024;

/// Arguments of `lede summarize`.
#[derive(clap::Args)]
pub struct Args {
    /// Article files (text or HTML; `-` for stdin), http(s) URLs, or one
    /// corpus of JSON lines (`.jsonl`, `.jsonl.gz`) with `{"id", "article"}`
    /// (or `"html"`) per line.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Output format of single articles (corpora always produce JSON lines).
    #[arg(short, long, default_value = "text", value_parser = ["text", "markdown", "json", "jsonl"])]
    format: String,
    #[command(flatten)]
    summary: SummaryArgs,
    #[command(flatten)]
    input: InputArgs,
    /// Treat the input as a corpus of JSON lines whatever its name.
    #[arg(long)]
    jsonl: bool,
    /// Write the output here instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    run: RunArgs,
}

impl Args {
    fn is_corpus(&self) -> bool {
        self.jsonl
            || (self.inputs.len() == 1 && {
                let name = self.inputs[0].to_ascii_lowercase();
                name.ends_with(".jsonl") || name.ends_with(".jsonl.gz") || name.ends_with(".ndjson")
            })
    }
}

/// Runs `lede summarize`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let job = Job {
        summarizer: args.summary.summarizer()?,
        options: args.summary.options(args.input.max_bytes)?,
        fetcher: crate::fetch::fetcher(args.input.max_bytes),
    };
    let mut out: Box<dyn Write + Send> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout())),
    };
    let pool = args.run.pool()?;
    let code = if args.is_corpus() {
        if args.inputs.len() != 1 {
            bail!("give one corpus file at a time");
        }
        let totals = pool.install(|| summarize_corpus(&job, &args, &mut out))?;
        eprintln!(
            "summarized {} records: {} ok, {} failed (algorithm: {})",
            totals.ok + totals.failed,
            totals.ok,
            totals.failed,
            args.summary.describe(),
        );
        if totals.failed > 0 {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        }
    } else {
        pool.install(|| summarize_files(&job, &args, &mut out))?
    };
    out.flush().context("cannot write output")?;
    Ok(code)
}

/// The summarizer, options and fetcher every input of the run shares.
struct Job {
    summarizer: Summarizer,
    options: Options,
    fetcher: lede_fetch::Fetcher,
}

fn summarize_files(job: &Job, args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let format: Format = args.format.parse()?;
    if let [input] = args.inputs.as_slice() {
        let summary = summarize_input(job, args, input).context(input.clone())?;
        out.write_all(summary.render(format).as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut failed = 0;
    for (chunk_index, chunk) in args.inputs.chunks(CHUNK).enumerate() {
        let results: Vec<anyhow::Result<Summary>> = chunk
            .par_iter()
            .map(|input| summarize_input(job, args, input))
            .collect();
        for (k, (input, result)) in chunk.iter().zip(results).enumerate() {
            match result {
                Ok(mut summary) => {
                    summary.id = Some(input.clone());
                    if matches!(format, Format::Text | Format::Markdown) {
                        let gap = if chunk_index + k > 0 { "\n" } else { "" };
                        writeln!(out, "{gap}==> {input} <==")?;
                    }
                    out.write_all(summary.render(format).as_bytes())?;
                }
                Err(err) => {
                    failed += 1;
                    eprintln!("error: {input}: {err:#}");
                    if matches!(format, Format::Json | Format::Jsonl) {
                        let record =
                            serde_json::json!({ "id": input, "error": format!("{err:#}") });
                        writeln!(out, "{record}")?;
                    }
                }
            }
        }
    }
    let total = args.inputs.len();
    eprintln!(
        "summarized {total} files: {} ok, {failed} failed",
        total - failed
    );
    Ok(if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Summarizes one file, `-` (stdin) or http(s) URL.
fn summarize_input(job: &Job, args: &Args, input: &str) -> anyhow::Result<Summary> {
    if crate::fetch::is_url(input) {
        let page = job.fetcher.fetch(input)?;
        let page_input = Input::page(&page.body, page.content_type.as_deref(), &page.url);
        let mut summary = job.summarizer.summarize(page_input, &job.options)?;
        if page.truncated {
            summary.warnings.push(lede::Warning::PageTruncated {
                bytes: page.body.len(),
            });
        }
        return Ok(summary);
    }
    let format_hint = args.input.input_format.forced();
    let bytes = read_input(input, args.input.max_bytes)?;
    Ok(job
        .summarizer
        .summarize(Input::bytes_as(&bytes, format_hint), &job.options)?)
}

/// Reads a file or stdin, refusing to hold more than `max_bytes`.
fn read_input(input: &str, max_bytes: usize) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let limit = max_bytes as u64 + 1;
    if input == "-" {
        io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .context("cannot read stdin")?;
    } else {
        File::open(Path::new(input))
            .with_context(|| format!("cannot open {input}"))?
            .take(limit)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read {input}"))?;
    }
    if bytes.len() > max_bytes {
        bail!("input is over the limit of {max_bytes} bytes (raise it with --max-bytes)");
    }
    Ok(bytes)
}

#[derive(Default)]
struct Totals {
    ok: usize,
    failed: usize,
}

fn summarize_corpus(job: &Job, args: &Args, out: &mut dyn Write) -> anyhow::Result<Totals> {
    let path = Path::new(&args.inputs[0]);
    let records: Box<dyn Iterator<Item = Result<Record, RecordError>>> = if args.inputs[0] == "-" {
        Box::new(lede::ingest::Records::new(
            io::stdin().lock(),
            lede::ingest::max_record_bytes(args.input.max_bytes),
        ))
    } else {
        Box::new(open_corpus(
            path,
            lede::ingest::max_record_bytes(args.input.max_bytes),
        )?)
    };
    let progress = if !args.run.no_progress && io::stderr().is_terminal() {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {human_pos} records [{elapsed_precise}] {per_sec}",
            )
            .expect("valid progress template"),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut totals = Totals::default();
    let mut records = records.peekable();
    let mut chunk: Vec<Result<Record, RecordError>> = Vec::with_capacity(CHUNK);
    while records.peek().is_some() {
        chunk.clear();
        chunk.extend(records.by_ref().take(CHUNK));
        let lines: Vec<(bool, String)> =
            chunk.par_iter().map(|r| summarize_record(job, r)).collect();
        for (ok, line) in lines {
            if ok {
                totals.ok += 1;
            } else {
                totals.failed += 1;
            }
            out.write_all(line.as_bytes())
                .context("cannot write output")?;
        }
        progress.inc(chunk.len() as u64);
    }
    progress.finish_and_clear();
    Ok(totals)
}

/// One output line for one record: a summary, or an error record.
fn summarize_record(job: &Job, record: &Result<Record, RecordError>) -> (bool, String) {
    let error_line = |id: Option<&str>, line: usize, message: String| {
        let value = serde_json::json!({ "id": id, "line": line, "error": message });
        (false, value.to_string() + "\n")
    };
    match record {
        Err(e) => error_line(e.id.as_deref(), e.line, e.message.clone()),
        Ok(record) if record.is_html => error_line(
            Some(&record.id),
            record.line,
            "HTML records are not supported yet".into(),
        ),
        Ok(record) => match job.summarizer.summarize(&record.article, &job.options) {
            Ok(mut summary) => {
                summary.id = Some(record.id.clone());
                (true, summary.render(Format::Jsonl))
            }
            Err(err) => error_line(Some(&record.id), record.line, err.to_string()),
        },
    }
}
