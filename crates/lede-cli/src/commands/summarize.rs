//! `lede summarize`: one article to bullets, or a batch (corpora, files,
//! directories, URL lists, feeds, sitemaps) to JSON lines.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use lede::ingest::{open_corpus, sniff, Record, RecordError, Records, Sniffed};
use lede::{Format, Input, Options, Summarizer, Summary};

use crate::args::{FetchArgs, FormatArg, InputArgs, RunArgs, SummaryArgs};
use crate::fetch::{is_url, Fetchers};
use crate::output::{json_line_with_url, Output, ERROR, WARNING};
use crate::sources;

/// Most inputs handed to the thread pool at once.
const CHUNK_RECORDS: usize = 1024;
/// Most bytes of records held at once (a single larger record goes alone).
const CHUNK_BYTES: usize = 64 * 1024 * 1024;
/// Duplicate ids named one by one on stderr before only counting them.
const DUPLICATES_NAMED: usize = 10;

const BATCH_HELP: &str = "\
Batches: several inputs, a directory, a corpus (.jsonl, .jsonl.gz, .ndjson, or
JSON lines on stdin), --urls, --feed or --sitemap. Corpus records are
{\"id\", \"article\"|\"text\"} (text), {\"id\", \"html\", \"url\"} (a page; the url is
metadata) or {\"id\", \"url\"} (fetched); a missing or null id becomes line-N.
Output is one JSON line per input, in input order on any -j: a summary with its
\"id\", or {\"id\", \"line\"|\"url\", \"error\"}; every input is accounted for.
--format json over several inputs prints JSON lines too; text and markdown
print each summary under a \"==> ID <==\" header, failures on stderr only.

URLs listed by the user (arguments, --urls, corpus records) are fetched as
given (--public-only guards them too); URLs found in feeds and sitemaps only
when they resolve to public addresses (--allow-private-fetch lifts that). At most --fetch-concurrency
downloads at once, one at a time per host, --host-delay-ms apart; each body is
cut at --max-bytes.

Memory: a batch holds at most 1,024 inputs and 64 MiB of record text at once
(plus the one record that crosses 64 MiB, itself at most 2 x --max-bytes of
JSON), twice that with two or more threads (the next chunk is read ahead),
plus one file or page of at most --max-bytes per worker thread and per
download (downloaded pages are summarized on the download threads); the ids seen so far are kept
to report duplicates. Output is flushed after every record, so a killed run
leaves whole lines; --resume -o FILE then skips the ids already in FILE and
appends the rest (--resume --output-dir DIR skips the ids of DIR's JSON files).
Inputs that failed are in the output too, as error records: delete their lines
or files to retry them. Exit status: 0 when every input was summarized, 2 when some
failed, 1 on a usage or setup error; a closed output pipe ends quietly with 0.";

/// Arguments of `lede summarize`.
#[derive(clap::Args)]
#[command(after_long_help = BATCH_HELP)]
pub struct Args {
    /// Article files (text or HTML), directories of them (.txt, .html, .htm,
    /// .story; recursive, sorted), http(s) URLs, corpora of JSON lines, or `-`
    /// for stdin (the default when stdin is a pipe or a file).
    inputs: Vec<String>,
    /// Output format [default: text for one article, jsonl for a batch];
    /// json over several inputs prints JSON lines.
    #[arg(short, long, value_enum)]
    format: Option<FormatArg>,
    #[command(flatten)]
    summary: SummaryArgs,
    #[command(flatten)]
    input: InputArgs,
    /// Treat every file input as a corpus of JSON lines whatever its name.
    #[arg(long)]
    jsonl: bool,
    /// A file of URLs to summarize, one per line (`-` for stdin; `#` starts a comment line).
    #[arg(long, value_name = "FILE|-")]
    urls: Vec<String>,
    /// An RSS or Atom feed (URL or file) whose item links are summarized.
    #[arg(long, value_name = "URL|FILE")]
    feed: Vec<String>,
    /// A sitemap or sitemap index (URL or file) whose pages are summarized.
    #[arg(long, value_name = "URL|FILE")]
    sitemap: Vec<String>,
    #[command(flatten)]
    fetch: FetchArgs,
    /// Write the output here instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Write one JSON file per input into this directory (named after the
    /// id, with characters other than letters, digits, `.`, `-` and `_` as `_`).
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    output_dir: Option<PathBuf>,
    /// Skip inputs whose id is already in the --output file (appending to
    /// it) or in a JSON file of the --output-dir.
    #[arg(long)]
    resume: bool,
    #[command(flatten)]
    run: RunArgs,
}

/// Runs `lede summarize`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut args = args;
    let has_sources = !(args.urls.is_empty() && args.feed.is_empty() && args.sitemap.is_empty());
    if !has_sources {
        args.inputs = crate::input::inputs_or_stdin(&args.inputs)?;
    }
    let stdin_uses = args.inputs.iter().filter(|i| *i == "-").count()
        + args.urls.iter().filter(|i| *i == "-").count();
    if stdin_uses > 1 {
        bail!("stdin (`-`) can be read only once");
    }
    let job = Job {
        summarizer: args.summary.summarizer()?,
        options: args.summary.options(args.input.max_bytes)?,
        fetchers: Fetchers::new(args.input.max_bytes, &args.fetch),
        input_format: args.input.input_format.forced(),
        max_bytes: args.input.max_bytes,
        concurrency: args.fetch.fetch_concurrency as usize,
    };
    let pool = args.run.pool()?;
    let single = args.inputs.len() == 1
        && !has_sources
        && !args.jsonl
        && args.output_dir.is_none()
        && !args.resume
        && !is_corpus_name(&args.inputs[0])
        && !Path::new(&args.inputs[0]).is_dir();
    if single {
        let name = args.inputs[0].clone();
        if is_url(&name) {
            return summarize_one(&job, &args, &name, Work::Fetch { discovered: false });
        }
        match read_single(&job, &name)? {
            Single::Article(bytes) => return summarize_one(&job, &args, &name, Work::Bytes(bytes)),
            Single::Corpus(records) => {
                let items = Box::new(records.map(Item::from_record));
                return pool.install(|| run_batch(&job, &args, items));
            }
        }
    }
    let items = batch_items(&job, &args);
    pool.install(|| run_batch(&job, &args, items))
}

/// What a single file or stdin turned out to be.
enum Single {
    /// The bytes of one article.
    Article(Vec<u8>),
    /// JSON lines: a corpus after all.
    Corpus(Records<Box<dyn BufRead + Send>>),
}

/// Reads a file or stdin far enough to tell an article from a corpus.
fn read_single(job: &Job, name: &str) -> anyhow::Result<Single> {
    let reader: Box<dyn Read + Send> = if name == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(name).with_context(|| format!("cannot open {name}"))?)
    };
    let what = if name == "-" { "stdin" } else { name };
    let mut reader = reader;
    let prefix = crate::input::read_prefix(&mut reader, job.max_bytes, what)?;
    if job.input_format.is_none() && sniff(&prefix) == Sniffed::JsonLines {
        let rest = BufReader::new(Cursor::new(prefix).chain(reader));
        let reader: Box<dyn BufRead + Send> = Box::new(rest);
        return Ok(Single::Corpus(Records::new(
            reader,
            lede::ingest::max_record_bytes(job.max_bytes),
        )));
    }
    if prefix.len() > job.max_bytes {
        bail!(
            "{what} is over the limit of {} bytes (raise it with --max-bytes)",
            job.max_bytes
        );
    }
    Ok(Single::Article(prefix))
}

