//! K-fold cross-validation of the training recipe, beside lede's lead.
//!
//! Pools the given corpora, splits them into folds by a hash of each id,
//! trains on all folds but one and scores the held-out fold with several
//! selection variants; prints ROUGE F1 per fold, then mean ± standard
//! deviation over folds, and the share of bullets that open with an
//! unresolved reference (a pronoun or connective whose previous sentence
//! was not chosen).
//!
//! ```sh
//! cargo run --release -p lede-train --example folds -- \
//!     --folds 5 ../shared/data/cnndm_lede_train.jsonl.gz ../shared/data/cnndm_lede_valid.jsonl.gz
//! # train on the first file only and score the second (the valid split):
//! cargo run --release -p lede-train --example folds -- --holdout \
//!     ../shared/data/cnndm_lede_train.jsonl.gz ../shared/data/cnndm_lede_valid.jsonl.gz
//! ```
//!
//! `--limit N` keeps the N documents with the smallest id hashes (a
//! subsample for quick experiments).
//!
//! With folds or `--holdout`, the set scorer the recipe fits is also
//! measured cross-fitted: the held-out documents are split in two halves
//! by a hash of the id, and each half is chosen by weights fitted on the
//! other half, for every charge in `LEDE_CHARGES` (default `0,4`) and
//! candidate count in `LEDE_CANDIDATES` (default `6`); `LEDE_RIDGE` sets
//! the ridge penalty (default 0.01). The best candidate set per document
//! is shown as the ceiling of any set scorer.
//!
//! `LEDE_OOF=K` (K >= 2) also fits set scorers on the training documents of
//! each split: they are split into K folds by a hash of the id, each fold
//! scored by trees trained on the others (so no set is valued by trees that
//! saw its document), and the held-out fold is chosen by ridge fitted on
//! these out-of-fold sets and by boosted trees (`lede_gbdt`) for each
//! `MODE:SCALE:TREES:DEPTH:RATE` in `LEDE_TREES` (comma-separated). MODE is
//! `abs` (label: the set's mean ROUGE F1 / 100), `rel` (0.5 + (ROUGE - the
//! document's mean) / SCALE, clamped to [0, 1]) or `best` (1 for sets within
//! SCALE points of the document's best); a `c` in front (`crel`) adds each
//! feature less its mean over the document's sets, an `s` (`srel`) also the
//! out-of-fold ridge's value of the set (stacking). `LEDE_ADAPT=1` adds the
//! sets of one more bullet to these candidates (the scorer chooses 3 or 4).

use std::error::Error;

use lede::document::Document;
use lede::lang::Language;
use lede::score::learned::{features, Model};
use lede::select::{
    rank_order, rules, select, select_set, Length, References, Selection, SetChoice, SetWeights,
};
use lede::text::word_hash;
use lede_rouge::{RougeScorer, RougeType};
use lede_train::oracle::{document, lines};
use lede_train::sets::{fit, target, LabelledSets};
use lede_train::{corpus, train, Corpus, Example, Recipe};
use rayon::prelude::*;

type Choose = Box<dyn Fn(&Document, &[f32], &Model) -> Vec<usize> + Sync>;

/// One way of choosing bullets from a document's learned scores.
struct Variant {
    name: String,
    choose: Choose,
}

fn learned_selection(model: &Model) -> Selection {
    Selection {
        length: Length::Sentences(model.selection.sentences as usize),
        max_overlap: model.selection.max_overlap,
        ..Selection::default()
    }
}

fn variant(name: impl Into<String>, choose: Choose) -> Variant {
    Variant {
        name: name.into(),
        choose,
    }
}

