//! `lede eval`: ROUGE of predictions against references, with bootstrap
//! confidence intervals, per-document scores and paired system comparison.
//!
//! Scores are those of Google's rouge-score 0.1.2 (see `lede-rouge`): the
//! summary sentences and the reference bullets are each joined by `\n`.
//! With `--language xx` (other than `en`) texts are tokenized as XL-Sum's
//! multilingual ROUGE does: lowercase runs of letters and digits of any
//! script, stemmed with the language's Snowball stemmer; the dataset is
//! then summarized with that language's rules too.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use rayon::prelude::*;
use serde_json::{json, Value};

use crate::args::{AlgorithmArg, LanguageArg, SummaryArgs};
use lede_rouge::{
    Aggregate, Bootstrap, Config, Interval, RougeScorer, RougeType, Scores, Tokenizer,
};
use lede_train::{describe_tokenizer, rouge_tokenizer};

/// Ids listed at most in a mismatch error.
const MAX_LISTED: usize = 10;

/// Longest line accepted in prediction and reference files.
const MAX_LINE_BYTES: usize = 64 << 20;

/// Arguments of `lede eval`.
#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("mode").required(true).args(["pred", "compare", "dataset", "dataset_flag"])))]
pub struct Args {
    /// A corpus (`{"id", "article", "highlights"}` lines) to summarize and
    /// score, with the learned algorithm unless --algorithm says otherwise.
    #[arg(value_name = "DATASET", conflicts_with_all = ["gold", "dataset_flag"])]
    dataset: Option<PathBuf>,
    /// The dataset, as older scripts give it.
    #[arg(long = "dataset", hide = true, conflicts_with = "gold")]
    dataset_flag: Option<PathBuf>,
    /// Predictions: JSON lines `{"id", "summary": [sentences]}` (or the
    /// output of `lede summarize`, with `bullets`).
    #[arg(long, requires = "gold")]
    pred: Option<PathBuf>,
    /// References: JSON lines (`.jsonl` or `.jsonl.gz`) `{"id", "highlights": [bullets]}`.
    #[arg(long)]
    gold: Option<PathBuf>,
    /// Compare two prediction files on the same references (paired test).
    #[arg(long, num_args = 2, value_names = ["A", "B"], requires = "gold", conflicts_with = "per_doc")]
    compare: Option<Vec<PathBuf>>,
    /// How the dataset is summarized (dataset mode only).
    #[command(flatten)]
    summary: SummaryArgs,
    /// Score the documents present in both files and warn about the others
    /// (and about duplicate ids, keeping the first) instead of failing.
    #[arg(long)]
    allow_mismatch: bool,
    /// Output format.
    #[arg(long, default_value = "table", value_parser = ["table", "json"])]
    format: String,
    /// Write per-document scores here (`.csv` for CSV, else JSON lines).
    #[arg(long, value_name = "FILE")]
    per_doc: Option<PathBuf>,
    /// Score without stemming (Porter, or the language's Snowball stemmer).
    #[arg(long)]
    no_stemmer: bool,
    /// Bootstrap resamples for confidence intervals (permutations for `--compare`).
    #[arg(long, default_value_t = 1000)]
    samples: usize,
    /// Seed of the resampling.
    #[arg(long, default_value_t = Bootstrap::default().seed)]
    seed: u64,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long)]
    threads: Option<usize>,
}

/// Runs `lede eval`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    in_pool(args.threads, || run_in_pool(&args))
}

/// Runs `f` on a thread pool of `threads` workers (default: all cores).
pub(crate) fn in_pool<T: Send>(
    threads: Option<usize>,
    f: impl FnOnce() -> anyhow::Result<T> + Send,
) -> anyhow::Result<T> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?
        .install(f)
}

