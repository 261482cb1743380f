//! Corpus-level aggregation: means, bootstrap confidence intervals and a
//! paired significance test between two systems.
//!
//! All resampling uses a seeded generator on one thread, so results are
//! identical on every run and machine.

use crate::score::{RougeType, Scores};
use crate::Error;

/// A corpus mean and its bootstrap confidence interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Mean over documents.
    pub mean: f64,
    /// Lower bound of the interval.
    pub low: f64,
    /// Upper bound of the interval.
    pub high: f64,
}

/// Corpus-level precision, recall and F1 of one ROUGE variant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Aggregate {
    /// The variant.
    pub rouge_type: RougeType,
    /// Mean precision and its interval.
    pub precision: Interval,
    /// Mean recall and its interval.
    pub recall: Interval,
    /// Mean F1 and its interval.
    pub fmeasure: Interval,
}

/// Bootstrap settings: resample documents with replacement `samples`
/// times, take percentiles of the resampled means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bootstrap {
    /// Number of resamples (at least 1).
    pub samples: usize,
    /// Coverage of the interval, in (0, 1).
    pub confidence: f64,
    /// Seed of the random generator.
    pub seed: u64,
}

impl Default for Bootstrap {
    /// 1000 samples, 95% intervals, a fixed seed.
    fn default() -> Bootstrap {
        Bootstrap {
            samples: 1000,
            confidence: 0.95,
            seed: 0x5eed_1ede,
        }
    }
}

/// Per-document values: one row per document, three columns (P, R, F) per type.
fn matrix(docs: &[Scores]) -> Result<(Vec<RougeType>, Vec<f64>), Error> {
    let first = docs.first().ok_or(Error::NoDocuments)?;
    let types: Vec<RougeType> = first.0.iter().map(|(t, _)| *t).collect();
    let mut values = Vec::with_capacity(docs.len() * types.len() * 3);
    for doc in docs {
        if doc.0.len() != types.len() || doc.0.iter().zip(&types).any(|((t, _), u)| t != u) {
            return Err(Error::TypeMismatch);
        }
        for (_, s) in &doc.0 {
            values.extend([s.precision, s.recall, s.fmeasure]);
        }
    }
    Ok((types, values))
}

/// Linear-interpolation percentile (NumPy's default) of sorted `xs`, `q` in [0, 1].
fn percentile(xs: &[f64], q: f64) -> f64 {
    let h = (xs.len() - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(xs.len() - 1);
    xs[lo] + (h - lo as f64) * (xs[hi] - xs[lo])
}

/// Means and bootstrap confidence intervals of per-document scores.
///
/// Every document must carry the same ROUGE types in the same order.
pub fn aggregate(docs: &[Scores], bootstrap: &Bootstrap) -> Result<Vec<Aggregate>, Error> {
    if bootstrap.samples == 0 || !(bootstrap.confidence > 0.0 && bootstrap.confidence < 1.0) {
        return Err(Error::InvalidBootstrap);
    }
    let (types, values) = matrix(docs)?;
    let cols = types.len() * 3;
    let n = docs.len();
    let mut means = vec![0.0; cols];
    for row in values.chunks_exact(cols) {
        means.iter_mut().zip(row).for_each(|(m, v)| *m += v);
    }
    means.iter_mut().for_each(|m| *m /= n as f64);
    // resampled[c * samples + s]: mean of column c in resample s.
    let mut resampled = vec![0.0; cols * bootstrap.samples];
    let mut rng = fastrand::Rng::with_seed(bootstrap.seed);
    let mut sums = vec![0.0; cols];
    for s in 0..bootstrap.samples {
        sums.iter_mut().for_each(|x| *x = 0.0);
        for _ in 0..n {
            let row = &values[rng.usize(0..n) * cols..][..cols];
            sums.iter_mut().zip(row).for_each(|(x, v)| *x += v);
        }
        for (c, sum) in sums.iter().enumerate() {
            resampled[c * bootstrap.samples + s] = sum / n as f64;
        }
    }
    let tail = (1.0 - bootstrap.confidence) / 2.0;
    let interval = |c: usize, column: &mut [f64]| {
        column.sort_unstable_by(f64::total_cmp);
        Interval {
            mean: means[c],
            low: percentile(column, tail),
            high: percentile(column, 1.0 - tail),
        }
    };
    let mut columns = resampled.chunks_exact_mut(bootstrap.samples).enumerate();
    let mut next = || {
        let (c, column) = columns.next().expect("three columns per type");
        interval(c, column)
    };
    Ok(types
        .into_iter()
        .map(|rouge_type| Aggregate {
            rouge_type,
            precision: next(),
            recall: next(),
            fmeasure: next(),
        })
        .collect())
}

/// Paired comparison of two systems on one ROUGE variant's F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    /// The variant.
    pub rouge_type: RougeType,
    /// Mean F1 of system A.
    pub mean_a: f64,
    /// Mean F1 of system B.
    pub mean_b: f64,
    /// `mean_b - mean_a`.
    pub difference: f64,
    /// Two-sided p-value of the paired permutation test.
    pub p_value: f64,
}

