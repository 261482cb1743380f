//! What kind of page a document is, from what it declares about itself (schema.org types in
//! JSON-LD `@type` and microdata `itemtype`, `og:type`) and, for pages that declare nothing
//! more specific than an article, from cues in its markup and address: code blocks and
//! documentation generators' markup, forum and service paths.

use serde::{Deserialize, Serialize};

use super::ptype;
use crate::dom::{Document, NodeData, Tag};
use crate::meta::{types_of, Graph};

/// The kind of page, as far as cheap cues tell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PageType {
    /// A news story, blog post or other article.
    #[default]
    Article,
    /// A discussion thread or questions and answers: the posts are the content.
    Forum,
    /// A product page: description, specifications, offers.
    Product,
    /// A list of items that link elsewhere (search results, job boards, news indexes).
    Listing,
    /// A curated collection (a category page, a gallery of items).
    Collection,
    /// Technical documentation or a reference page.
    Documentation,
    /// A page presenting a service or an organisation.
    Service,
}

/// What a page declares: the strongest of its schema.org types and `og:type`.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Declared {
    /// The declared type, when one of the known schema.org types or `og:type` says it.
    pub(crate) page_type: Option<PageType>,
}

/// The page type a schema.org type name (or its URL) speaks for.
fn schema_type(name: &str) -> Option<PageType> {
    let name = name.rsplit(['/', ':']).next().unwrap_or(name).trim();
    Some(match name {
        "DiscussionForumPosting" | "QAPage" | "SocialMediaPosting" => PageType::Forum,
        "Product" | "ProductGroup" | "IndividualProduct" | "ProductModel" | "Offer"
        | "AggregateOffer" => PageType::Product,
        "TechArticle" | "APIReference" | "SoftwareSourceCode" | "HowTo" => PageType::Documentation,
        "Article"
        | "NewsArticle"
        | "BlogPosting"
        | "ReportageNewsArticle"
        | "AnalysisNewsArticle"
        | "OpinionNewsArticle"
        | "BackgroundNewsArticle"
        | "LiveBlogPosting"
        | "ScholarlyArticle"
        | "Report"
        | "Review"
        | "Blog" => PageType::Article,
        "CollectionPage" | "MediaGallery" | "ImageGallery" => PageType::Collection,
        "ItemList" | "SearchResultsPage" | "OfferCatalog" => PageType::Listing,
        "Service"
        | "ProfessionalService"
        | "LocalBusiness"
        | "FinancialService"
        | "SoftwareApplication"
        | "WebApplication"
        | "MedicalBusiness"
        | "LegalService" => PageType::Service,
        _ => return None,
    })
}

/// Which declared type wins when a page declares several (breadcrumbs and organisation
/// blocks sit on every kind of page; a forum thread or a product is the more specific).
fn rank(t: PageType) -> u8 {
    match t {
        PageType::Forum => 6,
        PageType::Product => 5,
        PageType::Documentation => 4,
        PageType::Article => 3,
        PageType::Collection => 2,
        PageType::Listing => 1,
        PageType::Service => 0,
    }
}

/// Reads the declared type of `doc`, whose JSON-LD is `ld`, in one pass over its elements.
pub(crate) fn declared(doc: &Document, ld: &Graph<'_>) -> Declared {
    let mut best: Option<PageType> = None;
    each_declared(doc, ld, |t| {
        if best.is_none_or(|b| rank(t) > rank(b)) {
            best = Some(t);
        }
    });
    Declared { page_type: best }
}

/// Calls `f` with every page type `doc` declares: its JSON-LD `@type`s (in `ld`), then
/// `og:type` and microdata `itemtype` in page order.
fn each_declared(doc: &Document, ld: &Graph<'_>, mut f: impl FnMut(PageType)) {
    let mut offer = |t: Option<PageType>| {
        if let Some(t) = t {
            f(t);
        }
    };
    for name in ld.types() {
        offer(schema_type(name));
    }
    for node in doc.nodes() {
        let NodeData::Element(el) = node.value() else {
            continue;
        };
        let og = el.tag() == Tag::META
            && el
                .attr("property")
                .or_else(|| el.attr("name"))
                .is_some_and(|k| k.trim().eq_ignore_ascii_case("og:type"));
        if og {
            let value = el.attr("content").unwrap_or("").trim().to_ascii_lowercase();
            offer(match value.as_str() {
                "article" | "blog" | "news" => Some(PageType::Article),
                "product" | "og:product" | "product.item" => Some(PageType::Product),
                _ => None,
            });
        }
        if let Some(types) = el.attr("itemtype") {
            for name in types.split_whitespace() {
                offer(schema_type(name));
            }
        }
    }
}

