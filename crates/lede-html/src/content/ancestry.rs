//! Per-element tables the block classifier reads about a block's ancestors: parents, text
//! and link characters below each element, inherited structure (inside an article, a list,
//! a table, a form, a landmark) and how many siblings share an element's tag and class.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::dom::flag::{LANDMARK, SKIPPED};
use crate::dom::{Document, Edge, Element, NodeData, NodeId};

use super::words::is_article_element;

/// Inside an `<article>`, a `<main>` or an element marked `itemprop=articleBody`.
pub(super) const IN_ARTICLE: u8 = 1;
/// Inside a `<ul>`, `<ol>` or `<dl>`.
pub(super) const IN_LIST: u8 = 1 << 1;
/// Inside a `<table>`.
pub(super) const IN_TABLE: u8 = 1 << 2;
/// Inside a `<form>`.
pub(super) const IN_FORM: u8 = 1 << 3;
/// Inside a landmark kept by the walk (`header`, `footer`, `aside`, `figure`...).
pub(super) const IN_LANDMARK: u8 = 1 << 4;
/// The element has a `class`.
pub(super) const CLASSED: u8 = 1 << 5;
/// Inside a link.
const IN_LINK: u8 = 1 << 6;
/// Inside an element whose text is never read (scripts, styles).
const UNREAD: u8 = 1 << 7;

/// The tables, one entry per node of the document.
pub(super) struct Ancestry {
    parent: Vec<Option<NodeId>>,
    /// The nearest ancestor holding more text than the node.
    up: Vec<Option<NodeId>>,
    /// Non-space characters of read text below the node.
    chars: Vec<u32>,
    /// The part of `chars` inside links.
    link_chars: Vec<u32>,
    /// Inherited structure ([`IN_ARTICLE`]...) and [`CLASSED`].
    flags: Vec<u8>,
    /// How many children of the node's parent that hold text share its tag and first
    /// class (itself included); 0 for nodes without text.
    repeats: Vec<u32>,
}

/// A hasher for keys that are hashes already.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The structure flags an element adds for itself and its descendants.
fn own_flags(el: &Element) -> u8 {
    let tag = el.tag();
    let mut flags = match tag.name().unwrap_or("") {
        "ul" | "ol" | "dl" => IN_LIST,
        "table" => IN_TABLE,
        "form" => IN_FORM,
        "a" => IN_LINK,
        _ => 0,
    };
    if tag.has(LANDMARK) {
        flags |= IN_LANDMARK;
    }
    if tag.has(SKIPPED) {
        flags |= UNREAD;
    }
    if is_article_element(el) {
        flags |= IN_ARTICLE;
    }
    flags
}

impl Ancestry {
    /// Builds the tables of `doc` in one walk and one pass over its elements.
    pub(super) fn of(doc: &Document) -> Ancestry {
        let n = doc.node_count();
        let mut parent = vec![None; n];
        let mut chars = vec![0u32; n];
        let mut link_chars = vec![0u32; n];
        let mut flags = vec![0u8; n];
        let mut stack: Vec<NodeId> = Vec::new();
        for edge in doc.traverse() {
            match edge {
                Edge::Open(node) => {
                    let at = node.id().index();
                    let inherited = stack.last().map_or(0, |p| flags[p.index()] & !CLASSED);
                    parent[at] = stack.last().copied();
                    match node.value() {
                        NodeData::Element(el) => {
                            let classed = if el.attr("class").is_some() {
                                CLASSED
                            } else {
                                0
                            };
                            flags[at] = inherited | own_flags(el) | classed;
                            stack.push(node.id());
                        }
                        NodeData::Text(text) if inherited & UNREAD == 0 => {
                            if let Some(p) = stack.last().map(|p| p.index()) {
                                let c = super::visible_chars(text) as u32;
                                chars[p] += c;
                                if inherited & IN_LINK != 0 {
                                    link_chars[p] += c;
                                }
                            }
                        }
                        NodeData::Document => stack.push(node.id()),
                        NodeData::Text(_) => {}
                    }
                }
                Edge::Close(node) => {
                    if !matches!(node.value(), NodeData::Text(_)) {
                        stack.pop();
                        let at = node.id().index();
                        if let Some(p) = stack.last().map(|p| p.index()) {
                            chars[p] = chars[p].saturating_add(chars[at]);
                            link_chars[p] = link_chars[p].saturating_add(link_chars[at]);
                        }
                    }
                }
            }
        }
        let kin = |el: &Element, p: Option<NodeId>| {
            super::words::kin(el, p.map_or(u64::MAX, |p| p.index() as u64))
        };
        let mut counts: HashMap<u64, u32, BuildHasherDefault<PassThrough>> = HashMap::default();
        let mut keys = vec![0u64; n];
        for node in doc.nodes() {
            let at = node.id().index();
            if let (NodeData::Element(el), true) = (node.value(), chars[at] > 0) {
                keys[at] = kin(el, parent[at]);
                *counts.entry(keys[at]).or_default() += 1;
            }
        }
        // Parents come before their children in document order.
        let mut up: Vec<Option<NodeId>> = vec![None; n];
        for node in doc.nodes() {
            let at = node.id().index();
            if let Some(p) = parent[at] {
                up[at] = if chars[p.index()] > chars[at] {
                    Some(p)
                } else {
                    up[p.index()]
                };
            }
        }
        let repeats = (0..n)
            .map(|at| {
                if chars[at] > 0 {
                    counts.get(&keys[at]).copied().unwrap_or(0)
                } else {
                    0
                }
            })
            .collect();
        Ancestry {
            parent,
            up,
            chars,
            link_chars,
            flags,
            repeats,
        }
    }

    /// The parent of `id`.
    pub(super) fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.parent[id.index()]
    }

    /// The nearest ancestor of `id` holding more than `chars` characters, else the one
    /// where the text stops growing (it holds the page's text); `None` for the root.
    pub(super) fn container(&self, id: NodeId, chars: usize) -> Option<NodeId> {
        let mut at = self.parent(id)?;
        while self.chars(at) as usize <= chars {
            match self.up[at.index()] {
                Some(up) => at = up,
                None => break,
            }
        }
        Some(at)
    }

    /// Characters of read text below `id`.
    pub(super) fn chars(&self, id: NodeId) -> u32 {
        self.chars[id.index()]
    }

    /// The part of [`Ancestry::chars`] inside links.
    pub(super) fn link_chars(&self, id: NodeId) -> u32 {
        self.link_chars[id.index()]
    }

    /// The flags of `id`: inherited structure and [`CLASSED`].
    pub(super) fn flags(&self, id: NodeId) -> u8 {
        self.flags[id.index()]
    }

    /// Siblings with text sharing the tag and first class of `id`, itself included.
    pub(super) fn repeats(&self, id: NodeId) -> u32 {
        self.repeats[id.index()]
    }
}
