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

mod ancestry;
mod block;
pub mod classify;
mod hints;
pub(crate) mod markdown;
mod page;
mod phrases;
pub mod ptype;
pub(crate) mod standfirst;
mod walk;
mod words;

use crate::dom::Document;

use hints::element_hints;
pub use page::PageType;
pub(crate) use page::{
    cues, declared, missing_from, product_description, readerable, refine, rules_type, Cues,
};

use lede_gbdt::Forest;
use walk::Walk;

/// A strict pass that finds less body text than this (in characters) is retried without
/// the class and id rules; on a page where the rules find nothing, the classifier's blocks
/// are its body only when they hold this much.
const MIN_BODY_CHARS: usize = 200;
/// A thread found on a page that does not declare itself one holds at least this many
/// characters of posts.
const MIN_THREAD_CHARS: usize = 1000;
/// A body shorter than this (in characters) gives way to the page's repeated cards when
/// those hold [`CARDS_RATIO`] times as much text.
const CARDS_BELOW_CHARS: usize = 2000;
/// See [`CARDS_BELOW_CHARS`].
const CARDS_RATIO: usize = 10;
/// Cards holding less text than this (in characters) are a menu, not content.
const MIN_CARDS_CHARS: usize = 200;
/// [`CARDS_RATIO`] on a page that declares itself a listing, collection or forum.
const DECLARED_CARDS_RATIO: usize = 2;

/// What a paragraph of an article is in the page's structure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum BlockKind {
    /// Running text.
    #[default]
    Paragraph,
    /// A heading of level 1 to 6.
    Heading(u8),
    /// An item of a list.
    ListItem,
    /// A line of a block quote.
    Quote,
    /// A line of preformatted text (a code block).
    Code,
    /// A row of a table, with the text of its cells.
    TableRow(Vec<String>),
}

/// A paragraph of the output: its text, what it is in the page, and whether it is prose.
#[derive(Debug)]
pub(crate) struct Para {
    pub(crate) text: String,
    pub(crate) kind: BlockKind,
    /// Running text a summary may quote (see [`Body::prose`]).
    pub(crate) prose: bool,
}

/// Body text and highlights of a page.
#[derive(Debug, Default)]
pub struct Body {
    /// Clean paragraphs in reading order.
    pub paragraphs: Vec<String>,
    /// The kind of each paragraph.
    pub kinds: Vec<BlockKind>,
    /// Whether each paragraph is running text: not code or a table row, and not a list item
    /// or loose line that is a row of names rather than a sentence.
    pub prose: Vec<bool>,
    /// Publisher bullet highlights.
    pub highlights: Vec<String>,
    /// Text of the first `<h1>`, a fallback title.
    pub heading: Option<String>,
    /// The paragraphs are the page's repeated cards (a listing, a collection, a thread),
    /// not the prose of an article.
    pub cards: bool,
    /// The hints of the page's elements, for the block classifier's walk.
    hints: Vec<words::Hint>,
}