fn run_in_pool(args: &Args) -> anyhow::Result<ExitCode> {
    let tokenizer = match args.summary.language {
        None => Tokenizer::RougeScore,
        Some(LanguageArg(Some(language))) => rouge_tokenizer(language),
        Some(LanguageArg(None)) => Tokenizer::Multilingual(None),
    };
    let scorer = RougeScorer::new(Config {
        types: RougeType::STANDARD.to_vec(),
        stemmer: !args.no_stemmer,
    })?
    .with_tokenizer(tokenizer);
    eprintln!("ROUGE: {}", describe_tokenizer(tokenizer, !args.no_stemmer));
    if let Some(paths) = &args.compare {
        return compare(args, &scorer, &paths[0], &paths[1]);
    }
    let dataset = args.dataset.as_ref().or(args.dataset_flag.as_ref());
    let summary = &args.summary;
    let summary_options_given = summary.algorithm != AlgorithmArg::Learned
        || summary.model.is_some()
        || summary.sentences.is_some()
        || summary.words.is_some()
        || summary.chars.is_some()
        || summary.ratio.is_some()
        || summary.max_overlap.is_some();
    if dataset.is_none() && summary_options_given {
        bail!("--algorithm, --model and the length options apply to a DATASET; --pred and --compare score given predictions");
    }
    let docs = match (&args.pred, dataset) {
        (Some(pred), _) => {
            let gold = read_gold(
                args.gold.as_deref().context("--pred needs --gold")?,
                args.allow_mismatch,
            )?;
            let pred = read_predictions(pred, args.allow_mismatch)?;
            match_ids(&gold, &[&pred], args.allow_mismatch)?
        }
        (None, Some(dataset)) => summarize_dataset(dataset, args)?,
        (None, None) => bail!("give --pred, --compare or --dataset"),
    };
    let scores = score_all(&scorer, &docs);
    if let Some(path) = &args.per_doc {
        write_per_doc(path, &docs, &scores)?;
    }
    let bootstrap = bootstrap(args);
    let aggregates = lede_rouge::aggregate(&scores, &bootstrap)?;
    let report = Report {
        documents: docs.len(),
        stemmer: !args.no_stemmer,
        tokenizer,
        bootstrap,
        aggregates: &aggregates,
    };
    print_report(&report, &args.format)?;
    Ok(ExitCode::SUCCESS)
}

fn bootstrap(args: &Args) -> Bootstrap {
    Bootstrap {
        samples: args.samples,
        seed: args.seed,
        ..Bootstrap::default()
    }
}

/// One document to score: its id, reference and one prediction per system,
/// each already joined by `\n`.
pub(crate) struct Doc {
    pub id: String,
    pub reference: String,
    pub predictions: Vec<String>,
}

/// Joins sentences by `\n`, turning line breaks inside a sentence into
/// spaces so that ROUGE-Lsum sees exactly one line per sentence.
pub(crate) fn join_lines<S: AsRef<str>>(sentences: &[S]) -> String {
    let lines: Vec<String> = sentences
        .iter()
        .map(|s| s.as_ref().replace(['\r', '\n'], " "))
        .collect();
    lines.join("\n")
}

/// Scores every document's first prediction, in parallel, in order.
pub(crate) fn score_all(scorer: &RougeScorer, docs: &[Doc]) -> Vec<Scores> {
    score_system(scorer, docs, 0)
}

fn score_system(scorer: &RougeScorer, docs: &[Doc], system: usize) -> Vec<Scores> {
    docs.par_iter()
        .map(|d| scorer.score(&d.predictions[system], &d.reference))
        .collect()
}

/// Calls `f(line_number, value)` for each non-blank JSON line of `path`
/// (gzip-compressed when it ends in `.gz`).
fn for_each_json_line(
    path: &Path,
    mut f: impl FnMut(usize, Value) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut reader: Box<dyn BufRead> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    let mut line = Vec::new();
    for n in 1.. {
        line.clear();
        let read = (&mut reader)
            .take(MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut line)
            .with_context(|| format!("cannot read {}", path.display()))?;
        if read == 0 {
            break;
        }
        if line.len() > MAX_LINE_BYTES {
            bail!(
                "{}: line {n} is longer than {MAX_LINE_BYTES} bytes",
                path.display()
            );
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let value: Value = serde_json::from_slice(&line)
            .with_context(|| format!("{}: line {n}: invalid JSON", path.display()))?;
        f(n, value).with_context(|| format!("{}: line {n}", path.display()))?;
    }
    Ok(())
}

fn id_of(value: &Value) -> anyhow::Result<String> {
    match value.get("id") {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        _ => bail!("missing \"id\" (a string or a number)"),
    }
}

/// A list of strings, or one string with one item per line.
fn string_list(value: &Value, field: &str) -> anyhow::Result<Vec<String>> {
    match value.get(field) {
        Some(Value::String(s)) => Ok(s
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                Value::String(s) => Ok(s.clone()),
                Value::Object(o) => match o.get("text") {
                    Some(Value::String(s)) => Ok(s.clone()),
                    _ => bail!("items of \"{field}\" must be strings or objects with \"text\""),
                },
                _ => bail!("items of \"{field}\" must be strings"),
            })
            .collect(),
        None => bail!("missing \"{field}\" (a list of strings)"),
        Some(_) => bail!("\"{field}\" must be a list of strings"),
    }
}

