//! `lede train`: fit the learned sentence scorer on a corpus with
//! highlights. The recipe lives in `lede-train`; this is its front end.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use lede_train::{corpus, Corpus, Progress, Recipe, Rouge, TrainConfig};

use crate::args::RunArgs;

/// Arguments of `lede train`.
#[derive(clap::Args)]
pub struct Args {
    /// Training corpora: JSON lines (`.jsonl`, `.jsonl.gz`) with `id`, `article` and `highlights`; `-` reads standard input.
    #[arg(value_name = "FILE", required_unless_present = "train")]
    inputs: Vec<PathBuf>,
    /// Old spelling of the training corpus (repeatable).
    #[arg(long, hide = true, value_name = "FILE")]
    train: Vec<PathBuf>,
    /// Validation corpus: reports ROUGE beside Lead-3 and chooses the selection settings.
    #[arg(long, value_name = "FILE")]
    valid: PathBuf,
    /// Where to write the model.
    #[arg(short, long, value_name = "PATH")]
    output: PathBuf,
    /// Number of trees.
    #[arg(long, default_value_t = TrainConfig::default().trees)]
    trees: usize,
    /// Depth of each tree.
    #[arg(long, default_value_t = TrainConfig::default().max_depth)]
    depth: usize,
    /// Learning rate (shrinkage).
    #[arg(long, default_value_t = TrainConfig::default().learning_rate)]
    learning_rate: f32,
    /// Sentences the oracle may choose per document when labelling.
    #[arg(long, default_value_t = Recipe::default().oracle_sentences)]
    oracle_sentences: usize,
    /// Folds for the out-of-fold lexical prior.
    #[arg(long, default_value_t = Recipe::default().folds)]
    folds: u64,
    /// Seed of the fold assignment.
    #[arg(long, default_value_t = Recipe::default().seed)]
    seed: u64,
    /// Report validation ROUGE every this many trees.
    #[arg(long, default_value_t = Recipe::default().report_every)]
    report_every: usize,
    /// Summary lengths (in sentences) the selection grid tries, e.g. `1`
    /// for one-sentence summaries or `3,4` (the default).
    #[arg(short, long, value_delimiter = ',', value_name = "N[,N...]")]
    sentences: Vec<u32>,
    /// Redundancy limits the selection grid tries, e.g. `1` (off) or the
    /// default `0.3,0.4,0.5,0.65,1`.
    #[arg(long, value_delimiter = ',', value_name = "X[,X...]")]
    max_overlap: Vec<f32>,
    /// The corpus's language (ISO 639-1 code such as `fr`): cleaning,
    /// segmentation and the oracle follow its rules, and ROUGE uses the
    /// multilingual tokenizer with its Snowball stemmer (English, the
    /// default, scores as rouge-score does).
    #[arg(long, value_name = "CODE", value_parser = crate::args::parse_language, default_value = "en")]
    language: lede::lang::Language,
    /// Leave the set scorer out: a summary's sentences are chosen by the sum of their
    /// probabilities, as models of file format 1 do.
    #[arg(long)]
    no_set_scorer: bool,
    #[command(flatten)]
    run: RunArgs,
}

impl Args {
    /// The recipe these arguments ask for.
    fn recipe(&self) -> Recipe {
        let defaults = Recipe::default();
        let mut grid = defaults.grid.clone();
        let mut checkpoint_selection = defaults.checkpoint_selection;
        if let Some(&first) = self.sentences.first() {
            grid.sentences.clone_from(&self.sentences);
            checkpoint_selection.sentences = first;
        }
        if let Some(&first) = self.max_overlap.first() {
            grid.max_overlap.clone_from(&self.max_overlap);
            checkpoint_selection.max_overlap = first;
        }
        Recipe {
            boosting: TrainConfig {
                trees: self.trees,
                max_depth: self.depth,
                learning_rate: self.learning_rate,
                ..defaults.boosting
            },
            oracle_sentences: self.oracle_sentences,
            folds: self.folds,
            seed: self.seed,
            report_every: self.report_every,
            grid,
            checkpoint_selection,
            set_scorer: if self.no_set_scorer {
                None
            } else {
                defaults.set_scorer
            },
            language: self.language,
        }
    }
}

