//! The standfirst: the publisher's own summary paragraph that opens an article (also
//! called the lead, intro, teaser, dek or deck; German "Vorspann", French "chapô", Spanish
//! "entradilla"). A page marks it by its structure: an element named after it, a heading
//! right after the headline (a deck), or the first paragraph set entirely in bold.
//!
//! A paragraph that merely repeats the page's `<meta name=description>` is not taken for
//! one: content systems fill the description from the first paragraph by default, so
//! that would make the learned default copy Lead-1 on any such page.
//!
//! Only a paragraph of the extracted body can be the standfirst, among the first
//! [`FIRST_PARAGRAPHS`], of running text and at least [`MIN_WORDS`] words, with body text
//! after it: a name alone (card teasers, subscription prompts named `intro`) is no evidence.

use crate::dom::{Document, Edge, NodeData, Tag};
use crate::keys;

use super::words::for_each_word;
use super::BlockKind;

/// The standfirst is one of the body's first this many paragraphs (a kicker, a byline or a
/// date line may come before it).
pub(super) const FIRST_PARAGRAPHS: usize = 3;
/// A standfirst has at least this many words: shorter lines are kickers and labels.
pub(super) const MIN_WORDS: usize = 8;
/// Elements with more text than this (in bytes) are containers, not a standfirst.
const MAX_BYTES: usize = 2000;

/// Words of class and id names that mark a standfirst, lowercase.
const NAMES: [&str; 25] = [
    "abstract",
    "bajada",
    "chapeau",
    "chapo",
    "deck",
    "dek",
    "entradilla",
    "excerpt",
    "ingress",
    "intro",
    "introduction",
    "kicker",
    "lead",
    "lede",
    "perex",
    "sapo",
    "sottotitolo",
    "standfirst",
    "strapline",
    "subheadline",
    "subline",
    "subtitle",
    "summary",
    "teaser",
    "vorspann",
];

/// The keys of [`NAMES`], for a binary search: every element's class names are read.
const NAME_KEYS: [u128; 25] = keys::keys(NAMES);

/// Stems that mark a standfirst in a compound word (`leadText`, `teasertext`, `introtext`).
const STEMS: &[&str] = &[
    "intro",
    "lead",
    "standfirst",
    "summary",
    "teaser",
    "vorspann",
];

/// Compounds of [`STEMS`] that say something else: Tailwind's `leading-*` is line height.
const NOT_STEMS: &[&str] = &["leader", "leading"];

/// How a page marks its standfirst.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// An element whose class or id names a standfirst ([`NAMES`]).
    Named,
    /// A heading that follows the `<h1>` headline as its next sibling: a deck.
    Deck,
    /// The first paragraph of prose, set entirely in `<b>` or `<strong>`.
    Bold,
}

/// The body's paragraphs as the extractor leaves them, with what the page says of them.
pub(crate) struct Body<'a> {
    /// The paragraphs, in reading order.
    pub(crate) paragraphs: &'a [String],
    /// Their kinds; empty when all are plain paragraphs.
    pub(crate) kinds: &'a [BlockKind],
    /// Whether each is prose; empty when all are.
    pub(crate) prose: &'a [bool],
}

/// The index in `body.paragraphs` of the standfirst that `doc` marks, with its cue.
pub(crate) fn find(doc: &Document, body: &Body) -> Option<(usize, Cue)> {
    let eligible: Vec<usize> = (0..body.paragraphs.len().min(FIRST_PARAGRAPHS))
        .filter(|&i| i + 1 < body.paragraphs.len() && is_eligible(body, i))
        .collect();
    if eligible.is_empty() {
        return None;
    }
    let marked = Marked::of(doc);
    let text = |i: usize| normalize(&body.paragraphs[i]);
    for &i in &eligible {
        // A heading is a deck only before the story's prose: a sub-heading named
        // `subtitle` after the opening paragraphs is no standfirst.
        let heading = matches!(body.kinds.get(i), Some(BlockKind::Heading(_)));
        if heading && (0..i).any(|j| is_prose(body, j)) {
            continue;
        }
        let t = text(i);
        if marked.named.iter().any(|n| n.starts_with(&t)) {
            return Some((i, Cue::Named));
        }
        if marked.decks.contains(&t) {
            return Some((i, Cue::Deck));
        }
    }
    // Bold: only the first paragraph of prose, as the body opens.
    let &i = eligible.first()?;
    let first_prose = (0..i).all(|j| !is_prose(body, j));
    (first_prose && marked.bold.contains(&text(i))).then_some((i, Cue::Bold))
}

