//! The learned block classifier: per text block of a walk, the odds that it is main
//! content, from its text, its place in the page, its ancestors (their class and id words,
//! tags, repeated siblings, the text of the nearest container), the page's type and the
//! rules' own decisions.

use super::ancestry::{self, Ancestry};
use super::block::{Block, Kind, MAX_LINK_DENSITY};
use super::page::{cues, declared, rules_type, PageType};
use super::phrases::is_furniture_text;
use super::walk::{is_prose_line, Walk};
use super::words::{hint, names_content, names_related, Hint};
use super::{BlockKind, Para};
use crate::dom::{Document, Element, NodeId};

/// Features computed per block.
pub const BLOCK_FEATURES: usize = 54;
/// Values per row as the forest walks them: the features, then zero padding.
pub const BLOCK_ROW_WIDTH: usize = BLOCK_FEATURES.next_power_of_two();
/// One block's features, padded to [`BLOCK_ROW_WIDTH`].
pub type BlockRow = [f32; BLOCK_ROW_WIDTH];

/// Names of the features, in row order.
pub const BLOCK_FEATURE_NAMES: [&str; BLOCK_FEATURES] = [
    "log_chars",
    "link_density",
    "words",
    "sentence_marks",
    "prose",
    "teaser",
    "heading_level",
    "paragraph",
    "item",
    "quote_or_code",
    "table_row",
    "after_related_heading",
    "furniture_text",
    "in_chosen",
    "kept_by_rules",
    "page_position",
    "position_in_chosen",
    "depth",
    "depth_below_chosen",
    "duplicates",
    "log_chosen_chars",
    "chosen_share",
    "digit_share",
    "upper_share",
    "ends_with_mark",
    "mean_word_length",
    "prose_neighbours",
    "blocks_to_prose",
    "near_boilerplate",
    "near_layout",
    "near_content",
    "near_related",
    "near_comment",
    "near_card",
    "furniture_level",
    "in_article",
    "in_list",
    "in_table",
    "in_form",
    "in_landmark",
    "owner_tag",
    "repeat_max",
    "repeat_level",
    "repeat_classed_max",
    "container_share",
    "container_link_density",
    "log_container_chars",
    "page_link_density",
    "type_forum",
    "type_product",
    "type_listing",
    "type_collection",
    "type_documentation",
    "type_service",
];

/// The owner of a block and this many of its ancestors are read for the ancestry features.
const NEAR_LEVELS: usize = 6;
/// Fewest siblings of one kind that count as repeated for `repeat_level`.
const MIN_REPEATS: u32 = 3;

/// What the classifier reads about a whole page, computed once for both walks.
pub(super) struct PageContext {
    ancestry: Ancestry,
    page_type: PageType,
}

impl PageContext {
    /// The context of `doc`, given its page type before the body is known: the declared
    /// type (else an article) refined by the page's cues and address.
    pub(super) fn new(doc: &Document, page_type: PageType) -> Self {
        PageContext {
            ancestry: Ancestry::of(doc),
            page_type,
        }
    }
}

/// Whether a class or id of `el` contains one of `needles` (lowercase ASCII), ignoring
/// ASCII case.
fn names_any(el: &Element, needles: &[&str]) -> bool {
    el.classes().chain(el.id()).any(|name| {
        let name = name.as_bytes();
        needles.iter().any(|n| {
            name.windows(n.len())
                .any(|w| w.eq_ignore_ascii_case(n.as_bytes()))
        })
    })
}

/// What the names of an element say, as bits: [`Hint::Boilerplate`], [`Hint::Layout`],
/// content, related, comment and card words; [`NAMES_READ`] once computed.
fn names_of(el: &Element) -> u8 {
    let mut bits = NAMES_READ;
    match hint(el) {
        Hint::Boilerplate => bits |= NAMES_BOILERPLATE,
        Hint::Layout => bits |= NAMES_LAYOUT,
        _ => {}
    }
    for (on, bit) in [
        (names_content(el), NAMES_CONTENT),
        (names_related(el), NAMES_RELATED),
        (names_any(el, &COMMENT_WORDS), NAMES_COMMENT),
        (names_any(el, &CARD_WORDS), NAMES_CARD),
    ] {
        if on {
            bits |= bit;
        }
    }
    bits
}

