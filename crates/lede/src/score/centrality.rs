//! Graph centrality scorers: TextRank and LexRank.
//!
//! Both build a sentence-similarity graph and rank it with PageRank. The
//! graph is dense, so only the first [`MAX_GRAPH_SENTENCES`] sentences take
//! part; later sentences score zero. That bounds time and memory on huge
//! inputs while covering every realistic news article.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::Scorer;
use crate::document::Document;

/// Most sentences a similarity graph holds.
pub const MAX_GRAPH_SENTENCES: usize = 400;

const DAMPING: f64 = 0.85;
const MAX_ITERATIONS: usize = 50;
const TOLERANCE: f64 = 1e-5;

/// TextRank: similarity is shared content words over the sum of the logs
/// of the sentence lengths.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextRank;

/// LexRank: similarity is the cosine of TF-IDF vectors (IDF over the
/// document's own sentences), edges below a threshold dropped.
#[derive(Debug, Clone, Copy, Default)]
pub struct LexRank;

/// Number of content words each pair of the first `n` sentences shares,
/// as a row-major `n × n` matrix.
///
/// Each sentence becomes a bitset over the document's distinct content
/// words, so a pair costs a few AND-and-popcount steps rather than a merge
/// of two sorted lists: this is the hot loop of TextRank and of the learned
/// model's features.
pub(crate) fn shared_words(doc: &Document, n: usize) -> Vec<u32> {
    let mut index: FxHashMap<u64, usize> = FxHashMap::default();
    for s in &doc.sentences[..n] {
        for &t in &s.terms.set {
            let next = index.len();
            index.entry(t).or_insert(next);
        }
    }
    let blocks = index.len().div_ceil(64).max(1);
    let mut bits = vec![0u64; n * blocks];
    for (i, s) in doc.sentences[..n].iter().enumerate() {
        for t in &s.terms.set {
            let k = index[t];
            bits[i * blocks + k / 64] |= 1 << (k % 64);
        }
    }
    let mut shared = vec![0u32; n * n];
    for i in 0..n {
        let a = &bits[i * blocks..(i + 1) * blocks];
        shared[i * n + i] = doc.sentences[i].terms.set.len() as u32;
        for j in i + 1..n {
            let b = &bits[j * blocks..(j + 1) * blocks];
            let count: u32 = a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum();
            shared[i * n + j] = count;
            shared[j * n + i] = count;
        }
    }
    shared
}

impl Scorer for TextRank {
    fn score(&self, doc: &Document) -> Vec<f32> {
        let n = doc.sentences.len().min(MAX_GRAPH_SENTENCES);
        textrank(doc, &shared_words(doc, n), n)
    }
}

/// TextRank scores from a [`shared_words`] matrix of the first `n` sentences.
pub(crate) fn textrank(doc: &Document, shared_matrix: &[u32], n: usize) -> Vec<f32> {
    let mut weights = vec![0.0f64; n * n];
    let log_len: Vec<f64> = doc.sentences[..n]
        .iter()
        .map(|s| ((s.terms.content.len() + 1) as f64).ln())
        .collect();
    for i in 0..n {
        for j in i + 1..n {
            let shared = shared_matrix[i * n + j];
            if shared == 0 {
                continue;
            }
            let w = f64::from(shared) / (log_len[i] + log_len[j]);
            weights[i * n + j] = w;
            weights[j * n + i] = w;
        }
    }
    finish(pagerank(&weights, n), doc.sentences.len())
}

impl Scorer for LexRank {
    fn score(&self, doc: &Document) -> Vec<f32> {
        let n = doc.sentences.len().min(MAX_GRAPH_SENTENCES);
        let vectors = tfidf_vectors(doc, n);
        let mut weights = vec![0.0f64; n * n];
        for i in 0..n {
            weights[i * n + i] = 1.0;
            for j in i + 1..n {
                let cos = cosine(&vectors[i], &vectors[j]);
                if cos >= 0.1 {
                    weights[i * n + j] = cos;
                    weights[j * n + i] = cos;
                }
            }
        }
        finish(pagerank(&weights, n), doc.sentences.len())
    }
}

/// Unit-length TF-IDF vectors, as sorted `(term, weight)` lists.
fn tfidf_vectors(doc: &Document, n: usize) -> Vec<Vec<(u64, f64)>> {
    let mut df: HashMap<u64, u32> = HashMap::new();
    for s in &doc.sentences[..n] {
        for &t in &s.terms.set {
            *df.entry(t).or_default() += 1;
        }
    }
    doc.sentences[..n]
        .iter()
        .map(|s| {
            let mut tf: Vec<(u64, f64)> = s.terms.set.iter().map(|&t| (t, 0.0)).collect();
            for t in &s.terms.content {
                if let Ok(k) = tf.binary_search_by_key(t, |&(term, _)| term) {
                    tf[k].1 += 1.0;
                }
            }
            for (t, w) in &mut tf {
                *w *= (n as f64 / f64::from(df[t])).ln() + 1.0;
            }
            let norm = tf.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                tf.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            tf
        })
        .collect()
}

fn cosine(a: &[(u64, f64)], b: &[(u64, f64)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// PageRank over a dense symmetric weight matrix; isolated nodes keep the
/// teleport share.
pub(crate) fn pagerank(weights: &[f64], n: usize) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    // Row-normalised transition weights, transposed so each node's
    // incoming weights are contiguous.
    let mut incoming_weights = vec![0.0; n * n];
    for i in 0..n {
        let out_sum: f64 = weights[i * n..(i + 1) * n].iter().sum();
        if out_sum > 0.0 {
            for j in 0..n {
                incoming_weights[j * n + i] = weights[i * n + j] / out_sum;
            }
        }
    }
    let mut rank = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    for _ in 0..MAX_ITERATIONS {
        for (j, slot) in next.iter_mut().enumerate() {
            let row = &incoming_weights[j * n..(j + 1) * n];
            let incoming: f64 = row.iter().zip(&rank).map(|(w, r)| w * r).sum();
            *slot = (1.0 - DAMPING) / n as f64 + DAMPING * incoming;
        }
        let delta: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if delta < TOLERANCE {
            break;
        }
    }
    rank
}

fn finish(rank: Vec<f64>, total: usize) -> Vec<f32> {
    let mut scores: Vec<f32> = rank.into_iter().map(|r| r as f32).collect();
    scores.resize(total, 0.0);
    scores
}
