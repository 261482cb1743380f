//! Tag names interned to small integers, with one table of what each tag is.
//!
//! The tokenizer looks a tag name up once ([`Tag::lookup`]); the tree, the tree builder and
//! the extractor then compare integers and read [`flag`]s instead of matching strings.
//! Names outside the table get ids of their own per document (see
//! [`super::build::TreeBuilder`]) and no flags.

use crate::keys;

/// What a tag is, as bits of a [`Flags`] word. The parser's rules follow HTML5's element
/// categories; the extractor's are about what a reader sees, which is why, for instance,
/// [`CLOSES_P`] and [`BLOCK`] differ.
pub mod flag {
    /// A set of flags.
    pub type Flags = u32;

    /// No flag.
    pub const NONE: Flags = 0;
    /// Never has content or an end tag (`br`, `img`, `meta`).
    pub const VOID: Flags = 1 << 0;
    /// Belongs in `<head>`; any other start tag ends an unclosed head.
    pub const IN_HEAD: Flags = 1 << 1;
    /// Parser rule: its start tag closes an open `<p>` (HTML5's list, `dir`, `listing`,
    /// `menu` and `search` included). Differs from [`BLOCK`], the extractor's rule.
    pub const CLOSES_P: Flags = 1 << 2;
    /// `h1` to `h6`.
    pub const HEADING: Flags = 1 << 3;
    /// Hides what is below it from end tags outside it (HTML5's default scope).
    pub const SCOPE: Flags = 1 << 4;
    /// Bounds the search for an open table part (HTML5's table scope).
    pub const TABLE_SCOPE: Flags = 1 << 5;
    /// HTML5's "special" category, trimmed to what pages use: a stray end tag of an inline
    /// element does not close it.
    pub const SPECIAL: Flags = 1 << 6;
    /// A special element that the search for an open `li`, `dd` or `dt` to close goes
    /// through (`address`, `div`, `p` and the items themselves).
    pub const ITEM_TRANSPARENT: Flags = 1 << 7;
    /// HTML5's formatting elements, closed through blocks by their end tags.
    pub const FORMATTING: Flags = 1 << 8;
    /// Its content is raw text dropped by the tokenizer (styles, `noscript`, frames).
    pub const DROPPED_TEXT: Flags = 1 << 9;
    /// Its content is text with character references, no markup (`title`, `textarea`).
    pub const ESCAPABLE_TEXT: Flags = 1 << 10;
    /// Extractor rule: its start and end cut the text into blocks. Unlike [`CLOSES_P`] it
    /// holds the document containers and table rows (a row is a line of text) and leaves
    /// out `menu`, `dir`, `listing` and `search`, whose text runs on as before the table was
    /// written; keep the two apart so the parser can follow HTML5 without changing blocks.
    pub const BLOCK: Flags = 1 << 11;
    /// Never holds article text: skipped with its subtree (head, scripts, media, forms).
    pub const SKIPPED: Flags = 1 << 12;
    /// A page landmark holding furniture (`nav`, `aside`, `footer`, `figure`).
    pub const LANDMARK: Flags = 1 << 13;
    /// May hold a publisher's bullet highlights (`ul`, `ol`, `div`, `section`).
    pub const LIST_BOX: Flags = 1 << 14;
    /// Its start tag ends SVG or MathML content that the page left open (HTML5's
    /// "breakout" list for foreign content; `font` is left out, as it breaks out only
    /// with some attributes).
    pub const BREAKOUT: Flags = 1 << 15;
    /// SVG and MathML: foreign content, read up to its end tag or a [`BREAKOUT`] tag, and
    /// dropped.
    pub const FOREIGN: Flags = 1 << 16;
}

use flag::*;

/// Number of tags in [`TAGS`].
const TAG_COUNT: usize = 125;