/// Summarizes one article (or URL) to stdout or `-o` in the asked format.
fn summarize_one(job: &Job, args: &Args, name: &str, work: Work) -> anyhow::Result<ExitCode> {
    let item = Item {
        id: name.to_owned(),
        line: None,
        url: is_url(name).then(|| name.to_owned()),
        work,
    };
    let (summary, _) = job.summarize(&item).map_err(anyhow::Error::msg)?;
    let format = args.format.map_or(Format::Text, Format::from);
    let mut out = Output::open(args.output.as_deref(), false)?;
    out.record(&summary.render(format))?;
    if matches!(format, Format::Text | Format::Markdown) {
        for warning in &summary.warnings {
            eprintln!("{WARNING} {}", warning_text(warning));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A warning as printed beside text output, with the option that lifts it.
fn warning_text(warning: &lede::Warning) -> String {
    match warning {
        lede::Warning::NothingFits { .. } => format!("{warning} (--at-least-one gives one anyway)"),
        _ => warning.to_string(),
    }
}

fn is_corpus_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.ends_with(".jsonl") || name.ends_with(".jsonl.gz") || name.ends_with(".ndjson")
}

/// The summarizer, options and fetchers every input of the run shares.
struct Job {
    summarizer: Summarizer,
    options: Options,
    fetchers: Fetchers,
    input_format: Option<lede::InputFormat>,
    max_bytes: usize,
    concurrency: usize,
}

/// One input of a batch.
struct Item {
    /// The id its output carries.
    id: String,
    /// Its line in a corpus.
    line: Option<usize>,
    /// The page's address (to fetch, or metadata of an HTML record).
    url: Option<String>,
    work: Work,
}

/// What summarizing an item takes.
enum Work {
    /// Plain text of a corpus record.
    Text(String),
    /// The markup of an HTML record.
    Html(String),
    /// Bytes read already (stdin).
    Bytes(Vec<u8>),
    /// A file, read when summarized.
    File(PathBuf),
    /// The item's `url`, downloaded when summarized; `discovered` URLs (from
    /// feeds and sitemaps) go through the private-address guard.
    Fetch { discovered: bool },
    /// The input could not be read; the message says why.
    Failed(String),
}

impl Item {
    fn failed(id: String, message: String) -> Item {
        Item {
            id,
            line: None,
            url: None,
            work: Work::Failed(message),
        }
    }

    fn url(url: String, discovered: bool) -> Item {
        Item {
            id: url.clone(),
            line: None,
            url: Some(url),
            work: Work::Fetch { discovered },
        }
    }

    fn from_record(record: Result<Record, RecordError>) -> Item {
        match record {
            Err(e) => Item {
                id: e.id.unwrap_or_else(|| format!("line-{}", e.line)),
                line: Some(e.line),
                url: None,
                work: Work::Failed(e.message),
            },
            Ok(r) => {
                let work = if r.is_html {
                    Work::Html(r.article)
                } else if r.article.is_empty() && r.url.is_some() {
                    Work::Fetch { discovered: false }
                } else {
                    Work::Text(r.article)
                };
                Item {
                    id: r.id,
                    line: Some(r.line),
                    url: r.url,
                    work,
                }
            }
        }
    }

    /// Bytes this item holds in memory before it is summarized.
    fn held_bytes(&self) -> usize {
        match &self.work {
            Work::Text(s) | Work::Html(s) | Work::Failed(s) => s.len(),
            Work::Bytes(b) => b.len(),
            Work::File(_) | Work::Fetch { .. } => 0,
        }
    }
}

impl Job {
    /// Summarizes one item; the error is the message its error record carries.
    /// Also returns the final URL of a fetched page.
    fn summarize(&self, item: &Item) -> Summarized {
        let err = |e: lede::Error| e.to_string();
        match &item.work {
            Work::Failed(message) => Err(message.clone()),
            Work::Text(text) => self.summarizer.summarize(text, &self.options).map_err(err),
            Work::Html(html) => {
                let input = Input::Html {
                    html,
                    url: item.url.as_deref(),
                };
                self.summarizer.summarize(input, &self.options).map_err(err)
            }
            Work::Bytes(bytes) => self.summarize_bytes(bytes),
            Work::File(path) => {
                let name = path.display().to_string();
                let bytes = crate::input::read_input(&name, self.max_bytes)
                    .map_err(|e| format!("{e:#}"))?;
                self.summarize_bytes(&bytes)
            }
            Work::Fetch { discovered } => {
                let url = item.url.as_deref().unwrap_or(&item.id);
                let page = self
                    .fetchers
                    .fetch(url, *discovered)
                    .map_err(|e| format!("cannot fetch {url}: {e}"))?;
                let input = Input::page(&page.body, page.content_type.as_deref(), &page.url);
                let mut summary = self
                    .summarizer
                    .summarize(input, &self.options)
                    .map_err(err)?;
                if page.truncated {
                    summary.warnings.push(lede::Warning::PageTruncated {
                        bytes: page.body.len(),
                    });
                }
                return Ok((summary, Some(page.url)));
            }
        }
        .map(|summary| (summary, None))
    }

    fn summarize_bytes(&self, bytes: &[u8]) -> Result<Summary, String> {
        self.summarizer
            .summarize(Input::bytes_as(bytes, self.input_format), &self.options)
            .map_err(|e| e.to_string())
    }
}

/// The items of a batch, in input order: positional inputs, then `--urls`
/// lists, feeds and sitemaps. Feeds and sitemaps are read when reached.
fn batch_items<'a>(job: &'a Job, args: &'a Args) -> Box<dyn Iterator<Item = Item> + Send + 'a> {
    let positional = args
        .inputs
        .iter()
        .flat_map(move |name| input_items(job, args, name));
    let lists = args.urls.iter().flat_map(|list| url_list_items(list));
    let feeds = args
        .feed
        .iter()
        .flat_map(move |feed| discovered_items(job, feed, false));
    let sitemaps = args
        .sitemap
        .iter()
        .flat_map(move |map| discovered_items(job, map, true));
    Box::new(positional.chain(lists).chain(feeds).chain(sitemaps))
}

type Items<'a> = Box<dyn Iterator<Item = Item> + Send + 'a>;

fn input_items<'a>(job: &'a Job, args: &Args, name: &str) -> Items<'a> {
    if is_url(name) {
        return Box::new(std::iter::once(Item::url(name.to_owned(), false)));
    }
    let path = Path::new(name);
    let max_line = lede::ingest::max_record_bytes(job.max_bytes);
    if name == "-" {
        return match read_single(job, name) {
            Ok(Single::Corpus(records)) => Box::new(records.map(Item::from_record)),
            Ok(Single::Article(bytes)) => Box::new(std::iter::once(Item {
                id: name.to_owned(),
                line: None,
                url: None,
                work: Work::Bytes(bytes),
            })),
            Err(e) => Box::new(std::iter::once(Item::failed(
                name.to_owned(),
                format!("{e:#}"),
            ))),
        };
    }
    if path.is_dir() {
        return match sources::article_files(path) {
            Ok(files) => Box::new(files.into_iter().map(|file| Item {
                id: file.display().to_string(),
                line: None,
                url: None,
                work: Work::File(file),
            })),
            Err(e) => Box::new(std::iter::once(Item::failed(
                name.to_owned(),
                format!("{e:#}"),
            ))),
        };
    }
    if args.jsonl || is_corpus_name(name) {
        return match open_corpus(path, max_line) {
            Ok(records) => Box::new(records.map(Item::from_record)),
            Err(e) => Box::new(std::iter::once(Item::failed(
                name.to_owned(),
                e.to_string(),
            ))),
        };
    }
    Box::new(std::iter::once(Item {
        id: name.to_owned(),
        line: None,
        url: None,
        work: Work::File(path.to_owned()),
    }))
}