/// The characters of `text` that are not whitespace: how the walks measure text.
///
/// Counted on bytes, not by decoding characters: every text node of a page is measured by
/// two or three walks, and decoding was most of the cost on text with a `&nbsp;` or a
/// curly quote. A proptest compares it with the count of `char::is_whitespace`.
fn visible_chars(text: &str) -> usize {
    let bytes = text.as_bytes();
    // The ASCII whitespace of `char::is_whitespace` is 9-13 and the space; continuation
    // bytes (0b10xx_xxxx) start no character. Without a branch, so it is vectorised.
    let starts = bytes
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80 && !(b == b' ' || (b'\t'..=b'\r').contains(&b)))
        .count();
    if text.is_ascii() {
        return starts;
    }
    // The other whitespace, by its UTF-8 bytes: U+0085 and U+00A0 (C2 85, C2 A0), U+1680
    // (E1 9A 80), U+2000-U+200A, U+2028, U+2029, U+202F (E2 80 xx), U+205F (E2 81 9F) and
    // U+3000 (E3 80 80). Only their lead bytes are visited.
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let mut spaces = 0;
    for i in memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes) {
        spaces += usize::from(match (bytes[i], at(i + 1)) {
            (0xC2, next) => matches!(next, 0x85 | 0xA0),
            (0xE2, 0x80) => matches!(at(i + 2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
            (0xE2, 0x81) => at(i + 2) == 0x9F,
            (0xE3, 0x80) => at(i + 2) == 0x80,
            _ => false,
        });
    }
    for i in memchr::memchr_iter(0xE1, bytes) {
        spaces += usize::from(at(i + 1) == 0x9A && at(i + 2) == 0x80);
    }
    starts - spaces
}

/// Characters of the text of `paragraphs`.
fn chars_of(paragraphs: &[Para]) -> usize {
    paragraphs.iter().map(|p| p.text.chars().count()).sum()
}

/// Finds the body of `doc`, given the type the page declares: on a listing, collection or
/// forum the cards win more easily over a short article, and on a forum the elements
/// named after comments hold the posts, not furniture. A page that declares no type (or an
/// article) and has next to no body is read as a thread when its comments hold at least
/// [`MIN_THREAD_CHARS`] and [`CARDS_RATIO`] times the body's text.
pub fn body(doc: &Document, declared: Option<PageType>) -> Body {
    let listing = matches!(
        declared,
        Some(PageType::Listing | PageType::Collection | PageType::Forum)
    );
    let thread = declared == Some(PageType::Forum);
    let mut hints = element_hints(doc, thread);
    let strict = Walk::run(doc, &hints, true);
    let mut paragraphs = strict.paragraphs();
    let chars = chars_of(&paragraphs);
    if chars < MIN_BODY_CHARS {
        let loose = Walk::run(doc, &hints, false).paragraphs();
        if chars_of(&loose) > chars {
            paragraphs = loose;
        }
    }
    let chars = chars_of(&paragraphs);
    let mut cards = false;
    let paragraphs = if chars < CARDS_BELOW_CHARS {
        let card_text = strict.cards();
        let ratio = if listing {
            DECLARED_CARDS_RATIO
        } else {
            CARDS_RATIO
        };
        let card_chars = chars_of(&card_text);
        cards = card_chars >= MIN_CARDS_CHARS && card_chars > ratio * chars;
        if cards {
            card_text
        } else {
            paragraphs
        }
    } else {
        paragraphs
    };
    // A thread that does not say it is one: its posts are named after comments, and they
    // hold much more text than the rest of the page.
    let chars = chars_of(&paragraphs);
    let mut paragraphs = paragraphs;
    if !cards && matches!(declared, None | Some(PageType::Article)) && chars < MIN_BODY_CHARS {
        let thread_hints = element_hints(doc, true);
        let posts = Walk::run(doc, &thread_hints, true).paragraphs();
        let post_chars = chars_of(&posts);
        if post_chars >= MIN_THREAD_CHARS && post_chars > CARDS_RATIO * chars {
            (hints, paragraphs) = (thread_hints, posts);
        }
    }
    let mut body = Body {
        cards,
        highlights: strict.highlights,
        heading: strict.heading,
        hints,
        ..Body::default()
    };
    body.push_all(paragraphs);
    body
}

/// Completes or replaces `body`, found in `doc` by [`body`], with the blocks of the second
/// walk that the block classifier `forest` scores as content, when the page (of the learned
/// type, [`refine`]) is not an article or its article is very short
/// ([`classify::classifier_use`]). `declared`, `url` and `cues` are the page's declared
/// type, address and [`cues`].
pub(crate) fn add_classified(
    doc: &Document,
    (declared, url, cues): (Option<PageType>, Option<&str>, Cues),
    forest: &Forest,
    body: &mut Body,
) {
    let page_type = refine(body.given(declared), cues, url);
    let chars: usize = body.paragraphs.iter().map(|p| p.chars().count()).sum();
    let Some(usage) = classify::classifier_use(page_type, chars) else {
        return;
    };
    let loose = Walk::run(doc, &body.hints, false);
    let ctx = classify::PageContext::new(doc, rules_type(declared.unwrap_or_default(), cues, url));
    let mut paragraphs: Vec<Para> = std::mem::take(&mut body.paragraphs)
        .into_iter()
        .zip(std::mem::take(&mut body.kinds))
        .zip(std::mem::take(&mut body.prose))
        .map(|((text, kind), prose)| Para { text, kind, prose })
        .collect();
    classify::use_blocks(doc, &ctx, &loose, (forest, usage), &mut paragraphs);
    // On a page where the rules found nothing, a few scraps (a menu) are not a body.
    if chars == 0 && chars_of(&paragraphs) < MIN_BODY_CHARS {
        return;
    }
    body.push_all(paragraphs);
}

impl Body {
    /// The page's type as far as the rules know it: the type the page declares, else a
    /// listing when the body is cards, else an article.
    pub fn given(&self, declared: Option<PageType>) -> PageType {
        declared.unwrap_or(if self.cards {
            PageType::Listing
        } else {
            PageType::Article
        })
    }

    /// Appends `paragraphs` to the body's parallel lists.
    fn push_all(&mut self, paragraphs: Vec<Para>) {
        for p in paragraphs {
            self.paragraphs.push(p.text);
            self.kinds.push(p.kind);
            self.prose.push(p.prose);
        }
    }
}

#[cfg(test)]
mod tests {
    /// Every character, between two letters, counts as `char::is_whitespace` says.
    #[test]
    fn visible_chars_of_every_character() {
        let mut text = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            text.clear();
            text.extend(['a', c, 'b']);
            assert_eq!(
                super::visible_chars(&text),
                2 + usize::from(!c.is_whitespace()),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    proptest::proptest! {
        /// The byte count is the count of non-whitespace characters, for every Unicode
        /// white space and for characters that share its lead bytes.
        #[test]
        fn visible_chars_skip_whitespace(text in "[ a-z\t\n\u{b}\u{c}\r\u{85}\u{a0}\u{a9}\u{1680}\u{1681}\u{2000}-\u{200b}\u{2028}\u{2029}\u{202f}\u{2030}\u{205f}\u{2060}\u{201c}\u{201d}\u{2014}\u{3000}\u{3001}é中]{0,40}") {
            let plain = text.chars().filter(|c| !c.is_whitespace()).count();
            proptest::prop_assert_eq!(super::visible_chars(&text), plain);
        }
    }
}
