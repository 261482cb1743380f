//! The segmented document: the typed interface between segmentation and
//! the scoring and selection stages.

use std::collections::HashSet;
use std::ops::Range;

use crate::clean::{combine_word_hashes, Cleaned, Reason, Removal};
use crate::segment::split_sentences;
use crate::text::Terms;

/// One body sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Byte range in the original input.
    pub span: Range<usize>,
    /// 0-based index of the body paragraph holding the sentence.
    pub paragraph: usize,
    /// 0-based position of the sentence within its paragraph.
    pub position_in_paragraph: usize,
    /// Word statistics.
    pub terms: Terms,
}

/// A cleaned, segmented article ready to be scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Document<'a> {
    /// The original input; every span indexes into it.
    pub text: &'a str,
    /// Word statistics of the headline, when there is one.
    pub title: Option<Terms>,
    /// Body sentences in document order, duplicates removed.
    pub sentences: Vec<Sentence>,
    /// Number of body paragraphs.
    pub paragraphs: usize,
}

impl<'a> Document<'a> {
    /// Segments the body of a cleaned input. Sentences that repeat an
    /// earlier one are appended to `removed` as duplicates.
    pub fn build(text: &'a str, cleaned: &Cleaned, removed: &mut Vec<Removal>) -> Document<'a> {
        let mut sentences: Vec<Sentence> = Vec::new();
        let mut seen: HashSet<u64> = HashSet::new();
        let mut last_paragraph = usize::MAX;
        let mut position = 0;
        for block in &cleaned.blocks {
            if block.paragraph != last_paragraph {
                last_paragraph = block.paragraph;
                position = 0;
            }
            for span in split_sentences(text, block.span.clone()) {
                let sentence_text = &text[span.clone()];
                let terms = Terms::of(sentence_text);
                let key = combine_word_hashes(terms.hashes.iter().copied());
                if terms.words >= 3 && !seen.insert(key) {
                    removed.push(Removal {
                        span,
                        reason: Reason::Duplicate,
                    });
                    continue;
                }
                sentences.push(Sentence {
                    terms,
                    span,
                    paragraph: block.paragraph,
                    position_in_paragraph: position,
                });
                position += 1;
            }
        }
        let paragraphs = cleaned.blocks.last().map_or(0, |b| b.paragraph + 1);
        Document {
            text,
            title: cleaned.title.clone().map(|t| Terms::of(&text[t])),
            sentences,
            paragraphs,
        }
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &'a str {
        &self.text[self.sentences[i].span.clone()]
    }
}
