//! A byte-level pass over the page before HTML parsing.
//!
//! It does two things, both for the parser's sake:
//! - drops comments and the contents of `<script>` (JSON-LD kept), `<style>` and `<svg>`,
//!   which are about half the bytes of a typical news page and never article text, so
//!   html5ever has less to tokenize;
//! - caps nesting: html5ever checks element scopes by walking its stack of open elements,
//!   so 100,000 nested `<div>`s take quadratic time (tens of seconds). Start and end tags
//!   that would nest deeper than [`MAX_DEPTH`] are dropped, keeping all text.
//!
//! Written by hand because it must run at memory speed and only needs to find tags.

/// Deepest element nesting kept; real pages stay far below it.
pub const MAX_DEPTH: usize = 1024;

/// `html` without comments, script, style and svg contents, and with nesting past
/// [`MAX_DEPTH`] flattened.
pub fn prepare(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut dropped = 0usize;
    let mut copied = 0usize;
    let mut i = 0usize;
    while let Some(offset) = memchr(b'<', &bytes[i..]) {
        let start = i + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            out.push_str(&html[copied..start]);
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            copied = i;
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
        let mut name_buf = [0u8; 16];
        let name = match name_buf.get_mut(..name_len) {
            Some(buf) => {
                buf.copy_from_slice(&bytes[name_start..name_start + name_len]);
                buf.make_ascii_lowercase();
                std::str::from_utf8(buf).unwrap_or("")
            }
            None => "",
        };
        let end = memchr(b'>', &bytes[name_start..]).map_or(bytes.len(), |p| name_start + p + 1);
        let self_closing = bytes[..end].ends_with(b"/>");
        let mut drop_tag = false;
        if nests(name) && !self_closing {
            if closing {
                if dropped > 0 {
                    dropped -= 1;
                    drop_tag = true;
                } else {
                    depth = depth.saturating_sub(1);
                }
            } else if depth >= MAX_DEPTH {
                dropped += 1;
                drop_tag = true;
            } else {
                depth += 1;
            }
        }
        if drop_tag {
            out.push_str(&html[copied..start]);
            copied = end;
        }
        i = end;
        if closing || self_closing {
            continue;
        }
        if matches!(name, "script" | "style" | "textarea" | "title" | "svg") {
            let close_at = find_end_tag(bytes, i, name.as_bytes()).unwrap_or(bytes.len());
            let keep = match name {
                "script" => bytes[start..end]
                    .windows(7)
                    .any(|w| w.eq_ignore_ascii_case(b"ld+json")),
                "textarea" | "title" => true,
                _ => false,
            };
            if !keep && !drop_tag {
                out.push_str(&html[copied..i]);
                copied = close_at;
            }
            i = close_at;
        }
    }
    out.push_str(&html[copied..]);
    out
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

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    memchr::memchr(needle, haystack)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|p| from + p)
}

/// Start of the first `</name` (any case) at or after `from`.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let p = at + memchr::memmem::find(bytes.get(at..)?, b"</")?;
        let candidate = bytes.get(p + 2..p + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name) {
            return Some(p);
        }
        at = p + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_comments_scripts_and_styles_but_keeps_json_ld() {
        let html = concat!(
            "<div><p>a<!-- <div> --><p>b<script>if (a<div) {}</script>",
            "<script type=\"application/ld+json\">{\"a\":1}</script>",
            "<style>p{}</style><svg><text>x</text></svg><title>T</title></div>"
        );
        assert_eq!(
            prepare(html),
            concat!(
                "<div><p>a<p>b<script></script>",
                "<script type=\"application/ld+json\">{\"a\":1}</script>",
                "<style></style><svg></svg><title>T</title></div>"
            )
        );
    }

    #[test]
    fn deep_nesting_is_flattened_keeping_text() {
        let depth = MAX_DEPTH * 3;
        let html = format!("{}text{}", "<div>".repeat(depth), "</div>".repeat(depth));
        assert_eq!(
            prepare(&html),
            format!(
                "{}text{}",
                "<div>".repeat(MAX_DEPTH),
                "</div>".repeat(MAX_DEPTH)
            )
        );
    }

    #[test]
    fn unterminated_constructs_do_not_panic() {
        for html in [
            "<!-- open",
            "<script>never closed",
            "<div",
            "</",
            "<",
            "<é>",
            "<a\u{e9}>x",
        ] {
            let _ = prepare(html);
        }
    }
}
