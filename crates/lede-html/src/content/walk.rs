//! The walk over the tree that cuts the page into blocks and scores every element.

use std::collections::HashSet;

use crate::dom::flag::{BLOCK, LIST_BOX, SKIPPED};
use crate::dom::{Document, Edge, Element, NodeData, NodeId, Tag};

use super::block::{kind_of, Block, Kind, MAX_LINK_DENSITY};
use super::phrases::{announces_related, is_furniture_text};
use super::standfirst::{self, names_standfirst};
use super::words::{is_article_element, is_dialog_role, names_related, Hint};
use super::{BlockKind, Para};

/// Fewest children of one kind (tag and first class) that make a run of cards.
const MIN_CARDS: usize = 3;
/// Most kinds of children told apart per element; later kinds are not counted.
const MAX_KINDS: usize = 16;
/// The smallest element holding a picture and text is its caption box when its text is at
/// most this long (in non-space characters) ...
const CAPTION_CHARS: usize = 300;
/// ... and in at most this many blocks (caption, credit, an enlarge label).
const CAPTION_BLOCKS: usize = 3;
/// Captions are left out only of an element with at least this many paragraphs of prose
/// ...
const CAPTION_PROSE: usize = 3;
/// ... whose text they are at most this share of.
const CAPTION_SHARE: f64 = 0.2;
/// Blocks shorter than this (in non-space characters) and not prose are passed over when
/// looking for a caption's neighbours.
const NEAR_CHARS: usize = 50;
/// An `<img>` whose declared width or height is below this (in pixels) is an icon.
const ICON_PIXELS: u32 = 100;
/// A list item or loose line of at least this many words is prose even without a final
/// sentence mark.
const PROSE_WORDS: usize = 15;
/// See [`Walk::best`].
const ARTICLE_SHARE: f64 = 0.9;
/// See [`Walk::best`].
const GAP_CHARS: usize = 150;

/// An element whose subtree holds at least one block.
#[derive(Debug)]
struct Candidate {
    score: f64,
    /// An `<article>`, a `<main>` or an element marked `itemprop=articleBody`.
    article: bool,
    /// Characters in its children that repeat one kind at least [`MIN_CARDS`] times.
    cards: usize,
    first_block: usize,
    end_block: usize,
}

/// Children of one kind under an open element: how many hold text, and how much.
#[derive(Debug, Clone, Copy)]
struct Kin {
    kind: u64,
    count: usize,
    chars: usize,
}

/// State of one open element during the walk.
struct Frame {
    node: NodeId,
    /// See [`Candidate::article`].
    article: bool,
    /// Inside a `<script>` or the `<head>`: its text is no furniture a reader sees.
    unseen: bool,
    kind: Kind,
    block_level: bool,
    /// An inline element its `style` lays out as a block ([`styled_as_block`]): its text is
    /// a line of its own.
    line: bool,
    skipped: bool,
    link: bool,
    pre: bool,
    /// Inside a `<blockquote>`.
    quote: bool,
    highlights: bool,
    score: f64,
    first_block: usize,
    /// A heading announcing related stories closed in this element: what follows is
    /// left out of the output.
    ended: bool,
    /// The part of `score` that comes from blocks left out of the output.
    dropped_weight: f64,
    /// Opened after such a heading in an ancestor: all of it is left out.
    dropped: bool,
    /// Content followed the heading that ended this element.
    followed: bool,
    /// A heading whose class or id says "related".
    related_name: bool,
    /// The tag and first class, hashed: children of one kind are cards of a list.
    kin: u64,
    /// Characters of the output blocks below.
    chars: usize,
    /// The kinds of the children that hold text.
    kins: Vec<Kin>,
    /// Holds a picture whose caption is not found yet: the first element above a picture
    /// that holds text is where its caption would be.
    picture: bool,
    /// Can be a caption box (not a paragraph, list item, link or table cell, whose text
    /// merely sits beside an inline picture).
    figure: bool,
    /// The last child that held text, when it was a caption box: its kind and first
    /// block, and whether it already repeated the kind of the box before it.
    last_figure: Option<(u64, usize, bool)>,
}

/// Text collected since the last block boundary.
#[derive(Default)]
struct Pending {
    text: String,
    chars: usize,
    link_chars: usize,
    space: bool,
    /// Byte offsets in `text` where the table cells of a row start.
    cells: Vec<usize>,
}

