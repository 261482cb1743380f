//! A page's JSON-LD, parsed once and walked once: its article object, the objects named by
//! `@id`, and every typed object (for the declared page type and a product's description).

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::dom::{Document, NodeData, Tag};

/// Most JSON-LD values visited per page, a bound on work for hostile input.
const MAX_JSON_VALUES: usize = 100_000;

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
    "ScholarlyArticle",
    "SocialMediaPosting",
    "TechArticle",
];

/// JSON-LD `@type`s of a thread's opening post: its author is the page's.
const POST_TYPES: &[&str] = &["DiscussionForumPosting", "Question"];

/// The `ld+json` scripts of a page: each one that parses, and the `@type` names written in
/// those that do not.
#[derive(Debug, Default)]
pub(crate) struct JsonLd {
    roots: Vec<Value>,
    /// `@type` names found by scanning the text of scripts that are not valid JSON.
    unparsed_types: Vec<String>,
}

impl JsonLd {
    /// Parses every `<script type="application/ld+json">` of `doc`, in page order.
    pub(crate) fn parse(doc: &Document) -> JsonLd {
        let mut ld = JsonLd::default();
        for node in doc.nodes() {
            let NodeData::Element(el) = node.value() else {
                continue;
            };
            if el.tag() != Tag::SCRIPT || !el.attr("type").is_some_and(|t| t.contains("ld+json")) {
                continue;
            }
            let text = node.text();
            match serde_json::from_str::<Value>(&text) {
                Ok(root) => ld.roots.push(root),
                Err(_) => scan_types(&text, |t| ld.unparsed_types.push(t.to_string())),
            }
        }
        ld
    }

    /// Walks the parsed scripts once (at most [`MAX_JSON_VALUES`] values).
    pub(crate) fn graph(&self) -> Graph<'_> {
        Graph::new(&self.roots, &self.unparsed_types)
    }
}

/// The JSON-LD of a page, indexed: its article object, the objects named by `@id`, and
/// every object that has a `@type`.
#[derive(Debug, Default)]
pub(crate) struct Graph<'a> {
    /// The first object whose `@type` is an article, among the scripts' top-level values
    /// (arrays and `@graph` lists included).
    pub(super) article: Option<&'a Value>,
    /// The first top-level object with a `datePublished`, `headline` or `author`, for
    /// pages whose JSON-LD has no article (forum threads, Q&A pages, products).
    pub(super) other_work: Option<&'a Value>,
    /// The first object, at any depth, whose `@type` is a forum post or a question (a
    /// thread's opening post; the answers and replies come after it).
    pub(super) post: Option<&'a Value>,
    by_id: HashMap<&'a str, &'a Value>,
    /// Every object with a `@type`, at any depth, in walk order.
    typed: Vec<&'a Map<String, Value>>,
    unparsed_types: &'a [String],
}

