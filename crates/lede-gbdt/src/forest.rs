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
//! 8) the walk is compiled once per depth, fully unrolled. On x86-64 CPUs
//! with AVX2 those depths are walked eight rows at a time without gathers
//! (`avx2.rs`), the same scores bit for bit; the scalar walk is the
//! fallback everywhere else.

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
    leaves: CacheAligned<f32>,
    /// The tests of `nodes` split into thresholds and features, as the
    /// vector walk reads them.
    thresholds: CacheAligned<f32>,
    features: CacheAligned<u32>,
}

/// Values whose first one starts a 64-byte cache line, so that the vector
/// walk's loads of eight leaves never straddle two lines. Where a plain
/// `Vec` lands depends on every allocation before it, and a walk over
/// leaves 16 bytes off a line measured several percent slower.
#[derive(Debug)]
struct CacheAligned<T> {
    buf: Vec<T>,
    start: usize,
    len: usize,
}

impl<T: Copy + Default> CacheAligned<T> {
    fn new(values: &[T]) -> CacheAligned<T> {
        let spare = 64 / std::mem::size_of::<T>();
        let mut buf = vec![T::default(); values.len() + spare];
        // `align_offset` may decline to answer (usize::MAX); the values
        // then simply stay where they fit.
        let start = buf.as_ptr().align_offset(64).min(spare);
        buf[start..start + values.len()].copy_from_slice(values);
        CacheAligned {
            buf,
            start,
            len: values.len(),
        }
    }
}

impl<T> std::ops::Deref for CacheAligned<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.buf[self.start..self.start + self.len]
    }
}

/// A clone lies elsewhere, so it is aligned afresh.
impl<T: Copy + Default> Clone for CacheAligned<T> {
    fn clone(&self) -> CacheAligned<T> {
        CacheAligned::new(self)
    }
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
        let thresholds: Vec<f32> = nodes.iter().map(|n| n.threshold).collect();
        let features: Vec<u32> = nodes.iter().map(|n| n.feature).collect();
        Forest {
            base_score,
            width,
            depth,
            nodes,
            leaves: CacheAligned::new(&leaves),
            thresholds: CacheAligned::new(&thresholds),
            features: CacheAligned::new(&features),
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
        self.predict_with(rows, out, Walk::fastest());
    }

    fn predict_with<const W: usize>(&self, rows: &[[f32; W]], out: &mut Vec<f32>, how: Walk) {
        const { assert!(W.is_power_of_two(), "row width must be a power of two") };
        assert!(self.width <= W, "rows narrower than the forest's features");
        out.clear();
        out.resize(rows.len(), self.base_score);
        match self.depth {
            0 => self.walk::<W, 1>(rows, out, how),
            1 => self.walk::<W, 2>(rows, out, how),
            2 => self.walk::<W, 4>(rows, out, how),
            3 => self.walk::<W, 8>(rows, out, how),
            4 => self.walk::<W, 16>(rows, out, how),
            5 => self.walk::<W, 32>(rows, out, how),
            6 => self.walk::<W, 64>(rows, out, how),
            7 => self.walk::<W, 128>(rows, out, how),
            8 => self.walk::<W, 256>(rows, out, how),
            _ => self.walk_any::<W>(rows, out),
        }
    }

    /// The walk for trees of `STRIDE = 2^depth` slots: eight rows at a
    /// time with AVX2 where `how` says so and the depth suits it (the last
    /// rows padded to eight with zeros), else [`Forest::walk_scalar`].
    fn walk<const W: usize, const STRIDE: usize>(
        &self,
        rows: &[[f32; W]],
        out: &mut [f32],
        how: Walk,
    ) {
        #[cfg(target_arch = "x86_64")]
        if how == Walk::Avx2 && crate::avx2::handles(STRIDE) {
            use crate::avx2::{walk, Trees, LANES};
            let trees = Trees {
                thresholds: &self.thresholds,
                features: &self.features,
                leaves: &self.leaves,
            };
            let full = rows.len() / LANES * LANES;
            // SAFETY: `Walk::Avx2` is only chosen where the CPU has AVX2.
            unsafe { walk::<W, STRIDE>(&trees, self.width, &rows[..full], &mut out[..full]) };
            let rest = rows.len() - full;
            if rest > 0 {
                let mut block = [[0.0; W]; LANES];
                block[..rest].copy_from_slice(&rows[full..]);
                let mut scores = [0.0; LANES];
                scores[..rest].copy_from_slice(&out[full..]);
                // SAFETY: as above.
                unsafe { walk::<W, STRIDE>(&trees, self.width, &block, &mut scores) };
                out[full..].copy_from_slice(&scores[..rest]);
            }
            return;
        }
        let _ = how;
        self.walk_scalar::<W, STRIDE>(rows, out);
    }

