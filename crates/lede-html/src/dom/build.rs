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
use std::collections::HashMap;

use super::tag::flag::{
    CLOSES_P, FOREIGN, FORMATTING, HEADING, IN_HEAD, SCOPE, SPECIAL, TABLE_SCOPE, VOID,
};
use super::tag::Tag;
use super::tokenize::{Attribute, Name, Sink};
use super::{Document, Element, Node, NodeData, NodeId, MAX_DEPTH, MAX_NODES};

/// How far down the stack of open elements an end tag looks for its element. Real pages
/// stay far below it; the bound keeps floods of stray end tags over deep markup linear.
const MAX_SCAN: usize = 256;

/// Builds a [`Document`] from tokens.
pub struct TreeBuilder {
    nodes: Vec<Node>,
    /// The stack of open elements and their tags, the root at the bottom.
    open: Vec<(NodeId, Tag)>,
    /// How many elements of each tag are open: an end tag whose tag has none open closes
    /// nothing and is dropped without scanning the stack.
    open_counts: Vec<u32>,
    /// The ids given to tag names outside the table, from [`Tag::FIRST_OTHER`] up.
    others: HashMap<Box<str>, Tag>,
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
            open: vec![(NodeId(0), Tag::NONE)],
            open_counts: vec![0; Tag::FIRST_OTHER as usize],
            others: HashMap::new(),
        }
    }

    /// The finished tree.
    pub fn finish(self) -> Document {
        Document { nodes: self.nodes }
    }

    fn current(&self) -> NodeId {
        self.open.last().map_or(NodeId(0), |&(id, _)| id)
    }

    fn current_tag(&self) -> Tag {
        self.open.last().map_or(Tag::NONE, |&(_, tag)| tag)
    }

    /// The tag of `name`: its own for a name of the table, else the id this document gave
    /// the name (a new one the first time), or `None` for an end tag of a new name.
    fn tag(&mut self, name: Name<'_>, new: bool) -> Option<Tag> {
        match name {
            Name::Known(tag) => Some(tag),
            Name::Other(name) => match self.others.get(name) {
                Some(&tag) => Some(tag),
                None if new => {
                    let tag = Tag::other(Tag::FIRST_OTHER + self.others.len() as u32);
                    self.others.insert(name.into(), tag);
                    self.open_counts.push(0);
                    Some(tag)
                }
                None => None,
            },
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

    fn push(&mut self, id: NodeId, tag: Tag) {
        self.open_counts[tag.index()] += 1;
        self.open.push((id, tag));
    }

    fn pop(&mut self) {
        if self.open.len() > 1 {
            if let Some((_, tag)) = self.open.pop() {
                self.open_counts[tag.index()] -= 1;
            }
        }
    }

    /// Pops elements up to and including the one at stack position `at`.
    fn pop_to(&mut self, at: usize) {
        while self.open.len() > at.max(1) {
            self.pop();
        }
    }

    /// The stack position of the nearest open `tag` that is not hidden behind a `stop`
    /// element (checked from the top; an element of `tag` wins over a stop of the same
    /// tag).
    fn find_open(&self, tag: Tag, stop: impl Fn(Tag) -> bool) -> Option<usize> {
        if self.open_counts.get(tag.index()).is_none_or(|&n| n == 0) {
            return None;
        }
        for (at, &(_, open)) in self.open.iter().enumerate().skip(1).rev().take(MAX_SCAN) {
            if open == tag {
                return Some(at);
            }
            if stop(open) {
                return None;
            }
        }
        None
    }

    /// Closes the nearest open `tag` within the default scope, if any.
    fn close_in_scope(&mut self, tag: Tag) {
        if let Some(at) = self.find_open(tag, |t| t.has(SCOPE)) {
            self.pop_to(at);
        }
    }

    /// Closes the nearest open element of each of `tags` in turn, searching up to a
    /// `stop` element.
    fn close_each(&mut self, tags: &[Tag], stop: impl Fn(Tag) -> bool) {
        for &tag in tags {
            if let Some(at) = self.find_open(tag, &stop) {
                self.pop_to(at);
            }
        }
    }

    /// Closes the elements whose end tags a start tag `tag` implies.
    fn close_implied(&mut self, tag: Tag) {
        let table_scope = |t: Tag| t.has(TABLE_SCOPE);
        if tag.has(CLOSES_P) {
            self.close_each(&[Tag::P], |t| t.has(SCOPE) || t == Tag::BUTTON);
        }
        match tag {
            Tag::LI => self.close_each(&[Tag::LI], Tag::ends_item_search),
            Tag::DD | Tag::DT => {
                self.close_each(&[Tag::DD, Tag::DT], |t| {
                    t.ends_item_search() || t == Tag::DL
                });
            }
            _ if tag.has(HEADING) && self.current_tag().has(HEADING) => self.pop(),
            Tag::OPTION | Tag::OPTGROUP if self.current_tag() == Tag::OPTION => self.pop(),
            Tag::A => self.close_in_scope(Tag::A),
            Tag::TR => self.close_each(&[Tag::TD, Tag::TH, Tag::TR], table_scope),
            Tag::TD | Tag::TH => {
                self.close_each(&[Tag::TD, Tag::TH], |t| table_scope(t) || t == Tag::TR);
                // A cell outside a row gets one, as in HTML5: the row is a block.
                if matches!(
                    self.current_tag(),
                    Tag::TABLE | Tag::TBODY | Tag::THEAD | Tag::TFOOT
                ) && self.open.len() <= MAX_DEPTH
                {
                    if let Some(id) = self.append(NodeData::Element(Element {
                        tag: Tag::TR,
                        attributes: Vec::new(),
                    })) {
                        self.push(id, Tag::TR);
                    }
                }
            }
            Tag::TBODY | Tag::THEAD | Tag::TFOOT => self.close_each(
                &[
                    Tag::TD,
                    Tag::TH,
                    Tag::TR,
                    Tag::TBODY,
                    Tag::THEAD,
                    Tag::TFOOT,
                ],
                table_scope,
            ),
            _ => {}
        }
    }

    /// Closes an open `<head>` that the page never closed: body content has begun.
    fn leave_head(&mut self) {
        if self.current_tag() == Tag::HEAD {
            self.pop();
        }
    }

    /// The stack position of an open `html`, `head` or `body`: they sit at the bottom.
    fn find_root_element(&self, tag: Tag) -> Option<usize> {
        (1..self.open.len().min(4)).find(|&at| self.open[at].1 == tag)
    }

    /// Copies attributes of a repeated `<html>` or `<body>` onto the open one, as HTML5 does.
    fn merge_attributes(&mut self, tag: Tag, attributes: Vec<Attribute>) {
        let Some(at) = self.find_root_element(tag) else {
            return;
        };
        let (id, _) = self.open[at];
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
    fn start_tag(&mut self, name: Name<'_>, attributes: Vec<Attribute>, self_closing: bool) {
        let Some(tag) = self.tag(name, true) else {
            return;
        };
        match tag {
            Tag::HTML | Tag::BODY if self.find_root_element(tag).is_some() => {
                return self.merge_attributes(tag, attributes);
            }
            Tag::HEAD
                if self.find_root_element(Tag::BODY).is_some()
                    || self.find_root_element(Tag::HEAD).is_some() =>
            {
                return
            }
            _ => {}
        }
        if !tag.has(IN_HEAD) {
            self.leave_head();
        }
        self.close_implied(tag);
        // A self-closing flag is ignored on HTML elements, as in HTML5 (`<div/>` opens),
        // and closes SVG and MathML.
        let void = tag.has(VOID) || (self_closing && tag.has(FOREIGN));
        if !void && self.open.len() > MAX_DEPTH {
            return;
        }
        let Some(id) = self.append(NodeData::Element(Element { tag, attributes })) else {
            return;
        };
        if !void {
            self.push(id, tag);
        }
    }

    fn end_tag(&mut self, name: Name<'_>) {
        // A name no start tag had closes nothing.
        let Some(tag) = self.tag(name, false) else {
            return;
        };
        match tag {
            // Content after `</body>` still belongs to the body, as in HTML5.
            Tag::HTML | Tag::BODY => {}
            Tag::BR => {
                self.append(NodeData::Element(Element {
                    tag: Tag::BR,
                    attributes: Vec::new(),
                }));
            }
            Tag::P => match self.find_open(Tag::P, |t| t.has(SCOPE) || t == Tag::BUTTON) {
                Some(at) => self.pop_to(at),
                // A lone `</p>` makes an empty paragraph: a break between blocks.
                None => {
                    self.append(NodeData::Element(Element {
                        tag: Tag::P,
                        attributes: Vec::new(),
                    }));
                }
            },
            Tag::TABLE
            | Tag::TBODY
            | Tag::THEAD
            | Tag::TFOOT
            | Tag::TR
            | Tag::TD
            | Tag::TH
            | Tag::CAPTION => {
                if let Some(at) = self.find_open(tag, |t| t.has(TABLE_SCOPE)) {
                    self.pop_to(at);
                }
            }
            // `</h2>` closes an open `<h3>` too: any heading ends the open one.
            _ if tag.has(HEADING) => {
                let nearest = (1..self.open.len())
                    .rev()
                    .find(|&at| self.open[at].1.has(HEADING | SCOPE));
                if let Some(at) = nearest.filter(|&at| self.open[at].1.has(HEADING)) {
                    self.pop_to(at);
                }
            }
            // A formatting end tag other than `</a>` does not close the blocks opened
            // inside its element (`<b><li>x</b> y</li>` keeps `y` in the item, as
            // HTML5's adoption agency does); `</a>` still does, so that the text after
            // it is not counted as link text.
            _ if tag.has(FORMATTING) && tag != Tag::A => {
                if let Some(at) = self.find_open(tag, |t| t.has(SPECIAL)) {
                    self.pop_to(at);
                }
            }
            _ if tag.has(SPECIAL | FORMATTING) => self.close_in_scope(tag),
            _ => {
                // Any other end tag closes the nearest open element of its tag, unless a
                // block-level element comes first.
                if let Some(at) = self.find_open(tag, |t| t.has(SPECIAL)) {
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
