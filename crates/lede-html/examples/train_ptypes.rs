//! Trains the page-type model and cross-validates it by domain fold.
//!
//! Usage: `train_ptypes [--no-cv] [--trees N] [--depth D] [--oof TYPES.jsonl] [PAGES.jsonl]
//! [MODEL_OUT]` (defaults `bench-out/blocks/pages.jsonl`, 60 trees of depth 3, no model
//! written). PAGES comes from `scripts/extract/block_folds.py`: the pages of WCXB dev,
//! scrapinghub and fundus in the protocol's folds (never the frozen slice). A WCXB page is
//! labelled with its WCXB page type; scrapinghub and fundus pages are news articles.
//!
//! For each fold k it trains one classifier per type (one against the rest) on the other
//! folds and types fold k's pages by the highest score; it prints the accuracy per fold
//! (mean ± sample standard deviation) and the confusion table on the WCXB pages, for the
//! rules' type and for the learned one, and with `--oof` writes each page's out-of-fold
//! type (for `train_blocks --types`). With MODEL_OUT it then trains on all folds and writes
//! the model. Single-threaded and deterministic.

mod common;

use std::io::{BufRead, Write};

use lede_gbdt::TrainConfig;
use lede_html::ptype::{PageRow, PageTypeModel, PAGE_FEATURES, PAGE_TYPES, TYPES};
use lede_html::PageType;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

struct Args {
    no_cv: bool,
    trees: usize,
    depth: usize,
    oof: Option<String>,
    pages: String,
    model: Option<String>,
}

fn parse_args() -> Result<Args> {
    let mut args = Args {
        no_cv: false,
        trees: 60,
        depth: 3,
        oof: None,
        pages: "bench-out/blocks/pages.jsonl".into(),
        model: None,
    };
    let mut positional = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--no-cv" => args.no_cv = true,
            "--trees" => args.trees = value()?.parse()?,
            "--depth" => args.depth = value()?.parse()?,
            "--oof" => args.oof = Some(value()?),
            _ => positional.push(arg),
        }
    }
    let mut positional = positional.into_iter();
    if let Some(pages) = positional.next() {
        args.pages = pages;
    }
    args.model = positional.next();
    Ok(args)
}

struct Page {
    set: String,
    id: serde_json::Value,
    fold: usize,
    /// Index in `PAGE_TYPES` of the label.
    label: usize,
    /// Index of the rules' type.
    rules: usize,
    row: PageRow,
}

fn type_index(t: PageType) -> usize {
    PAGE_TYPES.iter().position(|&p| p == t).unwrap_or(0)
}

fn name(i: usize) -> String {
    serde_json::to_value(PAGE_TYPES[i])
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn load(path: &str) -> Result<Vec<Page>> {
    let mut pages = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let row: serde_json::Value = serde_json::from_str(&line?)?;
        let html_path = row["path"].as_str().ok_or("row without path")?;
        let bytes = common::read_page(html_path)?;
        let html = lede_html::decode_html(&bytes, None);
        let (rules, features) = lede_html::ptype::training_row(&html, row["url"].as_str());
        let set = row["set"].as_str().unwrap_or("").to_string();
        let label = if set == "wcxb" {
            let t: PageType = serde_json::from_value(row["type"].clone())?;
            type_index(t)
        } else {
            type_index(PageType::Article)
        };
        pages.push(Page {
            set,
            id: row["id"].clone(),
            fold: row["fold"].as_u64().ok_or("row without fold")? as usize,
            label,
            rules: type_index(rules),
            row: features,
        });
    }
    Ok(pages)
}

fn train(pages: &[&Page], config: &TrainConfig) -> PageTypeModel {
    let rows: Vec<PageRow> = pages.iter().map(|p| p.row).collect();
    let classes = (0..TYPES)
        .map(|t| {
            let labels: Vec<f32> = pages
                .iter()
                .map(|p| f32::from(u8::from(p.label == t)))
                .collect();
            lede_gbdt::train(&rows, &labels, config)
        })
        .collect();
    PageTypeModel { classes }
}

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len().max(1) as f64
}

