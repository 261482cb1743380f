//! Article metadata: JSON-LD, OpenGraph, Twitter cards and `<meta>` tags, `<link>`,
//! `<time>`, microdata, bylines and `<html lang>`.

mod author;
mod date;
mod lang;
mod ld;
mod link;

use std::collections::HashMap;

use crate::dom::{Document, Element, NodeData, NodeRef, Tag};
use serde_json::Value;

use crate::Article;

pub(crate) use ld::{types_of, Graph, JsonLd};

/// The JSON-LD of a page without an article object.
static NULL: Value = Value::Null;

/// Most tags kept for one page.
const MAX_TAGS: usize = 50;

/// Longest byline read from the page body, in characters.
const MAX_BYLINE_CHARS: usize = 200;

/// Longest text searched for a written date.
const MAX_DATE_TEXT_BYTES: usize = 80;

/// Most `<h1>` elements read per page.
const MAX_H1: usize = 3;

/// Share of words an `<h1>` must have in common with the page's `<title>` or `og:title` to
/// be taken as the headline (Jaccard index over lower-cased words).
const H1_OVERLAP: f64 = 0.2;

/// Most byline elements read per page, a bound on work for hostile input.
const MAX_BYLINES: usize = 10;

/// Raw fields gathered from one pass over the document.
#[derive(Default)]
struct Found {
    lang: Option<String>,
    title: Option<String>,
    /// The first few non-empty `<h1>` texts.
    h1: Vec<String>,
    /// `<meta>` contents keyed by lowercase `property`, `name` or `itemprop`, in page order.
    meta: HashMap<String, Vec<String>>,
    /// `<link rel=…>` targets keyed by each lowercase `rel` word, in page order.
    links: HashMap<String, Vec<String>>,
    time: Option<String>,
    /// Microdata `datePublished` on elements other than `<meta>`.
    item_date: Option<String>,
    /// The first date written in a short text of the page.
    text_date: Option<String>,
    /// Text of elements marked as the author (`itemprop=author`, `rel=author`, `byline`).
    bylines: Vec<String>,
    /// Bylines written as text near the headline ("By Amy Wilhelm").
    text_bylines: author::TextBylines,
}

impl Found {
    /// The first non-empty `<meta>` value of `key`.
    fn meta(&self, key: &str) -> Option<&str> {
        self.metas(key).next()
    }

    /// Every non-empty `<meta>` value of `key`.
    fn metas<'a>(&'a self, key: &str) -> impl Iterator<Item = &'a str> {
        self.meta
            .get(key)
            .into_iter()
            .flatten()
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }

    fn link(&self, rel: &str) -> Option<&str> {
        self.links.get(rel)?.first().map(String::as_str)
    }
}

/// What [`metadata`] reads from a page.
pub(crate) struct Metadata {
    /// The page's fields, with an empty body.
    pub article: Article,
    /// The JSON-LD `articleBody` paragraphs (empty when absent).
    pub ld_body: Vec<String>,
    /// The authors come only from a byline written as text ("By Amy Wilhelm"): on a shop
    /// or a listing such a line names a brand or a card's author instead.
    pub text_byline: bool,
}

