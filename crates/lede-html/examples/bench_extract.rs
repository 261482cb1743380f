//! Runs the extractor over a benchmark manifest, for `scripts/extract/bench.py`.
//!
//! Usage: `bench_extract MANIFEST.jsonl BASE_DIR [REPEAT]`. Each manifest row has `id` and
//! `html_path` (relative to BASE_DIR, gzipped when it ends in `.gz`). Prints one JSON row
//! per page, `{"id", "body", "error"}`, then a last row `{"pages", "seconds", "repeat"}`
//! with the single-thread extraction time (decompression and I/O excluded).

mod common;

use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Instant;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        return Err("usage: bench_extract MANIFEST.jsonl BASE_DIR [REPEAT]".into());
    }
    let base = Path::new(&args[2]);
    let repeat: usize = args.get(3).map_or(Ok(1), |r| r.parse())?;
    let mut pages = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(&args[1])?).lines() {
        let row: serde_json::Value = serde_json::from_str(&line?)?;
        let id = row["id"].as_str().ok_or("row without id")?.to_string();
        let path = base.join(row["html_path"].as_str().ok_or("row without html_path")?);
        let bytes = common::read_page(&path)?;
        pages.push((id, bytes));
    }
    let mut results = Vec::new();
    let start = Instant::now();
    for round in 0..repeat {
        for (id, bytes) in &pages {
            let result = lede_html::extract_bytes(bytes, None, None);
            if round == 0 {
                results.push((id, result));
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (id, result) in results {
        let row = match result {
            Ok(article) => serde_json::json!({"id": id, "body": article.text(), "error": null}),
            Err(e) => serde_json::json!({"id": id, "body": "", "error": e.to_string()}),
        };
        writeln!(out, "{row}")?;
    }
    let summary = serde_json::json!({"pages": pages.len(), "seconds": seconds, "repeat": repeat});
    writeln!(out, "{summary}")?;
    Ok(())
}
