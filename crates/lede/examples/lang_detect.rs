//! Language detection accuracy and speed on the fundus pages.
//!
//! Each page is extracted with `lede_html::extract`; the detector reads the
//! title and body text. The expected language is the language of the
//! page's country, except for the publishers listed in [`EXCEPTIONS`]
//! (German-language papers abroad, English editions, regional languages).
//! Pages written in a language lede has no resources for expect `None`
//! (language-neutral).
//!
//! ```text
//! cargo run --release -p lede --example lang_detect -- ../shared/data/fundus_dev
//! ```

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use lede::lang::{detect, Language};

/// The language of a country's pages, `None` for languages without
/// resources in lede.
fn country_language(country: &str) -> Option<Option<Language>> {
    use Language as L;
    Some(match country {
        "de" | "at" | "ch" | "li" | "lu" => Some(L::German),
        "us" | "uk" | "ca" | "za" | "na" | "ls" | "tz" | "ind" | "my" | "tw" | "mx" => {
            Some(L::English)
        }
        "fr" => Some(L::French),
        "es" | "py" => Some(L::Spanish),
        "it" => Some(L::Italian),
        "jp" => Some(L::Japanese),
        "kr" => Some(L::Korean),
        "cn" => Some(L::Chinese),
        "cz" => Some(L::Czech),
        "dk" | "gl" => Some(L::Danish),
        "no" => Some(L::Norwegian),
        "pl" => Some(L::Polish),
        "pt" => Some(L::Portuguese),
        "tr" => Some(L::Turkish),
        "be" => Some(L::Dutch),
        "id" => Some(L::Indonesian),
        "ua" => Some(L::Ukrainian),
        "lb" => Some(L::Arabic),
        "il" | "lt" => None,
        _ => return None,
    })
}

/// Publishers whose pages are not in their country's language, with the
/// language they are in (checked by reading the pages).
const EXCEPTIONS: &[(&str, Option<Language>)] = &[
    ("PoliticoEu", Some(Language::English)),
    ("MallorcaZeitung", Some(Language::German)),
    ("MallorcaMagazin", Some(Language::German)),
    ("Wochenblatt", Some(Language::German)),
    ("Tageszeitung", Some(Language::German)),
    ("IsraelNachrichten", Some(Language::German)),
    ("ThePortugalNews", Some(Language::English)),
    ("MexicoNewsDaily", Some(Language::English)),
    ("TaipeiTimes", Some(Language::English)),
    ("Bhaskar", None),
    ("Dizindaba", None),
    ("EyethuNews", None),
    ("IsolezweLesiXhosa", None),
    ("HabariLeo", None),
    // The pages are from the paper's Russian edition (pravda.com.ua/rus/).
    ("Pravda", Some(Language::Russian)),
];

#[derive(serde::Deserialize)]
struct Truth {
    id: String,
    country: String,
    publisher: String,
}

fn gunzip(path: &Path) -> Result<String> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file).read_to_string(&mut text)?;
    Ok(text)
}

/// The first `cap` bytes of `text`, cut back to a character boundary.
fn prefix(text: &str, cap: usize) -> &str {
    let mut end = text.len().min(cap);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn name(lang: Option<Language>) -> &'static str {
    lang.map_or("none", Language::code)
}

fn main() -> Result<()> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/data/fundus_dev".into()),
    );
    let truth = gunzip(&dir.join("ground_truth.jsonl.gz"))?;
    let mut texts = Vec::new();
    for line in truth.lines().filter(|l| !l.trim().is_empty()) {
        let row: Truth = serde_json::from_str(line)?;
        let expected = match EXCEPTIONS.iter().find(|(p, _)| *p == row.publisher) {
            Some(&(_, lang)) => lang,
            None => country_language(&row.country)
                .with_context(|| format!("no language for country {}", row.country))?,
        };
        let html = gunzip(&dir.join("html").join(format!("{}.html.gz", row.id)))?;
        let text = match lede_html::extract(&html, None) {
            Ok(article) => format!("{}\n\n{}", article.title, article.paragraphs.join("\n\n")),
            Err(e) => {
                println!("{}: extraction failed ({e})", row.id);
                String::new()
            }
        };
        texts.push((row, expected, text));
    }

    // The full texts (detect reads at most DETECT_BYTES of them), then
    // shorter prefixes, to show what the cut costs and saves.
    for cap in [lede::lang::DETECT_BYTES, 2048, 1024, 512] {
        let cut: Vec<&str> = texts.iter().map(|(_, _, t)| prefix(t, cap)).collect();
        let mut correct = 0;
        for ((row, expected, _), text) in texts.iter().zip(&cut) {
            let found = detect(text);
            if found.map(|(l, _)| l) == *expected {
                correct += 1;
            } else {
                println!(
                    "WRONG ({cap} bytes) {} {}/{}: expected {}, detected {} ({:.2}), {} bytes",
                    row.id,
                    row.country,
                    row.publisher,
                    name(*expected),
                    name(found.map(|(l, _)| l)),
                    found.map_or(0.0, |(_, c)| c),
                    text.len()
                );
            }
        }
        let rounds = 10;
        let time = |english: bool| {
            let chosen: Vec<&str> = texts
                .iter()
                .zip(&cut)
                .filter(|((_, expected, _), _)| (*expected == Some(Language::English)) == english)
                .map(|(_, text)| *text)
                .collect();
            let start = Instant::now();
            for _ in 0..rounds {
                for text in &chosen {
                    std::hint::black_box(detect(std::hint::black_box(text)));
                }
            }
            start.elapsed().as_secs_f64() * 1e6 / (rounds * chosen.len().max(1)) as f64
        };
        let (english, other) = (time(true), time(false));
        println!(
            "first {cap:>4} bytes: accuracy {correct}/{} = {:.2}%, {english:.1} µs per English article, {other:.1} µs per other article",
            texts.len(),
            100.0 * correct as f64 / texts.len() as f64,
        );
    }
    Ok(())
}
