//! What an element's `class`, `id` and `role` say about its content.

use scraper::node::Element;

/// Words of class or id names that mark page furniture rather than article text: ads,
/// comments, share widgets, cookie banners, related links.
const BOILERPLATE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "adunit",
    "advert",
    "advertisement",
    "advertising",
    "adverts",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "copyright",
    "dfp",
    "disqus",
    "gdpr",
    "hovercard",
    "modal",
    "newsletter",
    "outbrain",
    "popover",
    "popup",
    "promo",
    "promoted",
    "promotion",
    "recirc",
    "recommendation",
    "recommendations",
    "recommended",
    "related",
    "reply",
    "respond",
    "rollover",
    "share",
    "sharebar",
    "sharing",
    "signup",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tooltip",
];

/// Words of class or id names that usually mark furniture but also appear in the names of
/// layout wrappers around the article (`container has-sidebar`, `header-style-2`).
const LAYOUT_WORDS: &[&str] = &[
    "author",
    "banner",
    "bio",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "caption",
    "captions",
    "carousel",
    "credit",
    "credits",
    "dateline",
    "footer",
    "gallery",
    "header",
    "login",
    "masthead",
    "menu",
    "meta",
    "mostpopular",
    "nav",
    "navbar",
    "navigation",
    "overlay",
    "pager",
    "pagination",
    "popular",
    "print",
    "rating",
    "search",
    "sidebar",
    "skip",
    "slider",
    "slideshow",
    "tag",
    "tags",
    "teaser",
    "timestamp",
    "toolbar",
    "trending",
    "widget",
    "widgets",
];

/// Words of class or id names that mark the article body.
const CONTENT_WORDS: &[&str] = &[
    "article",
    "articlebody",
    "blog",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "prose",
    "story",
    "text",
];

/// Words that make the next word of a name describe a layout: `with-sidebar`.
const MODIFIERS: &[&str] = &["has", "no", "with", "without"];

/// ARIA roles of page furniture.
const BOILERPLATE_ROLES: &[&str] = &[
    "alert",
    "alertdialog",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "menu",
    "menubar",
    "navigation",
    "search",
    "toolbar",
    "tooltip",
];

/// Publisher bullet-highlight boxes (Daily Mail `mol-bullets-with-font`, CNN
/// `el__storyhighlights`) and similar key-point lists.
const HIGHLIGHT_MARKERS: &[&str] = &["bullets", "highlights", "keypoints", "key-points"];

/// What the names of an element suggest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Ads, comments, share widgets, cookie banners, related links.
    Boilerplate,
    /// Navigation, headers, footers, sidebars, bylines: furniture, or a layout wrapper.
    Layout,
    /// A publisher's bullet highlights.
    Highlights,
    /// Nothing conclusive.
    Neutral,
}

/// Reads the class, id, role and itemprop of `el`.
pub fn hint(el: &Element) -> Hint {
    if el
        .attr("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        return Hint::Neutral;
    }
    if el
        .attr("role")
        .is_some_and(|r| BOILERPLATE_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return Hint::Layout;
    }
    let names = el.classes().chain(el.id());
    let mut boilerplate = false;
    let mut layout = false;
    let mut content = false;
    for name in names {
        let lower = name.to_ascii_lowercase();
        if HIGHLIGHT_MARKERS.iter().any(|m| lower.contains(m)) {
            return Hint::Highlights;
        }
        let mut has_bad = false;
        let mut has_layout = false;
        let mut has_good = false;
        let words = name_words(name);
        for (i, word) in words.iter().enumerate() {
            // `has-comments`, `with-sidebar`, `no-ads` describe a layout, not furniture.
            if i > 0 && MODIFIERS.contains(&words[i - 1].as_str()) {
                continue;
            }
            has_bad |= BOILERPLATE_WORDS.contains(&word.as_str());
            has_layout |= LAYOUT_WORDS.contains(&word.as_str());
            has_good |= CONTENT_WORDS.contains(&word.as_str());
        }
        // Embedded posts (`social-media-embed`, `embed-twitter`) are part of the story.
        let embed = words.iter().any(|w| w == "embed" || w == "embedded");
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

/// Splits a class or id name into lowercase words at punctuation and camelCase humps:
/// `storyBody__related-links` gives `story`, `body`, `related`, `links`.
fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        word.push(c.to_ascii_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint_of(html: &str) -> Hint {
        let doc = scraper::Html::parse_fragment(html);
        let el = doc
            .root_element()
            .children()
            .find_map(scraper::ElementRef::wrap)
            .expect("one element");
        hint(el.value())
    }

    #[test]
    fn splits_names_into_words() {
        assert_eq!(
            name_words("storyBody__related-links"),
            ["story", "body", "related", "links"]
        );
        assert_eq!(
            name_words("mol-para-with-font"),
            ["mol", "para", "with", "font"]
        );
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
}
