//! Finding the article body in a parsed page.
//!
//! Written by hand because the scoring is the heart of extraction quality. One iterative
//! walk over the DOM (no recursion, so 100,000 nested elements cannot overflow the stack)
//! cuts the page into text blocks (paragraphs, headings, list items, loose text of a
//! `<div>`), skipping furniture (`nav`, `aside`, scripts, ads, comments, share widgets,
//! captions). Each block gets a weight: plain prose counts for its length, link lists and
//! short unpunctuated scraps count against. Each element scores the sum of the blocks below
//! it, and the element with the highest score is the article: it holds the most prose for
//! the least furniture, however the page splits the story into containers.

use std::collections::HashSet;

use crate::dom::{Document, Edge, Element, NodeData, NodeId};

use crate::words::{hint, names_content, names_related, Hint};

/// Headings at least this long (in non-space characters) with sentence punctuation are
/// prose.
const LONG_HEADING: usize = 80;
/// Blocks shorter than this (in characters) without sentence punctuation count as scraps.
const SHORT_BLOCK: usize = 25;
/// A block whose share of characters inside links exceeds this is a link list.
const MAX_LINK_DENSITY: f64 = 0.5;
/// Share of the page's text above which an element named like furniture is kept anyway.
const LARGE_SHARE: f64 = 0.5;
/// A strict pass that finds less body text than this (in characters) is retried without
/// the class and id rules.
const MIN_BODY_CHARS: usize = 200;

/// Body text and highlights of a page.
#[derive(Debug, Default)]
pub struct Body {
    /// Clean paragraphs in reading order.
    pub paragraphs: Vec<String>,
    /// Publisher bullet highlights.
    pub highlights: Vec<String>,
    /// Text of the first `<h1>`, a fallback title.
    pub heading: Option<String>,
}

/// Finds the body of `doc`.
pub fn body(doc: &Document) -> Body {
    let hints = element_hints(doc);
    let strict = Walk::run(doc, &hints, true);
    let paragraphs = strict.paragraphs();
    let chars: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    let paragraphs = if chars >= MIN_BODY_CHARS {
        paragraphs
    } else {
        let loose = Walk::run(doc, &hints, false).paragraphs();
        let loose_chars: usize = loose.iter().map(|p| p.chars().count()).sum();
        if loose_chars > chars {
            loose
        } else {
            paragraphs
        }
    };
    Body {
        paragraphs,
        highlights: strict.highlights,
        heading: strict.heading,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Item,
    Heading(u8),
    Other,
}

/// A run of text between block-level boundaries.
#[derive(Debug)]
struct Block {
    text: String,
    chars: usize,
    link_chars: usize,
    kind: Kind,
    /// Follows a heading announcing related stories: scored, but not output.
    dropped: bool,
}

impl Block {
    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }

    fn has_sentence_punctuation(&self) -> bool {
        self.text
            .chars()
            .any(|c| matches!(c, '.' | ',' | '!' | '?' | ';' | '。' | '、' | '،'))
    }

    /// A sentence or more of running text.
    fn is_prose(&self) -> bool {
        (!self.is_heading() || self.chars >= LONG_HEADING)
            && self.chars >= 2 * SHORT_BLOCK
            && self.has_sentence_punctuation()
    }

    /// A heading, unless it is as long as a paragraph: pages written in a rich-text
    /// editor sometimes set whole paragraphs as headings.
    fn is_heading(&self) -> bool {
        matches!(self.kind, Kind::Heading(_))
    }

    /// A paragraph of prose that happens to be mostly a link ("... was <a>sentenced to life</a>.").
    fn is_linked_sentence(&self) -> bool {
        self.kind == Kind::Paragraph
            && self.link_chars < self.chars
            && self.chars >= 2 * SHORT_BLOCK
            && self.has_sentence_punctuation()
    }

    /// A linked headline followed by a truncated excerpt ("...") is a teaser for another page.
    fn is_teaser(&self) -> bool {
        let text = self
            .text
            .trim_end_matches(|c: char| c.is_whitespace() || c == ']' || c == ')');
        self.link_chars > 0 && (text.ends_with("...") || text.ends_with('…'))
    }

    /// Evidence that this block is article prose (positive) or furniture (negative).
    fn weight(&self) -> f64 {
        let len = self.chars as f64;
        let density = self.link_density();
        if density > MAX_LINK_DENSITY || self.is_teaser() {
            return -len;
        }
        if self.is_heading() && !self.is_prose() {
            return 0.0;
        }
        if !self.has_sentence_punctuation() {
            return if self.chars < SHORT_BLOCK {
                -0.5 * len
            } else {
                0.25 * len * (1.0 - density)
            };
        }
        len * (1.0 - density)
    }
}

