//! Extracts every page of the HTML datasets and writes one JSON line per page, to prove a
//! refactoring changes no output (`cmp` two dumps).
//!
//! Usage: `dump_extract DATA_DIR OUT.jsonl`. DATA_DIR holds `article_extraction_benchmark`,
//! `wcxb_dev`, `fundus_dev` and `trafilatura_eval`, each with an `html/` folder of
//! `.html.gz` pages. Each row is `{"id": "SET/FILE", "article": {...}}` (or `"error"`), in
//! set order and then file-name order.

mod common;

use std::io::Write;
use std::path::Path;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const SETS: [&str; 4] = [
    "article_extraction_benchmark",
    "wcxb_dev",
    "fundus_dev",
    "trafilatura_eval",
];

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, data, out] = args.as_slice() else {
        return Err("usage: dump_extract DATA_DIR OUT.jsonl".into());
    };
    let mut out = std::io::BufWriter::new(std::fs::File::create(out)?);
    let mut pages = 0;
    for set in SETS {
        let dir = Path::new(data).join(set).join("html");
        let files = common::set_pages(&dir)?;
        for path in files {
            let bytes = common::read_page(&path)?;
            let name = path.file_name().ok_or("no file name")?.to_string_lossy();
            let id = format!("{set}/{name}");
            let row = match lede_html::extract_bytes(&bytes, None, None) {
                Ok(article) => serde_json::json!({"id": id, "article": article}),
                Err(e) => serde_json::json!({"id": id, "error": e.to_string()}),
            };
            writeln!(out, "{row}")?;
            pages += 1;
        }
    }
    out.flush()?;
    eprintln!("{pages} pages");
    Ok(())
}
