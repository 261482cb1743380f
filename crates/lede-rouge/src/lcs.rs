//! Longest common subsequence, bit-parallel.
//!
//! Written by hand for speed and exactness. Row `i` of the LCS table of
//! `a[..i]` against the pattern `b` is kept as a bit vector `V_i` over the
//! positions of `b`: bit `j` is 0 exactly when `T[i][j+1] = T[i][j] + 1`
//! (Crochemore et al. 2001; Hyyrö 2004). One row costs `ceil(|b| / 64)`
//! word operations, so the length needs `O(|b| / 64)` memory.
//!
//! ROUGE-Lsum needs the positions of the particular LCS that rouge-score's
//! `_backtrack_norec` reads out of the full table (walk back from the
//! corner; take the diagonal on equal tokens, else step left only when the
//! left cell is strictly larger than the upper one). Any table cell is a
//! prefix popcount of its row's bit vector, so the walk only needs the row
//! vectors. They are all kept when they fit in [`ROW_BUDGET_WORDS`]; beyond
//! that, every `B`-th row (`B = ceil(sqrt(|a|))`) is kept as a checkpoint on
//! a first pass and each block of `B` rows is recomputed from its
//! checkpoint when the walk enters it: twice the work, `O(sqrt(|a|) |b| /
//! 64)` memory. Hirschberg's method would use less memory but does not
//! reproduce this specific tie-breaking.

/// Most words of row vectors held at once before checkpointing (32 MiB).
const ROW_BUDGET_WORDS: usize = 1 << 22;

/// Reusable state for LCS computations against one pattern at a time.
#[derive(Default)]
pub(crate) struct Lcs {
    /// Single-word patterns: bit mask of each local token id in `b`.
    masks: Vec<u64>,
    /// Multi-word patterns: positions of `b` grouped by token...
    occ: Vec<u32>,
    /// ...and each local token id's range in `occ` (`(0, 0)` when absent).
    ranges: Vec<(u32, u32)>,
    /// The current pattern `b`.
    pattern: Vec<u32>,
    /// Word-sized match vector of one row (multi-word patterns).
    pm: Vec<u64>,
    /// Row vectors (current block) and checkpoints.
    rows: Vec<u64>,
    checkpoints: Vec<u64>,
    sort: Vec<(u32, u32)>,
}

fn words(n: usize) -> usize {
    n.div_ceil(64)
}

impl Lcs {
    /// Makes `b` the pattern; `k` bounds the local ids that may occur.
    pub fn set_pattern(&mut self, b: &[u32], k: usize) {
        self.clear_pattern();
        self.pattern.extend_from_slice(b);
        if b.len() <= 64 {
            if self.masks.len() < k {
                self.masks.resize(k, 0);
            }
            for (j, &t) in b.iter().enumerate() {
                self.masks[t as usize] |= 1 << j;
            }
        } else {
            if self.ranges.len() < k {
                self.ranges.resize(k, (0, 0));
            }
            self.sort.clear();
            self.sort
                .extend(b.iter().enumerate().map(|(j, &t)| (t, j as u32)));
            self.sort.sort_unstable();
            self.occ.clear();
            self.occ.extend(self.sort.iter().map(|&(_, j)| j));
            let mut start = 0;
            while start < self.sort.len() {
                let t = self.sort[start].0;
                let mut end = start + 1;
                while end < self.sort.len() && self.sort[end].0 == t {
                    end += 1;
                }
                self.ranges[t as usize] = (start as u32, end as u32);
                start = end;
            }
            self.pm.clear();
            self.pm.resize(words(b.len()), 0);
        }
    }

    /// Resets the per-token tables touched by the current pattern.
    fn clear_pattern(&mut self) {
        let single = self.pattern.len() <= 64;
        for &t in &self.pattern {
            if single {
                self.masks[t as usize] = 0;
            } else {
                self.ranges[t as usize] = (0, 0);
            }
        }
        self.pattern.clear();
    }

    /// Length of the LCS of `a` and the pattern.
    pub fn length(&mut self, a: &[u32]) -> usize {
        let n = self.pattern.len();
        if n == 0 || a.is_empty() {
            return 0;
        }
        if n <= 64 {
            let mut v = !0u64;
            for &t in a {
                v = step1(v, self.masks[t as usize]);
            }
            n - (v & low_mask(n)).count_ones() as usize
        } else {
            let mut v = vec![!0u64; words(n)];
            for &t in a {
                self.step_multi(&mut v, t);
            }
            zeros_before(&v, n)
        }
    }

