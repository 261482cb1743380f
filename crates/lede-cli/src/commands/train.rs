//! `lede train`: fit the learned sentence scorer on a corpus with highlights.
//!
//! Labels come from the greedy ROUGE oracle; the lexical prior for each
//! training document is built from the other folds only (so the trees never
//! see a prior that already knows the document's own highlights); selection
//! settings are chosen on the validation corpus.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use lede::clean::clean;
use lede::document::Document;
use lede::ingest::open_corpus;
use lede::score::learned::{
    features, train, Dataset, Features, Lexicon, Model, SelectionHint, TrainConfig,
};
use lede::select::{rank_order, select, Length, Selection};
use lede::text::{word_hash, words};
use lede_rouge::{greedy_oracle, RougeScorer, RougeType};

/// Arguments of `lede train`.
#[derive(clap::Args)]
pub struct Args {
    /// Training corpus of JSON lines with `id`, `article` and `highlights` (repeatable).
    #[arg(long = "train", required = true)]
    train: Vec<PathBuf>,
    /// Validation corpus, used to report ROUGE and choose selection settings.
    #[arg(long)]
    valid: PathBuf,
    /// Where to write the model.
    #[arg(short, long)]
    output: PathBuf,
    /// Number of trees.
    #[arg(long, default_value_t = 200)]
    trees: usize,
    /// Depth of each tree.
    #[arg(long, default_value_t = 5)]
    depth: usize,
    /// Learning rate (shrinkage).
    #[arg(long, default_value_t = 0.08)]
    learning_rate: f32,
    /// Sentences the oracle may choose per document when labelling.
    #[arg(long, default_value_t = 4)]
    oracle_sentences: usize,
    /// Folds for the out-of-fold lexical prior.
    #[arg(long, default_value_t = 5)]
    folds: u64,
    /// Seed of the fold assignment.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Report validation ROUGE every this many trees.
    #[arg(long, default_value_t = 50)]
    report_every: usize,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long)]
    threads: Option<usize>,
}

/// A corpus document, cleaned and segmented.
struct Prepared {
    id: String,
    article: String,
    reference: String,
}

impl Prepared {
    fn document(&self) -> Document<'_> {
        Document::build(&self.article, &mut clean(&self.article))
    }
}

/// Runs `lede train`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.folds < 2 {
        bail!("--folds must be at least 2");
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    pool.install(|| fit(&args))
}