const NAMES_READ: u8 = 1;
const NAMES_BOILERPLATE: u8 = 1 << 1;
const NAMES_LAYOUT: u8 = 1 << 2;
const NAMES_CONTENT: u8 = 1 << 3;
const NAMES_RELATED: u8 = 1 << 4;
const NAMES_COMMENT: u8 = 1 << 5;
const NAMES_CARD: u8 = 1 << 6;

/// Class and id words of comment threads and posts.
const COMMENT_WORDS: [&str; 4] = ["comment", "reply", "discuss", "post"];
/// Class and id words of repeated cards.
const CARD_WORDS: [&str; 6] = ["card", "item", "tile", "teaser", "result", "product"];

/// A small code for the owner's tag: what kind of element holds the text.
fn tag_code(el: &Element) -> f32 {
    match el.tag().name().unwrap_or("") {
        "p" => 1.0,
        "li" => 2.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => 3.0,
        "div" => 4.0,
        "td" | "th" => 5.0,
        "span" => 6.0,
        "a" => 7.0,
        "dd" | "dt" => 8.0,
        "pre" | "code" => 9.0,
        "blockquote" => 10.0,
        "section" | "article" | "main" => 11.0,
        "body" => 12.0,
        _ => 0.0,
    }
}

/// The ancestry features of a block owned by `owner` with `chars` characters.
/// `names` memoises [`names_of`] per node (0: not read yet).
fn ancestry_features(
    doc: &Document,
    ctx: &PageContext,
    names: &mut [u8],
    owner: NodeId,
    chars: usize,
) -> [f32; 19] {
    let a = &ctx.ancestry;
    let (mut boilerplate, mut layout, mut content, mut related, mut comment, mut card) =
        (0.0f32, 0.0f32, 0.0f32, 0.0f32, 0.0f32, 0.0f32);
    let mut furniture_level = NEAR_LEVELS as f32;
    let (mut repeat_max, mut repeat_level, mut classed_max) = (0u32, NEAR_LEVELS as f32, 0u32);
    let mut at = Some(owner);
    for level in 0..NEAR_LEVELS {
        let Some(id) = at else { break };
        let Some(el) = doc.element(id) else { break };
        let memo = &mut names[id.index()];
        if *memo == 0 {
            *memo = names_of(el);
        }
        let bits = *memo;
        let bit = |b: u8| f32::from(u8::from(bits & b != 0));
        boilerplate += bit(NAMES_BOILERPLATE);
        layout += bit(NAMES_LAYOUT);
        if bits & (NAMES_BOILERPLATE | NAMES_LAYOUT) != 0 && furniture_level == NEAR_LEVELS as f32 {
            furniture_level = level as f32;
        }
        content += bit(NAMES_CONTENT);
        related += bit(NAMES_RELATED);
        comment += bit(NAMES_COMMENT);
        card += bit(NAMES_CARD);
        let repeats = a.repeats(id);
        if repeats > repeat_max {
            repeat_max = repeats;
            if repeats >= MIN_REPEATS {
                repeat_level = level as f32;
            }
        }
        if a.flags(id) & ancestry::CLASSED != 0 {
            classed_max = classed_max.max(repeats);
        }
        at = a.parent(id);
    }
    // The nearest ancestor holding text besides the block's own.
    let container = a.container(owner, chars);
    let (container_chars, container_links) = container.map_or((chars as f32, 0.0), |id| {
        (a.chars(id) as f32, a.link_chars(id) as f32)
    });
    let flags = a.flags(owner);
    let flag = |f: u8| f32::from(u8::from(flags & f != 0));
    [
        boilerplate,
        layout,
        content,
        related,
        comment,
        card,
        furniture_level,
        flag(ancestry::IN_ARTICLE),
        flag(ancestry::IN_LIST),
        flag(ancestry::IN_TABLE),
        flag(ancestry::IN_FORM),
        flag(ancestry::IN_LANDMARK),
        doc.element(owner).map_or(0.0, tag_code),
        repeat_max as f32,
        repeat_level,
        classed_max as f32,
        chars as f32 / container_chars.max(1.0),
        container_links / container_chars.max(1.0),
        container_chars.ln_1p(),
    ]
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | '!' | '?' | ';' | ':' | '。' | '、' | '،' | '！' | '？'
    )
}

