//! `lede train` and `lede oracle` end to end: positional inputs and the old
//! flag spellings, the Lead-3 baseline beside the model, and one oracle over
//! cleaned sentences with text and offsets.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn fixture(path: &str) -> String {
    format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("train_oracle_cli_{name}"))
}

fn lede(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .output()
        .expect("run lede")
}

fn lede_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run lede");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn ok(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    err
}

fn train_positional(output: &std::path::Path, threads: &str) -> Output {
    let corpus = fixture("summarize/corpus.jsonl");
    lede(&[
        "train",
        &corpus,
        "--valid",
        &corpus,
        "-o",
        output.to_str().unwrap(),
        "--trees",
        "6",
        "--report-every",
        "3",
        "--no-progress",
        "-j",
        threads,
    ])
}

#[test]
fn train_takes_a_positional_corpus_and_prints_lead3_beside_the_model() {
    let model = scratch("model.lmdl");
    let err = ok(&train_positional(&model, "1"));
    assert!(err.contains("trees    3: valid ROUGE-1"), "{err}");
    let model_row = err
        .lines()
        .find(|l| l.trim_start().starts_with("model ("))
        .unwrap_or_else(|| panic!("no model row in {err}"));
    let lead_row = err
        .lines()
        .find(|l| l.trim_start().starts_with("Lead-3"))
        .unwrap_or_else(|| panic!("no Lead-3 row in {err}"));
    for row in [model_row, lead_row] {
        let numbers: Vec<f64> = row
            .split_whitespace()
            .rev()
            .take(3)
            .map(|x| x.parse().unwrap())
            .collect();
        assert!(numbers.iter().all(|&x| x > 0.0 && x < 100.0), "{row}");
    }

    let again = scratch("model-again.lmdl");
    ok(&train_positional(&again, "2"));
    assert_eq!(
        std::fs::read(&model).unwrap(),
        std::fs::read(&again).unwrap(),
        "same bytes on 1 and 2 threads"
    );
}

#[test]
fn train_reads_the_training_corpus_from_stdin() {
    let corpus = fixture("summarize/corpus.jsonl");
    let from_file = scratch("model-file.lmdl");
    ok(&train_positional(&from_file, "2"));
    let from_stdin = scratch("model-stdin.lmdl");
    let out = lede_stdin(
        &[
            "train",
            "-",
            "--valid",
            &corpus,
            "-o",
            from_stdin.to_str().unwrap(),
            "--trees",
            "6",
            "--report-every",
            "3",
            "--no-progress",
        ],
        &std::fs::read(&corpus).unwrap(),
    );
    ok(&out);
    assert_eq!(
        std::fs::read(&from_file).unwrap(),
        std::fs::read(&from_stdin).unwrap()
    );
}

#[test]
fn train_help_shows_the_library_defaults() {
    let out = lede(&["train", "--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("[default: 200]"), "{help}");
    assert!(!help.contains("--train"), "the old flag stays hidden");
}

#[test]
fn train_refuses_bad_settings_and_missing_input() {
    let corpus = fixture("summarize/corpus.jsonl");
    let out = lede(&[
        "train", &corpus, "--valid", &corpus, "-o", "x.lmdl", "--folds", "1",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("folds must be at least 2"));
    let out = lede(&["train", "--valid", &corpus, "-o", "x.lmdl"]);
    assert!(!out.status.success());
}

fn rows(path: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// An article whose second sentence repeats the first and whose second
/// paragraph is site furniture: cleaning drops both.
const ARTICLE: &str = "Police arrested two men after a robbery in Leeds on Sunday. Police arrested two men after a robbery in Leeds on Sunday.\n\nScroll down for video\n\nThe men took jewellery worth 50,000 pounds from the shop. A shop assistant was unhurt.";

#[test]
fn oracle_chooses_cleaned_sentences_with_text_and_offsets() {
    let record = serde_json::json!({
        "id": "leeds",
        "article": ARTICLE,
        "highlights": ["Police arrested two men after a robbery in Leeds.", "The stolen jewellery was worth 50,000 pounds."],
    });
    let input = scratch("leeds.jsonl");
    std::fs::write(&input, format!("{record}\n")).unwrap();
    let labels = scratch("leeds-labels.jsonl");
    let out = lede(&[
        "oracle",
        input.to_str().unwrap(),
        "-o",
        labels.to_str().unwrap(),
        "-f",
        "json",
    ]);
    ok(&out);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"], 1);
    let rows = rows(&labels);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row["id"], "leeds");
    assert_eq!(row["sentences"], 3, "the duplicate is not a sentence");
    assert_eq!(row["labels"], serde_json::json!([0, 1]));
    let chosen = row["chosen"].as_array().unwrap();
    assert_eq!(chosen.len(), 2);
    for c in chosen {
        let (b0, b1) = (
            c["byte_start"].as_u64().unwrap() as usize,
            c["byte_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&ARTICLE[b0..b1], c["text"].as_str().unwrap());
        assert_eq!(
            c["start"].as_u64().unwrap() as usize,
            b0,
            "ASCII: chars = bytes"
        );
    }
    assert_eq!(
        chosen[1]["text"],
        "The men took jewellery worth 50,000 pounds from the shop."
    );
}

#[test]
fn oracle_reads_stdin_and_keeps_the_old_flag() {
    let data = fixture("eval/dataset.jsonl");
    let by_flag = lede(&["oracle", "--dataset", &data, "-f", "json"]);
    ok(&by_flag);
    let from_stdin = lede_stdin(
        &["oracle", "-", "-f", "json"],
        &std::fs::read(&data).unwrap(),
    );
    ok(&from_stdin);
    assert_eq!(by_flag.stdout, from_stdin.stdout);
    let report: Value = serde_json::from_slice(&by_flag.stdout).unwrap();
    assert_eq!(report["documents"], 3);
}

#[test]
fn train_in_french_records_the_language_and_prints_lead1() {
    let corpus = format!(
        "{}/../lede-train/tests/fixtures/fr_sample.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let model = scratch("fr.lmdl");
    let err = ok(&lede(&[
        "train",
        &corpus,
        "--valid",
        &corpus,
        "-o",
        model.to_str().unwrap(),
        "--language",
        "fr",
        "-s",
        "1",
        "--max-overlap",
        "0.4",
        "--trees",
        "6",
        "--no-progress",
    ]));
    assert!(
        err.contains("French rules; ROUGE: multilingual tokens"),
        "{err}"
    );
    assert!(err.contains("Lead-1 (first sentences)"), "{err}");
    assert!(err.contains("1 sentences, max overlap 0.4"), "{err}");
    let loaded = lede::score::learned::Model::load(&model).unwrap();
    assert_eq!(loaded.selection.sentences, 1);
    assert_eq!(loaded.selection.max_overlap, 0.4);
    assert!(loaded.selection.set_scorer.is_some());

    let plain = scratch("fr-plain.lmdl");
    ok(&lede(&[
        "train",
        &corpus,
        "--valid",
        &corpus,
        "-o",
        plain.to_str().unwrap(),
        "--language",
        "fr",
        "-s",
        "1",
        "--trees",
        "6",
        "--no-set-scorer",
        "--no-progress",
    ]));
    let bytes = std::fs::read(&plain).unwrap();
    assert_eq!(&bytes[8..12], &1u32.to_le_bytes(), "format version 1");
    let loaded = lede::score::learned::Model::load(&plain).unwrap();
    assert!(loaded.selection.set_scorer.is_none());
}