/// An element whose subtree holds at least one block.
#[derive(Debug)]
struct Candidate {
    score: f64,
    first_block: usize,
    end_block: usize,
}

/// State of one open element during the walk.
struct Frame {
    node: NodeId,
    kind: Kind,
    block_level: bool,
    skipped: bool,
    link: bool,
    pre: bool,
    highlights: bool,
    score: f64,
    first_block: usize,
    /// A heading announcing related stories closed in this element: what follows is
    /// left out of the output.
    ended: bool,
    /// The part of `score` that comes from blocks left out of the output.
    dropped_weight: f64,
    /// Opened after such a heading in an ancestor: all of it is left out.
    dropped: bool,
    /// Content followed the heading that ended this element.
    followed: bool,
    /// A heading whose class or id says "related".
    related_name: bool,
}

/// Text collected since the last block boundary.
#[derive(Default)]
struct Pending {
    text: String,
    chars: usize,
    link_chars: usize,
    space: bool,
}

impl Pending {
    fn push(&mut self, text: &str, link: bool, pre: bool) {
        for c in text.chars() {
            if c == '\n' && pre {
                self.newline();
            } else if c.is_whitespace() {
                self.space = !self.text.is_empty() && !self.text.ends_with('\n');
            } else {
                if self.space {
                    self.text.push(' ');
                    self.space = false;
                }
                self.text.push(c);
                self.chars += 1;
                if link {
                    self.link_chars += 1;
                }
            }
        }
    }

    /// Keeps the next text apart from the previous one (table cells of a row).
    fn separate(&mut self) {
        self.space = !self.text.is_empty() && !self.text.ends_with('\n');
    }

    fn newline(&mut self) {
        self.space = false;
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }
}

struct Walk {
    blocks: Vec<Block>,
    candidates: Vec<Candidate>,
    highlights: Vec<String>,
    heading: Option<String>,
}