fn url_list_items(list: &str) -> Items<'static> {
    let reader: io::Result<Box<dyn BufRead + Send>> = if list == "-" {
        Ok(Box::new(BufReader::new(io::stdin())))
    } else {
        File::open(list).map(|f| Box::new(BufReader::new(f)) as Box<dyn BufRead + Send>)
    };
    let list = list.to_owned();
    match reader {
        Ok(reader) => Box::new(sources::url_list(reader).map(move |url| match url {
            Ok(url) => Item::url(url, false),
            Err(e) => Item::failed(list.clone(), format!("cannot read {list}: {e}")),
        })),
        Err(e) => Box::new(std::iter::once(Item::failed(
            list.clone(),
            format!("cannot open {list}: {e}"),
        ))),
    }
}

/// The pages a feed or sitemap lists; a sitemap index's sitemaps are read
/// too (one level). A source that cannot be read becomes one error item.
fn discovered_items<'a>(job: &'a Job, location: &str, sitemap: bool) -> Items<'a> {
    let what = if sitemap { "sitemap" } else { "feed" };
    let links = match read_links(job, location, false) {
        Ok(links) => links,
        Err(e) => {
            return Box::new(std::iter::once(Item::failed(
                location.to_owned(),
                format!("cannot read {what} {location}: {e:#}"),
            )))
        }
    };
    let pages = links.pages.into_iter().map(|url| Item::url(url, true));
    let nested =
        links
            .sitemaps
            .into_iter()
            .flat_map(move |map| match read_links(job, &map, true) {
                Ok(inner) => {
                    if !inner.sitemaps.is_empty() {
                        eprintln!("{WARNING} {map}: nested sitemap indexes are not followed");
                    }
                    let pages: Vec<Item> = inner
                        .pages
                        .into_iter()
                        .map(|u| Item::url(u, true))
                        .collect();
                    pages
                }
                Err(e) => vec![Item::failed(
                    map.clone(),
                    format!("cannot read sitemap {map}: {e:#}"),
                )],
            });
    Box::new(pages.chain(nested))
}

