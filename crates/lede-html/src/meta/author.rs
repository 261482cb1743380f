//! Author names from bylines and metadata values: "By Ann Lee and Bo Chan, Staff Writers"
//! gives `["Ann Lee", "Bo Chan"]`.

/// Most authors kept for one page.
const MAX_AUTHORS: usize = 20;

/// Longest name kept, in words; longer strings are sentences, not names.
const MAX_NAME_WORDS: usize = 6;

/// Words that open a byline in the languages lede reads.
const BY: &[&str] = &[
    "by",
    "written by",
    "posted by",
    "words by",
    "text by",
    "story by",
    "reporting by",
    "von",
    "text von",
    "par",
    "por",
    "door",
    "af",
    "av",
    "autor",
    "author",
    "autore",
    "auteur",
    "text",
    "texto",
    "redacción",
    "reporter",
];

/// Words that name a role, not a person ("Staff Writer", "Redakteur").
const ROLES: &[&str] = &[
    "staff",
    "writer",
    "writers",
    "reporter",
    "reporters",
    "editor",
    "editors",
    "correspondent",
    "contributor",
    "columnist",
    "journalist",
    "author",
    "authors",
    "redaktion",
    "redakteur",
    "redakteurin",
    "desk",
    "team",
    "bureau",
    "newsroom",
    "agency",
    "contributing",
    "senior",
    "chief",
    "political",
    "business",
    "sports",
];

/// Separators between names.
const SEPARATORS: &[&str] = &[
    " and ", " & ", " und ", " et ", " y ", " e ", " og ", " en ", " och ", " i ", " with ", ", ",
    "; ", " | ", " / ", " · ", " • ",
];

/// The names in `raw`, a byline or a metadata value, cleaned of "By", roles, dates,
/// e-mail addresses and links. An organisation (the publisher too) is kept as it is written.
pub(super) fn names(raw: &str) -> Vec<String> {
    let text = super::collapse(raw);
    let text = strip_by(&text);
    let mut parts = vec![text.to_string()];
    for sep in SEPARATORS {
        parts = parts.iter().flat_map(|p| split_ci(p, sep)).collect();
    }
    let mut out = Vec::new();
    for part in parts {
        if let Some(name) = clean(&part) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
        if out.len() == MAX_AUTHORS {
            break;
        }
    }
    out
}

/// `raw` without a leading "By", "Von", "Written by" (any case) and the colon after it.
fn strip_by(raw: &str) -> &str {
    let mut text = raw.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@');
    for by in BY {
        if let Some(head) = text.get(..by.len()) {
            let rest = &text[by.len()..];
            if head.eq_ignore_ascii_case(by) && (rest.starts_with([' ', ':']) || rest.is_empty()) {
                text = rest.trim_start_matches([' ', ':']);
                break;
            }
        }
    }
    text
}

/// `text` split on `sep`, compared without regard to ASCII case.
fn split_ci(text: &str, sep: &str) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    let mut parts = Vec::new();
    let mut start = 0;
    while let Some(at) = lower[start..].find(sep) {
        parts.push(text[start..start + at].to_string());
        start += at + sep.len();
    }
    parts.push(text[start..].to_string());
    parts
}

/// One name cleaned, or `None` when what is left is no person's name.
fn clean(part: &str) -> Option<String> {
    let part = strip_by(part.trim());
    let part = part.trim_matches(|c: char| !c.is_alphanumeric() && !".'’)".contains(c));
    let part = part.trim_end_matches([',', ';', ':']);
    if part.is_empty() || part.contains('@') || part.contains("://") || part.starts_with("www.") {
        return None;
    }
    let words: Vec<&str> = part.split_whitespace().collect();
    if words.len() > MAX_NAME_WORDS || words.is_empty() || words.iter().any(|w| !name_word(w)) {
        return None;
    }
    if words.iter().all(|w| {
        ROLES.contains(
            &w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
        )
    }) {
        return None;
    }
    if !part.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    Some(part.to_string())
}

/// Words that open a byline written as text ("By Amy Wilhelm", "Von Anna Müller").
const TEXT_BY: &[&str] = &[
    "written by",
    "posted by",
    "words by",
    "story by",
    "reporting by",
    "by",
    "von",
    "par",
    "por",
    "door",
    "av",
    "af",
];

/// Lower-case words a name may hold besides capitalised ones ("Nick van Mead").
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "das", "di", "du", "do", "dos", "la", "le", "del",
    "della", "ter", "ten", "bin", "al", "el", "y", "e",
];

/// Longest text read as a byline (bytes).
const MAX_TEXT_BYLINE_BYTES: usize = 120;

/// Most text bylines kept per page, a bound on work for hostile input.
const MAX_TEXT_BYLINES: usize = 8;

/// A text byline counts when it starts at most this many bytes of text before the first
/// `<h1>`, or this many times two after it.
const TEXT_BYLINE_WINDOW: usize = 1000;

/// Bylines written as page text rather than marked up: "By Amy Wilhelm" in one text
/// node, or "Written by" in one and the name in the next. Fed the page's text nodes in
/// order, it keeps those near the first `<h1>`.
#[derive(Debug, Default)]
pub(super) struct TextBylines {
    /// Bytes of non-blank text seen so far.
    seen: usize,
    /// `seen` when the first `<h1>` opened.
    h1_at: Option<usize>,
    /// The last text was a bare "By": the name is the next text.
    pending: bool,
    /// Where each byline started (in `seen` bytes) and its names.
    found: Vec<(usize, Vec<String>)>,
}

