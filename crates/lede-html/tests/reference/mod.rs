//! html5ever as the reference for lede's hand-written parser.
//!
//! [`parse`] parses a page with html5ever and feeds its tree, in document order, to lede's
//! own tree builder, so both trees have one type and [`visible`] reads them the same way.
//! What lede's tokenizer drops by design (scripts other than JSON-LD, styles, SVG/MathML
//! content, `noscript`, frames) is not fed, since no reader sees it.
//!
//! Shared by `tests/parser_spec.rs` and `examples/parser_diff.rs`, each of which compiles
//! the parser's source (`src/dom`, `src/keys.rs`) as its own module.

use std::borrow::Cow;

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData as Html5, RcDom};

use crate::dom::build::TreeBuilder;
use crate::dom::flag::{BLOCK, DROPPED_TEXT, VOID};
use crate::dom::tokenize::{Name, Sink, KEPT_ATTRIBUTES};
use crate::dom::{Attribute, Document, Edge, NodeData, Tag};

/// Parses `html` with html5ever into a lede [`Document`].
pub fn parse(html: &str) -> Document {
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    let mut builder = TreeBuilder::new();
    enum Step {
        Open(Handle),
        Close(String),
    }
    let mut steps = vec![Step::Open(dom.document.clone())];
    while let Some(step) = steps.pop() {
        let node = match step {
            Step::Close(name) => {
                builder.end_tag(name_of(&name));
                continue;
            }
            Step::Open(node) => node,
        };
        let feed_children = match &node.data {
            Html5::Document => true,
            Html5::Text { contents } => {
                builder.text(Cow::Borrowed(&contents.borrow()));
                false
            }
            Html5::Element { name, attrs, .. } => {
                let local: &str = &name.local;
                let html_ns = name.ns == html5ever::ns!(html);
                let attributes: Vec<Attribute> = attrs
                    .borrow()
                    .iter()
                    .filter_map(|a| {
                        let kept = KEPT_ATTRIBUTES.iter().find(|&&k| *k == *a.name.local)?;
                        Some((*kept, a.value.to_string().into_boxed_str()))
                    })
                    .collect();
                let json_ld = local == "script"
                    && attributes
                        .iter()
                        .any(|(n, v)| *n == "type" && v.to_ascii_lowercase().contains("ld+json"));
                let tag = Tag::lookup(local);
                // Inside SVG and MathML only the outer element is kept, as lede's tokenizer
                // does; script text only for JSON-LD.
                let dropped = !html_ns
                    || tag.is_some_and(|t| t.has(DROPPED_TEXT))
                    || (local == "script" && !json_ld);
                if !html_ns && !matches!(local, "svg" | "math") {
                    false
                } else {
                    builder.start_tag(name_of(local), attributes, false);
                    if !tag.is_some_and(|t| t.has(VOID)) {
                        steps.push(Step::Close(local.to_string()));
                    }
                    !dropped
                }
            }
            _ => false,
        };
        if feed_children {
            for child in node.children.borrow().iter().rev() {
                steps.push(Step::Open(child.clone()));
            }
        }
    }
    builder.finish()
}

fn name_of(name: &str) -> Name<'_> {
    match Tag::lookup(name) {
        Some(tag) => Name::Known(tag),
        None => Name::Other(name),
    }
}

/// The text a reader sees in a tree, and how much of it is inside links.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Visible {
    /// Text between block boundaries (the extractor's block elements and `br`; table
    /// cells are kept apart by a space),
    /// whitespace-collapsed, empty blocks left out, in document order.
    pub blocks: Vec<String>,
    /// Non-space characters inside `<a>`.
    pub link_chars: usize,
}

/// The visible text of `doc`: text outside `head`, `title`, scripts, styles, templates,
/// `noscript`, SVG, MathML and frames.
pub fn visible(doc: &Document) -> Visible {
    let hidden: Vec<Tag> = [
        "head", "title", "script", "style", "template", "noscript", "svg", "math", "iframe",
        "noembed", "noframes",
    ]
    .iter()
    .filter_map(|n| Tag::lookup(n))
    .collect();
    let mut out = Visible::default();
    let mut block = String::new();
    let mut skip = 0usize;
    let mut links = 0usize;
    let end_block = |block: &mut String, out: &mut Visible| {
        let text = block.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.blocks.push(text);
        }
        block.clear();
    };
    for edge in doc.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                NodeData::Element(el) => {
                    let tag = el.tag();
                    if skip > 0 || hidden.contains(&tag) {
                        skip += 1;
                    } else if tag.has(BLOCK) || tag == Tag::BR {
                        end_block(&mut block, &mut out);
                    }
                    // Cells of a row are read apart.
                    if skip == 0 && matches!(tag, Tag::TD | Tag::TH) {
                        block.push(' ');
                    }
                    if tag == Tag::A {
                        links += 1;
                    }
                }
                NodeData::Text(text) if skip == 0 => {
                    block.push_str(text);
                    if links > 0 {
                        out.link_chars += text.chars().filter(|c| !c.is_whitespace()).count();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let NodeData::Element(el) = node.value() {
                    let tag = el.tag();
                    if tag == Tag::A {
                        links -= 1;
                    }
                    if skip > 0 {
                        skip -= 1;
                    } else if tag.has(BLOCK) {
                        end_block(&mut block, &mut out);
                    }
                }
            }
        }
    }
    end_block(&mut block, &mut out);
    out
}