impl Walk {
    fn run(doc: &Document, hints: &[Hint], strict: bool) -> Walk {
        let mut walk = Walk {
            blocks: Vec::new(),
            candidates: Vec::new(),
            highlights: Vec::new(),
            heading: None,
        };
        let mut stack: Vec<Frame> = Vec::new();
        let mut pending = Pending::default();
        let mut skip_depth = 0usize;
        for edge in doc.traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    NodeData::Text(text) if skip_depth == 0 => {
                        let top = stack.last();
                        pending.push(
                            text,
                            top.is_some_and(|f| f.link),
                            top.is_some_and(|f| f.pre),
                        );
                    }
                    NodeData::Element(el) => {
                        let name = el.name();
                        let (in_link, in_pre, in_highlights) = stack
                            .last()
                            .map_or((false, false, false), |p| (p.link, p.pre, p.highlights));
                        let h = if skip_depth > 0 {
                            Hint::Neutral
                        } else {
                            hints[node.id().index()]
                        };
                        // Paragraphs that follow the heading in the same element are the
                        // story going on after an inline box of links; anything else is
                        // part of the teasers.
                        let after_end = stack
                            .last()
                            .is_some_and(|p| p.dropped || (p.ended && name != "p"));
                        if let Some(parent) = stack.last_mut().filter(|p| p.ended) {
                            parent.followed = true;
                        }
                        let skipped = skip_depth > 0
                            || skip_tag(name)
                            || hidden(el)
                            || ((h == Hint::Boilerplate || (strict && h == Hint::Layout))
                                && !matches!(name, "html" | "body"));
                        let highlights = !skipped
                            && (in_highlights || (h == Hint::Highlights && is_list_box(name)));
                        let block_level = is_block(name);
                        if skipped {
                            skip_depth += 1;
                        } else if block_level {
                            walk.flush(&mut pending, &mut stack);
                        }
                        if !skipped {
                            match name {
                                "br" => pending.newline(),
                                "td" | "th" => pending.separate(),
                                _ => {}
                            }
                        }
                        let kind = kind_of(name);
                        stack.push(Frame {
                            node: node.id(),
                            kind,
                            block_level,
                            skipped,
                            link: in_link || name == "a",
                            pre: in_pre || name == "pre",
                            highlights,
                            score: 0.0,
                            first_block: walk.blocks.len(),
                            ended: false,
                            dropped_weight: 0.0,
                            dropped: after_end,
                            followed: false,
                            related_name: matches!(kind, Kind::Heading(_)) && names_related(el),
                        });
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if stack.last().is_none_or(|f| f.node != node.id()) {
                        continue;
                    }
                    if let Some(frame) = stack.last() {
                        if frame.skipped {
                            skip_depth -= 1;
                        } else if frame.block_level {
                            walk.flush(&mut pending, &mut stack);
                        }
                    }
                    let Some(frame) = stack.pop() else {
                        continue;
                    };
                    if frame.skipped {
                        continue;
                    }
                    // A heading announcing related stories ends the article in its
                    // container: what follows it there is teasers, not the story, and is
                    // left out of the output (scores are unchanged, so the choice of the
                    // article element is not). A wrapper holding nothing but such a heading
                    // passes the end on to its parent, where the teasers are.
                    let announces_related = matches!(frame.kind, Kind::Heading(_))
                        && frame.first_block + 1 == walk.blocks.len()
                        && (frame.related_name
                            || walk
                                .blocks
                                .last()
                                .is_some_and(|b| announces_related(&b.text)));
                    if announces_related {
                        if let Some(block) = walk.blocks.last_mut() {
                            block.dropped = true;
                        }
                    }
                    let end_parent = announces_related
                        || (frame.ended
                            && !frame.followed
                            && walk.blocks[frame.first_block..].iter().all(|b| b.dropped));
                    if end_parent {
                        if let Some(parent) = stack.last_mut() {
                            parent.ended = true;
                        }
                    }
                    if frame.first_block < walk.blocks.len() {
                        // As a candidate for the article, an element ended by a related-
                        // stories heading is worth its output; for its ancestors the
                        // teasers still count as furniture.
                        walk.candidates.push(Candidate {
                            score: if frame.ended {
                                frame.score - frame.dropped_weight
                            } else {
                                frame.score
                            },
                            first_block: frame.first_block,
                            end_block: walk.blocks.len(),
                        });
                    }
                    if let Some(parent) = stack.last_mut() {
                        parent.score += frame.score;
                        parent.dropped_weight += frame.dropped_weight;
                    }
                }
            }
        }
        walk.flush(&mut pending, &mut stack);
        walk
    }

    /// Ends the pending text as a block owned by the innermost open element.
    fn flush(&mut self, pending: &mut Pending, stack: &mut [Frame]) {
        let taken = std::mem::take(pending);
        let text = taken.text.trim_end_matches('\n').to_string();
        if taken.chars == 0 {
            return;
        }
        let Some(owner) = stack.last_mut() else {
            return;
        };
        // Items of a highlights box are the publisher's bullets; its paragraphs are body
        // text (a story section named `article-section__bullet` is not a bullet list).
        if owner.highlights && owner.kind != Kind::Paragraph {
            if owner.kind == Kind::Item {
                self.highlights.extend(lines(&text));
            }
            return;
        }
        let kind = owner.kind;
        if kind == Kind::Heading(1) && self.heading.is_none() {
            self.heading = Some(text.replace('\n', " "));
        }
        if owner.ended {
            owner.followed = true;
        }
        let block = Block {
            text,
            chars: taken.chars,
            link_chars: taken.link_chars,
            kind,
            dropped: owner.ended || owner.dropped,
        };
        // Text after a related-stories heading is never evidence of the article.
        if block.dropped {
            let weight = block.weight().min(0.0);
            owner.score += weight;
            owner.dropped_weight += weight;
        } else {
            owner.score += block.weight();
        }
        self.blocks.push(block);
    }

    /// Clean paragraphs of the best-scoring element, or of the next best when all of its
    /// text is furniture.
    fn paragraphs(&self) -> Vec<String> {
        let mut best: Option<&Candidate> = None;
        for c in &self.candidates {
            if best.is_none_or(|b| c.score > b.score) {
                best = Some(c);
            }
        }
        let Some(best) = best.filter(|b| b.score > 0.0) else {
            return Vec::new();
        };
        let out = self.output(best);
        if !out.is_empty() {
            return out;
        }
        let mut ranked: Vec<&Candidate> = self
            .candidates
            .iter()
            .filter(|c| c.score > 0.0 && !std::ptr::eq(*c, best))
            .collect();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
        ranked
            .into_iter()
            .map(|c| self.output(c))
            .find(|out| !out.is_empty())
            .unwrap_or_default()
    }

    /// The clean paragraphs of candidate element `best`.
    fn output(&self, best: &Candidate) -> Vec<String> {
        let kept: Vec<&Block> = self.blocks[best.first_block..best.end_block]
            .iter()
            .filter(|block| {
                !(block.dropped
                    || (block.link_density() > MAX_LINK_DENSITY && !block.is_linked_sentence())
                    || block.is_teaser()
                    || block.kind == Kind::Heading(1)
                    || is_furniture_text(&block.text))
            })
            .collect();
        // Scraps after the last sentence of prose are credits, tags, sign-offs and
        // "Related" headings.
        let last = kept
            .iter()
            .rposition(|b| b.is_prose())
            .unwrap_or(kept.len());
        let mut seen = HashSet::new();
        let mut out: Vec<String> = Vec::new();
        for (i, block) in kept.into_iter().enumerate() {
            if i > last && block.kind != Kind::Paragraph {
                continue;
            }
            for line in lines(&block.text) {
                if seen.insert(line.clone()) {
                    out.push(line);
                }
            }
        }
        out
    }
}

