//! What an element's `class`, `id` and `role` say about its content.

use crate::dom::Element;
use crate::keys;

/// What a word of a class or id name says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// Ads, comments, share widgets, cookie banners, related links.
    Boilerplate,
    /// Usually furniture (nav, header, sidebar, byline), but also found in the names of
    /// layout wrappers around the article (`container has-sidebar`, `header-style-2`).
    Layout,
    /// The article body (`article-body`, `entry-content`).
    Content,
    /// Makes the next word describe a layout: `has-comments`, `with-sidebar`, `no-ads`.
    Modifier,
    /// Embedded posts (`social-media-embed`) are part of the story.
    Embed,
}

/// Number of entries in [`WORDS`].
const WORD_COUNT: usize = 102;

/// Known words of class and id names, sorted for binary search.
const WORDS: [(&str, Word); WORD_COUNT] = [
    ("ad", Word::Boilerplate),
    ("ads", Word::Boilerplate),
    ("adslot", Word::Boilerplate),
    ("adunit", Word::Boilerplate),
    ("advert", Word::Boilerplate),
    ("advertisement", Word::Boilerplate),
    ("advertising", Word::Boilerplate),
    ("adverts", Word::Boilerplate),
    ("article", Word::Content),
    ("articlebody", Word::Content),
    ("author", Word::Layout),
    ("banner", Word::Layout),
    ("bio", Word::Layout),
    ("blog", Word::Content),
    ("body", Word::Content),
    ("breadcrumb", Word::Layout),
    ("breadcrumbs", Word::Layout),
    ("byline", Word::Layout),
    ("caption", Word::Layout),
    ("captions", Word::Layout),
    ("carousel", Word::Layout),
    ("comment", Word::Boilerplate),
    ("comments", Word::Boilerplate),
    ("consent", Word::Boilerplate),
    ("content", Word::Content),
    ("cookie", Word::Boilerplate),
    ("cookies", Word::Boilerplate),
    ("copyright", Word::Boilerplate),
    ("credit", Word::Layout),
    ("credits", Word::Layout),
    ("dateline", Word::Layout),
    ("dfp", Word::Boilerplate),
    ("disqus", Word::Boilerplate),
    ("embed", Word::Embed),
    ("embedded", Word::Embed),
    ("entry", Word::Content),
    ("footer", Word::Layout),
    ("gdpr", Word::Boilerplate),
    ("has", Word::Modifier),
    ("header", Word::Layout),
    ("hovercard", Word::Boilerplate),
    ("login", Word::Layout),
    ("main", Word::Content),
    ("masthead", Word::Layout),
    ("menu", Word::Layout),
    ("meta", Word::Layout),
    ("modal", Word::Boilerplate),
    ("mostpopular", Word::Layout),
    ("nav", Word::Layout),
    ("navbar", Word::Layout),
    ("navigation", Word::Layout),
    ("newsletter", Word::Boilerplate),
    ("no", Word::Modifier),
    ("outbrain", Word::Boilerplate),
    ("overlay", Word::Layout),
    ("pager", Word::Layout),
    ("pagination", Word::Layout),
    ("popover", Word::Boilerplate),
    ("popular", Word::Layout),
    ("popup", Word::Boilerplate),
    ("post", Word::Content),
    ("print", Word::Layout),
    ("promo", Word::Boilerplate),
    ("promoted", Word::Boilerplate),
    ("promotion", Word::Boilerplate),
    ("prose", Word::Content),
    ("rating", Word::Layout),
    ("recirc", Word::Boilerplate),
    ("recommendation", Word::Boilerplate),
    ("recommendations", Word::Boilerplate),
    ("recommended", Word::Boilerplate),
    ("related", Word::Boilerplate),
    ("reply", Word::Boilerplate),
    ("respond", Word::Boilerplate),
    ("rollover", Word::Boilerplate),
    ("search", Word::Layout),
    ("share", Word::Boilerplate),
    ("sharebar", Word::Boilerplate),
    ("sharing", Word::Boilerplate),
    ("sidebar", Word::Layout),
    ("signature", Word::Layout),
    ("signup", Word::Boilerplate),
    ("skip", Word::Layout),
    ("slideshow", Word::Layout),
    ("social", Word::Boilerplate),
    ("sponsor", Word::Boilerplate),
    ("sponsored", Word::Boilerplate),
    ("story", Word::Content),
    ("subscribe", Word::Boilerplate),
    ("subscription", Word::Boilerplate),
    ("taboola", Word::Boilerplate),
    ("tag", Word::Layout),
    ("tags", Word::Layout),
    ("teaser", Word::Layout),
    ("text", Word::Content),
    ("timestamp", Word::Layout),
    ("toolbar", Word::Layout),
    ("tooltip", Word::Boilerplate),
    ("trending", Word::Layout),
    ("widgets", Word::Layout),
    ("with", Word::Modifier),
    ("without", Word::Modifier),
];

