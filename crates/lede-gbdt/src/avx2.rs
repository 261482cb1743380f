//! The forest walk over eight rows at once, with AVX2 and no gathers.
//!
//! A block of eight rows is transposed so that one feature of the eight
//! rows is one vector. Per tree, every test is then one vector compare
//! of a feature column against the test's threshold, and the outcomes of
//! all the tree's tests are packed into a 32-bit word per row (bit `i`
//! for slot `i`). The walk down the tree reads its path from that word
//! (`slot = 2 slot + 1 + bit`), and the leaf is picked from the tree's
//! leaves with permutes. Gathers would be the obvious way to read a
//! different node and feature per row, but on the machines measured they
//! cost more than the scalar walk they replace; compares of whole columns
//! do every test of the tree, and are still about three times as fast.
//!
//! This module holds the crate's only `unsafe` code, for two reasons: the
//! intrinsics exist only on CPUs with AVX2 (the caller checks at run time,
//! [`available`], and keeps the scalar walk otherwise), and vector loads
//! take raw pointers, each of which points at eight values inside an array
//! (feature indices are masked into range as the scalar walk masks them).
//!
//! Each row's score adds the trees' leaves in tree order and goes right at
//! a test exactly when `value > threshold` (false for NaN), as the scalar
//! walk does: the scores are the same bit for bit.

use std::arch::x86_64::{
    __m256, __m256i, _mm256_add_epi32, _mm256_add_ps, _mm256_and_si256, _mm256_blendv_ps,
    _mm256_castps_si256, _mm256_castsi256_ps, _mm256_cmp_ps, _mm256_loadu_ps,
    _mm256_permutevar8x32_ps, _mm256_set1_epi32, _mm256_set1_ps, _mm256_setzero_si256,
    _mm256_slli_epi32, _mm256_srlv_epi32, _mm256_storeu_ps, _mm256_sub_epi32, _CMP_LT_OQ,
};

/// Rows walked together.
pub(crate) const LANES: usize = 8;

/// Whether this CPU runs [`walk`].
pub(crate) fn available() -> bool {
    std::arch::is_x86_feature_detected!("avx2")
}

/// Whether [`walk`] handles trees of `stride` slots: 8 to 32 (depth 3 to
/// 5, whose tests fit in a 32-bit word and whose leaves in four vectors).
pub(crate) fn handles(stride: usize) -> bool {
    (8..=32).contains(&stride)
}

/// The padded trees as [`walk`] reads them: per tree `STRIDE` slots of
/// tests (threshold and feature in two arrays; the last slot unused) and
/// `STRIDE` leaves.
pub(crate) struct Trees<'a> {
    pub(crate) thresholds: &'a [f32],
    pub(crate) features: &'a [u32],
    pub(crate) leaves: &'a [f32],
}

/// Adds every tree's leaf to `out[k]` for row `rows[k]`, eight rows at a
/// time; `rows.len()` must be a multiple of [`LANES`] and equal
/// `out.len()`, `STRIDE` one that [`handles`] accepts, and every array of
/// `trees` must hold whole strides.
///
/// # Safety
///
/// The CPU must support AVX2 ([`available`]).
#[target_feature(enable = "avx2")]
pub(crate) unsafe fn walk<const W: usize, const STRIDE: usize>(
    trees: &Trees<'_>,
    width: usize,
    rows: &[[f32; W]],
    out: &mut [f32],
) {
    assert!(rows.len() % LANES == 0 && rows.len() == out.len());
    assert!(handles(STRIDE) && width <= W);
    let count = trees.leaves.len() / STRIDE;
    assert!(
        trees.thresholds.len() == count * STRIDE
            && trees.features.len() == count * STRIDE
            && trees.leaves.len() == count * STRIDE,
        "whole strides of tests and leaves"
    );
    let mut columns = Columns([[0f32; 2 * LANES]; W]);
    let mut blocks = rows.chunks_exact(2 * LANES);
    let mut scores = out.chunks_exact_mut(2 * LANES);
    for (block, scores) in blocks.by_ref().zip(scores.by_ref()) {
        transpose(block, width, &mut columns);
        walk_block::<W, STRIDE, 2>(trees, &columns, scores);
    }
    let (block, scores) = (blocks.remainder(), scores.into_remainder());
    if !block.is_empty() {
        transpose(block, width, &mut columns);
        walk_block::<W, STRIDE, 1>(trees, &columns, scores);
    }
}

/// The features of up to `2 * LANES` rows laid out as columns, each on a
/// cache line of its own, so that no load of eight values straddles two
/// lines (the stack gives arrays of `f32` only 4-byte alignment).
#[repr(align(64))]
struct Columns<const W: usize>([[f32; 2 * LANES]; W]);

