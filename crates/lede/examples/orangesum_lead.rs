//! Lead-1 on OrangeSum's validation split, scored with multilingual ROUGE
//! (XL-Sum's convention, French Snowball stems) and, for comparison, with
//! rouge-score's English tokenizer. Sentences come from the French rules
//! of `split_sentences_in`.
//!
//! ```text
//! cargo run --release -p lede --example orangesum_lead -- ../shared/data/orangesum_fr.jsonl.gz
//! ```

use std::io::{BufRead, BufReader};

use anyhow::{Context, Result};
use lede::lang::Language;
use lede::segment::split_sentences_in;
use lede_rouge::{Config, RougeScorer, RougeType, Tokenizer};

#[derive(serde::Deserialize)]
struct Row {
    article: String,
    highlights: Vec<String>,
    split: String,
}

fn main() -> Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/orangesum_fr.jsonl.gz".into());
    let file = std::fs::File::open(&path).with_context(|| format!("opening {path}"))?;
    let config = Config {
        types: vec![RougeType::N(1), RougeType::N(2), RougeType::L],
        stemmer: true,
    };
    let scorers = [
        (
            "multilingual (fr)",
            RougeScorer::new(config.clone())?.with_tokenizer(Tokenizer::multilingual("fr")),
        ),
        ("rouge-score default", RougeScorer::new(config)?),
    ];
    let mut sums = [[0.0f64; 3]; 2];
    let mut docs = 0usize;
    for line in BufReader::new(flate2::read::GzDecoder::new(file)).lines() {
        let row: Row = serde_json::from_str(&line?)?;
        if row.split != "valid" {
            continue;
        }
        let lead = split_sentences_in(&row.article, 0..row.article.len(), Some(Language::French))
            .into_iter()
            .next()
            .map_or("", |r| &row.article[r]);
        let reference = row.highlights.join("\n");
        for (sum, (_, scorer)) in sums.iter_mut().zip(&scorers) {
            let scores = scorer.score(lead, &reference);
            for (s, (_, score)) in sum.iter_mut().zip(&scores.0) {
                *s += score.fmeasure;
            }
        }
        docs += 1;
    }
    for (sum, (name, _)) in sums.iter().zip(&scorers) {
        println!(
            "lead-1, {docs} docs, {name}: R1 {:.2} R2 {:.2} RL {:.2}",
            100.0 * sum[0] / docs as f64,
            100.0 * sum[1] / docs as f64,
            100.0 * sum[2] / docs as f64
        );
    }
    Ok(())
}
