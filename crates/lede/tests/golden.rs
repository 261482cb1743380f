//! Golden outputs: the JSON summary of each fixture, per algorithm.
//! Run with `UPDATE_GOLDEN=1` to rewrite the expected files after an
//! intended change, then review the diff.

use std::path::{Path, PathBuf};

use lede::{Algorithm, Format, Options, Summarizer};

fn fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = vec![
        (
            "minya".to_owned(),
            std::fs::read_to_string(dir.join("minya.txt")).unwrap(),
        ),
        (
            "cnn-story".to_owned(),
            std::fs::read_to_string(dir.join("cnn.story")).unwrap(),
        ),
    ];
    let corpus = std::fs::read_to_string(dir.join("cnndm_sample.jsonl")).unwrap();
    for line in corpus.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = v["id"].as_str().unwrap();
        out.push((
            format!("cnndm-{}", &id[..8]),
            v["article"].as_str().unwrap().to_owned(),
        ));
    }
    out
}

/// Default options for each algorithm, with the one shared summarizer.
fn summarizers() -> impl Iterator<Item = (Algorithm, Summarizer, Options)> {
    let summarizer = Summarizer::new().unwrap();
    Algorithm::ALL.into_iter().map(move |algorithm| {
        let options = Options {
            algorithm,
            ..Options::default()
        };
        (algorithm, summarizer.clone(), options)
    })
}

fn golden_path(name: &str, algorithm: Algorithm) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/{name}.{algorithm}.json"))
}

#[test]
fn summaries_match_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut mismatches = Vec::new();
    for (algorithm, summarizer, options) in summarizers() {
        for (name, text) in fixtures() {
            let actual = summarizer
                .summarize(&text, &options)
                .unwrap()
                .render(Format::Json);
            let path = golden_path(&name, algorithm);
            if update {
                std::fs::write(&path, &actual).unwrap();
                continue;
            }
            let expected = std::fs::read_to_string(&path).unwrap_or_default();
            if expected != actual {
                mismatches.push(path.display().to_string());
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "golden files differ (rerun with UPDATE_GOLDEN=1 and review): {mismatches:#?}"
    );
}

#[test]
fn json_output_reads_back_into_the_same_summary() {
    for (algorithm, summarizer, options) in summarizers() {
        for (name, text) in fixtures() {
            let summary = summarizer.summarize(&text, &options).unwrap();
            let json = summary.render(Format::Json);
            let back: lede::Summary = serde_json::from_str(&json).unwrap();
            assert_eq!(back, summary, "{name} with {algorithm}");
        }
    }
}

#[test]
fn minya_reference_input() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minya.txt"),
    )
    .unwrap();
    let given: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with('•'))
        .collect();
    for (algorithm, summarizer, options) in summarizers() {
        let summary = summarizer.summarize(&text, &options).unwrap();
        assert_eq!(summary.bullets.len(), 3, "{algorithm}");
        assert!(summary
            .title
            .as_ref()
            .unwrap()
            .text
            .starts_with("ISIS says it carried out attack"));
        assert_eq!(summary.given_highlights.len(), 4);
        let mut seen = std::collections::HashSet::new();
        for bullet in &summary.bullets {
            let span = &bullet.span;
            assert_eq!(&text[span.byte_start..span.byte_end], span.text);
            let chars: String = text
                .chars()
                .skip(span.start)
                .take(span.end - span.start)
                .collect();
            assert_eq!(chars, span.text);
            assert!(
                seen.insert(bullet.display_text()),
                "duplicate bullet {:?}",
                span.text
            );
            assert!(
                !span.text.contains("(Amr Nabil)"),
                "photo credit in {:?}",
                span.text
            );
            assert!(
                span.byte_start > summary.given_highlights[3].byte_end,
                "bullet from the header"
            );
            for g in &given {
                assert!(
                    !g.contains(span.text.trim()),
                    "given highlight copied: {:?}",
                    span.text
                );
            }
            for caption in [
                "inflicted 'heavy casualties' to ISIS fighters",
                "which killed 29 \n",
                "alarmed at ISIS fighters slipping",
            ] {
                assert!(
                    !span.text.contains(caption.trim()),
                    "caption chosen: {:?}",
                    span.text
                );
            }
        }
    }
}