/// Whether paragraph `i` of `body` can be a standfirst: running text (a paragraph or a
/// heading set as a deck, not a list item, quote, table row or code) of enough words.
fn is_eligible(body: &Body, i: usize) -> bool {
    let kind_ok = body
        .kinds
        .get(i)
        .is_none_or(|k| matches!(k, BlockKind::Paragraph | BlockKind::Heading(_)));
    kind_ok && is_prose(body, i) && body.paragraphs[i].split_whitespace().count() >= MIN_WORDS
}

fn is_prose(body: &Body, i: usize) -> bool {
    body.prose.get(i).copied().unwrap_or(true)
}

/// The texts (whitespace collapsed) of the elements that could mark a standfirst.
#[derive(Default)]
struct Marked {
    /// Elements named after a standfirst.
    named: Vec<String>,
    /// Headings that follow an `<h1>` as its next sibling.
    decks: Vec<String>,
    /// Paragraphs (`<p>`) whose text is all inside `<b>` or `<strong>`.
    bold: Vec<String>,
}

/// An element open during the walk of [`Marked::of`].
struct Open {
    node: crate::dom::NodeId,
    /// Collects its text: named after a standfirst, or a `<p>`.
    text: Option<String>,
    named: bool,
    deck: bool,
    /// Bold elements open when it opened, for a `<p>`; text outside any later one is not
    /// bold.
    bold_at: Option<usize>,
    /// All its text so far was bold.
    all_bold: bool,
    bold: bool,
}

impl Marked {
    fn of(doc: &Document) -> Marked {
        let mut out = Marked::default();
        let mut stack: Vec<Open> = Vec::new();
        let mut bold_open = 0usize;
        // The depth of an `<h1>` that just closed, until anything but white space follows.
        let mut after_h1: Option<usize> = None;
        for edge in doc.traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    NodeData::Element(el) => {
                        let tag = el.tag();
                        let bold = matches!(tag.name(), Some("b" | "strong"));
                        let named = el.classes().chain(el.id()).any(names_standfirst);
                        let paragraph = tag == Tag::P;
                        let deck = after_h1.take() == Some(stack.len())
                            && tag.heading_level().is_some_and(|level| level > 1);
                        stack.push(Open {
                            node: node.id(),
                            text: (named || paragraph || deck).then(String::new),
                            named,
                            deck,
                            bold_at: paragraph.then_some(bold_open),
                            all_bold: true,
                            bold,
                        });
                        bold_open += usize::from(bold);
                    }
                    NodeData::Text(text) => {
                        let visible = !text.trim().is_empty();
                        if visible {
                            after_h1 = None;
                        }
                        for open in stack.iter_mut() {
                            if let Some(collected) = open.text.as_mut() {
                                if collected.len() <= MAX_BYTES {
                                    collected.push_str(text);
                                }
                                if visible && open.bold_at.is_some_and(|at| bold_open <= at) {
                                    open.all_bold = false;
                                    // A paragraph not set in bold is read for nothing else.
                                    if !open.named && !open.deck {
                                        open.text = None;
                                    }
                                }
                            }
                        }
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if stack.last().is_none_or(|o| o.node != node.id()) {
                        continue;
                    }
                    let Some(open) = stack.pop() else { continue };
                    bold_open -= usize::from(open.bold);
                    if doc.element(open.node).is_some_and(|el| el.tag() == Tag::H1) {
                        after_h1 = Some(stack.len());
                    }
                    let Some(text) = open.text.filter(|t| t.len() <= MAX_BYTES) else {
                        continue;
                    };
                    let text = normalize(&text);
                    if text.is_empty() {
                        continue;
                    }
                    if open.bold_at.is_some() && open.all_bold {
                        out.bold.push(text.clone());
                    }
                    if open.deck {
                        out.decks.push(text.clone());
                    }
                    if open.named {
                        out.named.push(text);
                    }
                }
            }
        }
        out
    }
}

/// Whether a class or id name has a word that names a standfirst: `article-lead`,
/// `c-article-summary`, `leadText`, `teasertext`; not `leading-tight` (line height).
pub(super) fn names_standfirst(name: &str) -> bool {
    // The word lists are lowercase ASCII, so comparing while ignoring ASCII case is the
    // comparison of the lowercased word.
    let starts = |word: &str, stem: &str| {
        word.len() >= stem.len()
            && word.as_bytes()[..stem.len()].eq_ignore_ascii_case(stem.as_bytes())
    };
    let mut named = false;
    for_each_word(name, |word| {
        named |= keys::find(&NAME_KEYS, word.as_bytes()).is_some()
            || (STEMS.iter().any(|s| starts(word, s))
                && !NOT_STEMS.iter().any(|s| starts(word, s)));
    });
    named
}

