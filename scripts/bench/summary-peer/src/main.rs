//! Times the `summary` crate's summarizer on the articles of a JSON-lines
//! corpus (gzip or plain): `summary-peer CORPUS.jsonl.gz [REPEATS]`.
//!
//! Reading and parsing happen before the clock starts; only the
//! `summarize_sentences(article, 3)` calls are timed, as for the Python
//! peers of scripts/bench/peers.py. Prints `docs seconds docs_per_s`.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::num::NonZeroU32;
use std::time::Instant;

#[derive(serde::Deserialize)]
struct Record {
    article: String,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: summary-peer CORPUS.jsonl.gz [REPEATS]");
    let repeats: usize = args
        .next()
        .map_or(1, |r| r.parse().expect("REPEATS is a number"));
    let file = File::open(&path).expect("corpus opens");
    let reader: Box<dyn BufRead> = if path.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    let articles: Vec<String> = reader
        .lines()
        .map(|line| line.expect("corpus reads"))
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            serde_json::from_str::<Record>(&line)
                .expect("record parses")
                .article
        })
        .collect();
    let summarizer = summary::Summarizer::new(summary::Language::English);
    let three = NonZeroU32::new(3).expect("3 is not zero");
    let start = Instant::now();
    let mut sentences = 0usize;
    for _ in 0..repeats {
        for article in &articles {
            sentences += summarizer.summarize_sentences(article, three).len();
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let docs = articles.len() * repeats;
    assert!(sentences > 0, "the summarizer returned sentences");
    println!("{docs} {seconds:.3} {:.0}", docs as f64 / seconds);
}