/// Whether the rules keep `block` of the chosen element (the filter of `Walk::output`
/// before the trailing-scraps cut).
fn kept_by_rules(block: &Block) -> bool {
    !(block.dropped
        || (block.link_density() > MAX_LINK_DENSITY && !block.is_linked_sentence())
        || block.is_teaser()
        || block.kind == Kind::Heading(1)
        || is_furniture_text(&block.text))
}

/// The feature rows of every block of `walk` over `doc`, in page order.
pub(super) fn rows(doc: &Document, ctx: &PageContext, walk: &Walk) -> Vec<BlockRow> {
    let blocks = walk.blocks();
    let depths = walk.depths();
    let owners = walk.owners();
    let page_link_density = doc.nodes().next().map_or(0.0, |root| {
        let id = root.id();
        ctx.ancestry.link_chars(id) as f32 / ctx.ancestry.chars(id).max(1) as f32
    });
    let page_type = |t: PageType| f32::from(u8::from(ctx.page_type == t));
    let mut names = vec![0u8; doc.node_count()];
    let page_features = [
        page_link_density,
        page_type(PageType::Forum),
        page_type(PageType::Product),
        page_type(PageType::Listing),
        page_type(PageType::Collection),
        page_type(PageType::Documentation),
        page_type(PageType::Service),
    ];
    let n = blocks.len();
    let chosen = walk.chosen();
    let (start, end) = chosen.unwrap_or((0, 0));
    let chosen_depth = depths[start..end].iter().copied().min().unwrap_or(0);
    let page_chars: usize = blocks.iter().map(|b| b.chars).sum();
    let chosen_chars: usize = blocks[start..end].iter().map(|b| b.chars).sum();
    let mut counts: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    for b in blocks {
        *counts.entry(b.text.as_str()).or_default() += 1;
    }
    let prose: Vec<bool> = blocks.iter().map(Block::is_prose).collect();
    // Distance in blocks to the nearest prose block, both ways.
    let mut to_prose = vec![n as f32; n];
    let mut last = None;
    for i in 0..n {
        if prose[i] {
            last = Some(i);
        }
        if let Some(l) = last {
            to_prose[i] = (i - l) as f32;
        }
    }
    last = None;
    for i in (0..n).rev() {
        if prose[i] {
            last = Some(i);
        }
        if let Some(l) = last {
            to_prose[i] = to_prose[i].min((l - i) as f32);
        }
    }
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let mut words = 0usize;
            let mut word_chars = 0usize;
            let (mut marks, mut digits, mut upper) = (0usize, 0usize, 0usize);
            for w in b.text.split_whitespace() {
                words += 1;
                word_chars += w.chars().count();
            }
            for c in b.text.chars() {
                marks += usize::from(is_mark(c));
                digits += usize::from(c.is_numeric());
                upper += usize::from(c.is_uppercase());
            }
            let chars = b.chars.max(1) as f32;
            let in_chosen = (start..end).contains(&i);
            let heading = match b.kind {
                Kind::Heading(level) => f32::from(level),
                _ => 0.0,
            };
            let values: [f32; 28] = [
                (b.chars as f32).ln_1p(),
                b.link_density() as f32,
                words as f32,
                marks as f32,
                f32::from(u8::from(prose[i])),
                f32::from(u8::from(b.is_teaser())),
                heading,
                f32::from(u8::from(b.kind == Kind::Paragraph)),
                f32::from(u8::from(b.kind == Kind::Item)),
                f32::from(u8::from(matches!(
                    b.style,
                    BlockKind::Quote | BlockKind::Code
                ))),
                f32::from(u8::from(matches!(b.style, BlockKind::TableRow(_)))),
                f32::from(u8::from(b.dropped)),
                f32::from(u8::from(is_furniture_text(&b.text))),
                f32::from(u8::from(in_chosen)),
                f32::from(u8::from(in_chosen && kept_by_rules(b))),
                i as f32 / n as f32,
                if in_chosen {
                    (i - start) as f32 / (end - start) as f32
                } else {
                    -1.0
                },
                depths[i] as f32,
                if in_chosen {
                    depths[i] as f32 - chosen_depth as f32
                } else {
                    -1.0
                },
                counts[b.text.as_str()] as f32,
                (chosen_chars as f32).ln_1p(),
                chosen_chars as f32 / page_chars.max(1) as f32,
                digits as f32 / chars,
                upper as f32 / chars,
                f32::from(u8::from(b.text.trim_end().ends_with(is_mark))),
                word_chars as f32 / words.max(1) as f32,
                f32::from(u8::from(i > 0 && prose[i - 1]))
                    + f32::from(u8::from(i + 1 < n && prose[i + 1])),
                to_prose[i],
            ];
            let near = ancestry_features(doc, ctx, &mut names, owners[i], b.chars);
            let mut row = [0.0; BLOCK_ROW_WIDTH];
            for (slot, v) in row
                .iter_mut()
                .zip(values.into_iter().chain(near).chain(page_features))
            {
                *slot = v;
            }
            row
        })
        .collect()
}