/// The hints of the elements whose names say something (see [`hint`]), computed once for
/// both walks. An element named like furniture is a wrapper named after its layout
/// (`container penci_sidebar`, `header-style-2`), not a box of furniture, and gets no hint
/// when it holds more than [`LARGE_SHARE`] of the page's text, or when its name also
/// speaks of content (`documentContent__sharingContainer`) and it holds more than that
/// share of the page's paragraph text (menus hold text, but no paragraphs).
fn element_hints(doc: &Document) -> Vec<Hint> {
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
                    open_paragraphs += usize::from(el.name() == "p");
                    stack.push(Open {
                        id: node.id(),
                        chars: 0,
                        paragraph_chars: 0,
                        hint: if is_landmark(el.name()) {
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
                    open_paragraphs -= usize::from(el.name() == "p");
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

/// Non-empty trimmed lines of `text`.
fn lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
}

/// Short lines that are page furniture wherever they appear, and lists of bare URLs.
fn is_furniture_text(text: &str) -> bool {
    if is_url_list(text) {
        return true;
    }
    /// Labels, calls to action and notices that start a short block of furniture, in the
    /// languages news pages are most often written in.
    const PREFIXES: &[&str] = &[
        "- anzeige",
        "advertisement",
        "all rights reserved",
        "anzeige",
        "aufrufe",
        "aktualisiert am",
        "categories:",
        "category:",
        "category :",
        "click here",
        "continue reading",
        "copyright",
        "did you find this",
        "drucken",
        "erstellt am",
        "filed under",
        "follow us",
        "ist dieser beitrag hilfreich",
        "kategorie:",
        "kategorien:",
        "last modified",
        "last updated",
        "mit freunden teilen",
        "opublikowano",
        "posted in",
        "posted on",
        "posted:",
        "post views",
        "print recipe",
        "published on",
        "published:",
        "publicidad",
        "publicité",
        "quelle:",
        "quellenangaben",
        "read more",
        "related:",
        "release date",
        "rezept drucken",
        "schlagworte:",
        "share this",
        "sign up",
        "story continues below",
        "subscribe",
        "tags:",
        "this entry was posted",
        "titelbild",
        "beitragsbild",
        "updated:",
        "veröffentlicht am",
        "war der artikel nützlich",
        "was this article helpful",
        "werbung",
        "*werbung",
        "©",
    ];
    /// Calls to action that give a short block away wherever they appear in it.
    const MARKERS: &[&str] = &[
        "follow her on",
        "follow him on",
        "follow us on",
        "newsletter",
        "sign up for",
        "subscribe to",
    ];
    /// Cookie notices, which run longer.
    const COOKIE_MARKERS: &[&str] = &[
        "accept cookies",
        "cookie policy",
        "cookie settings",
        "cookie-einstellungen",
        "cookie-richtlinie",
        "korzystamy z cookies",
        "nutzen cookies",
        "use cookies",
        "uses cookies",
        "utilisons des cookies",
        "utilizamos cookies",
        "verwenden cookies",
        "verwendet cookies",
        "was sind cookies",
    ];
    let chars = text.chars().count();
    if chars > 300 {
        return false;
    }
    let lower = text.trim().to_lowercase();
    let cookie_notice = COOKIE_MARKERS.iter().any(|m| lower.contains(m));
    if chars > 160 {
        return cookie_notice;
    }
    (chars <= 80
        && (PREFIXES.iter().any(|p| lower.starts_with(p))
            || is_byline(&lower)
            || (announces_related(text) && !lower.ends_with(['.', '!', '?']))))
        || cookie_notice
        || MARKERS.iter().any(|m| lower.contains(m))
        || is_gallery_counter(&lower)
        || is_date_line(&lower)
}

/// A block that is only a date or time: "October 12, 2017", "05. Februar 2020, 19:49",
/// "2019-11-18", "3:59 PM", "2 months ago".
fn is_date_line(lower: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan",
        "january",
        "januar",
        "janvier",
        "enero",
        "janeiro",
        "gennaio",
        "feb",
        "february",
        "februar",
        "février",
        "febrero",
        "fevereiro",
        "febbraio",
        "mar",
        "march",
        "märz",
        "mars",
        "marzo",
        "março",
        "apr",
        "april",
        "avril",
        "abril",
        "aprile",
        "may",
        "mai",
        "mayo",
        "maio",
        "maggio",
        "jun",
        "june",
        "juni",
        "juin",
        "junio",
        "junho",
        "giugno",
        "jul",
        "july",
        "juli",
        "juillet",
        "julio",
        "julho",
        "luglio",
        "aug",
        "august",
        "août",
        "agosto",
        "sep",
        "sept",
        "september",
        "septembre",
        "septiembre",
        "setembro",
        "settembre",
        "oct",
        "october",
        "oktober",
        "octobre",
        "octubre",
        "outubro",
        "ottobre",
        "nov",
        "november",
        "novembre",
        "noviembre",
        "novembro",
        "dec",
        "december",
        "dezember",
        "décembre",
        "diciembre",
        "dezembro",
        "dicembre",
    ];
    const FILLERS: &[&str] = &[
        "am", "pm", "at", "um", "uhr", "de", "del", "le", "el", "on", "|", "-", "–", "·", "/",
        "et", "gmt", "utc", "est", "edt", "pst", "cet", "cest", "bst",
    ];
    const WEEKDAYS: &[&str] = &[
        "mon",
        "monday",
        "montag",
        "lundi",
        "lunes",
        "tue",
        "tues",
        "tuesday",
        "dienstag",
        "mardi",
        "martes",
        "wed",
        "wednesday",
        "mittwoch",
        "mercredi",
        "miércoles",
        "thu",
        "thurs",
        "thursday",
        "donnerstag",
        "jeudi",
        "jueves",
        "fri",
        "friday",
        "freitag",
        "vendredi",
        "viernes",
        "sat",
        "saturday",
        "samstag",
        "samedi",
        "sábado",
        "sun",
        "sunday",
        "sonntag",
        "dimanche",
        "domingo",
    ];
    const AGO_UNITS: &[&str] = &[
        "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "day", "days",
        "week", "weeks", "month", "months", "year", "years",
    ];
    if lower.len() > 48 {
        return false;
    }
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if let [n, unit, "ago"] = words.as_slice() {
        return n.chars().all(|c| c.is_ascii_digit()) && AGO_UNITS.contains(unit);
    }
    let mut numbers = 0;
    let mut dated = false;
    for word in &words {
        let bare = word.trim_end_matches('.');
        if bare.chars().all(|c| c.is_ascii_digit()) && !bare.is_empty() && bare.len() <= 4 {
            numbers += 1;
        } else if bare
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '/' | ':'))
            && bare.chars().filter(|c| c.is_ascii_digit()).count() >= 3
        {
            // 2019-11-18, 18.11.2019, 11/18/19, 19:49
            dated = true;
        } else if MONTHS.contains(&bare) {
            dated = true;
        } else if !WEEKDAYS.contains(&bare) && !FILLERS.contains(&bare) {
            return false;
        }
    }
    dated
        && (numbers > 0
            || words
                .iter()
                .any(|w| w.contains(|c: char| c.is_ascii_digit())))
}

