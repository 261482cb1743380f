//! Sentence segmentation throughput on CNN/DailyMail articles.
//!
//! Reads `../shared/data/cnndm_lede_valid.jsonl.gz` when it is there (run
//! from the workspace root), else the small fixture sample. Each article is
//! segmented as one range, the way the pipeline passes a one-line article.
//!
//! `cargo bench -p lede --bench segment`

use std::fs::File;
use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use flate2::read::GzDecoder;
use lede::segment::split_sentences;

const DATA: &str = "../../../shared/data/cnndm_lede_valid.jsonl.gz";
const FIXTURE: &str = "tests/fixtures/cnndm_sample.jsonl";

fn article(line: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(line).ok()?;
    value.get("article")?.as_str().map(str::to_owned)
}

fn load() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join(DATA);
    let lines: Vec<String> = match File::open(&data) {
        Ok(file) => BufReader::new(GzDecoder::new(file))
            .lines()
            .map_while(Result::ok)
            .collect(),
        Err(_) => std::fs::read_to_string(root.join(FIXTURE))
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect(),
    };
    lines.iter().filter_map(|l| article(l)).collect()
}

fn bench(c: &mut Criterion) {
    let articles = load();
    assert!(!articles.is_empty(), "no articles found");
    let bytes: usize = articles.iter().map(String::len).sum();
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(format!("{}_articles", articles.len()), |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| split_sentences(black_box(a), 0..a.len()).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
