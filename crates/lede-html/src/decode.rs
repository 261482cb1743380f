//! Untrusted document bytes to text: charset detection and decoding of pages and of plain
//! text, and the one binary-content check that every input path of lede uses.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many leading bytes are scanned for a `<meta>` charset declaration.
const META_SCAN_BYTES: usize = 8192;
/// How many leading bytes are checked for binary content.
const BINARY_SCAN_BYTES: usize = 4096;

/// Decodes page bytes to text.
///
/// Precedence: byte-order mark; then valid UTF-8 with non-ASCII content (pages re-saved as
/// UTF-8 often keep a stale legacy declaration such as `charset=GB2312`, and legacy-encoded
/// text is practically never valid UTF-8); then the `charset` of `content_type` (an HTTP
/// `Content-Type` value); then a `<meta charset>` or `<meta http-equiv="Content-Type">`
/// declaration in the first 8 KiB outside comments (the HTML prescan, over more than its
/// 1,024 bytes because archived copies put a banner script first); then UTF-8 when the
/// bytes are valid UTF-8, else windows-1252. Every WHATWG label resolves (GBK/GB18030,
/// Big5, Shift_JIS, EUC-JP, EUC-KR, KOI8-R, ISO-8859-x, windows-125x). Invalid sequences
/// become U+FFFD.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    if let Some(text) = utf8.filter(|t| !t.is_ascii()) {
        return text.to_owned();
    }
    let encoding = content_type
        .and_then(|ct| charset_after(ct.as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(META_SCAN_BYTES)]))
        .unwrap_or(if utf8.is_some() { UTF_8 } else { WINDOWS_1252 });
    encoding.decode_without_bom_handling(bytes).0.into_owned()
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

/// The charset of the first `<meta>` tag in `head` that declares one, skipping
/// `<!-- ... -->` comments as the HTML prescan does.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while from < lower.len() {
        let rest = &lower[from..];
        let comment = find(rest, b"<!--");
        let meta = find(rest, b"<meta");
        match (comment, meta) {
            (Some(c), m) if m.is_none_or(|m| c < m) => {
                let body = from + c + b"<!--".len();
                from = find(&lower[body..], b"-->").map_or(lower.len(), |e| body + e + 3);
            }
            (_, Some(m)) => {
                let start = from + m;
                let end = lower[start..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(lower.len(), |p| start + p);
                if let Some(encoding) = charset_after(&lower[start..end]) {
                    return Some(encoding);
                }
                from = end;
            }
            _ => return None,
        }
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

/// The first bytes of image, PDF, archive and executable files.
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

/// Whether `bytes` look like binary data (image, PDF, archive, executable) rather than text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return false;
    }
    if MAGIC.iter().any(|m| bytes.starts_with(m)) {
        return true;
    }
    let sample = &bytes[..bytes.len().min(BINARY_SCAN_BYTES)];
    // Counted in byte lanes, 255 bytes at a time, with `&` rather than
    // `&&`: the compiler turns that into vector compares (this runs on
    // every input and was 2% of a Lead run over a corpus).
    let controls: usize = sample
        .chunks(255)
        .map(|chunk| {
            let count = chunk.iter().fold(0u8, |n, &b| {
                let control = (b < 0x20)
                    & (b != b'\t')
                    & (b != b'\n')
                    & (b != b'\r')
                    & (b != 0x0c)
                    & (b != 0x1b);
                n + u8::from(control)
            });
            usize::from(count)
        })
        .sum();
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
    fn legacy_cjk_and_cyrillic_meta_declarations() {
        let cases: [(&[u8], &str); 4] = [
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"/><p>\xd6\xd0\xce\xc4\xd0\xc2\xce\xc5",
                "中文新闻",
            ),
            (b"<meta charset=\"Shift_JIS\"><p>\x93\xfa\x96\x7b", "日本"),
            (b"<meta charset='euc-kr'><p>\xc7\xd1\xb1\xb9", "한국"),
            (b"<META CHARSET=KOI8-R><p>\xf0\xd2\xc9\xd7\xc5\xd4", "Привет"),
        ];
        for (bytes, text) in cases {
            assert!(decode_html(bytes, None).ends_with(text), "{text}");
        }
    }

    #[test]
    fn meta_after_a_long_archive_banner_is_found() {
        let mut bytes =
            b"<html><head><script src=\"/wombat.js\" charset=\"utf-8\"></script>".to_vec();
        bytes.extend(std::iter::repeat_n(b' ', 1500));
        bytes.extend(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"/>");
        bytes.extend(b"<title>\xd6\xd0\xce\xc4</title>");
        assert!(decode_html(&bytes, None).ends_with("<title>中文</title>"));
    }

    #[test]
    fn gb18030_is_a_superset_of_gbk() {
        assert!(decode_html(b"<meta charset=gb18030>\xa2\xe3", None).ends_with('€'));
    }

    #[test]
    fn valid_utf8_wins_over_a_stale_legacy_declaration() {
        let page = "<meta http-equiv=\"content-type\" content=\"text/html;charset=GB2312\"/><title>人民网</title>";
        assert!(decode_html(page.as_bytes(), None).ends_with("<title>人民网</title>"));
        let latin = "<p>café</p>".as_bytes();
        assert_eq!(
            decode_html(latin, Some("text/html; charset=windows-1252")),
            "<p>café</p>"
        );
        // Pure ASCII is the same in every ASCII-compatible encoding, so the declaration stands.
        assert_eq!(
            decode_html(b"<meta charset=gbk>abc", None),
            "<meta charset=gbk>abc"
        );
    }

    #[test]
    fn declarations_inside_comments_are_skipped() {
        let bytes = b"<!-- <meta charset=koi8-r> --><meta charset=windows-1252>\x93";
        assert!(decode_html(bytes, None).ends_with('\u{201c}'));
        let unclosed = b"<!-- <meta charset=koi8-r> \xf0";
        assert!(decode_html(unclosed, None).ends_with('\u{f0}'));
    }

    #[test]
    fn utf16_bom_decodes_the_page() {
        let bytes = b"\xff\xfe<\0p\0>\0\xe9\0";
        assert_eq!(
            decode_html(bytes, Some("text/html; charset=windows-1252")),
            "<p>é"
        );
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

    proptest::proptest! {
        /// The counting in byte lanes decides as the plain count of the
        /// control bytes of the first 4 KiB would.
        #[test]
        fn binary_detection_counts_control_bytes(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![0u8..0x20, 0x20u8..=0xff, proptest::strategy::Just(b'\n')],
                0..6000,
            ),
        ) {
            let sample = &bytes[..bytes.len().min(BINARY_SCAN_BYTES)];
            let controls = sample
                .iter()
                .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
                .count();
            let marked = MAGIC.iter().any(|m| bytes.starts_with(m))
                || bytes.starts_with(b"\xff\xfe")
                || bytes.starts_with(b"\xfe\xff");
            if !marked {
                proptest::prop_assert_eq!(looks_binary(&bytes), controls * 50 > sample.len());
            }
        }
    }
}
