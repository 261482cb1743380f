//! The debris patterns cleaning looks for.
//!
//! Each check starts with a cheap literal test so that ordinary paragraphs
//! never reach a regular expression.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// Whole paragraphs that are site furniture, matched case-insensitively
/// after trimming trailing punctuation.
const FURNITURE: &[&str] = &[
    "advertisement",
    "scroll down for video",
    "scroll down for videos",
    "scroll down for more",
    "share this article",
    "share or comment on this article",
    "share",
    "comments",
    "read more",
    "related articles",
    "video",
    "play video",
    "watch the video",
    "watch video",
    "see more",
    "getty images",
    "back to top",
];

/// Prefixes of paragraphs that are furniture whatever follows.
const FURNITURE_PREFIXES: &[&str] = &[
    "click here",
    "last updated at",
    "published:",
    "updated:",
    "follow us on",
    "sign up for",
    "read more:",
    "related:",
    "copyright ",
    "©",
];

static DAILY_MAIL_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:by\s*\.\s*[^|]{1,200}?\.\s*)?(?:published:?\s*\.?\s*[^|]{1,80}?\s*\|\s*\.?\s*)?updated:?\s*\.?\s*\d{1,2}:\d{2}\s*(?:est|gmt|bst|edt|pst|[ap]m)?,?\s*\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}\s*\.?\s*",
    )
    .expect("valid byline pattern")
});

static SHORT_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:By|BY|by)\s*\.?\s+(?:[A-Z][\w'’.-]*\s*(?:,|and|&)?\s*){1,6}(?:\s*(?:for|For)\s+(?:[A-Z][\w'’.-]*\s*){1,4})?\.?$")
        .expect("valid short byline pattern")
});

static LAST_UPDATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^last updated at \d{1,2}:\d{2}\s*(?:[ap]m)?\s+on\s+\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}\s*\.?\s*")
        .expect("valid last-updated pattern")
});

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][\w'’.,-]*(?:\s+[A-Z][\w'’.,-]*){0,5}\s+)?\((?:CNN[A-Za-z]*(?: Student News)?|EW\.com|Mashable|Reuters|AP)\)\s*(?:--|—|–|-)?\s*")
        .expect("valid dateline pattern")
});

static INLINE_FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:scroll down for (?:video|videos|more)|share this article|click here to (?:watch|see|read|view) (?:the )?(?:video|more|gallery))\b\s*[.:!]?")
        .expect("valid inline pattern")
});

static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\((?:(?:[Pp]hotos?|[Pp]icture|[Ii]mage|[Cc]redit)s?:\s*)?[A-Z][\w'’.-]*(?:[ /&,]+[A-Z][\w'’.-]*){0,5}\)\s*$")
        .expect("valid photo credit pattern")
});

fn strip_trailing_punct(s: &str) -> &str {
    s.trim()
        .trim_end_matches(['.', ':', '!', ' ', '>', '|'])
        .trim_end()
}

/// Whether a whole paragraph is site furniture.
pub fn is_boilerplate_paragraph(paragraph: &str) -> bool {
    if paragraph.len() > 160 {
        return false;
    }
    let lower = paragraph.trim().to_lowercase();
    let bare = strip_trailing_punct(&lower);
    FURNITURE.contains(&bare)
        || FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p))
        || (lower.starts_with("follow ") && lower.contains('@') && lower.len() < 100)
}

/// Whether a whole paragraph is an author line such as "By Jane Smith".
pub fn is_byline_paragraph(paragraph: &str) -> bool {
    let p = paragraph.trim();
    p.len() < 120 && p.starts_with(['B', 'b']) && SHORT_BYLINE.is_match(p)
}

/// Length in bytes of a leading byline block ("By . Author . PUBLISHED: ...
/// | . UPDATED: ..." or "Last updated at ... on ..."), if any.
pub fn byline(paragraph: &str) -> Option<usize> {
    let head = &paragraph.as_bytes()[..paragraph.len().min(400)];
    let lower_head = String::from_utf8_lossy(head).to_ascii_lowercase();
    if lower_head.contains("updated") {
        if let Some(m) = DAILY_MAIL_BYLINE.find(paragraph).filter(|m| m.start() == 0) {
            return Some(m.end());
        }
        if let Some(m) = LAST_UPDATED.find(paragraph) {
            return Some(m.end());
        }
    }
    None
}

/// Length in bytes of a leading dateline such as "LONDON, England (CNN) --".
pub fn dateline(paragraph: &str) -> Option<usize> {
    let head_end = paragraph
        .char_indices()
        .nth(120)
        .map_or(paragraph.len(), |(i, _)| i);
    if !paragraph[..head_end].contains(')') {
        return None;
    }
    DATELINE
        .find(paragraph)
        .map(|m| m.end())
        .filter(|&end| end < paragraph.len())
}

/// Byte ranges of furniture phrases inside running text. (The regex
/// engine's literal prefilter makes this a fast scan when none occurs.)
pub fn inline_boilerplate(paragraph: &str) -> Vec<Range<usize>> {
    INLINE_FURNITURE
        .find_iter(paragraph)
        .map(|m| m.range())
        .collect()
}

/// Start of a trailing parenthesised photo credit such as " (Amr Nabil)".
pub fn trailing_photo_credit(paragraph: &str) -> Option<usize> {
    if !paragraph.trim_end().ends_with(')') {
        return None;
    }
    let m = PHOTO_CREDIT.find(paragraph)?;
    let start = m.start() + (m.as_str().len() - m.as_str().trim_start().len());
    (start > 0).then_some(start)
}