    /// Advances multi-word row `v` by token `t`.
    fn step_multi(&mut self, v: &mut [u64], t: u32) {
        let (start, end) = self.ranges[t as usize];
        let occ = &self.occ[start as usize..end as usize];
        for &j in occ {
            self.pm[j as usize / 64] |= 1 << (j % 64);
        }
        let mut carry = 0u64;
        for (w, &pm) in v.iter_mut().zip(&self.pm) {
            let x = *w;
            let u = x & pm;
            let (s1, c1) = x.overflowing_add(u);
            let (s2, c2) = s1.overflowing_add(carry);
            carry = u64::from(c1 | c2);
            *w = s2 | (x & !pm);
        }
        for &j in occ {
            self.pm[j as usize / 64] = 0;
        }
    }

    /// Sets `marks[i]` for every position `i` of `a` on the LCS of `a` and
    /// the pattern that rouge-score's backtracking picks.
    pub fn mark(&mut self, a: &[u32], marks: &mut [bool]) {
        self.mark_with_budget(a, marks, ROW_BUDGET_WORDS);
    }

    /// [`Lcs::mark`] holding at most about `budget` words of rows at once.
    fn mark_with_budget(&mut self, a: &[u32], marks: &mut [bool], budget: usize) {
        let n = self.pattern.len();
        let m = a.len();
        if n == 0 || m == 0 {
            return;
        }
        if n <= 64 {
            self.mark_single(a, marks);
            return;
        }
        let w = words(n);
        let block = if (m + 1).saturating_mul(w) <= budget {
            m
        } else {
            (m as f64).sqrt().ceil() as usize
        };
        // Checkpoints: rows 0, block, 2 * block, ... (only past row 0 when
        // there is more than one block).
        let mut checkpoints = std::mem::take(&mut self.checkpoints);
        checkpoints.clear();
        checkpoints.resize(w, !0);
        if block < m {
            let mut v = vec![!0u64; w];
            for (i, &t) in a.iter().enumerate() {
                self.step_multi(&mut v, t);
                if (i + 1) % block == 0 {
                    checkpoints.extend_from_slice(&v);
                }
            }
        }
        let mut rows = std::mem::take(&mut self.rows);
        let mut loaded = usize::MAX;
        let (mut i, mut j) = (m, n);
        while i > 0 && j > 0 {
            let blk = (i - 1) / block;
            if blk != loaded {
                let first = blk * block;
                let last = (first + block).min(m);
                rows.clear();
                rows.extend_from_slice(&checkpoints[blk * w..(blk + 1) * w]);
                for &t in &a[first..last] {
                    let start = rows.len();
                    rows.extend_from_within(start - w..start);
                    self.step_multi(&mut rows[start..], t);
                }
                loaded = blk;
            }
            let base = blk * block;
            let row = |r: usize| &rows[(r - base) * w..(r - base + 1) * w];
            if a[i - 1] == self.pattern[j - 1] {
                marks[i - 1] = true;
                i -= 1;
                j -= 1;
            } else if table(row(i), j - 1) > table(row(i - 1), j) {
                j -= 1;
            } else {
                i -= 1;
            }
        }
        self.rows = rows;
        self.checkpoints = checkpoints;
    }

    fn mark_single(&mut self, a: &[u32], marks: &mut [bool]) {
        let n = self.pattern.len();
        self.rows.clear();
        let mut v = !0u64;
        self.rows.push(v);
        for &t in a {
            v = step1(v, self.masks[t as usize]);
            self.rows.push(v);
        }
        let cell = |row: u64, j: usize| j - (row & low_mask(j)).count_ones() as usize;
        let (mut i, mut j) = (a.len(), n);
        while i > 0 && j > 0 {
            if a[i - 1] == self.pattern[j - 1] {
                marks[i - 1] = true;
                i -= 1;
                j -= 1;
            } else if cell(self.rows[i], j - 1) > cell(self.rows[i - 1], j) {
                j -= 1;
            } else {
                i -= 1;
            }
        }
    }
}

/// One row step of the single-word recurrence.
fn step1(v: u64, pm: u64) -> u64 {
    let u = v & pm;
    v.wrapping_add(u) | (v & !pm)
}