/// Every tag a rule names, sorted for binary search, with its flags.
const TAGS: [(&str, Flags); TAG_COUNT] = [
    ("a", FORMATTING),
    ("abbr", NONE),
    ("address", CLOSES_P | SPECIAL | ITEM_TRANSPARENT | BLOCK),
    ("applet", SCOPE | SPECIAL),
    ("area", VOID),
    ("article", CLOSES_P | SPECIAL | BLOCK),
    ("aside", CLOSES_P | SPECIAL | LANDMARK | BLOCK),
    ("audio", SKIPPED),
    ("b", FORMATTING | BREAKOUT),
    ("base", IN_HEAD | VOID),
    ("basefont", IN_HEAD),
    ("bdi", NONE),
    ("bdo", NONE),
    ("bgsound", IN_HEAD),
    ("big", FORMATTING | BREAKOUT),
    ("blockquote", CLOSES_P | SPECIAL | BLOCK | BREAKOUT),
    ("body", SPECIAL | BLOCK | BREAKOUT),
    ("br", VOID | BREAKOUT),
    ("button", SPECIAL | SKIPPED),
    ("canvas", SKIPPED),
    ("caption", SCOPE | SPECIAL | BLOCK),
    ("center", CLOSES_P | SPECIAL | BLOCK | BREAKOUT),
    ("cite", NONE),
    ("code", FORMATTING | BREAKOUT),
    ("col", VOID | SPECIAL),
    ("colgroup", SPECIAL),
    ("data", NONE),
    (
        "dd",
        CLOSES_P | SPECIAL | ITEM_TRANSPARENT | BLOCK | BREAKOUT,
    ),
    ("del", NONE),
    ("details", CLOSES_P | SPECIAL | BLOCK),
    ("dfn", NONE),
    ("dialog", CLOSES_P | SPECIAL | LANDMARK | BLOCK),
    ("dir", CLOSES_P | SPECIAL),
    (
        "div",
        CLOSES_P | SPECIAL | ITEM_TRANSPARENT | LIST_BOX | BLOCK | BREAKOUT,
    ),
    ("dl", CLOSES_P | SPECIAL | BLOCK | BREAKOUT),
    (
        "dt",
        CLOSES_P | SPECIAL | ITEM_TRANSPARENT | BLOCK | BREAKOUT,
    ),
    ("em", FORMATTING | BREAKOUT),
    ("embed", VOID | SKIPPED | BREAKOUT),
    ("fieldset", CLOSES_P | SPECIAL | BLOCK),
    ("figcaption", CLOSES_P | SPECIAL | LANDMARK | BLOCK),
    ("figure", CLOSES_P | SPECIAL | LANDMARK | BLOCK),
    ("font", FORMATTING),
    ("footer", CLOSES_P | SPECIAL | LANDMARK | BLOCK),
    ("form", CLOSES_P | SPECIAL | BLOCK),
    ("h1", CLOSES_P | HEADING | SPECIAL | BLOCK | BREAKOUT),
    ("h2", CLOSES_P | HEADING | SPECIAL | BLOCK | BREAKOUT),
    ("h3", CLOSES_P | HEADING | SPECIAL | BLOCK | BREAKOUT),
    ("h4", CLOSES_P | HEADING | SPECIAL | BLOCK | BREAKOUT),
    ("h5", CLOSES_P | HEADING | SPECIAL | BLOCK | BREAKOUT),
    ("h6", CLOSES_P | HEADING | SPECIAL | BLOCK | BREAKOUT),
    ("head", SPECIAL | SKIPPED | BREAKOUT),
    ("header", CLOSES_P | SPECIAL | LANDMARK | BLOCK),
    ("hgroup", CLOSES_P | SPECIAL | BLOCK),
    ("hr", VOID | CLOSES_P | SPECIAL | BLOCK | BREAKOUT),
    ("html", SCOPE | TABLE_SCOPE | SPECIAL | BLOCK),
    ("i", FORMATTING | BREAKOUT),
    ("iframe", SPECIAL | SKIPPED | DROPPED_TEXT),
    ("img", VOID | SKIPPED | BREAKOUT),
    ("input", VOID | SKIPPED),
    ("ins", NONE),
    ("kbd", NONE),
    ("keygen", VOID),
    ("label", SKIPPED),
    ("legend", NONE),
    (
        "li",
        CLOSES_P | SPECIAL | ITEM_TRANSPARENT | BLOCK | BREAKOUT,
    ),
    ("link", IN_HEAD | VOID),
    ("listing", CLOSES_P | SPECIAL | BREAKOUT),
    ("main", CLOSES_P | SPECIAL | BLOCK),
    ("map", SKIPPED),
    ("mark", NONE),
    ("marquee", SCOPE | SPECIAL),
    ("math", SKIPPED | FOREIGN),
    ("menu", CLOSES_P | SPECIAL | LANDMARK | BREAKOUT),
    ("meta", IN_HEAD | VOID | BREAKOUT),
    ("nav", CLOSES_P | SPECIAL | LANDMARK | BLOCK),
    ("nobr", FORMATTING | BREAKOUT),
    ("noembed", DROPPED_TEXT),
    ("noframes", IN_HEAD | DROPPED_TEXT),
    ("noscript", IN_HEAD | SKIPPED | DROPPED_TEXT),
    ("object", SCOPE | SPECIAL | SKIPPED),
    ("ol", CLOSES_P | SPECIAL | LIST_BOX | BLOCK | BREAKOUT),
    ("optgroup", NONE),
    ("option", SKIPPED),
    (
        "p",
        CLOSES_P | SPECIAL | ITEM_TRANSPARENT | BLOCK | BREAKOUT,
    ),
    ("param", VOID),
    ("picture", SKIPPED),
    ("plaintext", DROPPED_TEXT),
    ("pre", CLOSES_P | SPECIAL | BLOCK | BREAKOUT),
    ("q", NONE),
    ("ruby", BREAKOUT),
    ("s", FORMATTING | BREAKOUT),
    ("samp", NONE),
    ("script", IN_HEAD | SKIPPED),
    ("search", CLOSES_P | SPECIAL),
    ("section", CLOSES_P | SPECIAL | LIST_BOX | BLOCK),
    ("select", SPECIAL | SKIPPED),
    ("small", FORMATTING | BREAKOUT),
    ("source", VOID),
    ("span", BREAKOUT),
    ("strike", FORMATTING | BREAKOUT),
    ("strong", FORMATTING | BREAKOUT),
    ("style", IN_HEAD | SKIPPED | DROPPED_TEXT),
    ("sub", BREAKOUT),
    ("summary", CLOSES_P | SPECIAL | BLOCK),
    ("sup", BREAKOUT),
    ("svg", SKIPPED | FOREIGN),
    (
        "table",
        CLOSES_P | SCOPE | TABLE_SCOPE | SPECIAL | BLOCK | BREAKOUT,
    ),
    ("tbody", SPECIAL | BLOCK),
    ("td", SCOPE | SPECIAL),
    (
        "template",
        IN_HEAD | SCOPE | TABLE_SCOPE | SPECIAL | SKIPPED,
    ),
    ("textarea", SPECIAL | SKIPPED | ESCAPABLE_TEXT),
    ("tfoot", SPECIAL | BLOCK),
    ("th", SCOPE | SPECIAL),
    ("thead", SPECIAL | BLOCK),
    ("time", NONE),
    ("title", IN_HEAD | SPECIAL | ESCAPABLE_TEXT),
    ("tr", SPECIAL | BLOCK),
    ("track", VOID),
    ("tt", FORMATTING | BREAKOUT),
    ("u", FORMATTING | BREAKOUT),
    ("ul", CLOSES_P | SPECIAL | LIST_BOX | BLOCK | BREAKOUT),
    ("var", BREAKOUT),
    ("video", SKIPPED),
    ("wbr", VOID),
    ("xmp", DROPPED_TEXT),
];