/// Reads the metadata of `doc`, whose JSON-LD is `graph`. `url` is the page's address: the
/// base of relative links and the last source of a publication date.
pub(crate) fn metadata(doc: &Document, graph: &Graph<'_>, url: Option<&str>) -> Metadata {
    let found = gather(doc);
    let ld = graph.article.or(graph.other_work).unwrap_or(&NULL);
    let meta = |key: &str| found.meta(key);

    let site_name = meta("og:site_name")
        .or_else(|| {
            ld.get("publisher")
                .and_then(|p| ld_str(graph.resolve(p), "name"))
        })
        .or_else(|| meta("application-name"))
        .map(collapse)
        .or_else(|| url.and_then(host));

    let title = title(&found, graph.article.unwrap_or(&NULL), site_name.as_deref());
    let (authors, text_byline) = authors(&found, graph, graph.article.unwrap_or(&NULL));

    let language = [
        found.lang.as_deref(),
        meta("content-language"),
        ld_str(ld, "inLanguage"),
        meta("og:locale"),
    ]
    .into_iter()
    .flatten()
    .find_map(lang::normalize);
    // Day and month of a numeric date that could be either: month first in American
    // English, day first elsewhere.
    let month_first = language.as_deref().is_some_and(date::month_first);
    // The first source whose value reads as a date; a value that is none ("PT15M", opening
    // hours) gives way to the next source, and only when no source reads as a date is the
    // first one that names a year kept as the page wrote it.
    let candidates = std::iter::once(ld_str(ld, "datePublished"))
        .chain(
            [
                "article:published_time",
                "og:published_time",
                "article:published",
                "datepublished",
                "publish-date",
                "publish_date",
                "publication_date",
                "article.published",
                "w-published-date",
                "publishdate",
                "pubdate",
                "date",
                "dc.date",
                "dc.date.issued",
                "dcterms.created",
                "dcterms.date",
                "parsely-pub-date",
                "sailthru.date",
                "citation_publication_date",
            ]
            .into_iter()
            .map(meta),
        )
        .chain([
            found.item_date.as_deref(),
            found.time.as_deref(),
            ld_str(ld, "dateCreated"),
        ])
        .flatten();
    let published = candidates
        .clone()
        .find_map(|c| date::read(c, month_first))
        .or_else(|| {
            candidates
                .clone()
                .find(|c| date::names_a_year(c))
                .map(|c| c.trim().to_string())
        });
    // A date in the URL path is the day the publisher filed the story under; a timestamp
    // that falls on another day is in another time zone or is a later update.
    let url_date = url.and_then(date::from_url);
    let published = match (published, url_date) {
        (Some(p), Some(u)) if !p.starts_with(&u) => Some(u),
        (p, u) => p.or(u),
    }
    .or_else(|| found.text_date.clone());

    let canonical_url = found
        .link("canonical")
        .or_else(|| meta("og:url"))
        .or_else(|| ld_str(ld, "url"))
        .and_then(|c| link::resolve(url, c));
    let base = url.or(canonical_url.as_deref());
    let image_url = [
        "og:image",
        "og:image:url",
        "og:image:secure_url",
        "twitter:image",
        "twitter:image:src",
    ]
    .into_iter()
    .find_map(meta)
    .or_else(|| ld.get("image").and_then(ld_image))
    .or_else(|| found.link("image_src"))
    .and_then(|i| link::resolve(base, i));

    let description = ld_str(ld, "description")
        .or_else(|| meta("og:description"))
        .or_else(|| meta("twitter:description"))
        .or_else(|| meta("description"))
        .map(collapse)
        .filter(|d| !d.is_empty());

    let ld_body = ld_str(ld, "articleBody")
        .map(|body| {
            body.lines()
                .map(collapse)
                .filter(|l| !l.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let article = Article {
        title,
        authors,
        published,
        site_name,
        language,
        description,
        canonical_url,
        image_url,
        tags: tags(&found, ld),
        ..Article::default()
    };
    Metadata {
        article,
        ld_body,
        text_byline,
    }
}

/// One pass over the document collecting the raw metadata fields.
fn gather(doc: &Document) -> Found {
    let mut found = Found::default();
    for node in doc.nodes() {
        let el = match node.value() {
            NodeData::Element(el) => el,
            NodeData::Text(text) => {
                if found.text_date.is_none() && text.len() <= MAX_DATE_TEXT_BYTES {
                    found.text_date = date::in_text(text);
                }
                found.text_bylines.text(text);
                continue;
            }
            NodeData::Document => continue,
        };
        let itemprop = el.attr("itemprop").map(str::trim);
        match el.tag() {
            Tag::HTML if found.lang.is_none() => {
                found.lang = el.attr("lang").map(|l| l.trim().to_string());
            }
            Tag::TITLE if found.title.is_none() => found.title = Some(collapse(&node.text())),
            Tag::H1 if found.h1.len() < MAX_H1 => {
                found.text_bylines.h1();
                let text = collapse(&node.text());
                if !text.is_empty() {
                    found.h1.push(text);
                }
            }
            Tag::META => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or(itemprop)
                    .or_else(|| el.attr("http-equiv"));
                if let (Some(key), Some(content)) = (key, el.attr("content")) {
                    found
                        .meta
                        .entry(key.trim().to_ascii_lowercase())
                        .or_default()
                        .push(content.trim().to_string());
                }
                continue;
            }
            Tag::TIME if found.time.is_none() => {
                found.time = el.attr("datetime").map(str::to_string);
            }
            _ => {}
        }
        if let (Some(rel), Some(href)) = (el.attr("rel"), el.attr("href")) {
            if el.tag() != Tag::A {
                for word in rel.split_ascii_whitespace() {
                    found
                        .links
                        .entry(word.to_ascii_lowercase())
                        .or_default()
                        .push(href.trim().to_string());
                }
            }
        }
        if found.item_date.is_none()
            && itemprop.is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
        {
            found.item_date = el
                .attr("datetime")
                .or_else(|| el.attr("content"))
                .map(str::to_string);
        }
        let author_item = itemprop.is_some_and(|p| p.eq_ignore_ascii_case("author"));
        let is_byline = found.bylines.len() < MAX_BYLINES
            && (author_item
                || el.attr("rel").is_some_and(|r| {
                    r.split_ascii_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("author"))
                })
                || el.classes().chain(el.id()).any(is_byline_name));
        if is_byline {
            let text = match author_item.then(|| item_name(node, el)).flatten() {
                Some(name) => collapse(&name),
                None => collapse(&node.text()),
            };
            if !text.is_empty() && text.chars().count() <= MAX_BYLINE_CHARS {
                found.bylines.push(text);
            }
        }
    }
    found
}

/// The name a microdata author item gives: the `content` or text of its first
/// `itemprop=name`, else its own `content` (`<div itemprop=author itemscope><meta
/// itemprop=name content="Ann Lee">`). The item's whole text often holds an avatar's
/// initial, a reputation score or a join date beside the name.
fn item_name(node: NodeRef<'_>, el: &Element) -> Option<String> {
    node.descendants()
        .find_map(|d| match d.value() {
            NodeData::Element(e)
                if e.attr("itemprop")
                    .is_some_and(|p| p.trim().eq_ignore_ascii_case("name")) =>
            {
                Some(e.attr("content").map_or_else(|| d.text(), str::to_string))
            }
            _ => None,
        })
        .or_else(|| el.attr("content").map(str::to_string))
        .filter(|name| !name.trim().is_empty())
}

/// Whether a class or id names a byline (`byline`, `author`, `article-author-name`).
fn is_byline_name(name: &str) -> bool {
    let ends = |suffix: &str| {
        name.len() >= suffix.len()
            && name.as_bytes()[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    name.as_bytes()
        .windows(6)
        .any(|w| w.eq_ignore_ascii_case(b"byline"))
        || ends("author")
        || ends("author-name")
        || ends("author__name")
        || ends("authorname")
        || ends("author-link")
}

/// The headline: the first `<h1>` that shares words with `og:title` or `<title>`, else
/// `og:title`, `<title>`, JSON-LD `headline` or the Twitter title, with a site name cut.
fn title(found: &Found, ld: &Value, site_name: Option<&str>) -> String {
    let og = found.meta("og:title");
    let page_title = found.title.as_deref();
    let site = site_name.map(key).unwrap_or_default();
    let shared = |h1: &str| {
        if !site.is_empty() && key(h1) == site {
            return false;
        }
        let h1 = words(h1);
        [og, page_title]
            .into_iter()
            .flatten()
            .any(|t| jaccard(&h1, &words(t)) >= H1_OVERLAP)
    };
    if let Some(h1) = found.h1.iter().find(|h| shared(h)) {
        return h1.clone();
    }
    [
        og,
        page_title,
        ld_str(ld, "headline"),
        found.meta("twitter:title"),
    ]
    .into_iter()
    .flatten()
    .map(|t| strip_site_suffix(&collapse(t), site_name))
    .find(|t| !t.is_empty())
    .unwrap_or_default()
}

/// The lower-cased words of `text`.
fn words(text: &str) -> std::collections::HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn jaccard(a: &std::collections::HashSet<String>, b: &std::collections::HashSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// Letters and digits, lower-cased: the form a title and a site name are compared in.
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `Headline | Site` and `Headline - Site` become `Headline`; a site name before the
/// headline (`Site: Headline`) goes too.
fn strip_site_suffix(title: &str, site_name: Option<&str>) -> String {
    let site = site_name.map(key).filter(|s| !s.is_empty());
    for sep in [" | ", " - ", " – ", " — ", " · ", " :: ", " » "] {
        if let Some(at) = title.rfind(sep) {
            let tail = &title[at + sep.len()..];
            let names_site = site.as_ref().is_some_and(|s| {
                let t = key(tail);
                !t.is_empty() && (s.contains(&t) || t.contains(s.as_str()))
            });
            if names_site || (at > title.len() / 2 && tail.split_whitespace().count() <= 4) {
                return strip_site_suffix(title[..at].trim(), site_name);
            }
        }
        if let (Some(at), Some(site)) = (title.find(sep), &site) {
            if key(&title[..at]) == *site {
                return title[at + sep.len()..].trim().to_string();
            }
        }
    }
    title.to_string()
}

/// Authors from the JSON-LD article, then from a thread's opening post in JSON-LD, then
/// author `<meta>` tags, then bylines marked up in the page, then bylines written as text
/// (and then says so).
fn authors<'a>(found: &Found, graph: &Graph<'a>, ld: &'a Value) -> (Vec<String>, bool) {
    let from = |values: &mut dyn Iterator<Item = &str>| {
        let mut out: Vec<String> = Vec::new();
        for value in values {
            // Some pages escape their JSON-LD strings as HTML ("O&#039;Donnell").
            for name in author::names(&htmlize::unescape(value)) {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
                    out.push(name);
                }
            }
        }
        out
    };
    for ld in [Some(ld), graph.post].into_iter().flatten() {
        let ld_names = graph.authors(ld);
        let found_ld = from(&mut ld_names.iter().map(String::as_str));
        if !found_ld.is_empty() {
            return (found_ld, false);
        }
    }
    for key in [
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "dcterms.creator",
        "byl",
        "citation_author",
        "og:article:author",
    ] {
        let names = from(&mut found.metas(key).filter(|v| !v.contains("://")));
        if !names.is_empty() {
            return (names, false);
        }
    }
    match found
        .bylines
        .iter()
        .map(|b| from(&mut std::iter::once(b.as_str())))
        .find(|names| !names.is_empty())
    {
        Some(names) => (names, false),
        None => (found.text_bylines.names(), true),
    }
}

/// Keywords: `article:tag`, JSON-LD `keywords`, `news_keywords` and `keywords` tags.
fn tags(found: &Found, ld: &Value) -> Vec<String> {
    let mut raw: Vec<String> = found.metas("article:tag").map(str::to_string).collect();
    match ld.get("keywords") {
        Some(Value::String(s)) => raw.push(s.clone()),
        Some(Value::Array(items)) => {
            raw.extend(items.iter().filter_map(Value::as_str).map(str::to_string))
        }
        _ => {}
    }
    raw.extend(found.metas("news_keywords").map(str::to_string));
    raw.extend(found.metas("keywords").map(str::to_string));
    let mut out: Vec<String> = Vec::new();
    for tag in raw.iter().flat_map(|r| r.split([',', ';'])) {
        let tag = collapse(tag);
        if !tag.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&tag)) {
            out.push(tag);
        }
        if out.len() == MAX_TAGS {
            break;
        }
    }
    out
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl<'a> Graph<'a> {
    /// The names in the article's `author` (a string, a Person, a list of either, or
    /// `@id` references to Persons of the graph).
    fn authors(&self, ld: &'a Value) -> Vec<String> {
        let one = |v: &'a Value| -> Option<String> {
            let v = self.resolve(v);
            match v {
                Value::String(s) => Some(s.clone()),
                Value::Object(_) => ld_str(v, "name").map(str::to_string).or_else(|| {
                    let given = ld_str(v, "givenName")?;
                    Some(match ld_str(v, "familyName") {
                        Some(family) => format!("{given} {family}"),
                        None => given.to_string(),
                    })
                }),
                _ => None,
            }
        };
        match ld.get("author").or_else(|| ld.get("creator")) {
            Some(Value::Array(items)) => items.iter().filter_map(one).collect(),
            Some(v) => one(v).into_iter().collect(),
            None => Vec::new(),
        }
    }
}

fn ld_str<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    match value.get(key)? {
        Value::String(s) => Some(s.trim()).filter(|s| !s.is_empty()),
        Value::Array(items) => items.first().and_then(Value::as_str),
        _ => None,
    }
}

/// The address of a JSON-LD `image`: a URL, an ImageObject, or a list of either.
fn ld_image(value: &Value) -> Option<&str> {
    match value {
        Value::String(s) => Some(s.as_str()),
        Value::Array(items) => items.first().and_then(ld_image),
        Value::Object(_) => ld_str(value, "url").or_else(|| ld_str(value, "contentUrl")),
        _ => None,
    }
}

fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}