fn load(paths: &[PathBuf]) -> anyhow::Result<Vec<Prepared>> {
    let mut docs = Vec::new();
    let mut skipped = 0;
    for path in paths {
        for record in open_corpus(path, 64 << 20)? {
            match record {
                Ok(r) if !r.highlights.is_empty() && !r.is_html => docs.push(Prepared {
                    id: r.id,
                    article: r.article,
                    reference: r.highlights.join("\n"),
                }),
                _ => skipped += 1,
            }
        }
    }
    if skipped > 0 {
        eprintln!("skipped {skipped} records without article or highlights");
    }
    if docs.is_empty() {
        bail!(
            "no usable documents in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(docs)
}

fn fit(args: &Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let train_docs = load(&args.train)?;
    let valid_docs = load(std::slice::from_ref(&args.valid))?;
    eprintln!(
        "{} training and {} validation documents",
        train_docs.len(),
        valid_docs.len()
    );

    // Word sets for the lexical prior and oracle labels, per training document.
    let labelled: Vec<(Vec<u64>, HashSet<u64>, Vec<f32>)> = train_docs
        .par_iter()
        .map(|d| {
            let doc = d.document();
            let mut article_words: Vec<u64> = doc
                .sentences
                .iter()
                .flat_map(|s| s.terms.set.iter().copied())
                .collect();
            article_words.sort_unstable();
            article_words.dedup();
            let highlight_words: HashSet<u64> = words(&d.reference).map(word_hash).collect();
            let texts: Vec<&str> = (0..doc.sentences.len())
                .map(|i| doc.sentence_text(i))
                .collect();
            let mut labels = vec![0.0; texts.len()];
            for i in greedy_oracle(&texts, &d.reference, args.oracle_sentences) {
                labels[i] = 1.0;
            }
            (article_words, highlight_words, labels)
        })
        .collect();
    eprintln!(
        "oracle labels ready [{:.1}s]",
        started.elapsed().as_secs_f32()
    );

    let fold_of = |id: &str| word_hash(&format!("{}:{id}", args.seed)) % args.folds;
    let folds: Vec<u64> = train_docs.iter().map(|d| fold_of(&d.id)).collect();
    let lexicon_without = |fold: Option<u64>| {
        Lexicon::build(
            labelled
                .iter()
                .zip(&folds)
                .filter(|&(_, &f)| Some(f) != fold)
                .map(|((a, h, _), _)| (a.as_slice(), h)),
        )
    };
    let fold_lexicons: Vec<Lexicon> = (0..args.folds)
        .into_par_iter()
        .map(|f| lexicon_without(Some(f)))
        .collect();
    let lexicon = lexicon_without(None);

    let rows: Vec<Vec<Features>> = train_docs
        .par_iter()
        .zip(&folds)
        .map(|(d, &f)| features(&d.document(), &fold_lexicons[f as usize]))
        .collect();
    let mut data = Dataset::default();
    for (x, (_, _, y)) in rows.into_iter().zip(&labelled) {
        data.extend(x, y.clone());
    }
    eprintln!(
        "{} training sentences, {} positive, lexicon of {} words [{:.1}s]",
        data.labels.len(),
        data.labels.iter().filter(|&&y| y > 0.0).count(),
        lexicon.len(),
        started.elapsed().as_secs_f32()
    );

    let valid = Validation::new(&valid_docs, &lexicon);
    let config = TrainConfig {
        trees: args.trees,
        max_depth: args.depth,
        learning_rate: args.learning_rate,
        ..TrainConfig::default()
    };
    let hint = SelectionHint {
        sentences: 3,
        max_overlap: 0.5,
    };
    let bar = ProgressBar::new(args.trees as u64);
    bar.set_style(
        ProgressStyle::with_template(
            "training {bar:30} {pos}/{len} trees [{elapsed_precise}] {msg}",
        )
        .expect("valid progress template"),
    );
    let step = args.report_every.max(1);
    let mut model = train(&data, &config, hint, lexicon, 1, |done, model| {
        bar.set_position(done as u64);
        if done % step == 0 || done == args.trees {
            let (r1, r2, rl) = valid.rouge(model, &hint);
            bar.suspend(|| {
                eprintln!(
                    "trees {done:>4}: valid ROUGE-1 {r1:.2}  ROUGE-2 {r2:.2}  ROUGE-Lsum {rl:.2}"
                )
            });
        }
    });
    bar.finish_and_clear();

    eprintln!(
        "choosing selection settings on validation (mean of ROUGE-1, ROUGE-2, ROUGE-Lsum F1):"
    );
    let mut best = (f64::MIN, hint);
    for sentences in [3, 4] {
        for max_overlap in [0.3, 0.4, 0.5, 0.65, 1.0] {
            let candidate = SelectionHint {
                sentences,
                max_overlap,
            };
            let (r1, r2, rl) = valid.rouge(&model, &candidate);
            let mean = (r1 + r2 + rl) / 3.0;
            eprintln!("  {sentences} sentences, max overlap {max_overlap:.2}: {r1:.2} / {r2:.2} / {rl:.2}");
            if mean > best.0 {
                best = (mean, candidate);
            }
        }
    }
    model.selection = best.1;
    let bytes = lede::score::learned::to_bytes(&model);
    std::fs::write(&args.output, &bytes)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!(
        "wrote {} ({} KiB, {} trees, {} sentences, max overlap {}) [{:.1}s]",
        args.output.display(),
        bytes.len() / 1024,
        model.trees.len(),
        model.selection.sentences,
        model.selection.max_overlap,
        started.elapsed().as_secs_f32()
    );
    Ok(ExitCode::SUCCESS)
}

/// Validation documents with their features computed once.
struct Validation<'a> {
    docs: Vec<(Document<'a>, Vec<Features>, &'a str)>,
    scorer: RougeScorer,
}

impl<'a> Validation<'a> {
    fn new(docs: &'a [Prepared], lexicon: &Lexicon) -> Validation<'a> {
        let docs = docs
            .par_iter()
            .map(|d| {
                let doc = d.document();
                let x = features(&doc, lexicon);
                (doc, x, d.reference.as_str())
            })
            .collect();
        let scorer = RougeScorer::new(lede_rouge::Config {
            types: vec![RougeType::N(1), RougeType::N(2), RougeType::Lsum],
            stemmer: true,
        })
        .expect("valid ROUGE types");
        Validation { docs, scorer }
    }

    /// Mean ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (in percent) of the model's
    /// summaries; documents without sentences count as empty summaries.
    fn rouge(&self, model: &Model, hint: &SelectionHint) -> (f64, f64, f64) {
        let selection = Selection {
            length: Length::Sentences(hint.sentences as usize),
            max_overlap: hint.max_overlap,
            ..Selection::default()
        };
        let sums = self
            .docs
            .par_iter()
            .map(|(doc, x, reference)| {
                let scores: Vec<f32> = x.iter().map(|f| model.predict(f)).collect();
                let chosen = select(doc, &rank_order(&scores), &selection);
                let summary: Vec<&str> = chosen.iter().map(|&i| doc.sentence_text(i)).collect();
                let s = self.scorer.score(&summary.join("\n"), reference);
                let f = |t| s.get(t).map_or(0.0, |v| v.fmeasure);
                (f(RougeType::N(1)), f(RougeType::N(2)), f(RougeType::Lsum))
            })
            .reduce(|| (0.0, 0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
        let n = self.docs.len().max(1) as f64 / 100.0;
        (sums.0 / n, sums.1 / n, sums.2 / n)
    }
}
