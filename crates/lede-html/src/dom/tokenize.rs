//! The HTML tokenizer: tags, text and character references.
//!
//! Written by hand for speed: extraction needs tag names, a dozen attributes and the text,
//! and a general HTML5 tokenizer spends most of a page's time on what is thrown away
//! (scripts, styles, SVG, comments and `data-*` attributes). This one follows the
//! WHATWG tokenizer where it changes the text a reader sees (tag and attribute syntax,
//! comments, raw-text and RCDATA elements, escaped script text, where SVG and MathML end,
//! character references) and skips the rest with `memchr`. Tag names are looked up once,
//! in the tag table ([`super::tag`]). With html5ever, tokenizing and tree building were about 60% of extraction
//! time; with this tokenizer and [`super::build`], extraction went from about 11x to about
//! 28x trafilatura's pages per second (BENCHMARKS.md, "HTML extraction").

use std::borrow::Cow;

use crate::keys;

use super::tag::flag::{BREAKOUT, DROPPED_TEXT, ESCAPABLE_TEXT, FOREIGN, FORMATTING, SPECIAL};
use super::tag::Tag;

/// Attributes the extractor reads; every other attribute is skipped without being copied.
pub(crate) const KEPT_ATTRIBUTES: [&str; 18] = [
    "aria-hidden",
    "aria-modal",
    "class",
    "content",
    "datetime",
    "hidden",
    "href",
    "http-equiv",
    "id",
    "itemprop",
    "itemtype",
    "lang",
    "name",
    "property",
    "rel",
    "role",
    "style",
    "type",
];
const KEPT_KEYS: [u128; 18] = keys::keys(KEPT_ATTRIBUTES);

/// An attribute kept by the tokenizer: its (lowercase) name and decoded value.
pub type Attribute = (&'static str, Box<str>);

/// The name of a tag token.
#[derive(Debug, Clone, Copy)]
pub enum Name<'a> {
    /// A name of the tag table.
    Known(Tag),
    /// Any other name, lowercase.
    Other(&'a str),
}

/// Receives the tokens of a page in order.
pub trait Sink {
    /// A start tag with its name and kept attributes.
    fn start_tag(&mut self, name: Name<'_>, attributes: Vec<Attribute>, self_closing: bool);
    /// An end tag.
    fn end_tag(&mut self, name: Name<'_>);
    /// Text with character references decoded.
    fn text(&mut self, text: Cow<'_, str>);
}

/// How the content of an element is tokenized.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Content {
    /// Markup.
    Markup,
    /// Raw text up to the end tag, dropped (scripts, styles, SVG and other never-text).
    Dropped,
    /// Raw text up to the end tag, kept verbatim (JSON-LD scripts).
    Raw,
    /// Text with character references up to the end tag (`title`, `textarea`).
    Escapable,
    /// SVG or MathML up to its end tag or to an HTML tag that ends it, dropped.
    Foreign,
}

/// Feeds the tokens of `html` to `sink`.
pub fn tokenize(html: &str, sink: &mut impl Sink) {
    let bytes = html.as_bytes();
    let mut attributes = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let Some(lt) = memchr::memchr(b'<', &bytes[at..]).map(|p| at + p) else {
            emit_text(&html[at..], sink);
            break;
        };
        let next = bytes.get(lt + 1).copied();
        let is_tag = match next {
            Some(b) if b.is_ascii_alphabetic() => true,
            Some(b'/' | b'!' | b'?') => true,
            _ => false,
        };
        if !is_tag {
            // A `<` that starts no tag is text; keep scanning after it.
            let end = memchr::memchr(b'<', &bytes[lt + 1..]).map_or(bytes.len(), |p| lt + 1 + p);
            emit_text(&html[at..end], sink);
            at = end;
            continue;
        }
        if lt > at {
            emit_text(&html[at..lt], sink);
        }
        at = match next {
            Some(b'!') => skip_markup_declaration(bytes, lt),
            Some(b'?') => skip_past(bytes, lt, b'>'),
            Some(b'/') => end_tag(html, lt, sink),
            _ => {
                let Some(tag) = start_tag(html, lt, &mut attributes) else {
                    // A tag cut off by the end of the input is dropped, as in HTML5.
                    attributes.clear();
                    break;
                };
                let content = content_of(tag.tag, &attributes);
                let mut lower = None;
                let name = tag_name(tag.tag, tag.raw, &mut lower);
                sink.start_tag(name, std::mem::take(&mut attributes), tag.self_closing);
                // Only foreign elements close themselves: `<script src=x />` still has
                // content up to `</script>`, as in HTML5.
                if content == Content::Markup || (content == Content::Foreign && tag.self_closing) {
                    tag.end
                } else if content == Content::Foreign {
                    match find_foreign_end(bytes, tag.end, tag.raw.as_bytes()) {
                        ForeignEnd::EndTag(close) => end_tag(html, close, sink),
                        ForeignEnd::Breakout(at) => {
                            sink.end_tag(tag_name(tag.tag, tag.raw, &mut lower));
                            at
                        }
                        ForeignEnd::Unclosed => bytes.len(),
                    }
                } else {
                    let close = if tag.tag == Some(Tag::SCRIPT) {
                        find_script_end(bytes, tag.end)
                    } else {
                        find_end_tag(bytes, tag.end, tag.raw.as_bytes())
                    };
                    let inner = &html[tag.end..close.unwrap_or(bytes.len())];
                    match content {
                        Content::Raw if !inner.is_empty() => sink.text(Cow::Borrowed(inner)),
                        Content::Escapable if !inner.is_empty() => emit_text(inner, sink),
                        _ => {}
                    }
                    match close {
                        Some(close) => end_tag(html, close, sink),
                        None => bytes.len(),
                    }
                }
            }
        };
    }
}

/// A start tag read from the input.
struct StartTag<'a> {
    /// The name as the page wrote it.
    raw: &'a str,
    tag: Option<Tag>,
    self_closing: bool,
    /// Offset just past the tag's `>`.
    end: usize,
}

/// Reads the start tag at `lt` (a `<` followed by a letter) into a name and `attributes`.
/// Returns `None` when the input ends inside the tag.
fn start_tag<'a>(
    html: &'a str,
    lt: usize,
    attributes: &mut Vec<Attribute>,
) -> Option<StartTag<'a>> {
    let name_end = name_end(html.as_bytes(), lt + 1);
    let (end, self_closing) = read_attributes(html, name_end, Some(attributes))?;
    let raw = &html[lt + 1..name_end];
    Some(StartTag {
        raw,
        tag: Tag::lookup(raw),
        self_closing,
        end,
    })
}