/// Paired approximate-randomization test on F1: for each of `samples`
/// rounds, swap the two systems' scores on a random half of the documents
/// (a sign flip of each per-document difference) and count rounds whose
/// absolute mean difference reaches the observed one. The p-value is
/// `(count + 1) / (samples + 1)`.
///
/// `a[i]` and `b[i]` must score the same document.
pub fn paired_permutation_test(
    a: &[Scores],
    b: &[Scores],
    samples: usize,
    seed: u64,
) -> Result<Vec<Comparison>, Error> {
    if a.len() != b.len() {
        return Err(Error::LengthMismatch {
            a: a.len(),
            b: b.len(),
        });
    }
    if samples == 0 {
        return Err(Error::InvalidBootstrap);
    }
    let (types_a, va) = matrix(a)?;
    let (types_b, vb) = matrix(b)?;
    if types_a != types_b {
        return Err(Error::TypeMismatch);
    }
    let cols = types_a.len() * 3;
    let n = a.len() as f64;
    let mut rng = fastrand::Rng::with_seed(seed);
    Ok(types_a
        .iter()
        .enumerate()
        .map(|(t, &rouge_type)| {
            let col = t * 3 + 2;
            let fa: Vec<f64> = va.chunks_exact(cols).map(|r| r[col]).collect();
            let fb: Vec<f64> = vb.chunks_exact(cols).map(|r| r[col]).collect();
            let diffs: Vec<f64> = fa.iter().zip(&fb).map(|(x, y)| y - x).collect();
            let observed: f64 = diffs.iter().sum::<f64>().abs();
            // Sums in another order may differ in the last bits.
            let threshold = observed - 1e-9 * (1.0 + observed);
            let mut reached = 0usize;
            for _ in 0..samples {
                let mut sum = 0.0;
                for chunk in diffs.chunks(64) {
                    let bits = rng.u64(..);
                    for (i, d) in chunk.iter().enumerate() {
                        sum += if bits >> i & 1 == 1 { -d } else { *d };
                    }
                }
                if sum.abs() >= threshold {
                    reached += 1;
                }
            }
            let mean_a = fa.iter().sum::<f64>() / n;
            let mean_b = fb.iter().sum::<f64>() / n;
            Comparison {
                rouge_type,
                mean_a,
                mean_b,
                difference: mean_b - mean_a,
                p_value: (reached + 1) as f64 / (samples + 1) as f64,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::Score;

    fn docs(fs: &[f64]) -> Vec<Scores> {
        fs.iter()
            .map(|&f| Scores(vec![(RougeType::N(1), Score::new(f, f))]))
            .collect()
    }

    #[test]
    fn interval_brackets_the_mean_and_is_deterministic() {
        let d = docs(&[0.1, 0.2, 0.3, 0.4, 0.5, 0.9]);
        let a = aggregate(&d, &Bootstrap::default()).unwrap();
        let b = aggregate(&d, &Bootstrap::default()).unwrap();
        assert_eq!(a, b);
        let f = a[0].fmeasure;
        assert!((f.mean - 0.4).abs() < 1e-12);
        assert!(f.low < f.mean && f.mean < f.high, "{f:?}");
        assert!(f.low >= 0.1 && f.high <= 0.9);
    }

    #[test]
    fn constant_scores_have_a_point_interval() {
        let a = aggregate(&docs(&[0.25; 10]), &Bootstrap::default()).unwrap();
        assert_eq!((a[0].recall.low, a[0].recall.high), (0.25, 0.25));
    }

    #[test]
    fn rejects_bad_input() {
        assert!(matches!(
            aggregate(&[], &Bootstrap::default()),
            Err(Error::NoDocuments)
        ));
        let bad = Bootstrap {
            confidence: 1.0,
            ..Bootstrap::default()
        };
        assert!(aggregate(&docs(&[0.1]), &bad).is_err());
        let mut mixed = docs(&[0.1, 0.2]);
        mixed[1].0[0].0 = RougeType::L;
        assert!(matches!(
            aggregate(&mixed, &Bootstrap::default()),
            Err(Error::TypeMismatch)
        ));
        assert!(paired_permutation_test(&docs(&[0.1]), &docs(&[0.1, 0.2]), 10, 1).is_err());
    }

    #[test]
    fn permutation_test_separates_real_and_null_differences() {
        let a = docs(
            &(0..200)
                .map(|i| f64::from(i % 10) / 20.0)
                .collect::<Vec<_>>(),
        );
        let better = docs(
            &(0..200)
                .map(|i| f64::from(i % 10) / 20.0 + 0.05)
                .collect::<Vec<_>>(),
        );
        let c = paired_permutation_test(&a, &better, 1000, 7).unwrap();
        assert!((c[0].difference - 0.05).abs() < 1e-12);
        assert!(c[0].p_value < 0.01);
        let same = paired_permutation_test(&a, &a, 1000, 7).unwrap();
        assert_eq!(same[0].p_value, 1.0);
    }
}
