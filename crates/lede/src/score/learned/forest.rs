//! Fast inference: trees re-laid as complete binary trees of one depth,
//! walked without branches, tree by tree over all sentences of a document.
//!
//! A trained [`Tree`] stops growing where splits stop paying, so its
//! leaves sit at different depths and its nodes are reached through child
//! indices. Here every tree is padded to the forest's largest depth (a leaf
//! above the bottom becomes a chain of always-left tests), so node `i` has
//! children `2i + 1` and `2i + 2` and a walk is `depth` compare-and-shift
//! steps with no pointer chasing and no unpredictable branches.

use super::features::Features;
use super::model::{Model, Tree, LEAF};

/// One padded tree: `depth` levels of tests, then `2^depth` leaves.
#[derive(Debug, Clone)]
struct PaddedTree {
    feature: Vec<u16>,
    threshold: Vec<f32>,
    leaf: Vec<f32>,
}

/// A model compiled for inference.
#[derive(Debug, Clone)]
pub struct Forest {
    base_score: f32,
    depth: usize,
    trees: Vec<PaddedTree>,
}

fn depth_of(tree: &Tree, node: usize) -> usize {
    if tree.feature[node] == LEAF {
        0
    } else {
        1 + depth_of(tree, tree.left[node] as usize).max(depth_of(tree, tree.right[node] as usize))
    }
}

impl Forest {
    /// Compiles `model`'s trees.
    pub fn new(model: &Model) -> Forest {
        let depth = model
            .trees
            .iter()
            .map(|t| depth_of(t, 0))
            .max()
            .unwrap_or(0);
        let internal = (1usize << depth) - 1;
        let trees = model
            .trees
            .iter()
            .map(|tree| {
                let mut padded = PaddedTree {
                    feature: vec![0; internal],
                    threshold: vec![f32::INFINITY; internal],
                    leaf: vec![0.0; 1 << depth],
                };
                fill(tree, 0, &mut padded, 0, depth);
                padded
            })
            .collect();
        Forest {
            base_score: model.base_score,
            depth,
            trees,
        }
    }

    /// Scores every feature vector; same values as [`Model::predict`].
    pub fn predict_all(&self, rows: &[Features]) -> Vec<f32> {
        let mut out = vec![self.base_score; rows.len()];
        let internal = (1usize << self.depth) - 1;
        for tree in &self.trees {
            for (x, score) in rows.iter().zip(out.iter_mut()) {
                let mut node = 0usize;
                for _ in 0..self.depth {
                    let right = x[usize::from(tree.feature[node])] > tree.threshold[node];
                    node = 2 * node + 1 + usize::from(right);
                }
                *score += tree.leaf[node - internal];
            }
        }
        out
    }
}

/// Copies the subtree of `tree` at `node` into `padded` at position `slot`,
/// `remaining` levels above the leaves.
fn fill(tree: &Tree, node: usize, padded: &mut PaddedTree, slot: usize, remaining: usize) {
    let internal = padded.feature.len();
    if remaining == 0 {
        padded.leaf[slot - internal] = tree.value[node];
        return;
    }
    if tree.feature[node] == LEAF {
        // Always go left: every leaf below this slot carries the value, so
        // both children are filled (the right one is never reached).
        fill(tree, node, padded, 2 * slot + 1, remaining - 1);
        fill(tree, node, padded, 2 * slot + 2, remaining - 1);
        return;
    }
    padded.feature[slot] = tree.feature[node];
    padded.threshold[slot] = tree.threshold[node];
    fill(
        tree,
        tree.left[node] as usize,
        padded,
        2 * slot + 1,
        remaining - 1,
    );
    fill(
        tree,
        tree.right[node] as usize,
        padded,
        2 * slot + 2,
        remaining - 1,
    );
}
