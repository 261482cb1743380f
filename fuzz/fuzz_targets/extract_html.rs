//! Fuzzes HTML extraction with arbitrary bytes: it must never panic, hang or overflow.
//!
//! The first byte picks a `Content-Type` charset so that the decoders are exercised too.

#![no_main]

use libfuzzer_sys::fuzz_target;

const CONTENT_TYPES: [Option<&str>; 4] = [
    None,
    Some("text/html; charset=utf-8"),
    Some("text/html; charset=windows-1252"),
    Some("text/html; charset=shift_jis"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, html)) = data.split_first() else {
        return;
    };
    let content_type = CONTENT_TYPES[usize::from(selector) % CONTENT_TYPES.len()];
    if let Ok(article) = lede_html::extract_bytes(html, content_type, Some("https://example.test/"))
    {
        assert!(article.paragraphs.iter().all(|p| !p.trim().is_empty()));
        assert!(article.highlights.iter().all(|h| !h.trim().is_empty()));
        assert_eq!(article.kinds.len(), article.paragraphs.len());
        let _ = article.markdown();
    }
    if let Ok(text) = std::str::from_utf8(html) {
        let _ = lede_html::extract(text, None);
    }
});