/// Reads and parses a feed or sitemap from a URL or a file, within `--max-bytes`.
fn read_links(job: &Job, location: &str, discovered: bool) -> anyhow::Result<sources::Links> {
    let bytes = if is_url(location) {
        let page = job.fetchers.fetch_feed(location, discovered)?;
        if page.truncated {
            bail!(
                "larger than {} bytes (raise it with --max-bytes)",
                job.max_bytes
            );
        }
        page.body
    } else {
        crate::input::read_input(location, job.max_bytes)?
    };
    let text = lede_html::decode::decode_text(&bytes);
    sources::links(&text)
}

/// A summary and the final URL of a fetched page, or an error message.
type Summarized = Result<(Summary, Option<String>), String>;

/// One input's result, in input order.
struct Outcome {
    id: String,
    line: Option<usize>,
    url: Option<String>,
    result: Result<Summary, String>,
}

impl Outcome {
    /// The JSON of the result: the summary (which carries its id) with the
    /// fetched page's final `url`, or an error record.
    fn json(&self, format: Format) -> String {
        match &self.result {
            Ok(summary) => match &self.url {
                None => summary.render(format),
                Some(url) if format == Format::Jsonl => json_line_with_url(summary, url),
                Some(url) => {
                    let mut value = serde_json::to_value(summary).expect("summaries serialize");
                    value["url"] = url.clone().into();
                    render_value(&value, format)
                }
            },
            Err(message) => {
                let mut value = serde_json::json!({ "id": self.id });
                if let Some(line) = self.line {
                    value["line"] = line.into();
                }
                if let Some(url) = &self.url {
                    value["url"] = url.clone().into();
                }
                value["error"] = message.clone().into();
                render_value(&value, format)
            }
        }
    }
}

