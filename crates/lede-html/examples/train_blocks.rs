//! Trains the block classifier and cross-validates it by domain fold.
//!
//! Usage: `train_blocks [--loose] [PAGES.jsonl] [MODEL_OUT]` (defaults
//! `bench-out/blocks/pages.jsonl`, no model written; `--loose` classifies the blocks of the
//! walk that keeps elements named like layout, the extractor's second pass). PAGES comes from `scripts/extract/block_folds.py`: the pages of WCXB
//! dev, scrapinghub and fundus in the protocol's folds (never the frozen slice), each with
//! its gold body and fold. A block is labelled content when most of its word pairs (its
//! word, for one-word blocks) occur in the gold body.
//!
//! For each fold k it trains on the other folds and scores fold k's blocks, then prints the
//! fold means (± sample standard deviation over folds) of per-page word F1 (lowercase `\w+`
//! bags, as the protocol) per set and per WCXB page type: the current extractor; its output
//! without the lines of blocks scored below a threshold; its output plus the blocks outside
//! the rules' chosen element scored above one; the blocks labelled content (the ceiling of
//! any choice of these blocks); the blocks the classifier alone scores above one half. With MODEL_OUT it then trains
//! on all folds and writes the model. Single-threaded and deterministic.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, Read};

use lede_gbdt::TrainConfig;
use lede_html::classify::{BlockModel, BlockRow};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Drop thresholds on the classifier's probability that are cross-validated.
const THRESHOLDS: [f32; 4] = [0.1, 0.2, 0.3, 0.5];
/// Add thresholds: blocks outside the output scored above one are added.
const ADD_THRESHOLDS: [f32; 5] = [0.5, 0.6, 0.7, 0.8, 0.9];
/// Index of the `in_chosen` feature.
const IN_CHOSEN: usize = 13;

fn config() -> TrainConfig {
    TrainConfig {
        trees: 120,
        max_depth: 5,
        learning_rate: 0.1,
        ..TrainConfig::default()
    }
}

struct Page {
    set: String,
    kind: String,
    fold: usize,
    gold: String,
    /// The current extractor's paragraphs.
    lede: Vec<String>,
    blocks: Vec<(String, BlockRow)>,
    labels: Vec<f32>,
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn word_f1(gold: &str, text: &str) -> f64 {
    let mut reference: HashMap<String, usize> = HashMap::new();
    for w in words(gold) {
        *reference.entry(w).or_default() += 1;
    }
    let mut hyp: HashMap<String, usize> = HashMap::new();
    for w in words(text) {
        *hyp.entry(w).or_default() += 1;
    }
    if reference.is_empty() {
        return if hyp.is_empty() { 1.0 } else { 0.0 };
    }
    let overlap: usize = reference
        .iter()
        .map(|(w, &c)| c.min(hyp.get(w).copied().unwrap_or(0)))
        .sum();
    if overlap == 0 {
        return 0.0;
    }
    let p = overlap as f64 / hyp.values().sum::<usize>() as f64;
    let r = overlap as f64 / reference.values().sum::<usize>() as f64;
    2.0 * p * r / (p + r)
}

fn label(gold_words: &HashSet<String>, gold_pairs: &HashSet<(String, String)>, text: &str) -> f32 {
    let w = words(text);
    let (hits, total) = if w.len() < 2 {
        (
            w.iter().filter(|x| gold_words.contains(*x)).count(),
            w.len(),
        )
    } else {
        let pairs = w.windows(2);
        let total = pairs.len();
        let hits = w
            .windows(2)
            .filter(|p| gold_pairs.contains(&(p[0].clone(), p[1].clone())))
            .count();
        (hits, total)
    };
    if total > 0 && 2 * hits > total {
        1.0
    } else {
        0.0
    }
}

fn load(path: &str, strict: bool) -> Result<Vec<Page>> {
    let mut pages = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let row: serde_json::Value = serde_json::from_str(&line?)?;
        let html_path = row["path"].as_str().ok_or("row without path")?;
        let raw = std::fs::read(html_path)?;
        let bytes = if html_path.ends_with(".gz") {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out)?;
            out
        } else {
            raw
        };
        let url = row["url"].as_str();
        let lede = lede_html::extract_bytes(&bytes, None, url)
            .map(|a| a.paragraphs)
            .unwrap_or_default();
        let html = lede_html::decode_html(&bytes, None);
        let blocks = lede_html::training_blocks(&html, strict);
        let gold = row["gold"].as_str().unwrap_or("").to_string();
        let gold_list = words(&gold);
        let gold_words: HashSet<String> = gold_list.iter().cloned().collect();
        let gold_pairs: HashSet<(String, String)> = gold_list
            .windows(2)
            .map(|p| (p[0].clone(), p[1].clone()))
            .collect();
        let labels = blocks
            .iter()
            .map(|(text, _)| label(&gold_words, &gold_pairs, text))
            .collect();
        pages.push(Page {
            set: row["set"].as_str().unwrap_or("").to_string(),
            kind: row["type"].as_str().unwrap_or("").to_string(),
            fold: row["fold"].as_u64().ok_or("row without fold")? as usize,
            gold,
            lede,
            blocks,
            labels,
        });
    }
    Ok(pages)
}

