//! Finding the article body in a parsed page.
//!
//! Written by hand because the scoring is the heart of extraction quality. One iterative
//! walk over the DOM (no recursion, so 100,000 nested elements cannot overflow the stack)
//! cuts the page into text blocks (paragraphs, headings, list items, loose text of a
//! `<div>`), skipping furniture (`nav`, `aside`, scripts, ads, comments, share widgets,
//! captions). Each block gets a weight: plain prose counts for its length, link lists and
//! short unpunctuated scraps count against. Each element scores the sum of the blocks below
//! it, and the element with the highest score is the article: it holds the most prose for
//! the least furniture, however the page splits the story into containers.

mod block;
mod hints;
mod phrases;
mod walk;
mod words;

use crate::dom::Document;

use hints::element_hints;
use walk::Walk;

/// A strict pass that finds less body text than this (in characters) is retried without
/// the class and id rules.
const MIN_BODY_CHARS: usize = 200;
/// A body shorter than this (in characters) gives way to the page's repeated cards when
/// those hold [`CARDS_RATIO`] times as much text.
const CARDS_BELOW_CHARS: usize = 1000;
/// See [`CARDS_BELOW_CHARS`].
const CARDS_RATIO: usize = 10;

/// Body text and highlights of a page.
#[derive(Debug, Default)]
pub struct Body {
    /// Clean paragraphs in reading order.
    pub paragraphs: Vec<String>,
    /// Publisher bullet highlights.
    pub highlights: Vec<String>,
    /// Text of the first `<h1>`, a fallback title.
    pub heading: Option<String>,
}

/// Finds the body of `doc`.
pub fn body(doc: &Document) -> Body {
    let hints = element_hints(doc);
    let strict = Walk::run(doc, &hints, true);
    let paragraphs = strict.paragraphs();
    let chars: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    let paragraphs = if chars >= MIN_BODY_CHARS {
        paragraphs
    } else {
        let loose = Walk::run(doc, &hints, false).paragraphs();
        let loose_chars: usize = loose.iter().map(|p| p.chars().count()).sum();
        if loose_chars > chars {
            loose
        } else {
            paragraphs
        }
    };
    let chars: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    let paragraphs = if chars < CARDS_BELOW_CHARS {
        let cards = strict.cards();
        let card_chars: usize = cards.iter().map(|p| p.chars().count()).sum();
        if card_chars > CARDS_RATIO * chars {
            cards
        } else {
            paragraphs
        }
    } else {
        paragraphs
    };
    Body {
        paragraphs,
        highlights: strict.highlights,
        heading: strict.heading,
    }
}
