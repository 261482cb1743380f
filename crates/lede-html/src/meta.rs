//! Article metadata: JSON-LD, OpenGraph and `<meta>` tags, `<time>`, `<html lang>`.

use std::collections::HashMap;

use crate::dom::{Document, NodeData, Tag};
use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat};
use serde_json::Value;

use crate::Article;

/// JSON-LD `@type`s that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "AnalysisNewsArticle",
    "Article",
    "BlogPosting",
    "LiveBlogPosting",
    "NewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "Report",
    "ReviewNewsArticle",
    "TechArticle",
];

/// Most JSON-LD values visited per page, a bound on work for hostile input.
const MAX_JSON_VALUES: usize = 100_000;

/// Raw fields gathered from one pass over the document.
#[derive(Default)]
struct Found {
    lang: Option<String>,
    title: Option<String>,
    /// `<meta>` content keyed by lowercase `property`, `name` or `itemprop`; first one wins.
    meta: HashMap<String, String>,
    json_ld: Vec<String>,
    time: Option<String>,
}

/// Reads the metadata of `doc` into an [`Article`] with empty body, and returns the
/// JSON-LD `articleBody` paragraphs (empty when absent).
pub fn metadata(doc: &Document, url: Option<&str>) -> (Article, Vec<String>) {
    let found = gather(doc);
    let ld = found
        .json_ld
        .iter()
        .filter_map(|text| serde_json::from_str::<Value>(text).ok())
        .find_map(|v| find_article(&v).cloned())
        .unwrap_or(Value::Null);
    let meta = |key: &str| {
        found
            .meta
            .get(key)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    };

    let title = ld_str(&ld, "headline")
        .or_else(|| meta("og:title"))
        .or_else(|| meta("twitter:title"))
        .map(str::to_string)
        .or(found.title.clone())
        .unwrap_or_default();

    let mut authors = ld_authors(&ld);
    if authors.is_empty() {
        for key in [
            "author",
            "article:author",
            "dc.creator",
            "byl",
            "parsely-author",
        ] {
            if let Some(value) = meta(key).filter(|v| !v.starts_with("http")) {
                authors.push(value.trim_start_matches("By ").trim().to_string());
            }
        }
    }
    let mut unique = Vec::new();
    for author in authors {
        if !author.is_empty() && !unique.contains(&author) {
            unique.push(author);
        }
    }

    let published = ld_str(&ld, "datePublished")
        .or_else(|| {
            [
                "article:published_time",
                "og:published_time",
                "datepublished",
                "date",
                "pubdate",
                "publishdate",
                "dc.date",
                "dcterms.created",
                "parsely-pub-date",
                "sailthru.date",
            ]
            .into_iter()
            .find_map(meta)
        })
        .map(str::to_string)
        .or(found.time.clone())
        .map(|d| normalize_date(&d));

    let site_name = meta("og:site_name")
        .or_else(|| ld.get("publisher").and_then(|p| ld_str(p, "name")))
        .or_else(|| meta("application-name"))
        .map(str::to_string)
        .or_else(|| url.and_then(host));

    let language = found
        .lang
        .clone()
        .or_else(|| ld_str(&ld, "inLanguage").map(str::to_string))
        .or_else(|| meta("content-language").map(str::to_string))
        .or_else(|| meta("og:locale").map(|l| l.replace('_', "-")))
        .filter(|l| !l.is_empty());

    let ld_body = ld_str(&ld, "articleBody")
        .map(|body| {
            body.lines()
                .map(collapse)
                .filter(|l| !l.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let article = Article {
        title: collapse(&title),
        authors: unique,
        published,
        site_name,
        language,
        ..Article::default()
    };
    (article, ld_body)
}

/// One pass over the document collecting the raw metadata fields.
fn gather(doc: &Document) -> Found {
    let mut found = Found::default();
    for node in doc.nodes() {
        let NodeData::Element(el) = node.value() else {
            continue;
        };
        match el.tag() {
            Tag::HTML if found.lang.is_none() => {
                found.lang = el.attr("lang").map(|l| l.trim().to_string());
            }
            Tag::TITLE if found.title.is_none() => {
                let text = node.text();
                found.title = Some(strip_site_suffix(&text));
            }
            Tag::META => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"))
                    .or_else(|| el.attr("http-equiv"));
                if let (Some(key), Some(content)) = (key, el.attr("content")) {
                    found
                        .meta
                        .entry(key.trim().to_ascii_lowercase())
                        .or_insert_with(|| content.trim().to_string());
                }
            }
            Tag::SCRIPT if el.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                found.json_ld.push(node.text());
            }
            Tag::TIME if found.time.is_none() => {
                found.time = el.attr("datetime").map(str::to_string);
            }
            _ => {}
        }
    }
    found
}

/// `Headline | Site` and `Headline - Site` become `Headline`.
fn strip_site_suffix(title: &str) -> String {
    let title = collapse(title);
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some(at) = title.rfind(sep) {
            if at > title.len() / 2 {
                return title[..at].to_string();
            }
        }
    }
    title
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first object in `root` (arrays and `@graph` included) whose `@type` is an article.
fn find_article(root: &Value) -> Option<&Value> {
    let mut stack = vec![root];
    let mut visited = 0;
    while let Some(value) = stack.pop() {
        visited += 1;
        if visited > MAX_JSON_VALUES {
            return None;
        }
        match value {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                let is_article = match map.get("@type") {
                    Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                    Some(Value::Array(ts)) => ts
                        .iter()
                        .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                    _ => false,
                };
                if is_article {
                    return Some(value);
                }
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
            }
            _ => {}
        }
    }
    None
}

