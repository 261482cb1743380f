//! The learned page type: one-vs-rest gradient-boosted classifiers over what a page shows
//! about itself (declared schema.org and OpenGraph types, the words of its address, forms,
//! code, headings, paragraphs, links, repeated sibling cards, price and comment markers) and
//! the rules' own type ([`super::page::rules_type`]). The page type gates the block
//! classifier and is what `Article::page_type` reports.

use super::page::{doc_address, forum_address, service_address, PageType};
use crate::dom::flag::SKIPPED;
use crate::dom::{Document, Edge, NodeData, Tag};

/// Counts of a page's markup, read in one walk ([`counts`]).
pub(crate) const DOC_FEATURES: usize = 44;
/// Features of a page row: the markup counts, the address, the rules' type.
pub const PAGE_FEATURES: usize = DOC_FEATURES + URL_FEATURES + TYPES;
/// Values per row as the forests walk them: the features, then zero padding.
pub const PAGE_ROW_WIDTH: usize = PAGE_FEATURES.next_power_of_two();
/// One page's features, padded to [`PAGE_ROW_WIDTH`].
pub type PageRow = [f32; PAGE_ROW_WIDTH];
/// Features of the page address.
const URL_FEATURES: usize = 20;
/// The page types, in the order of the model's classifiers.
pub const TYPES: usize = 7;
/// The page types in the order of the model's classifiers and of the one-hot features.
pub const PAGE_TYPES: [PageType; TYPES] = [
    PageType::Article,
    PageType::Forum,
    PageType::Product,
    PageType::Listing,
    PageType::Collection,
    PageType::Documentation,
    PageType::Service,
];

/// Names of the features, in row order.
pub const PAGE_FEATURE_NAMES: [&str; PAGE_FEATURES] = [
    "pre",
    "code",
    "generator_meta",
    "doc_class",
    "forms",
    "inputs",
    "buttons",
    "h1",
    "h2",
    "h3_to_h6",
    "paragraphs",
    "long_paragraphs",
    "log_paragraph_chars",
    "log_text_chars",
    "link_density",
    "items",
    "links",
    "tables",
    "cells",
    "images",
    "articles",
    "times",
    "named_comment",
    "named_price",
    "named_cart",
    "named_card",
    "named_post",
    "named_author",
    "named_toc",
    "named_rating",
    "prices",
    "repeat_max",
    "repeat_groups",
    "quotes",
    "definitions",
    "navs",
    "asides",
    "itemprop_offer",
    "declared_article",
    "declared_forum",
    "declared_product",
    "declared_listing_or_collection",
    "declared_documentation",
    "declared_service",
    "has_url",
    "path_segments",
    "path_chars",
    "last_segment_chars",
    "path_digits",
    "path_date",
    "path_file",
    "query",
    "forum_address",
    "doc_address",
    "service_address",
    "words_product",
    "words_collection",
    "words_listing",
    "words_article",
    "words_docs",
    "words_forum",
    "words_service",
    "shop_host",
    "path_hyphens",
    "rules_article",
    "rules_forum",
    "rules_product",
    "rules_listing",
    "rules_collection",
    "rules_documentation",
    "rules_service",
];

/// Markup counts of a page ([`counts`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct DocCounts(pub(crate) [f32; DOC_FEATURES]);

impl Default for DocCounts {
    fn default() -> Self {
        DocCounts([0.0; DOC_FEATURES])
    }
}

/// The word groups the page features count in class and id names: the feature slot each
/// adds one to, and its words (lowercase ASCII, found anywhere in a name, ignoring ASCII
/// case). The last group is [`super::page::DOC_CLASSES`].
const NAME_GROUPS: [(usize, &[&str]); 9] = [
    (22, &["comment", "reply"]),
    (23, &["price"]),
    (24, &["cart", "basket", "checkout"]),
    (25, &["card", "tile", "teaser", "item", "result", "product"]),
    (26, &["post", "thread", "message", "topic"]),
    (27, &["author", "byline", "avatar", "user"]),
    (28, &["toc", "sidebar", "table-of-contents"]),
    (29, &["rating", "review", "stars"]),
    (3, &super::page::DOC_CLASSES),
];

/// The bit of [`name_groups`] for [`super::page::DOC_CLASSES`].
pub(super) const DOC_CLASS_GROUP: u16 = 1 << (NAME_GROUPS.len() - 1);