fn render_value(value: &serde_json::Value, format: Format) -> String {
    if format == Format::Json {
        serde_json::to_string_pretty(value).expect("JSON values serialize") + "\n"
    } else {
        value.to_string() + "\n"
    }
}

#[derive(Default)]
struct Totals {
    ok: usize,
    failed: usize,
    skipped: usize,
    duplicates: usize,
}

/// Where a batch's results go.
enum Sink {
    /// One stream (stdout or `-o`), in `format`.
    Stream {
        out: Output,
        format: Format,
        first: bool,
    },
    /// One JSON file per input.
    Dir {
        dir: PathBuf,
        names: HashSet<String>,
    },
}

impl Sink {
    /// Whether [`Sink::write`] prints each outcome as one JSON line (which
    /// [`Outcome::json`] renders, so a chunk's lines can be rendered on the
    /// thread pool first).
    fn prints_json_lines(&self) -> bool {
        matches!(
            self,
            Sink::Stream {
                format: Format::Json | Format::Jsonl,
                ..
            }
        )
    }

    /// Writes `outcome`; `line` is its JSON line when rendered already.
    fn write(&mut self, outcome: &Outcome, line: Option<String>) -> anyhow::Result<()> {
        match self {
            Sink::Stream { out, format, first } => match format {
                Format::Text | Format::Markdown => {
                    if let Err(message) = &outcome.result {
                        eprintln!("{ERROR} {}: {message}", outcome.id);
                        return Ok(());
                    }
                    let gap = if *first { "" } else { "\n" };
                    *first = false;
                    let body = outcome
                        .result
                        .as_ref()
                        .map(|s| {
                            for warning in &s.warnings {
                                eprintln!("{WARNING} {}: {}", outcome.id, warning_text(warning));
                            }
                            s.render(*format)
                        })
                        .unwrap_or_default();
                    out.record(&format!("{gap}==> {} <==\n{body}", outcome.id))
                }
                Format::Json | Format::Jsonl => {
                    out.record(&line.unwrap_or_else(|| outcome.json(Format::Jsonl)))
                }
            },
            Sink::Dir { dir, names } => {
                let base = file_name(&outcome.id);
                let mut name = format!("{base}.json");
                let mut n = 1;
                while !names.insert(name.clone()) {
                    n += 1;
                    name = format!("{base}-{n}.json");
                }
                let path = dir.join(&name);
                std::fs::write(&path, outcome.json(Format::Json))
                    .with_context(|| format!("cannot write {}", path.display()))
            }
        }
    }
}

