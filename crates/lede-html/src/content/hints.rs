//! The hints of a page's elements: what their names and landmarks say, unless they wrap
//! most of the page.

use crate::dom::flag::{BLOCK, LANDMARK, SKIPPED};
use crate::dom::{Document, Edge, Element, NodeData, NodeId, Tag};

use super::block::{is_sentence_mark, PROSE_CHARS};
use super::walk::hidden;
use super::words::{hint, is_dialog, names_content, Hint};

/// Share of the page's text above which an element named like furniture is kept anyway.
const LARGE_SHARE: f64 = 0.5;
/// `<article>` elements side by side, at least this many, are cards of a list.
const CARD_ARTICLES: usize = 3;

/// The hints of the elements whose names say something (see [`hint`]), computed once for
/// both walks. A hidden element that holds more than [`LARGE_SHARE`] of the page's text
/// (outside scripts and styles) is
/// [`Hint::Revealed`]: a page cannot be mostly hidden from its readers, so script shows it
/// (React streams its server render into `<div hidden>`; anti-flicker snippets hide the
/// body until their test runs). An element named like furniture is a wrapper named after its layout
/// (`container penci_sidebar`, `header-style-2`), not a box of furniture, and gets no hint
/// when it holds more than [`LARGE_SHARE`] of the page's text outside scripts and styles
/// (inline CSS and JSON can outweigh the story) and of its prose ([`Run::prose_chars`]: a
/// footer or menu of a near-empty page holds most of its text, but the page's paragraphs
/// lie outside), unless it is a box laid over the page ([`is_dialog`]: a cookie box can
/// hold most of both). A table is judged by its text alone: its rows are the content of a
/// list page, not prose. It also gets no hint when its name
/// speaks of content (`documentContent__sharingContainer`) and it holds more than
/// [`LARGE_SHARE`] of the page's paragraph text (menus hold text, but no paragraphs), and,
/// named like boilerplate (not like layout: a footer of addresses can hold most of a
/// near-empty page's paragraphs), when it holds more than that share of both the page's
/// paragraph text and its prose outside a box laid over the page or one named after
/// comments: an ad holds no paragraphs of prose, so the story in `div#cuerpo-ad`
/// (Spanish "body") is read even where a column of headline links holds more of the
/// page's text.
///
/// A `<figure>` holding a `<table>` is that table, not a picture beside the story, and
/// gets the hint of its names instead of a landmark's; so does the `<header>` of an
/// `<article>` that has [`CARD_ARTICLES`] or more `<article>` siblings and itself (a card's
/// title and teaser).
///
/// On a forum thread (`thread`) an element named after comments (`comments`,
/// `comment-body`) holds the posts and gets no boilerplate hint. A schema.org `Comment`
/// (microdata) inside a `Question` or an `Answer` is a remark under a post, not a post,
/// and is boilerplate on any page.
pub(super) fn element_hints(doc: &Document, thread: bool) -> Vec<Hint> {
    struct Furniture {
        id: NodeId,
        read_chars: usize,
        paragraph_chars: usize,
        prose_chars: usize,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut hints = vec![Hint::Neutral; doc.node_count()];
    let mut furniture: Vec<Furniture> = Vec::new();
    let mut hidden_boxes: Vec<(NodeId, usize)> = Vec::new();
    let mut total_paragraph = 0usize;
    let mut open_paragraphs = 0usize;
    let mut total_read = 0usize;
    let mut open_unread = 0usize;
    let mut open_links = 0usize;
    let mut open_posts = 0usize;
    // The parents of the open `<article>` elements, innermost last; how many `<article>`
    // children each element has; and the `<header>` elements inside an article, with
    // that article's parent.
    let mut article_parents: Vec<NodeId> = Vec::new();
    let mut articles_in = vec![0usize; doc.node_count()];
    let mut article_headers: Vec<(NodeId, NodeId)> = Vec::new();
    let mut run = Run::default();
    let mut total_prose = 0usize;
    for edge in doc.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                NodeData::Element(el) => {
                    if el.tag().has(BLOCK) {
                        run.end(&mut total_prose, stack.last_mut());
                    }
                    open_links += usize::from(el.tag() == Tag::A);
                    open_paragraphs += usize::from(el.tag() == Tag::P);
                    open_unread += usize::from(el.tag().has(SKIPPED));
                    let item = schema_item(el);
                    let post = matches!(item, Some("Question" | "Answer"));
                    // A schema.org Comment on a question or an answer is a remark under
                    // the post, not one of the thread's posts.
                    let remark = open_posts > 0 && item == Some("Comment");
                    open_posts += usize::from(post);
                    if let Some(&parent) =
                        article_parents.last().filter(|_| el.tag() == Tag::HEADER)
                    {
                        article_headers.push((node.id(), parent));
                    }
                    if el.tag() == Tag::ARTICLE {
                        let parent = stack.last().map_or(node.id(), |top| top.id);
                        articles_in[parent.index()] += 1;
                        article_parents.push(parent);
                    }
                    stack.push(Open {
                        id: node.id(),
                        read_chars: 0,
                        paragraph_chars: 0,
                        prose_chars: 0,
                        table: false,
                        post,
                        hint: if el.tag().has(LANDMARK) || remark {
                            Hint::Boilerplate
                        } else if thread && names_comments(el) {
                            Hint::Neutral
                        } else {
                            hint(el)
                        },
                    });
                }
                NodeData::Text(text) => {
                    let chars = super::visible_chars(text);
                    let paragraph_chars = if open_paragraphs > 0 { chars } else { 0 };
                    let read_chars = if open_unread == 0 { chars } else { 0 };
                    total_paragraph += paragraph_chars;
                    total_read += read_chars;
                    if read_chars > 0 {
                        run.push(text, open_links > 0);
                    }
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
                if let NodeData::Element(el) = node.value() {
                    if el.tag().has(BLOCK) {
                        run.end(&mut total_prose, stack.last_mut());
                    }
                }
                let Some(mut open) = stack.pop() else {
                    continue;
                };
                if let NodeData::Element(el) = node.value() {
                    open.table |= el.tag() == Tag::TABLE;
                    open_paragraphs -= usize::from(el.tag() == Tag::P);
                    open_links -= usize::from(el.tag() == Tag::A);
                    open_posts -= usize::from(open.post);
                    if el.tag() == Tag::ARTICLE {
                        article_parents.pop();
                    }
                    open_unread -= usize::from(el.tag().has(SKIPPED));
                    if hidden(el) {
                        hidden_boxes.push((open.id, open.read_chars));
                    }
                    // WordPress wraps every table in `figure.wp-block-table`.
                    if el.tag() == Tag::FIGURE && open.table {
                        open.hint = hint(el);
                    }
                }
                hints[open.id.index()] = open.hint;
                if matches!(open.hint, Hint::Boilerplate | Hint::Layout) {
                    furniture.push(Furniture {
                        id: open.id,
                        read_chars: open.read_chars,
                        paragraph_chars: open.paragraph_chars,
                        prose_chars: open.prose_chars,
                    });
                }
                if let Some(parent) = stack.last_mut() {
                    parent.read_chars += open.read_chars;
                    parent.paragraph_chars += open.paragraph_chars;
                    parent.prose_chars += open.prose_chars;
                    parent.table |= open.table;
                }
            }
        }
    }
    let share = |part: usize, whole: usize| part as f64 > LARGE_SHARE * whole as f64;
    for f in furniture {
        let Some(el) = doc.element(f.id) else {
            continue;
        };
        let wrapper = (share(f.read_chars, total_read)
            && (share(f.prose_chars, total_prose) || el.tag() == Tag::TABLE)
            && !is_dialog(el))
            || (share(f.paragraph_chars, total_paragraph) && names_content(el))
            || (hints[f.id.index()] == Hint::Boilerplate
                && !el.tag().has(LANDMARK)
                && share(f.paragraph_chars, total_paragraph)
                && share(f.prose_chars, total_prose)
                && !is_dialog(el)
                && !names_comments(el));
        if wrapper {
            hints[f.id.index()] = Hint::Neutral;
        }
    }
    // The header of an `<article>` among several (a card's title and teaser) is no
    // banner of the page, as ARIA in HTML reads it; a page's own article keeps its
    // header out (a paywall box, share buttons).
    for (id, parent) in article_headers {
        if articles_in[parent.index()] >= CARD_ARTICLES && hints[id.index()] == Hint::Boilerplate {
            hints[id.index()] = doc.element(id).map_or(Hint::Neutral, hint);
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

/// An element still open in [`element_hints`]'s walk, with the text read inside it so far.
struct Open {
    id: NodeId,
    /// Characters outside scripts, styles and other elements never read.
    read_chars: usize,
    paragraph_chars: usize,
    /// Characters of prose paragraphs ([`Run::prose_chars`]).
    prose_chars: usize,
    /// Whether a `<table>` lies inside.
    table: bool,
    /// Whether the element is a schema.org Question or Answer.
    post: bool,
    hint: Hint,
}

/// The schema.org type an element's microdata `itemtype` names (`Answer` for
/// `https://schema.org/Answer`).
fn schema_item(el: &Element) -> Option<&str> {
    el.attr("itemtype")
        .map(|t| t.trim().rsplit('/').next().unwrap_or(""))
}

/// Text read since the last block boundary: how long it is, how much of it sits in links,
/// and whether it has sentence punctuation.
#[derive(Default)]
struct Run {
    chars: usize,
    link_chars: usize,
    sentence: bool,
}

impl Run {
    fn push(&mut self, text: &str, link: bool) {
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            self.chars += 1;
            self.link_chars += usize::from(link);
            self.sentence |= is_sentence_mark(c);
        }
    }

    /// Ends the run at a block boundary: its prose counts toward the page's `total` and the
    /// innermost open element's, and a new run starts.
    fn end(&mut self, total: &mut usize, open: Option<&mut Open>) {
        let prose = std::mem::take(self).prose_chars();
        *total += prose;
        if let Some(open) = open {
            open.prose_chars += prose;
        }
    }

    /// Its characters when it is a paragraph of prose, else 0.
    fn prose_chars(&self) -> usize {
        if self.chars >= PROSE_CHARS && self.sentence && 2 * self.link_chars <= self.chars {
            self.chars
        } else {
            0
        }
    }
}
