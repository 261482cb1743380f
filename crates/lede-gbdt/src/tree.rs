//! The trained tree and its reference walk.

/// Marks a leaf in [`Tree::feature`].
pub const LEAF: u16 = u16::MAX;

/// One regression tree, stored as flat arrays indexed by node.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tree {
    /// Feature tested at each node, or [`LEAF`].
    pub feature: Vec<u16>,
    /// Go left when the feature is `<=` this value.
    pub threshold: Vec<f32>,
    /// Left child of each split node.
    pub left: Vec<u32>,
    /// Right child of each split node.
    pub right: Vec<u32>,
    /// Output of each leaf (0 for split nodes).
    pub value: Vec<f32>,
}

impl Tree {
    /// The tree's output for one feature vector.
    ///
    /// # Panics
    ///
    /// When a node tests a feature past the end of `x`.
    pub fn predict(&self, x: &[f32]) -> f32 {
        let mut node = 0usize;
        loop {
            let f = self.feature[node];
            if f == LEAF {
                return self.value[node];
            }
            // Right exactly when `value > threshold`, so NaN goes left, as in
            // the compiled walks of `Forest`.
            node = if x[f as usize] > self.threshold[node] {
                self.right[node]
            } else {
                self.left[node]
            } as usize;
        }
    }

    /// Appends a leaf of value 0 and returns its index.
    pub(crate) fn push_leaf(&mut self) -> usize {
        self.feature.push(LEAF);
        self.threshold.push(0.0);
        self.left.push(0);
        self.right.push(0);
        self.value.push(0.0);
        self.feature.len() - 1
    }
}

/// The ensemble's log-odds for one feature vector: `base_score` plus every
/// tree's output, added in order.
pub fn predict(base_score: f32, trees: &[Tree], x: &[f32]) -> f32 {
    trees.iter().fold(base_score, |acc, t| acc + t.predict(x))
}

/// Checks that every node of every tree tests a feature below `width` and
/// points to later nodes, so prediction can neither index out of bounds
/// nor loop.
pub fn validate_trees(trees: &[Tree], width: usize) -> Result<(), String> {
    for (t, tree) in trees.iter().enumerate() {
        let n = tree.feature.len();
        if n == 0
            || [
                tree.threshold.len(),
                tree.left.len(),
                tree.right.len(),
                tree.value.len(),
            ]
            .iter()
            .any(|&len| len != n)
        {
            return Err(format!("tree {t} has inconsistent node arrays"));
        }
        for node in 0..n {
            let f = tree.feature[node];
            if f == LEAF {
                continue;
            }
            if usize::from(f) >= width {
                return Err(format!("tree {t} node {node} uses unknown feature {f}"));
            }
            for child in [tree.left[node], tree.right[node]] {
                if child as usize <= node || child as usize >= n {
                    return Err(format!("tree {t} node {node} has an invalid child {child}"));
                }
            }
        }
    }
    Ok(())
}