/// Reads the end tag (or `</`-bogus comment) at `lt` and returns the offset after it.
fn end_tag(html: &str, lt: usize, sink: &mut impl Sink) -> usize {
    let bytes = html.as_bytes();
    match bytes.get(lt + 2) {
        Some(b) if b.is_ascii_alphabetic() => {
            let name_end = name_end(bytes, lt + 2);
            let raw = &html[lt + 2..name_end];
            match read_attributes(html, name_end, None) {
                Some((end, _)) => {
                    let mut lower = None;
                    sink.end_tag(tag_name(Tag::lookup(raw), raw, &mut lower));
                    end
                }
                None => bytes.len(),
            }
        }
        Some(b'>') => lt + 3,
        None => bytes.len(),
        Some(_) => skip_past(bytes, lt, b'>'),
    }
}

/// The end of a tag name starting at `from`.
fn name_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| is_space(b) || b == b'/' || b == b'>')
        .map_or(bytes.len(), |p| from + p)
}

/// Reads attributes from `at` to the tag's `>`, keeping those in [`KEPT_ATTRIBUTES`] when
/// `kept` is given. Returns the offset after `>` and whether the tag ended with `/>`, or
/// `None` when the input ends first.
fn read_attributes(
    html: &str,
    mut at: usize,
    mut kept: Option<&mut Vec<Attribute>>,
) -> Option<(usize, bool)> {
    let bytes = html.as_bytes();
    loop {
        while bytes.get(at).is_some_and(|&b| is_space(b)) {
            at += 1;
        }
        match *bytes.get(at)? {
            b'>' => return Some((at + 1, false)),
            b'/' => {
                if bytes.get(at + 1) == Some(&b'>') {
                    return Some((at + 2, true));
                }
                at += 1;
                continue;
            }
            _ => {}
        }
        // The name runs to a space, `/`, `>` or `=` (a leading `=` belongs to the name).
        let name_start = at;
        at += 1;
        while bytes
            .get(at)
            .is_some_and(|&b| !is_space(b) && !matches!(b, b'/' | b'>' | b'='))
        {
            at += 1;
        }
        let name_end = at;
        while bytes.get(at).is_some_and(|&b| is_space(b)) {
            at += 1;
        }
        let mut value = "";
        if bytes.get(at) == Some(&b'=') {
            at += 1;
            while bytes.get(at).is_some_and(|&b| is_space(b)) {
                at += 1;
            }
            match *bytes.get(at)? {
                quote @ (b'"' | b'\'') => {
                    let close = at + 1 + memchr::memchr(quote, &bytes[at + 1..])?;
                    value = &html[at + 1..close];
                    at = close + 1;
                }
                b'>' => {}
                _ => {
                    let start = at;
                    while bytes.get(at).is_some_and(|&b| !is_space(b) && b != b'>') {
                        at += 1;
                    }
                    value = &html[start..at];
                }
            }
        }
        if let Some(kept) = kept.as_deref_mut() {
            keep_attribute(kept, &html[name_start..name_end], value);
        }
    }
}