/// Headings that introduce links to other stories: "Related", "More from CNN", "You may
/// also like", and their usual forms in other languages.
fn announces_related(heading: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "related",
        "more from",
        "more stories",
        "more news",
        "more on this",
        "read more",
        "read next",
        "also read",
        "read also",
        "recommended",
        "you may also like",
        "you might also like",
        "you may like",
        "you might like",
        "most read",
        "most popular",
        "popular stories",
        "trending",
        "top stories",
        "latest news",
        "leia também",
        "veja também",
        "você pode gostar",
        "você também pode gostar",
        "lea también",
        "te puede interesar",
        "también te puede interesar",
        "noticias relacionadas",
        "lire aussi",
        "à lire aussi",
        "a lire aussi",
        "sur le même sujet",
        "das könnte sie auch interessieren",
        "mehr zum thema",
        "lesen sie auch",
        "auch interessant",
        "weitere artikel",
        "leggi anche",
        "potrebbe interessarti",
        "articoli correlati",
        "читайте также",
        "похожие",
        "schon gelesen",
        "zobacz także",
        "zobacz też",
        "czytaj też",
        "czytaj także",
        "das könnte dich auch interessieren",
        "ähnliche beiträge",
        "zum weiterlesen",
        "weiterlesen",
        "weitere beiträge",
        "explore further",
        "see also",
        "siehe auch",
        "voir aussi",
        "ver también",
        "vea también",
        "leia mais",
        "mehr zu ",
    ];
    let chars = heading.chars().count();
    if chars > 60 {
        return false;
    }
    let lower = heading.trim().to_lowercase();
    let words = lower.split_whitespace().count();
    PREFIXES.iter().any(|p| lower.starts_with(p))
        || (words <= 4
            && (lower.starts_with("more ") || lower.starts_with("mehr "))
            && !lower.ends_with(['.', '?', '!'])
            && names_a_source(heading))
}

