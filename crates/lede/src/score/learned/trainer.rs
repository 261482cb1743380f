//! Training: gradient-boosted regression trees with logistic loss.
//!
//! Written by hand because it is small (a few hundred thousand rows of a
//! few dozen dense features), must be bit-for-bit deterministic, and keeps
//! the library free of a machine-learning runtime. Features are binned into
//! at most 255 quantile bins once; each tree is grown depth-first with
//! per-node gradient histograms and Newton leaf values.

use super::features::{Features, FEATURE_COUNT};
use super::lexicon::Lexicon;
use super::model::{Model, SelectionHint, Tree, LEAF};

/// Hyper-parameters of training.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainConfig {
    /// Number of trees.
    pub trees: usize,
    /// Depth of each tree.
    pub max_depth: usize,
    /// Shrinkage applied to every leaf.
    pub learning_rate: f32,
    /// L2 regularisation of leaf values.
    pub lambda: f64,
    /// Smallest sum of hessians allowed in a child.
    pub min_child_hessian: f64,
    /// Quantile bins per feature (at most 255).
    pub bins: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            trees: 200,
            max_depth: 5,
            learning_rate: 0.08,
            lambda: 1.0,
            min_child_hessian: 5.0,
            bins: 64,
        }
    }
}

/// Labelled sentences: one feature vector and one target in `[0, 1]` each.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    /// Feature vectors.
    pub features: Vec<Features>,
    /// Targets: 1 for sentences in the oracle summary, else 0.
    pub labels: Vec<f32>,
}

impl Dataset {
    /// Appends the sentences of one document.
    pub fn extend(&mut self, features: Vec<Features>, labels: Vec<f32>) {
        debug_assert_eq!(features.len(), labels.len());
        self.features.extend(features);
        self.labels.extend(labels);
    }
}

/// Quantile thresholds of one feature: value `x` falls in bin `b` when
/// `x <= thresholds[b]` and `x > thresholds[b - 1]`.
fn thresholds(values: &mut [f32], bins: usize) -> Vec<f32> {
    values.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    let mut push = |v: f32| {
        if out.last() != Some(&v) {
            out.push(v);
        }
    };
    let mut unique = values.to_vec();
    unique.dedup();
    if unique.len() <= bins {
        unique
            .iter()
            .take(unique.len().saturating_sub(1))
            .for_each(|&v| push(v));
    } else {
        for k in 1..bins {
            push(values[k * values.len() / bins]);
        }
    }
    out
}

struct Binned {
    /// Column-major bin indices: `bins[f * rows + r]`.
    bins: Vec<u8>,
    rows: usize,
    thresholds: Vec<Vec<f32>>,
}

