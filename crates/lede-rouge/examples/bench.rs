//! Throughput of lede-rouge (one thread, all threads) and of the `rougers`
//! crate on prediction/reference pairs; driven by scripts/rouge/bench.py.
//!
//! Usage: `bench PAIRS.jsonl SCORES_OUT.jsonl` where each input line is
//! `{"prediction", "reference"}`. Writes lede-rouge's scores (R1, R2, RL,
//! RLsum with stemming; P, R, F each) one line per pair and prints the
//! timings as JSON.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::time::Instant;

use lede_rouge::{Config, RougeScorer, RougeType, Scores};
use rayon::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Pair {
    prediction: String,
    reference: String,
}

/// Pairs per second of `f` over all pairs: the first (cold) pass and the
/// best of three more.
fn time(pairs: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut rates = Vec::new();
    for _ in 0..4 {
        let start = Instant::now();
        f();
        rates.push(pairs as f64 / start.elapsed().as_secs_f64());
    }
    (rates[0], rates[1..].iter().copied().fold(0.0, f64::max))
}

/// Runs `f` on a new thread, which starts with an empty stem cache.
fn fresh_thread<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| s.spawn(f).join().expect("bench thread"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output] = args.as_slice() else {
        return Err("usage: bench PAIRS.jsonl SCORES_OUT.jsonl".into());
    };
    let pairs: Vec<Pair> = BufReader::new(std::fs::File::open(input)?)
        .lines()
        .map(|l| Ok(serde_json::from_str(&l?)?))
        .collect::<Result<_, Box<dyn std::error::Error>>>()?;
    let n = pairs.len();
    let scorer = RougeScorer::new(Config::default())?;

    let (single, scores) = fresh_thread(|| {
        let mut scores: Vec<Scores> = Vec::new();
        let rates = time(n, || {
            scores = pairs
                .iter()
                .map(|p| scorer.score(&p.prediction, &p.reference))
                .collect();
        });
        (rates, scores)
    });
    let plain = RougeScorer::new(Config {
        types: vec![RougeType::N(1), RougeType::N(2), RougeType::L],
        stemmer: false,
    })?;
    let plain_rates = fresh_thread(|| {
        time(n, || {
            for p in &pairs {
                std::hint::black_box(plain.score(&p.prediction, &p.reference));
            }
        })
    });
    let parallel = time(n, || {
        let scores: Vec<Scores> = pairs
            .par_iter()
            .map(|p| scorer.score(&p.prediction, &p.reference))
            .collect();
        assert_eq!(scores.len(), n);
    });
    let theirs = rougers::RougeScorer::new(["rouge1", "rouge2", "rougeL", "rougeLsum"], true)?;
    let rougers_rates = fresh_thread(|| {
        time(n, || {
            for p in &pairs {
                std::hint::black_box(theirs.score(&p.reference, &p.prediction));
            }
        })
    });

    let mut out = BufWriter::new(std::fs::File::create(output)?);
    for s in &scores {
        let row: Vec<[f64; 3]> =
            s.0.iter()
                .map(|(_, x)| [x.precision, x.recall, x.fmeasure])
                .collect();
        writeln!(out, "{}", serde_json::to_string(&row)?)?;
    }
    out.flush()?;
    let report = serde_json::json!({
        "pairs": n,
        "threads": rayon::current_num_threads(),
        "lede_rouge_1_thread": {"cold": single.0, "warm": single.1},
        "lede_rouge_parallel": {"cold": parallel.0, "warm": parallel.1},
        "lede_rouge_plain_1_thread": {"cold": plain_rates.0, "warm": plain_rates.1},
        "rougers_1_thread": {"cold": rougers_rates.0, "warm": rougers_rates.1},
    });
    println!("{report}");
    Ok(())
}