/// Words of a URL path segment that file a page as documentation.
const DOC_SEGMENTS: [&str; 16] = [
    "doc",
    "docs",
    "documentation",
    "api",
    "reference",
    "manual",
    "guide",
    "guides",
    "tutorial",
    "tutorials",
    "learn",
    "kb",
    "knowledgebase",
    "knowledge-base",
    "help",
    "support",
];
/// First labels of a host that serves documentation (`docs.example.com`).
const DOC_HOSTS: [&str; 7] = [
    "docs.",
    "developer.",
    "developers.",
    "learn.",
    "help.",
    "support.",
    "wiki.",
];
/// Parts of class names that documentation generators and code hosts put on their pages
/// (Sphinx, MkDocs, Docusaurus, Google's devsite, rendered Markdown).
pub(super) const DOC_CLASSES: [&str; 10] = [
    "rst-content",
    "md-content",
    "theme-doc",
    "docs-content",
    "doc-content",
    "documentation",
    "docs-sidebar",
    "toctree",
    "devsite",
    "markdown-body",
];
/// Names of documentation generators in `<meta name=generator>`.
pub(super) const DOC_GENERATORS: [&str; 10] = [
    "sphinx",
    "mkdocs",
    "docusaurus",
    "gitbook",
    "vitepress",
    "docsify",
    "antora",
    "jsdoc",
    "doxygen",
    "mintlify",
];
/// Parts of a page address that speak for a discussion thread.
const FORUM_URL_PARTS: [&str; 10] = [
    "forum",
    "thread",
    "topic",
    "/t/",
    "community",
    "/comments/",
    "/questions/",
    "discussion",
    "/board/",
    "/boards/",
];
/// Beginnings of a URL path segment that file a page as a service or company page
/// (`/services/`, `/pricing`, `/about-us`).
const SERVICE_SEGMENTS: [&str; 13] = [
    "service",
    "services",
    "solution",
    "solutions",
    "pricing",
    "about",
    "contact",
    "agency",
    "consulting",
    "company",
    "feature",
    "features",
    "industries",
];
/// `<code>` elements that, without any `<pre>`, count as a page's code.
const MIN_CODE_ELEMENTS: usize = 3;

/// Markup cues of a page: those of documentation for the rules, and the markup counts the
/// learned page type reads.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Cues {
    /// The page has code: a `<pre>` block, or several `<code>` elements.
    code: bool,
    /// A documentation generator's name or class names are on the page.
    generator: bool,
    /// The page's markup counts, for [`refine`].
    pub(super) counts: ptype::DocCounts,
}

/// Reads the cues of `doc`, whose JSON-LD is `ld`.
pub(crate) fn cues(doc: &Document, ld: &Graph<'_>) -> Cues {
    let mut all = [false; ptype::TYPES];
    each_declared(doc, ld, |t| {
        if let Some(i) = ptype::PAGE_TYPES.iter().position(|&p| p == t) {
            all[i] = true;
        }
    });
    let (counts, doc_classes) = ptype::counts(doc, all);
    let [pre, code, generator, ..] = counts.0;
    Cues {
        code: pre > 0.0 || code >= MIN_CODE_ELEMENTS as f32,
        generator: generator > 0.0 || doc_classes,
        counts,
    }
}

/// The host and the path (without query or fragment) of `url`, lowercased.
pub(super) fn host_and_path(url: &str) -> (String, String) {
    let url = url.trim().to_ascii_lowercase();
    let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
    let rest = &rest[..rest.find(['?', '#']).unwrap_or(rest.len())];
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    (host.to_string(), path.to_string())
}

/// Whether `url` reads as a discussion thread's address.
pub(super) fn forum_address(url: &str) -> bool {
    let u = url.to_ascii_lowercase();
    FORUM_URL_PARTS.iter().any(|p| u.contains(p))
}

/// Whether a page at `host` and `path` ([`host_and_path`]) is at a documentation address.
pub(super) fn doc_address(host: &str, path: &str) -> bool {
    path.split('/').any(|s| DOC_SEGMENTS.contains(&s))
        || DOC_HOSTS.iter().any(|h| host.starts_with(h))
}