/// One automaton over every word of [`NAME_GROUPS`], and the group of each word: one
/// scan of a name finds all groups, where a `contains` per word (with a lowercase copy
/// per name) took a quarter of the extraction time.
fn name_matcher() -> &'static (aho_corasick::AhoCorasick, Vec<u16>) {
    static MATCHER: std::sync::OnceLock<(aho_corasick::AhoCorasick, Vec<u16>)> =
        std::sync::OnceLock::new();
    MATCHER.get_or_init(|| {
        let (mut words, mut groups) = (Vec::new(), Vec::new());
        for (group, (_, list)) in NAME_GROUPS.iter().enumerate() {
            for word in *list {
                words.push(*word);
                groups.push(1u16 << group);
            }
        }
        let automaton = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(words)
            .expect("the name words make an automaton");
        (automaton, groups)
    })
}

/// The groups of [`NAME_GROUPS`] with a word in `name` (bit `i` for group `i`).
pub(super) fn name_groups(name: &str) -> u16 {
    let (automaton, groups) = name_matcher();
    automaton
        .find_overlapping_iter(name)
        .fold(0, |mask, m| mask | groups[m.pattern().as_usize()])
}

/// Currency signs that, next to a digit, make a price.
fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₽' | '₩' | '₺' | '¢')
}

/// Prices in `text`: a currency sign with a digit right before or after it.
fn prices(text: &str) -> usize {
    // Every sign is `$` or starts with the byte 0xC2 or 0xE2; most text nodes have none,
    // and are not copied into characters.
    if memchr::memchr3(b'$', 0xc2, 0xe2, text.as_bytes()).is_none() {
        return 0;
    }
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| {
            is_currency(chars[i])
                && (chars.get(i + 1).is_some_and(char::is_ascii_digit)
                    || chars.get(i + 2).is_some_and(char::is_ascii_digit) && chars[i + 1] == ' '
                    || i > 0 && chars[i - 1].is_ascii_digit()
                    || i > 1 && chars[i - 1] == ' ' && chars[i - 2].is_ascii_digit())
        })
        .count()
}

/// Paragraphs of at least this many non-space characters count as long.
const LONG_PARAGRAPH: u32 = 120;
/// Siblings sharing a tag and class that make a group of cards.
const GROUP: u32 = 4;