fn ld_str<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    match value.get(key)? {
        Value::String(s) => Some(s.trim()).filter(|s| !s.is_empty()),
        Value::Array(items) => items.first().and_then(Value::as_str),
        _ => None,
    }
}

fn ld_authors(ld: &Value) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(collapse(s)),
        Value::Object(_) => ld_str(v, "name").map(collapse),
        _ => None,
    };
    match ld.get("author") {
        Some(Value::Array(items)) => items.iter().filter_map(one).collect(),
        Some(v) => one(v).into_iter().collect(),
        None => Vec::new(),
    }
}

fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// Rewrites a date to ISO 8601 when it parses; otherwise returns it trimmed.
pub fn normalize_date(raw: &str) -> String {
    let raw = raw.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(raw) {
        return dt.to_rfc3339_opts(SecondsFormat::Secs, true);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(raw) {
        return dt.to_rfc3339_opts(SecondsFormat::Secs, true);
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%d %H:%M:%S %z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(raw, format) {
            return dt.to_rfc3339_opts(SecondsFormat::Secs, true);
        }
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(raw, format) {
            return dt.format("%Y-%m-%dT%H:%M:%S").to_string();
        }
    }
    for format in [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%B %d, %Y",
        "%b %d, %Y",
        "%d %B %Y",
        "%Y%m%d",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(raw, format) {
            return d.format("%Y-%m-%d").to_string();
        }
    }
    raw.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_iso_8601() {
        assert_eq!(
            normalize_date("2019-11-19T08:03:00.000Z"),
            "2019-11-19T08:03:00Z"
        );
        assert_eq!(
            normalize_date("Tue, 19 Nov 2019 08:03:00 +0100"),
            "2019-11-19T08:03:00+01:00"
        );
        assert_eq!(
            normalize_date("2019-11-19T08:03:00+0000"),
            "2019-11-19T08:03:00Z"
        );
        assert_eq!(normalize_date("November 19, 2019"), "2019-11-19");
        assert_eq!(normalize_date("2019-11-19"), "2019-11-19");
        assert_eq!(normalize_date(" last Tuesday "), "last Tuesday");
    }

    #[test]
    fn json_ld_graph_and_author_list() {
        let html = r#"<html lang="en-GB"><head>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"x"},
              {"@type":["NewsArticle"],"headline":"Big news","datePublished":"2020-01-02T03:04:05Z",
               "author":[{"@type":"Person","name":"Ann Lee"},"Bo Chan"],
               "publisher":{"@type":"Organization","name":"The Paper"}}]}</script>
            <meta property="og:title" content="OG title"></head><body></body></html>"#;
        let (article, body) = metadata(&Document::parse(html), None);
        assert!(body.is_empty());
        assert_eq!(article.title, "Big news");
        assert_eq!(article.authors, ["Ann Lee", "Bo Chan"]);
        assert_eq!(article.published.as_deref(), Some("2020-01-02T03:04:05Z"));
        assert_eq!(article.site_name.as_deref(), Some("The Paper"));
        assert_eq!(article.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn meta_tags_and_fallbacks() {
        let html = r#"<html><head><title>Storm hits coast | Gazette</title>
            <meta name="author" content="By Jo Park">
            <meta property="og:locale" content="en_US">
            </head><body><time datetime="2021-05-06">May 6</time></body></html>"#;
        let (article, _) = metadata(&Document::parse(html), Some("https://www.gazette.test/a"));
        assert_eq!(article.title, "Storm hits coast");
        assert_eq!(article.authors, ["Jo Park"]);
        assert_eq!(article.published.as_deref(), Some("2021-05-06"));
        assert_eq!(article.site_name.as_deref(), Some("gazette.test"));
        assert_eq!(article.language.as_deref(), Some("en-US"));
    }
}
