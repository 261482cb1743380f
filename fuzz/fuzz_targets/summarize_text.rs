//! Fuzzes the text pipeline (ingest, clean, segment, score, select, render)
//! with arbitrary bytes: never a panic, and every bullet's offsets must
//! point at its exact text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static SUMMARIZERS: LazyLock<Vec<lede::Summarizer>> = LazyLock::new(|| {
    lede::Algorithm::ALL
        .iter()
        .map(|&algorithm| {
            lede::Summarizer::new(lede::Options {
                algorithm,
                ..lede::Options::default()
            })
            .expect("default options are valid")
        })
        .collect()
});

fuzz_target!(|data: &[u8]| {
    let Some((&selector, input)) = data.split_first() else {
        return;
    };
    let summarizer = &SUMMARIZERS[usize::from(selector) % SUMMARIZERS.len()];
    let Ok(summary) = summarizer.summarize_input(input, Some(lede::InputFormat::Text)) else {
        return;
    };
    let text = std::str::from_utf8(input).expect("only UTF-8 input is summarized");
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut last_end = 0;
    for bullet in &summary.bullets {
        let span = &bullet.span;
        assert_eq!(&text[span.byte_start..span.byte_end], span.text);
        assert!(span.byte_start >= last_end);
        last_end = span.byte_end;
    }
});
