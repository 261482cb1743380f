//! Article extraction from HTML news pages.
//!
//! The entry points are [`extract`] (an HTML string) and [`extract_bytes`] (raw bytes whose
//! charset is detected from the BOM, an HTTP `Content-Type` or `<meta>`). [`decode`] turns
//! untrusted document bytes into text for every input path of lede. Downloading lives in the
//! `lede-fetch` crate.
//!
//! ```
//! let html = r#"<html lang="en"><head><title>Rain | Daily Planet</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/news">News</a></nav>
//!   <article><h1>Rain</h1>
//!   <p>It rained all day in Metropolis, and the streets were full of umbrellas by noon.</p>
//!   <p>Forecasters expect the weather to clear up on Sunday, just in time for the parade.</p>
//!   </article></body></html>"#;
//! let article = lede_html::extract(html, None).unwrap();
//! assert_eq!(article.paragraphs.len(), 2);
//! assert_eq!(article.language.as_deref(), Some("en"));
//! ```

mod content;
pub mod decode;
mod dom;
mod keys;
mod meta;

use serde::{Deserialize, Serialize};

/// The learned block classifier's features and model file, for its training program.
#[doc(hidden)]
pub use content::classify;
/// The learned page type's features and model file, for its training program.
#[doc(hidden)]
pub use content::ptype;
pub use content::{BlockKind, PageType};

/// The text blocks of `html` with their classifier features, from the extractor's first
/// (`strict`) or second walk, for the block classifier's training program (`url`: the
/// page's address, for its page type).
#[doc(hidden)]
pub fn training_blocks(
    html: &str,
    strict: bool,
    url: Option<&str>,
) -> Vec<(String, classify::BlockRow)> {
    classify::training_blocks(&dom::Document::parse(html), strict, url)
}
pub use decode::decode_html;

/// Largest HTML input (in bytes) that [`extract`] and [`extract_bytes`] accept.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// The page text is replaced by the JSON-LD `articleBody` when that is this many times longer.
const LD_BODY_RATIO: usize = 4;

/// A product page whose body has fewer characters than this, and fewer than its own
/// description, gets the description (JSON-LD or `og:description`) as its first paragraph:
/// shops often render the description only from script.
const PRODUCT_BODY_CHARS: usize = 200;

/// A page whose body has fewer characters than this is read again from its largest
/// `<noscript>` block (forums such as Discourse serve their posts only there to readers
/// without script).
const NOSCRIPT_BODY_CHARS: usize = 500;
/// The smallest `<noscript>` block (in bytes) worth reading as a page.
const NOSCRIPT_MIN_BYTES: usize = 2048;

/// The article found in a page: its metadata and its clean body text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Headline (JSON-LD, OpenGraph, `<h1>` or `<title>`), empty when none was found.
    pub title: String,
    /// Author names, in page order, without duplicates.
    pub authors: Vec<String>,
    /// Publication date in ISO 8601 (`YYYY-MM-DD` when only the day is known) from the
    /// first source that reads as a date; when none does, the first value that names a
    /// year, as the page wrote it.
    pub published: Option<String>,
    /// Publisher or site name.
    pub site_name: Option<String>,
    /// Language tag in BCP 47 form, such as `en` or `en-GB` (from `<html lang>`,
    /// `Content-Language`, JSON-LD or `og:locale`; `en_gb` is written `en-GB`).
    pub language: Option<String>,
    /// The page's own summary (JSON-LD, OpenGraph, Twitter card or `<meta name=description>`).
    #[serde(default)]
    pub description: Option<String>,
    /// The canonical address (`<link rel=canonical>`, `og:url`, JSON-LD `url`), made
    /// absolute against the page URL.
    #[serde(default)]
    pub canonical_url: Option<String>,
    /// The lead image (OpenGraph, Twitter card, JSON-LD `image`, `<link rel=image_src>`),
    /// made absolute against the page URL (or the canonical one).
    #[serde(default)]
    pub image_url: Option<String>,
    /// Tags and keywords (`article:tag`, JSON-LD `keywords`, `<meta name=news_keywords|keywords>`),
    /// without duplicates.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Body paragraphs in reading order (no navigation, ads, captions, comments).
    pub paragraphs: Vec<String>,
    /// Publisher bullet highlights shown above the story (Daily Mail, CNN); never in `paragraphs`.
    pub highlights: Vec<String>,
    /// The kind of page, chosen by a learned model (trained on WCXB's labelled pages) from
    /// what the page declares (schema.org types, `og:type`), the words of its address, its
    /// markup (forms, code blocks, headings, paragraphs, links, repeated cards, prices,
    /// comments) and the rules' type: the declared type, else `listing` when the body is a
    /// run of repeated cards, else `forum`, `documentation` or `service` when the address
    /// and markup say so, else `article`.
    #[serde(default)]
    pub page_type: PageType,
    /// Whether the body reads as an article (readability's "probably readerable": enough
    /// paragraphs of 140 characters or more) rather than cards, menus or scraps.
    #[serde(default)]
    pub readerable: bool,
    /// What each paragraph is in the page (heading, list item, quote, code, table row),
    /// index for index with `paragraphs`; empty for an article built by hand, whose
    /// paragraphs are then all plain. Used by [`Article::markdown`]; not serialised.
    #[serde(skip)]
    pub kinds: Vec<BlockKind>,
    /// Whether each paragraph is running text that a summary may quote, index for index
    /// with `paragraphs`: false for code, table rows, and list items or loose lines that
    /// neither end a sentence nor run long (line-ups, cast lists, menus). Empty for an article built by hand, whose paragraphs are then all
    /// prose. Not serialised.
    #[serde(skip)]
    pub prose: Vec<bool>,
    /// The index in `paragraphs` of the standfirst, when the page marks one: the
    /// publisher's own summary paragraph that opens the body (an element named `lead`,
    /// `intro`, `teaser`, `standfirst`, `summary`, `dek`, `vorspann`, `chapo`,
    /// `entradilla` ...; a heading right after the `<h1>` headline; or the first paragraph
    /// set all in bold), among the first three paragraphs, of eight words or more and with
    /// body text after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standfirst: Option<usize>,
}