/// Adds the attribute to `kept` when the extractor reads it and it is not a repeat (the
/// first of two same-named attributes wins, as in HTML5).
fn keep_attribute(kept: &mut Vec<Attribute>, name: &str, value: &str) {
    let Some(at) = keys::find(&KEPT_KEYS, name.as_bytes()) else {
        return;
    };
    let name = KEPT_ATTRIBUTES[at];
    if kept.iter().any(|(n, _)| *n == name) {
        return;
    }
    let value = if value.contains('&') {
        htmlize::unescape_attribute(value)
            .into_owned()
            .into_boxed_str()
    } else {
        value.into()
    };
    kept.push((name, value));
}

/// Skips a `<!...>` construct at `lt`: a comment, a doctype, CDATA or a bogus comment.
fn skip_markup_declaration(bytes: &[u8], lt: usize) -> usize {
    if bytes[lt..].starts_with(b"<!--") {
        // `<!-->` and `<!--->` are empty comments; otherwise the comment runs to `-->`
        // (or to the end of the input).
        let body = lt + 4;
        if bytes[body..].starts_with(b">") {
            return body + 1;
        }
        if bytes[body..].starts_with(b"->") {
            return body + 2;
        }
        return memchr::memmem::find(&bytes[body..], b"-->").map_or(bytes.len(), |p| body + p + 3);
    }
    skip_past(bytes, lt, b'>')
}

/// The offset after the first `byte` at or after `from`, or the end of the input.
fn skip_past(bytes: &[u8], from: usize, byte: u8) -> usize {
    memchr::memchr(byte, &bytes[from..]).map_or(bytes.len(), |p| from + p + 1)
}

/// Start of the first `</name` (any case) after `from` that ends the element: the name is
/// followed by a space, `/` or `>`.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let p = at + memchr::memmem::find(&bytes[at..], b"</")?;
        let after = p + 2 + name.len();
        let named = bytes
            .get(p + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        if named
            && bytes
                .get(after)
                .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>')
        {
            return Some(p);
        }
        at = p + 2;
    }
}

/// Start of the `</script` that ends a script at `from`. Inside `<!--` a nested
/// `<script>` makes the next `</script>` part of the text, up to `-->` (HTML5's "script
/// data escaped" states): `<!-- document.write('<script></script>'); -->`.
fn find_script_end(bytes: &[u8], from: usize) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut at = from;
    loop {
        // Dashes matter only once a `<!--` has been seen.
        let rest = bytes.get(at..)?;
        at += if state == State::Data {
            memchr::memchr(b'<', rest)?
        } else {
            memchr::memchr2(b'<', b'-', rest)?
        };
        let rest = &bytes[at..];
        if rest.starts_with(b"-->") {
            state = State::Data;
            at += 3;
        } else if rest.starts_with(b"<!--") && state == State::Data {
            state = State::Escaped;
            // `<!-->` opens and closes: the dashes count for both.
            at += 2;
        } else if tag_named(rest, 2, b"script") && rest.starts_with(b"</") {
            if state != State::DoubleEscaped {
                return Some(at);
            }
            state = State::Escaped;
            at += 2;
        } else if rest[0] == b'<' && tag_named(rest, 1, b"script") && state == State::Escaped {
            state = State::DoubleEscaped;
            at += 1;
        } else {
            at += 1;
        }
    }
}

/// Whether `rest` holds the tag name `name` (any case) from offset `skip`, followed by a
/// space, `/` or `>`.
fn tag_named(rest: &[u8], skip: usize, name: &[u8]) -> bool {
    let end = skip + name.len();
    rest.get(skip..end)
        .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && rest
            .get(end)
            .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>')
}

/// Where SVG or MathML content that starts at `from` ends.
enum ForeignEnd {
    /// At its own end tag, which starts here.
    EndTag(usize),
    /// Here, before an HTML tag that ends it (its end tag is implied).
    Breakout(usize),
    /// Not before the end of the input.
    Unclosed,
}

