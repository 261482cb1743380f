//! Fuzzes the text pipeline (ingest, clean, segment, score, select, render)
//! with arbitrary bytes: never a panic, and every bullet's offsets must
//! point at its exact text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static SUMMARIZER: LazyLock<lede::Summarizer> =
    LazyLock::new(|| lede::Summarizer::new().expect("the embedded model is valid"));

fuzz_target!(|data: &[u8]| {
    let Some((&selector, input)) = data.split_first() else {
        return;
    };
    let algorithms = lede::Algorithm::ALL;
    let options = lede::Options {
        algorithm: algorithms[usize::from(selector) % algorithms.len()],
        ..lede::Options::default()
    };
    let as_text = lede::Input::bytes_as(input, Some(lede::InputFormat::Text));
    let Ok(summary) = SUMMARIZER.summarize(as_text, &options) else {
        return;
    };
    let decoded;
    let text = match &summary.source {
        Some(source) => source.text.as_str(),
        None => {
            decoded = std::str::from_utf8(input).expect("undecoded input is UTF-8");
            decoded.strip_prefix('\u{feff}').unwrap_or(decoded)
        }
    };
    let mut last_end = 0;
    for bullet in &summary.bullets {
        let span = &bullet.span;
        assert_eq!(&text[span.byte_start..span.byte_end], span.text);
        assert!(span.byte_start >= last_end);
        last_end = span.byte_end;
    }
});
