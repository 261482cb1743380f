//! Graph centrality scorers: TextRank and LexRank.
//!
//! Both build a sentence-similarity graph and rank it with PageRank. The
//! graph is dense, so only the first [`MAX_GRAPH_SENTENCES`] sentences take
//! part; later sentences score zero. That bounds time and memory on huge
//! inputs while covering every realistic news article.
//!
//! The buffers of the graph live in a per-thread [`GraphScratch`] that is
//! reused from document to document, so scoring allocates only its result.

use std::cell::RefCell;

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

thread_local! {
    static SCRATCH: RefCell<GraphScratch> = RefCell::new(GraphScratch::default());
}

/// Runs `f` with this thread's graph buffers.
pub(crate) fn with_scratch<T>(f: impl FnOnce(&mut GraphScratch) -> T) -> T {
    SCRATCH.with(|scratch| f(&mut scratch.borrow_mut()))
}

/// Reusable buffers of the similarity graphs: dense ids of the document's
/// content words, the shared-word matrix, and the sparse PageRank graph.
#[derive(Debug, Default)]
pub(crate) struct GraphScratch {
    /// Content word hash -> dense id, in order of first appearance.
    index: FxHashMap<u64, u32>,
    /// The ids of each indexed sentence's `terms.set`, in the same order,
    /// concatenated; sentence `i` owns `ids[starts[i]..starts[i + 1]]`.
    ids: Vec<u32>,
    starts: Vec<usize>,
    /// Number of distinct ids among the first `graph` sentences.
    graph_terms: usize,
    /// Per word id, the sentences holding it (see [`Self::shared_words`]).
    holder_starts: Vec<u32>,
    holders: Vec<u32>,
    fill: Vec<u32>,
    /// Row-major `n × n` shared content words of the first `n` sentences.
    pub(crate) shared: Vec<u32>,
    /// Symmetric similarity graph in compressed rows: row `i` holds
    /// `cols[row_starts[i]..row_starts[i + 1]]` (ascending) and their weights.
    row_starts: Vec<usize>,
    cols: Vec<u32>,
    vals: Vec<f64>,
    out_sum: Vec<f64>,
    log_len: Vec<f64>,
    rank: Vec<f64>,
    next: Vec<f64>,
    /// LexRank: document frequency per id, TF-IDF vectors as
    /// `(term, weight)` runs, and the upper triangle of cosines.
    df: Vec<u32>,
    vectors: Vec<(u64, f64)>,
    vector_starts: Vec<usize>,
    cosines: Vec<f64>,
}

impl GraphScratch {
    /// Gives every distinct content word of `doc.sentences[..upto]` a
    /// dense id, in order of first appearance, so the words of the first
    /// `graph` sentences get the ids `0..graph_terms`.
    pub(crate) fn index_terms(&mut self, doc: &Document, upto: usize, graph: usize) {
        self.index.clear();
        self.ids.clear();
        self.starts.clear();
        self.starts.push(0);
        self.graph_terms = 0;
        for i in 0..upto {
            if i == graph {
                self.graph_terms = self.index.len();
            }
            for &t in &doc.content(i).set {
                let next = self.index.len() as u32;
                self.ids.push(*self.index.entry(t).or_insert(next));
            }
            self.starts.push(self.ids.len());
        }
        if upto <= graph {
            self.graph_terms = self.index.len();
        }
    }

    /// Number of distinct ids given by the last [`Self::index_terms`].
    pub(crate) fn term_count(&self) -> usize {
        self.index.len()
    }

    /// The id of a content word, when an indexed sentence has it.
    pub(crate) fn id_of(&self, term: u64) -> Option<u32> {
        self.index.get(&term).copied()
    }

    /// The ids of sentence `i`'s `terms.set`, in the same order.
    pub(crate) fn ids(&self, i: usize) -> &[u32] {
        &self.ids[self.starts[i]..self.starts[i + 1]]
    }