/// The variants scored: lead, the greedy learned selection, the model's own
/// set choice (with its set scorer, fitted on the scored documents when
/// they are the validation set), and the set choice without a set scorer
/// with the settings in `LEDE_SETS` (`candidates:unresolved_cost`,
/// comma-separated; default `6:0.2`).
fn variants() -> Vec<Variant> {
    let mut out = vec![
        variant(
            "lead",
            Box::new(|doc, _, _| {
                let order: Vec<usize> = (0..doc.sentences.len()).collect();
                select(doc, &order, &Selection::default())
            }),
        ),
        variant(
            "learned",
            Box::new(|doc, scores, model| {
                select(doc, &rank_order(scores), &learned_selection(model))
            }),
        ),
        variant(
            "learned, references skipped",
            Box::new(|doc, scores, model| {
                let selection = Selection {
                    references: References::Skip,
                    ..learned_selection(model)
                };
                select(doc, &rank_order(scores), &selection)
            }),
        ),
    ];
    out.push(variant(
        "learned default (the model's set choice)",
        Box::new(|doc, scores, model| {
            select_set(
                doc,
                scores,
                &rank_order(scores),
                &learned_selection(model),
                &model.selection.set_choice(),
                &model.lexicon,
            )
        }),
    ));
    let sets = std::env::var("LEDE_SETS").unwrap_or_else(|_| "6:0.2".into());
    for spec in sets.split(',').filter(|s| !s.is_empty()) {
        let v: Vec<&str> = spec.split(':').collect();
        let choice = SetChoice {
            candidates: v[0].parse().expect("candidates"),
            unresolved_cost: v[1].parse().expect("unresolved cost"),
            weights: None,
        };
        out.push(variant(
            format!("set {spec}"),
            Box::new(move |doc, scores, model| {
                select_set(
                    doc,
                    scores,
                    &rank_order(scores),
                    &learned_selection(model),
                    &choice,
                    &model.lexicon,
                )
            }),
        ));
    }
    out
}

/// Mean F1 x100 and the unresolved-reference count of one variant on one fold.
#[derive(Debug, Clone, Copy, Default)]
struct Score {
    rouge: [f64; 3],
    bullets: usize,
    unresolved: usize,
}

impl Score {
    /// The score of the bullets `chosen` from `doc` against `reference`.
    fn of(doc: &Document, chosen: &[usize], reference: &str, scorer: &RougeScorer) -> Score {
        let summary = lines(chosen.iter().map(|&i| doc.sentence_text(i)));
        let s = scorer.score(&summary, reference);
        let f = |t| s.get(t).map_or(0.0, |v| v.fmeasure * 100.0);
        Score {
            rouge: [f(RougeType::N(1)), f(RougeType::N(2)), f(RougeType::Lsum)],
            bullets: chosen.len(),
            unresolved: unresolved(doc, chosen),
        }
    }

    /// The score of the default set choice (the embedded selection) on `doc`.
    fn of_default(
        doc: &Document,
        scores: &[f32],
        selection: &Selection,
        model: &Model,
        reference: &str,
        scorer: &RougeScorer,
    ) -> Score {
        let chosen = select_set(
            doc,
            scores,
            &rank_order(scores),
            selection,
            &SetChoice::default(),
            &model.lexicon,
        );
        Score::of(doc, &chosen, reference, scorer)
    }
}

fn unresolved(doc: &Document, chosen: &[usize]) -> usize {
    chosen
        .iter()
        .filter(|&&i| {
            i > 0 && !chosen.contains(&(i - 1)) && rules::opens_with_reference(doc.sentence_text(i))
        })
        .count()
}

fn evaluate(
    model: &Model,
    docs: &[Example],
    scorer: &RougeScorer,
    variants: &[Variant],
) -> Vec<Score> {
    let per_doc: Vec<Vec<Score>> = docs
        .par_iter()
        .map(|d| {
            let doc = document(&d.article, Language::English);
            let x = features(&doc, &model.lexicon);
            let scores: Vec<f32> = x.iter().map(|f| model.predict(f)).collect();
            variants
                .iter()
                .map(|v| {
                    let chosen = (v.choose)(&doc, &scores, model);
                    Score::of(&doc, &chosen, &d.reference, scorer)
                })
                .collect()
        })
        .collect();
    let mut out = vec![Score::default(); variants.len()];
    for doc in &per_doc {
        for (o, s) in out.iter_mut().zip(doc) {
            for k in 0..3 {
                o.rouge[k] += s.rouge[k];
            }
            o.bullets += s.bullets;
            o.unresolved += s.unresolved;
        }
    }
    for o in &mut out {
        o.rouge.iter_mut().for_each(|r| *r /= docs.len() as f64);
    }
    out
}

