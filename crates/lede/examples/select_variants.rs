//! Summaries of a corpus under one variant of the selection rules, as JSON
//! lines that `lede eval --pred` and `scripts/bench/coherence.py` read.
//!
//! ```text
//! cargo run --release -p lede --example select_variants -- \
//!     ../shared/data/cnndm_lede_valid.jsonl.gz learned skip on > out.jsonl
//! ```
//!
//! Arguments: CORPUS ALGORITHM REFERENCES EDITORIAL, where REFERENCES is
//! `keep`, `skip` or `demote` ([`lede::select::References`]) and EDITORIAL
//! is `on` or `off` ([`lede::select::Selection::editorial`]); `keep off` is
//! the selection before these rules.

use std::io::{BufWriter, Write};
use std::path::Path;

use lede::clean::clean;
use lede::document::Document;
use lede::ingest::{max_record_bytes, open_corpus, DEFAULT_MAX_INPUT_BYTES};
use lede::score::learned::{embedded_model, LearnedScorer};
use lede::score::{Lead, LexRank, Scorer, TextRank};
use lede::select::{bullet_span, rank_order, select, References, Selection};
use lede::Algorithm;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, algorithm, references, editorial] = args.as_slice() else {
        return Err("usage: select_variants CORPUS ALGORITHM keep|skip|demote on|off".into());
    };
    let algorithm: Algorithm = algorithm.parse()?;
    let references = match references.as_str() {
        "keep" => References::Keep,
        "skip" => References::Skip,
        "demote" => References::Demote,
        other => return Err(format!("unknown references rule {other:?}").into()),
    };
    let editorial = match editorial.as_str() {
        "on" => true,
        "off" => false,
        other => return Err(format!("editorial must be on or off, got {other:?}").into()),
    };
    let learned = LearnedScorer::new(embedded_model()?);
    let (scorer, max_overlap): (&dyn Scorer, f32) = match algorithm {
        Algorithm::Learned => (&learned, learned.model().selection.max_overlap),
        Algorithm::Lead => (&Lead, Selection::default().max_overlap),
        Algorithm::TextRank => (&TextRank, Selection::default().max_overlap),
        Algorithm::LexRank => (&LexRank, Selection::default().max_overlap),
    };
    let selection = Selection {
        max_overlap,
        references,
        editorial,
        ..Selection::default()
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    for record in open_corpus(Path::new(corpus), max_record_bytes(DEFAULT_MAX_INPUT_BYTES))? {
        let record = record?;
        let mut cleaned = clean(&record.article);
        let doc = Document::build(&record.article, &mut cleaned);
        let order = rank_order(&scorer.score(&doc));
        let bullets: Vec<serde_json::Value> = select(&doc, &order, &selection)
            .into_iter()
            .map(|i| {
                serde_json::json!({
                    "text": &doc.text[bullet_span(&doc, i)],
                    "sentence_index": i,
                })
            })
            .collect();
        let line = serde_json::json!({ "id": record.id, "bullets": bullets });
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}