impl Article {
    /// The body text: paragraphs joined by a blank line.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    /// The article as Markdown: the title as a top heading, then the paragraphs with
    /// their structure (headings, `-` list items, `>` quotes, fenced code, tables).
    pub fn markdown(&self) -> String {
        content::markdown::render(&self.title, &self.paragraphs, &self.kinds)
    }

    /// Whether no body text was found.
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// Whether the page holds an article worth summarizing: a body that is
    /// [`readerable`](Self::readerable), or any body on a page of type article or service
    /// (a short story is still a story, and the learned page type calls many short stories
    /// service pages). Listings, collections, threads, products and documentation whose body
    /// is not readerable are not.
    pub fn has_article(&self) -> bool {
        !self.is_empty()
            && (self.readerable || matches!(self.page_type, PageType::Article | PageType::Service))
    }
}

/// Why a page could not be turned into an article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    /// The input is larger than [`MAX_INPUT_BYTES`].
    #[error("page is too large: {size} bytes (limit {limit})")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The input looks like binary data (an image, a PDF, an archive), not HTML.
    #[error("input is binary data, not HTML")]
    Binary,
}

/// Extracts the article from an HTML document.
///
/// `url` is the page address when known: relative links (canonical, image) are resolved
/// against it, and it is the last source of the site name and publication date.
/// A page with no recognisable article yields an [`Article`] with empty `paragraphs`.
pub fn extract(html: &str, url: Option<&str>) -> Result<Article, ExtractError> {
    extract_with(html, url, classify::embedded())
}

/// [`extract_bytes`] by the rules alone, without the block classifier, for the
/// classifier's training program.
#[doc(hidden)]
pub fn extract_bytes_by_rules(bytes: &[u8], url: Option<&str>) -> Result<Article, ExtractError> {
    check_size(bytes.len())?;
    if decode::looks_binary(bytes) {
        return Err(ExtractError::Binary);
    }
    extract_with(&decode_html(bytes, None), url, None)
}