/// Lays the first `width` features of `block` out as columns.
fn transpose<const W: usize>(block: &[[f32; W]], width: usize, columns: &mut Columns<W>) {
    for (lane, row) in block.iter().enumerate() {
        for (column, &x) in columns.0[..width].iter_mut().zip(row) {
            column[lane] = x;
        }
    }
}

/// [`walk`] for `V * LANES` rows laid out in `columns`.
#[target_feature(enable = "avx2")]
unsafe fn walk_block<const W: usize, const STRIDE: usize, const V: usize>(
    trees: &Trees<'_>,
    columns: &Columns<W>,
    out: &mut [f32],
) {
    assert!(out.len() == V * LANES && V <= 2);
    let count = trees.leaves.len() / STRIDE;
    let depth = STRIDE.trailing_zeros();
    let one = _mm256_set1_epi32(1);
    let first_leaf = _mm256_set1_epi32(STRIDE as i32 - 1);
    // SAFETY: `out` holds V * LANES values.
    let mut acc: [__m256; V] =
        std::array::from_fn(|v| unsafe { _mm256_loadu_ps(out[v * LANES..].as_ptr()) });
    for tree in 0..count {
        let at = tree * STRIDE;
        let thresholds = &trees.thresholds[at..at + STRIDE - 1];
        let features = &trees.features[at..at + STRIDE - 1];
        // Bit `i` of a lane: the row goes right at slot `i`. Slots are
        // taken last to first, each shifting the earlier ones up.
        let mut tests = [_mm256_setzero_si256(); V];
        for (&threshold, &feature) in thresholds.iter().zip(features).rev() {
            let column = &columns.0[feature as usize & (W - 1)];
            let threshold = _mm256_set1_ps(threshold);
            for (v, tests) in tests.iter_mut().enumerate() {
                // SAFETY: `column` holds 2 * LANES values.
                let values = unsafe { _mm256_loadu_ps(column[v * LANES..].as_ptr()) };
                // All ones where `threshold < value`, i.e. `value > threshold`.
                let right = _mm256_cmp_ps::<_CMP_LT_OQ>(threshold, values);
                *tests =
                    _mm256_sub_epi32(_mm256_slli_epi32::<1>(*tests), _mm256_castps_si256(right));
            }
        }
        let leaves = &trees.leaves[at..at + STRIDE];
        for (acc, &tests) in acc.iter_mut().zip(&tests) {
            let mut slot = _mm256_setzero_si256();
            for _ in 0..depth {
                let right = _mm256_and_si256(_mm256_srlv_epi32(tests, slot), one);
                slot = _mm256_add_epi32(_mm256_add_epi32(_mm256_add_epi32(slot, slot), one), right);
            }
            *acc = _mm256_add_ps(
                *acc,
                pick::<STRIDE>(leaves, _mm256_sub_epi32(slot, first_leaf)),
            );
        }
    }
    for (v, acc) in acc.iter().enumerate() {
        // SAFETY: `out` holds V * LANES values.
        unsafe { _mm256_storeu_ps(out[v * LANES..].as_mut_ptr(), *acc) };
    }
}

/// `leaves[index]` per lane, for `STRIDE` (8, 16 or 32) leaves and
/// indices below it: one permute per eight leaves, then blends on the
/// index's bits 3 and 4.
#[target_feature(enable = "avx2")]
unsafe fn pick<const STRIDE: usize>(leaves: &[f32], index: __m256i) -> __m256 {
    // SAFETY (all loads): each reads the eight leaves `8k..8k + 8` of a
    // tree of STRIDE >= 8 (k < STRIDE / 8); the permute reads the low
    // three bits of each index.
    let leaves = &leaves[..STRIDE];
    let p0 = unsafe { _mm256_permutevar8x32_ps(_mm256_loadu_ps(leaves.as_ptr()), index) };
    if STRIDE == 8 {
        return p0;
    }
    // The sign bit of each lane of the mask chooses the second vector.
    let bit3 = _mm256_castsi256_ps(_mm256_slli_epi32::<28>(index));
    let p1 = unsafe { _mm256_permutevar8x32_ps(_mm256_loadu_ps(leaves[8..].as_ptr()), index) };
    let low = _mm256_blendv_ps(p0, p1, bit3);
    if STRIDE == 16 {
        return low;
    }
    let p2 = unsafe { _mm256_permutevar8x32_ps(_mm256_loadu_ps(leaves[16..].as_ptr()), index) };
    let p3 = unsafe { _mm256_permutevar8x32_ps(_mm256_loadu_ps(leaves[24..].as_ptr()), index) };
    let high = _mm256_blendv_ps(p2, p3, bit3);
    let bit4 = _mm256_castsi256_ps(_mm256_slli_epi32::<27>(index));
    _mm256_blendv_ps(low, high, bit4)
}
