//! Text blocks and their weights: how much a block speaks for the article around it.

use crate::dom::Tag;

/// Headings at least this long (in non-space characters) with sentence punctuation are
/// prose.
const LONG_HEADING: usize = 80;
/// Blocks shorter than this (in characters) without sentence punctuation count as scraps.
const SHORT_BLOCK: usize = 25;
/// Blocks of prose are at least this long (in non-space characters).
pub(super) const PROSE_CHARS: usize = 2 * SHORT_BLOCK;
/// A block whose share of characters inside links exceeds this is a link list.
pub(super) const MAX_LINK_DENSITY: f64 = 0.5;

/// What kind of element a block of text ends in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// `p`.
    Paragraph,
    /// `li`.
    Item,
    /// `h1` to `h6`, with the level.
    Heading(u8),
    /// Any other element.
    Other,
}

/// A run of text between block-level boundaries.
#[derive(Debug)]
pub(super) struct Block {
    pub(super) text: String,
    /// Non-space characters.
    pub(super) chars: usize,
    /// Non-space characters inside links.
    pub(super) link_chars: usize,
    pub(super) kind: Kind,
    /// Follows a heading announcing related stories: scored, but not output.
    pub(super) dropped: bool,
    /// The caption of a picture beside it: scored, but not output.
    pub(super) caption: bool,
    /// What the block is in the page's structure, for Markdown.
    pub(super) style: super::BlockKind,
}

impl Block {
    pub(super) fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }

    pub(super) fn has_sentence_punctuation(&self) -> bool {
        self.text.chars().any(is_sentence_mark)
    }

    /// A sentence or more of running text.
    pub(super) fn is_prose(&self) -> bool {
        (!self.is_heading() || self.chars >= LONG_HEADING)
            && self.chars >= PROSE_CHARS
            && self.has_sentence_punctuation()
    }

    /// A heading, unless it is as long as a paragraph: pages written in a rich-text
    /// editor sometimes set whole paragraphs as headings.
    pub(super) fn is_heading(&self) -> bool {
        matches!(self.kind, Kind::Heading(_))
    }

    /// A paragraph of prose that happens to be mostly a link ("... was <a>sentenced to life</a>.").
    pub(super) fn is_linked_sentence(&self) -> bool {
        self.kind == Kind::Paragraph
            && self.link_chars < self.chars
            && self.chars >= 2 * SHORT_BLOCK
            && self.has_sentence_punctuation()
    }

    /// A linked headline followed by a truncated excerpt ("...") is a teaser for another page.
    pub(super) fn is_teaser(&self) -> bool {
        let text = self
            .text
            .trim_end_matches(|c: char| c.is_whitespace() || c == ']' || c == ')');
        self.link_chars > 0 && (text.ends_with("...") || text.ends_with('…'))
    }

    /// Evidence that this block is article prose (positive) or furniture (negative).
    pub(super) fn weight(&self) -> f64 {
        let len = self.chars as f64;
        let density = self.link_density();
        if density > MAX_LINK_DENSITY || self.is_teaser() {
            return -len;
        }
        if self.is_heading() && !self.is_prose() {
            return 0.0;
        }
        if !self.has_sentence_punctuation() {
            return if self.chars < SHORT_BLOCK {
                -0.5 * len
            } else {
                0.25 * len * (1.0 - density)
            };
        }
        len * (1.0 - density)
    }
}

/// Punctuation that running text has and labels, menus and names lack.
pub(super) fn is_sentence_mark(c: char) -> bool {
    matches!(c, '.' | ',' | '!' | '?' | ';' | '。' | '、' | '،')
}

/// The kind of block an element of `tag` holds.
pub(super) fn kind_of(tag: Tag) -> Kind {
    match tag {
        Tag::P => Kind::Paragraph,
        Tag::LI => Kind::Item,
        _ => tag.heading_level().map_or(Kind::Other, Kind::Heading),
    }
}