    /// Fills [`Self::shared`] with the number of content words each pair of
    /// the first `n` sentences shares (the diagonal holds each sentence's
    /// own count). Needs [`Self::index_terms`] with `graph = n` first.
    ///
    /// Each word lists the sentences holding it, and every pair of a list
    /// counts one shared word: most content words occur in one or two
    /// sentences, so this does far less work than intersecting every pair
    /// of sentences, and gives the same counts.
    pub(crate) fn shared_words(&mut self, doc: &Document, n: usize) {
        let ids = &self.ids[..self.starts[n]];
        // The sentences of word `k` are `holders[holder_starts[k]..holder_starts[k + 1]]`,
        // ascending: a counting sort of the sentences' ids.
        self.holder_starts.clear();
        self.holder_starts.resize(self.graph_terms + 1, 0);
        for &k in ids {
            self.holder_starts[k as usize + 1] += 1;
        }
        for k in 0..self.graph_terms {
            self.holder_starts[k + 1] += self.holder_starts[k];
        }
        self.fill.clear();
        self.fill
            .extend_from_slice(&self.holder_starts[..self.graph_terms]);
        self.holders.clear();
        self.holders.resize(ids.len(), 0);
        for i in 0..n {
            for &k in &self.ids[self.starts[i]..self.starts[i + 1]] {
                let slot = &mut self.fill[k as usize];
                self.holders[*slot as usize] = i as u32;
                *slot += 1;
            }
        }
        self.shared.clear();
        self.shared.resize(n * n, 0);
        for k in 0..self.graph_terms {
            let holders =
                &self.holders[self.holder_starts[k] as usize..self.holder_starts[k + 1] as usize];
            for (x, &a) in holders.iter().enumerate() {
                let row = a as usize * n;
                for &b in &holders[x + 1..] {
                    self.shared[row + b as usize] += 1;
                }
            }
        }
        // The counts went into the upper triangle; mirror them.
        for i in 0..n {
            self.shared[i * n + i] = doc.content(i).set.len() as u32;
            for j in i + 1..n {
                self.shared[j * n + i] = self.shared[i * n + j];
            }
        }
    }

    /// TextRank scores of all sentences from [`Self::shared`] over the first
    /// `n`, into `out` (later sentences score zero).
    pub(crate) fn textrank(&mut self, doc: &Document, n: usize, out: &mut Vec<f32>) {
        self.log_len.clear();
        self.log_len
            .extend((0..n).map(|i| ((doc.content(i).len + 1) as f64).ln()));
        self.start_graph();
        for i in 0..n {
            for j in 0..n {
                let shared = self.shared[i * n + j];
                if j == i || shared == 0 {
                    continue;
                }
                // `a + b == b + a` in floating point, so row i and row j
                // hold the same weight for the pair.
                self.push_edge(j, f64::from(shared) / (self.log_len[i] + self.log_len[j]));
            }
            self.row_starts.push(self.cols.len());
        }
        self.pagerank(n);
        self.finish(doc.sentences.len(), out);
    }

    /// LexRank scores of all sentences over the first `n`, into `out`.
    fn lexrank(&mut self, doc: &Document, n: usize, out: &mut Vec<f32>) {
        self.tfidf_vectors(doc, n);
        self.cosines.clear();
        self.cosines.resize(n * n, 0.0);
        for i in 0..n {
            for j in i + 1..n {
                self.cosines[i * n + j] = cosine(self.vector(i), self.vector(j));
            }
        }
        self.start_graph();
        for i in 0..n {
            for j in 0..n {
                let weight = match j.cmp(&i) {
                    std::cmp::Ordering::Equal => 1.0,
                    std::cmp::Ordering::Less => self.cosines[j * n + i],
                    std::cmp::Ordering::Greater => self.cosines[i * n + j],
                };
                if weight >= 0.1 {
                    self.push_edge(j, weight);
                }
            }
            self.row_starts.push(self.cols.len());
        }
        self.pagerank(n);
        self.finish(doc.sentences.len(), out);
    }

    /// Unit-length TF-IDF vectors of the first `n` sentences, as sorted
    /// `(term, weight)` runs. Needs [`Self::index_terms`] over them first.
    fn tfidf_vectors(&mut self, doc: &Document, n: usize) {
        self.df.clear();
        self.df.resize(self.index.len(), 0);
        for &k in &self.ids[..self.starts[n]] {
            self.df[k as usize] += 1;
        }
        self.vectors.clear();
        self.vector_starts.clear();
        self.vector_starts.push(0);
        for i in 0..n {
            let terms = doc.content(i);
            let start = self.vectors.len();
            self.vectors.extend(
                terms
                    .set
                    .iter()
                    .zip(&terms.counts)
                    .map(|(&t, &count)| (t, f64::from(count))),
            );
            let tf = &mut self.vectors[start..];
            let ids = &self.ids[self.starts[i]..self.starts[i + 1]];
            for ((_, w), &k) in tf.iter_mut().zip(ids) {
                *w *= (n as f64 / f64::from(self.df[k as usize])).ln() + 1.0;
            }
            let norm = tf.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                tf.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            self.vector_starts.push(self.vectors.len());
        }
    }

    fn vector(&self, i: usize) -> &[(u64, f64)] {
        &self.vectors[self.vector_starts[i]..self.vector_starts[i + 1]]
    }

