//! The document to score: the typed interface between cleaning and the
//! scoring and selection stages.

use std::ops::Range;
use std::sync::OnceLock;

use crate::clean::Cleaned;
use crate::lang::Language;
use crate::text::{ContentWords, Terms};

/// One body sentence.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Byte range in the original input.
    pub span: Range<usize>,
    /// 0-based index of the body paragraph holding the sentence.
    pub paragraph: usize,
    /// 0-based position of the sentence within its paragraph.
    pub position_in_paragraph: usize,
    /// Where the sentence's word hashes lie in [`Cleaned::word_hashes`].
    hashes: Range<usize>,
    /// The content words, made on first use by [`Document::content`]:
    /// Lead looks at a few sentences only.
    content: OnceLock<ContentWords>,
}

impl Sentence {
    /// Number of words (as [`Terms::words`] counts them).
    pub fn words(&self) -> usize {
        self.hashes.len()
    }

    /// The sentence at `span` whose word hashes lie at `hashes`.
    pub(crate) fn new(
        span: Range<usize>,
        paragraph: usize,
        position_in_paragraph: usize,
        hashes: Range<usize>,
    ) -> Sentence {
        Sentence {
            span,
            paragraph,
            position_in_paragraph,
            hashes,
            content: OnceLock::new(),
        }
    }
}

/// Sentences are equal when they lie at the same place; whether their
/// content words are made yet does not count.
impl PartialEq for Sentence {
    fn eq(&self, other: &Sentence) -> bool {
        (
            &self.span,
            self.paragraph,
            self.position_in_paragraph,
            &self.hashes,
        ) == (
            &other.span,
            other.paragraph,
            other.position_in_paragraph,
            &other.hashes,
        )
    }
}

/// A cleaned, segmented article ready to be scored.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The original input; every span indexes into it.
    pub text: &'a str,
    /// The language whose stop words [`Document::content`] leaves out.
    pub language: Option<Language>,
    /// Word statistics of the headline, when there is one.
    pub title: Option<Terms>,
    /// Body sentences in document order, duplicates removed.
    pub sentences: Vec<Sentence>,
    /// Number of body paragraphs.
    pub paragraphs: usize,
    /// The first sentence of the page's standfirst (the publisher's own summary
    /// paragraph), when the page marks one.
    pub standfirst: Option<usize>,
    /// The word hashes of all sentences, one after another.
    word_hashes: Vec<u64>,
}

impl<'a> Document<'a> {
    /// The document of a cleaned input, taking its sentences out of `cleaned`.
    pub fn build(text: &'a str, cleaned: &mut Cleaned) -> Document<'a> {
        Document {
            text,
            language: cleaned.language,
            title: cleaned
                .title
                .clone()
                .map(|t| Terms::of_in(&text[t], cleaned.language)),
            sentences: std::mem::take(&mut cleaned.sentences),
            paragraphs: cleaned.paragraphs,
            standfirst: None,
            word_hashes: std::mem::take(&mut cleaned.word_hashes),
        }
    }

    /// The [`word_hash`](crate::text::word_hash)es of the words of sentence
    /// `i`, in order (after NFC normalization, as [`Terms::hashes`]).
    pub fn hashes(&self, i: usize) -> &[u64] {
        &self.word_hashes[self.sentences[i].hashes.clone()]
    }

    /// The content words of sentence `i` in the document's language, made
    /// the first time they are asked for.
    pub fn content(&self, i: usize) -> &ContentWords {
        self.sentences[i]
            .content
            .get_or_init(|| ContentWords::of(self.hashes(i), self.language))
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &'a str {
        &self.text[self.sentences[i].span.clone()]
    }
}
