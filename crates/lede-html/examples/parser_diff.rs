//! Differential check of the hand-written HTML parser against html5ever.
//!
//! Usage: `parser_diff DATA_DIR DETAILS.jsonl`. Parses every `.html.gz` page of the four
//! HTML sets in DATA_DIR (as `dump_extract` lists them) with both parsers, after the same
//! charset decoding, and compares what a reader sees: the words in order, the blocks they
//! fall into, and how much of the text is inside links (see `tests/reference/mod.rs`). It
//! also runs the article finder on both trees and compares the paragraphs. Prints one line
//! of counts per set; writes one JSON row per page that differs to DETAILS.jsonl (with both articles when
//! they differ).

#[allow(dead_code, unused_imports)]
#[path = "../src/content/mod.rs"]
mod content;
#[allow(dead_code)]
#[path = "../src/dom/mod.rs"]
mod dom;
#[allow(dead_code)]
#[path = "../src/keys.rs"]
mod keys;
#[allow(dead_code)]
#[path = "../src/meta/ld.rs"]
mod ld;
/// The page's JSON-LD, which the content module reads for the declared page type.
mod meta {
    pub(crate) use super::ld::{types_of, Graph, JsonLd};
}
#[path = "../tests/reference/mod.rs"]
mod reference;

mod common;

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const SETS: [&str; 4] = [
    "article_extraction_benchmark",
    "wcxb_dev",
    "fundus_dev",
    "trafilatura_eval",
];

/// Words shown around a difference in the details.
const CONTEXT: usize = 12;

#[derive(Default)]
struct Counts {
    pages: usize,
    words_differ: usize,
    blocks_differ: usize,
    links_differ: usize,
    article_differs: usize,
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, data, details] = args.as_slice() else {
        return Err("usage: parser_diff DATA_DIR DETAILS.jsonl".into());
    };
    let mut details = std::io::BufWriter::new(std::fs::File::create(details)?);
    println!("set\tpages\twords_differ\tblocks_differ\tlinks_differ\tarticle_differs");
    let mut total = Counts::default();
    for set in SETS {
        let dir = Path::new(data).join(set).join("html");
        let files = common::set_pages(&dir)?;
        let mut counts = Counts::default();
        for path in files {
            let bytes = common::read_page(&path)?;
            let html = lede_html::decode_html(&bytes, None);
            let name = path.file_name().ok_or("no file name")?.to_string_lossy();
            if let Some(row) = compare(&format!("{set}/{name}"), &html, &mut counts) {
                writeln!(details, "{row}")?;
            }
        }
        println!(
            "{set}\t{}\t{}\t{}\t{}\t{}",
            counts.pages,
            counts.words_differ,
            counts.blocks_differ,
            counts.links_differ,
            counts.article_differs
        );
        total.pages += counts.pages;
        total.words_differ += counts.words_differ;
        total.blocks_differ += counts.blocks_differ;
        total.links_differ += counts.links_differ;
        total.article_differs += counts.article_differs;
    }
    println!(
        "all\t{}\t{}\t{}\t{}\t{}",
        total.pages,
        total.words_differ,
        total.blocks_differ,
        total.links_differ,
        total.article_differs
    );
    details.flush()?;
    Ok(())
}

/// Compares the two parses of one page; the details row when they differ.
fn compare(id: &str, html: &str, counts: &mut Counts) -> Option<serde_json::Value> {
    counts.pages += 1;
    let ours_doc = dom::Document::parse(html);
    let theirs_doc = reference::parse(html);
    let ours = reference::visible(&ours_doc);
    let theirs = reference::visible(&theirs_doc);
    let ours_words = words(&ours.blocks);
    let theirs_words = words(&theirs.blocks);
    let words_differ = ours_words != theirs_words;
    let blocks_differ = ours.blocks != theirs.blocks;
    let links_differ = ours.link_chars != theirs.link_chars;
    let ours_article = content::body(&ours_doc, None).paragraphs;
    let theirs_article = content::body(&theirs_doc, None).paragraphs;
    let article_differs = ours_article != theirs_article;
    counts.words_differ += usize::from(words_differ);
    counts.blocks_differ += usize::from(blocks_differ);
    counts.links_differ += usize::from(links_differ);
    counts.article_differs += usize::from(article_differs);
    if !(words_differ || blocks_differ || links_differ || article_differs) {
        return None;
    }
    let mut row = serde_json::json!({
        "id": id,
        "words_differ": words_differ,
        "blocks_differ": blocks_differ,
        "link_chars": [ours.link_chars, theirs.link_chars],
        "same_word_bag": bag(&ours_words) == bag(&theirs_words),
        "words": [ours_words.len(), theirs_words.len()],
    });
    if words_differ {
        row["word_diff"] = diff(&ours_words, &theirs_words);
    }
    if blocks_differ {
        let o: Vec<&str> = ours.blocks.iter().map(String::as_str).collect();
        let t: Vec<&str> = theirs.blocks.iter().map(String::as_str).collect();
        row["block_diff"] = diff(&o, &t);
    }
    if article_differs {
        let o = words(&ours_article);
        let t = words(&theirs_article);
        row["article_words"] = serde_json::json!([o.len(), t.len()]);
        row["article_f1"] = serde_json::json!(f1(&o, &t));
        row["article_diff"] = diff(&o, &t);
        row["article"] = serde_json::json!([ours_article.join("\n"), theirs_article.join("\n")]);
    }
    Some(row)
}

fn words(blocks: &[String]) -> Vec<&str> {
    blocks.iter().flat_map(|b| b.split_whitespace()).collect()
}

fn bag<'a>(words: &[&'a str]) -> HashMap<&'a str, usize> {
    let mut bag = HashMap::new();
    for w in words {
        *bag.entry(*w).or_insert(0) += 1;
    }
    bag
}

/// Word-bag F1 of `a` against `b`.
fn f1(a: &[&str], b: &[&str]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (ba, mut bb) = (bag(a), bag(b));
    let mut common = 0;
    for (w, n) in ba {
        if let Some(m) = bb.get_mut(w) {
            let k = n.min(*m);
            common += k;
            *m -= k;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / a.len() as f64;
    let r = common as f64 / b.len() as f64;
    2.0 * p * r / (p + r)
}

/// The differing middle of two sequences once their common prefix and suffix are cut,
/// with a little context.
fn diff(a: &[&str], b: &[&str]) -> serde_json::Value {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let show = |s: &[&str]| {
        let text = s
            .iter()
            .take(CONTEXT * 2)
            .copied()
            .collect::<Vec<_>>()
            .join(" | ");
        text.chars().take(600).collect::<String>()
    };
    serde_json::json!({
        "at": prefix,
        "before": show(&a[prefix.saturating_sub(CONTEXT / 2)..prefix]),
        "ours": show(&a[prefix..a.len() - suffix]),
        "theirs": show(&b[prefix..b.len() - suffix]),
        "ours_len": a.len() - suffix - prefix,
        "theirs_len": b.len() - suffix - prefix,
    })
}