/// The blocks of `doc`'s walk (`strict`: the first pass, which also skips elements named
/// like layout): each block's text and feature row, for training the classifier. The hints
/// are those the extractor uses for the page's declared type.
pub(crate) fn training_blocks(
    doc: &Document,
    strict: bool,
    url: Option<&str>,
) -> Vec<(String, BlockRow)> {
    let json_ld = crate::meta::JsonLd::parse(doc);
    let ld = json_ld.graph();
    let declared = declared(doc, &ld).page_type;
    let hints = super::hints::element_hints(doc, declared == Some(PageType::Forum));
    let walk = Walk::run(doc, &hints, strict);
    let page_type = rules_type(declared.unwrap_or_default(), cues(doc, &ld), url);
    let ctx = PageContext::new(doc, page_type);
    let rows = rows(doc, &ctx, &walk);
    walk.blocks()
        .iter()
        .map(|b| b.text.clone())
        .zip(rows)
        .collect()
}

/// The embedded model (`examples/train_blocks.rs` writes it; see BENCHMARKS.md).
const EMBEDDED: &[u8] = include_bytes!("../../model/blocks.bin");
/// The usual probability above which a block outside the rules' chosen element is added.
const ADD_ABOVE: f32 = 0.4;
/// The probability above which a block is the body of a page whose classifier's blocks
/// replace the rules' body.
const REPLACE_ABOVE: f32 = 0.5;
/// A body shorter than this (in characters) is likely not the page's content: the
/// classifier's blocks are added whatever the page type.
const SHORT_ARTICLE_CHARS: usize = 200;

/// How extraction uses the block classifier on a page ([`classifier_use`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Use {
    /// Add the blocks outside the rules' chosen element scored above this probability.
    Add(f32),
    /// The body is the blocks scored above this probability, in page order.
    Replace(f32),
}