const WORD_KEYS: [u128; WORD_COUNT] = {
    let mut words = [""; WORD_COUNT];
    let mut i = 0;
    while i < WORD_COUNT {
        words[i] = WORDS[i].0;
        i += 1;
    }
    keys::keys(words)
};

/// ARIA roles of page furniture other than boxes laid over the page, which
/// [`is_dialog_role`] names and [`hint`] makes boilerplate.
const LAYOUT_ROLES: [&str; 10] = [
    "alert",
    "banner",
    "complementary",
    "contentinfo",
    "menu",
    "menubar",
    "navigation",
    "search",
    "toolbar",
    "tooltip",
];
const ROLE_KEYS: [u128; 10] = keys::keys(LAYOUT_ROLES);

/// Publisher bullet-highlight boxes (Daily Mail `mol-bullets-with-font`, CNN
/// `el__storyhighlights`) and similar key-point lists.
const HIGHLIGHT_MARKERS: &[&str] = &["bullets", "highlights", "keypoints", "key-points"];

/// What the names of an element suggest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hint {
    /// Ads, comments, share widgets, cookie banners, related links.
    Boilerplate,
    /// Navigation, headers, footers, sidebars, bylines: furniture, or a layout wrapper.
    Layout,
    /// A publisher's bullet highlights.
    Highlights,
    /// Nothing conclusive.
    Neutral,
    /// Hidden by its markup (`hidden`, `display: none`) yet holding most of the page's
    /// text: a server render that script reveals or moves into place, read as shown.
    Revealed,
}

/// Reads the class, id, role and itemprop of `el`.
pub(super) fn hint(el: &Element) -> Hint {
    // One pass over the attributes: each `Element::attr` call scans them all again.
    for (name, value) in el.attrs() {
        match name {
            "itemprop" if value.eq_ignore_ascii_case("articleBody") => return Hint::Neutral,
            // A box laid over the page (a consent banner) is never its content, in
            // either walk.
            "role" if is_dialog_role(value) => return Hint::Boilerplate,
            "role" if keys::find(&ROLE_KEYS, value.trim().as_bytes()).is_some() => {
                return Hint::Layout
            }
            _ => {}
        }
    }
    // Utility classes (`print:block`, `md:grid-cols-2`, `[.amp_&]:block`) style an element
    // for a medium or state; they say nothing about what it holds.
    // Drupal names each content node's variants (`node--type-article`,
    // `node--promoted` to the front page, `node--view-mode-full`): the node is content.
    let names = el
        .classes()
        .filter(|name| !name.contains([':', '[']) && !name.starts_with("node--"))
        .chain(el.id());
    let mut boilerplate = false;
    let mut layout = false;
    let mut content = false;
    for name in names {
        if is_highlight_box(name) {
            return Hint::Highlights;
        }
        let (mut has_bad, mut has_layout, mut has_good, mut embed) = (false, false, false, false);
        let mut after_modifier = false;
        for_each_word(name, |word| {
            let kind = lookup(word);
            if !after_modifier {
                match kind {
                    Some(Word::Boilerplate) => has_bad = true,
                    Some(Word::Layout) => has_layout = true,
                    Some(Word::Content) => has_good = true,
                    Some(Word::Embed) => embed = true,
                    Some(Word::Modifier) | None => {}
                }
            }
            after_modifier = kind == Some(Word::Modifier);
        });
        boilerplate |= has_bad && !embed;
        layout |= has_layout && !embed;
        content |= embed || (has_good && !has_bad && !has_layout);
    }
    if content {
        Hint::Neutral
    } else if boilerplate {
        Hint::Boilerplate
    } else if layout {
        Hint::Layout
    } else {
        Hint::Neutral
    }
}

