//! Trains the block classifier and cross-validates it by domain fold.
//!
//! Usage: `train_blocks [--loose] [--no-cv] [--trees N] [--depth D] [--dump F1S.jsonl]
//! [PAGES.jsonl] [MODEL_OUT]` (defaults `bench-out/blocks/pages.jsonl`, 120 trees of depth
//! 5, no model written; `--loose` classifies the blocks of the walk that keeps elements
//! named like layout, the extractor's second pass and the one extraction classifies;
//! `--no-cv` skips the cross-validation; `--dump` writes each page's F1 per variant;
//! `--types` reads each page's type from a file of `train_ptypes --oof`, the out-of-fold
//! learned types, in place of the extractor's, and adds rows per set and detected type, for
//! choosing the classifier's gate by type). PAGES comes from `scripts/extract/block_folds.py`: the pages of WCXB
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

mod common;

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, Write};

use lede_gbdt::TrainConfig;
use lede_html::classify::{BlockModel, BlockRow, Use};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Drop thresholds on the classifier's probability that are cross-validated.
const THRESHOLDS: [f32; 2] = [0.1, 0.3];
/// Add thresholds: blocks outside the output scored above one are added.
const ADD_THRESHOLDS: [f32; 5] = [0.4, 0.5, 0.6, 0.7, 0.8];
/// Index of the `in_chosen` feature.
const IN_CHOSEN: usize = 13;
/// A body shorter than this (in characters) counts as short for the gated variants.
const SHORT_BODY: usize = 1500;

/// The trainer's settings: `trees` of depth `depth`.
fn config(trees: usize, depth: usize) -> TrainConfig {
    TrainConfig {
        trees,
        max_depth: depth,
        learning_rate: 0.1,
        ..TrainConfig::default()
    }
}

/// The command line.
struct Args {
    /// Blocks of the walk that keeps elements named like layout.
    loose: bool,
    /// Only train on all folds and write the model.
    no_cv: bool,
    trees: usize,
    depth: usize,
    /// Where to write per-page F1 of every variant (JSON lines).
    dump: Option<String>,
    /// Out-of-fold page types (JSON lines of `train_ptypes --oof`).
    types: Option<String>,
    pages: String,
    model: Option<String>,
}

fn parse_args() -> Result<Args> {
    let mut args = Args {
        loose: false,
        no_cv: false,
        trees: 120,
        depth: 5,
        dump: None,
        types: None,
        pages: "bench-out/blocks/pages.jsonl".into(),
        model: None,
    };
    let mut positional = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--loose" => args.loose = true,
            "--no-cv" => args.no_cv = true,
            "--trees" => args.trees = value()?.parse()?,
            "--depth" => args.depth = value()?.parse()?,
            "--dump" => args.dump = Some(value()?),
            "--types" => args.types = Some(value()?),
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
    id: String,
    kind: String,
    fold: usize,
    gold: String,
    /// The current extractor's paragraphs.
    lede: Vec<String>,
    /// The page type the extractor reports.
    page_type: lede_html::PageType,
    /// That type is an article.
    article: bool,
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

/// The page types of a `train_ptypes --oof` file, by set and id.
fn load_types(path: &str) -> Result<HashMap<(String, String), lede_html::PageType>> {
    let mut types = HashMap::new();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let row: serde_json::Value = serde_json::from_str(&line?)?;
        let set = row["set"].as_str().unwrap_or("").to_string();
        types.insert(
            (set, row["id"].to_string()),
            serde_json::from_value(row["type"].clone())?,
        );
    }
    Ok(types)
}

fn load(
    path: &str,
    strict: bool,
    types: Option<&HashMap<(String, String), lede_html::PageType>>,
) -> Result<Vec<Page>> {
    let mut pages = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let row: serde_json::Value = serde_json::from_str(&line?)?;
        let html_path = row["path"].as_str().ok_or("row without path")?;
        let bytes = common::read_page(html_path)?;
        let url = row["url"].as_str();
        let (lede, page_type) = lede_html::extract_bytes_by_rules(&bytes, url)
            .map(|a| (a.paragraphs, a.page_type))
            .unwrap_or_default();
        let set = row["set"].as_str().unwrap_or("").to_string();
        let page_type = types
            .and_then(|t| t.get(&(set.clone(), row["id"].to_string())).copied())
            .unwrap_or(page_type);
        let article = page_type == lede_html::PageType::Article;
        let html = lede_html::decode_html(&bytes, None);
        let blocks = lede_html::training_blocks(&html, strict, url);
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
            set,
            id: row["id"].to_string(),
            kind: row["type"].as_str().unwrap_or("").to_string(),
            fold: row["fold"].as_u64().ok_or("row without fold")? as usize,
            gold,
            lede,
            page_type,
            article,
            blocks,
            labels,
        });
    }
    Ok(pages)
}

fn train(pages: &[&Page], config: &TrainConfig) -> BlockModel {
    let rows: Vec<BlockRow> = pages
        .iter()
        .flat_map(|p| p.blocks.iter().map(|(_, r)| *r))
        .collect();
    let labels: Vec<f32> = pages
        .iter()
        .flat_map(|p| p.labels.iter().copied())
        .collect();
    let (base_score, trees) = lede_gbdt::train(&rows, &labels, config);
    BlockModel { base_score, trees }
}

/// The extractor's output without the lines of blocks scored below `t` (unless another
/// block with the same line scores at least `t`).
fn drop_below(page: &Page, probabilities: &[f32], t: f32) -> String {
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
    kept.join("\n")
}

