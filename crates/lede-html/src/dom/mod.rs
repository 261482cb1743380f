//! A parsed page: an arena of elements and text nodes.
//!
//! [`Document::parse`] runs the [`tokenize`] pass and the [`build`] pass; the extractor
//! then walks the tree with [`Document::traverse`]. The tree keeps what extraction reads:
//! interned tag names ([`Tag`]), a dozen attributes ([`tokenize`] lists them), text, and JSON-LD scripts.

// `build` and `tokenize` are visible to the crate for examples/parser_diff.rs and
// tests/parser_spec.rs, which compile this module on their own to feed html5ever's tree
// to the builder.
pub(crate) mod build;
mod tag;
pub(crate) mod tokenize;

pub use tag::{flag, Tag};
pub use tokenize::Attribute;

/// Deepest element nesting kept; real pages stay far below it. Start tags nested deeper are
/// dropped (their text is kept), which bounds the work of every walk over the tree.
pub const MAX_DEPTH: usize = 1024;

/// Most nodes a tree holds; real pages have tens of thousands. Markup beyond it is
/// dropped, which bounds the memory a hostile 32 MB page of empty tags can take.
pub const MAX_NODES: usize = 1 << 20;

/// Index of a node in its [`Document`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(u32);

impl NodeId {
    /// The position of the node in document order, for per-node tables.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What a node is.
#[derive(Debug)]
pub enum NodeData {
    /// The root of the tree.
    Document,
    /// An element.
    Element(Element),
    /// A run of text.
    Text(String),
}

/// An element: its tag and the attributes extraction reads.
#[derive(Debug)]
pub struct Element {
    tag: Tag,
    attributes: Vec<Attribute>,
}

impl Element {
    /// The tag.
    pub fn tag(&self) -> Tag {
        self.tag
    }

    /// The value of attribute `name` (lowercase), if present and kept.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| &**v)
    }

    /// The kept attributes, in page order.
    pub fn attrs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.attributes.iter().map(|(n, v)| (*n, &**v))
    }

    /// The words of the `class` attribute.
    pub fn classes(&self) -> impl Iterator<Item = &str> {
        self.attr("class").unwrap_or("").split_ascii_whitespace()
    }

    /// The `id` attribute.
    pub fn id(&self) -> Option<&str> {
        self.attr("id")
    }
}

/// A node and its links, stored in document order.
#[derive(Debug)]
struct Node {
    data: NodeData,
    parent: Option<NodeId>,
    first_child: Option<NodeId>,
    last_child: Option<NodeId>,
    next_sibling: Option<NodeId>,
}

/// A parsed HTML page.
#[derive(Debug)]
pub struct Document {
    nodes: Vec<Node>,
}

/// A step of a depth-first walk: entering a node, or leaving it after its children.
#[derive(Debug, Clone, Copy)]
pub enum Edge<'a> {
    /// Entering the node.
    Open(NodeRef<'a>),
    /// Leaving the node.
    Close(NodeRef<'a>),
}

/// A node of a [`Document`].
#[derive(Debug, Clone, Copy)]
pub struct NodeRef<'a> {
    doc: &'a Document,
    id: NodeId,
}

impl<'a> NodeRef<'a> {
    /// The node's id.
    pub fn id(&self) -> NodeId {
        self.id
    }

    /// What the node is.
    pub fn value(&self) -> &'a NodeData {
        &self.doc.nodes[self.id.index()].data
    }

    /// The concatenated text of the node's descendants.
    pub fn text(&self) -> String {
        let mut text = String::new();
        for edge in self.doc.traverse_from(self.id) {
            if let Edge::Open(node) = edge {
                if let NodeData::Text(t) = node.value() {
                    text.push_str(t);
                }
            }
        }
        text
    }

    /// The node's descendants in document order, the node itself excluded.
    pub fn descendants(&self) -> impl Iterator<Item = NodeRef<'a>> {
        self.doc
            .traverse_from(self.id)
            .skip(1)
            .filter_map(|edge| match edge {
                Edge::Open(node) => Some(node),
                Edge::Close(_) => None,
            })
    }
}

impl Document {
    /// Parses an HTML page. Never fails: any input gives a tree, as in HTML5.
    pub fn parse(html: &str) -> Document {
        let mut builder = build::TreeBuilder::new();
        tokenize::tokenize(html, &mut builder);
        builder.finish()
    }

    /// Number of nodes, the root included: the length of a per-node table.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// All nodes in document order, the root first.
    pub fn nodes(&self) -> impl Iterator<Item = NodeRef<'_>> {
        (0..self.nodes.len()).map(move |i| NodeRef {
            doc: self,
            id: NodeId(i as u32),
        })
    }

    /// The element with id `id`, if that node is an element.
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.node(id).data {
            NodeData::Element(el) => Some(el),
            _ => None,
        }
    }

    /// A depth-first walk of the whole tree, without recursion.
    pub fn traverse(&self) -> Traverse<'_> {
        self.traverse_from(NodeId(0))
    }

    fn traverse_from(&self, top: NodeId) -> Traverse<'_> {
        Traverse {
            doc: self,
            top,
            next: Some(Edge::Open(NodeRef { doc: self, id: top })),
        }
    }

    fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }
}

/// The iterator of [`Document::traverse`].
pub struct Traverse<'a> {
    doc: &'a Document,
    top: NodeId,
    next: Option<Edge<'a>>,
}

impl<'a> Iterator for Traverse<'a> {
    type Item = Edge<'a>;

    fn next(&mut self) -> Option<Edge<'a>> {
        let edge = self.next?;
        let doc = self.doc;
        let at = |id| NodeRef { doc, id };
        self.next = match edge {
            Edge::Open(node) => Some(match doc.node(node.id).first_child {
                Some(child) => Edge::Open(at(child)),
                None => Edge::Close(node),
            }),
            Edge::Close(node) if node.id == self.top => None,
            Edge::Close(node) => {
                let n = doc.node(node.id);
                match (n.next_sibling, n.parent) {
                    (Some(sibling), _) => Some(Edge::Open(at(sibling))),
                    (None, Some(parent)) => Some(Edge::Close(at(parent))),
                    (None, None) => None,
                }
            }
        };
        Some(edge)
    }
}

#[cfg(test)]
mod tests;