    fn start_graph(&mut self) {
        self.row_starts.clear();
        self.row_starts.push(0);
        self.cols.clear();
        self.vals.clear();
    }

    fn push_edge(&mut self, to: usize, weight: f64) {
        self.cols.push(to as u32);
        self.vals.push(weight);
    }

    /// PageRank over the symmetric graph in `row_starts`/`cols`/`vals`;
    /// isolated nodes keep the teleport share. Leaves the ranks in `rank`.
    ///
    /// The sums run over the nonzero weights in ascending node order: all
    /// terms are non-negative, so leaving out the zeros of a dense row
    /// changes no bit of any sum.
    fn pagerank(&mut self, n: usize) {
        self.rank.clear();
        if n == 0 {
            return;
        }
        self.out_sum.clear();
        self.out_sum.extend(
            self.row_starts
                .windows(2)
                .map(|r| self.vals[r[0]..r[1]].iter().sum::<f64>()),
        );
        // Row j of the symmetric graph lists the nodes pointing at j; turn
        // its weights into transition probabilities of those nodes.
        for (&from, w) in self.cols.iter().zip(self.vals.iter_mut()) {
            *w /= self.out_sum[from as usize];
        }
        self.rank.resize(n, 1.0 / n as f64);
        self.next.clear();
        self.next.resize(n, 0.0);
        for _ in 0..MAX_ITERATIONS {
            for (j, slot) in self.next.iter_mut().enumerate() {
                let (start, end) = (self.row_starts[j], self.row_starts[j + 1]);
                let incoming: f64 = self.cols[start..end]
                    .iter()
                    .zip(&self.vals[start..end])
                    .map(|(&i, w)| w * self.rank[i as usize])
                    .sum();
                *slot = (1.0 - DAMPING) / n as f64 + DAMPING * incoming;
            }
            let delta: f64 = self
                .rank
                .iter()
                .zip(&self.next)
                .map(|(a, b)| (a - b).abs())
                .sum();
            std::mem::swap(&mut self.rank, &mut self.next);
            if delta < TOLERANCE {
                break;
            }
        }
    }

    /// The ranks as scores of all `total` sentences (zero past the graph).
    fn finish(&self, total: usize, out: &mut Vec<f32>) {
        out.clear();
        out.extend(self.rank.iter().map(|&r| r as f32));
        out.resize(total, 0.0);
    }
}

impl Scorer for TextRank {
    fn score(&self, doc: &Document) -> Vec<f32> {
        let n = doc.sentences.len().min(MAX_GRAPH_SENTENCES);
        let mut out = Vec::with_capacity(doc.sentences.len());
        with_scratch(|g| {
            g.index_terms(doc, n, n);
            g.shared_words(doc, n);
            g.textrank(doc, n, &mut out);
        });
        out
    }
}

impl Scorer for LexRank {
    fn score(&self, doc: &Document) -> Vec<f32> {
        let n = doc.sentences.len().min(MAX_GRAPH_SENTENCES);
        let mut out = Vec::with_capacity(doc.sentences.len());
        with_scratch(|g| {
            g.index_terms(doc, n, n);
            g.lexrank(doc, n, &mut out);
        });
        out
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;
    use crate::text::overlap;

    proptest::proptest! {
        /// The shared-word counts from the words' sentence lists are the
        /// sizes of the pairwise intersections of the sentences' word sets.
        #[test]
        fn shared_words_are_the_pairwise_overlaps(
            sentences in proptest::collection::vec(
                proptest::collection::vec(0usize..12, 1..9), 1..40),
            graph in 1usize..45,
        ) {
            const WORDS: [&str; 12] = [
                "river", "bridge", "police", "mayor", "storm", "vote",
                "school", "market", "fire", "court", "road", "team",
            ];
            let text: String = sentences
                .iter()
                .map(|words| {
                    let words: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
                    format!("The {} went on.\n\n", words.join(" "))
                })
                .collect();
            let doc = Document::build(&text, &mut clean(&text));
            let total = doc.sentences.len();
            let n = total.min(graph);
            with_scratch(|g| {
                g.index_terms(&doc, total, n);
                g.shared_words(&doc, n);
                for i in 0..n {
                    for j in 0..n {
                        let (a, b) = (&doc.content(i).set, &doc.content(j).set);
                        let expected = if i == j { a.len() } else { overlap(a, b) };
                        proptest::prop_assert_eq!(g.shared[i * n + j] as usize, expected);
                    }
                }
                Ok(())
            })?;
        }
    }
}
