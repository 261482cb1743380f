//! The recipe run: oracle labels, out-of-fold lexical prior, boosted trees,
//! selection chosen on validation, and the report beside Lead-3.

use std::collections::HashSet;

use rayon::prelude::*;

use lede::document::Document;
use lede::lang::Language;
use lede::score::learned::{features, Dataset, Features, Lexicon, Model, SelectionHint, SetScorer};
use lede::select::{rank_order, select, select_set, Length, Selection, SetChoice, SetWeights};
use lede::text::{word_hash, words};
use lede_rouge::{RougeScorer, RougeType};

use crate::corpus::{Corpus, Example};
use crate::oracle::{document, lines, oracle, oracle_labels, rouge_tokenizer};
use crate::sets::{fit, LabelledSets};
use crate::{Recipe, TrainError};

/// Mean F1 over a document set, in percent.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rouge {
    /// ROUGE-1 F1.
    pub rouge1: f64,
    /// ROUGE-2 F1.
    pub rouge2: f64,
    /// ROUGE-Lsum F1.
    pub rouge_lsum: f64,
}

impl Rouge {
    /// The mean of the three scores: what the selection grid maximises.
    pub fn mean(&self) -> f64 {
        (self.rouge1 + self.rouge2 + self.rouge_lsum) / 3.0
    }
}

/// Validation ROUGE after some trees, with [`Recipe::checkpoint_selection`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Checkpoint {
    /// Trees so far.
    pub trees: usize,
    /// Validation ROUGE of the model so far.
    pub rouge: Rouge,
}

/// Validation ROUGE of the final trees with one selection setting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridPoint {
    /// The setting tried.
    pub selection: SelectionHint,
    /// Validation ROUGE with it.
    pub rouge: Rouge,
}

/// One fold of the out-of-fold lexical prior.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fold {
    /// Training documents in the fold.
    pub documents: usize,
    /// Words in the lexicon its documents' features were computed with
    /// (built from the other folds).
    pub lexicon_words: usize,
}

/// What training measured.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainReport {
    /// Training documents.
    pub train_documents: usize,
    /// Validation documents.
    pub valid_documents: usize,
    /// Training sentences (rows of the boosting data).
    pub sentences: usize,
    /// Sentences the oracle chose (positive labels).
    pub positives: usize,
    /// Words in the model's lexicon (built from every training document).
    pub lexicon_words: usize,
    /// The folds of the lexical prior, by fold number.
    pub folds: Vec<Fold>,
    /// Validation ROUGE while trees were added.
    pub checkpoints: Vec<Checkpoint>,
    /// Validation ROUGE of every selection setting tried.
    pub grid: Vec<GridPoint>,
    /// The setting chosen, with its validation ROUGE of choosing bullets
    /// one by one.
    pub model: GridPoint,
    /// Validation ROUGE of the set choice with the fitted set scorer (on
    /// the documents it was fitted on, so optimistic), when the recipe
    /// fits one.
    pub set_choice: Option<Rouge>,
    /// Lead-3 (the first three cleaned sentences) on the same validation documents.
    pub lead3: Rouge,
    /// Lead with as many sentences as the chosen setting (Lead-1 for
    /// one-sentence summaries), on the same validation documents.
    pub lead: Rouge,
    /// The oracle, with as many sentences as the chosen setting, on the
    /// same validation documents: what better sentence choice could reach.
    pub oracle: Rouge,
}

/// A trained model and how it was measured.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainedModel {
    /// The model, its selection settings set to the best of the grid.
    pub model: Model,
    /// Validation scores, the grid and the Lead-3 baseline.
    pub report: TrainReport,
}

