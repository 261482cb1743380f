//! `lede oracle`: the extractive oracle of each article (the cleaned
//! sentences that maximise ROUGE-1 F1 + ROUGE-2 F1 against the reference,
//! the same oracle `lede train` labels with), written per document with the
//! sentences' text and offsets, and the oracle's own ROUGE.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use rayon::prelude::*;
use serde_json::json;

use lede::lang::Language;
use lede_rouge::{Bootstrap, Config, RougeScorer, RougeType};
use lede_train::oracle::{chosen_sentences, document, lines, oracle};
use lede_train::{corpus, describe_tokenizer, rouge_tokenizer, Example, OracleSentence};

use super::eval::{print_report, Report};

/// Output formats of the ROUGE report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ReportFormat {
    /// A table of percentages.
    Table,
    /// JSON with fractions.
    Json,
}

/// Arguments of `lede oracle`.
#[derive(clap::Args)]
pub struct Args {
    /// Corpus of JSON lines (`.jsonl`, `.jsonl.gz`) with `{"id", "article", "highlights"}`; `-` or none on a pipe reads standard input.
    #[arg(value_name = "FILE", conflicts_with = "dataset")]
    input: Option<PathBuf>,
    /// Old spelling of the corpus argument.
    #[arg(long, hide = true, value_name = "FILE")]
    dataset: Option<PathBuf>,
    /// Most sentences the oracle may pick per article.
    #[arg(long, default_value_t = 3)]
    max_sentences: usize,
    /// Write the oracle of each document here as JSON lines: `{"id",
    /// "sentences": N, "labels": [indices], "chosen": [{"index", "text",
    /// "start", "end", "byte_start", "byte_end"}]}` (offsets in characters and bytes).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Output format of the ROUGE report.
    #[arg(short, long, value_enum, default_value = "table")]
    format: ReportFormat,
    /// The corpus's language (ISO 639-1 code such as `fr`): cleaning and
    /// segmentation follow its rules, and ROUGE uses the multilingual
    /// tokenizer with its Snowball stemmer (English, the default, scores as
    /// rouge-score does).
    #[arg(long, value_name = "CODE", value_parser = crate::args::parse_language, default_value = "en")]
    language: Language,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long)]
    threads: Option<usize>,
}

/// The oracle of one article.
struct Picked {
    sentences: usize,
    chosen: Vec<OracleSentence>,
}

/// Runs `lede oracle`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let examples = read(args.input.as_deref().or(args.dataset.as_deref()))?;
    rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?
        .install(|| report(&args, &examples))
}

fn read(path: Option<&Path>) -> anyhow::Result<Vec<Example>> {
    let loaded = match path {
        Some(p) if p != Path::new("-") => corpus::load(p)?,
        _ => {
            let stdin = std::io::stdin();
            if path.is_none() && stdin.is_terminal() {
                bail!("give a corpus file (or `-` for standard input)");
            }
            corpus::read(stdin.lock(), "standard input")?
        }
    };
    if loaded.skipped > 0 {
        eprintln!(
            "warning: skipped {} records without article or highlights",
            loaded.skipped
        );
    }
    Ok(loaded.examples)
}

fn report(args: &Args, examples: &[Example]) -> anyhow::Result<ExitCode> {
    let tokenizer = rouge_tokenizer(args.language);
    eprintln!(
        "oracle: greedy ROUGE-1 + ROUGE-2 F1 over cleaned sentences ({} rules), at most {} per article; ROUGE: {}",
        args.language.name(),
        args.max_sentences,
        describe_tokenizer(tokenizer, true)
    );
    let scorer = RougeScorer::new(Config {
        types: RougeType::STANDARD.to_vec(),
        stemmer: true,
    })?
    .with_tokenizer(tokenizer);
    let results: Vec<(Picked, lede_rouge::Scores)> = examples
        .par_iter()
        .map(|example| {
            let doc = document(&example.article, args.language);
            let picked = oracle(&doc, &example.reference, args.max_sentences, args.language);
            let chosen = chosen_sentences(&doc, &picked);
            let summary = lines(chosen.iter().map(|s| s.text.as_str()));
            let scores = scorer.score(&summary, &example.reference);
            let picked = Picked {
                sentences: doc.sentences.len(),
                chosen,
            };
            (picked, scores)
        })
        .collect();
    if let Some(path) = &args.output {
        write_oracles(path, examples, &results)?;
    }
    let scores: Vec<lede_rouge::Scores> = results.into_iter().map(|(_, s)| s).collect();
    let bootstrap = Bootstrap::default();
    let aggregates = lede_rouge::aggregate(&scores, &bootstrap)?;
    let report = Report {
        documents: scores.len(),
        stemmer: true,
        tokenizer,
        bootstrap,
        aggregates: &aggregates,
    };
    let format = match args.format {
        ReportFormat::Table => "table",
        ReportFormat::Json => "json",
    };
    print_report(&report, format)?;
    Ok(ExitCode::SUCCESS)
}

fn write_oracles(
    path: &Path,
    examples: &[Example],
    results: &[(Picked, lede_rouge::Scores)],
) -> anyhow::Result<()> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = BufWriter::new(file);
    for (example, (picked, _)) in examples.iter().zip(results) {
        let labels: Vec<usize> = picked.chosen.iter().map(|s| s.index).collect();
        let chosen: Vec<_> = picked
            .chosen
            .iter()
            .map(|s| {
                json!({
                    "index": s.index,
                    "text": s.text,
                    "start": s.start,
                    "end": s.end,
                    "byte_start": s.byte_start,
                    "byte_end": s.byte_end,
                })
            })
            .collect();
        let line = json!({
            "id": example.id,
            "sentences": picked.sentences,
            "labels": labels,
            "chosen": chosen,
        });
        writeln!(out, "{line}").with_context(|| format!("cannot write {}", path.display()))?;
    }
    out.flush()
        .with_context(|| format!("cannot write {}", path.display()))
}