/// Runs `lede train`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let recipe = args.recipe();
    recipe.validate()?;
    let started = Instant::now();
    let pool = args.run.pool()?;
    let corpus = load(&args)?;
    eprintln!(
        "{} training and {} validation documents, {} rules; ROUGE: {}",
        corpus.train.len(),
        corpus.valid.len(),
        recipe.language.name(),
        lede_train::describe_tokenizer(lede_train::rouge_tokenizer(recipe.language), true)
    );

    let bar = if args.run.no_progress {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(recipe.boosting.trees as u64)
    };
    bar.set_style(
        ProgressStyle::with_template(
            "training {bar:30} {pos}/{len} trees [{elapsed_precise}] {msg}",
        )
        .expect("valid progress template"),
    );
    let mut grid_started = false;
    let trained = pool.install(|| {
        lede_train::train_with_progress(&corpus, &recipe, |step| match step {
            Progress::Labelled {
                sentences,
                positives,
                lexicon_words,
            } => eprintln!(
                "{sentences} training sentences, {positives} positive, lexicon of {lexicon_words} words [{:.1}s]",
                started.elapsed().as_secs_f32()
            ),
            Progress::Tree { done, .. } => bar.set_position(done as u64),
            Progress::Checkpoint(c) => bar.suspend(|| {
                let r = &c.rouge;
                eprintln!(
                    "trees {:>4}: valid ROUGE-1 {:.2}  ROUGE-2 {:.2}  ROUGE-Lsum {:.2}",
                    c.trees, r.rouge1, r.rouge2, r.rouge_lsum
                )
            }),
            Progress::Grid(p) => {
                if !grid_started {
                    bar.finish_and_clear();
                    eprintln!("choosing selection settings on validation (mean of ROUGE-1, ROUGE-2, ROUGE-Lsum F1):");
                    grid_started = true;
                }
                let r = &p.rouge;
                eprintln!(
                    "  {} sentences, max overlap {:.2}: {:.2} / {:.2} / {:.2}",
                    p.selection.sentences, p.selection.max_overlap, r.rouge1, r.rouge2, r.rouge_lsum
                );
            }
        })
    })?;
    bar.finish_and_clear();

    let report = &trained.report;
    let chosen = report.model.selection;
    eprintln!(
        "validation, {} documents, ROUGE F1 x100:  ROUGE-1  ROUGE-2  ROUGE-Lsum",
        report.valid_documents
    );
    let row = |name: &str, r: &Rouge| {
        eprintln!(
            "  {name:<38} {:>7.2}  {:>7.2}  {:>10.2}",
            r.rouge1, r.rouge2, r.rouge_lsum
        )
    };
    row(
        &format!(
            "model ({} sentences, max overlap {})",
            chosen.sentences, chosen.max_overlap
        ),
        &report.model.rouge,
    );
    row("Lead-3 (first three sentences)", &report.lead3);
    if chosen.sentences != 3 {
        row(
            &format!("Lead-{} (first sentences)", chosen.sentences),
            &report.lead,
        );
    }
    row(
        &format!("oracle ({} sentences, upper bound)", chosen.sentences),
        &report.oracle,
    );

    let bytes = lede::score::learned::to_bytes(&trained.model);
    std::fs::write(&args.output, &bytes)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!(
        "wrote {} ({} KiB, {} trees, {} sentences, max overlap {}) [{:.1}s]",
        args.output.display(),
        bytes.len() / 1024,
        trained.model.trees.len(),
        chosen.sentences,
        chosen.max_overlap,
        started.elapsed().as_secs_f32()
    );
    Ok(ExitCode::SUCCESS)
}

/// Reads the training corpora and the validation corpus.
fn load(args: &Args) -> anyhow::Result<Corpus> {
    let read = |path: &PathBuf| -> anyhow::Result<Vec<lede_train::Example>> {
        let loaded = if path.as_os_str() == "-" {
            corpus::read(std::io::stdin().lock(), "standard input")?
        } else {
            corpus::load(path)?
        };
        if loaded.skipped > 0 {
            eprintln!(
                "{}: skipped {} records without article or highlights",
                path.display(),
                loaded.skipped
            );
        }
        Ok(loaded.examples)
    };
    let mut train = Vec::new();
    for path in args.inputs.iter().chain(&args.train) {
        train.extend(read(path)?);
    }
    Ok(Corpus {
        train,
        valid: read(&args.valid)?,
    })
}
