//! The Lead baseline: earlier sentences score higher.

use super::Scorer;
use crate::document::Document;

/// Scores sentence `i` as `1 / (i + 1)`, so selection takes the first ones.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lead;

impl Scorer for Lead {
    fn score(&self, doc: &Document) -> Vec<f32> {
        (0..doc.sentences.len())
            .map(|i| 1.0 / (i as f32 + 1.0))
            .collect()
    }
}