impl Pending {
    fn push(&mut self, text: &str, link: bool, pre: bool) {
        for c in text.chars() {
            if c == '\n' && pre {
                self.newline();
            } else if c.is_whitespace() {
                self.space = !self.text.is_empty() && !self.text.ends_with('\n');
            } else {
                if self.space {
                    self.text.push(' ');
                    self.space = false;
                }
                self.text.push(c);
                self.chars += 1;
                if link {
                    self.link_chars += 1;
                }
            }
        }
    }

    /// Keeps the next text apart from the previous one and marks a table cell's start.
    fn separate(&mut self) {
        self.space = !self.text.is_empty() && !self.text.ends_with('\n');
        self.cells.push(self.text.len());
    }

    fn newline(&mut self) {
        self.space = false;
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }
}

/// The blocks and candidates of one pass over a page.
pub(super) struct Walk {
    blocks: Vec<Block>,
    /// The number of open elements above each block when it ended.
    depths: Vec<usize>,
    /// The element that owns each block (the innermost open one when it ended).
    owners: Vec<NodeId>,
    /// The characters of skipped text a reader would see (furniture, not scripts) between
    /// each block and the one before, counted up to [`GAP_CHARS`] or a little past it.
    gaps: Vec<usize>,
    /// Skipped text since the last block.
    skipped_chars: usize,
    /// The parent of each block's owner (the owner itself at the top).
    parents: Vec<NodeId>,
    /// The article's blocks ([`Walk::best`]), found once the walk ends.
    chosen: Option<(usize, usize)>,
    candidates: Vec<Candidate>,
    /// Publisher bullet highlights.
    pub(super) highlights: Vec<String>,
    /// Text of the first `<h1>`.
    pub(super) heading: Option<String>,
}