/// Id -> text in file order, with duplicate ids reported.
struct Keyed {
    order: Vec<String>,
    texts: HashMap<String, String>,
    duplicates: Vec<String>,
}

fn read_keyed(path: &Path, fields: &[&str], allow_mismatch: bool) -> anyhow::Result<Keyed> {
    let mut keyed = Keyed {
        order: Vec::new(),
        texts: HashMap::new(),
        duplicates: Vec::new(),
    };
    let mut failed = Vec::new();
    for_each_json_line(path, |_, value| {
        let id = id_of(&value)?;
        if value.get("error").is_some() {
            // An error record of `lede summarize`: no prediction for this id.
            failed.push(id);
            return Ok(());
        }
        let field = fields
            .iter()
            .find(|f| value.get(**f).is_some())
            .unwrap_or(&fields[0]);
        let text = join_lines(&string_list(&value, field)?);
        if keyed.texts.contains_key(&id) {
            keyed.duplicates.push(id);
        } else {
            keyed.order.push(id.clone());
            keyed.texts.insert(id, text);
        }
        Ok(())
    })?;
    if !failed.is_empty() {
        eprintln!(
            "warning: {}: {} error records, counted as missing: {}",
            path.display(),
            failed.len(),
            listing(&failed)
        );
    }
    if !keyed.duplicates.is_empty() {
        let message = format!(
            "{}: {} duplicate ids: {}",
            path.display(),
            keyed.duplicates.len(),
            listing(&keyed.duplicates)
        );
        if !allow_mismatch {
            bail!("{message} (use --allow-mismatch to keep the first of each)");
        }
        eprintln!("warning: {message}; keeping the first of each");
    }
    Ok(keyed)
}

fn read_gold(path: &Path, allow_mismatch: bool) -> anyhow::Result<Keyed> {
    read_keyed(path, &["highlights"], allow_mismatch)
}

fn read_predictions(path: &Path, allow_mismatch: bool) -> anyhow::Result<Keyed> {
    read_keyed(path, &["summary", "bullets"], allow_mismatch)
}

fn listing(ids: &[String]) -> String {
    let shown: Vec<&str> = ids.iter().take(MAX_LISTED).map(String::as_str).collect();
    let more = ids.len().saturating_sub(MAX_LISTED);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!("{}{more}", shown.join(", "))
}

/// Pairs the references with each system's predictions by id, in the
/// references' order.
fn match_ids(gold: &Keyed, systems: &[&Keyed], allow_mismatch: bool) -> anyhow::Result<Vec<Doc>> {
    let mut problems = Vec::new();
    for (s, system) in systems.iter().enumerate() {
        let name = if systems.len() > 1 {
            format!("system {} ", ["A", "B"][s.min(1)])
        } else {
            String::new()
        };
        let missing: Vec<String> = gold
            .order
            .iter()
            .filter(|id| !system.texts.contains_key(*id))
            .cloned()
            .collect();
        let extra: Vec<String> = system
            .order
            .iter()
            .filter(|id| !gold.texts.contains_key(*id))
            .cloned()
            .collect();
        if !missing.is_empty() {
            problems.push(format!(
                "{name}missing {} ids: {}",
                missing.len(),
                listing(&missing)
            ));
        }
        if !extra.is_empty() {
            problems.push(format!(
                "{name}has {} ids not in the references: {}",
                extra.len(),
                listing(&extra)
            ));
        }
    }
    if !problems.is_empty() {
        if !allow_mismatch {
            bail!("predictions and references do not match: {} (use --allow-mismatch to score the common ids)", problems.join("; "));
        }
        eprintln!("warning: {}; scoring the common ids", problems.join("; "));
    }
    let common: HashSet<&String> = gold
        .order
        .iter()
        .filter(|id| systems.iter().all(|s| s.texts.contains_key(*id)))
        .collect();
    if common.is_empty() {
        bail!("no document has both a prediction and a reference");
    }
    Ok(gold
        .order
        .iter()
        .filter(|id| common.contains(id))
        .map(|id| Doc {
            id: id.clone(),
            reference: gold.texts[id].clone(),
            predictions: systems.iter().map(|s| s.texts[id].clone()).collect(),
        })
        .collect())
}