/// Whether the word after the first is capitalised, as in "More Washington Examiner" or
/// "More From The Web" (unlike the headline "More rain expected").
fn names_a_source(heading: &str) -> bool {
    heading
        .split_whitespace()
        .nth(1)
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// "By Jane Smith", "by Lighthouse IP / 2016.12.01": a byline, unlike the sentence
/// "By noon, the streets were flooded."
fn is_byline(lower: &str) -> bool {
    lower.starts_with("by ") && !lower.ends_with(['.', '!', '?', '"', '”', ':'])
}

/// Text made mostly of bare URLs (image sources, tracking data leaked into the page).
fn is_url_list(text: &str) -> bool {
    let mut urls = 0;
    let mut url_chars = 0;
    for token in text.split_whitespace() {
        if token.starts_with("http://") || token.starts_with("https://") {
            urls += 1;
            url_chars += token.len();
        }
    }
    urls >= 2 && 2 * url_chars > text.len()
}

/// "Image 1 of 5", "photo 3 of 12": slideshow position labels.
fn is_gallery_counter(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    matches!(
        words.as_slice(),
        [kind, n, "of", m] if ["image", "photo", "picture", "slide", "foto", "bild"].contains(kind)
            && number(n) && number(m)
    )
}

fn skip_tag(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "picture"
            | "img"
            | "map"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "option"
            | "label"
    )
}

