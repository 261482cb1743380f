//! Throughput of the batch path's stages on CNN/DailyMail, one thread.
//!
//! - `ingest`: reading `../shared/data/cnndm_lede_valid.jsonl.gz` into
//!   records (gzip decompression and JSON parsing), against decompression
//!   alone (the floor any reader of the file pays);
//! - `score/ALGORITHM`: each scorer over documents already cleaned and
//!   segmented;
//! - `summarize/ALGORITHM`: text to summary in memory (cleaning,
//!   segmentation, scoring, selection), without reading or JSON.
//!
//! Falls back to the small fixture sample when the corpus is absent.
//!
//! `cargo bench -p lede --bench stages`

use std::fs::File;
use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lede::clean::clean;
use lede::document::Document;
use lede::ingest::{open_corpus, Records};
use lede::score::learned::{embedded_model, LearnedScorer};
use lede::score::{Lead, LexRank, Scorer, TextRank};
use lede::{Algorithm, Options, Summarizer};

const DATA: &str = "../../../shared/data/cnndm_lede_valid.jsonl.gz";
const FIXTURE: &str = "tests/fixtures/cnndm_sample.jsonl";
const MAX_LINE: usize = 64 << 20;

fn corpus() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join(DATA);
    if data.exists() {
        data
    } else {
        root.join(FIXTURE)
    }
}

fn articles(path: &Path) -> Vec<String> {
    open_corpus(path, MAX_LINE)
        .expect("corpus opens")
        .filter_map(Result::ok)
        .map(|r| r.article)
        .collect()
}

fn ingest(c: &mut Criterion) {
    let path = corpus();
    let docs = articles(&path).len() as u64;
    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.throughput(Throughput::Elements(docs));
    group.bench_function("decompress_only", |b| {
        b.iter(|| {
            let mut reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
                Box::new(flate2::read::MultiGzDecoder::new(
                    File::open(&path).expect("corpus opens"),
                ))
            } else {
                Box::new(File::open(&path).expect("corpus opens"))
            };
            let mut buf = vec![0u8; 1 << 16];
            let mut total = 0usize;
            loop {
                let n = reader.read(&mut buf).expect("corpus reads");
                if n == 0 {
                    break;
                }
                total += n;
            }
            black_box(total)
        })
    });
    group.bench_function("records", |b| {
        b.iter(|| {
            let records: Records<_> = open_corpus(&path, MAX_LINE).expect("corpus opens");
            black_box(records.filter(Result::is_ok).count())
        })
    });
    group.finish();
}

fn score(c: &mut Criterion) {
    let texts = articles(&corpus());
    let docs: Vec<Document> = texts
        .iter()
        .map(|t| Document::build(t, &mut clean(t)))
        .collect();
    let scorers: [(&str, Box<dyn Scorer>); 4] = [
        (
            "learned",
            Box::new(LearnedScorer::new(embedded_model().expect("model loads"))),
        ),
        ("lead", Box::new(Lead)),
        ("textrank", Box::new(TextRank)),
        ("lexrank", Box::new(LexRank)),
    ];
    let mut group = c.benchmark_group("score");
    group.sample_size(10);
    group.throughput(Throughput::Elements(docs.len() as u64));
    for (name, scorer) in &scorers {
        group.bench_function(*name, |b| {
            b.iter(|| {
                for doc in &docs {
                    black_box(scorer.score(doc));
                }
            })
        });
    }
    group.finish();
}

fn summarize(c: &mut Criterion) {
    let texts = articles(&corpus());
    let mut group = c.benchmark_group("summarize");
    group.sample_size(10);
    group.throughput(Throughput::Elements(texts.len() as u64));
    let summarizer = Summarizer::new().expect("summarizer builds");
    for algorithm in Algorithm::ALL {
        let options = Options {
            algorithm,
            ..Options::default()
        };
        group.bench_function(algorithm.name(), |b| {
            b.iter(|| {
                for text in &texts {
                    black_box(summarizer.summarize(text, &options).ok());
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, ingest, score, summarize);
criterion_main!(benches);