/// Words of class and id names that mark a cookie or consent box.
const CONSENT_WORDS: [&str; 4] = ["consent", "cookie", "cookies", "gdpr"];

/// Whether `el` is a box laid over the page rather than a part of it: its role is a dialog,
/// or a word of its class or id names cookies or consent (`BorlabsCookieBox`,
/// `onetrust-consent-sdk`; not after a modifier: `has-cookie-bar` is the page).
pub(super) fn is_dialog(el: &Element) -> bool {
    el.attr("role").is_some_and(is_dialog_role)
        || el.classes().chain(el.id()).any(|name| {
            let mut consent = false;
            let mut after_modifier = false;
            for_each_word(name, |word| {
                consent |=
                    !after_modifier && CONSENT_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w));
                after_modifier = lookup(word) == Some(Word::Modifier);
            });
            consent
        })
}

/// Whether a `role` value names a box laid over the page (`dialog`, `alertdialog`).
pub(super) fn is_dialog_role(role: &str) -> bool {
    ["dialog", "alertdialog"]
        .iter()
        .any(|dialog| role.trim().eq_ignore_ascii_case(dialog))
}

/// Whether `el` is the page's article by its markup: an `<article>`, a `<main>` or an
/// element marked `itemprop=articleBody`.
pub(super) fn is_article_element(el: &Element) -> bool {
    matches!(el.tag().name(), Some("article" | "main"))
        || el
            .attr("itemprop")
            .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
}

/// Whether a class or id name of `el` has a word of article content (`documentContent`).
pub(super) fn names_content(el: &Element) -> bool {
    el.classes().chain(el.id()).any(|name| {
        let mut content = false;
        for_each_word(name, |word| content |= lookup(word) == Some(Word::Content));
        content
    })
}