/// Reads the markup counts of `doc` in one walk, and whether a class name (an id does
/// not count) is in [`DOC_CLASS_GROUP`]. `declared` is every type the page declares
/// (schema.org, `og:type`), as [`PAGE_TYPES`] indexes.
pub(crate) fn counts(doc: &Document, declared: [bool; TYPES]) -> (DocCounts, bool) {
    let mut f = [0.0f32; DOC_FEATURES];
    let mut doc_classes = false;
    let (mut text_chars, mut link_chars, mut p_chars) = (0u32, 0u32, 0u32);
    // Open elements: (in a link, unread, index of an open <p> in `paragraph_chars`).
    let mut stack: Vec<(bool, bool, Option<usize>)> = Vec::new();
    let mut paragraph_chars: Vec<u32> = Vec::new();
    // Only counted, never iterated in an order that matters: a fast hash will do.
    let mut siblings: rustc_hash::FxHashMap<(usize, &str, &str), u32> = Default::default();
    let mut parents: Vec<usize> = Vec::new();
    for edge in doc.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                NodeData::Element(el) => {
                    let (in_link, unread, para) = stack.last().copied().unwrap_or_default();
                    let tag = el.tag();
                    let name = tag.name().unwrap_or("");
                    let slot = match tag {
                        Tag::PRE => Some(0),
                        Tag::CODE => Some(1),
                        Tag::FORM => Some(4),
                        Tag::INPUT | Tag::SELECT | Tag::TEXTAREA => Some(5),
                        Tag::BUTTON => Some(6),
                        Tag::H1 => Some(7),
                        Tag::H2 => Some(8),
                        Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => Some(9),
                        Tag::LI => Some(15),
                        Tag::A => Some(16),
                        Tag::TABLE => Some(17),
                        Tag::TD | Tag::TH => Some(18),
                        Tag::IMG => Some(19),
                        Tag::ARTICLE => Some(20),
                        Tag::TIME => Some(21),
                        Tag::BLOCKQUOTE => Some(33),
                        Tag::DT | Tag::DD => Some(34),
                        Tag::NAV => Some(35),
                        Tag::ASIDE => Some(36),
                        _ => None,
                    };
                    if let Some(s) = slot {
                        f[s] += 1.0;
                    }
                    if tag == Tag::META
                        && el
                            .attr("name")
                            .is_some_and(|n| n.eq_ignore_ascii_case("generator"))
                    {
                        let value = el.attr("content").unwrap_or("").to_ascii_lowercase();
                        if super::page::DOC_GENERATORS
                            .iter()
                            .any(|g| value.contains(g))
                        {
                            f[2] = 1.0;
                        }
                    }
                    let classes = el.classes().fold(0, |mask, name| mask | name_groups(name));
                    doc_classes |= classes & DOC_CLASS_GROUP != 0;
                    let named = el.id().map_or(classes, |id| classes | name_groups(id));
                    for (group, &(slot, _)) in NAME_GROUPS.iter().enumerate() {
                        let bit = 1 << group;
                        if named & bit != 0 {
                            // The documentation classes are a flag, the others counts.
                            if bit == DOC_CLASS_GROUP {
                                f[slot] = 1.0;
                            } else {
                                f[slot] += 1.0;
                            }
                        }
                    }
                    if el.attr("itemprop").is_some_and(|v| {
                        let v = v.to_ascii_lowercase();
                        v.contains("price") || v.contains("offer")
                    }) {
                        f[37] += 1.0;
                    }
                    if let Some(&parent) = parents.last() {
                        if let Some(class) = el.classes().next() {
                            *siblings.entry((parent, name, class)).or_default() += 1;
                        }
                    }
                    let para = if tag == Tag::P {
                        paragraph_chars.push(0);
                        Some(paragraph_chars.len() - 1)
                    } else {
                        para
                    };
                    stack.push((in_link || tag == Tag::A, unread || tag.has(SKIPPED), para));
                    parents.push(node.id().index());
                }
                NodeData::Text(text) => {
                    let (in_link, unread, para) = stack.last().copied().unwrap_or_default();
                    if unread {
                        continue;
                    }
                    let c = super::visible_chars(text) as u32;
                    text_chars += c;
                    if in_link {
                        link_chars += c;
                    }
                    if let Some(i) = para {
                        paragraph_chars[i] += c;
                        p_chars += c;
                    }
                    f[30] += prices(text) as f32;
                }
                NodeData::Document => {}
            },
            Edge::Close(node) => {
                if matches!(node.value(), NodeData::Element(_)) {
                    stack.pop();
                    parents.pop();
                }
            }
        }
    }
    f[10] = paragraph_chars.iter().filter(|&&c| c > 0).count() as f32;
    f[11] = paragraph_chars
        .iter()
        .filter(|&&c| c >= LONG_PARAGRAPH)
        .count() as f32;
    f[12] = (p_chars as f32).ln_1p();
    f[13] = (text_chars as f32).ln_1p();
    f[14] = link_chars as f32 / text_chars.max(1) as f32;
    f[31] = siblings.values().copied().max().unwrap_or(0) as f32;
    f[32] = siblings.values().filter(|&&n| n >= GROUP).count() as f32;
    for (i, on) in declared.into_iter().enumerate() {
        let slot = match PAGE_TYPES[i] {
            PageType::Article => 38,
            PageType::Forum => 39,
            PageType::Product => 40,
            PageType::Listing | PageType::Collection => 41,
            PageType::Documentation => 42,
            PageType::Service => 43,
        };
        if on {
            f[slot] = 1.0;
        }
    }
    (DocCounts(f), doc_classes)
}

/// Path segments of an address that speak for each kind of page.
const PRODUCT_WORDS: [&str; 8] = [
    "product", "products", "p", "dp", "item", "shop", "store", "buy",
];
const COLLECTION_WORDS: [&str; 8] = [
    "collection",
    "collections",
    "category",
    "categories",
    "c",
    "catalog",
    "gallery",
    "department",
];
const LISTING_WORDS: [&str; 10] = [
    "search",
    "list",
    "tag",
    "tags",
    "archive",
    "jobs",
    "results",
    "page",
    "index",
    "directory",
];
const ARTICLE_WORDS: [&str; 8] = [
    "blog", "news", "article", "articles", "story", "post", "posts", "stories",
];
const DOCS_WORDS: [&str; 8] = [
    "docs",
    "doc",
    "api",
    "reference",
    "manual",
    "guide",
    "tutorial",
    "wiki",
];
const FORUM_WORDS: [&str; 6] = ["forum", "forums", "thread", "threads", "questions", "t"];
const SERVICE_WORDS: [&str; 8] = [
    "services",
    "service",
    "pricing",
    "about",
    "contact",
    "solutions",
    "features",
    "company",
];