fn summarize_dataset(path: &Path, args: &Args) -> anyhow::Result<Vec<Doc>> {
    let options = args
        .summary
        .options(lede::ingest::DEFAULT_MAX_INPUT_BYTES)?;
    let summarizer = args.summary.summarizer()?;
    let records = read_dataset(path)?;
    let results: Vec<Result<String, String>> = records
        .par_iter()
        .map(|r| match summarizer.summarize(&r.article, &options) {
            Ok(summary) => Ok(join_lines(
                &summary
                    .bullets
                    .iter()
                    .map(|b| b.span.text.as_str())
                    .collect::<Vec<_>>(),
            )),
            Err(e) => Err(e.to_string()),
        })
        .collect();
    let failed: Vec<String> = records
        .iter()
        .zip(&results)
        .filter(|(_, r)| r.is_err())
        .map(|(rec, r)| {
            format!(
                "{} ({})",
                rec.id,
                r.as_ref().err().map_or("", String::as_str)
            )
        })
        .collect();
    eprintln!(
        "scoring {} summaries of {} articles from {} ({})",
        args.summary.describe(),
        records.len(),
        path.display(),
        match args.summary.language {
            None => "language detected per article".to_owned(),
            Some(LanguageArg(Some(l))) => format!("{} rules", l.name()),
            Some(LanguageArg(None)) => "language-neutral rules".to_owned(),
        }
    );
    if !failed.is_empty() {
        eprintln!(
            "warning: {} articles could not be summarized and score 0: {}",
            failed.len(),
            listing(&failed)
        );
    }
    Ok(records
        .into_iter()
        .zip(results)
        .map(|(r, summary)| Doc {
            reference: join_lines(&r.highlights),
            predictions: vec![summary.unwrap_or_default()],
            id: r.id,
        })
        .collect())
}

/// Reads every record of a corpus that has reference highlights; fails on
/// unreadable lines, warns about records without highlights.
pub(crate) fn read_dataset(path: &Path) -> anyhow::Result<Vec<lede::ingest::Record>> {
    let corpus = lede::ingest::open_corpus(
        path,
        lede::ingest::DEFAULT_MAX_INPUT_BYTES.saturating_mul(2),
    )?;
    let mut records = Vec::new();
    let mut without = 0;
    for record in corpus {
        let record = record.with_context(|| format!("{}", path.display()))?;
        if record.highlights.is_empty() {
            without += 1;
        } else {
            records.push(record);
        }
    }
    if without > 0 {
        eprintln!("warning: skipped {without} records without highlights");
    }
    if records.is_empty() {
        bail!("{}: no record with highlights", path.display());
    }
    Ok(records)
}

fn write_per_doc(path: &Path, docs: &[Doc], scores: &[Scores]) -> anyhow::Result<()> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = BufWriter::new(file);
    let csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if csv {
        let mut header = vec!["id".to_owned()];
        for t in RougeType::STANDARD {
            header.extend(["p", "r", "f"].map(|m| format!("{t}_{m}")));
        }
        writeln!(out, "{}", header.join(","))?;
    }
    for (doc, s) in docs.iter().zip(scores) {
        if csv {
            let mut row = vec![csv_field(&doc.id)];
            for (_, x) in &s.0 {
                row.extend([x.precision, x.recall, x.fmeasure].map(|v| v.to_string()));
            }
            writeln!(out, "{}", row.join(","))?;
        } else {
            let mut value = json!({ "id": doc.id });
            for (t, x) in &s.0 {
                value[t.to_string()] =
                    json!({"precision": x.precision, "recall": x.recall, "fmeasure": x.fmeasure});
            }
            writeln!(out, "{value}")?;
        }
    }
    out.flush()
        .with_context(|| format!("cannot write {}", path.display()))
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Corpus-level scores to print.
pub(crate) struct Report<'a> {
    pub documents: usize,
    pub stemmer: bool,
    pub tokenizer: Tokenizer,
    pub bootstrap: Bootstrap,
    pub aggregates: &'a [Aggregate],
}

/// The tokenizer in JSON reports: `{"name", "stemmer"}`, the stemmer
/// being `"porter"`, `"snowball-<language>"` or null.
fn tokenizer_json(tokenizer: Tokenizer, stemmer: bool) -> Value {
    let (name, stem) = match tokenizer {
        Tokenizer::RougeScore => ("rouge-score", Some("porter".to_owned())),
        Tokenizer::Multilingual(algorithm) => (
            "multilingual",
            algorithm.map(|a| format!("snowball-{}", format!("{a:?}").to_lowercase())),
        ),
    };
    json!({"name": name, "stemmer": stem.filter(|_| stemmer)})
}

fn interval_json(i: &Interval) -> Value {
    json!({"mean": i.mean, "low": i.low, "high": i.high})
}

