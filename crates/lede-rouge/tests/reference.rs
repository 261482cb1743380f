//! Exactness against Google's rouge-score 0.1.2: every pair of the fixture
//! (made by scripts/rouge/make_reference.py) must give bit-identical scores.

use std::collections::BTreeMap;

use lede_rouge::{Config, RougeScorer, RougeType};
use serde::Deserialize;

#[derive(Deserialize)]
struct Row {
    id: String,
    prediction: String,
    reference: String,
    scores: BTreeMap<String, BTreeMap<String, [f64; 3]>>,
}

fn rows() -> Vec<Row> {
    include_str!("fixtures/rouge_reference.jsonl")
        .lines()
        .map(|line| serde_json::from_str(line).expect("fixture line"))
        .collect()
}

#[test]
fn scores_are_bit_identical_to_rouge_score() {
    let rows = rows();
    assert!(rows.len() > 300);
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for (mode, stemmer) in [("stem", true), ("nostem", false)] {
        let expected_types: Vec<RougeType> = rows[0].scores[mode]
            .keys()
            .map(|k| k.parse().unwrap())
            .collect();
        let scorer = RougeScorer::new(Config {
            types: expected_types,
            stemmer,
        })
        .unwrap();
        for row in &rows {
            let got = scorer.score(&row.prediction, &row.reference);
            for (name, want) in &row.scores[mode] {
                let s = got.get(name.parse().unwrap()).unwrap();
                let have = [s.precision, s.recall, s.fmeasure];
                if have.map(f64::to_bits) != want.map(f64::to_bits) {
                    mismatches.push(format!("{} {mode} {name}: {have:?} != {want:?}", row.id));
                }
                checked += 1;
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {checked} differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn scores_do_not_depend_on_thread_or_call_order() {
    let rows = rows();
    let scorer = RougeScorer::new(Config::default()).unwrap();
    let forward: Vec<_> = rows
        .iter()
        .map(|r| scorer.score(&r.prediction, &r.reference))
        .collect();
    let handles: Vec<_> = (0..3)
        .map(|t| {
            let scorer = scorer.clone();
            let rows: Vec<(String, String)> = rows
                .iter()
                .rev()
                .skip(t)
                .map(|r| (r.prediction.clone(), r.reference.clone()))
                .collect();
            std::thread::spawn(move || {
                rows.iter()
                    .map(|(p, r)| scorer.score(p, r))
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for (t, handle) in handles.into_iter().enumerate() {
        let mut backward = handle.join().unwrap();
        backward.reverse();
        assert_eq!(backward, forward[..forward.len() - t]);
    }
}
