//! Untrusted document bytes to text: charset detection and decoding of pages and of plain
//! text, and the one binary-content check that every input path of lede uses.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many leading bytes are scanned for a `<meta>` charset declaration.
const META_SCAN_BYTES: usize = 8192;
/// How many leading bytes are checked for binary content.
const BINARY_SCAN_BYTES: usize = 4096;

/// Decodes page bytes to text.
///
/// Precedence: byte-order mark, then the `charset` of `content_type` (an HTTP
/// `Content-Type` value), then a `<meta>` declaration in the first 8 KiB, then UTF-8 when
/// the bytes are valid UTF-8, else windows-1252. Invalid sequences become U+FFFD.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> String {
    let declared = content_type
        .and_then(|ct| charset_after(ct.as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(META_SCAN_BYTES)]));
    let encoding = declared.unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            UTF_8
        } else {
            WINDOWS_1252
        }
    });
    // `Encoding::decode` lets a BOM override the declared encoding.
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

/// Decodes plain-text bytes: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides the
/// encoding and is dropped, else UTF-8 when the bytes are valid UTF-8 (borrowed, no copy),
/// else windows-1252, the superset of Latin-1 that browsers use for it.
pub fn decode_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return text;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// Finds `charset=NAME` in `text` and resolves NAME to an encoding.
fn charset_after(text: &[u8]) -> Option<&'static Encoding> {
    let lower = text.to_ascii_lowercase();
    let at = find(&lower, b"charset")?;
    let rest = &lower[at + b"charset".len()..];
    let rest = trim_start(rest);
    let rest = trim_start(rest.strip_prefix(b"=")?);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || b"-_.:".contains(b)))
        .unwrap_or(rest.len());
    let encoding = Encoding::for_label(&rest[..end])?;
    // A page cannot declare UTF-16 from inside itself; browsers read that as UTF-8.
    Some(if is_utf16(encoding) { UTF_8 } else { encoding })
}

fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE
}

/// The charset of the first `<meta>` tag in `head` that declares one.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |p| start + p);
        if let Some(encoding) = charset_after(&lower[start..end]) {
            return Some(encoding);
        }
        from = end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

/// Whether `bytes` look like binary data (image, PDF, archive, executable) rather than text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    const MAGIC: [&[u8]; 9] = [
        b"\x89PNG",
        b"%PDF-",
        b"PK\x03\x04",
        b"GIF8",
        b"\xff\xd8\xff",
        b"\x1f\x8b",
        b"\x7fELF",
        b"RIFF",
        b"\x00\x00\x01\x00",
    ];
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return false;
    }
    if MAGIC.iter().any(|m| bytes.starts_with(m)) {
        return true;
    }
    let sample = &bytes[..bytes.len().min(BINARY_SCAN_BYTES)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls * 50 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_charset_wins_over_meta() {
        let bytes = b"<meta charset=utf-8><p>caf\xe9</p>";
        let text = decode_html(bytes, Some("text/html; charset=ISO-8859-1"));
        assert!(text.contains("caf\u{e9}"));
    }

    #[test]
    fn meta_http_equiv_declares_windows_1252() {
        let bytes =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\x93hi\x94";
        assert!(decode_html(bytes, None).contains("\u{201c}hi\u{201d}"));
    }

    #[test]
    fn bom_wins_over_declarations() {
        let bytes = b"\xef\xbb\xbf<meta charset=windows-1252>\xc3\xa9";
        let text = decode_html(bytes, Some("text/html; charset=windows-1252"));
        assert!(text.ends_with('\u{e9}'));
        assert!(!text.starts_with('\u{feff}'));
    }

    #[test]
    fn undeclared_falls_back_to_utf8_then_windows_1252() {
        assert_eq!(decode_html("é".as_bytes(), None), "é");
        assert_eq!(decode_html(b"\xe9", None), "é");
    }

    #[test]
    fn meta_utf16_is_read_as_utf8() {
        let bytes = "<meta charset=utf-16>é".as_bytes();
        assert!(decode_html(bytes, None).ends_with('é'));
    }

    #[test]
    fn text_decoding() {
        assert!(matches!(
            decode_text(b"plain"),
            std::borrow::Cow::Borrowed("plain")
        ));
        assert_eq!(decode_text(b"\xef\xbb\xbfHi"), "Hi");
        assert_eq!(decode_text(b"\xfe\xff\0H\0i"), "Hi");
        assert_eq!(decode_text(b"na\xefve"), "na\u{ef}ve");
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0"));
        assert!(looks_binary(&[0u8, 1, 2, 3, 4, 5, 6, 7, 200, 201]));
        assert!(!looks_binary(b"<html><p>plain</p></html>"));
        assert!(!looks_binary(b"\xff\xfe<\0h\0"));
    }
}