impl Walk {
    /// Walks `doc`; a `strict` walk also skips elements named like layout furniture.
    pub(super) fn run(doc: &Document, hints: &[Hint], strict: bool) -> Walk {
        let mut walk = Walk {
            blocks: Vec::new(),
            depths: Vec::new(),
            owners: Vec::new(),
            gaps: Vec::new(),
            skipped_chars: 0,
            parents: Vec::new(),
            chosen: None,
            candidates: Vec::new(),
            highlights: Vec::new(),
            heading: None,
        };
        let mut stack: Vec<Frame> = Vec::new();
        let mut pending = Pending::default();
        let mut skip_depth = 0usize;
        for edge in doc.traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    NodeData::Text(text) if skip_depth == 0 => {
                        let top = stack.last();
                        pending.push(
                            text,
                            top.is_some_and(|f| f.link),
                            top.is_some_and(|f| f.pre),
                        );
                    }
                    // Counted only up to the gap the widening reads ([`Walk::best`]).
                    NodeData::Text(text)
                        if walk.skipped_chars < GAP_CHARS
                            && stack.last().is_none_or(|f| !f.unseen) =>
                    {
                        walk.skipped_chars += super::visible_chars(text);
                    }
                    NodeData::Element(el) => {
                        let tag = el.tag();
                        let (in_link, in_pre, in_quote, in_highlights) =
                            stack.last().map_or((false, false, false, false), |p| {
                                (p.link, p.pre, p.quote, p.highlights)
                            });
                        let h = if skip_depth > 0 {
                            Hint::Neutral
                        } else {
                            hints[node.id().index()]
                        };
                        // Paragraphs that follow the heading in the same element are the
                        // story going on after an inline box of links; anything else is
                        // part of the teasers.
                        let after_end = stack
                            .last()
                            .is_some_and(|p| p.dropped || (p.ended && tag != Tag::P));
                        if let Some(parent) = stack.last_mut().filter(|p| p.ended) {
                            parent.followed = true;
                        }
                        let block_level = tag.has(BLOCK);
                        // An inline element in the middle of a sentence ("velké <a
                        // class="tag-link">kauzy Dozimetr</a>, v níž ...") is part of the
                        // sentence, whatever its name says.
                        let mid_sentence = !block_level
                            && pending
                                .text
                                .chars()
                                .next_back()
                                .is_some_and(|c| c.is_alphanumeric() || c == ',');
                        let skipped = skip_depth > 0
                            || tag.has(SKIPPED)
                            || (h != Hint::Revealed && hidden(el))
                            || ((h == Hint::Boilerplate || (strict && h == Hint::Layout))
                                && !mid_sentence
                                && !matches!(tag, Tag::HTML | Tag::BODY));
                        let highlights = !skipped
                            && (in_highlights || (h == Hint::Highlights && tag.has(LIST_BOX)));
                        if skip_depth == 0 && is_picture(el) {
                            if let Some(parent) = stack.last_mut() {
                                parent.picture = true;
                            }
                        }
                        let line = !skipped && !block_level && styled_as_block(el);
                        if skipped {
                            skip_depth += 1;
                        } else if block_level {
                            walk.flush(&mut pending, &mut stack);
                        } else if line {
                            pending.newline();
                        }
                        if !skipped {
                            match tag {
                                Tag::BR => pending.newline(),
                                Tag::TD | Tag::TH => pending.separate(),
                                _ => {}
                            }
                        }
                        let kind = kind_of(tag);
                        stack.push(Frame {
                            node: node.id(),
                            article: is_article_element(el),
                            unseen: stack.last().is_some_and(|p| p.unseen)
                                || matches!(tag, Tag::SCRIPT | Tag::HEAD),
                            kind,
                            block_level,
                            line,
                            skipped,
                            link: in_link || tag == Tag::A,
                            pre: in_pre || tag == Tag::PRE,
                            quote: in_quote || tag == Tag::BLOCKQUOTE,
                            highlights,
                            score: 0.0,
                            first_block: walk.blocks.len(),
                            ended: false,
                            dropped_weight: 0.0,
                            dropped: after_end,
                            followed: false,
                            related_name: matches!(kind, Kind::Heading(_)) && names_related(el),
                            kin: super::words::kin(el, u64::MAX),
                            chars: 0,
                            kins: Vec::new(),
                            picture: false,
                            last_figure: None,
                            figure: !matches!(
                                tag,
                                Tag::P | Tag::LI | Tag::A | Tag::TD | Tag::TH | Tag::BODY
                            ),
                        });
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if stack.last().is_none_or(|f| f.node != node.id()) {
                        continue;
                    }
                    if let Some(frame) = stack.last() {
                        if frame.skipped {
                            skip_depth -= 1;
                        } else if frame.block_level {
                            walk.flush(&mut pending, &mut stack);
                        } else if frame.line {
                            pending.newline();
                        }
                    }
                    let Some(frame) = stack.pop() else {
                        continue;
                    };
                    if frame.skipped {
                        continue;
                    }
                    if frame.first_block < walk.blocks.len() {
                        walk.close_figure(&frame, stack.last_mut());
                    } else if frame.picture {
                        if let Some(parent) = stack.last_mut() {
                            parent.picture = true;
                        }
                    }
                    // A heading announcing related stories ends the article in its
                    // container: what follows it there is teasers, not the story, and is
                    // left out of the output (scores are unchanged, so the choice of the
                    // article element is not). A wrapper holding nothing but such a heading
                    // passes the end on to its parent, where the teasers are.
                    let announces_related = matches!(frame.kind, Kind::Heading(_))
                        && frame.first_block + 1 == walk.blocks.len()
                        && (frame.related_name
                            || walk
                                .blocks
                                .last()
                                .is_some_and(|b| announces_related(&b.text)));
                    if announces_related {
                        if let Some(block) = walk.blocks.last_mut() {
                            block.dropped = true;
                        }
                    }
                    let end_parent = announces_related
                        || (frame.ended
                            && !frame.followed
                            && walk.blocks[frame.first_block..].iter().all(|b| b.dropped));
                    if end_parent {
                        if let Some(parent) = stack.last_mut() {
                            parent.ended = true;
                        }
                    }
                    if frame.first_block < walk.blocks.len() {
                        // As a candidate for the article, an element ended by a related-
                        // stories heading is worth its output; for its ancestors the
                        // teasers still count as furniture.
                        walk.candidates.push(Candidate {
                            article: frame.article,
                            score: if frame.ended {
                                frame.score - frame.dropped_weight
                            } else {
                                frame.score
                            },
                            cards: frame
                                .kins
                                .iter()
                                .filter(|k| k.count >= MIN_CARDS)
                                .map(|k| k.chars)
                                .sum(),
                            first_block: frame.first_block,
                            end_block: walk.blocks.len(),
                        });
                    }
                    if let Some(parent) = stack.last_mut() {
                        parent.score += frame.score;
                        parent.dropped_weight += frame.dropped_weight;
                        parent.chars += frame.chars;
                        if frame.chars > 0 {
                            match parent.kins.iter().position(|k| k.kind == frame.kin) {
                                Some(at) => {
                                    parent.kins[at].count += 1;
                                    parent.kins[at].chars += frame.chars;
                                }
                                None if parent.kins.len() < MAX_KINDS => parent.kins.push(Kin {
                                    kind: frame.kin,
                                    count: 1,
                                    chars: frame.chars,
                                }),
                                None => {}
                            }
                        }
                    }
                }
            }
        }
        walk.flush(&mut pending, &mut stack);
        walk.chosen = walk.best(doc);
        walk
    }

    /// Ends the pending text as a block owned by the innermost open element.
    fn flush(&mut self, pending: &mut Pending, stack: &mut [Frame]) {
        let taken = std::mem::take(pending);
        let text = taken.text.trim_end_matches('\n').to_string();
        if taken.chars == 0 {
            return;
        }
        let parent = stack.len().checked_sub(2).map(|i| stack[i].node);
        let Some(owner) = stack.last_mut() else {
            return;
        };
        // Items of a highlights box are the publisher's bullets; its paragraphs are body
        // text (a story section named `article-section__bullet` is not a bullet list).
        if owner.highlights && owner.kind != Kind::Paragraph {
            if owner.kind == Kind::Item {
                self.highlights.extend(lines(&text));
            }
            return;
        }
        let kind = owner.kind;
        if kind == Kind::Heading(1) && self.heading.is_none() {
            self.heading = Some(text.replace('\n', " "));
        }
        if owner.ended {
            owner.followed = true;
        }
        let style = if owner.pre {
            BlockKind::Code
        } else if let Kind::Heading(level) = kind {
            BlockKind::Heading(level)
        } else if kind == Kind::Item {
            BlockKind::ListItem
        } else if owner.quote {
            BlockKind::Quote
        } else if taken.cells.len() >= 2 && !text.contains('\n') {
            let mut ends = taken.cells[1..].to_vec();
            ends.push(text.len());
            BlockKind::TableRow(
                taken.cells[..]
                    .iter()
                    .zip(ends)
                    .map(|(&start, end)| {
                        text.get(start..end.min(text.len()))
                            .unwrap_or("")
                            .trim()
                            .to_string()
                    })
                    .collect(),
            )
        } else {
            BlockKind::Paragraph
        };
        let block = Block {
            text,
            chars: taken.chars,
            link_chars: taken.link_chars,
            kind,
            dropped: owner.ended || owner.dropped,
            caption: false,
            style,
        };
        if !block.dropped {
            owner.chars += block.chars;
        }
        // Text after a related-stories heading is never evidence of the article.
        if block.dropped {
            let weight = block.weight().min(0.0);
            owner.score += weight;
            owner.dropped_weight += weight;
        } else {
            owner.score += block.weight();
        }
        self.owners.push(owner.node);
        self.parents.push(parent.unwrap_or(owner.node));
        self.gaps.push(std::mem::take(&mut self.skipped_chars));
        self.blocks.push(block);
        self.depths.push(stack.len());
    }

    /// Marks the text of `frame`, an element that holds text and has just closed, as a
    /// caption when it is a caption box: the smallest element holding a picture and text,
    /// whose text is a few short blocks, none a heading or a link (a `<figure>` without
    /// `<figcaption>`, a photo with its credit line). Boxes of one kind that follow each
    /// other are cards or features (a picture, a name, a line about it), not captions.
    fn close_figure(&mut self, frame: &Frame, parent: Option<&mut Frame>) {
        let blocks = &self.blocks[frame.first_block..];
        let chars: usize = blocks.iter().map(|b| b.chars).sum();
        let is_box = frame.picture
            && frame.figure
            && blocks.len() <= CAPTION_BLOCKS
            && chars <= CAPTION_CHARS
            && blocks
                .iter()
                .all(|b| !b.is_heading() && b.link_density() <= MAX_LINK_DENSITY);
        let Some(parent) = parent else {
            return;
        };
        if !is_box {
            parent.last_figure = None;
            return;
        }
        let repeated = match parent.last_figure {
            Some((kin, first, done)) if kin == frame.kin => {
                if !done {
                    for block in &mut self.blocks[first..frame.first_block] {
                        block.caption = false;
                    }
                }
                true
            }
            _ => false,
        };
        if !repeated {
            for block in &mut self.blocks[frame.first_block..] {
                block.caption = true;
            }
        }
        parent.last_figure = Some((frame.kin, frame.first_block, repeated));
    }

    /// The blocks in page order.
    pub(super) fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The number of open elements above each block when it ended.
    pub(super) fn depths(&self) -> &[usize] {
        &self.depths
    }

    /// The element that owns each block.
    pub(super) fn owners(&self) -> &[NodeId] {
        &self.owners
    }

    /// The first candidate with the largest `key`.
    fn best_by<K: PartialOrd>(&self, key: impl Fn(&Candidate) -> K) -> Option<&Candidate> {
        let mut best: Option<&Candidate> = None;
        for c in &self.candidates {
            if best.is_none_or(|b| key(c) > key(b)) {
                best = Some(c);
            }
        }
        best
    }

    /// The blocks `start..end` of the article, when an element scores above zero: the
    /// best-scoring element, or the best-scoring `<article>` or `<main>` inside it that
    /// holds at least [`ARTICLE_SHARE`] of its score (the container around both also
    /// gathers a ticker or teaser far above the page's main landmark), widened to the
    /// container's blocks next to it, those with less than [`GAP_CHARS`] of skipped
    /// furniture between (a headline and standfirst above the landmark, a code block
    /// below it), and once across any furniture to a standfirst named as one among the
    /// [`standfirst::FIRST_PARAGRAPHS`] blocks above ([`Walk::is_standfirst`]).
    fn best(&self, doc: &Document) -> Option<(usize, usize)> {
        let best = self.best_by(|c| c.score).filter(|b| b.score > 0.0)?;
        let inner = self
            .candidates
            .iter()
            .filter(|c| {
                c.article
                    && c.first_block >= best.first_block
                    && c.end_block <= best.end_block
                    && c.score >= ARTICLE_SHARE * best.score
            })
            .fold(None, |acc: Option<&Candidate>, c| match acc {
                Some(a) if a.score >= c.score => Some(a),
                _ => Some(c),
            });
        let Some(inner) = inner else {
            return Some((best.first_block, best.end_block));
        };
        let (mut start, mut end) = (inner.first_block, inner.end_block);
        let widen = |mut start: usize| {
            while start > best.first_block && self.gaps[start] < GAP_CHARS {
                start -= 1;
            }
            start
        };
        start = widen(start);
        let near = start
            .saturating_sub(standfirst::FIRST_PARAGRAPHS)
            .max(best.first_block);
        if let Some(i) = (near..start).find(|&i| self.is_standfirst(doc, i)) {
            start = widen(i);
        }
        while end < best.end_block && self.gaps[end] < GAP_CHARS {
            end += 1;
        }
        Some((start, end))
    }

    /// Whether block `i` is a standfirst: a paragraph of prose in an element named like
    /// one, or right after an `<h1>` (the headline and deck of a hero header). The
    /// widening of [`Walk::best`] reaches it across any furniture (an author box, a photo
    /// and its caption, a navigation bar between the chapô and the `<article>`).
    fn is_standfirst(&self, doc: &Document, i: usize) -> bool {
        let block = &self.blocks[i];
        let after_headline = i > 0 && self.blocks[i - 1].kind == Kind::Heading(1);
        // Named on the paragraph or on its box (`div.article-chapo > p`); looked up only
        // for the few blocks above the landmark, not for every element of the walk.
        let named = [self.owners[i], self.parents[i]]
            .into_iter()
            .filter_map(|id| doc.element(id))
            .any(|el| el.classes().chain(el.id()).any(names_standfirst));
        (named || after_headline)
            && block.style == BlockKind::Paragraph
            && block.link_density() <= MAX_LINK_DENSITY
            && block
                .text
                .split_whitespace()
                .nth(standfirst::MIN_WORDS - 1)
                .is_some()
    }

    /// The blocks `start..end` of the article ([`Walk::best`]).
    pub(super) fn chosen(&self) -> Option<(usize, usize)> {
        self.chosen
    }

    /// Clean paragraphs of the best-scoring element, or of the next best when all of its
    /// text is furniture.
    pub(super) fn paragraphs(&self) -> Vec<Para> {
        let Some((start, end)) = self.chosen else {
            return Vec::new();
        };
        let out = self.output(start, end);
        if !out.is_empty() {
            return out;
        }
        let mut ranked: Vec<&Candidate> = self
            .candidates
            .iter()
            .filter(|c| c.score > 0.0 && (c.first_block, c.end_block) != (start, end))
            .collect();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
        ranked
            .into_iter()
            .map(|c| self.output(c.first_block, c.end_block))
            .find(|out| !out.is_empty())
            .unwrap_or_default()
    }

    /// The paragraphs of the element whose repeated children (cards, posts, rows) hold
    /// the most text: the content of a listing, a collection or a forum thread. Links are
    /// kept, since a card's title is usually one.
    pub(super) fn cards(&self) -> Vec<Para> {
        let Some(best) = self.best_by(|c| c.cards).filter(|b| b.cards > 0) else {
            return Vec::new();
        };
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for block in &self.blocks[best.first_block..best.end_block] {
            if block.dropped || is_furniture_text(&block.text) {
                continue;
            }
            push_lines(&mut out, &mut seen, block);
        }
        out
    }

    /// The clean paragraphs of blocks `start..end`.
    fn output(&self, start: usize, end: usize) -> Vec<Para> {
        let blocks = &self.blocks[start..end];
        let captions = asides(blocks);
        let kept: Vec<&Block> = blocks
            .iter()
            .zip(&captions)
            .filter(|(_, caption)| !**caption)
            .map(|(block, _)| block)
            .filter(|block| {
                !(block.dropped
                    || (block.link_density() > MAX_LINK_DENSITY && !block.is_linked_sentence())
                    || block.is_teaser()
                    || block.kind == Kind::Heading(1)
                    || is_furniture_text(&block.text))
            })
            .collect();
        // Scraps after the last sentence of prose are credits, tags, sign-offs and
        // "Related" headings; a code block there is the last step of a how-to.
        let last = kept
            .iter()
            .rposition(|b| b.is_prose())
            .unwrap_or(kept.len());
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (i, block) in kept.into_iter().enumerate() {
            if i > last && block.kind != Kind::Paragraph && block.style != BlockKind::Code {
                continue;
            }
            push_lines(&mut out, &mut seen, block);
        }
        out
    }
}