/// The candidate sets of one held-out document, with the default's choice
/// for documents that have none.
struct Sets {
    half: u64,
    labelled: LabelledSets,
    unresolved: Vec<usize>,
    fallback: Score,
}

/// The set scorer as the recipe fits it, cross-fitted: the sets of each
/// half of the held-out fold are valued by weights fitted on the other
/// half (so no document is scored by weights fitted on it). Returns one
/// score per charge in `charges`, then the best candidate set (the
/// ceiling of any set scorer).
fn rerank(
    model: &Model,
    docs: &[Example],
    scorer: &RougeScorer,
    ridge: f64,
    charges: &[f32],
    candidates: usize,
) -> Vec<Score> {
    let choice = SetChoice {
        candidates,
        ..SetChoice::default()
    };
    let sets: Vec<Sets> = docs
        .par_iter()
        .map(|d| {
            let doc = document(&d.article, Language::English);
            let x = features(&doc, &model.lexicon);
            let scores: Vec<f32> = x.iter().map(|f| model.predict(f)).collect();
            let selection = learned_selection(model);
            let labelled = LabelledSets::new(
                &doc,
                &scores,
                &selection,
                &choice,
                &model.lexicon,
                &d.reference,
                scorer,
            );
            let unresolved = labelled
                .sets
                .iter()
                .map(|(chosen, _, _)| unresolved(&doc, chosen))
                .collect();
            Sets {
                half: word_hash(&format!("rerank:{}", d.id)) % 2,
                labelled,
                unresolved,
                fallback: Score::of_default(&doc, &scores, &selection, model, &d.reference, scorer),
            }
        })
        .collect();
    let weights: Vec<SetWeights> = (0..2)
        .map(|h| {
            fit(
                sets.iter().filter(|s| s.half != h).map(|s| &s.labelled),
                ridge,
            )
        })
        .collect();
    eprintln!("set scorer weights (fitted on half 1): {:?}", weights[0]);
    let mut out = vec![Score::default(); charges.len() + 1];
    let add = |o: &mut Score, rouge: &[f64; 3], bullets: usize, unresolved: usize| {
        for (o, r) in o.rouge.iter_mut().zip(rouge) {
            *o += r / docs.len() as f64;
        }
        o.bullets += bullets;
        o.unresolved += unresolved;
    };
    for s in &sets {
        let rows = &s.labelled.sets;
        if rows.is_empty() {
            for o in out.iter_mut() {
                add(
                    o,
                    &s.fallback.rouge,
                    s.fallback.bullets,
                    s.fallback.unresolved,
                );
            }
            continue;
        }
        let w = &weights[s.half as usize];
        let best_by = |value: &dyn Fn(usize) -> f64| {
            (1..rows.len()).fold(0, |best, r| if value(r) > value(best) { r } else { best })
        };
        for (c, &charge) in charges.iter().enumerate() {
            let value = |r: usize| {
                let x = &rows[r].1;
                f64::from(w.iter().zip(x).map(|(w, x)| w * x).sum::<f32>() - charge * x[2])
            };
            let r = best_by(&value);
            add(&mut out[c], &rows[r].2, rows[r].0.len(), s.unresolved[r]);
        }
        let r = best_by(&|r| target(&rows[r].2));
        add(
            &mut out[charges.len()],
            &rows[r].2,
            rows[r].0.len(),
            s.unresolved[r],
        );
    }
    out
}

