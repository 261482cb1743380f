use std::io::Read;
fn main() {
    let base = std::path::Path::new("/work/shared/data/trafilatura_eval");
    let mut pages = Vec::new();
    for line in std::fs::read_to_string(base.join("evaldata.jsonl"))
        .unwrap()
        .lines()
    {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let raw = std::fs::read(base.join(row["html_path"].as_str().unwrap())).unwrap();
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .unwrap();
        pages.push(out);
    }
    let total: usize = pages.iter().map(|p| p.len()).sum();
    println!("{} pages, {} MB", pages.len(), total / 1_000_000);
    let texts: Vec<String> = pages
        .iter()
        .map(|p| lede_html::decode_html(p, None))
        .collect();
    let t = std::time::Instant::now();
    for p in &texts {
        std::hint::black_box(scraper::Html::parse_document(p));
    }
    println!("parse only: {:?}", t.elapsed());
    let t = std::time::Instant::now();
    for p in &texts {
        std::hint::black_box(lede_html::extract(p, None).ok());
    }
    println!("extract: {:?}", t.elapsed());
}
