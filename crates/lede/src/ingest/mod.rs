//! Ingest: turn raw bytes into checked text, and corpora into records.
//!
//! Single documents go through [`decode_text`], which enforces the size
//! limit and rejects invalid UTF-8 and binary data. Corpora of JSON lines
//! (optionally gzip-compressed) are streamed by [`Records`], one record at a
//! time, so memory does not grow with the size of the corpus.

#[cfg(feature = "html")]
mod html;
mod records;

#[cfg(feature = "html")]
pub use html::ArticleText;
pub use records::{open_corpus, Record, RecordError, Records};

use crate::error::{Error, Result};

/// Default limit on the size of one document, in bytes.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// What kind of content a document holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text, possibly with a headline, bullets and scraping debris.
    Text,
    /// An HTML page.
    Html,
}

impl InputFormat {
    /// Guesses the format from the first non-blank characters of `text`.
    pub fn detect(text: &str) -> InputFormat {
        let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        let lower: String = head
            .chars()
            .take(256)
            .flat_map(char::to_lowercase)
            .collect();
        let html_openers = [
            "<!doctype html",
            "<html",
            "<head",
            "<body",
            "<meta",
            "<?xml",
            "<!--",
        ];
        if html_openers.iter().any(|o| lower.starts_with(o))
            || (lower.starts_with('<') && lower.contains("<div"))
        {
            InputFormat::Html
        } else {
            InputFormat::Text
        }
    }
}

/// Checks raw input bytes and returns them as text.
///
/// Rejects input over `max_bytes`, invalid UTF-8, and binary data (NUL
/// bytes, or more than 1% control characters in the first 64 KiB). A
/// leading byte-order mark is skipped.
pub fn decode_text(bytes: &[u8], max_bytes: usize) -> Result<&str> {
    if bytes.len() > max_bytes {
        return Err(Error::InputTooLarge {
            size: bytes.len(),
            limit: max_bytes,
        });
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        if looks_binary(&bytes[..bytes.len().min(65536)]) {
            Error::Binary {
                reason: "not UTF-8 and full of control bytes".into(),
            }
        } else {
            Error::InvalidUtf8 {
                offset: e.valid_up_to(),
            }
        }
    })?;
    check_text(text, max_bytes)?;
    Ok(text)
}

/// Checks text that is already a `str`: size limit, binary content, emptiness.
pub fn check_text(text: &str, max_bytes: usize) -> Result<()> {
    if text.len() > max_bytes {
        return Err(Error::InputTooLarge {
            size: text.len(),
            limit: max_bytes,
        });
    }
    let head = &text.as_bytes()[..text.len().min(65536)];
    if head.contains(&0) {
        return Err(Error::Binary {
            reason: "contains NUL bytes".into(),
        });
    }
    if looks_binary(head) {
        return Err(Error::Binary {
            reason: "more than 1% control characters".into(),
        });
    }
    if text.trim().is_empty() {
        return Err(Error::EmptyInput);
    }
    Ok(())
}

fn looks_binary(head: &[u8]) -> bool {
    let control = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
        .count();
    control > 0 && control * 100 > head.len()
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
    fn rejects_invalid_utf8_with_offset() {
        let err = decode_text(b"abc\xff\xfe def", 100).unwrap_err();
        assert!(matches!(err, Error::InvalidUtf8 { offset: 3 }));
    }

    #[test]
    fn rejects_binary() {
        let bytes: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        assert!(matches!(
            decode_text(&bytes, 1 << 20).unwrap_err(),
            Error::Binary { .. }
        ));
        assert!(matches!(
            decode_text(b"text\0with nul", 100).unwrap_err(),
            Error::Binary { .. }
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
    fn detects_html() {
        assert_eq!(
            InputFormat::detect("  <!DOCTYPE html><html>"),
            InputFormat::Html
        );
        assert_eq!(InputFormat::detect("<html lang=en>"), InputFormat::Html);
        assert_eq!(
            InputFormat::detect("The <b>bold</b> claim."),
            InputFormat::Text
        );
    }
}
