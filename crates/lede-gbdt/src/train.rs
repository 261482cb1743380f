//! Training: gradient-boosted regression trees with logistic loss.
//!
//! Written by hand because it is small (a few hundred thousand rows of a
//! few dozen dense features), must be bit-for-bit deterministic, and keeps
//! its users free of a machine-learning runtime. Features are binned into
//! at most 255 quantile bins once; each tree is grown depth-first with
//! per-node gradient histograms and Newton leaf values. Everything runs on
//! one thread in a fixed order, so a model depends only on its data.

use crate::tree::Tree;

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

fn bin<R: AsRef<[f32]>>(rows: &[R], width: usize, bins: usize) -> Binned {
    let n = rows.len();
    let bins = bins.clamp(2, 255);
    let stride = (n / 200_000).max(1);
    let mut thresholds_per_feature = Vec::with_capacity(width);
    let mut out = vec![0u8; n * width];
    for f in 0..width {
        let mut sample: Vec<f32> = rows.iter().step_by(stride).map(|x| x.as_ref()[f]).collect();
        let t = thresholds(&mut sample, bins);
        for (r, x) in rows.iter().enumerate() {
            let v = x.as_ref()[f];
            out[f * n + r] = t.partition_point(|&t| t < v) as u8;
        }
        thresholds_per_feature.push(t);
    }
    Binned {
        bins: out,
        rows: n,
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

/// Boosting in progress: the binned data and every row's current margin.
/// Each [`Booster::grow`] fits one more tree to the logistic loss.
pub struct Booster<'a> {
    binned: Binned,
    labels: &'a [f32],
    config: TrainConfig,
    base_score: f32,
    margin: Vec<f32>,
    grad: Vec<f64>,
    hess: Vec<f64>,
    hist: Vec<(f64, f64)>,
}

impl<'a> Booster<'a> {
    /// Bins `rows` (dense feature vectors, all of one width) with targets
    /// `labels` in `[0, 1]`; the base score is the log-odds of the smoothed
    /// label mean.
    ///
    /// # Panics
    ///
    /// When `rows` and `labels` differ in length or rows differ in width.
    pub fn new<R: AsRef<[f32]>>(rows: &[R], labels: &'a [f32], config: &TrainConfig) -> Self {
        assert_eq!(rows.len(), labels.len(), "one label per row");
        let width = rows.first().map_or(0, |x| x.as_ref().len());
        assert!(
            rows.iter().all(|x| x.as_ref().len() == width),
            "rows of one width"
        );
        let binned = bin(rows, width, config.bins);
        let n = binned.rows;
        let positives: f64 = labels.iter().map(|&y| f64::from(y)).sum();
        let prior = ((positives + 1.0) / (n as f64 + 2.0)).clamp(1e-6, 1.0 - 1e-6);
        let base_score = (prior / (1.0 - prior)).ln() as f32;
        Booster {
            binned,
            labels,
            config: config.clone(),
            base_score,
            margin: vec![base_score; n],
            grad: vec![0.0; n],
            hess: vec![0.0; n],
            hist: vec![(0.0, 0.0); 256 * width],
        }
    }

    /// The starting log-odds before any tree.
    pub fn base_score(&self) -> f32 {
        self.base_score
    }

    /// Fits the next tree to the current margins and adds it to them.
    pub fn grow(&mut self) -> Tree {
        for r in 0..self.binned.rows {
            let p = sigmoid(self.margin[r]);
            self.grad[r] = f64::from(p - self.labels[r]);
            self.hess[r] = f64::from((p * (1.0 - p)).max(1e-6));
        }
        self.grow_tree()
    }

    fn grow_tree(&mut self) -> Tree {
        let binned = &self.binned;
        let config = &self.config;
        let (grad, hess) = (&self.grad, &self.hess);
        let mut tree = Tree::default();
        let all: Vec<u32> = (0..binned.rows as u32).collect();
        // Work list of (node index, rows, depth); nodes are appended so
        // children always come after their parent.
        let mut pending = vec![(0usize, all, 0usize)];
        tree.push_leaf();
        while let Some((node, rows, depth)) = pending.pop() {
            let (g_sum, h_sum) = rows.iter().fold((0.0, 0.0), |(g, h), &r| {
                (g + grad[r as usize], h + hess[r as usize])
            });
            let split = if depth < config.max_depth && h_sum >= 2.0 * config.min_child_hessian {
                best_split(
                    binned,
                    &rows,
                    grad,
                    hess,
                    (g_sum, h_sum),
                    config,
                    &mut self.hist,
                )
            } else {
                None
            };
            let Some(split) = split else {
                let value = (-g_sum / (h_sum + config.lambda)) as f32 * config.learning_rate;
                tree.value[node] = value;
                for &r in &rows {
                    self.margin[r as usize] += value;
                }
                continue;
            };
            let column =
                &binned.bins[split.feature * binned.rows..(split.feature + 1) * binned.rows];
            let (left_rows, right_rows): (Vec<u32>, Vec<u32>) = rows
                .iter()
                .partition(|&&r| usize::from(column[r as usize]) <= split.bin);
            let left = tree.push_leaf();
            let right = tree.push_leaf();
            tree.feature[node] = split.feature as u16;
            tree.threshold[node] = binned.thresholds[split.feature][split.bin];
            tree.left[node] = left as u32;
            tree.right[node] = right as u32;
            pending.push((right, right_rows, depth + 1));
            pending.push((left, left_rows, depth + 1));
        }
        tree
    }
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
    for (f, thresholds) in binned.thresholds.iter().enumerate() {
        let n_bins = thresholds.len() + 1;
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

/// Trains `config.trees` trees on `rows` and `labels` (see
/// [`Booster::new`]); returns the base score and the trees.
pub fn train<R: AsRef<[f32]>>(
    rows: &[R],
    labels: &[f32],
    config: &TrainConfig,
) -> (f32, Vec<Tree>) {
    let mut booster = Booster::new(rows, labels, config);
    let trees = (0..config.trees).map(|_| booster.grow()).collect();
    (booster.base_score(), trees)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{predict, read_trees, validate_trees, write_trees, Forest};

    fn data() -> (Vec<[f32; 3]>, Vec<f32>) {
        (0..400)
            .map(|i| {
                let x = [(i % 40) as f32, (i % 7) as f32, ((i * 13) % 11) as f32];
                let y = if x[0] < 3.0 || (x[1] == 2.0 && x[2] > 5.0) {
                    1.0
                } else {
                    0.0
                };
                (x, y)
            })
            .unzip()
    }

    #[test]
    fn learns_thresholds_deterministically_and_compiles_to_the_same_scores() {
        let (rows, labels) = data();
        let config = TrainConfig {
            trees: 30,
            ..TrainConfig::default()
        };
        let (base, trees) = train(&rows, &labels, &config);
        assert_eq!(trees.len(), 30);
        validate_trees(&trees, 3).unwrap();
        assert!(predict(base, &trees, &[1.0, 0.0, 0.0]) > 0.0);
        assert!(predict(base, &trees, &[30.0, 0.0, 0.0]) < 0.0);
        assert_eq!(
            train(&rows, &labels, &config),
            (base, trees.clone()),
            "training is deterministic"
        );

        let forest = Forest::new(base, &trees, 3);
        let padded: Vec<[f32; 4]> = rows.iter().map(|x| [x[0], x[1], x[2], 0.0]).collect();
        let mut scores = Vec::new();
        forest.predict_rows(&padded, &mut scores);
        for (x, p) in rows.iter().zip(scores) {
            assert_eq!(
                p,
                predict(base, &trees, x),
                "compiled forest agrees with the trees"
            );
        }

        let mut bytes = Vec::new();
        write_trees(&trees, &mut bytes);
        let mut cursor = bytes.as_slice();
        assert_eq!(read_trees(&mut cursor).unwrap(), trees);
        assert!(cursor.is_empty());
        let mut short = &bytes[..bytes.len() - 1];
        assert!(read_trees(&mut short).is_err());
    }

    #[test]
    fn validation_refuses_features_past_the_width() {
        let (rows, labels) = data();
        let (_, trees) = train(&rows, &labels, &TrainConfig::default());
        assert!(validate_trees(&trees, 1).is_err());
    }
}