    /// The scalar walk for trees of `STRIDE = 2^depth` slots, unrolled.
    fn walk_scalar<const W: usize, const STRIDE: usize>(&self, rows: &[[f32; W]], out: &mut [f32]) {
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

/// Which walk [`Forest::predict_rows`] runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Walk {
    Scalar,
    #[cfg(target_arch = "x86_64")]
    Avx2,
}

impl Walk {
    /// The vector walk where the CPU has it, else the scalar one.
    fn fastest() -> Walk {
        #[cfg(target_arch = "x86_64")]
        if crate::avx2::available() {
            return Walk::Avx2;
        }
        Walk::Scalar
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{predict, train, TrainConfig};

    /// A small deterministic generator (xorshift64*).
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn cache_aligned_values_start_a_line_and_clones_too() {
        let values: Vec<f32> = (0..37).map(|i| i as f32).collect();
        for skew in 0..16 {
            // Allocations of other sizes first move where the buffer lands.
            let _before = vec![0u8; skew * 4];
            let aligned = CacheAligned::new(&values);
            assert_eq!(&aligned[..], &values[..]);
            assert_eq!(aligned.as_ptr() as usize % 64, 0);
            let copy = aligned.clone();
            assert_eq!(&copy[..], &values[..]);
            assert_eq!(copy.as_ptr() as usize % 64, 0);
        }
        assert!(CacheAligned::<u32>::new(&[]).is_empty());
    }

    /// Rows of `width` features: small integers, the trees' own thresholds
    /// (ties go left), and the odd NaN, infinity and negative zero.
    fn rows<const W: usize>(
        rng: &mut Rng,
        trees: &[Tree],
        width: usize,
        n: usize,
    ) -> Vec<[f32; W]> {
        let thresholds: Vec<f32> = trees.iter().flat_map(|t| t.threshold.clone()).collect();
        (0..n)
            .map(|_| {
                let mut row = [0.0; W];
                for x in &mut row[..width] {
                    *x = match rng.below(20) {
                        0 => f32::NAN,
                        1 => f32::INFINITY,
                        2 => f32::NEG_INFINITY,
                        3 => -0.0,
                        4..=11 => thresholds[rng.below(thresholds.len())],
                        _ => rng.below(40) as f32 - 5.0,
                    };
                }
                row
            })
            .collect()
    }

    fn forest(rng: &mut Rng, width: usize, depth: usize, trees: usize) -> (f32, Vec<Tree>) {
        let data: Vec<Vec<f32>> = (0..600)
            .map(|_| (0..width).map(|_| rng.below(40) as f32 - 5.0).collect())
            .collect();
        let labels: Vec<f32> = data
            .iter()
            .map(|x| f32::from(u8::from(x[0] + x[width - 1] > 30.0 || rng.below(4) == 0)))
            .collect();
        let config = TrainConfig {
            trees,
            max_depth: depth,
            min_child_hessian: 0.5,
            ..TrainConfig::default()
        };
        train(&data, &labels, &config)
    }

    fn check<const W: usize>(rng: &mut Rng, width: usize, depth: usize) {
        let (base, trees) = forest(rng, width, depth, 25);
        let compiled = Forest::new(base, &trees, width);
        for n in [0, 1, 7, 8, 9, 16, 23, 40] {
            let rows = rows::<W>(rng, &trees, width, n);
            let (mut fast, mut scalar) = (Vec::new(), Vec::new());
            compiled.predict_rows(&rows, &mut fast);
            compiled.predict_with(&rows, &mut scalar, Walk::Scalar);
            let bits = |v: &[f32]| v.iter().map(|p| p.to_bits()).collect::<Vec<u32>>();
            assert_eq!(bits(&fast), bits(&scalar), "depth {depth}, {n} rows");
            for (x, p) in rows.iter().zip(&scalar) {
                assert_eq!(p.to_bits(), predict(base, &trees, &x[..width]).to_bits());
            }
        }
    }

    #[test]
    fn every_walk_gives_the_trees_scores_bit_for_bit() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for depth in 1..=9 {
            check::<4>(&mut rng, 3, depth);
            check::<8>(&mut rng, 8, depth);
            check::<64>(&mut rng, 34, depth);
        }
    }
}
