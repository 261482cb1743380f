//! `lede summarize` and `lede train` end to end.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/summarize/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn minya() -> String {
    format!(
        "{}/../../examples/daily-mail-minya.txt",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn scratch(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("summarize_cli_{name}"))
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
    // A command that refuses its arguments exits before reading its input: a broken pipe
    // here is that refusal, which the caller checks in the exit status.
    if let Err(err) = child.stdin.take().unwrap().write_all(input) {
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe, "{err}");
    }
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn minya_text_output_is_three_clean_bullets() {
    let text = stdout(&lede(&["summarize", &minya()]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    let article = std::fs::read_to_string(minya()).unwrap();
    for line in lines {
        let bullet = line.strip_prefix("• ").expect("bullet marker");
        assert!(
            article.contains(bullet),
            "not a sentence of the input: {bullet}"
        );
        assert!(!bullet.contains("(Amr Nabil)"));
    }
}

#[test]
fn json_offsets_point_at_the_input_and_stdin_matches_file() {
    let article = std::fs::read_to_string(minya()).unwrap();
    let from_file = stdout(&lede(&["summarize", &minya(), "--format", "json"]));
    let from_stdin = stdout(&lede_stdin(
        &["summarize", "-", "--format", "json"],
        article.as_bytes(),
    ));
    assert_eq!(from_file, from_stdin);
    let summary: Value = serde_json::from_str(&from_file).unwrap();
    assert_eq!(summary["algorithm"], "learned");
    assert_eq!(summary["given_highlights"].as_array().unwrap().len(), 4);
    let chars: Vec<char> = article.chars().collect();
    for bullet in summary["bullets"].as_array().unwrap() {
        let (start, end) = (
            bullet["start"].as_u64().unwrap() as usize,
            bullet["end"].as_u64().unwrap() as usize,
        );
        let text: String = chars[start..end].iter().collect();
        assert_eq!(text, bullet["text"].as_str().unwrap());
        let (bs, be) = (
            bullet["byte_start"].as_u64().unwrap() as usize,
            bullet["byte_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&article[bs..be], bullet["text"].as_str().unwrap());
    }
    let reasons: Vec<&str> = summary["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    assert!(
        reasons.contains(&"caption") && reasons.contains(&"duplicate"),
        "{reasons:?}"
    );
}

#[test]
fn length_options_and_formats() {
    let four = stdout(&lede(&[
        "summarize",
        &minya(),
        "--sentences",
        "4",
        "--algorithm",
        "lead",
    ]));
    assert_eq!(four.lines().count(), 4);
    let words = stdout(&lede(&[
        "summarize",
        &minya(),
        "--words",
        "30",
        "--format",
        "jsonl",
    ]));
    let summary: Value = serde_json::from_str(words.trim()).unwrap();
    let total: usize = summary["bullets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["text"].as_str().unwrap().split_whitespace().count())
        .sum();
    assert!(total <= 30 || summary["bullets"].as_array().unwrap().len() == 1);
    let markdown = stdout(&lede(&["summarize", &minya(), "--format", "markdown"]));
    assert!(markdown.starts_with("## ISIS says"));
    assert_eq!(markdown.lines().filter(|l| l.starts_with("- ")).count(), 3);
    let bad = lede(&["summarize", &minya(), "--ratio", "2"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("ratio"));
}

/// A budget no sentence fits gives no bullet and says so: on stderr beside
/// text, as a `nothing_fits` warning in JSON; `--at-least-one` lifts it.
#[test]
fn a_budget_nothing_fits_is_reported() {
    let out = lede(&["summarize", &minya(), "--words", "3"]);
    assert_eq!(stdout(&out), "");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: no sentence fits in 3 words (the shortest has")
            && err.contains("--at-least-one"),
        "{err}"
    );
    let json = stdout(&lede(&[
        "summarize",
        &minya(),
        "--chars",
        "10",
        "-f",
        "jsonl",
    ]));
    let summary: Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(summary["bullets"], serde_json::json!([]));
    assert_eq!(summary["warnings"][0]["code"], "nothing_fits");
    assert_eq!(summary["warnings"][0]["budget"], 10);
    assert_eq!(summary["warnings"][0]["unit"], "chars");
    let anyway = lede(&["summarize", &minya(), "--words", "3", "--at-least-one"]);
    assert_eq!(stdout(&anyway).lines().count(), 1);
    assert!(anyway.stderr.is_empty());
}

#[test]
fn bad_single_inputs_fail_clearly() {
    for (input, needle) in [
        (&b"   \n\t"[..], "empty"),
        (&b"\x00\x01\x02binary\x00\x00"[..], "binary"),
    ] {
        let out = lede_stdin(&["summarize", "-"], input);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{err}");
    }
    let out = lede_stdin(
        &["summarize", "-", "--max-bytes", "10"],
        b"This input is longer than ten bytes.",
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("limit"));
    let out = lede(&["summarize", "/nonexistent/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
}

/// `--language` with a tag lede has no resources for gives the
/// language-neutral rules (`language: null`); a malformed tag is an error.
#[test]
fn unsupported_language_tag_gets_the_neutral_rules() {
    let text = b"Heavy rain hit London on Monday. Trains stopped for several hours. Most schools stayed open all day.";
    let out = lede_stdin(&["summarize", "-", "--language", "vi", "-f", "json"], text);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["language"], serde_json::Value::Null);
    assert!(!summary["bullets"].as_array().unwrap().is_empty());
    let out = lede_stdin(&["summarize", "-", "--language", "klingon"], text);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("malformed language tag"));
}

#[test]
fn latin1_text_is_read_not_refused() {
    let out = lede_stdin(
        &["summarize", "-"],
        b"Un caf\xe9 au lait co\xfbte deux euros.",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "\u{2022} Un caf\u{e9} au lait co\u{fb}te deux euros.\n"
    );
}

#[test]
fn corpus_keeps_order_reports_errors_and_is_deterministic_across_threads() {
    let one = scratch("mixed-1.jsonl");
    let two = scratch("mixed-2.jsonl");
    for (path, threads) in [(&one, "1"), (&two, "2")] {
        let out = lede(&[
            "summarize",
            &fixture("mixed.jsonl"),
            "-o",
            path.to_str().unwrap(),
            "-j",
            threads,
        ]);
        assert_eq!(out.status.code(), Some(2), "some records failed");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("5 inputs: 2 ok, 3 failed"), "{err}");
    }
    let a = std::fs::read_to_string(&one).unwrap();
    assert_eq!(a, std::fs::read_to_string(&two).unwrap());
    let lines: Vec<Value> = a
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0]["bullets"].is_array());
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("invalid JSON"));
    assert_eq!(lines[2]["id"], "no-article");
    assert_eq!(lines[3]["id"], "blank");
    assert!(lines[4]["bullets"].is_array());
}

/// Trains an 8-tree model on the fixture corpus with `threads` workers.
fn train(output: &std::path::Path, threads: &str) -> Output {
    let corpus = fixture("corpus.jsonl");
    let output = output.to_str().unwrap();
    lede(&[
        "train",
        "--train",
        &corpus,
        "--valid",
        &corpus,
        "-o",
        output,
        "--trees",
        "8",
        "--report-every",
        "4",
        "-j",
        threads,
    ])
}

#[test]
fn train_save_load_and_summarize_with_the_model() {
    let model = scratch("model.lmdl");
    let out = train(&model, "1");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("trees    4: valid ROUGE-1"), "{err}");
    let first = std::fs::read(&model).unwrap();
    let again = scratch("model-again.lmdl");
    let out = train(&again, "2");
    assert!(out.status.success());
    assert_eq!(
        first,
        std::fs::read(&again).unwrap(),
        "training is deterministic"
    );

    let text = stdout(&lede(&[
        "summarize",
        &minya(),
        "--model",
        model.to_str().unwrap(),
    ]));
    assert!((1..=4).contains(&text.lines().count()));

    let corrupt = scratch("corrupt.lmdl");
    let mut bytes = first.clone();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&corrupt, &bytes).unwrap();
    let out = lede(&["summarize", &minya(), "--model", corrupt.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("corrupt"));
    let out = lede(&["summarize", &minya(), "--model", &minya()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a lede model file"));
}

#[test]
fn many_files_in_parallel_with_error_records() {
    let (story, article) = (fixture("cnn.story"), minya());
    let inputs = [
        story.as_str(),
        "/nonexistent/missing.story",
        article.as_str(),
    ];
    let run = |threads: &str| {
        let mut args = vec!["summarize", "--format", "jsonl", "-j", threads];
        args.extend(inputs);
        lede(&args)
    };
    let one = run("1");
    assert_eq!(one.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&one.stderr).contains("3 inputs: 2 ok, 1 failed"));
    assert_eq!(
        one.stdout,
        run("2").stdout,
        "same output on any thread count"
    );
    let lines: Vec<Value> = String::from_utf8(one.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], story);
    assert_eq!(lines[0]["given_highlights"].as_array().unwrap().len(), 3);
    assert!(lines[1]["error"].as_str().unwrap().contains("cannot open"));
    assert!(lines[2]["bullets"].is_array());
}