/// Calls `f` with each word of a class or id name, split at punctuation and camelCase
/// humps: `storyBody__related-links` gives `story`, `Body`, `related`, `links`.
pub(super) fn for_each_word<'a>(name: &'a str, mut f: impl FnMut(&'a str)) {
    let mut start: Option<usize> = None;
    let mut prev_lower = false;
    for (i, c) in name.char_indices() {
        if !c.is_ascii_alphanumeric() {
            if let Some(s) = start.take() {
                f(&name[s..i]);
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower {
            if let Some(s) = start.replace(i) {
                f(&name[s..i]);
            }
        }
        start.get_or_insert(i);
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    if let Some(s) = start {
        f(&name[s..]);
    }
}

/// What `word` says, ignoring ASCII case.
fn lookup(word: &str) -> Option<Word> {
    keys::find(&WORD_KEYS, word.as_bytes()).map(|i| WORDS[i].1)
}

/// Whether a class or id name marks a box of publisher highlights.
fn is_highlight_box(name: &str) -> bool {
    contains_any_ignoring_case(name, HIGHLIGHT_MARKERS)
}

/// Whether a class or id name of `el` mentions related content (`relatedpoststitle`).
pub(super) fn names_related(el: &Element) -> bool {
    el.classes()
        .chain(el.id())
        .any(|name| contains_any_ignoring_case(name, &["related"]))
}

/// The kind of `el` among its siblings: its tag name and first class hashed after `prefix`
/// (the parent's index, where kinds of different parents must differ). Children of one kind
/// are the cards of a list. Kinds are only ever compared, so a fast hash that takes eight
/// bytes a step will do.
pub(super) fn kin(el: &Element, prefix: u64) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write_u64(prefix);
    hasher.write(el.tag().name().unwrap_or("").as_bytes());
    // Neither names hold a space: it keeps "ab" + "c" apart from "a" + "bc".
    hasher.write_u8(b' ');
    hasher.write(el.classes().next().unwrap_or("").as_bytes());
    hasher.finish()
}

/// Whether `name` contains one of `needles` (lowercase ASCII), ignoring ASCII case.
fn contains_any_ignoring_case(name: &str, needles: &[&str]) -> bool {
    // Names are short: comparing windows in place beats lowercasing a copy or building a
    // substring searcher per call, and testing a window's first byte first rules out most
    // of them at once.
    let name = name.as_bytes();
    needles.iter().any(|n| {
        let n = n.as_bytes();
        name.len() >= n.len()
            && name
                .windows(n.len())
                .any(|w| w[0].to_ascii_lowercase() == n[0] && w.eq_ignore_ascii_case(n))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `f` of the first element of `html`.
    fn first_element<T>(html: &str, f: impl FnOnce(&Element) -> T) -> T {
        let doc = crate::dom::Document::parse(html);
        let el = doc
            .nodes()
            .find_map(|n| match n.value() {
                crate::dom::NodeData::Element(el) => Some(el),
                _ => None,
            })
            .expect("one element");
        f(el)
    }

    fn hint_of(html: &str) -> Hint {
        first_element(html, hint)
    }

    fn words_of(name: &str) -> Vec<&str> {
        let mut words = Vec::new();
        for_each_word(name, |w| words.push(w));
        words
    }

    proptest::proptest! {
        /// The in-place search finds what lowercasing the name and searching it finds.
        #[test]
        fn contains_any_ignoring_case_is_a_lowercase_search(
            name in "[a-zA-Z_ -]{0,24}",
            needle in proptest::sample::select(vec!["high", "ights", "key-p", "bullets", "a"]),
        ) {
            proptest::prop_assert_eq!(
                contains_any_ignoring_case(&name, &[needle]),
                name.to_ascii_lowercase().contains(needle)
            );
        }
    }

    #[test]
    fn splits_names_into_words() {
        assert_eq!(
            words_of("storyBody__related-links"),
            ["story", "Body", "related", "links"]
        );
        assert_eq!(
            words_of("mol-para-with-font"),
            ["mol", "para", "with", "font"]
        );
    }

    #[test]
    fn word_lists_are_lowercase_and_looked_up_ignoring_case() {
        assert!(WORDS.iter().all(|(w, _)| *w == w.to_ascii_lowercase()));
        assert_eq!(lookup("SideBar"), Some(Word::Layout));
        assert_eq!(lookup("sidebars-and-more-words-than-fit"), None);
        assert_eq!(hint_of(r#"<div role=" Navigation ">"#), Hint::Layout);
        assert!(is_highlight_box("mol-BULLETS-with-font"));
        assert!(!is_highlight_box("bullet"));
    }

    #[test]
    fn classifies_elements() {
        assert_eq!(hint_of(r#"<div class="comments-area">"#), Hint::Boilerplate);
        assert_eq!(hint_of(r#"<div class="post-tags">"#), Hint::Layout);
        assert_eq!(
            hint_of(r#"<div class="article-body has-comments">"#),
            Hint::Neutral
        );
        assert_eq!(hint_of(r#"<div class="shadow heading">"#), Hint::Neutral);
        assert_eq!(
            hint_of(r#"<div class="content-with-sidebar-wrp">"#),
            Hint::Neutral
        );
        assert_eq!(hint_of(r#"<div role="navigation">"#), Hint::Layout);
        assert_eq!(
            hint_of(r#"<div class="grid-box print:block sm:grid">"#),
            Hint::Neutral
        );
        assert_eq!(hint_of(r#"<div class="print-only sm:grid">"#), Hint::Layout);
        assert_eq!(hint_of(r#"<div class="social-share">"#), Hint::Boilerplate);
        assert_eq!(
            hint_of(r#"<ul class="mol-bullets-with-font">"#),
            Hint::Highlights
        );
        assert_eq!(
            hint_of(r#"<div class="el__storyhighlights">"#),
            Hint::Highlights
        );
    }

    #[test]
    fn tells_boxes_laid_over_the_page() {
        for html in [
            r#"<div id="BorlabsCookieBox">"#,
            r#"<div class="box" id="onetrust-consent-sdk">"#,
            r#"<div class="gdpr_banner">"#,
            r#"<div role=" AlertDialog ">"#,
            r#"<section role="dialog">"#,
        ] {
            assert!(first_element(html, is_dialog), "{html}");
        }
        for html in [
            r#"<div class="page has-cookie-bar">"#,
            r#"<div class="cookbook">"#,
            r#"<div role="main">"#,
        ] {
            assert!(!first_element(html, is_dialog), "{html}");
        }
    }
}
