//! Boundary precision, recall and F1 of the sentence segmenter on the
//! hand-labelled cases in `fixtures/segment/gold.txt` (English) and
//! `fixtures/segment/gold_{de,fr,es}.txt` (German, French, Spanish).
//!
//! Run with `cargo test -p lede --test segment_gold -- --nocapture` to see
//! the figures per language and group and every case that differs.

use std::collections::BTreeSet;

use lede::lang::Language;
use lede::segment::split_sentences_in;

/// Measured English F1 (0.9966 on 398 cases) minus a small margin.
const ENGLISH_FLOOR: f64 = 0.985;
/// Measured F1 per language (1.000 each on the sets as committed, which were
/// written alongside the rules) minus a margin.
const GERMAN_FLOOR: f64 = 0.98;
const FRENCH_FLOOR: f64 = 0.98;
const SPANISH_FLOOR: f64 = 0.98;

/// One labelled case: the input and the byte offsets where sentences end
/// (all but the last sentence).
struct Case {
    group: String,
    line: usize,
    text: String,
    boundaries: BTreeSet<usize>,
}

fn unescape(piece: &str) -> String {
    let mut out = String::with_capacity(piece.len());
    let mut chars = piece.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Splits a case line on unescaped `|`.
fn pieces(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut escaped = false;
    for c in line.chars() {
        if escaped {
            current.push('\\');
            current.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '|' {
            out.push(unescape(&current));
            current.clear();
        } else {
            current.push(c);
        }
    }
    out.push(unescape(&current));
    out
}

fn parse(gold: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut group = String::from("ungrouped");
    for (index, line) in gold.lines().enumerate() {
        if let Some(name) = line.strip_prefix("## ") {
            group = name.trim().to_owned();
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut text = String::new();
        let mut boundaries = BTreeSet::new();
        let parts = pieces(line);
        for (k, part) in parts.iter().enumerate() {
            let part = if k > 0 && text.ends_with(' ') && part.starts_with(' ') {
                &part[1..]
            } else {
                part.as_str()
            };
            text.push_str(part);
            if k + 1 < parts.len() {
                boundaries.insert(text.trim_end().len());
            }
        }
        cases.push(Case {
            group: group.clone(),
            line: index + 1,
            text,
            boundaries,
        });
    }
    cases
}

/// Sentence ends the segmenter finds, all but the last sentence's.
fn predicted(text: &str, lang: Language) -> BTreeSet<usize> {
    let sentences = split_sentences_in(text, 0..text.len(), Some(lang));
    let n = sentences.len().saturating_sub(1);
    sentences.iter().take(n).map(|r| r.end).collect()
}

/// The text with `|` at each boundary, for failure reports.
fn marked(text: &str, boundaries: &BTreeSet<usize>) -> String {
    let mut out = String::new();
    let mut last = 0;
    for &b in boundaries {
        out.push_str(&text[last..b]);
        out.push('|');
        last = b;
    }
    out.push_str(&text[last..]);
    out.replace('\n', "\\n")
}

#[derive(Default)]
struct Counts {
    hit: usize,
    predicted: usize,
    gold: usize,
}

impl Counts {
    fn add(&mut self, gold: &BTreeSet<usize>, predicted: &BTreeSet<usize>) {
        self.hit += gold.intersection(predicted).count();
        self.predicted += predicted.len();
        self.gold += gold.len();
    }

    fn precision(&self) -> f64 {
        ratio(self.hit, self.predicted)
    }

    fn recall(&self) -> f64 {
        ratio(self.hit, self.gold)
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores the gold set of `lang`, prints the figures and every differing
/// case, and checks the case count and the F1 floor.
fn check(gold: &str, lang: Language, f1_floor: f64, min_cases: usize) {
    let cases = parse(gold);
    assert!(cases.len() >= min_cases, "only {} cases", cases.len());
    let mut total = Counts::default();
    let mut groups: Vec<(String, Counts, usize)> = Vec::new();
    let mut failures = 0;
    for case in &cases {
        assert!(
            !case.text.trim().is_empty(),
            "line {}: empty case",
            case.line
        );
        assert!(
            !case.boundaries.contains(&case.text.trim_end().len()),
            "line {}: boundary at the very end",
            case.line
        );
        let found = predicted(&case.text, lang);
        total.add(&case.boundaries, &found);
        if groups.last().is_none_or(|g| g.0 != case.group) {
            groups.push((case.group.clone(), Counts::default(), 0));
        }
        if let Some(group) = groups.last_mut() {
            group.1.add(&case.boundaries, &found);
            group.2 += 1;
        }
        if found != case.boundaries {
            failures += 1;
            println!("FAIL {} line {} [{}]", lang.code(), case.line, case.group);
            println!("  gold: {}", marked(&case.text, &case.boundaries));
            println!("  got:  {}", marked(&case.text, &found));
        }
    }
    println!();
    for (name, counts, n) in &groups {
        println!(
            "{name:<45} cases {n:>3}  P {:.3}  R {:.3}  F1 {:.3}",
            counts.precision(),
            counts.recall(),
            counts.f1()
        );
    }
    println!(
        "\nsegment gold {}: {} cases, {} boundaries, {} cases differ; boundary P {:.4} R {:.4} F1 {:.4}",
        lang.code(),
        cases.len(),
        total.gold,
        failures,
        total.precision(),
        total.recall(),
        total.f1()
    );
    assert!(
        total.f1() >= f1_floor,
        "{} boundary F1 {:.4} fell below {f1_floor}",
        lang.code(),
        total.f1()
    );
}

#[test]
fn english_boundary_f1() {
    check(
        include_str!("fixtures/segment/gold.txt"),
        Language::English,
        ENGLISH_FLOOR,
        300,
    );
}

#[test]
fn german_boundary_f1() {
    check(
        include_str!("fixtures/segment/gold_de.txt"),
        Language::German,
        GERMAN_FLOOR,
        100,
    );
}

#[test]
fn french_boundary_f1() {
    check(
        include_str!("fixtures/segment/gold_fr.txt"),
        Language::French,
        FRENCH_FLOOR,
        100,
    );
}

#[test]
fn spanish_boundary_f1() {
    check(
        include_str!("fixtures/segment/gold_es.txt"),
        Language::Spanish,
        SPANISH_FLOOR,
        100,
    );
}
