//! A guard against pathologically deep nesting.
//!
//! html5ever checks element scopes by walking its stack of open elements, so a page of
//! 100,000 nested `<div>`s takes quadratic time to parse (tens of seconds). This pre-pass
//! estimates the nesting depth from the tag stream and, only when it exceeds
//! [`MAX_DEPTH`], drops the start and end tags that would nest deeper, keeping all text.
//! Ordinary pages are passed through untouched.

use std::borrow::Cow;

/// Deepest element nesting kept; real pages stay far below it.
pub const MAX_DEPTH: usize = 1024;

/// `html` with nesting past [`MAX_DEPTH`] flattened.
pub fn cap_nesting(html: &str) -> Cow<'_, str> {
    if scan(html, None) <= MAX_DEPTH {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    scan(html, Some(&mut out));
    Cow::Owned(out)
}

/// Walks the tags of `html`, returning the deepest nesting seen (in detection mode it
/// stops as soon as that passes [`MAX_DEPTH`]); with `out`, writes the
/// input there minus the tags that would nest past [`MAX_DEPTH`].
fn scan(html: &str, mut out: Option<&mut String>) -> usize {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut dropped = 0usize;
    let mut copied = 0usize;
    let mut i = 0usize;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = bytes[name_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |p| name_start + p + 1);
        let self_closing = bytes[..end].ends_with(b"/>");
        let mut drop_tag = false;
        if nests(&name) && !self_closing {
            if closing {
                if dropped > 0 {
                    dropped -= 1;
                    drop_tag = true;
                } else {
                    depth = depth.saturating_sub(1);
                }
            } else if depth >= MAX_DEPTH {
                dropped += 1;
                deepest = deepest.max(depth + dropped);
                drop_tag = true;
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        if drop_tag {
            if let Some(out) = out.as_deref_mut() {
                out.push_str(&html[copied..start]);
                copied = end;
            }
        }
        i = end;
        if !closing && matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            let close = format!("</{name}");
            i = find_ascii_ci(bytes, i, close.as_bytes()).unwrap_or(bytes.len());
        }
        if out.is_none() && deepest > MAX_DEPTH {
            return deepest;
        }
    }
    if let Some(out) = out {
        out.push_str(&html[copied..]);
    }
    deepest
}

/// Whether a start tag of `name` opens an element that stays open until its end tag
/// (void elements and implicitly closed ones like `p` and `li` do not).
fn nests(name: &str) -> bool {
    !matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "dd"
            | "dt"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "li"
            | "link"
            | "meta"
            | "option"
            | "p"
            | "param"
            | "source"
            | "td"
            | "th"
            | "tr"
            | "track"
            | "wbr"
    )
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn find_ascii_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_through() {
        let html = "<div><p>a<p>b<script>if (a<div) {}</script><!-- <div> --></div>";
        assert!(matches!(cap_nesting(html), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_keeping_text() {
        let depth = MAX_DEPTH * 3;
        let html = format!("{}text{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let capped = cap_nesting(&html);
        assert_eq!(scan(&capped, None), MAX_DEPTH);
        assert_eq!(
            capped,
            format!(
                "{}text{}",
                "<div>".repeat(MAX_DEPTH),
                "</div>".repeat(MAX_DEPTH)
            )
        );
    }
}
