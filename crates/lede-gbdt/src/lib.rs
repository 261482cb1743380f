//! Gradient-boosted regression trees with logistic loss, shared by lede's
//! sentence scorer and its HTML block classifier.
//!
//! - [`train`]: a deterministic trainer over dense rows of any width;
//! - [`Tree`]: one trained tree as flat node arrays, with a reference walk;
//! - [`Forest`]: trees compiled into one padded layout for fast scoring;
//! - [`write_trees`] / [`read_trees`]: the trees' part of a model file.
//!
//! Scores are log-odds: the base score plus every tree's leaf, added in
//! tree order, so [`Forest`] and [`predict`] agree bit for bit.

#[cfg(target_arch = "x86_64")]
mod avx2;
mod codec;
mod forest;
mod train;
mod tree;

pub use codec::{read_trees, write_trees, TreeCodecError};
pub use forest::Forest;
pub use train::{train, Booster, TrainConfig};
pub use tree::{predict, validate_trees, Tree, LEAF};