const NAMES: [&str; TAG_COUNT] = {
    let mut names = [""; TAG_COUNT];
    let mut i = 0;
    while i < TAG_COUNT {
        names[i] = TAGS[i].0;
        i += 1;
    }
    names
};
const KEYS: [u128; TAG_COUNT] = keys::keys(NAMES);

/// An interned tag name: an index into [`TAGS`], or a per-document id above it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tag(u32);

impl std::fmt::Debug for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.name() {
            Some(name) => write!(f, "Tag({name:?})"),
            None => write!(f, "Tag({})", self.0),
        }
    }
}

impl Tag {
    /// Not a tag: the root of the tree.
    pub const NONE: Tag = Tag(u32::MAX);
    pub const A: Tag = Tag::named("a");
    pub const ARTICLE: Tag = Tag::named("article");
    pub const ASIDE: Tag = Tag::named("aside");
    pub const BLOCKQUOTE: Tag = Tag::named("blockquote");
    pub const BODY: Tag = Tag::named("body");
    pub const BR: Tag = Tag::named("br");
    pub const BUTTON: Tag = Tag::named("button");
    pub const CAPTION: Tag = Tag::named("caption");
    pub const CODE: Tag = Tag::named("code");
    pub const DD: Tag = Tag::named("dd");
    pub const DL: Tag = Tag::named("dl");
    pub const DT: Tag = Tag::named("dt");
    pub const FIGURE: Tag = Tag::named("figure");
    pub const FORM: Tag = Tag::named("form");
    pub const H1: Tag = Tag::named("h1");
    pub const H2: Tag = Tag::named("h2");
    pub const H3: Tag = Tag::named("h3");
    pub const H4: Tag = Tag::named("h4");
    pub const H5: Tag = Tag::named("h5");
    pub const H6: Tag = Tag::named("h6");
    pub const HEAD: Tag = Tag::named("head");
    pub const HEADER: Tag = Tag::named("header");
    pub const HTML: Tag = Tag::named("html");
    pub const IMG: Tag = Tag::named("img");
    pub const INPUT: Tag = Tag::named("input");
    pub const LI: Tag = Tag::named("li");
    pub const META: Tag = Tag::named("meta");
    pub const NAV: Tag = Tag::named("nav");
    pub const OPTGROUP: Tag = Tag::named("optgroup");
    pub const OPTION: Tag = Tag::named("option");
    pub const P: Tag = Tag::named("p");
    pub const PRE: Tag = Tag::named("pre");
    pub const SCRIPT: Tag = Tag::named("script");
    pub const SELECT: Tag = Tag::named("select");
    pub const TABLE: Tag = Tag::named("table");
    pub const TBODY: Tag = Tag::named("tbody");
    pub const TD: Tag = Tag::named("td");
    pub const TEXTAREA: Tag = Tag::named("textarea");
    pub const TFOOT: Tag = Tag::named("tfoot");
    pub const TH: Tag = Tag::named("th");
    pub const THEAD: Tag = Tag::named("thead");
    pub const TIME: Tag = Tag::named("time");
    pub const TITLE: Tag = Tag::named("title");
    pub const TR: Tag = Tag::named("tr");

