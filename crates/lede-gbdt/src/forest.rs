//! Fast inference: trees re-laid as complete binary trees of one depth,
//! walked without branches, tree by tree over all rows.
//!
//! A trained [`Tree`] stops growing where splits stop paying, so its
//! leaves sit at different depths and its nodes are reached through child
//! indices. Here every tree is padded to the forest's largest depth (a leaf
//! above the bottom becomes a chain of always-left tests), so node `i` has
//! children `2i + 1` and `2i + 2` and a walk is `depth` compare-and-shift
//! steps with no pointer chasing and no unpredictable branches.
//!
//! All trees live in two flat arrays with a power-of-two stride per tree
//! (tests, then leaves), and rows are arrays of a power-of-two width `W`
//! (the features, then padding), so every index of the walk is masked into
//! range instead of bounds-checked. For the depths real models have (up to
//! 8) the walk is compiled once per depth, fully unrolled.

use crate::tree::{Tree, LEAF};

/// One test of a padded tree: go right when `row[feature] > threshold`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Node {
    threshold: f32,
    feature: u32,
}

/// Trees compiled for inference.
#[derive(Debug, Clone)]
pub struct Forest {
    base_score: f32,
    width: usize,
    depth: usize,
    /// `2^depth` slots per tree: the `2^depth - 1` tests in heap order,
    /// then one unused slot.
    nodes: Vec<Node>,
    /// `2^depth` leaf values per tree.
    leaves: Vec<f32>,
}

fn depth_of(tree: &Tree, node: usize) -> usize {
    if tree.feature[node] == LEAF {
        0
    } else {
        1 + depth_of(tree, tree.left[node] as usize).max(depth_of(tree, tree.right[node] as usize))
    }
}

impl Forest {
    /// Compiles `trees` over rows of `width` features.
    ///
    /// # Panics
    ///
    /// When a node tests a feature at or past `width`, or the trees are
    /// malformed (see [`crate::validate_trees`]).
    pub fn new(base_score: f32, trees: &[Tree], width: usize) -> Forest {
        let depth = trees.iter().map(|t| depth_of(t, 0)).max().unwrap_or(0);
        let stride = 1usize << depth;
        let padding = Node {
            threshold: f32::INFINITY,
            feature: 0,
        };
        let mut nodes = vec![padding; trees.len() * stride];
        let mut leaves = vec![0.0; trees.len() * stride];
        for ((tree, nodes), leaves) in trees
            .iter()
            .zip(nodes.chunks_exact_mut(stride))
            .zip(leaves.chunks_exact_mut(stride))
        {
            fill(tree, width, 0, nodes, leaves, 0, depth);
        }
        Forest {
            base_score,
            width,
            depth,
            nodes,
            leaves,
        }
    }

    /// The number of features a row must hold.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Scores rows of `W` values (the features, then any padding) into
    /// `out` (cleared first). Each score is the base score plus the trees'
    /// outputs added in order, so it equals [`crate::predict`] bit for bit.
    ///
    /// # Panics
    ///
    /// When `W` is not a power of two or is smaller than [`Forest::width`].
    pub fn predict_rows<const W: usize>(&self, rows: &[[f32; W]], out: &mut Vec<f32>) {
        const { assert!(W.is_power_of_two(), "row width must be a power of two") };
        assert!(self.width <= W, "rows narrower than the forest's features");
        out.clear();
        out.resize(rows.len(), self.base_score);
        match self.depth {
            0 => self.walk::<W, 1>(rows, out),
            1 => self.walk::<W, 2>(rows, out),
            2 => self.walk::<W, 4>(rows, out),
            3 => self.walk::<W, 8>(rows, out),
            4 => self.walk::<W, 16>(rows, out),
            5 => self.walk::<W, 32>(rows, out),
            6 => self.walk::<W, 64>(rows, out),
            7 => self.walk::<W, 128>(rows, out),
            8 => self.walk::<W, 256>(rows, out),
            _ => self.walk_any::<W>(rows, out),
        }
    }

    /// The walk for trees of `STRIDE = 2^depth` slots, unrolled.
    fn walk<const W: usize, const STRIDE: usize>(&self, rows: &[[f32; W]], out: &mut [f32]) {
        let depth = STRIDE.trailing_zeros();
        let trees = self
            .nodes
            .chunks_exact(STRIDE)
            .zip(self.leaves.chunks_exact(STRIDE));
        for (nodes, leaves) in trees {
            let nodes: &[Node; STRIDE] = nodes.try_into().expect("one stride per tree");
            let leaves: &[f32; STRIDE] = leaves.try_into().expect("one stride per tree");
            for (x, score) in rows.iter().zip(out.iter_mut()) {
                let mut slot = 0usize;
                for _ in 0..depth {
                    let node = nodes[slot & (STRIDE - 1)];
                    let right = x[node.feature as usize & (W - 1)] > node.threshold;
                    slot = 2 * slot + 1 + usize::from(right);
                }
                *score += leaves[(slot + 1 - STRIDE) & (STRIDE - 1)];
            }
        }
    }

    /// The same walk for deeper forests, with the depth known only at run time.
    fn walk_any<const W: usize>(&self, rows: &[[f32; W]], out: &mut [f32]) {
        let stride = 1usize << self.depth;
        let trees = self
            .nodes
            .chunks_exact(stride)
            .zip(self.leaves.chunks_exact(stride));
        for (nodes, leaves) in trees {
            for (x, score) in rows.iter().zip(out.iter_mut()) {
                let mut slot = 0usize;
                for _ in 0..self.depth {
                    let node = nodes[slot];
                    let right = x[node.feature as usize & (W - 1)] > node.threshold;
                    slot = 2 * slot + 1 + usize::from(right);
                }
                *score += leaves[slot + 1 - stride];
            }
        }
    }
}

/// Copies the subtree of `tree` at `node` into the padded tree's `nodes`
/// and `leaves` at heap position `slot`, `remaining` levels above the leaves.
fn fill(
    tree: &Tree,
    width: usize,
    node: usize,
    nodes: &mut [Node],
    leaves: &mut [f32],
    slot: usize,
    remaining: usize,
) {
    if remaining == 0 {
        leaves[slot + 1 - nodes.len()] = tree.value[node];
        return;
    }
    let (left, right) = if tree.feature[node] == LEAF {
        // Always go left: every leaf below this slot carries the value, so
        // both children are filled (the right one is never reached).
        (node, node)
    } else {
        let feature = tree.feature[node];
        assert!(
            usize::from(feature) < width,
            "tree tests unknown feature {feature}"
        );
        nodes[slot] = Node {
            threshold: tree.threshold[node],
            feature: u32::from(feature),
        };
        (tree.left[node] as usize, tree.right[node] as usize)
    };
    fill(
        tree,
        width,
        left,
        nodes,
        leaves,
        2 * slot + 1,
        remaining - 1,
    );
    fill(
        tree,
        width,
        right,
        nodes,
        leaves,
        2 * slot + 2,
        remaining - 1,
    );
}
