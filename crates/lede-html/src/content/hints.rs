//! The hints of a page's elements: what their names and landmarks say, unless they wrap
//! most of the page.

use crate::dom::flag::LANDMARK;
use crate::dom::{Document, Edge, NodeData, NodeId, Tag};

use super::words::{hint, names_content, Hint};

/// Share of the page's text above which an element named like furniture is kept anyway.
const LARGE_SHARE: f64 = 0.5;

/// The hints of the elements whose names say something (see [`hint`]), computed once for
/// both walks. An element named like furniture is a wrapper named after its layout
/// (`container penci_sidebar`, `header-style-2`), not a box of furniture, and gets no hint
/// when it holds more than [`LARGE_SHARE`] of the page's text, or when its name also
/// speaks of content (`documentContent__sharingContainer`) and it holds more than that
/// share of the page's paragraph text (menus hold text, but no paragraphs).
pub(super) fn element_hints(doc: &Document) -> Vec<Hint> {
    struct Open {
        id: NodeId,
        chars: usize,
        paragraph_chars: usize,
        hint: Hint,
    }
    struct Furniture {
        id: NodeId,
        chars: usize,
        paragraph_chars: usize,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut hints = vec![Hint::Neutral; doc.node_count()];
    let mut furniture: Vec<Furniture> = Vec::new();
    let mut total = 0usize;
    let mut total_paragraph = 0usize;
    let mut open_paragraphs = 0usize;
    for edge in doc.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                NodeData::Element(el) => {
                    open_paragraphs += usize::from(el.tag() == Tag::P);
                    stack.push(Open {
                        id: node.id(),
                        chars: 0,
                        paragraph_chars: 0,
                        hint: if el.tag().has(LANDMARK) {
                            Hint::Boilerplate
                        } else {
                            hint(el)
                        },
                    });
                }
                NodeData::Text(text) => {
                    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
                    let paragraph_chars = if open_paragraphs > 0 { chars } else { 0 };
                    total += chars;
                    total_paragraph += paragraph_chars;
                    if let Some(top) = stack.last_mut() {
                        top.chars += chars;
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
                }
                hints[open.id.index()] = open.hint;
                if matches!(open.hint, Hint::Boilerplate | Hint::Layout) {
                    furniture.push(Furniture {
                        id: open.id,
                        chars: open.chars,
                        paragraph_chars: open.paragraph_chars,
                    });
                }
                if let Some(parent) = stack.last_mut() {
                    parent.chars += open.chars;
                    parent.paragraph_chars += open.paragraph_chars;
                }
            }
        }
    }
    let share = |part: usize, whole: usize| part as f64 > LARGE_SHARE * whole as f64;
    for f in furniture {
        let wrapper = share(f.chars, total)
            || (share(f.paragraph_chars, total_paragraph)
                && doc.element(f.id).is_some_and(names_content));
        if wrapper {
            hints[f.id.index()] = Hint::Neutral;
        }
    }
    hints
}