/// Which of `blocks` are captions set aside in an article: caption blocks next to a
/// paragraph of prose (the nearest block before or after them, scraps shorter than
/// [`NEAR_CHARS`] such as player controls and reading times aside), in an element with
/// at least [`CAPTION_PROSE`] paragraphs of prose whose text the captions are at most
/// [`CAPTION_SHARE`] of. Elsewhere a picture with a line beside it is a card or a
/// feature, and its text is content.
fn asides(blocks: &[Block]) -> Vec<bool> {
    let mut out = vec![false; blocks.len()];
    let (mut prose, mut caption_chars, mut chars) = (0, 0, 0);
    for b in blocks.iter().filter(|b| !b.dropped) {
        chars += b.chars;
        if b.caption {
            caption_chars += b.chars;
        } else if is_paragraph_prose(b) {
            prose += 1;
        }
    }
    if caption_chars == 0
        || prose < CAPTION_PROSE
        || caption_chars as f64 > CAPTION_SHARE * chars as f64
    {
        return out;
    }
    let mut i = 0;
    while i < blocks.len() {
        if !blocks[i].caption {
            i += 1;
            continue;
        }
        let end = (i..blocks.len())
            .find(|&j| !blocks[j].caption)
            .unwrap_or(blocks.len());
        let near = |b: &&Block| !b.dropped && (b.is_prose() || b.chars >= NEAR_CHARS);
        let before = blocks[..i].iter().rev().find(near);
        let after = blocks[end..].iter().find(near);
        if before.into_iter().chain(after).any(is_paragraph_prose) {
            out[i..end].iter_mut().for_each(|c| *c = true);
        }
        i = end;
    }
    out
}