fn mean_std(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = if values.len() > 1 {
        values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0)
    } else {
        0.0
    };
    (mean, var.sqrt())
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut folds = 5u64;
    let mut limit = usize::MAX;
    let mut holdout = false;
    let mut embedded = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--folds" => folds = args.next().ok_or("--folds N")?.parse()?,
            "--limit" => limit = args.next().ok_or("--limit N")?.parse()?,
            "--holdout" => holdout = true,
            "--embedded" => embedded = true,
            _ => files.push(a),
        }
    }
    let loaded: Vec<Vec<Example>> = files
        .iter()
        .map(|f| corpus::load(f.as_ref()).map(|l| l.examples))
        .collect::<Result<_, _>>()?;
    let recipe = Recipe {
        report_every: 0,
        ..Recipe::default()
    };
    let scorer = RougeScorer::new(lede_rouge::Config {
        types: vec![RougeType::N(1), RougeType::N(2), RougeType::Lsum],
        stemmer: true,
    })?;
    let mut variants = variants();
    let ridge: f64 = std::env::var("LEDE_RIDGE").map_or(Ok(0.01), |v| v.parse())?;
    let charges: Vec<f32> = std::env::var("LEDE_CHARGES")
        .unwrap_or_else(|_| "0,4".into())
        .split(',')
        .map(|c| c.parse())
        .collect::<Result<_, _>>()?;
    let candidates: Vec<usize> = std::env::var("LEDE_CANDIDATES")
        .unwrap_or_else(|_| "6".into())
        .split(',')
        .map(|c| c.parse())
        .collect::<Result<_, _>>()?;
    let plain = variants.len();
    let oof: u64 = std::env::var("LEDE_OOF").map_or(Ok(0), |v| v.parse())?;
    let tree_specs: Vec<String> = std::env::var("LEDE_TREES")
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    let mut extra = 0;
    if embedded {
        let model = lede::score::learned::embedded_model()?;
        let docs: Vec<Example> = loaded.into_iter().flatten().collect();
        let scores = evaluate(&model, &docs, &scorer, &variants);
        print_table(&variants, std::slice::from_ref(&scores));
        return Ok(());
    }
    let splits: Vec<Corpus> = if holdout {
        let [train, valid] = <[Vec<Example>; 2]>::try_from(loaded).map_err(|_| "two files")?;
        vec![Corpus { train, valid }]
    } else {
        let mut pool: Vec<(u64, Example)> = loaded
            .into_iter()
            .flatten()
            .map(|d| (word_hash(&format!("cv:{}", d.id)), d))
            .collect();
        pool.sort_by_key(|(h, _)| *h);
        pool.truncate(limit);
        (0..folds)
            .map(|f| {
                let (valid, train): (Vec<_>, Vec<_>) =
                    pool.iter().cloned().partition(|(h, _)| h % folds == f);
                Corpus {
                    train: train.into_iter().map(|(_, d)| d).collect(),
                    valid: valid.into_iter().map(|(_, d)| d).collect(),
                }
            })
            .collect()
    };
    let mut results: Vec<Vec<Score>> = Vec::new();
    for (f, split) in splits.iter().enumerate() {
        let trained = train(split, &recipe)?;
        let mut fold = evaluate(&trained.model, &split.valid, &scorer, &variants[..plain]);
        for &k in &candidates {
            fold.extend(rerank(
                &trained.model,
                &split.valid,
                &scorer,
                ridge,
                &charges,
                k,
            ));
        }
        if oof > 0 {
            let start = std::time::Instant::now();
            let train_sets = oof_sets(
                split,
                &recipe,
                &learned_selection(&trained.model),
                &scorer,
                oof,
            )?;
            eprintln!("fold {f}: out-of-fold sets in {:?}", start.elapsed());
            let ridge_weights = fit(&train_sets, ridge);
            let mut fitted = vec![Fitted::Ridge(ridge_weights)];
            for spec in &tree_specs {
                let v: Vec<&str> = spec.split(':').collect();
                let config = lede_gbdt::TrainConfig {
                    trees: v[2].parse()?,
                    max_depth: v[3].parse()?,
                    learning_rate: v[4].parse()?,
                    ..lede_gbdt::TrainConfig::default()
                };
                let start = std::time::Instant::now();
                fitted.push(fit_trees(
                    &train_sets,
                    v[0],
                    v[1].parse()?,
                    &config,
                    Some(&ridge_weights),
                ));
                eprintln!("fold {f}: trees {spec} in {:?}", start.elapsed());
            }
            extra = fitted.len();
            fold.extend(score_fitted(
                &trained.model,
                &split.valid,
                &scorer,
                &fitted,
                &charges,
                Some(&ridge_weights),
            ));
        }
        if variants.len() == plain {
            for &k in &candidates {
                for c in &charges {
                    let name = format!("set scorer, {k} candidates, charge {c}");
                    variants.push(variant(name, Box::new(|_, _, _| vec![])));
                }
                let name = format!("best of the sets of {k} candidates");
                variants.push(variant(name, Box::new(|_, _, _| vec![])));
            }
            let names = std::iter::once("oof ridge".to_string())
                .chain(tree_specs.iter().map(|s| format!("oof trees {s}")))
                .take(extra);
            for name in names {
                for c in &charges {
                    let name = format!("{name}, charge {c}");
                    variants.push(variant(name, Box::new(|_, _, _| vec![])));
                }
            }
        }
        for (v, s) in variants.iter().zip(&fold) {
            println!(
                "fold {f} ({} docs, selection {}/{}): {:<40} {:.2} / {:.2} / {:.2}  unresolved {}/{}",
                split.valid.len(),
                trained.model.selection.sentences,
                trained.model.selection.max_overlap,
                v.name,
                s.rouge[0],
                s.rouge[1],
                s.rouge[2],
                s.unresolved,
                s.bullets
            );
        }
        results.push(fold);
    }
    print_table(&variants, &results);
    Ok(())
}

