//! Invariants that hold for any input.

use std::collections::HashSet;

use lede::{Algorithm, Length, Options, Summarizer};
use proptest::prelude::*;

/// Article-like text: a mix of words, punctuation, odd whitespace, bullets,
/// repeated lines and non-ASCII characters.
fn article() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[a-z]{1,8}",
        "[A-Z][a-z]{1,8}",
        Just("U.S.".to_owned()),
        Just("Mr.".to_owned()),
        Just("$3.50".to_owned()),
        Just("café".to_owned()),
        Just("日本".to_owned()),
        Just("'quoted'".to_owned()),
        Just("(Amr Nabil)".to_owned()),
    ];
    let sep = prop_oneof![
        6 => Just(" ".to_owned()),
        1 => Just(". ".to_owned()),
        1 => Just("! ".to_owned()),
        1 => Just("? ".to_owned()),
        1 => Just("\n\n".to_owned()),
        1 => Just("\n".to_owned()),
        1 => Just("\u{a0}".to_owned()),
        1 => Just("\n• ".to_owned()),
        1 => Just(", ".to_owned()),
    ];
    prop::collection::vec((word, sep), 1..120).prop_map(|parts| {
        let body: String = parts.into_iter().map(|(w, s)| w + &s).collect();
        let line = body.lines().next().unwrap_or("").to_owned();
        format!("{body}\n\n{line}\n")
    })
}

fn length() -> impl Strategy<Value = Length> {
    prop_oneof![
        (1usize..6).prop_map(Length::Sentences),
        (1usize..80).prop_map(Length::Words),
        (1usize..400).prop_map(Length::Chars),
        (0.05f32..1.0).prop_map(Length::Ratio),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn bullets_are_exact_unique_ordered_sentences(text in article(), length in length(), alg in 0usize..3) {
        let algorithm = Algorithm::ALL[alg];
        let summarizer = Summarizer::new(Options { algorithm, length, ..Options::default() }).unwrap();
        let Ok(summary) = summarizer.summarize(&text) else { return Ok(()); };
        prop_assert!(!summary.bullets.is_empty());
        let chars: Vec<char> = text.chars().collect();
        let mut seen = HashSet::new();
        let mut last_end = 0;
        for b in &summary.bullets {
            let s = &b.span;
            prop_assert_eq!(&text[s.byte_start..s.byte_end], s.text.as_str());
            prop_assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.text.clone());
            prop_assert!(!s.text.trim().is_empty());
            prop_assert_eq!(s.text.trim(), s.text.as_str());
            prop_assert!(s.byte_start >= last_end, "bullets overlap or are out of order");
            last_end = s.byte_end;
            prop_assert!(seen.insert(b.sentence_index));
            prop_assert!(b.sentence_index < summary.sentence_count);
            for g in &summary.given_highlights {
                prop_assert!(s.byte_end <= g.byte_start || s.byte_start >= g.byte_end, "bullet overlaps a given highlight");
            }
        }
        if let Length::Sentences(n) = length {
            prop_assert!(summary.bullets.len() <= n);
        }
        for r in &summary.removed {
            prop_assert_eq!(&text[r.span.byte_start..r.span.byte_end], r.span.text.as_str());
        }
        let again = summarizer.summarize(&text).unwrap();
        prop_assert_eq!(again, summary);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let summarizer = Summarizer::new(Options::default()).unwrap();
        let _ = summarizer.summarize(&text);
        let _ = summarizer.summarize_bytes(text.as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let summarizer = Summarizer::new(Options::default()).unwrap();
        let _ = summarizer.summarize_bytes(&bytes);
    }
}

#[test]
fn huge_single_line_is_linear_and_bounded() {
    let text = "word ".repeat(2_000_000);
    let summarizer = Summarizer::new(Options {
        algorithm: Algorithm::TextRank,
        ..Options::default()
    })
    .unwrap();
    let summary = summarizer.summarize(&text).unwrap();
    assert_eq!(summary.bullets.len(), 1);
}

#[test]
fn many_sentences_are_bounded() {
    let text: String = (0..50_000)
        .map(|i| format!("Item {i} covers w{i}a and w{i}b and w{i}c and {}. ", i % 97))
        .collect();
    for algorithm in Algorithm::ALL {
        let summarizer = Summarizer::new(Options {
            algorithm,
            ..Options::default()
        })
        .unwrap();
        let bullets = summarizer.summarize(&text).unwrap().bullets.len();
        assert!((1..=3).contains(&bullets), "{algorithm}: {bullets} bullets");
    }
}

#[test]
fn bad_inputs_are_clear_errors() {
    let summarizer = Summarizer::new(Options {
        max_input_bytes: 100,
        ..Options::default()
    })
    .unwrap();
    assert!(matches!(
        summarizer.summarize("  \n\t"),
        Err(lede::Error::EmptyInput)
    ));
    assert!(matches!(
        summarizer.summarize(&"x".repeat(101)),
        Err(lede::Error::InputTooLarge { .. })
    ));
    assert!(matches!(
        summarizer.summarize_bytes(b"\xff\xfe\xfd abc"),
        Err(lede::Error::InvalidUtf8 { .. })
    ));
    assert!(matches!(
        summarizer.summarize("Advertisement"),
        Err(lede::Error::NoSentences)
    ));
    let no_punct = "no punctuation at all in this text";
    assert_eq!(
        summarizer.summarize(no_punct).unwrap().bullets[0].span.text,
        no_punct
    );
    for bad in [
        Length::Sentences(0),
        Length::Ratio(0.0),
        Length::Ratio(1.5),
        Length::Words(0),
    ] {
        let err = Summarizer::new(Options {
            length: bad,
            ..Options::default()
        })
        .unwrap_err();
        assert!(matches!(err, lede::Error::InvalidOption(_)));
    }
}