/// The embedded model, decoded and compiled on first use; `None` when it does not match
/// this build's features (a test checks that it does).
pub fn embedded() -> Option<&'static lede_gbdt::Forest> {
    static FOREST: std::sync::OnceLock<Option<lede_gbdt::Forest>> = std::sync::OnceLock::new();
    FOREST
        .get_or_init(|| BlockModel::from_bytes(EMBEDDED).ok().map(|m| m.compile()))
        .as_ref()
}

/// How the classifier's blocks are used on a page of `page_type` whose rules' body has
/// `body_chars` characters, or `None` when the rules' body stands: the rules are strong on
/// articles, the classifier alone is stronger on documentation and service pages, and its
/// blocks complete the rules' body elsewhere (and on very short or empty bodies).
pub fn classifier_use(page_type: PageType, body_chars: usize) -> Option<Use> {
    let short = body_chars < SHORT_ARTICLE_CHARS;
    match page_type {
        PageType::Article if !short => None,
        PageType::Documentation | PageType::Service if !short => Some(Use::Replace(REPLACE_ABOVE)),
        _ => Some(Use::Add(ADD_ABOVE)),
    }
}

/// The log-odds of probability `p`.
fn logit(p: f32) -> f32 {
    (p / (1.0 - p)).ln()
}

/// Uses `walk`'s blocks that `forest` scores as content on `paragraphs`, the rules' body:
/// with [`Use::Add`], the lines of blocks outside the walk's chosen element scored above
/// its probability are added, each after the last line of the output that precedes it in
/// the page, and lines already in the output are not repeated; with [`Use::Replace`], the
/// body becomes the lines of the blocks scored above its probability, in page order.
pub(super) fn use_blocks(
    doc: &Document,
    ctx: &PageContext,
    walk: &Walk,
    (forest, usage): (&lede_gbdt::Forest, Use),
    paragraphs: &mut Vec<Para>,
) {
    let rows = rows(doc, ctx, walk);
    let mut logits = Vec::new();
    forest.predict_rows(&rows, &mut logits);
    let above = match usage {
        Use::Add(above) => above,
        Use::Replace(above) => {
            let threshold = logit(above);
            paragraphs.clear();
            for (block, _) in walk
                .blocks()
                .iter()
                .zip(&logits)
                .filter(|(_, &l)| l > threshold)
            {
                let (lines, style) = block_lines(block);
                for line in lines {
                    paragraphs.push(line_para(block, line, &style));
                }
            }
            return;
        }
    };
    let threshold = logit(above);
    let (start, end) = walk.chosen().unwrap_or((0, 0));
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, p) in paragraphs.iter().enumerate() {
        at.entry(p.text.clone()).or_insert(i);
    }
    // (position in `paragraphs` to insert before, the paragraph), in page order.
    let mut added: Vec<(usize, Para)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut cursor = 0;
    for (i, (block, &logit)) in walk.blocks().iter().zip(&logits).enumerate() {
        let add = logit > threshold && !(start..end).contains(&i);
        let (lines, style) = block_lines(block);
        for line in lines {
            if let Some(&j) = at.get(line) {
                cursor = cursor.max(j + 1);
            } else if add && seen.insert(line) {
                added.push((cursor, line_para(block, line, &style)));
            }
        }
    }
    if added.is_empty() {
        return;
    }
    let old = std::mem::take(paragraphs);
    let mut added = added.into_iter().peekable();
    for (i, p) in old.into_iter().enumerate() {
        while let Some((_, para)) = added.next_if(|(before, _)| *before <= i) {
            paragraphs.push(para);
        }
        paragraphs.push(p);
    }
    paragraphs.extend(added.map(|(_, para)| para));
}

/// The non-empty trimmed lines of `block`, with the kind each of them gets.
fn block_lines(block: &Block) -> (Vec<&str>, BlockKind) {
    let lines: Vec<&str> = block
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let style = line_style(&block.style, lines.len());
    (lines, style)
}

/// The output paragraph of `line`, one of `block`'s lines of kind `style`.
fn line_para(block: &Block, line: &str, style: &BlockKind) -> Para {
    Para {
        text: line.to_string(),
        kind: style.clone(),
        prose: is_prose_line(block, line),
    }
}