/// Prints mean ± standard deviation over folds of every variant.
fn print_table(variants: &[Variant], results: &[Vec<Score>]) {
    println!("\n| variant | R1 | R2 | RLsum | unresolved refs |\n|---|---|---|---|---|");
    for (v, variant) in variants.iter().enumerate() {
        let cell = |k: usize| {
            let (m, s) = mean_std(&results.iter().map(|r| r[v].rouge[k]).collect::<Vec<_>>());
            format!("{m:.2} ± {s:.2}")
        };
        let (bad, all) = results
            .iter()
            .fold((0, 0), |(b, a), r| (b + r[v].unresolved, a + r[v].bullets));
        println!(
            "| {} | {} | {} | {} | {bad} ({:.2}%) |",
            variant.name,
            cell(0),
            cell(1),
            cell(2),
            100.0 * bad as f64 / all.max(1) as f64
        );
    }
}

/// Out-of-fold candidate sets of the training documents of one split: the
/// training documents are split into `k` folds by a hash of the id, and
/// each fold's documents are scored by trees trained on the other folds,
/// with the outer model's selection settings.
fn oof_sets(
    split: &Corpus,
    recipe: &Recipe,
    selection: &Selection,
    scorer: &RougeScorer,
    k: u64,
) -> Result<Vec<LabelledSets>, Box<dyn Error>> {
    let inner = Recipe {
        set_scorer: None,
        ..recipe.clone()
    };
    let mut out = Vec::new();
    for j in 0..k {
        let (held, rest): (Vec<Example>, Vec<Example>) = split
            .train
            .iter()
            .cloned()
            .partition(|d| word_hash(&format!("oof:{}", d.id)) % k == j);
        let model = train(
            &Corpus {
                train: rest,
                valid: held.clone(),
            },
            &inner,
        )?
        .model;
        let sets: Vec<LabelledSets> = held
            .par_iter()
            .map(|d| {
                let doc = document(&d.article, Language::English);
                let x = features(&doc, &model.lexicon);
                let scores: Vec<f32> = x.iter().map(|f| model.predict(f)).collect();
                labelled_sets(
                    &doc,
                    &scores,
                    selection,
                    &model.lexicon,
                    &d.reference,
                    scorer,
                )
            })
            .collect();
        out.extend(sets);
    }
    Ok(out)
}

