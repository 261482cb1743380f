//! `lede eval` and `lede oracle` end to end on small fixtures. Expected
//! ROUGE means were computed with Google's rouge-score 0.1.2.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/eval/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("eval_cli_{name}"))
}

fn lede(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .output()
        .expect("run lede")
}

/// Runs a command that must fail; returns its stderr.
fn failure(args: &[&str]) -> String {
    let out = lede(args);
    assert!(!out.status.success(), "{args:?} succeeded");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json_ok(args: &[&str]) -> Value {
    let out = lede(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

fn f1_mean(report: &Value, metric: &str) -> f64 {
    report["scores"][metric]["fmeasure"]["mean"]
        .as_f64()
        .unwrap()
}

fn assert_close(got: f64, want: f64) {
    assert!((got - want).abs() < 1e-12, "{got} != {want}");
}

#[test]
fn scores_match_rouge_score_with_and_without_stemming() {
    let (pred, gold) = (fixture("pred_a.jsonl"), fixture("gold.jsonl"));
    let stem = json_ok(&["eval", "--pred", &pred, "--gold", &gold, "--format", "json"]);
    assert_eq!(stem["documents"], 4);
    assert_close(f1_mean(&stem, "rouge1"), 0.5853828136436833);
    assert_close(f1_mean(&stem, "rouge2"), 0.20535330261136714);
    assert_close(f1_mean(&stem, "rougeL"), 0.3469330991070122);
    assert_close(f1_mean(&stem, "rougeLsum"), 0.4191553213292344);
    let r1 = &stem["scores"]["rouge1"]["fmeasure"];
    assert!(
        r1["low"].as_f64() <= r1["mean"].as_f64() && r1["mean"].as_f64() <= r1["high"].as_f64()
    );

    let plain = json_ok(&[
        "eval",
        "--pred",
        &pred,
        "--gold",
        &gold,
        "--format",
        "json",
        "--no-stemmer",
    ]);
    assert_eq!(plain["stemmer"], false);
    assert_close(f1_mean(&plain, "rouge1"), 0.55204948031035);
    assert_close(f1_mean(&plain, "rougeLsum"), 0.38582198799590106);
}

#[test]
fn predictions_are_matched_by_id_in_any_order() {
    let report = json_ok(&[
        "eval",
        "--pred",
        &fixture("pred_b.jsonl"),
        "--gold",
        &fixture("gold.jsonl"),
        "--format",
        "json",
    ]);
    assert_close(f1_mean(&report, "rouge1"), 0.7415766864042727);
    assert_close(f1_mean(&report, "rougeL"), 0.6940322767908975);
}

#[test]
fn table_shows_every_metric_with_intervals() {
    let out = lede(&[
        "eval",
        "--pred",
        &fixture("pred_a.jsonl"),
        "--gold",
        &fixture("gold.jsonl"),
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("4 documents, stemming on"), "{text}");
    let r1 = text.lines().find(|l| l.starts_with("rouge1 ")).unwrap();
    assert!(r1.contains("58.54 ["), "{r1}");
    for metric in ["rouge2", "rougeL", "rougeLsum"] {
        assert!(
            text.lines().any(|l| l.starts_with(&format!("{metric} "))),
            "{text}"
        );
    }
}

#[test]
fn mismatched_ids_fail_with_a_listing_unless_allowed() {
    let (pred, gold) = (fixture("pred_mismatch.jsonl"), fixture("gold.jsonl"));
    let err = failure(&["eval", "--pred", &pred, "--gold", &gold]);
    assert!(err.contains("1 duplicate ids: d1"), "{err}");

    let out = lede(&[
        "eval",
        "--pred",
        &pred,
        "--gold",
        &gold,
        "--allow-mismatch",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing 2 ids: d3, d4"), "{err}");
    assert!(err.contains("1 ids not in the references: x9"), "{err}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"], 2);
}

#[test]
fn missing_ids_alone_are_an_error() {
    let pred = scratch("two_docs.jsonl");
    let mut f = std::fs::File::create(&pred).unwrap();
    writeln!(
        f,
        r#"{{"id": "d1", "summary": ["Police arrested two men."]}}"#
    )
    .unwrap();
    drop(f);
    let err = failure(&[
        "eval",
        "--pred",
        pred.to_str().unwrap(),
        "--gold",
        &fixture("gold.jsonl"),
    ]);
    assert!(err.contains("missing 3 ids: d2, d3, d4"), "{err}");
}

#[test]
fn gzipped_gold_reads_like_plain() {
    let gz = scratch("gold.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::fast(),
    );
    enc.write_all(&std::fs::read(fixture("gold.jsonl")).unwrap())
        .unwrap();
    enc.finish().unwrap();
    let report = json_ok(&[
        "eval",
        "--pred",
        &fixture("pred_a.jsonl"),
        "--gold",
        gz.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_close(f1_mean(&report, "rouge1"), 0.5853828136436833);
}

#[test]
fn per_doc_scores_in_csv_and_jsonl() {
    let csv = scratch("per_doc.csv");
    let jsonl = scratch("per_doc.jsonl");
    for path in [&csv, &jsonl] {
        let out = lede(&[
            "eval",
            "--pred",
            &fixture("pred_b.jsonl"),
            "--gold",
            &fixture("gold.jsonl"),
            "--per-doc",
            path.to_str().unwrap(),
        ]);
        assert!(out.status.success());
    }
    let csv = std::fs::read_to_string(csv).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0].starts_with("id,rouge1_p,rouge1_r,rouge1_f,rouge2_p"));
    assert!(lines[1].starts_with("d1,"));
    assert_eq!(lines[1].split(',').count(), 13);
    let rows: Vec<Value> = std::fs::read_to_string(jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[3]["id"], "d4");
    let f = rows[3]["rouge1"]["fmeasure"].as_f64().unwrap();
    assert!(f > 0.0 && f < 1.0);
}

#[test]
fn compare_reports_difference_and_p_value() {
    let (a, b, gold) = (
        fixture("pred_a.jsonl"),
        fixture("pred_b.jsonl"),
        fixture("gold.jsonl"),
    );
    let report = json_ok(&[
        "eval",
        "--compare",
        &a,
        &b,
        "--gold",
        &gold,
        "--format",
        "json",
    ]);
    let r1 = &report["scores"]["rouge1"];
    assert_close(r1["mean_a"].as_f64().unwrap(), 0.5853828136436833);
    assert_close(r1["mean_b"].as_f64().unwrap(), 0.7415766864042727);
    assert_close(
        r1["difference"].as_f64().unwrap(),
        0.7415766864042727 - 0.5853828136436833,
    );
    let p = r1["p_value"].as_f64().unwrap();
    assert!(p > 0.0 && p <= 1.0);

    let same = json_ok(&[
        "eval",
        "--compare",
        &a,
        &a,
        "--gold",
        &gold,
        "--format",
        "json",
    ]);
    assert_eq!(same["scores"]["rougeL"]["difference"], 0.0);
    assert_eq!(same["scores"]["rougeL"]["p_value"], 1.0);

    let out = lede(&["eval", "--compare", &a, &b, "--gold", &gold]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("B-A") && text.contains("rougeLsum"), "{text}");
}

#[test]
fn dataset_mode_summarizes_then_scores() {
    let data = fixture("dataset.jsonl");
    let report = json_ok(&[
        "eval",
        "--dataset",
        &data,
        "--algorithm",
        "lead",
        "--sentences",
        "2",
        "--format",
        "json",
    ]);
    assert_eq!(report["documents"], 3);
    assert!(f1_mean(&report, "rouge1") > 0.3);
    let err = failure(&[
        "eval",
        "--dataset",
        &data,
        "--algorithm",
        "no-such-algorithm",
    ]);
    assert!(err.contains("no-such-algorithm"));
}

#[test]
fn dataset_is_positional_defaults_to_learned_and_says_so() {
    let data = fixture("dataset.jsonl");
    let learned = lede(&["eval", &data, "--format", "json"]);
    assert!(
        learned.status.success(),
        "{}",
        String::from_utf8_lossy(&learned.stderr)
    );
    let err = String::from_utf8_lossy(&learned.stderr);
    assert!(
        err.contains("scoring learned (embedded model) summaries of 3 articles"),
        "{err}"
    );
    let lead = lede(&["eval", &data, "-a", "lead", "-s", "2", "--format", "json"]);
    assert!(String::from_utf8_lossy(&lead.stderr).contains("scoring lead summaries"));
    let alias = lede(&[
        "eval",
        "--dataset",
        &data,
        "-a",
        "lead",
        "-s",
        "2",
        "--format",
        "json",
    ]);
    assert_eq!(lead.stdout, alias.stdout, "--dataset is the same dataset");
    let words = json_ok(&["eval", &data, "--words", "20", "--format", "json"]);
    assert_eq!(words["documents"], 3);
    let err = failure(&[
        "eval",
        "--pred",
        &fixture("pred_a.jsonl"),
        "--gold",
        &fixture("gold.jsonl"),
        "-a",
        "lead",
    ]);
    assert!(err.contains("apply to a DATASET"), "{err}");
}

#[test]
fn oracle_writes_labels_in_document_order() {
    let labels = scratch("labels.jsonl");
    let out = lede(&[
        "oracle",
        "--dataset",
        &fixture("dataset.jsonl"),
        "--max-sentences",
        "2",
        "-o",
        labels.to_str().unwrap(),
        "-j",
        "2",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8(out.stdout).unwrap().contains("rougeLsum"));
    let rows: Vec<Value> = std::fs::read_to_string(&labels)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a1", "a2", "a3"]);
    for row in &rows {
        assert_eq!(row["sentences"], 4);
        let chosen: Vec<u64> = row["labels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        assert!(!chosen.is_empty() && chosen.len() <= 2);
        assert!(chosen.windows(2).all(|w| w[0] < w[1]));
    }
    // The first article's reference restates sentences 0 and 1.
    assert_eq!(rows[0]["labels"], serde_json::json!([0, 1]));
}

#[test]
fn reads_lede_summarize_output_and_its_error_records() {
    let (lede_out, gold) = (fixture("pred_lede.jsonl"), fixture("gold.jsonl"));
    let err = failure(&["eval", "--pred", &lede_out, "--gold", &gold]);
    assert!(
        err.contains("1 error records, counted as missing: d2"),
        "{err}"
    );
    assert!(err.contains("missing 2 ids: d2, d4"), "{err}");

    // d1 and d3 carry the same sentences as in pred_a.jsonl (a line break
    // inside a bullet is a space), so they score the same.
    let ours = json_ok(&[
        "eval",
        "--pred",
        &lede_out,
        "--gold",
        &gold,
        "--allow-mismatch",
        "--format",
        "json",
        "--per-doc",
        scratch("lede_out.jsonl").to_str().unwrap(),
    ]);
    assert_eq!(ours["documents"], 2);
    json_ok(&[
        "eval",
        "--pred",
        &fixture("pred_a.jsonl"),
        "--gold",
        &gold,
        "--format",
        "json",
        "--per-doc",
        scratch("pred_a.jsonl").to_str().unwrap(),
    ]);
    let rows = |name: &str| -> Vec<Value> {
        std::fs::read_to_string(scratch(name))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let (a, b) = (rows("lede_out.jsonl"), rows("pred_a.jsonl"));
    assert_eq!(a[0], b[0]);
    assert_eq!(a[1], b[2]);
}

#[test]
fn bad_lines_are_reported_with_their_number() {
    let pred = scratch("bad.jsonl");
    std::fs::write(
        &pred,
        "{\"id\": \"d1\", \"summary\": [\"ok\"]}\n\n{\"id\": \"d2\", \"summary\": [\"ok\"\n",
    )
    .unwrap();
    let err = failure(&[
        "eval",
        "--pred",
        pred.to_str().unwrap(),
        "--gold",
        &fixture("gold.jsonl"),
    ]);
    assert!(err.contains("line 3: invalid JSON"), "{err}");
    std::fs::write(&pred, "{\"id\": \"d1\", \"summary\": 5}\n").unwrap();
    let err = failure(&[
        "eval",
        "--pred",
        pred.to_str().unwrap(),
        "--gold",
        &fixture("gold.jsonl"),
    ]);
    assert!(
        err.contains("line 1: \"summary\" must be a list of strings"),
        "{err}"
    );
}

/// The French sample corpus of `lede-train`'s tests.
fn french_corpus() -> String {
    format!(
        "{}/../lede-train/tests/fixtures/fr_sample.jsonl",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn language_scores_with_the_multilingual_tokenizer_and_says_so() {
    let gold = scratch("fr_gold.jsonl");
    let pred = scratch("fr_pred.jsonl");
    std::fs::write(
        &gold,
        "{\"id\": \"a\", \"highlights\": [\"La préfète ferme une école.\"]}\n",
    )
    .unwrap();
    std::fs::write(
        &pred,
        "{\"id\": \"a\", \"summary\": [\"Le préfet a fermé l'école.\"]}\n",
    )
    .unwrap();
    let (gold, pred) = (gold.to_str().unwrap(), pred.to_str().unwrap());
    let args = ["eval", "--pred", pred, "--gold", gold, "--format", "json"];
    let french = lede(&[&args[..], &["--language", "fr"]].concat());
    assert!(french.status.success());
    let stderr = String::from_utf8_lossy(&french.stderr);
    assert!(
        stderr
            .contains("multilingual tokens (Unicode letters and digits), Snowball French stemmer"),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&french.stdout).unwrap();
    assert_eq!(report["tokenizer"]["name"], "multilingual");
    assert_eq!(report["tokenizer"]["stemmer"], "snowball-french");
    // préfet/préfète and fermé/ferme share their stems, école matches: 3 of
    // 6 predicted and of 5 reference tokens (lede-rouge's own test).
    assert_close(f1_mean(&report, "rouge1"), 2.0 * 0.5 * 0.6 / 1.1);

    // Without the flag (and with --language en) rouge-score's tokenizer.
    let english = json_ok(&args);
    assert_eq!(english["tokenizer"]["name"], "rouge-score");
    assert_eq!(english["tokenizer"]["stemmer"], "porter");
    let en = json_ok(&[&args[..], &["--language", "en"]].concat());
    assert_eq!(en["scores"], english["scores"]);
    assert_ne!(english["scores"], report["scores"]);

    let plain = json_ok(&[&args[..], &["--language", "fr", "--no-stemmer"]].concat());
    assert_eq!(plain["tokenizer"]["stemmer"], Value::Null);
    let table = lede(&["eval", "--pred", pred, "--gold", gold, "--language", "de"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains(
            "tokens: multilingual tokens (Unicode letters and digits), Snowball German stemmer"
        ),
        "{text}"
    );
    // A well-formed tag lede has no resources for: multilingual tokens, no
    // stemmer; a malformed one is refused.
    let neutral = json_ok(&[&args[..], &["--language", "vi"]].concat());
    assert_eq!(neutral["tokenizer"]["name"], "multilingual");
    assert_eq!(neutral["tokenizer"]["stemmer"], Value::Null);
    assert!(failure(&[&args[..], &["--language", "klingon"]].concat())
        .contains("malformed language tag"));
}

#[test]
fn dataset_with_language_summarizes_with_its_rules() {
    let corpus = french_corpus();
    let out = lede(&[
        "eval",
        &corpus,
        "--language",
        "fr",
        "-a",
        "lead",
        "-s",
        "1",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("(French rules)"), "{stderr}");
    assert!(stderr.contains("Snowball French stemmer"), "{stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"], 6);
    // The oracle with one sentence bounds Lead-1 on the same documents.
    let oracle = json_ok(&[
        "oracle",
        &corpus,
        "--language",
        "fr",
        "--max-sentences",
        "1",
        "-f",
        "json",
    ]);
    assert_eq!(oracle["tokenizer"]["name"], "multilingual");
    assert!(f1_mean(&oracle, "rouge1") >= f1_mean(&report, "rouge1"));
    let english_oracle = json_ok(&["oracle", &corpus, "--max-sentences", "1", "-f", "json"]);
    assert_eq!(english_oracle["tokenizer"]["name"], "rouge-score");
}