/// The kind of each of the `lines` lines of a block of kind `style`: a table row cut into
/// lines is paragraphs.
fn line_style(style: &BlockKind, lines: usize) -> BlockKind {
    match style {
        BlockKind::TableRow(_) if lines > 1 => BlockKind::Paragraph,
        style => style.clone(),
    }
}

const MAGIC: &[u8; 8] = b"LEDEBLKS";
const VERSION: u32 = 1;

/// Why a block model was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BlockModelError {
    /// Not a block model file of this version.
    #[error("not a block model file of version {VERSION}")]
    BadHeader,
    /// The model was trained on other features than this build computes.
    #[error("block model was trained with different features")]
    FeatureMismatch,
    /// The trees are truncated or malformed.
    #[error("block model is invalid: {0}")]
    Invalid(String),
}

/// A trained block classifier: a base score and trees over [`BLOCK_FEATURES`].
#[derive(Debug, Clone, PartialEq)]
pub struct BlockModel {
    /// Starting log-odds.
    pub base_score: f32,
    /// The trees, added together.
    pub trees: Vec<lede_gbdt::Tree>,
}

impl BlockModel {
    /// Encodes the model: magic, version, feature names, base score, trees.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(VERSION.to_le_bytes());
        out.extend((BLOCK_FEATURES as u32).to_le_bytes());
        for name in BLOCK_FEATURE_NAMES {
            out.extend((name.len() as u16).to_le_bytes());
            out.extend(name.as_bytes());
        }
        out.extend(self.base_score.to_le_bytes());
        lede_gbdt::write_trees(&self.trees, &mut out);
        out
    }

    /// Reads and validates a model written by [`BlockModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<BlockModel, BlockModelError> {
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .and_then(|r| r.strip_prefix(VERSION.to_le_bytes().as_slice()))
            .ok_or(BlockModelError::BadHeader)?;
        let mut rest = rest
            .strip_prefix((BLOCK_FEATURES as u32).to_le_bytes().as_slice())
            .ok_or(BlockModelError::FeatureMismatch)?;
        for name in BLOCK_FEATURE_NAMES {
            rest = rest
                .strip_prefix((name.len() as u16).to_le_bytes().as_slice())
                .and_then(|r| r.strip_prefix(name.as_bytes()))
                .ok_or(BlockModelError::FeatureMismatch)?;
        }
        let (base, mut rest) = rest
            .split_first_chunk::<4>()
            .ok_or_else(|| BlockModelError::Invalid("truncated".into()))?;
        let base_score = f32::from_le_bytes(*base);
        let trees = lede_gbdt::read_trees(&mut rest)
            .map_err(|e| BlockModelError::Invalid(e.to_string()))?;
        if !rest.is_empty() || !base_score.is_finite() {
            return Err(BlockModelError::Invalid("trailing data".into()));
        }
        lede_gbdt::validate_trees(&trees, BLOCK_FEATURES).map_err(BlockModelError::Invalid)?;
        Ok(BlockModel { base_score, trees })
    }

    /// Compiles the model for scoring.
    pub fn compile(&self) -> lede_gbdt::Forest {
        lede_gbdt::Forest::new(self.base_score, &self.trees, BLOCK_FEATURES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>\
        <div class=story><h1>Harbour reopens</h1>\
        <p>The harbour reopened on Monday after a week of repairs to the sea wall, the port said.</p>\
        <p>Fishing boats were the first to leave, followed by two ferries bound for the islands.</p>\
        <p>Officials expect traffic to return to normal by the end of the month, they added.</p></div>\
        <ul class=links><li><a href=/a>Weather</a></li><li><a href=/b>Sport</a></li>\
        <li><a href=/c>Markets</a></li></ul></body></html>";

    fn feature(name: &str) -> usize {
        BLOCK_FEATURE_NAMES
            .iter()
            .position(|n| *n == name)
            .expect("a feature of that name")
    }

    #[test]
    fn ancestry_features_see_cards_containers_and_the_page_type() {
        let card = |n: u32| {
            format!(
                "<li class=card><p>Offer {n}: a two-bedroom flat near the station, with a \
                 garden, a garage and a view of the river.</p></li>"
            )
        };
        let html = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"ItemList\"}}\
             </script></head><body><main><ul class=offers>{}{}{}{}</ul></main>\
             <div class=sidebar><p>Call us on weekdays, from nine to five, for a visit.</p>\
             </div></body></html>",
            card(1),
            card(2),
            card(3),
            card(4)
        );
        let blocks = training_blocks(&Document::parse(&html), false, None);
        let offer = &blocks
            .iter()
            .find(|(t, _)| t.starts_with("Offer 2"))
            .expect("a card")
            .1;
        assert_eq!(offer[feature("repeat_max")], 4.0);
        assert_eq!(offer[feature("repeat_classed_max")], 4.0);
        assert_eq!(offer[feature("near_card")], 1.0);
        assert_eq!(offer[feature("in_list")], 1.0);
        assert_eq!(offer[feature("in_article")], 1.0);
        assert_eq!(offer[feature("owner_tag")], 1.0);
        assert_eq!(offer[feature("type_listing")], 1.0);
        let share = offer[feature("container_share")];
        assert!((share - 0.25).abs() < 0.01, "{share}");
        let aside = &blocks
            .iter()
            .find(|(t, _)| t.starts_with("Call us"))
            .expect("the sidebar, kept by the second walk")
            .1;
        assert_eq!(aside[feature("near_layout")], 1.0);
        assert_eq!(aside[feature("furniture_level")], 1.0);
        assert_eq!(aside[feature("in_article")], 0.0);
    }

    /// A forest of one tree: content when the block's link density is at most one half.
    fn prose_forest() -> lede_gbdt::Forest {
        let tree = lede_gbdt::Tree {
            feature: vec![
                feature("link_density") as u16,
                lede_gbdt::LEAF,
                lede_gbdt::LEAF,
            ],
            threshold: vec![0.5, 0.0, 0.0],
            left: vec![1, 0, 0],
            right: vec![2, 0, 0],
            value: vec![0.0, 3.0, -3.0],
        };
        BlockModel {
            base_score: 0.0,
            trees: vec![tree],
        }
        .compile()
    }

    #[test]
    fn added_blocks_keep_page_order_and_skip_lines_already_out() {
        let html = "<html><body><div class=intro><p>Our clinic opened in 1990 and has \
            treated families from the whole valley ever since.</p></div>\
            <ul class=menu><li><a href=/a>Home and welcome to the clinic</a></li>\
            <li><a href=/b>Our team of doctors and nurses</a></li>\
            <li><a href=/c>Directions and parking nearby</a></li>\
            <li><a href=/d>Frequently asked questions here</a></li>\
            <li><a href=/e>Prices for patients without cover</a></li>\
            <li><a href=/f>Careers at the clinic this year</a></li>\
            <li><a href=/g>News from the practice and staff</a></li>\
            <li><a href=/h>Contact the front desk by email</a></li></ul>\
            <div class=services><h2>Services</h2>\
            <p>We offer check-ups, vaccinations and dental care for children and adults.</p>\
            <p>Appointments can be booked online, by phone or at the front desk.</p>\
            <p>Most insurance plans are accepted, and payment plans are available.</p></div>\
            <div class=hours><p>Open weekdays from eight to six, Saturdays until noon.</p>\
            </div></body></html>";
        let doc = Document::parse(html);
        let hints = super::super::hints::element_hints(&doc, false);
        let walk = Walk::run(&doc, &hints, false);
        let ctx = PageContext::new(&doc, PageType::Service);
        let mut paragraphs = walk.paragraphs();
        assert!(paragraphs[0].text.starts_with("Services"), "{paragraphs:?}");
        use_blocks(
            &doc,
            &ctx,
            &walk,
            (&prose_forest(), Use::Add(0.5)),
            &mut paragraphs,
        );
        let texts: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
        let starts: Vec<&str> = texts.iter().map(|t| &t[..t.len().min(8)]).collect();
        assert_eq!(
            starts,
            ["Our clin", "Services", "We offer", "Appointm", "Most ins", "Open wee"],
            "{texts:?}"
        );
        assert_eq!(paragraphs[1].kind, BlockKind::Heading(2));
        assert!(paragraphs[0].prose && paragraphs[5].prose, "{paragraphs:?}");
    }

    #[test]
    fn the_embedded_model_matches_the_features_and_is_used_off_articles() {
        assert!(embedded().is_some());
        assert_eq!(classifier_use(PageType::Article, 5000), None);
        assert_eq!(
            classifier_use(PageType::Article, 10),
            Some(Use::Add(ADD_ABOVE))
        );
        assert_eq!(
            classifier_use(PageType::Listing, 0),
            Some(Use::Add(ADD_ABOVE))
        );
        assert_eq!(
            classifier_use(PageType::Forum, 5000),
            Some(Use::Add(ADD_ABOVE))
        );
        assert_eq!(
            classifier_use(PageType::Product, 5000),
            Some(Use::Add(ADD_ABOVE))
        );
        assert_eq!(
            classifier_use(PageType::Service, 5000),
            Some(Use::Replace(REPLACE_ABOVE))
        );
        assert_eq!(
            classifier_use(PageType::Documentation, 50),
            Some(Use::Add(ADD_ABOVE))
        );
    }

    #[test]
    fn rows_carry_the_rules_decisions_and_score_deterministically() {
        let blocks = training_blocks(&Document::parse(PAGE), true, None);
        let texts: Vec<&str> = blocks.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts.len(), 7, "the menu is skipped: {texts:?}");
        let kept: Vec<bool> = blocks
            .iter()
            .map(|(_, r)| r[feature("kept_by_rules")] == 1.0)
            .collect();
        let prose: Vec<bool> = texts
            .iter()
            .map(|t| t.starts_with(['T', 'F', 'O']))
            .collect();
        assert_eq!(kept, prose, "the rules keep the three paragraphs only");
        let menu = &blocks[texts.iter().position(|t| *t == "Weather").unwrap()].1;
        assert_eq!(menu[feature("link_density")], 1.0);
        assert_eq!(menu[feature("in_chosen")], 0.0);
        assert!(blocks
            .iter()
            .all(|(_, r)| r[BLOCK_FEATURES..].iter().all(|&v| v == 0.0)));

        let rows: Vec<BlockRow> = blocks.iter().map(|(_, r)| *r).collect();
        let labels: Vec<f32> = kept.iter().map(|&k| f32::from(u8::from(k))).collect();
        let rows: Vec<BlockRow> = rows.iter().cycle().take(rows.len() * 20).copied().collect();
        let labels: Vec<f32> = labels.iter().cycle().take(rows.len()).copied().collect();
        let config = lede_gbdt::TrainConfig {
            trees: 10,
            min_child_hessian: 1.0,
            ..lede_gbdt::TrainConfig::default()
        };
        let (base_score, trees) = lede_gbdt::train(&rows, &labels, &config);
        let model = BlockModel { base_score, trees };
        let again = BlockModel::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(again, model);
        let mut scores = Vec::new();
        again.compile().predict_rows(&rows[..7], &mut scores);
        for (score, &k) in scores.iter().zip(&kept) {
            assert_eq!(*score > 0.0, k, "{scores:?}");
        }
        let (base_again, trees_again) = lede_gbdt::train(&rows, &labels, &config);
        assert_eq!((base_again, trees_again), (model.base_score, model.trees));
        assert!(BlockModel::from_bytes(b"LEDEBLKS").is_err());
    }
}
