//! Tree construction: from tokens to a tree, repairing the markup as browsers do.
//!
//! Written by hand, with the parts of the HTML5 tree-construction rules that change which
//! text sits in which block: void elements, the end tags HTML lets authors leave out (`p`,
//! `li`, `dd`/`dt`, table parts, headings, `option`), scopes (an end tag cannot close an
//! element outside the table cell it is in), stray end tags, and `html`/`body` that stay
//! open to the end. Formatting elements are not reconstructed across blocks (HTML5's
//! "adoption agency"): an unclosed `<a>` ends with its parent instead of spreading into
//! every later paragraph, which is what a reader sees and what link-density scoring needs.
//! Nodes are only ever appended, so node ids are in document order.

use std::borrow::Cow;

use crate::keys;

use super::tokenize::{Attribute, Sink};
use super::{Document, Element, Node, NodeData, NodeId, MAX_DEPTH, MAX_NODES};

/// Tag names stored without an allocation, sorted for binary search.
const KNOWN_TAGS: [&str; 109] = [
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "math",
    "menu",
    "meta",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "picture",
    "pre",
    "q",
    "s",
    "samp",
    "script",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];
const KNOWN_KEYS: [u128; KNOWN_TAGS.len()] = keys::keys(KNOWN_TAGS);

/// How far down the stack of open elements an end tag looks for its element. Real pages
/// stay far below it; the bound keeps floods of stray end tags over deep markup linear.
const MAX_SCAN: usize = 256;

/// Buckets of the open-element counter (see [`TreeBuilder::open_counts`]).
const BUCKETS: usize = 64;

/// Builds a [`Document`] from tokens.
pub struct TreeBuilder {
    nodes: Vec<Node>,
    /// The stack of open elements, the root at the bottom.
    open: Vec<NodeId>,
    /// How many open elements have a name hashing to each bucket: an end tag whose bucket
    /// is empty closes nothing and is dropped without scanning the stack.
    open_counts: [u32; BUCKETS],
}

impl TreeBuilder {
    /// An empty tree with the root open.
    pub fn new() -> TreeBuilder {
        TreeBuilder {
            nodes: vec![Node {
                data: NodeData::Document,
                parent: None,
                first_child: None,
                last_child: None,
                next_sibling: None,
            }],
            open: vec![NodeId(0)],
            open_counts: [0; BUCKETS],
        }
    }

    /// The finished tree.
    pub fn finish(self) -> Document {
        Document { nodes: self.nodes }
    }

    fn current(&self) -> NodeId {
        *self.open.last().unwrap_or(&NodeId(0))
    }

    fn name_of(&self, id: NodeId) -> &str {
        match &self.nodes[id.index()].data {
            NodeData::Element(el) => el.name(),
            _ => "",
        }
    }

    /// Appends a node to the current element; `None` once the tree holds [`MAX_NODES`].
    fn append(&mut self, data: NodeData) -> Option<NodeId> {
        if self.nodes.len() >= MAX_NODES {
            return None;
        }
        let parent = self.current();
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(Node {
            data,
            parent: Some(parent),
            first_child: None,
            last_child: None,
            next_sibling: None,
        });
        let p = &mut self.nodes[parent.index()];
        match p.last_child.replace(id) {
            Some(last) => self.nodes[last.index()].next_sibling = Some(id),
            None => p.first_child = Some(id),
        }
        Some(id)
    }

    fn push(&mut self, id: NodeId) {
        let bucket = bucket(self.name_of(id));
        self.open_counts[bucket] += 1;
        self.open.push(id);
    }

    fn pop(&mut self) {
        if self.open.len() > 1 {
            if let Some(id) = self.open.pop() {
                let bucket = bucket(self.name_of(id));
                self.open_counts[bucket] -= 1;
            }
        }
    }

    /// Pops elements up to and including the one at stack position `at`.
    fn pop_to(&mut self, at: usize) {
        while self.open.len() > at.max(1) {
            self.pop();
        }
    }