/// [`extract`] with the block classifier `blocks`, or by the rules alone.
fn extract_with(
    html: &str,
    url: Option<&str>,
    blocks: Option<&lede_gbdt::Forest>,
) -> Result<Article, ExtractError> {
    check_size(html.len())?;
    if decode::looks_binary(html.as_bytes()) {
        return Err(ExtractError::Binary);
    }
    let doc = dom::Document::parse(html);
    let json_ld = meta::JsonLd::parse(&doc);
    let ld = json_ld.graph();
    let meta::Metadata {
        mut article,
        ld_body,
        mut text_byline,
    } = meta::metadata(&doc, &ld, url);
    let mut declared = content::declared(&doc, &ld).page_type;
    let mut body = content::body(&doc, declared);
    let chars = |ps: &[String]| ps.iter().map(|p| p.chars().count()).sum::<usize>();
    if chars(&body.paragraphs) < NOSCRIPT_BODY_CHARS {
        if let Some(inner) = largest_noscript(html).filter(|n| n.len() >= NOSCRIPT_MIN_BYTES) {
            let inner_doc = dom::Document::parse(inner);
            let fallback = content::body(&inner_doc, declared);
            if chars(&fallback.paragraphs) > chars(&body.paragraphs) {
                body.paragraphs = fallback.paragraphs;
                body.kinds = fallback.kinds;
                body.prose = fallback.prose;
                body.cards = fallback.cards;
                let inner_ld = meta::JsonLd::parse(&inner_doc);
                let inner_graph = inner_ld.graph();
                declared = declared.or(content::declared(&inner_doc, &inner_graph).page_type);
                // The posts' authors and dates are marked up only there too.
                let inner = meta::metadata(&inner_doc, &inner_graph, url);
                if article.authors.is_empty() {
                    article.authors = inner.article.authors;
                    text_byline = inner.text_byline;
                }
                if article.published.is_none() {
                    article.published = inner.article.published;
                }
            }
        }
    }
    let cues = content::cues(&doc, &ld);
    if let Some(forest) = blocks {
        content::add_classified(&doc, (declared, url, cues), forest, &mut body);
    }
    let given = body.given(declared);
    article.paragraphs = body.paragraphs;
    article.kinds = body.kinds;
    article.prose = body.prose;
    // Pages rendered by script carry the story only in their JSON-LD: use it when the
    // page itself shows much less text than that.
    if LD_BODY_RATIO * chars(&article.paragraphs) < chars(&ld_body) {
        article.kinds = vec![BlockKind::Paragraph; ld_body.len()];
        article.prose = vec![true; ld_body.len()];
        article.paragraphs = ld_body;
    }
    article.highlights = body.highlights;
    article.page_type = content::refine(given, cues, url);
    if text_byline
        && !matches!(
            article.page_type,
            PageType::Article | PageType::Forum | PageType::Documentation
        )
    {
        article.authors.clear();
    }
    let body_chars = chars(&article.paragraphs);
    if let Some(description) = article.description.as_ref().filter(|d| {
        article.page_type == PageType::Product
            && body_chars < PRODUCT_BODY_CHARS
            && d.chars().count() > body_chars
    }) {
        article.paragraphs.insert(0, description.clone());
        article.kinds.insert(0, BlockKind::Paragraph);
        article.prose.insert(0, true);
    }
    // Shops often keep the product's own text only in its JSON-LD, the page showing
    // specifications or reviews instead.
    if article.page_type == PageType::Product {
        if let Some(description) = content::product_description(&ld)
            .filter(|d| content::missing_from(&article.paragraphs, d))
        {
            article.paragraphs.insert(0, description);
            article.kinds.insert(0, BlockKind::Paragraph);
            article.prose.insert(0, true);
        }
    }
    if article.title.is_empty() {
        article.title = body.heading.unwrap_or_default();
    }
    // The headline repeated as a heading of the body is not body text, nor, on a forum, a
    // block that is only a number: a post's vote count or reply count.
    let title = article.title.to_lowercase();
    let counters = article.page_type == PageType::Forum;
    let keep: Vec<bool> = article
        .paragraphs
        .iter()
        .map(|p| p.to_lowercase() != title && !(counters && bare_number(p)))
        .collect();
    let mut flags = keep.iter();
    article
        .paragraphs
        .retain(|_| *flags.next().unwrap_or(&true));
    let mut flags = keep.iter();
    article.kinds.retain(|_| *flags.next().unwrap_or(&true));
    let mut flags = keep.iter();
    article.prose.retain(|_| *flags.next().unwrap_or(&true));
    article.readerable = !body.cards && content::readerable(&article.paragraphs);
    let laid = content::standfirst::Body {
        paragraphs: &article.paragraphs,
        kinds: &article.kinds,
        prose: &article.prose,
    };
    article.standfirst = content::standfirst::find(&doc, &laid).map(|(i, _)| i);
    Ok(article)
}

/// Whether `text` is a number alone ("67", "-2", "1,204", "4.5").
fn bare_number(text: &str) -> bool {
    let text = text.trim().trim_start_matches(['-', '+', '−']);
    text.starts_with(|c: char| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// Extracts the article from raw page bytes, detecting the charset.
///
/// The charset comes from a byte-order mark, else `content_type` (an HTTP `Content-Type`
/// header value such as `text/html; charset=windows-1252`), else a `<meta charset>` or
/// `<meta http-equiv="Content-Type">` near the top of the page, else UTF-8 when the bytes
/// are valid UTF-8, else windows-1252.
pub fn extract_bytes(
    bytes: &[u8],
    content_type: Option<&str>,
    url: Option<&str>,
) -> Result<Article, ExtractError> {
    check_size(bytes.len())?;
    if decode::looks_binary(bytes) {
        return Err(ExtractError::Binary);
    }
    let html = decode_html(bytes, content_type);
    extract(&html, url)
}

/// The content of the largest `<noscript>` element of `html`, as written.
fn largest_noscript(html: &str) -> Option<&str> {
    let lower = html.to_ascii_lowercase();
    let mut best: Option<&str> = None;
    let mut at = 0;
    while let Some(open) = memchr::memmem::find(&lower.as_bytes()[at..], b"<noscript") {
        let open = at + open;
        let Some(gt) = memchr::memchr(b'>', &lower.as_bytes()[open..]) else {
            break;
        };
        let start = open + gt + 1;
        let end = memchr::memmem::find(&lower.as_bytes()[start..], b"</noscript")
            .map_or(html.len(), |e| start + e);
        // ASCII lowercasing keeps byte offsets, and both ends sit next to ASCII `<` and `>`.
        let inner = &html[start..end];
        if best.is_none_or(|b| inner.len() > b.len()) {
            best = Some(inner);
        }
        at = end;
    }
    best
}

fn check_size(size: usize) -> Result<(), ExtractError> {
    if size > MAX_INPUT_BYTES {
        return Err(ExtractError::TooLarge {
            size,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(())
}
