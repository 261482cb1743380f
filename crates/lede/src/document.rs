//! The document to score: the typed interface between cleaning and the
//! scoring and selection stages.

use std::ops::Range;

use crate::clean::Cleaned;
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
    /// The first sentence of the page's standfirst (the publisher's own summary
    /// paragraph), when the page marks one.
    pub standfirst: Option<usize>,
}

impl<'a> Document<'a> {
    /// The document of a cleaned input, taking its sentences out of `cleaned`.
    pub fn build(text: &'a str, cleaned: &mut Cleaned) -> Document<'a> {
        Document {
            text,
            title: cleaned
                .title
                .clone()
                .map(|t| Terms::of_in(&text[t], cleaned.language)),
            sentences: std::mem::take(&mut cleaned.sentences),
            paragraphs: cleaned.paragraphs,
            standfirst: None,
        }
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &'a str {
        &self.text[self.sentences[i].span.clone()]
    }
}