/// The row of a page: its markup counts, its address `url` and the rules' type `rules`.
pub(crate) fn row(counts: &DocCounts, url: Option<&str>, rules: PageType) -> PageRow {
    let mut row = [0.0f32; PAGE_ROW_WIDTH];
    row[..DOC_FEATURES].copy_from_slice(&counts.0);
    let u = &mut row[DOC_FEATURES..DOC_FEATURES + URL_FEATURES];
    if let Some(url) = url {
        let (host, path) = super::page::host_and_path(url);
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let last = segments.last().copied().unwrap_or("");
        let has = |words: &[&str]| {
            f32::from(u8::from(segments.iter().any(|s| {
                let s = s.split('.').next().unwrap_or(s);
                words.contains(&s)
            })))
        };
        let year = segments
            .iter()
            .any(|s| s.len() == 4 && s.starts_with("20") && s.bytes().all(|b| b.is_ascii_digit()));
        u.copy_from_slice(&[
            1.0,
            segments.len() as f32,
            path.len() as f32,
            last.len() as f32,
            path.bytes().filter(u8::is_ascii_digit).count() as f32,
            f32::from(u8::from(year)),
            f32::from(u8::from(last.contains('.'))),
            f32::from(u8::from(url.contains('?'))),
            f32::from(u8::from(forum_address(url))),
            f32::from(u8::from(doc_address(&host, &path))),
            f32::from(u8::from(service_address(&path))),
            has(&PRODUCT_WORDS),
            has(&COLLECTION_WORDS),
            has(&LISTING_WORDS),
            has(&ARTICLE_WORDS),
            has(&DOCS_WORDS),
            has(&FORUM_WORDS),
            has(&SERVICE_WORDS),
            f32::from(u8::from(
                host.starts_with("shop.") || host.starts_with("store."),
            )),
            last.bytes().filter(|&b| b == b'-').count() as f32,
        ]);
    }
    let at = DOC_FEATURES + URL_FEATURES;
    for (i, t) in PAGE_TYPES.iter().enumerate() {
        row[at + i] = f32::from(u8::from(*t == rules));
    }
    row
}

/// The rules' type and the feature row of `html` at `url`, for the page-type model's
/// training program: the row [`super::page::refine`] reads when extracting the page (the
/// rules' type from the declared type, else the body's cards; a page read again from its
/// `<noscript>` block may differ).
pub fn training_row(html: &str, url: Option<&str>) -> (PageType, PageRow) {
    let doc = Document::parse(html);
    let json_ld = crate::meta::JsonLd::parse(&doc);
    let ld = json_ld.graph();
    let declared = super::declared(&doc, &ld).page_type;
    let body = super::body(&doc, declared);
    let given = body.given(declared);
    let cues = super::cues(&doc, &ld);
    let rules = super::rules_type(given, cues, url);
    (rules, row(&cues.counts, url, rules))
}

/// The embedded model (`examples/train_ptypes.rs` writes it; see BENCHMARKS.md).
const EMBEDDED: &[u8] = include_bytes!("../../model/ptypes.bin");

/// The embedded model, decoded and compiled on first use; `None` when it does not match
/// this build's features (a test checks that it does).
pub fn embedded() -> Option<&'static [lede_gbdt::Forest; TYPES]> {
    static FORESTS: std::sync::OnceLock<Option<[lede_gbdt::Forest; TYPES]>> =
        std::sync::OnceLock::new();
    FORESTS
        .get_or_init(|| {
            PageTypeModel::from_bytes(EMBEDDED)
                .ok()
                .map(|m| m.compile())
        })
        .as_ref()
}

/// The type whose classifier among `forests` scores `row` highest (the first on ties).
pub fn predict(forests: &[lede_gbdt::Forest; TYPES], row: &PageRow) -> PageType {
    let mut best = (f32::NEG_INFINITY, PageType::Article);
    let mut out = Vec::with_capacity(1);
    for (forest, t) in forests.iter().zip(PAGE_TYPES) {
        out.clear();
        forest.predict_rows(std::slice::from_ref(row), &mut out);
        if out[0] > best.0 {
            best = (out[0], t);
        }
    }
    best.1
}

const MAGIC: &[u8; 8] = b"LEDEPTYP";
const VERSION: u32 = 1;

/// Why a page-type model was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageTypeModelError {
    /// Not a page-type model file of this version.
    #[error("not a page-type model file of version {VERSION}")]
    BadHeader,
    /// The model was trained on other features than this build computes.
    #[error("page-type model was trained with different features")]
    FeatureMismatch,
    /// The trees are truncated or malformed.
    #[error("page-type model is invalid: {0}")]
    Invalid(String),
}