fn spread(xs: &[f64]) -> f64 {
    if xs.len() < 2 {
        return 0.0;
    }
    let m = mean(xs);
    (xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (xs.len() - 1) as f64).sqrt()
}

/// Prints the accuracy per fold and the confusion table of `predicted` on the WCXB pages.
fn report(title: &str, pages: &[Page], predicted: &[usize]) {
    let mut table = [[0usize; TYPES]; TYPES];
    let mut per_fold = Vec::new();
    for fold in 0..5 {
        let (mut right, mut total) = (0, 0);
        for (p, &t) in pages.iter().zip(predicted) {
            if p.set == "wcxb" && p.fold == fold {
                right += usize::from(p.label == t);
                total += 1;
            }
        }
        per_fold.push(right as f64 / total.max(1) as f64);
    }
    let mut news = (0, 0);
    for (p, &t) in pages.iter().zip(predicted) {
        if p.set == "wcxb" {
            table[p.label][t] += 1;
        } else {
            news.0 += usize::from(t == 0);
            news.1 += 1;
        }
    }
    let right: usize = (0..TYPES).map(|i| table[i][i]).sum();
    let total: usize = table.iter().flatten().sum();
    println!(
        "\n{title}: WCXB {right} of {total} right ({:.3}), fold mean {:.3} ± {:.3}; \
         scrapinghub and fundus called article: {} of {}\n",
        right as f64 / total.max(1) as f64,
        mean(&per_fold),
        spread(&per_fold),
        news.0,
        news.1
    );
    print!("| label \\ detected |");
    for t in 0..TYPES {
        print!(" {} |", name(t));
    }
    println!(" recall | precision |");
    print!("|---|");
    for _ in 0..TYPES + 2 {
        print!("---|");
    }
    println!();
    for (l, counts) in table.iter().enumerate() {
        print!("| {} |", name(l));
        for c in counts {
            print!(" {c} |");
        }
        let row: usize = counts.iter().sum();
        let column: usize = (0..TYPES).map(|r| table[r][l]).sum();
        println!(
            " {:.3} | {:.3} |",
            counts[l] as f64 / row.max(1) as f64,
            counts[l] as f64 / column.max(1) as f64
        );
    }
}

fn main() -> Result<()> {
    let args = parse_args()?;
    let config = TrainConfig {
        trees: args.trees,
        max_depth: args.depth,
        learning_rate: 0.1,
        min_child_hessian: 1.0,
        ..TrainConfig::default()
    };
    let pages = load(&args.pages)?;
    eprintln!("{} pages, {PAGE_FEATURES} features", pages.len());
    if !args.no_cv {
        let mut learned = vec![0usize; pages.len()];
        for fold in 0..5 {
            let train_pages: Vec<&Page> = pages.iter().filter(|p| p.fold != fold).collect();
            let forests = train(&train_pages, &config).compile();
            for (i, p) in pages.iter().enumerate().filter(|(_, p)| p.fold == fold) {
                learned[i] = type_index(lede_html::ptype::predict(&forests, &p.row));
            }
        }
        let rules: Vec<usize> = pages.iter().map(|p| p.rules).collect();
        report("rules", &pages, &rules);
        report("learned, out of fold", &pages, &learned);
        if let Some(path) = &args.oof {
            let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
            for (p, &t) in pages.iter().zip(&learned) {
                let line = serde_json::json!({
                    "set": p.set, "id": p.id, "type": PAGE_TYPES[t], "rules": PAGE_TYPES[p.rules],
                });
                writeln!(out, "{line}")?;
            }
        }
    }
    if let Some(out) = &args.model {
        let all: Vec<&Page> = pages.iter().collect();
        std::fs::write(out, train(&all, &config).to_bytes())?;
        eprintln!("wrote {out}");
    }
    Ok(())
}