    /// The tag of `name` (any ASCII case) when it is in the table.
    pub fn lookup(name: &str) -> Option<Tag> {
        keys::find(&KEYS, name.as_bytes()).map(|at| Tag(at as u32))
    }

    /// The first id free for names outside the table.
    pub(super) const FIRST_OTHER: u32 = TAG_COUNT as u32;

    /// The tag with per-document id `id` (at least [`Tag::FIRST_OTHER`]).
    pub(super) fn other(id: u32) -> Tag {
        Tag(id)
    }

    /// The id, for per-tag tables.
    pub(super) fn index(self) -> usize {
        self.0 as usize
    }

    /// Whether the tag has any of `flags`.
    pub fn has(self, flags: Flags) -> bool {
        TAGS.get(self.index()).is_some_and(|t| t.1 & flags != 0)
    }

    /// The name of a tag of the table.
    pub fn name(self) -> Option<&'static str> {
        TAGS.get(self.index()).map(|t| t.0)
    }

    /// Where the search for an open `li`, `dd` or `dt` to close stops: a block that may
    /// hold its own list.
    pub fn ends_item_search(self) -> bool {
        self.has(SPECIAL) && !self.has(ITEM_TRANSPARENT)
    }

    /// The heading level of `h1` to `h6`.
    pub fn heading_level(self) -> Option<u8> {
        match self {
            Tag::H1 => Some(1),
            Tag::H2 => Some(2),
            Tag::H3 => Some(3),
            Tag::H4 => Some(4),
            Tag::H5 => Some(5),
            Tag::H6 => Some(6),
            _ => None,
        }
    }

    /// The tag of a name the table must hold (checked when compiling).
    const fn named(name: &str) -> Tag {
        let mut i = 0;
        while i < TAG_COUNT {
            if eq(TAGS[i].0.as_bytes(), name.as_bytes()) {
                return Tag(i as u32);
            }
            i += 1;
        }
        panic!("tag not in the table")
    }
}

const fn eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_names_up_ignoring_case() {
        assert_eq!(Tag::lookup("P"), Some(Tag::P));
        assert_eq!(Tag::lookup("tBoDy"), Some(Tag::TBODY));
        assert_eq!(Tag::lookup("custom-element"), None);
        assert_eq!(Tag::P.name(), Some("p"));
        assert_eq!(Tag::other(Tag::FIRST_OTHER).name(), None);
    }

    #[test]
    fn flags_follow_the_rules() {
        let tag = |name| Tag::lookup(name).expect(name);
        assert!(tag("img").has(VOID) && !tag("img").has(BLOCK));
        // The parser's and the extractor's block lists differ on purpose.
        assert!(tag("menu").has(CLOSES_P) && !tag("menu").has(BLOCK));
        assert!(tag("tr").has(BLOCK) && !tag("tr").has(CLOSES_P));
        assert!(tag("table").ends_item_search() && !tag("div").ends_item_search());
        assert!(!tag("abbr").has(!NONE));
        assert!(tag("svg").has(FOREIGN) && tag("div").has(BREAKOUT));
        assert!(!Tag::NONE.has(!NONE) && !Tag::other(Tag::FIRST_OTHER).has(!NONE));
        assert_eq!(tag("h4").heading_level(), Some(4));
    }
}