/// Finds the end of a `name` (`svg` or `math`) element's content, as HTML5's rules for
/// foreign content do for the tags that matter: nested elements of the same name, an
/// HTML start tag of the [`BREAKOUT`] list, `</p>` and `</br>`, and the end tag of an
/// HTML block or formatting element (other than `</title>`, which SVG has too, and an
/// `</a>` that closes an SVG `<a>`), which closes an HTML element around the SVG. Inside
/// `foreignObject`, `desc` and `title`, HTML is content and ends nothing. Comments and
/// CDATA are skipped.
fn find_foreign_end(bytes: &[u8], from: usize, name: &[u8]) -> ForeignEnd {
    let mut at = from;
    let mut depth = 0usize;
    let mut html_inside = 0usize;
    // Open SVG `<a>` elements, which their `</a>` closes.
    let mut links = 0usize;
    while let Some(p) = memchr::memchr(b'<', &bytes[at..]) {
        at += p;
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            at = skip_markup_declaration(bytes, at);
            continue;
        }
        if rest.starts_with(b"<![CDATA[") {
            at = memchr::memmem::find(&rest[9..], b"]]>").map_or(bytes.len(), |e| at + 9 + e + 3);
            continue;
        }
        let close = rest.get(1) == Some(&b'/');
        let start = if close { 2 } else { 1 };
        if !rest.get(start).is_some_and(u8::is_ascii_alphabetic) {
            at += 1;
            continue;
        }
        let end = name_end(rest, start);
        let tag_text = &rest[start..end];
        let integration = [&b"foreignobject"[..], b"desc", b"title"]
            .iter()
            .any(|n| tag_text.eq_ignore_ascii_case(n));
        if tag_text.eq_ignore_ascii_case(name) {
            if close {
                if depth == 0 {
                    return ForeignEnd::EndTag(at);
                }
                depth -= 1;
            } else if !self_closing_at(rest) {
                depth += 1;
            }
        } else if integration {
            if close {
                html_inside = html_inside.saturating_sub(1);
            } else if !self_closing_at(rest) {
                html_inside += 1;
            }
        } else if html_inside == 0 {
            let tag = std::str::from_utf8(tag_text).ok().and_then(Tag::lookup);
            let breaks = if tag == Some(Tag::A) {
                if !close && !self_closing_at(rest) {
                    links += 1;
                } else if close {
                    if links == 0 {
                        return ForeignEnd::Breakout(at);
                    }
                    links -= 1;
                }
                false
            } else if close {
                tag.is_some_and(|t| t == Tag::P || t == Tag::BR || t.has(SPECIAL | FORMATTING))
            } else {
                tag.is_some_and(|t| t.has(BREAKOUT))
            };
            if breaks {
                return ForeignEnd::Breakout(at);
            }
        }
        at += end;
    }
    ForeignEnd::Unclosed
}

/// Whether the tag at the start of `rest` ends with `/>`.
fn self_closing_at(rest: &[u8]) -> bool {
    memchr::memchr(b'>', rest).is_some_and(|gt| gt > 0 && rest[gt - 1] == b'/')
}

/// How the content of a `tag` element is read.
fn content_of(tag: Option<Tag>, attributes: &[Attribute]) -> Content {
    let Some(tag) = tag else {
        return Content::Markup;
    };
    if tag == Tag::SCRIPT {
        let json_ld = attributes
            .iter()
            .any(|(n, v)| *n == "type" && v.to_ascii_lowercase().contains("ld+json"));
        if json_ld {
            Content::Raw
        } else {
            Content::Dropped
        }
    } else if tag.has(FOREIGN) {
        Content::Foreign
    } else if tag.has(DROPPED_TEXT) {
        Content::Dropped
    } else if tag.has(ESCAPABLE_TEXT) {
        Content::Escapable
    } else {
        Content::Markup
    }
}

/// The [`Name`] of a tag written `raw` whose table entry is `tag`; a name outside the
/// table is lowercased into `lower` when it has capitals.
fn tag_name<'a>(tag: Option<Tag>, raw: &'a str, lower: &'a mut Option<String>) -> Name<'a> {
    match tag {
        Some(tag) => Name::Known(tag),
        None if raw.bytes().any(|b| b.is_ascii_uppercase()) => {
            Name::Other(lower.insert(raw.to_ascii_lowercase()))
        }
        None => Name::Other(raw),
    }
}

/// Emits text with character references decoded and U+0000 dropped, as HTML5's tree
/// construction drops it from text.
fn emit_text(text: &str, sink: &mut impl Sink) {
    if memchr::memchr2(b'&', b'\0', text.as_bytes()).is_none() {
        sink.text(Cow::Borrowed(text));
    } else if text.contains('\0') {
        let clean = text.replace('\0', "");
        sink.text(Cow::Owned(htmlize::unescape(&clean).into_owned()));
    } else {
        sink.text(htmlize::unescape(text));
    }
}

/// HTML5's whitespace inside tags: tab, line feed, form feed, carriage return, space.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}
