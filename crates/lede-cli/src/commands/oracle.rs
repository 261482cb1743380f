//! `lede oracle`: the greedy extractive oracle of each article (the
//! sentences that maximise ROUGE-1 F1 + ROUGE-2 F1 against the reference),
//! written as training labels, and the oracle's own ROUGE.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;
use serde_json::json;

use lede_rouge::{Bootstrap, Config, RougeScorer, RougeType};

use super::eval::{in_pool, join_lines, print_report, read_dataset, score_all, Doc, Report};

/// Arguments of `lede oracle`.
#[derive(clap::Args)]
pub struct Args {
    /// Corpus of JSON lines (`.jsonl`, `.jsonl.gz`) with `{"id", "article", "highlights"}`.
    #[arg(long)]
    dataset: PathBuf,
    /// Most sentences the oracle may pick per article.
    #[arg(long, default_value_t = 3)]
    max_sentences: usize,
    /// Write labels here as JSON lines `{"id", "labels": [sentence indices], "sentences": N}`.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Output format of the ROUGE report.
    #[arg(long, default_value = "table", value_parser = ["table", "json"])]
    format: String,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long)]
    threads: Option<usize>,
}

/// Runs `lede oracle`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    in_pool(args.threads, || run_in_pool(&args))
}

/// The oracle of one article: sentence count and chosen indices.
struct Picked {
    sentences: usize,
    chosen: Vec<usize>,
}

fn run_in_pool(args: &Args) -> anyhow::Result<ExitCode> {
    let records = read_dataset(&args.dataset)?;
    let results: Vec<(Picked, Doc)> = records
        .par_iter()
        .map(|record| {
            let text = record.article.as_str();
            let sentences: Vec<&str> = lede::segment::split_sentences(text, 0..text.len())
                .into_iter()
                .map(|r| &text[r])
                .collect();
            let reference = join_lines(&record.highlights);
            let chosen = lede_rouge::greedy_oracle(&sentences, &reference, args.max_sentences);
            let summary: Vec<&str> = chosen.iter().map(|&i| sentences[i]).collect();
            let doc = Doc {
                id: record.id.clone(),
                reference,
                predictions: vec![join_lines(&summary)],
            };
            let picked = Picked {
                sentences: sentences.len(),
                chosen,
            };
            (picked, doc)
        })
        .collect();
    if let Some(path) = &args.output {
        let file =
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
        let mut out = BufWriter::new(file);
        for (picked, doc) in &results {
            let line =
                json!({"id": doc.id, "labels": picked.chosen, "sentences": picked.sentences});
            writeln!(out, "{line}")?;
        }
        out.flush()
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let docs: Vec<Doc> = results.into_iter().map(|(_, doc)| doc).collect();
    let scorer = RougeScorer::new(Config {
        types: RougeType::STANDARD.to_vec(),
        stemmer: true,
    })?;
    let scores = score_all(&scorer, &docs);
    let bootstrap = Bootstrap::default();
    let aggregates = lede_rouge::aggregate(&scores, &bootstrap)?;
    let report = Report {
        documents: docs.len(),
        stemmer: true,
        bootstrap,
        aggregates: &aggregates,
    };
    print_report(&report, &args.format)?;
    Ok(ExitCode::SUCCESS)
}