/// Mask of the lowest `j` bits (`j <= 64`).
fn low_mask(j: usize) -> u64 {
    if j >= 64 {
        !0
    } else {
        (1u64 << j) - 1
    }
}

/// Number of zero bits of `v` below bit `j`.
fn zeros_before(v: &[u64], j: usize) -> usize {
    let full = j / 64;
    let ones: u32 = v[..full].iter().map(|x| x.count_ones()).sum::<u32>()
        + if j % 64 > 0 {
            (v[full] & low_mask(j % 64)).count_ones()
        } else {
            0
        };
    j - ones as usize
}

/// Table cell `T[i][j]` from row vector `V_i`.
fn table(row: &[u64], j: usize) -> usize {
    zeros_before(row, j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// rouge-score's `_lcs_table` + `_backtrack_norec`, transcribed.
    fn reference(a: &[u32], b: &[u32]) -> (usize, Vec<usize>) {
        let (m, n) = (a.len(), b.len());
        let mut t = vec![vec![0usize; n + 1]; m + 1];
        for i in 1..=m {
            for j in 1..=n {
                t[i][j] = if a[i - 1] == b[j - 1] {
                    t[i - 1][j - 1] + 1
                } else {
                    t[i - 1][j].max(t[i][j - 1])
                };
            }
        }
        let (mut i, mut j, mut out) = (m, n, Vec::new());
        while i > 0 && j > 0 {
            if a[i - 1] == b[j - 1] {
                out.push(i - 1);
                i -= 1;
                j -= 1;
            } else if t[i][j - 1] > t[i - 1][j] {
                j -= 1;
            } else {
                i -= 1;
            }
        }
        out.reverse();
        (t[m][n], out)
    }

    fn ours(a: &[u32], b: &[u32], budget: usize) -> (usize, Vec<usize>) {
        let k = a.iter().chain(b).max().map_or(0, |&x| x as usize + 1);
        let mut lcs = Lcs::default();
        lcs.set_pattern(b, k);
        let len = lcs.length(a);
        let mut marks = vec![false; a.len()];
        lcs.mark_with_budget(a, &mut marks, budget);
        (len, (0..a.len()).filter(|&i| marks[i]).collect())
    }

    proptest! {
        #[test]
        fn matches_rouge_score_backtracking(
            a in prop::collection::vec(0u32..6, 0..150),
            b in prop::collection::vec(0u32..6, 0..150),
        ) {
            prop_assert_eq!(ours(&a, &b, ROW_BUDGET_WORDS), reference(&a, &b));
        }

        #[test]
        fn checkpointing_does_not_change_the_walk(
            a in prop::collection::vec(0u32..4, 1..200),
            b in prop::collection::vec(0u32..4, 65..200),
            budget in 1usize..40,
        ) {
            prop_assert_eq!(ours(&a, &b, budget), reference(&a, &b));
        }
    }

    #[test]
    fn checkpointed_walk_matches_full_table() {
        let mut x = 12345u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 5) as u32
        };
        let b: Vec<u32> = (0..900).map(|_| next()).collect();
        let a: Vec<u32> = (0..333).map(|_| next()).collect();
        let (len, expected) = reference(&a, &b);
        for budget in [1, 20, 100, ROW_BUDGET_WORDS] {
            let mut lcs = Lcs::default();
            lcs.set_pattern(&b, 5);
            let mut marks = vec![false; a.len()];
            lcs.mark_with_budget(&a, &mut marks, budget);
            let got: Vec<usize> = (0..a.len()).filter(|&i| marks[i]).collect();
            assert_eq!(got, expected, "budget {budget}");
            assert_eq!(lcs.length(&a), len);
        }
    }

    #[test]
    fn reuses_pattern_tables_between_patterns() {
        let mut lcs = Lcs::default();
        lcs.set_pattern(&[1, 2, 3], 10);
        assert_eq!(lcs.length(&[1, 3]), 2);
        lcs.set_pattern(&[4, 5], 10);
        assert_eq!(lcs.length(&[1, 3]), 0);
        let long: Vec<u32> = (0..100).map(|i| i % 7).collect();
        lcs.set_pattern(&long, 10);
        assert_eq!(lcs.length(&[6, 0]), 2);
        lcs.set_pattern(&[9], 10);
        assert_eq!(lcs.length(&[6, 0, 9]), 1);
    }
}