    /// The stack position of the nearest open `name` that is not hidden behind a `stop`
    /// element (checked from the top; an element named `name` wins over a stop of the same
    /// name).
    fn find_open(&self, name: &str, stop: impl Fn(&str) -> bool) -> Option<usize> {
        if self.open_counts[bucket(name)] == 0 {
            return None;
        }
        for (at, &id) in self.open.iter().enumerate().skip(1).rev().take(MAX_SCAN) {
            let open = self.name_of(id);
            if open == name {
                return Some(at);
            }
            if stop(open) {
                return None;
            }
        }
        None
    }

    /// Closes the nearest open `name` within the default scope, if any.
    fn close_in_scope(&mut self, name: &str) {
        if let Some(at) = self.find_open(name, is_scope_boundary) {
            self.pop_to(at);
        }
    }

    /// Closes the elements whose end tags a start tag `name` implies.
    fn close_implied(&mut self, name: &str) {
        if closes_paragraph(name) {
            if let Some(at) = self.find_open("p", |n| is_scope_boundary(n) || n == "button") {
                self.pop_to(at);
            }
        }
        match name {
            "li" => {
                if let Some(at) = self.find_open("li", ends_list_search) {
                    self.pop_to(at);
                }
            }
            "dd" | "dt" => {
                for item in ["dd", "dt"] {
                    if let Some(at) = self.find_open(item, |n| ends_list_search(n) || n == "dl") {
                        self.pop_to(at);
                    }
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if is_heading(self.name_of(self.current())) => {
                self.pop();
            }
            "option" | "optgroup" if self.name_of(self.current()) == "option" => self.pop(),
            "a" => self.close_in_scope("a"),
            "tr" => {
                for part in ["td", "th", "tr"] {
                    if let Some(at) = self.find_open(part, is_table_boundary) {
                        self.pop_to(at);
                    }
                }
            }
            "td" | "th" => {
                for cell in ["td", "th"] {
                    if let Some(at) = self.find_open(cell, |n| is_table_boundary(n) || n == "tr") {
                        self.pop_to(at);
                    }
                }
            }
            "tbody" | "thead" | "tfoot" => {
                for part in ["td", "th", "tr", "tbody", "thead", "tfoot"] {
                    if let Some(at) = self.find_open(part, is_table_boundary) {
                        self.pop_to(at);
                    }
                }
            }
            _ => {}
        }
    }

    /// Closes an open `<head>` that the page never closed: body content has begun.
    fn leave_head(&mut self) {
        if self.name_of(self.current()) == "head" {
            self.pop();
        }
    }

    /// The stack position of an open `html`, `head` or `body`: they sit at the bottom.
    fn find_root_element(&self, name: &str) -> Option<usize> {
        (1..self.open.len().min(4)).find(|&at| self.name_of(self.open[at]) == name)
    }

    /// Copies attributes of a repeated `<html>` or `<body>` onto the open one, as HTML5 does.
    fn merge_attributes(&mut self, name: &str, attributes: Vec<Attribute>) {
        let Some(at) = self.find_root_element(name) else {
            return;
        };
        let id = self.open[at];
        if let NodeData::Element(el) = &mut self.nodes[id.index()].data {
            for (n, v) in attributes {
                if el.attr(n).is_none() {
                    el.attributes.push((n, v));
                }
            }
        }
    }
}

impl Sink for TreeBuilder {
    fn start_tag(&mut self, name: &str, attributes: Vec<Attribute>, _self_closing: bool) {
        match name {
            "html" | "body" if self.find_root_element(name).is_some() => {
                return self.merge_attributes(name, attributes);
            }
            "head"
                if self.find_root_element("body").is_some()
                    || self.find_root_element("head").is_some() =>
            {
                return
            }
            _ => {}
        }
        if !in_head(name) {
            self.leave_head();
        }
        self.close_implied(name);
        let void = is_void(name);
        if !void && self.open.len() > MAX_DEPTH {
            return;
        }
        let Some(id) = self.append(NodeData::Element(Element {
            name: intern(name),
            attributes,
        })) else {
            return;
        };
        // A self-closing flag on an HTML element is ignored, as in HTML5: `<div/>` opens.
        if !void {
            self.push(id);
        }
    }

    fn end_tag(&mut self, name: &str) {
        match name {
            // Content after `</body>` still belongs to the body, as in HTML5.
            "html" | "body" => {}
            "br" => {
                self.append(NodeData::Element(Element {
                    name: Cow::Borrowed("br"),
                    attributes: Vec::new(),
                }));
            }
            "p" => match self.find_open("p", |n| is_scope_boundary(n) || n == "button") {
                Some(at) => self.pop_to(at),
                // A lone `</p>` makes an empty paragraph: a break between blocks.
                None => {
                    self.append(NodeData::Element(Element {
                        name: Cow::Borrowed("p"),
                        attributes: Vec::new(),
                    }));
                }
            },
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" => {
                if let Some(at) = self.find_open(name, is_table_boundary) {
                    self.pop_to(at);
                }
            }
            // `</h2>` closes an open `<h3>` too: any heading ends the open one.
            _ if is_heading(name) => {
                let nearest = (1..self.open.len()).rev().find(|&at| {
                    let n = self.name_of(self.open[at]);
                    is_heading(n) || is_scope_boundary(n)
                });
                if let Some(at) = nearest.filter(|&at| is_heading(self.name_of(self.open[at]))) {
                    self.pop_to(at);
                }
            }
            _ if is_special(name) || is_formatting(name) => self.close_in_scope(name),
            _ => {
                // Any other end tag closes the nearest open element of its name, unless a
                // block-level element comes first.
                if let Some(at) = self.find_open(name, is_special) {
                    self.pop_to(at);
                }
            }
        }
    }

    fn text(&mut self, text: Cow<'_, str>) {
        if !text.trim().is_empty() {
            self.leave_head();
        }
        let parent = self.current();
        if let Some(last) = self.nodes[parent.index()].last_child {
            if let NodeData::Text(previous) = &mut self.nodes[last.index()].data {
                previous.push_str(&text);
                return;
            }
        }
        self.append(NodeData::Text(text.into_owned()));
    }
}

/// The stored name for `name`: static for known tags.
fn intern(name: &str) -> Cow<'static, str> {
    match keys::find(&KNOWN_KEYS, name.as_bytes()) {
        Some(at) => Cow::Borrowed(KNOWN_TAGS[at]),
        None => Cow::Owned(name.to_string()),
    }
}