/// The extractor's output plus the lines of blocks outside the walk's chosen element
/// scored above `t`.
fn add_above(page: &Page, probabilities: &[f32], t: f32) -> String {
    let have: HashSet<&str> = page.lede.iter().map(|l| l.trim()).collect();
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
    text
}

/// The blocks whose `keep` holds, joined.
fn blocks_where(page: &Page, keep: impl Fn(usize) -> bool) -> String {
    page.blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .map(|(_, (b, _))| b.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The page's text under each variant, named: the extractor's output; that output without
/// the lines of low-scored blocks; plus the lines of high-scored blocks outside the chosen
/// element; the same gated to pages the extractor does not call an article (`na:`) or
/// whose body is short (`short:`); the classifier's blocks alone in place of the output on
/// such pages; the use the extractor makes of the classifier (`extractor`:
/// `lede_html::classify::classifier_use`); the blocks labelled content; the blocks scored
/// above one half.
fn variants(page: &Page, probabilities: &[f32]) -> Vec<(String, String)> {
    let lede = page.lede.join("\n");
    let classifier = blocks_where(page, |i| probabilities[i] > 0.5);
    let short = page.lede.iter().map(|l| l.chars().count()).sum::<usize>() < SHORT_BODY;
    let gates = [("na:", !page.article), ("short:", short)];
    let mut out = vec![("lede".to_string(), lede.clone())];
    for t in THRESHOLDS {
        out.push((format!("drop<{t}"), drop_below(page, probabilities, t)));
    }
    for t in ADD_THRESHOLDS {
        let added = add_above(page, probabilities, t);
        for (gate, open) in gates {
            let text = if open { added.clone() } else { lede.clone() };
            out.push((format!("{gate}add>{t}"), text));
        }
        out.push((format!("add>{t}"), added));
    }
    for (gate, open) in gates {
        let dropped = drop_below(page, probabilities, 0.3);
        out.push((
            format!("{gate}drop<0.3"),
            if open { dropped } else { lede.clone() },
        ));
        out.push((
            format!("{gate}classifier"),
            if open {
                classifier.clone()
            } else {
                lede.clone()
            },
        ));
    }
    let chars = page.lede.iter().map(|l| l.chars().count()).sum();
    let gated = match lede_html::classify::classifier_use(page.page_type, chars) {
        Some(Use::Add(t)) => add_above(page, probabilities, t),
        Some(Use::Replace(t)) => blocks_where(page, |i| probabilities[i] > t),
        None => lede.clone(),
    };
    out.push(("extractor".into(), gated));
    out.push((
        "gold blocks".into(),
        blocks_where(page, |i| page.labels[i] > 0.5),
    ));
    out.push(("classifier blocks".into(), classifier));
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
    let args = parse_args()?;
    let config = config(args.trees, args.depth);
    let types = args.types.as_deref().map(load_types).transpose()?;
    let pages = load(&args.pages, !args.loose, types.as_ref())?;
    let blocks: usize = pages.iter().map(|p| p.blocks.len()).sum();
    let positives: f32 = pages.iter().flat_map(|p| p.labels.iter()).sum();
    eprintln!(
        "{} pages, {blocks} blocks, {positives} labelled content",
        pages.len()
    );
    if !args.no_cv {
        cross_validate(&pages, &config, args.dump.as_deref())?;
    }
    if let Some(out) = &args.model {
        let all: Vec<&Page> = pages.iter().collect();
        std::fs::write(out, train(&all, &config).to_bytes())?;
        eprintln!("wrote {out}");
    }
    Ok(())
}

/// Trains on four folds and scores the fifth, for each fold; prints the table.
fn cross_validate(pages: &[Page], config: &TrainConfig, dump: Option<&str>) -> Result<()> {
    let mut dump = match dump {
        Some(path) => Some(std::io::BufWriter::new(std::fs::File::create(path)?)),
        None => None,
    };
    // (group, variant, fold) -> page F1s.
    let mut scores: HashMap<(String, usize, usize), Vec<f64>> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let (mut right, mut total) = (0usize, 0usize);
    for fold in 0..5 {
        let train_pages: Vec<&Page> = pages.iter().filter(|p| p.fold != fold).collect();
        let forest = train(&train_pages, config).compile();
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
            let detected = serde_json::to_value(page.page_type)?;
            let chars: usize = page.lede.iter().map(|l| l.chars().count()).sum();
            let short = if chars < 200 { " short" } else { "" };
            groups.push(format!(
                "detected {} {}{short}",
                detected.as_str().unwrap_or(""),
                page.set
            ));
            let texts = variants(page, &probabilities);
            if names.is_empty() {
                names = texts.iter().map(|(n, _)| n.clone()).collect();
            }
            let mut f1s = serde_json::Map::new();
            for (v, (name, text)) in texts.iter().enumerate() {
                let f1 = word_f1(&page.gold, text);
                f1s.insert(name.clone(), f1.into());
                for g in &groups {
                    scores.entry((g.clone(), v, fold)).or_default().push(f1);
                }
            }
            if let Some(out) = dump.as_mut() {
                let line = serde_json::json!({
                    "set": page.set, "id": page.id, "type": page.kind, "fold": fold,
                    "detected": page.page_type, "lede_chars": page.lede.iter().map(|l| l.chars().count()).sum::<usize>(),
                    "f1": f1s,
                });
                writeln!(out, "{line}")?;
            }
        }
    }
    println!(
        "block accuracy out of fold: {:.3} ({total} blocks)",
        right as f64 / total.max(1) as f64
    );
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
    Ok(())
}