impl TextBylines {
    /// The first `<h1>` opens here.
    pub(super) fn h1(&mut self) {
        self.h1_at.get_or_insert(self.seen);
    }

    /// Reads the next text node of the page.
    pub(super) fn text(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let at = self.seen;
        self.seen += text.len();
        if self.found.len() == MAX_TEXT_BYLINES || text.len() > MAX_TEXT_BYLINE_BYTES {
            self.pending = false;
            return;
        }
        if std::mem::take(&mut self.pending) {
            self.push(at, text);
            return;
        }
        for by in TEXT_BY {
            let Some(head) = text.get(..by.len()) else {
                continue;
            };
            let rest = &text[by.len()..];
            if head.eq_ignore_ascii_case(by) && (rest.is_empty() || rest.starts_with([' ', ':'])) {
                let rest = rest.trim_start_matches([' ', ':']);
                if rest.is_empty() {
                    self.pending = true;
                } else {
                    self.push(at, rest);
                }
                return;
            }
        }
    }

    fn push(&mut self, at: usize, raw: &str) {
        let names: Vec<String> = names(raw).into_iter().filter(|n| proper_name(n)).collect();
        if !names.is_empty() {
            self.found.push((at, names));
        }
    }

    /// The names of the first byline near the first `<h1>` (anywhere in the first
    /// stretch of text when the page has none).
    pub(super) fn names(&self) -> Vec<String> {
        let near = |at: usize| match self.h1_at {
            Some(h1) => at + TEXT_BYLINE_WINDOW >= h1 && at <= h1 + 2 * TEXT_BYLINE_WINDOW,
            None => at <= 3 * TEXT_BYLINE_WINDOW,
        };
        self.found
            .iter()
            .find(|(at, _)| near(*at))
            .map(|(_, names)| names.clone())
            .unwrap_or_default()
    }
}

/// Whether `name` reads as a person's or a team's name: two words or more, each
/// capitalised or a particle, the first capitalised ("By continuing to browse" is not).
fn proper_name(name: &str) -> bool {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    match name.split_whitespace().collect::<Vec<_>>().as_slice() {
        [first, rest @ ..] if !rest.is_empty() => {
            capital(first) && rest.iter().all(|w| capital(w) || PARTICLES.contains(w))
        }
        _ => false,
    }
}

/// Whether `word` can be part of a name. A word that opens with a digit is a date, a
/// time or a count ("12 May 2024", "5 min read"); digits inside a word are a user name's
/// ("paulb203"), unless the word also holds other signs ("3/4/2025", "$50/mo") or its
/// digits come in three or more runs, as in generated handles ("ab1cd23ef4").
fn name_word(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if !word.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let runs = word
        .as_bytes()
        .windows(2)
        .filter(|w| w[1].is_ascii_digit() && !w[0].is_ascii_digit())
        .count();
    runs < 3
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

#[cfg(test)]
mod tests {
    use super::{names, TextBylines};

    fn text_bylines(texts: &[&str]) -> Vec<String> {
        let mut bylines = TextBylines::default();
        for text in texts {
            if *text == "<h1>" {
                bylines.h1();
            } else {
                bylines.text(text);
            }
        }
        bylines.names()
    }

    #[test]
    fn text_bylines_near_the_headline() {
        assert_eq!(
            text_bylines(&["Menu", "<h1>", "The History of Coffee", "By Amy Wilhelm"]),
            ["Amy Wilhelm"]
        );
        assert_eq!(
            text_bylines(&["<h1>", "Title", "Written by", " Edzel Tabing "]),
            ["Edzel Tabing"]
        );
        assert_eq!(
            text_bylines(&["<h1>", "Title", "Von Nick van Mead und Jan Ott"]),
            ["Nick van Mead", "Jan Ott"]
        );
        assert!(text_bylines(&["<h1>", "Title", "By continuing to browse you agree"]).is_empty());
        assert!(text_bylines(&["<h1>", "Title", "By Category"]).is_empty());
        let far = "x".repeat(100);
        let mut texts = vec!["<h1>", "Title"];
        texts.extend(std::iter::repeat_n(far.as_str(), 30));
        texts.push("Posted by Ann Lee");
        assert!(text_bylines(&texts).is_empty());
    }

    #[test]
    fn bylines_become_names() {
        for (raw, want) in [
            ("By Ann Lee and Bo Chan", vec!["Ann Lee", "Bo Chan"]),
            ("BY JO PARK", vec!["JO PARK"]),
            (
                "Von Anna Müller und Jan Ott",
                vec!["Anna Müller", "Jan Ott"],
            ),
            ("Ann Lee, Staff Writer", vec!["Ann Lee"]),
            ("Written by: Sam Roe", vec!["Sam Roe"]),
            ("Ann Lee | Staff", vec!["Ann Lee"]),
            ("Associated Press", vec!["Associated Press"]),
            ("ann@paper.test", vec![]),
            ("https://facebook.com/ann", vec![]),
            ("Updated 12 May 2024", vec![]),
            ("Ann Lee; Bo Chan; Ann Lee", vec!["Ann Lee", "Bo Chan"]),
            ("paulb203", vec!["paulb203"]),
            ("5 min read", vec![]),
            ("Yucy3/4/2025", vec![]),
            ("fullysecret1dbb6551f4", vec![]),
            ("oe24.at", vec!["oe24.at"]),
            ("A. J. Neal", vec!["A. J. Neal"]),
            ("hayley.p", vec!["hayley.p"]),
        ] {
            assert_eq!(names(raw), want, "{raw}");
        }
    }
}