/// A trained page-type model: per type of [`PAGE_TYPES`], a base score and trees over
/// [`PAGE_FEATURES`] giving the log-odds that a page is of that type.
#[derive(Debug, Clone, PartialEq)]
pub struct PageTypeModel {
    /// Per type, the starting log-odds and the trees added to it.
    pub classes: Vec<(f32, Vec<lede_gbdt::Tree>)>,
}

impl PageTypeModel {
    /// Encodes the model: magic, version, feature names, then per type its base score and
    /// trees.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(VERSION.to_le_bytes());
        out.extend((PAGE_FEATURES as u32).to_le_bytes());
        for name in PAGE_FEATURE_NAMES {
            out.extend((name.len() as u16).to_le_bytes());
            out.extend(name.as_bytes());
        }
        out.extend((self.classes.len() as u32).to_le_bytes());
        for (base, trees) in &self.classes {
            out.extend(base.to_le_bytes());
            lede_gbdt::write_trees(trees, &mut out);
        }
        out
    }

    /// Reads and validates a model written by [`PageTypeModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<PageTypeModel, PageTypeModelError> {
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .and_then(|r| r.strip_prefix(VERSION.to_le_bytes().as_slice()))
            .ok_or(PageTypeModelError::BadHeader)?;
        let mut rest = rest
            .strip_prefix((PAGE_FEATURES as u32).to_le_bytes().as_slice())
            .ok_or(PageTypeModelError::FeatureMismatch)?;
        for name in PAGE_FEATURE_NAMES {
            rest = rest
                .strip_prefix((name.len() as u16).to_le_bytes().as_slice())
                .and_then(|r| r.strip_prefix(name.as_bytes()))
                .ok_or(PageTypeModelError::FeatureMismatch)?;
        }
        let invalid = |why: &str| PageTypeModelError::Invalid(why.to_string());
        let mut rest = rest
            .strip_prefix((TYPES as u32).to_le_bytes().as_slice())
            .ok_or_else(|| invalid("wrong number of types"))?;
        let mut classes = Vec::with_capacity(TYPES);
        for _ in 0..TYPES {
            let (base, tail) = rest
                .split_first_chunk::<4>()
                .ok_or_else(|| invalid("truncated"))?;
            rest = tail;
            let base = f32::from_le_bytes(*base);
            let trees = lede_gbdt::read_trees(&mut rest)
                .map_err(|e| PageTypeModelError::Invalid(e.to_string()))?;
            if !base.is_finite() {
                return Err(invalid("base score is not finite"));
            }
            lede_gbdt::validate_trees(&trees, PAGE_FEATURES)
                .map_err(PageTypeModelError::Invalid)?;
            classes.push((base, trees));
        }
        if !rest.is_empty() {
            return Err(invalid("trailing data"));
        }
        Ok(PageTypeModel { classes })
    }

    /// Compiles the model for scoring.
    ///
    /// # Panics
    ///
    /// When the model does not hold one classifier per type ([`PageTypeModel::from_bytes`]
    /// checks it).
    pub fn compile(&self) -> [lede_gbdt::Forest; TYPES] {
        std::array::from_fn(|i| {
            let (base, trees) = &self.classes[i];
            lede_gbdt::Forest::new(*base, trees, PAGE_FEATURES)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The groups with a word in the lowercased `name`, a `contains` at a time.
    fn plain_groups(name: &str) -> u16 {
        let lower = name.to_ascii_lowercase();
        NAME_GROUPS
            .iter()
            .enumerate()
            .filter(|(_, (_, words))| words.iter().any(|w| lower.contains(w)))
            .fold(0u16, |mask, (group, _)| mask | 1 << group)
    }

    /// One scan of a name finds every group with a word in it, ignoring ASCII case, as
    /// a `contains` of each word in the lowercased name does.
    #[test]
    fn name_groups_are_the_words_each_name_contains() {
        for name in [
            "",
            "ProductCard",
            "comment-reply",
            "x",
            "docs-sidebar",
            "TOC",
            "ünicodé-Price",
        ] {
            assert_eq!(name_groups(name), plain_groups(name), "{name}");
        }
        assert_eq!(
            name_groups("docs-sidebar") & DOC_CLASS_GROUP,
            DOC_CLASS_GROUP
        );
        for (_, words) in NAME_GROUPS {
            for word in words {
                assert_eq!(*word, word.to_ascii_lowercase());
            }
        }
    }

    proptest::proptest! {
        /// Names glued from the groups' words, any case, with odd characters between.
        #[test]
        fn name_groups_match_contains_on_glued_names(
            pieces in proptest::collection::vec(
                (
                    proptest::sample::select(
                        NAME_GROUPS.iter().flat_map(|(_, w)| w.iter().copied()).collect::<Vec<_>>(),
                    ),
                    "[a-zA-Z_ü-]{0,3}",
                    proptest::bool::ANY,
                ),
                0..4,
            ),
        ) {
            let name: String = pieces
                .iter()
                .map(|(word, glue, upper)| {
                    let word = if *upper { word.to_ascii_uppercase() } else { (*word).to_owned() };
                    word + glue
                })
                .collect();
            proptest::prop_assert_eq!(name_groups(&name), plain_groups(&name));
        }
    }

    fn feature(name: &str) -> usize {
        PAGE_FEATURE_NAMES
            .iter()
            .position(|n| *n == name)
            .expect("a feature of that name")
    }

    #[test]
    fn prices_need_a_digit_beside_the_sign() {
        assert_eq!(prices("Now $19.99, was 25 €, or £ 3 a month"), 3);
        assert_eq!(prices("Save $$$ today"), 0);
        assert_eq!(prices("¥5 ₹5 ₽5 ₩5 ₺5 and 5¢, but not 5 ñ or ™5"), 6);
    }

    #[test]
    fn documentation_classes_are_told_from_ids() {
        let declared = [false; TYPES];
        let by_class = counts(
            &Document::parse("<div class=docs-sidebar>x</div>"),
            declared,
        );
        let by_id = counts(&Document::parse("<div id=docs-sidebar>x</div>"), declared);
        assert!(by_class.1 && !by_id.1);
        assert_eq!(by_class.0 .0[feature("doc_class")], 1.0);
        assert_eq!(by_id.0 .0[feature("doc_class")], 1.0);
    }

    #[test]
    fn rows_read_markup_address_and_the_rules_type() {
        let html = "<html><body><form><input name=q><button>Go</button></form>\
            <ul class=grid><li class=card><a href=/a>A</a> <span class=price>$10</span></li>\
            <li class=card><a href=/b>B</a> <span class=price>$12</span></li>\
            <li class=card><a href=/c>C</a></li><li class=card><a href=/d>D</a></li></ul>\
            <p>A short paragraph.</p><pre>make</pre></body></html>";
        let doc = Document::parse(html);
        let mut declared = [false; TYPES];
        declared[2] = true;
        let (c, doc_classes) = counts(&doc, declared);
        assert!(!doc_classes);
        let r = row(
            &c,
            Some("https://shop.example.com/products/red-pan-26.html?x=1"),
            PageType::Listing,
        );
        assert_eq!(r[feature("forms")], 1.0);
        assert_eq!(r[feature("inputs")], 1.0);
        assert_eq!(r[feature("pre")], 1.0);
        assert_eq!(r[feature("repeat_max")], 4.0);
        assert_eq!(r[feature("repeat_groups")], 1.0);
        assert_eq!(r[feature("named_price")], 2.0);
        assert_eq!(r[feature("prices")], 2.0);
        assert_eq!(r[feature("paragraphs")], 1.0);
        assert_eq!(r[feature("declared_product")], 1.0);
        assert_eq!(r[feature("words_product")], 1.0);
        assert_eq!(r[feature("shop_host")], 1.0);
        assert_eq!(r[feature("path_file")], 1.0);
        assert_eq!(r[feature("query")], 1.0);
        assert_eq!(r[feature("path_hyphens")], 2.0);
        assert_eq!(r[feature("rules_listing")], 1.0);
        assert_eq!(r[feature("rules_article")], 0.0);
        assert!(r[PAGE_FEATURES..].iter().all(|&v| v == 0.0));
        let bare = row(&c, None, PageType::Article);
        assert_eq!(bare[feature("has_url")], 0.0);
        assert_eq!(bare[feature("rules_article")], 1.0);
    }

    #[test]
    fn the_embedded_model_matches_the_features_and_round_trips() {
        let model = PageTypeModel::from_bytes(EMBEDDED).expect("the embedded model");
        assert_eq!(PageTypeModel::from_bytes(&model.to_bytes()), Ok(model));
        assert!(embedded().is_some());
        assert!(PageTypeModel::from_bytes(b"LEDEPTYP").is_err());
    }
}
