//! Ingest: one article as it arrived ([`Input`]) becomes checked text, and
//! corpora become records.
//!
//! Everything a front end needs to route raw input lives here, once: the
//! size limit ([`DEFAULT_MAX_INPUT_BYTES`], and [`max_record_bytes`] for
//! corpus lines), the binary check and charset decoding (owned by
//! [`lede_html::decode`], which pages and text share), and [`sniff`], which
//! tells text, HTML and JSON lines apart. Corpora of JSON lines (optionally
//! gzip-compressed) are streamed by [`Records`], one record at a time, so
//! memory does not grow with the size of the corpus.

mod html;
mod records;

use std::borrow::Cow;

pub use html::ArticleText;
pub use records::{open_corpus, Record, RecordError, Records};

use crate::error::{Error, Result};

/// Default limit on the size of one document, in bytes (16 MiB). Every front
/// end (CLI, server, Python) and the page fetcher use this one number.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// The longest corpus line accepted for documents of `max_input_bytes`:
/// twice the document limit, since JSON escaping can double a text.
pub const fn max_record_bytes(max_input_bytes: usize) -> usize {
    max_input_bytes.saturating_mul(2)
}

/// What kind of content a document holds, when the caller knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Plain text, possibly with a headline, bullets and scraping debris.
    Text,
    /// An HTML page.
    Html,
}

/// One article as it arrived: the single input of
/// [`Summarizer::summarize`](crate::Summarizer::summarize).
///
/// Front ends translate their own syntax into one of these; URLs are
/// downloaded by the front end (the core library has no HTTP client) and
/// handed over as [`Input::Bytes`] with the final `url`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input<'a> {
    /// Plain text; offsets of the summary index into it.
    Text(&'a str),
    /// An HTML page, with its address when known (metadata only, never fetched).
    Html {
        /// The page's markup.
        html: &'a str,
        /// The page's address.
        url: Option<&'a str>,
    },
    /// Raw bytes: text or HTML as `format` says, else as [`sniff`] finds;
    /// the charset from a byte-order mark, `content_type` (an HTTP
    /// `Content-Type` value) or `<meta>`, else UTF-8, else windows-1252.
    Bytes {
        /// The bytes as read or downloaded.
        bytes: &'a [u8],
        /// The caller's knowledge of the format; `None` detects it.
        format: Option<InputFormat>,
        /// An HTTP `Content-Type` value, for the charset.
        content_type: Option<&'a str>,
        /// The page's address.
        url: Option<&'a str>,
    },
}

impl<'a> Input<'a> {
    /// Raw bytes of unknown format, detected by [`sniff`].
    pub fn bytes(bytes: &'a [u8]) -> Input<'a> {
        Input::Bytes {
            bytes,
            format: None,
            content_type: None,
            url: None,
        }
    }

    /// Raw bytes read as `format` (`None`: detect it).
    pub fn bytes_as(bytes: &'a [u8], format: Option<InputFormat>) -> Input<'a> {
        Input::Bytes {
            bytes,
            format,
            content_type: None,
            url: None,
        }
    }

    /// A downloaded page: its bytes, `Content-Type` and final address.
    pub fn page(bytes: &'a [u8], content_type: Option<&'a str>, url: &'a str) -> Input<'a> {
        Input::Bytes {
            bytes,
            format: None,
            content_type,
            url: Some(url),
        }
    }
}

impl<'a> From<&'a str> for Input<'a> {
    fn from(text: &'a str) -> Input<'a> {
        Input::Text(text)
    }
}

impl<'a> From<&'a String> for Input<'a> {
    fn from(text: &'a String) -> Input<'a> {
        Input::Text(text)
    }
}

impl<'a> From<&'a [u8]> for Input<'a> {
    fn from(bytes: &'a [u8]) -> Input<'a> {
        Input::bytes(bytes)
    }
}

impl<'a> From<&'a Vec<u8>> for Input<'a> {
    fn from(bytes: &'a Vec<u8>) -> Input<'a> {
        Input::bytes(bytes)
    }
}

/// What raw input looks like, as found by [`sniff`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
    /// JSON lines: the first line is a JSON object (a corpus, not an article).
    JsonLines,
}

/// How many leading bytes [`sniff`] looks at for HTML.
const SNIFF_BYTES: usize = 4096;

/// Tag names that mark a page when the input starts with a tag.
const PAGE_TAGS: [&str; 14] = [
    "html", "head", "body", "meta", "title", "link", "style", "script", "div", "p", "br", "b",
    "table", "noscript",
];

/// Tells text, HTML and JSON lines apart from the first bytes.
///
/// HTML: the input starts with a doctype, a comment, an XML declaration or a
/// page tag (`<style>` and PHP warnings such as `<br />\n<b>Warning</b>` included),
/// or `<!doctype html`, `<html` or `<body` appears in the first 4 KiB.
/// JSON lines: the first line is a JSON object. Anything else is text.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    let start = bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .unwrap_or(bytes)
        .trim_ascii_start();
    if start.first() == Some(&b'{') {
        let line = start.split(|&b| b == b'\n').next().unwrap_or(start);
        let is_object = serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(
            line.trim_ascii_end(),
        )
        .is_ok();
        return if is_object {
            Sniffed::JsonLines
        } else {
            Sniffed::Text
        };
    }
    let head = start[..start.len().min(SNIFF_BYTES)].to_ascii_lowercase();
    let starts_page = head.strip_prefix(b"<").is_some_and(|rest| {
        rest.starts_with(b"!") || rest.starts_with(b"?") || {
            let name_len = rest
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            PAGE_TAGS.contains(&std::str::from_utf8(&rest[..name_len]).unwrap_or(""))
        }
    });
    let contains = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if starts_page || contains(b"<!doctype html") || contains(b"<html") || contains(b"<body") {
        Sniffed::Html
    } else {
        Sniffed::Text
    }
}

/// Checks raw text bytes and decodes them: a byte-order mark (UTF-8 or
/// UTF-16) decides the encoding, else UTF-8 when valid, else windows-1252
/// (so Latin-1 text is read, not refused). Borrowed when the bytes are
/// UTF-8 already.
///
/// Refuses input over `max_bytes`, binary data, and blank text.
pub fn decode_text(bytes: &[u8], max_bytes: usize) -> Result<Cow<'_, str>> {
    check_size(bytes.len(), max_bytes)?;
    if lede_html::decode::looks_binary(bytes) {
        return Err(Error::Binary);
    }
    let text = lede_html::decode::decode_text(bytes);
    check_blank(&text)?;
    Ok(text)
}

