//! What kind of page a document is, from what it declares about itself: schema.org types
//! (JSON-LD `@type`, microdata `itemtype`) and `og:type`.

use serde::{Deserialize, Serialize};

use crate::dom::{Document, NodeData, Tag};

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

/// Reads the declared type of `doc` in one pass over its elements.
pub(crate) fn declared(doc: &Document) -> Declared {
    let mut best: Option<PageType> = None;
    let mut offer = |t: Option<PageType>| {
        if let Some(t) = t {
            if best.is_none_or(|b| rank(t) > rank(b)) {
                best = Some(t);
            }
        }
    };
    for node in doc.nodes() {
        let NodeData::Element(el) = node.value() else {
            continue;
        };
        match el.tag() {
            Tag::META => {
                let og = el
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
            }
            Tag::SCRIPT if el.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                for_each_ld_type(&node.text(), |name| offer(schema_type(name)));
            }
            _ => {}
        }
        if let Some(types) = el.attr("itemtype") {
            for name in types.split_whitespace() {
                offer(schema_type(name));
            }
        }
    }
    Declared { page_type: best }
}

/// Calls `f` with every string value of an `"@type"` key in JSON-LD text (a string or an
/// array of strings), without parsing the rest of the document.
fn for_each_ld_type(json: &str, mut f: impl FnMut(&str)) {
    let bytes = json.as_bytes();
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&bytes[at..], b"\"@type\"") {
        let mut i = at + found + 7;
        let skip_space = |i: &mut usize| {
            while *i < bytes.len() && bytes[*i].is_ascii_whitespace() {
                *i += 1;
            }
        };
        skip_space(&mut i);
        if bytes.get(i) != Some(&b':') {
            at = i;
            continue;
        }
        i += 1;
        skip_space(&mut i);
        let in_array = bytes.get(i) == Some(&b'[');
        if in_array {
            i += 1;
        }
        loop {
            skip_space(&mut i);
            if bytes.get(i) != Some(&b'"') {
                break;
            }
            let start = i + 1;
            let Some(len) = memchr::memchr(b'"', &bytes[start..]) else {
                break;
            };
            f(&json[start..start + len]);
            i = start + len + 1;
            skip_space(&mut i);
            if !in_array || bytes.get(i) != Some(&b',') {
                break;
            }
            i += 1;
        }
        at = i.min(bytes.len());
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

#[cfg(test)]
mod tests {
    use super::*;

    fn declared_of(html: &str) -> Option<PageType> {
        declared(&Document::parse(html)).page_type
    }

    #[test]
    fn json_ld_types_in_strings_arrays_and_graphs() {
        let mut seen = Vec::new();
        for_each_ld_type(
            r#"{"@graph":[{"@type" : "WebSite"},{"@type":["Product", "Thing"]}],"x":"@type"}"#,
            |t| seen.push(t.to_string()),
        );
        assert_eq!(seen, ["WebSite", "Product", "Thing"]);
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
    fn readerable_needs_enough_long_paragraphs() {
        let long = "word ".repeat(120);
        assert!(readerable(&[long.clone(), long.clone()]));
        assert!(!readerable(&vec!["Short line.".to_string(); 40]));
        assert!(!readerable(&[]));
    }
}