fn bin(data: &Dataset, bins: usize) -> Binned {
    let rows = data.features.len();
    let bins = bins.clamp(2, 255);
    let stride = (rows / 200_000).max(1);
    let mut thresholds_per_feature = Vec::with_capacity(FEATURE_COUNT);
    let mut out = vec![0u8; rows * FEATURE_COUNT];
    for f in 0..FEATURE_COUNT {
        let mut sample: Vec<f32> = data.features.iter().step_by(stride).map(|x| x[f]).collect();
        let t = thresholds(&mut sample, bins);
        for (r, x) in data.features.iter().enumerate() {
            out[f * rows + r] = t.partition_point(|&v| v < x[f]) as u8;
        }
        thresholds_per_feature.push(t);
    }
    Binned {
        bins: out,
        rows,
        thresholds: thresholds_per_feature,
    }
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

struct Split {
    feature: usize,
    bin: usize,
    gain: f64,
}

/// Trains a model. `on_round(trees_so_far, &model)` is called every
/// `report_every` trees and at the end (for validation and progress).
pub fn train(
    data: &Dataset,
    config: &TrainConfig,
    selection: SelectionHint,
    lexicon: Lexicon,
    report_every: usize,
    mut on_round: impl FnMut(usize, &Model),
) -> Model {
    let binned = bin(data, config.bins);
    let rows = binned.rows;
    let positives: f64 = data.labels.iter().map(|&y| f64::from(y)).sum();
    let prior = ((positives + 1.0) / (rows as f64 + 2.0)).clamp(1e-6, 1.0 - 1e-6);
    let mut model = Model {
        base_score: (prior / (1.0 - prior)).ln() as f32,
        trees: Vec::with_capacity(config.trees),
        selection,
        lexicon,
    };
    let mut margin = vec![model.base_score; rows];
    let mut grad = vec![0.0f64; rows];
    let mut hess = vec![0.0f64; rows];
    for round in 0..config.trees {
        for r in 0..rows {
            let p = sigmoid(margin[r]);
            grad[r] = f64::from(p - data.labels[r]);
            hess[r] = f64::from((p * (1.0 - p)).max(1e-6));
        }
        let tree = grow_tree(&binned, &grad, &hess, config, &mut margin);
        model.trees.push(tree);
        let done = round + 1;
        if report_every > 0 && (done % report_every == 0 || done == config.trees) {
            on_round(done, &model);
        }
    }
    model
}

fn grow_tree(
    binned: &Binned,
    grad: &[f64],
    hess: &[f64],
    config: &TrainConfig,
    margin: &mut [f32],
) -> Tree {
    let mut tree = Tree::default();
    let all: Vec<u32> = (0..binned.rows as u32).collect();
    // Work list of (node index, rows, depth); nodes are appended so children
    // always come after their parent.
    let mut pending = vec![(0usize, all, 0usize)];
    push_node(&mut tree);
    let mut hist = vec![(0.0f64, 0.0f64); 256 * FEATURE_COUNT];
    while let Some((node, rows, depth)) = pending.pop() {
        let (g_sum, h_sum) = rows.iter().fold((0.0, 0.0), |(g, h), &r| {
            (g + grad[r as usize], h + hess[r as usize])
        });
        let split = if depth < config.max_depth && h_sum >= 2.0 * config.min_child_hessian {
            best_split(binned, &rows, grad, hess, (g_sum, h_sum), config, &mut hist)
        } else {
            None
        };
        let Some(split) = split else {
            let value = (-g_sum / (h_sum + config.lambda)) as f32 * config.learning_rate;
            tree.value[node] = value;
            for &r in &rows {
                margin[r as usize] += value;
            }
            continue;
        };
        let column = &binned.bins[split.feature * binned.rows..(split.feature + 1) * binned.rows];
        let (left_rows, right_rows): (Vec<u32>, Vec<u32>) = rows
            .iter()
            .partition(|&&r| usize::from(column[r as usize]) <= split.bin);
        let left = push_node(&mut tree);
        let right = push_node(&mut tree);
        tree.feature[node] = split.feature as u16;
        tree.threshold[node] = binned.thresholds[split.feature][split.bin];
        tree.left[node] = left as u32;
        tree.right[node] = right as u32;
        pending.push((right, right_rows, depth + 1));
        pending.push((left, left_rows, depth + 1));
    }
    tree
}

fn push_node(tree: &mut Tree) -> usize {
    tree.feature.push(LEAF);
    tree.threshold.push(0.0);
    tree.left.push(0);
    tree.right.push(0);
    tree.value.push(0.0);
    tree.feature.len() - 1
}

fn best_split(
    binned: &Binned,
    rows: &[u32],
    grad: &[f64],
    hess: &[f64],
    (g_sum, h_sum): (f64, f64),
    config: &TrainConfig,
    hist: &mut [(f64, f64)],
) -> Option<Split> {
    let score = |g: f64, h: f64| g * g / (h + config.lambda);
    let parent = score(g_sum, h_sum);
    let mut best: Option<Split> = None;
    for f in 0..FEATURE_COUNT {
        let n_bins = binned.thresholds[f].len() + 1;
        if n_bins < 2 {
            continue;
        }
        let hist = &mut hist[f * 256..f * 256 + n_bins];
        hist.iter_mut().for_each(|b| *b = (0.0, 0.0));
        let column = &binned.bins[f * binned.rows..(f + 1) * binned.rows];
        for &r in rows {
            let b = &mut hist[usize::from(column[r as usize])];
            b.0 += grad[r as usize];
            b.1 += hess[r as usize];
        }
        let (mut gl, mut hl) = (0.0, 0.0);
        for (b, &(g, h)) in hist.iter().enumerate().take(n_bins - 1) {
            gl += g;
            hl += h;
            let (gr, hr) = (g_sum - gl, h_sum - hl);
            if hl < config.min_child_hessian || hr < config.min_child_hessian {
                continue;
            }
            let gain = score(gl, hl) + score(gr, hr) - parent;
            if gain > 1e-9 && best.as_ref().is_none_or(|s| gain > s.gain) {
                best = Some(Split {
                    feature: f,
                    bin: b,
                    gain,
                });
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_threshold_and_round_trips() {
        let mut data = Dataset::default();
        for i in 0..400 {
            let mut x = [0.0; FEATURE_COUNT];
            x[0] = (i % 40) as f32;
            x[5] = (i % 7) as f32;
            data.extend(vec![x], vec![if x[0] < 3.0 { 1.0 } else { 0.0 }]);
        }
        let hint = SelectionHint {
            sentences: 3,
            max_overlap: 0.6,
            set_scorer: None,
        };
        let config = TrainConfig {
            trees: 30,
            ..TrainConfig::default()
        };
        let mut reports = 0;
        let model = train(&data, &config, hint, Lexicon::default(), 10, |_, _| {
            reports += 1
        });
        assert_eq!(reports, 3);
        let mut early = [0.0; FEATURE_COUNT];
        early[0] = 1.0;
        let mut late = early;
        late[0] = 30.0;
        assert!(model.predict(&early) > 0.0 && model.predict(&late) < 0.0);
        model.validate().unwrap();
        let forest = super::super::forest::Forest::new(&model);
        let predicted = forest.predict_all(&data.features);
        for (x, p) in data.features.iter().zip(predicted) {
            assert_eq!(p, model.predict(x), "compiled forest agrees with the trees");
        }

        let bytes = super::super::serialization::to_bytes(&model);
        assert_eq!(
            super::super::serialization::from_bytes(&bytes).unwrap(),
            model
        );
        let again = train(&data, &config, hint, Lexicon::default(), 0, |_, _| {});
        assert_eq!(again, model, "training is deterministic");
    }
}