/// Whether a segment of `path` files a page as a service or company page.
pub(super) fn service_address(path: &str) -> bool {
    path.split('/').filter(|s| !s.is_empty()).any(|s| {
        SERVICE_SEGMENTS.iter().any(|w| {
            s.strip_prefix(w)
                .is_some_and(|tail| tail.is_empty() || tail.starts_with('-'))
        })
    })
}

/// The rules' type of a page that declares itself an article or nothing, from its cues
/// and address: a forum address makes a thread; two of a documentation address, code and a
/// documentation generator's markup make documentation; a service path makes a service.
/// Any other type stands as given.
pub(crate) fn rules_type(given: PageType, cues: Cues, url: Option<&str>) -> PageType {
    if given != PageType::Article {
        return given;
    }
    if url.is_some_and(forum_address) {
        return PageType::Forum;
    }
    let (host, path) = url.map(host_and_path).unwrap_or_default();
    let docs = doc_address(&host, &path);
    if usize::from(docs) + usize::from(cues.code) + usize::from(cues.generator) >= 2 {
        return PageType::Documentation;
    }
    if service_address(&path) {
        return PageType::Service;
    }
    PageType::Article
}

/// The page type: the learned model's choice ([`ptype`]) from the page's markup counts in
/// `cues`, its address `url` and the rules' type ([`rules_type`] of `given`, the declared
/// type or what the body found), or the rules' type when no model is embedded. A listing
/// (declared, or a body of repeated cards) is never turned into an article: its body is not
/// prose.
pub(crate) fn refine(given: PageType, cues: Cues, url: Option<&str>) -> PageType {
    let rules = rules_type(given, cues, url);
    let Some(forests) = ptype::embedded() else {
        return rules;
    };
    match ptype::predict(forests, &ptype::row(&cues.counts, url, rules)) {
        PageType::Article if rules == PageType::Listing => rules,
        learned => learned,
    }
}

/// Readability's "probably readerable" test on the body: paragraphs of at least this
/// many characters count...
const READERABLE_MIN_CHARS: usize = 140;
/// ...each for the square root of its length beyond that, and the page is an article
/// when they add up to more than this.
const READERABLE_SCORE: f64 = 20.0;

/// Whether `paragraphs` read as an article by readability's rule: enough long paragraphs.
pub(crate) fn readerable(paragraphs: &[String]) -> bool {
    let mut score = 0.0;
    for p in paragraphs {
        let chars = p.chars().count();
        if chars >= READERABLE_MIN_CHARS {
            score += ((chars - READERABLE_MIN_CHARS) as f64).sqrt();
            if score > READERABLE_SCORE {
                return true;
            }
        }
    }
    false
}

/// A product description shorter than this (in characters) is a tag line, not a text.
const MIN_PRODUCT_DESCRIPTION_CHARS: usize = 100;
/// A product description counts as missing from the body when less than this share of its
/// words are words of the body.
const PRODUCT_DESCRIPTION_SHARE: f64 = 0.5;
/// The longest `description` of a schema.org product (`Product`, `ProductGroup`, ...) in the
/// page's JSON-LD `ld`, as plain text (its markup and entities resolved, white space
/// collapsed), when it has at least [`MIN_PRODUCT_DESCRIPTION_CHARS`] characters and reads
/// as text (words between spaces, not an escaped blob).
pub(crate) fn product_description(ld: &Graph<'_>) -> Option<String> {
    let mut best: Option<String> = None;
    for map in ld.typed() {
        if !types_of(map).any(is_product) {
            continue;
        }
        if let Some(text) = map
            .get("description")
            .and_then(|d| d.as_str())
            .map(plain_text)
        {
            if best.as_ref().is_none_or(|b| text.len() > b.len()) {
                best = Some(text);
            }
        }
    }
    best.filter(|d| {
        d.chars().count() >= MIN_PRODUCT_DESCRIPTION_CHARS
            && d.split(' ').count() * 20 >= d.chars().count()
    })
}

/// Whether the schema.org type `name` is a product itself (not an offer of one).
fn is_product(name: &str) -> bool {
    schema_type(name) == Some(PageType::Product) && !name.ends_with("Offer")
}

