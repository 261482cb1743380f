//! The hints of a page's elements: what their names and landmarks say, unless they wrap
//! most of the page.

use crate::dom::flag::{LANDMARK, SKIPPED};
use crate::dom::{Document, Edge, Element, NodeData, NodeId, Tag};

use super::walk::hidden;
use super::words::{hint, names_content, Hint};

/// Share of the page's text above which an element named like furniture is kept anyway.
const LARGE_SHARE: f64 = 0.5;

/// The hints of the elements whose names say something (see [`hint`]), computed once for
/// both walks. A hidden element that holds more than [`LARGE_SHARE`] of the page's text
/// (outside scripts and styles) is
/// [`Hint::Revealed`]: a page cannot be mostly hidden from its readers, so script shows it
/// (React streams its server render into `<div hidden>`; anti-flicker snippets hide the
/// body until their test runs). An element named like furniture is a wrapper named after its layout
/// (`container penci_sidebar`, `header-style-2`), not a box of furniture, and gets no hint
/// when it holds more than [`LARGE_SHARE`] of the page's text outside scripts and styles
/// (inline CSS and JSON can outweigh the story), or when its name also
/// speaks of content (`documentContent__sharingContainer`) and it holds more than that
/// share of the page's paragraph text (menus hold text, but no paragraphs).
///
/// On a forum thread (`thread`) an element named after comments (`comments`,
/// `comment-body`) holds the posts and gets no boilerplate hint.
pub(super) fn element_hints(doc: &Document, thread: bool) -> Vec<Hint> {
    struct Open {
        id: NodeId,
        /// Characters outside scripts, styles and other elements never read.
        read_chars: usize,
        paragraph_chars: usize,
        hint: Hint,
    }
    struct Furniture {
        id: NodeId,
        read_chars: usize,
        paragraph_chars: usize,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut hints = vec![Hint::Neutral; doc.node_count()];
    let mut furniture: Vec<Furniture> = Vec::new();
    let mut hidden_boxes: Vec<(NodeId, usize)> = Vec::new();
    let mut total_paragraph = 0usize;
    let mut open_paragraphs = 0usize;
    let mut total_read = 0usize;
    let mut open_unread = 0usize;
    for edge in doc.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                NodeData::Element(el) => {
                    open_paragraphs += usize::from(el.tag() == Tag::P);
                    open_unread += usize::from(el.tag().has(SKIPPED));
                    stack.push(Open {
                        id: node.id(),
                        read_chars: 0,
                        paragraph_chars: 0,
                        hint: if el.tag().has(LANDMARK) {
                            Hint::Boilerplate
                        } else if thread && names_comments(el) {
                            Hint::Neutral
                        } else {
                            hint(el)
                        },
                    });
                }
                NodeData::Text(text) => {
                    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
                    let paragraph_chars = if open_paragraphs > 0 { chars } else { 0 };
                    let read_chars = if open_unread == 0 { chars } else { 0 };
                    total_paragraph += paragraph_chars;
                    total_read += read_chars;
                    if let Some(top) = stack.last_mut() {
                        top.read_chars += read_chars;
                        top.paragraph_chars += paragraph_chars;
                    }
                }
                NodeData::Document => {}
            },
            Edge::Close(node) => {
                if stack.last().is_none_or(|top| top.id != node.id()) {
                    continue;
                }
                let Some(open) = stack.pop() else {
                    continue;
                };
                if let NodeData::Element(el) = node.value() {
                    open_paragraphs -= usize::from(el.tag() == Tag::P);
                    open_unread -= usize::from(el.tag().has(SKIPPED));
                    if hidden(el) {
                        hidden_boxes.push((open.id, open.read_chars));
                    }
                }
                hints[open.id.index()] = open.hint;
                if matches!(open.hint, Hint::Boilerplate | Hint::Layout) {
                    furniture.push(Furniture {
                        id: open.id,
                        read_chars: open.read_chars,
                        paragraph_chars: open.paragraph_chars,
                    });
                }
                if let Some(parent) = stack.last_mut() {
                    parent.read_chars += open.read_chars;
                    parent.paragraph_chars += open.paragraph_chars;
                }
            }
        }
    }
    let share = |part: usize, whole: usize| part as f64 > LARGE_SHARE * whole as f64;
    for f in furniture {
        let wrapper = share(f.read_chars, total_read)
            || (share(f.paragraph_chars, total_paragraph)
                && doc.element(f.id).is_some_and(names_content));
        if wrapper {
            hints[f.id.index()] = Hint::Neutral;
        }
    }
    for (id, chars) in hidden_boxes {
        if share(chars, total_read) {
            hints[id.index()] = Hint::Revealed;
        }
    }
    hints
}

/// Whether a class or the id of `el` speaks of comments.
fn names_comments(el: &Element) -> bool {
    el.classes()
        .chain(el.id())
        .any(|name| name.to_ascii_lowercase().contains("comment"))
}