impl<'a> Graph<'a> {
    /// Walks every value of `roots` depth first, in document order.
    fn new(roots: &'a [Value], unparsed_types: &'a [String]) -> Graph<'a> {
        let mut graph = Graph {
            unparsed_types,
            ..Graph::default()
        };
        // A value is top-level when only arrays and `@graph` lists lead to it.
        let mut stack: Vec<(&Value, bool)> = roots.iter().rev().map(|v| (v, true)).collect();
        let mut visited = 0;
        while let Some((value, top)) = stack.pop() {
            visited += 1;
            if visited > MAX_JSON_VALUES {
                break;
            }
            match value {
                Value::Array(items) => stack.extend(items.iter().rev().map(|v| (v, top))),
                Value::Object(map) => {
                    if top {
                        graph.index(value, map);
                    }
                    if types_of(map).next().is_some() {
                        graph.typed.push(map);
                        if graph.post.is_none() && types_of(map).any(|t| POST_TYPES.contains(&t)) {
                            graph.post = Some(value);
                        }
                    }
                    stack.extend(map.iter().rev().map(|(key, v)| (v, top && key == "@graph")));
                }
                _ => {}
            }
        }
        graph
    }

    /// Records the top-level object `value` (`map`) as the article, the other work or the
    /// target of its `@id`.
    fn index(&mut self, value: &'a Value, map: &'a Map<String, Value>) {
        if self.article.is_none() && types_of(map).any(|t| ARTICLE_TYPES.contains(&t)) {
            self.article = Some(value);
        }
        let is_work = map.contains_key("datePublished")
            || map.contains_key("headline")
            || map.contains_key("author");
        if is_work && self.other_work.is_none() {
            self.other_work = Some(value);
        }
        if let Some(Value::String(id)) = map.get("@id") {
            if map.len() > 1 {
                self.by_id.entry(id.as_str()).or_insert(value);
            }
        }
    }

    /// Every object with a `@type`, at any depth, in document order.
    pub(crate) fn typed(&self) -> impl Iterator<Item = &'a Map<String, Value>> + '_ {
        self.typed.iter().copied()
    }

    /// Every `@type` name of the page's JSON-LD: those of the typed objects, then those
    /// written in scripts that do not parse.
    pub(crate) fn types(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.typed
            .iter()
            .flat_map(|map| types_of(map))
            .chain(self.unparsed_types.iter().map(String::as_str))
    }

    /// `value` itself, or the object its `@id` names when it is only a reference.
    pub(super) fn resolve(&self, value: &'a Value) -> &'a Value {
        match value {
            Value::Object(map) if map.len() == 1 => map
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| self.by_id.get(id).copied())
                .unwrap_or(value),
            _ => value,
        }
    }
}

/// The names in the `@type` of `map`: a string, or the strings of a list.
pub(crate) fn types_of(map: &Map<String, Value>) -> impl Iterator<Item = &str> {
    let (one, many) = match map.get("@type") {
        Some(Value::String(t)) => (Some(t.as_str()), None),
        Some(Value::Array(ts)) => (None, Some(ts.iter().filter_map(Value::as_str))),
        _ => (None, None),
    };
    one.into_iter().chain(many.into_iter().flatten())
}

/// Calls `f` with every string value of an `"@type"` key in JSON-LD text (a string or an
/// array of strings), without parsing the rest of it: the types of a script that is not
/// valid JSON.
fn scan_types(json: &str, mut f: impl FnMut(&str)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn types(html: &str) -> Vec<String> {
        let ld = JsonLd::parse(&Document::parse(html));
        ld.graph().types().map(str::to_string).collect()
    }

    #[test]
    fn types_at_every_depth_and_in_scripts_that_do_not_parse() {
        let html = r#"<script type="application/ld+json">{"@graph":[{"@type" : "WebSite"},
            {"@type":["Product", "Thing"],"offers":{"@type":"Offer"}}],"x":"@type"}</script>
            <script type="application/ld+json">{"@type": "NewsArticle",}</script>"#;
        assert_eq!(
            types(html),
            ["WebSite", "Product", "Thing", "Offer", "NewsArticle"]
        );
    }

    #[test]
    fn the_article_is_top_level_and_references_resolve() {
        let html = r##"<script type="application/ld+json">[{"@type":"WebPage",
            "mainEntity":{"@type":"NewsArticle","headline":"Nested"}},
            {"@graph":[{"@id":"#me","name":"Ann"},{"@type":"BlogPosting","headline":"Top",
            "author":{"@id":"#me"}}]}]</script>"##;
        let ld = JsonLd::parse(&Document::parse(html));
        let graph = ld.graph();
        let article = graph.article.unwrap();
        assert_eq!(article["headline"], "Top");
        let author = graph.resolve(&article["author"]);
        assert_eq!(author["name"], "Ann");
        assert_eq!(graph.other_work.unwrap()["headline"], "Top");
        assert!(graph.post.is_none());
    }

    #[test]
    fn the_post_is_the_first_question_or_forum_posting_at_any_depth() {
        let html = r#"<script type="application/ld+json">{"@type":"QAPage","mainEntity":
            {"@type":"Question","author":{"@type":"Person","name":"asker"},
            "acceptedAnswer":{"@type":"Answer","author":{"name":"helper"}}}}</script>"#;
        let ld = JsonLd::parse(&Document::parse(html));
        let graph = ld.graph();
        assert!(graph.article.is_none());
        assert_eq!(graph.post.unwrap()["author"]["name"], "asker");
    }
}
