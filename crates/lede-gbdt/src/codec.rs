//! The trees' part of a model file (little-endian): the tree count `u32`,
//! then per tree its node count `u32` and per node the feature `u16`,
//! threshold `f32`, left `u32`, right `u32` and value `f32`.

use crate::tree::Tree;

/// Bytes per encoded node.
const NODE_BYTES: usize = 18;

/// Why encoded trees were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TreeCodecError {
    /// The bytes end inside the trees, or a count is larger than the bytes
    /// left could hold.
    #[error("trees are truncated")]
    Truncated,
    /// A threshold or leaf value is infinite or NaN.
    #[error("non-finite number")]
    NonFinite,
}

/// Appends the encoding of `trees` to `out`.
pub fn write_trees(trees: &[Tree], out: &mut Vec<u8>) {
    out.extend((trees.len() as u32).to_le_bytes());
    for tree in trees {
        out.extend((tree.feature.len() as u32).to_le_bytes());
        for i in 0..tree.feature.len() {
            out.extend(tree.feature[i].to_le_bytes());
            out.extend(tree.threshold[i].to_le_bytes());
            out.extend(tree.left[i].to_le_bytes());
            out.extend(tree.right[i].to_le_bytes());
            out.extend(tree.value[i].to_le_bytes());
        }
    }
}

fn take<const N: usize>(bytes: &mut &[u8]) -> Result<[u8; N], TreeCodecError> {
    let Some((head, rest)) = bytes.split_first_chunk::<N>() else {
        return Err(TreeCodecError::Truncated);
    };
    *bytes = rest;
    Ok(*head)
}

fn finite(bytes: &mut &[u8]) -> Result<f32, TreeCodecError> {
    let v = f32::from_le_bytes(take(bytes)?);
    if v.is_finite() {
        Ok(v)
    } else {
        Err(TreeCodecError::NonFinite)
    }
}

/// Reads a count of items of at least `item_bytes` each, refusing counts
/// the bytes left cannot hold (so no huge allocation).
fn count(bytes: &mut &[u8], item_bytes: usize) -> Result<usize, TreeCodecError> {
    let n = u32::from_le_bytes(take(bytes)?) as usize;
    if n.saturating_mul(item_bytes) > bytes.len() {
        return Err(TreeCodecError::Truncated);
    }
    Ok(n)
}

/// Reads trees written by [`write_trees`] from the front of `bytes`,
/// advancing it past them. The trees are not validated: see
/// [`crate::validate_trees`].
pub fn read_trees(bytes: &mut &[u8]) -> Result<Vec<Tree>, TreeCodecError> {
    let n_trees = count(bytes, 4)?;
    let mut trees = Vec::with_capacity(n_trees);
    for _ in 0..n_trees {
        let nodes = count(bytes, NODE_BYTES)?;
        let mut tree = Tree::default();
        for _ in 0..nodes {
            tree.feature.push(u16::from_le_bytes(take(bytes)?));
            tree.threshold.push(finite(bytes)?);
            tree.left.push(u32::from_le_bytes(take(bytes)?));
            tree.right.push(u32::from_le_bytes(take(bytes)?));
            tree.value.push(finite(bytes)?);
        }
        trees.push(tree);
    }
    Ok(trees)
}