/// Prints a report as a table (percentages) or as JSON (fractions).
pub(crate) fn print_report(report: &Report<'_>, format: &str) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    if format == "json" {
        let mut scores = serde_json::Map::new();
        for a in report.aggregates {
            scores.insert(
                a.rouge_type.to_string(),
                json!({
                    "precision": interval_json(&a.precision),
                    "recall": interval_json(&a.recall),
                    "fmeasure": interval_json(&a.fmeasure),
                }),
            );
        }
        let value = json!({
            "documents": report.documents,
            "stemmer": report.stemmer,
            "tokenizer": tokenizer_json(report.tokenizer, report.stemmer),
            "bootstrap": {"samples": report.bootstrap.samples, "confidence": report.bootstrap.confidence, "seed": report.bootstrap.seed},
            "scores": scores,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(());
    }
    writeln!(
        out,
        "{} documents, stemming {}, mean with {:.0}% bootstrap interval ({} samples), x100",
        report.documents,
        if report.stemmer { "on" } else { "off" },
        report.bootstrap.confidence * 100.0,
        report.bootstrap.samples
    )?;
    if report.tokenizer != Tokenizer::RougeScore {
        writeln!(
            out,
            "tokens: {}",
            describe_tokenizer(report.tokenizer, report.stemmer)
        )?;
    }
    writeln!(
        out,
        "{:<10} {:>21} {:>21} {:>21}",
        "metric", "precision", "recall", "F1"
    )?;
    let cell = |i: &Interval| {
        format!(
            "{:.2} [{:.2}, {:.2}]",
            i.mean * 100.0,
            i.low * 100.0,
            i.high * 100.0
        )
    };
    for a in report.aggregates {
        writeln!(
            out,
            "{:<10} {:>21} {:>21} {:>21}",
            a.rouge_type.to_string(),
            cell(&a.precision),
            cell(&a.recall),
            cell(&a.fmeasure)
        )?;
    }
    Ok(())
}

fn compare(args: &Args, scorer: &RougeScorer, a: &Path, b: &Path) -> anyhow::Result<ExitCode> {
    let gold = read_gold(
        args.gold.as_deref().context("--compare needs --gold")?,
        args.allow_mismatch,
    )?;
    let pred_a = read_predictions(a, args.allow_mismatch)?;
    let pred_b = read_predictions(b, args.allow_mismatch)?;
    let docs = match_ids(&gold, &[&pred_a, &pred_b], args.allow_mismatch)?;
    let scores_a = score_system(scorer, &docs, 0);
    let scores_b = score_system(scorer, &docs, 1);
    let comparisons =
        lede_rouge::paired_permutation_test(&scores_a, &scores_b, args.samples, args.seed)?;
    let mut out = io::stdout().lock();
    if args.format == "json" {
        let metrics: serde_json::Map<String, Value> = comparisons
            .iter()
            .map(|c| {
                let v = json!({"mean_a": c.mean_a, "mean_b": c.mean_b, "difference": c.difference, "p_value": c.p_value});
                (c.rouge_type.to_string(), v)
            })
            .collect();
        let value = json!({
            "documents": docs.len(),
            "stemmer": !args.no_stemmer,
            "tokenizer": tokenizer_json(scorer.tokenizer(), !args.no_stemmer),
            "a": a.display().to_string(),
            "b": b.display().to_string(),
            "test": {"kind": "paired permutation (sign flip) on F1", "samples": args.samples, "seed": args.seed},
            "scores": metrics,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
    } else {
        writeln!(out, "A = {}\nB = {}", a.display(), b.display())?;
        writeln!(
            out,
            "{} documents, stemming {}, F1 x100, paired permutation test ({} samples)",
            docs.len(),
            if args.no_stemmer { "off" } else { "on" },
            args.samples
        )?;
        if scorer.tokenizer() != Tokenizer::RougeScore {
            writeln!(
                out,
                "tokens: {}",
                describe_tokenizer(scorer.tokenizer(), !args.no_stemmer)
            )?;
        }
        writeln!(
            out,
            "{:<10} {:>8} {:>8} {:>8} {:>8}",
            "metric", "A", "B", "B-A", "p"
        )?;
        for c in &comparisons {
            writeln!(
                out,
                "{:<10} {:>8.2} {:>8.2} {:>+8.2} {:>8.4}",
                c.rouge_type.to_string(),
                c.mean_a * 100.0,
                c.mean_b * 100.0,
                c.difference * 100.0,
                c.p_value
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