/// The labelled candidate sets of one document; with `LEDE_ADAPT=1`, the
/// sets of one more bullet too.
fn labelled_sets(
    doc: &Document,
    scores: &[f32],
    selection: &Selection,
    lexicon: &lede::score::learned::Lexicon,
    reference: &str,
    scorer: &RougeScorer,
) -> LabelledSets {
    let mut out = LabelledSets::new(
        doc,
        scores,
        selection,
        &SetChoice::default(),
        lexicon,
        reference,
        scorer,
    );
    if std::env::var("LEDE_ADAPT").is_ok_and(|v| v == "1") {
        if let Length::Sentences(k) = selection.length {
            let more = Selection {
                length: Length::Sentences(k + 1),
                ..*selection
            };
            let extra = LabelledSets::new(
                doc,
                scores,
                &more,
                &SetChoice::default(),
                lexicon,
                reference,
                scorer,
            );
            if !out.sets.is_empty() {
                out.sets.extend(extra.sets);
            }
        }
    }
    out
}

/// Each set's features, then the same less the document's mean; with
/// `stack`, then the ridge value of the set and that less its mean.
fn centred(d: &LabelledSets, stack: Option<&SetWeights>) -> Vec<Vec<f32>> {
    let n = d.sets.len().max(1) as f32;
    let mut mean = [0f32; lede::select::SET_FEATURES];
    for (_, x, _) in &d.sets {
        for (m, v) in mean.iter_mut().zip(x) {
            *m += v / n;
        }
    }
    let ridge = |x: &[f32]| stack.map(|w| w.iter().zip(x).map(|(w, x)| w * x).sum::<f32>());
    let mean_ridge = d.sets.iter().filter_map(|(_, x, _)| ridge(x)).sum::<f32>() / n;
    d.sets
        .iter()
        .map(|(_, x, _)| {
            let mut row: Vec<f32> = x
                .iter()
                .copied()
                .chain(x.iter().zip(&mean).map(|(v, m)| v - m))
                .collect();
            if let Some(r) = ridge(x) {
                row.extend([r, r - mean_ridge]);
            }
            row
        })
        .collect()
}

/// A set scorer fitted on out-of-fold training sets.
enum Fitted {
    Ridge(SetWeights),
    /// Boosted trees on the set features; a margin unit is worth `per_point`
    /// points of ROUGE for the charge.
    Trees {
        base: f32,
        trees: Vec<lede_gbdt::Tree>,
        per_point: f32,
        centred: bool,
        stacked: bool,
    },
}

impl Fitted {
    fn value(
        &self,
        x: &[f32; lede::select::SET_FEATURES],
        wide: &[f32],
        stack: &[f32],
        charge: f32,
    ) -> f64 {
        match self {
            Fitted::Ridge(w) => {
                f64::from(w.iter().zip(x).map(|(w, x)| w * x).sum::<f32>() - charge * x[2])
            }
            Fitted::Trees {
                base,
                trees,
                per_point,
                centred,
                stacked,
            } => {
                let row = match (stacked, centred) {
                    (true, _) => stack,
                    (false, true) => wide,
                    (false, false) => &x[..],
                };
                f64::from(lede_gbdt::predict(*base, trees, row) - charge * per_point * x[2])
            }
        }
    }
}

