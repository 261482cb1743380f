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
    if part.is_empty()
        || part.contains('@')
        || part.contains("://")
        || part.starts_with("www.")
        || part.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let words: Vec<&str> = part.split_whitespace().collect();
    if words.len() > MAX_NAME_WORDS || words.is_empty() {
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

#[cfg(test)]
mod tests {
    use super::names;

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
        ] {
            assert_eq!(names(raw), want, "{raw}");
        }
    }
}