/// Page landmarks that hold furniture: skipped like elements named as furniture, and
/// kept like them when they wrap most of the page (a `<header>` left open by the page).
fn is_landmark(name: &str) -> bool {
    matches!(
        name,
        "nav" | "aside" | "footer" | "header" | "figure" | "figcaption" | "dialog" | "menu"
    )
}

fn hidden(el: &Element) -> bool {
    el.attrs().any(|(name, value)| match name {
        "hidden" => true,
        "style" => {
            let compact: String = value
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            compact.contains("display:none") || compact.contains("visibility:hidden")
        }
        _ => false,
    })
}

fn is_list_box(name: &str) -> bool {
    matches!(name, "ul" | "ol" | "div" | "section")
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
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
            | "html"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
    )
}

fn kind_of(name: &str) -> Kind {
    match name {
        "p" => Kind::Paragraph,
        "li" => Kind::Item,
        "h1" => Kind::Heading(1),
        "h2" => Kind::Heading(2),
        "h3" => Kind::Heading(3),
        "h4" => Kind::Heading(4),
        "h5" => Kind::Heading(5),
        "h6" => Kind::Heading(6),
        _ => Kind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_text_in_several_languages() {
        for text in [
            "We use cookies to give you the best experience. By continuing you agree.",
            "Diese Website verwendet Cookies, um Ihnen ein besseres Erlebnis zu bieten.",
            "Quelle: Deutscher Jagdverband (DJV)",
            "Category : Press Releases",
            "Zobacz także",
            "À lire aussi",
            "Das könnte Dich auch interessieren:",
            "Mehr zu Klima und Konsum",
            "This entry was posted in News.",
            "Image 3 of 12",
            "October 12, 2017",
            "05. Februar 2020, 19:49",
            "Tuesday 2019-11-18 3:59 PM",
            "2 months ago",
        ] {
            assert!(is_furniture_text(text), "{text}");
        }
    }

    #[test]
    fn prose_is_not_furniture() {
        for text in [
            "She baked three trays of chocolate chip cookies for the school fair.",
            "More than 100 people were evacuated from the building on Tuesday.",
            "Read the full report, the minister said, before judging the plan.",
            "Recommended daily intake is 2,000 calories.",
            "Trending upward, the index closed at a record.",
            "By noon, the streets were flooded.",
            "May 2019 was wet.",
            "March on.",
        ] {
            assert!(!is_furniture_text(text), "{text}");
        }
    }

    #[test]
    fn related_announcements() {
        assert!(announces_related("Related stories"));
        assert!(announces_related("More Washington Examiner"));
        assert!(announces_related("Você pode gostar..."));
        assert!(!announces_related("More rain expected"));
        assert!(!announces_related("Relatives of the victims speak out"));
    }
}