/// A `<p>` of prose.
fn is_paragraph_prose(block: &Block) -> bool {
    block.kind == Kind::Paragraph && !block.caption && block.is_prose()
}

/// Adds the lines of `block` not seen before to `out`, each with its kind (a table row
/// broken over several lines is a paragraph per line) and whether it is prose.
fn push_lines(out: &mut Vec<Para>, seen: &mut HashSet<String>, block: &Block) {
    let mut fresh = lines(&block.text).filter(|line| seen.insert(line.clone()));
    let first = fresh.next();
    let second = fresh.next();
    let style = match (&block.style, &second) {
        (BlockKind::TableRow(_), Some(_)) => BlockKind::Paragraph,
        (style, _) => style.clone(),
    };
    for line in first.into_iter().chain(second).chain(fresh) {
        let prose = is_prose_line(block, &line);
        out.push(Para {
            text: line,
            kind: style.clone(),
            prose,
        });
    }
}

/// Whether `line` of `block` is running text a summary may quote: every line of a `<p>`,
/// a heading or a block quote (the summarizer weighs those itself); never a table row or
/// code; a list item or a loose line of a `<div>` only when it ends a sentence or is long
/// (line-ups, cast lists and menus are rows of names).
pub(super) fn is_prose_line(block: &Block, line: &str) -> bool {
    match block.style {
        BlockKind::Code | BlockKind::TableRow(_) => false,
        BlockKind::Heading(_) | BlockKind::Quote => true,
        BlockKind::Paragraph if block.kind == Kind::Paragraph => true,
        BlockKind::Paragraph | BlockKind::ListItem => {
            ends_sentence(line) || line.split_whitespace().count() >= PROSE_WORDS
        }
    }
}