/// The text of an HTML fragment: its text nodes joined by spaces, white space collapsed.
fn plain_text(html: &str) -> String {
    let doc = Document::parse(html);
    let mut out = String::new();
    for node in doc.nodes() {
        if let NodeData::Text(t) = node.value() {
            for word in t.split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
    }
    out
}

/// Whether `text` is missing from `paragraphs`: fewer than [`PRODUCT_DESCRIPTION_SHARE`] of
/// its words (lowercased runs of letters and digits) are words of the paragraphs.
pub(crate) fn missing_from(paragraphs: &[String], text: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let body: std::collections::HashSet<String> =
        paragraphs.iter().flat_map(|p| words(p)).collect();
    let own = words(text);
    let found = own.iter().filter(|w| body.contains(*w)).count();
    (found as f64) < PRODUCT_DESCRIPTION_SHARE * own.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::JsonLd;

    fn declared_of(html: &str) -> Option<PageType> {
        let doc = Document::parse(html);
        declared(&doc, &JsonLd::parse(&doc).graph()).page_type
    }

    fn cues_of(html: &str) -> Cues {
        let doc = Document::parse(html);
        cues(&doc, &JsonLd::parse(&doc).graph())
    }

    fn product_description_of(html: &str) -> Option<String> {
        product_description(&JsonLd::parse(&Document::parse(html)).graph())
    }

    #[test]
    fn the_most_specific_declared_type_wins() {
        let html = r#"<script type="application/ld+json">{"@type":"BreadcrumbList"}</script>
            <script type="application/ld+json">{"@type":"NewsArticle"}</script>
            <div itemscope itemtype="https://schema.org/DiscussionForumPosting"></div>"#;
        assert_eq!(declared_of(html), Some(PageType::Forum));
        let html = r#"<meta property="og:type" content="product"><p>x</p>"#;
        assert_eq!(declared_of(html), Some(PageType::Product));
        assert_eq!(declared_of("<p>Nothing said.</p>"), None);
    }

    #[test]
    fn cues_and_address_refine_an_article() {
        let article = PageType::Article;
        let docs = cues_of("<div class=rst-content><pre>cargo add lede</pre></div>");
        assert_eq!(rules_type(article, docs, None), PageType::Documentation);
        let code = cues_of("<pre>make</pre><p>Text.</p>");
        assert_eq!(rules_type(article, code, None), PageType::Article);
        assert_eq!(
            rules_type(article, code, Some("https://example.com/docs/install")),
            PageType::Documentation
        );
        let plain = cues_of("<p>Text.</p>");
        assert_eq!(
            rules_type(
                article,
                plain,
                Some("https://example.org/forum/viewtopic.php?t=9")
            ),
            PageType::Forum
        );
        assert_eq!(
            rules_type(
                article,
                plain,
                Some("https://example.net/services/seo-audit")
            ),
            PageType::Service
        );
        assert_eq!(
            rules_type(
                article,
                plain,
                Some("https://example.net/servicemaster-news")
            ),
            PageType::Article
        );
        assert_eq!(
            rules_type(PageType::Product, docs, Some("https://docs.example.com/")),
            PageType::Product
        );
    }

    #[test]
    fn readerable_needs_enough_long_paragraphs() {
        let long = "word ".repeat(120);
        assert!(readerable(&[long.clone(), long.clone()]));
        assert!(!readerable(&vec!["Short line.".to_string(); 40]));
        assert!(!readerable(&[]));
    }

    #[test]
    fn a_product_description_missing_from_the_body_is_found() {
        let html = r#"<script type="application/ld+json">{"@graph":[{"@type":"Offer",
            "description":"An offer that says a great deal about nothing in particular at all, honestly."},
            {"@type":["Product"],"description":"<p>Soft&amp;warm wool socks,</p><p>knitted in Portugal from merino yarn that keeps feet warm and dry on long walks.</p>"}]}</script>"#;
        let d = product_description_of(html).unwrap();
        assert_eq!(
            d,
            "Soft&warm wool socks, knitted in Portugal from merino yarn that keeps feet warm and dry on long walks."
        );
        assert!(missing_from(&["Add to cart".to_string()], &d));
        assert!(!missing_from(&[format!("Details: {d}")], &d));
        let blob = r#"<script type="application/ld+json">{"@type":"Product","description":"An%20elegant%20sofa%20embodying%20a%20curved%20design%20and%20a%20harmonious%20look%20for%20any%20room"}</script>"#;
        assert_eq!(product_description_of(blob), None);
        let short = r#"<script type="application/ld+json">{"@type":"Product","description":"Handy tool."}</script>"#;
        assert_eq!(product_description_of(short), None);
    }
}