/// Steps of training, for progress display.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Progress<'a> {
    /// Oracle labels and features are ready.
    Labelled {
        /// Training sentences.
        sentences: usize,
        /// Positive labels.
        positives: usize,
        /// Words in the full lexicon.
        lexicon_words: usize,
    },
    /// One more tree.
    Tree {
        /// Trees so far.
        done: usize,
        /// Trees in all.
        total: usize,
    },
    /// A validation checkpoint.
    Checkpoint(&'a Checkpoint),
    /// One selection setting scored.
    Grid(&'a GridPoint),
}

/// Trains a model on `corpus` with `recipe`. The result depends only on the
/// corpus and the recipe, never on the number of threads.
pub fn train(corpus: &Corpus, recipe: &Recipe) -> Result<TrainedModel, TrainError> {
    train_with_progress(corpus, recipe, |_| {})
}

/// [`train`], calling `progress` at each step (from the calling thread).
pub fn train_with_progress(
    corpus: &Corpus,
    recipe: &Recipe,
    mut progress: impl FnMut(Progress<'_>),
) -> Result<TrainedModel, TrainError> {
    recipe.validate()?;
    if corpus.train.is_empty() {
        return Err(TrainError::EmptySet("training"));
    }
    if corpus.valid.is_empty() {
        return Err(TrainError::EmptySet("validation"));
    }

    // Word sets for the lexical prior and oracle labels, per training document.
    let labelled: Vec<Labelled> = corpus
        .train
        .par_iter()
        .map(|d| Labelled::new(d, recipe))
        .collect();
    let folds: Vec<u64> = corpus.train.iter().map(|d| recipe.fold_of(&d.id)).collect();
    let lexicon_without = |fold: Option<u64>| {
        Lexicon::build(
            labelled
                .iter()
                .zip(&folds)
                .filter(|&(_, &f)| Some(f) != fold)
                .map(|(l, _)| (l.article_words.as_slice(), &l.highlight_words)),
        )
    };
    let fold_lexicons: Vec<Lexicon> = (0..recipe.folds)
        .into_par_iter()
        .map(|f| lexicon_without(Some(f)))
        .collect();
    let lexicon = lexicon_without(None);

    let rows: Vec<Vec<Features>> = corpus
        .train
        .par_iter()
        .zip(&folds)
        .map(|(d, &f)| {
            features(
                &document(&d.article, recipe.language),
                &fold_lexicons[f as usize],
            )
        })
        .collect();
    let mut data = Dataset::default();
    for (x, l) in rows.into_iter().zip(labelled) {
        data.extend(x, l.labels);
    }
    let fold_stats = fold_lexicons
        .iter()
        .enumerate()
        .map(|(f, lex)| Fold {
            documents: folds.iter().filter(|&&x| x == f as u64).count(),
            lexicon_words: lex.len(),
        })
        .collect();
    let positives = data.labels.iter().filter(|&&y| y > 0.0).count();
    progress(Progress::Labelled {
        sentences: data.labels.len(),
        positives,
        lexicon_words: lexicon.len(),
    });

    let valid = Validation::new(&corpus.valid, &lexicon, recipe.language);
    let lexicon_words = lexicon.len();
    let total = recipe.boosting.trees;
    let step = if recipe.report_every == 0 {
        total
    } else {
        recipe.report_every
    };
    let mut checkpoints = Vec::new();
    let mut model = lede::score::learned::train(
        &data,
        &recipe.boosting,
        recipe.checkpoint_selection,
        lexicon,
        1,
        |done, model| {
            progress(Progress::Tree { done, total });
            if done % step == 0 || done == total {
                let checkpoint = Checkpoint {
                    trees: done,
                    rouge: valid.rouge(model, &recipe.checkpoint_selection),
                };
                progress(Progress::Checkpoint(&checkpoint));
                checkpoints.push(checkpoint);
            }
        },
    );

    let mut grid = Vec::new();
    for selection in recipe.grid.settings() {
        let point = GridPoint {
            selection,
            rouge: valid.rouge(&model, &selection),
        };
        progress(Progress::Grid(&point));
        grid.push(point);
    }
    // The first setting with the best mean wins ties.
    let best = *grid
        .iter()
        .reduce(|best, p| {
            if p.rouge.mean() > best.rouge.mean() {
                p
            } else {
                best
            }
        })
        .expect("the recipe's grid is not empty");
    model.selection = best.selection;
    let set_choice = recipe.set_scorer.map(|set_recipe| {
        let weights = valid.fit_sets(&model, set_recipe.ridge);
        model.selection.set_scorer = Some(SetScorer {
            weights,
            unresolved_cost: set_recipe.unresolved_cost,
        });
        valid.set_rouge(&model)
    });

    let report = TrainReport {
        train_documents: corpus.train.len(),
        valid_documents: corpus.valid.len(),
        sentences: data.labels.len(),
        positives,
        lexicon_words,
        folds: fold_stats,
        checkpoints,
        grid,
        model: best,
        set_choice,
        lead3: valid.lead(3),
        lead: valid.lead(best.selection.sentences as usize),
        oracle: valid.oracle(best.selection.sentences as usize),
    };
    Ok(TrainedModel { model, report })
}

/// A training document's oracle labels and word sets.
struct Labelled {
    /// Distinct words of the article's sentences, sorted.
    article_words: Vec<u64>,
    /// Distinct words of the highlights.
    highlight_words: HashSet<u64>,
    /// Oracle label per sentence.
    labels: Vec<f32>,
}

impl Labelled {
    fn new(example: &Example, recipe: &Recipe) -> Labelled {
        let doc = document(&example.article, recipe.language);
        let mut article_words: Vec<u64> = (0..doc.sentences.len())
            .flat_map(|i| doc.content(i).set.iter().copied())
            .collect();
        article_words.sort_unstable();
        article_words.dedup();
        Labelled {
            article_words,
            highlight_words: words(&example.reference).map(word_hash).collect(),
            labels: oracle_labels(
                &doc,
                &example.reference,
                recipe.oracle_sentences,
                recipe.language,
            ),
        }
    }
}

/// Validation documents with their features computed once.
struct Validation<'a> {
    docs: Vec<(Document<'a>, Vec<Features>, &'a str)>,
    scorer: RougeScorer,
    language: Language,
}

impl<'a> Validation<'a> {
    fn new(docs: &'a [Example], lexicon: &Lexicon, language: Language) -> Validation<'a> {
        let docs = docs
            .par_iter()
            .map(|d| {
                let doc = document(&d.article, language);
                let x = features(&doc, lexicon);
                (doc, x, d.reference.as_str())
            })
            .collect();
        let scorer = RougeScorer::new(lede_rouge::Config {
            types: vec![RougeType::N(1), RougeType::N(2), RougeType::Lsum],
            stemmer: true,
        })
        .expect("ROUGE-1, ROUGE-2 and ROUGE-Lsum are valid types")
        .with_tokenizer(rouge_tokenizer(language));
        Validation {
            docs,
            scorer,
            language,
        }
    }

    /// Validation ROUGE of the model's summaries with `hint`; documents
    /// without sentences count as empty summaries.
    fn rouge(&self, model: &Model, hint: &SelectionHint) -> Rouge {
        let selection = hint_selection(hint);
        self.mean(|doc, x, _| {
            let scores: Vec<f32> = x.iter().map(|f| model.predict(f)).collect();
            select(doc, &rank_order(&scores), &selection)
        })
    }

    /// Set scorer weights fitted on the candidate sets of the validation
    /// documents, scored by `model` with its selection settings.
    fn fit_sets(&self, model: &Model, ridge: f64) -> SetWeights {
        let selection = hint_selection(&model.selection);
        let labelled: Vec<LabelledSets> = self
            .docs
            .par_iter()
            .map(|(doc, x, reference)| {
                let scores: Vec<f32> = x.iter().map(|f| model.predict(f)).collect();
                LabelledSets::new(
                    doc,
                    &scores,
                    &selection,
                    &SetChoice::default(),
                    &model.lexicon,
                    reference,
                    &self.scorer,
                )
            })
            .collect();
        fit(&labelled, ridge)
    }

    /// Validation ROUGE of the model's set choice.
    fn set_rouge(&self, model: &Model) -> Rouge {
        let selection = hint_selection(&model.selection);
        let choice = model.selection.set_choice();
        self.mean(|doc, x, _| {
            let scores: Vec<f32> = x.iter().map(|f| model.predict(f)).collect();
            let order = rank_order(&scores);
            select_set(doc, &scores, &order, &selection, &choice, &model.lexicon)
        })
    }

    /// Validation ROUGE of the first `sentences` sentences.
    fn lead(&self, sentences: usize) -> Rouge {
        self.mean(|doc, _, _| (0..doc.sentences.len().min(sentences)).collect())
    }

    /// Validation ROUGE of the oracle with at most `sentences` sentences.
    fn oracle(&self, sentences: usize) -> Rouge {
        self.mean(|doc, _, reference| oracle(doc, reference, sentences, self.language))
    }

    /// Mean ROUGE of the sentences `choose` picks per document. Scores are
    /// summed in document order, so the mean is the same on any thread count.
    fn mean(&self, choose: impl Fn(&Document, &[Features], &str) -> Vec<usize> + Sync) -> Rouge {
        let per_doc: Vec<(f64, f64, f64)> = self
            .docs
            .par_iter()
            .map(|(doc, x, reference)| {
                let chosen = choose(doc, x, reference);
                let summary = lines(chosen.iter().map(|&i| doc.sentence_text(i)));
                let s = self.scorer.score(&summary, reference);
                let f = |t| s.get(t).map_or(0.0, |v| v.fmeasure);
                (f(RougeType::N(1)), f(RougeType::N(2)), f(RougeType::Lsum))
            })
            .collect();
        let sums = per_doc
            .iter()
            .fold((0.0, 0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
        let n = self.docs.len().max(1) as f64 / 100.0;
        Rouge {
            rouge1: sums.0 / n,
            rouge2: sums.1 / n,
            rouge_lsum: sums.2 / n,
        }
    }
}

/// The selection a model's settings ask for.
fn hint_selection(hint: &SelectionHint) -> Selection {
    Selection {
        length: Length::Sentences(hint.sentences as usize),
        max_overlap: hint.max_overlap,
        ..Selection::default()
    }
}