/// Whether `line` ends with a sentence mark, closing quotes and brackets aside.
fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | ')' | ']' | '»' | '«' | '”' | '“' | '’')
    })
    .ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Whether `el` shows a picture: `<picture>`, `<video>`, or an `<img>` not declared
/// smaller than an icon.
fn is_picture(el: &Element) -> bool {
    match el.tag().name() {
        Some("picture" | "video") => true,
        Some("img") => ["width", "height"].iter().all(|name| {
            el.attr(name)
                .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
                .is_none_or(|px| px >= ICON_PIXELS)
        }),
        _ => false,
    }
}

/// Non-empty trimmed lines of `text`.
fn lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
}

/// Whether `el` is hidden from readers (`hidden`, `display: none`, `visibility: hidden`, a
/// closed modal).
pub(super) fn hidden(el: &Element) -> bool {
    // A closed modal: a dialog (`role=dialog`, `aria-modal=true`) also hidden from
    // assistive technology (`aria-hidden=true`), shown by script only when it opens.
    let (mut aria_hidden, mut modal) = (false, false);
    for (name, value) in el.attrs() {
        let is_true = || value.trim().eq_ignore_ascii_case("true");
        match name {
            "hidden" => return true,
            "style" => {
                let style = compact_style(value);
                if style.contains("display:none") || style.contains("visibility:hidden") {
                    return true;
                }
            }
            "aria-hidden" => aria_hidden = is_true(),
            "aria-modal" => modal |= is_true(),
            "role" => modal |= is_dialog_role(value),
            _ => {}
        }
    }
    aria_hidden && modal
}