/// `text` with runs of whitespace made one space, trimmed: how the extractor writes a
/// paragraph.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The name test compares ignoring ASCII case, which equals lowercasing the word only
    /// while the lists are lowercase.
    #[test]
    fn name_lists_are_lowercase_and_read_camel_case() {
        for word in NAMES.iter().chain(STEMS).chain(NOT_STEMS) {
            assert_eq!(*word, word.to_ascii_lowercase());
        }
        assert!(names_standfirst("article-Intro"));
        assert!(names_standfirst("storyLeadText"));
        assert!(names_standfirst("TEASERtext"));
        assert!(!names_standfirst("leading-7"));
        assert!(!names_standfirst("team-leader"));
    }

    const BODY: &str = "<p>The council met on Monday night and spent four hours on the budget.</p>\
        <p>Members argued over the cost of the new library and the pool.</p>";

    fn find_in(html: &str) -> Option<(usize, Cue)> {
        let doc = Document::parse(html);
        let article = crate::extract(html, None).expect("extracts");
        find(
            &doc,
            &Body {
                paragraphs: &article.paragraphs,
                kinds: &article.kinds,
                prose: &article.prose,
            },
        )
    }

    fn page(standfirst: &str) -> String {
        format!(
            "<html><body><article><h1>Budget night</h1>{standfirst}{BODY}</article></body></html>"
        )
    }

    #[test]
    fn class_words_mark_the_standfirst_in_several_languages() {
        let text = "A long night of talks ends with a budget that pleases nobody in the town.";
        for class in [
            "article-lead",
            "c-article-summary",
            "leadText",
            "e-standfirst",
            "vorspann",
            "chapo",
            "entradilla",
            "article__teasertext",
        ] {
            let html = page(&format!(r#"<p class="{class}">{text}</p>"#));
            assert_eq!(find_in(&html), Some((0, Cue::Named)), "{class}");
        }
        let html = page(&format!(r#"<div class="intro"><p>{text}</p></div>"#));
        assert_eq!(find_in(&html), Some((0, Cue::Named)));
        let html = page(&format!(r#"<h2 class="deck">{text}</h2>"#));
        assert_eq!(find_in(&html), Some((0, Cue::Named)));
    }

    #[test]
    fn a_heading_right_after_the_headline_is_a_deck() {
        let text = "A long night of talks ends with a budget that pleases nobody in the town.";
        let html = page(&format!("<h2>{text}</h2>"));
        assert_eq!(find_in(&html), Some((0, Cue::Deck)));
        let html = page(&format!("<p>By a reporter</p><h2>{text}</h2>"));
        assert_eq!(find_in(&html), None, "not the headline's next sibling");
    }

    #[test]
    fn line_height_classes_and_short_kickers_are_no_standfirst() {
        let text = "A long night of talks ends with a budget that pleases nobody in the town.";
        let html = page(&format!(r#"<p class="leading-tight">{text}</p>"#));
        assert_eq!(find_in(&html), None);
        let html = page(r#"<p class="kicker">Town hall</p>"#);
        assert_eq!(find_in(&html), None);
        assert!(!names_standfirst("leaderboard"));
        assert!(names_standfirst("article_header-lead__0E3Bn"));
        assert!(names_standfirst("ArticleItemTeaserText_text__H_RS_"));
    }

    #[test]
    fn a_standfirst_is_near_the_top_and_has_body_after_it() {
        let text = "A long night of talks ends with a budget that pleases nobody in the town.";
        let late = format!(
            "<html><body><article><h1>Budget night</h1>{BODY}\
             <p>Some other paragraph follows here with enough words in it.</p>\
             <p class=\"lead\">{text}</p><p>And the last one closes the story for good.</p>\
             </article></body></html>"
        );
        assert_eq!(find_in(&late), None);
        let alone = format!(
            "<html><body><article><h1>Budget night</h1><p class=\"lead\">{text}</p>\
             </article></body></html>"
        );
        assert_eq!(find_in(&alone), None);
    }

    #[test]
    fn a_sub_heading_after_the_opening_paragraphs_is_no_standfirst() {
        let html = "<html><body><article><h1>Budget night</h1>\
             <p>The council met on Monday night and spent four hours on the budget.</p>\
             <h2 class=\"article_subtitle\">Why the budget pleases nobody in the town at all</h2>\
             <p>It passed by one vote after midnight, with two members absent.</p>\
             </article></body></html>";
        assert_eq!(find_in(html), None);
    }

    #[test]
    fn a_first_paragraph_all_in_bold_is_the_standfirst() {
        let html = page(
            "<p><strong>A long night of talks ends with a budget</strong> <b>that pleases \
             nobody.</b></p>",
        );
        assert_eq!(find_in(&html), Some((0, Cue::Bold)));
        let html = page(
            "<p><strong>A long night of talks</strong> ends with a budget that pleases nobody.</p>",
        );
        assert_eq!(find_in(&html), None);
    }
}