/// A file name for an id: letters, digits, `.`, `-` and `_` kept, the rest `_`.
fn file_name(id: &str) -> String {
    let name: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(200)
        .collect();
    let name = name.trim_start_matches('.');
    if name.is_empty() {
        "_".to_owned()
    } else {
        name.to_owned()
    }
}

/// The ids already in a `--resume` output file; a last line cut short by a
/// crash is removed first so appending starts on a record boundary.
fn done_ids(path: &Path) -> anyhow::Result<HashSet<String>> {
    let mut ids = HashSet::new();
    let file = match File::options().read(true).write(true).open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(ids),
        Err(e) => return Err(e).with_context(|| format!("cannot open {}", path.display())),
    };
    let mut reader = BufReader::new(&file);
    let mut line = Vec::new();
    let mut whole = 0u64;
    loop {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .with_context(|| format!("cannot read {}", path.display()))?;
        if n == 0 || line.last() != Some(&b'\n') {
            break;
        }
        whole += n as u64;
        if let Ok(value) = serde_json::from_slice::<serde_json::Value>(&line) {
            ids.extend(id_text(&value["id"]));
        }
    }
    if whole < file.metadata()?.len() {
        eprintln!(
            "{WARNING} {}: dropping a last line cut short",
            path.display()
        );
        file.set_len(whole)
            .with_context(|| format!("cannot truncate {}", path.display()))?;
    }
    Ok(ids)
}

/// The ids in the JSON files of a `--resume` output directory, and the
/// files' names (so new files never replace them).
fn done_files(dir: &Path) -> anyhow::Result<(HashSet<String>, HashSet<String>)> {
    let (mut ids, mut names) = (HashSet::new(), HashSet::new());
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !name.ends_with(".json") {
            continue;
        }
        names.insert(name.to_owned());
        let id = std::fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
            .and_then(|value| id_text(&value["id"]));
        ids.extend(id);
    }
    Ok((ids, names))
}

/// An id as text: strings as they are, numbers rendered.
fn id_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(id) => Some(id.clone()),
        serde_json::Value::Number(id) => Some(id.to_string()),
        _ => None,
    }
}

fn progress_bar(args: &Args) -> ProgressBar {
    if args.run.no_progress || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {human_pos} inputs [{elapsed_precise}] {per_sec}")
            .expect("valid progress template"),
    );
    bar
}