/// Whether the `style` of `el` lays it out as a block (`display: block`, `flex`, `grid`,
/// `list-item`, `table`): a caption credit in `<em style="display: block">` inside a link
/// is a line of its own, not glued to the story's first word ("© NordexHamburg").
fn styled_as_block(el: &Element) -> bool {
    el.attr("style").is_some_and(|value| {
        let style = compact_style(value);
        style.match_indices("display:").any(|(at, m)| {
            let display = style[at + m.len()..].split([';', '!']).next();
            matches!(
                display,
                Some("block" | "flex" | "grid" | "list-item" | "table")
            )
        })
    })
}

/// A `style` attribute's value lowercased, white space left out.
fn compact_style(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use crate::dom::{Document, NodeData};

    /// Whether the first element with an `id` in `html` is [`super::hidden`].
    fn hidden(html: &str) -> bool {
        let doc = Document::parse(html);
        let el = doc
            .nodes()
            .find_map(|n| match n.value() {
                NodeData::Element(el) if el.id().is_some() => Some(el),
                _ => None,
            })
            .expect("an element with an id");
        super::hidden(el)
    }

    #[test]
    fn a_closed_modal_is_hidden_an_open_one_or_a_hidden_icon_is_not() {
        assert!(hidden(
            r#"<div id="s" role="dialog" aria-hidden="true"><p>15% off</p></div>"#
        ));
        assert!(hidden(
            r#"<x-overlay id="s" aria-modal="true" aria-hidden=" TRUE ">x</x-overlay>"#
        ));
        assert!(!hidden(
            r#"<div id="s" role="dialog" aria-hidden="false">x</div>"#
        ));
        assert!(!hidden(r#"<div id="s" role="dialog">x</div>"#));
        assert!(!hidden(r#"<span id="s" aria-hidden="true">★</span>"#));
        assert!(hidden(r#"<div id="s" style="display: none">x</div>"#));
    }
}