fn train(pages: &[&Page]) -> BlockModel {
    let rows: Vec<BlockRow> = pages
        .iter()
        .flat_map(|p| p.blocks.iter().map(|(_, r)| *r))
        .collect();
    let labels: Vec<f32> = pages
        .iter()
        .flat_map(|p| p.labels.iter().copied())
        .collect();
    let (base_score, trees) = lede_gbdt::train(&rows, &labels, &config());
    BlockModel { base_score, trees }
}

/// The page's text under each variant: the extractor's output; that output without the
/// lines of blocks scored below each drop threshold (unless another block with the same
/// line scores above it); that output plus the lines of blocks outside the chosen element
/// scored above each add threshold; the blocks labelled content; the blocks scored above
/// one half.
fn variants(page: &Page, probabilities: &[f32]) -> Vec<String> {
    let mut out = vec![page.lede.join("\n")];
    for t in THRESHOLDS {
        let mut low = HashSet::new();
        let mut high = HashSet::new();
        for ((text, _), &p) in page.blocks.iter().zip(probabilities) {
            for line in text.lines().map(str::trim) {
                if p < t {
                    low.insert(line);
                } else {
                    high.insert(line);
                }
            }
        }
        let kept: Vec<&str> = page
            .lede
            .iter()
            .map(String::as_str)
            .filter(|l| !low.contains(l) || high.contains(l))
            .collect();
        out.push(kept.join("\n"));
    }
    let have: HashSet<&str> = page.lede.iter().map(|l| l.trim()).collect();
    for t in ADD_THRESHOLDS {
        let mut text = page.lede.join("\n");
        let mut added = HashSet::new();
        for ((block, row), &p) in page.blocks.iter().zip(probabilities) {
            for line in block.lines().map(str::trim) {
                if p > t && row[IN_CHOSEN] == 0.0 && !have.contains(line) && added.insert(line) {
                    text.push('\n');
                    text.push_str(line);
                }
            }
        }
        out.push(text);
    }
    out.push(
        page.blocks
            .iter()
            .zip(&page.labels)
            .filter(|(_, &y)| y > 0.5)
            .map(|((b, _), _)| b.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    out.push(
        page.blocks
            .iter()
            .zip(probabilities)
            .filter(|(_, &p)| p > 0.5)
            .map(|((b, _), _)| b.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    out
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

fn main() -> Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let strict = match args.iter().position(|a| a == "--loose") {
        Some(at) => {
            args.remove(at);
            false
        }
        None => true,
    };
    let path = args
        .first()
        .map_or("bench-out/blocks/pages.jsonl", String::as_str);
    let pages = load(path, strict)?;
    let blocks: usize = pages.iter().map(|p| p.blocks.len()).sum();
    let positives: f32 = pages.iter().flat_map(|p| p.labels.iter()).sum();
    eprintln!(
        "{} pages, {blocks} blocks, {positives} labelled content",
        pages.len()
    );
    // (group, variant, fold) -> page F1s.
    let mut scores: HashMap<(String, usize, usize), Vec<f64>> = HashMap::new();
    let (mut right, mut total) = (0usize, 0usize);
    for fold in 0..5 {
        let train_pages: Vec<&Page> = pages.iter().filter(|p| p.fold != fold).collect();
        let forest = train(&train_pages).compile();
        for page in pages.iter().filter(|p| p.fold == fold) {
            let rows: Vec<BlockRow> = page.blocks.iter().map(|(_, r)| *r).collect();
            let mut logits = Vec::new();
            forest.predict_rows(&rows, &mut logits);
            let probabilities: Vec<f32> =
                logits.iter().map(|&m| 1.0 / (1.0 + (-m).exp())).collect();
            for (&p, &y) in probabilities.iter().zip(&page.labels) {
                right += usize::from((p >= 0.5) == (y >= 0.5));
                total += 1;
            }
            let mut groups = vec![page.set.clone()];
            if page.set == "wcxb" {
                groups.push(format!("wcxb:{}", page.kind));
            }
            for (v, text) in variants(page, &probabilities).iter().enumerate() {
                let f1 = word_f1(&page.gold, text);
                for g in &groups {
                    scores.entry((g.clone(), v, fold)).or_default().push(f1);
                }
            }
        }
    }
    println!(
        "block accuracy out of fold: {:.3} ({total} blocks)",
        right as f64 / total.max(1) as f64
    );
    let mut names = vec!["lede".to_string()];
    names.extend(THRESHOLDS.iter().map(|t| format!("drop<{t}")));
    names.extend(ADD_THRESHOLDS.iter().map(|t| format!("add>{t}")));
    names.push("gold blocks".into());
    names.push("classifier blocks".into());
    print!("| group | pages |");
    for n in &names {
        print!(" {n} |");
    }
    println!();
    let mut groups: Vec<String> = scores.keys().map(|(g, _, _)| g.clone()).collect();
    groups.sort();
    groups.dedup();
    for g in groups {
        let n: usize = (0..5)
            .map(|f| scores.get(&(g.clone(), 0, f)).map_or(0, Vec::len))
            .sum();
        print!("| {g} | {n} |");
        for v in 0..names.len() {
            let per_fold: Vec<f64> = (0..5)
                .filter_map(|f| scores.get(&(g.clone(), v, f)).map(|s| mean(s)))
                .collect();
            print!(" {:.3} ± {:.3} |", mean(&per_fold), spread(&per_fold));
        }
        println!();
    }
    if let Some(out) = args.get(1) {
        let all: Vec<&Page> = pages.iter().collect();
        std::fs::write(out, train(&all).to_bytes())?;
        eprintln!("wrote {out}");
    }
    Ok(())
}