/// Checks text that is already a `str`: size limit, binary content, emptiness.
pub fn check_text(text: &str, max_bytes: usize) -> Result<()> {
    check_size(text.len(), max_bytes)?;
    if lede_html::decode::looks_binary(text.as_bytes()) {
        return Err(Error::Binary);
    }
    check_blank(text)
}

/// Refuses `size` bytes over `limit`.
pub fn check_size(size: usize, limit: usize) -> Result<()> {
    if size > limit {
        return Err(Error::InputTooLarge { size, limit });
    }
    Ok(())
}

fn check_blank(text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::EmptyInput);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_oversized_input() {
        let err = decode_text(b"hello world", 5).unwrap_err();
        assert!(matches!(err, Error::InputTooLarge { size: 11, limit: 5 }));
    }

    #[test]
    fn reads_latin1_and_utf16_text() {
        assert_eq!(decode_text(b"caf\xe9 cr\xe8me", 100).unwrap(), "café crème");
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Hi there.".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_text(&utf16, 100).unwrap(), "Hi there.");
        assert!(matches!(
            decode_text(b"plain", 100).unwrap(),
            Cow::Borrowed("plain")
        ));
    }

    #[test]
    fn rejects_binary() {
        let bytes: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        assert!(matches!(
            decode_text(&bytes, 1 << 20).unwrap_err(),
            Error::Binary
        ));
        assert!(matches!(
            decode_text(b"text\0with nul", 100).unwrap_err(),
            Error::Binary
        ));
        assert!(matches!(
            check_text("\u{1}\u{2}\u{3}\u{4}", 100).unwrap_err(),
            Error::Binary
        ));
    }

    #[test]
    fn rejects_blank_and_strips_bom() {
        assert!(matches!(
            decode_text(b" \n\t ", 100).unwrap_err(),
            Error::EmptyInput
        ));
        assert_eq!(decode_text(b"\xef\xbb\xbfHi.", 100).unwrap(), "Hi.");
    }

    #[test]
    fn sniffs_pages_text_and_json_lines() {
        assert_eq!(sniff(b"  <!DOCTYPE html><html>"), Sniffed::Html);
        assert_eq!(sniff(b"<html lang=en>"), Sniffed::Html);
        assert_eq!(sniff(b"<style>p{}</style><div>x</div>"), Sniffed::Html);
        assert_eq!(
            sniff(b"<br />\n<b>Warning</b>: Undefined index in x.php\n<!DOCTYPE html><html>"),
            Sniffed::Html
        );
        assert_eq!(
            sniff(b"Warning: session_start() failed\n<!doctype html><p>x"),
            Sniffed::Html
        );
        assert_eq!(sniff(b"The <b>bold</b> claim."), Sniffed::Text);
        assert_eq!(sniff(b"<3 this story."), Sniffed::Text);
        assert_eq!(
            sniff(b"{\"id\": 1, \"article\": \"A.\"}\n{\"id\": 2}\n"),
            Sniffed::JsonLines
        );
        assert_eq!(sniff(b"{curly} text starts here."), Sniffed::Text);
    }
}