/// Summarizes a batch in chunks, writing results in input order.
fn run_batch(job: &Job, args: &Args, items: Items<'_>) -> anyhow::Result<ExitCode> {
    let format = args.format.map_or(Format::Jsonl, Format::from);
    let mut done = HashSet::new();
    let mut sink = match &args.output_dir {
        Some(dir) => {
            if matches!(format, Format::Text | Format::Markdown) {
                bail!("--output-dir writes JSON files; drop --format text/markdown");
            }
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            let mut names = HashSet::new();
            if args.resume {
                (done, names) = done_files(dir)?;
            }
            Sink::Dir {
                dir: dir.clone(),
                names,
            }
        }
        None => {
            if args.resume {
                let path = args
                    .output
                    .as_deref()
                    .context("--resume needs --output or --output-dir")?;
                done = done_ids(path)?;
            }
            Sink::Stream {
                out: Output::open(args.output.as_deref(), args.resume)?,
                format,
                first: true,
            }
        }
    };
    let progress = progress_bar(args);
    let mut totals = Totals::default();
    let mut chunks = Chunks {
        items: items.peekable(),
        done,
        seen: HashSet::new(),
        skipped: 0,
        duplicates: 0,
    };
    let mut run_chunk = |chunk: Vec<Item>| -> anyhow::Result<()> {
        let outcomes = summarize_chunk(job, chunk, &progress);
        let json_lines = sink.prints_json_lines();
        let lines: Vec<Option<String>> = outcomes
            .par_iter()
            .map(|o| json_lines.then(|| o.json(Format::Jsonl)))
            .collect();
        for (outcome, line) in outcomes.iter().zip(lines) {
            if outcome.result.is_ok() {
                totals.ok += 1;
            } else {
                totals.failed += 1;
            }
            sink.write(outcome, line)?;
        }
        Ok(())
    };
    if rayon::current_num_threads() > 1 {
        // With more than one worker, a reader thread decompresses and
        // parses the next chunk while the pool summarizes this one.
        chunks = std::thread::scope(|scope| {
            // A rendezvous channel: the reader holds at most the one chunk
            // it has read ahead.
            let (sender, receiver) = std::sync::mpsc::sync_channel(0);
            let reader = scope.spawn(move || {
                for chunk in chunks.by_ref() {
                    if sender.send(chunk).is_err() {
                        break;
                    }
                }
                chunks
            });
            for chunk in receiver {
                run_chunk(chunk)?;
            }
            anyhow::Ok(reader.join().expect("the reader thread does not panic"))
        })?;
    } else {
        for chunk in chunks.by_ref() {
            run_chunk(chunk)?;
        }
    }
    totals.skipped = chunks.skipped;
    totals.duplicates = chunks.duplicates;
    progress.finish_and_clear();
    let mut report = format!(
        "summarized {} inputs: {} ok, {} failed",
        totals.ok + totals.failed,
        totals.ok,
        totals.failed
    );
    if totals.skipped > 0 {
        report += &format!(", {} skipped (already in the output)", totals.skipped);
    }
    if totals.duplicates > 0 {
        report += &format!(", {} duplicate ids", totals.duplicates);
    }
    eprintln!("{report} (algorithm: {})", args.summary.describe());
    Ok(if totals.failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// A batch's inputs in chunks of at most [`CHUNK_RECORDS`] inputs and
/// [`CHUNK_BYTES`] bytes, without those already done; counts what it
/// skips and names the first duplicate ids.
struct Chunks<'a> {
    items: std::iter::Peekable<Items<'a>>,
    done: HashSet<String>,
    seen: HashSet<String>,
    skipped: usize,
    duplicates: usize,
}

impl Iterator for Chunks<'_> {
    type Item = Vec<Item>;

    fn next(&mut self) -> Option<Vec<Item>> {
        self.items.peek()?;
        let mut chunk = Vec::new();
        let mut bytes = 0;
        while chunk.len() < CHUNK_RECORDS && bytes < CHUNK_BYTES {
            let Some(item) = self.items.next() else { break };
            if self.done.contains(&item.id) {
                self.skipped += 1;
                continue;
            }
            if !self.seen.insert(item.id.clone()) {
                self.duplicates += 1;
                if self.duplicates <= DUPLICATES_NAMED {
                    eprintln!("{WARNING} duplicate id {}", item.id);
                }
            }
            bytes += item.held_bytes();
            chunk.push(item);
        }
        Some(chunk)
    }
}

/// Summarizes a chunk: downloads on `--fetch-concurrency` threads, the rest
/// on the thread pool; results come back in the chunk's order.
fn summarize_chunk(job: &Job, chunk: Vec<Item>, progress: &ProgressBar) -> Vec<Outcome> {
    let is_fetch = |item: &Item| matches!(item.work, Work::Fetch { .. });
    let fetches: Vec<usize> = (0..chunk.len()).filter(|&i| is_fetch(&chunk[i])).collect();
    let run = |item: &Item| {
        let result = job.summarize(item);
        progress.inc(1);
        result
    };
    let mut results: Vec<Option<Summarized>> = (0..chunk.len()).map(|_| None).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..job.concurrency.min(fetches.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&i) = fetches.get(k) else { break };
                        mine.push((i, run(&chunk[i])));
                    }
                    mine
                })
            })
            .collect();
        let local: Vec<(usize, _)> = chunk
            .par_iter()
            .enumerate()
            .filter(|(_, item)| !is_fetch(item))
            .map(|(i, item)| (i, run(item)))
            .collect();
        for (i, result) in local {
            results[i] = Some(result);
        }
        for worker in workers {
            for (i, result) in worker.join().expect("fetch worker panicked") {
                results[i] = Some(result);
            }
        }
    });
    chunk
        .into_iter()
        .zip(results)
        .map(|(item, result)| {
            let result = result.expect("every item is summarized");
            let (result, final_url) = match result {
                Ok((mut summary, url)) => {
                    summary.id = Some(item.id.clone());
                    (Ok(summary), url)
                }
                Err(e) => (Err(e), None),
            };
            Outcome {
                id: item.id,
                line: item.line,
                url: final_url.or(item.url),
                result,
            }
        })
        .collect()
}