/// Boosted trees on the sets of `train`: `mode` "abs" (label = mean ROUGE
/// / 100), "rel" (0.5 + (ROUGE - document mean) / scale, clamped), "best"
/// (1 for sets within `scale` points of the document's best).
fn fit_trees(
    train: &[LabelledSets],
    mode: &str,
    scale: f64,
    config: &lede_gbdt::TrainConfig,
    stack: Option<&SetWeights>,
) -> Fitted {
    let stacked = mode.starts_with('s');
    let wide = stacked || mode.starts_with('c');
    let mode = mode.trim_start_matches(['s', 'c']);
    let mut rows: Vec<Vec<f32>> = Vec::new();
    let mut labels = Vec::new();
    for d in train.iter().filter(|d| d.sets.len() > 1) {
        let c = centred(d, stack.filter(|_| stacked));
        let mean = d.sets.iter().map(|s| target(&s.2)).sum::<f64>() / d.sets.len() as f64;
        let best = d.sets.iter().map(|s| target(&s.2)).fold(f64::MIN, f64::max);
        for ((_, x, r), c) in d.sets.iter().zip(c) {
            let t = target(r);
            let y = match mode {
                "abs" => t / 100.0,
                "rel" => (0.5 + (t - mean) / scale).clamp(0.0, 1.0),
                _ => f64::from(u8::from(t >= best - scale)),
            };
            rows.push(if wide { c } else { x.to_vec() });
            labels.push(y as f32);
        }
    }
    let (base, trees) = lede_gbdt::train(&rows, &labels, config);
    // The margin's slope in ROUGE points near the labels' mean.
    let p = (labels.iter().map(|&y| f64::from(y)).sum::<f64>() / labels.len().max(1) as f64)
        .clamp(0.05, 0.95);
    let per_point = match mode {
        "abs" => 1.0 / (100.0 * p * (1.0 - p)),
        "rel" => 1.0 / (scale * p * (1.0 - p)),
        _ => 0.25,
    } as f32;
    Fitted::Trees {
        base,
        trees,
        per_point,
        centred: wide,
        stacked,
    }
}

/// Scores the held-out fold's sets chosen by each fitted scorer at each charge.
fn score_fitted(
    model: &Model,
    docs: &[Example],
    scorer: &RougeScorer,
    fitted: &[Fitted],
    charges: &[f32],
    stacking: Option<&SetWeights>,
) -> Vec<Score> {
    let selection = learned_selection(model);
    let per_doc: Vec<Vec<Score>> = docs
        .par_iter()
        .map(|d| {
            let doc = document(&d.article, Language::English);
            let x = features(&doc, &model.lexicon);
            let scores: Vec<f32> = x.iter().map(|f| model.predict(f)).collect();
            let labelled = labelled_sets(
                &doc,
                &scores,
                &selection,
                &model.lexicon,
                &d.reference,
                scorer,
            );
            let rows = &labelled.sets;
            let wide = centred(&labelled, None);
            let stack = centred(&labelled, stacking);
            let fallback =
                || Score::of_default(&doc, &scores, &selection, model, &d.reference, scorer);
            let mut out = Vec::new();
            for fit in fitted {
                for &charge in charges {
                    if rows.is_empty() {
                        out.push(fallback());
                        continue;
                    }
                    let values: Vec<f64> = rows
                        .iter()
                        .zip(wide.iter().zip(&stack))
                        .map(|(r, (w, s))| fit.value(&r.1, w, s, charge))
                        .collect();
                    let r =
                        (1..rows.len()).fold(0, |b, r| if values[r] > values[b] { r } else { b });
                    out.push(Score {
                        rouge: rows[r].2,
                        bullets: rows[r].0.len(),
                        unresolved: unresolved(&doc, &rows[r].0),
                    });
                }
            }
            out
        })
        .collect();
    let mut out = vec![Score::default(); fitted.len() * charges.len()];
    for doc in &per_doc {
        for (o, s) in out.iter_mut().zip(doc) {
            for k in 0..3 {
                o.rouge[k] += s.rouge[k] / docs.len() as f64;
            }
            o.bullets += s.bullets;
            o.unresolved += s.unresolved;
        }
    }
    out
}