fn bucket(name: &str) -> usize {
    let hash = name.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    hash as usize % BUCKETS
}

/// Elements that belong in `<head>`; any other start tag ends an unclosed head.
fn in_head(name: &str) -> bool {
    matches!(
        name,
        "base"
            | "basefont"
            | "bgsound"
            | "link"
            | "meta"
            | "noframes"
            | "noscript"
            | "script"
            | "style"
            | "template"
            | "title"
    )
}

/// Elements that never have content or an end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Start tags that close an open `<p>`.
fn closes_paragraph(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "dd"
            | "dt"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "search"
            | "section"
            | "summary"
            | "table"
            | "ul"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements that hide what is below them from end tags outside them (HTML5's default scope).
fn is_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "applet" | "caption" | "html" | "table" | "td" | "th" | "marquee" | "object" | "template"
    )
}

fn is_table_boundary(name: &str) -> bool {
    matches!(name, "html" | "table" | "template")
}

/// Where the search for an open `li`, `dd` or `dt` to close stops: a block that may hold
/// its own list (HTML5's "special" elements other than `address`, `div` and `p`).
fn ends_list_search(name: &str) -> bool {
    is_special(name) && !matches!(name, "address" | "div" | "p" | "li" | "dd" | "dt")
}

/// HTML5's formatting elements, closed through blocks by their end tags.
fn is_formatting(name: &str) -> bool {
    matches!(
        name,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

/// Block-level and structural elements (HTML5's "special" category, trimmed to what pages
/// use): a stray end tag of an inline element does not close them.
fn is_special(name: &str) -> bool {
    closes_paragraph(name)
        || matches!(
            name,
            "applet"
                | "body"
                | "button"
                | "caption"
                | "col"
                | "colgroup"
                | "head"
                | "html"
                | "iframe"
                | "marquee"
                | "object"
                | "select"
                | "tbody"
                | "td"
                | "template"
                | "textarea"
                | "tfoot"
                | "th"
                | "thead"
                | "title"
                | "tr"
        )
}
