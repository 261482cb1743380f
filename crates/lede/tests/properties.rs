//! Invariants that hold for any input.

use std::collections::HashSet;

use lede::clean::{clean_in, MAX_SENTENCES, MAX_SENTENCE_BYTES};
use lede::document::Document;
use lede::lang::Language;
use lede::text::Terms;
use lede::{Algorithm, Input, InputFormat, Length, Options, Summarizer, Warning};
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
        Just("Cafe\u{301}".to_owned()),
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

    /// The words a document keeps for each sentence, and the content words
    /// it makes on demand, are those of the sentence's own terms.
    #[test]
    fn sentence_words_are_the_terms_of_their_text(
        text in article(),
        lang in prop::sample::select(vec![Some(Language::English), Some(Language::French), None]),
    ) {
        let mut cleaned = clean_in(&text, lang);
        let doc = Document::build(&text, &mut cleaned);
        // Asked for out of order, as selection does.
        for i in (0..doc.sentences.len()).rev() {
            let terms = Terms::of_in(doc.sentence_text(i), lang);
            prop_assert_eq!(doc.sentences[i].words(), terms.words);
            prop_assert_eq!(doc.hashes(i), &terms.hashes[..]);
            let content = doc.content(i);
            prop_assert_eq!(&content.set, &terms.set);
            prop_assert_eq!(content.len, terms.content.len());
            for (h, &count) in content.set.iter().zip(&content.counts) {
                prop_assert_eq!(count as usize, terms.content.iter().filter(|&t| t == h).count());
            }
        }
    }

    #[test]
    fn bullets_are_exact_unique_ordered_sentences(text in article(), length in length(), alg in 0usize..Algorithm::ALL.len()) {
        let options = Options { algorithm: Algorithm::ALL[alg], length, ..Options::default() };
        let summarizer = Summarizer::new().unwrap();
        let Ok(summary) = summarizer.summarize(&text, &options) else { return Ok(()); };
        if matches!(length, Length::Sentences(_) | Length::Ratio(_)) {
            prop_assert!(!summary.bullets.is_empty());
        }
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
        let again = summarizer.summarize(&text, &options).unwrap();
        prop_assert_eq!(again, summary);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let summarizer = Summarizer::new().unwrap();
        let _ = summarizer.summarize(&text, &Options::default());
        let _ = summarizer.summarize(text.as_bytes(), &Options::default());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let summarizer = Summarizer::new().unwrap();
        for format in [None, Some(InputFormat::Text), Some(InputFormat::Html)] {
            let _ = summarizer.summarize(Input::bytes_as(&bytes, format), &Options::default());
        }
    }
}

#[test]
fn huge_single_line_is_linear_and_bounded() {
    let text = "word ".repeat(2_000_000);
    let options = Options {
        algorithm: Algorithm::TextRank,
        ..Options::default()
    };
    let summary = Summarizer::new()
        .unwrap()
        .summarize(&text, &options)
        .unwrap();
    assert_eq!(summary.bullets.len(), 1);
    assert!(summary.bullets[0].span.text.len() <= MAX_SENTENCE_BYTES);
}

#[test]
fn many_sentences_are_bounded() {
    let text: String = (0..50_000)
        .map(|i| format!("Item {i} covers w{i}a and w{i}b and w{i}c and {}. ", i % 97))
        .collect();
    let summarizer = Summarizer::new().unwrap();
    for algorithm in Algorithm::ALL {
        let options = Options {
            algorithm,
            ..Options::default()
        };
        let summary = summarizer.summarize(&text, &options).unwrap();
        let bullets = summary.bullets.len();
        assert!((1..=3).contains(&bullets), "{algorithm}: {bullets} bullets");
        assert_eq!(summary.sentence_count, MAX_SENTENCES);
        assert_eq!(
            summary.warnings,
            [Warning::BodyTruncated {
                sentences: MAX_SENTENCES
            }]
        );
    }
}

#[test]
fn many_tiny_lines_are_bounded() {
    let text = "a\n".repeat(1_000_000);
    let summarizer = Summarizer::new().unwrap();
    for algorithm in Algorithm::ALL {
        let options = Options {
            algorithm,
            ..Options::default()
        };
        let summary = summarizer.summarize(&text, &options).unwrap();
        assert!(summary.sentence_count <= MAX_SENTENCES, "{algorithm}");
        assert!(matches!(
            summary.warnings[..],
            [Warning::BodyTruncated { .. }]
        ));
    }
}

#[test]
fn repeated_sentences_count_toward_the_bound() {
    let text = "Word word word. ".repeat(200_000);
    let summary = Summarizer::new()
        .unwrap()
        .summarize(&text, &Options::default())
        .unwrap();
    assert_eq!(summary.sentence_count, 1);
    assert_eq!(summary.removed.len(), MAX_SENTENCES - 1);
    assert!(matches!(
        summary.warnings[..],
        [Warning::BodyTruncated { .. }]
    ));
}

#[test]
fn a_passed_deadline_stops_the_work() {
    let options = Options {
        deadline: Some(std::time::Instant::now()),
        ..Options::default()
    };
    let err = Summarizer::new()
        .unwrap()
        .summarize("One sentence here. And another one there.", &options)
        .unwrap_err();
    assert!(matches!(err, lede::Error::TimedOut));
}

#[test]
fn bad_inputs_are_clear_errors() {
    let summarizer = Summarizer::new().unwrap();
    let options = Options {
        max_input_bytes: 100,
        ..Options::default()
    };
    let run = |input: Input| summarizer.summarize(input, &options);
    assert!(matches!(run("  \n\t".into()), Err(lede::Error::EmptyInput)));
    assert!(matches!(
        run(Input::Text(&"x".repeat(101))),
        Err(lede::Error::InputTooLarge { .. })
    ));
    assert!(matches!(
        run(Input::bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")),
        Err(lede::Error::Binary)
    ));
    assert!(matches!(
        run(Input::bytes(b"{\"id\": 1, \"article\": \"Rain fell.\"}\n")),
        Err(lede::Error::LooksLikeCorpus)
    ));
    assert!(matches!(
        run("Advertisement".into()),
        Err(lede::Error::NoSentences)
    ));
    assert!(matches!(
        run(Input::Html {
            html: "<html><body><nav>Home</nav></body></html>",
            url: None
        }),
        Err(lede::Error::NoArticle)
    ));
    let no_punct = "no punctuation at all in this text";
    assert_eq!(run(no_punct.into()).unwrap().bullets[0].span.text, no_punct);
    for bad in [
        Length::Sentences(0),
        Length::Ratio(0.0),
        Length::Ratio(1.5),
        Length::Words(0),
    ] {
        let options = Options {
            length: bad,
            ..Options::default()
        };
        let err = summarizer.summarize(no_punct, &options).unwrap_err();
        assert!(matches!(err, lede::Error::InvalidOption(_)));
        assert_eq!(err.code(), "invalid_option");
    }
}

#[test]
fn latin1_text_is_decoded_and_offsets_index_the_decoded_text() {
    let bytes = b"Le pr\xe9fet a parl\xe9 lundi. La ville est calme depuis hier soir.";
    let summary = Summarizer::new()
        .unwrap()
        .summarize(&bytes[..], &Options::default())
        .unwrap();
    let source = summary.source.as_ref().expect("decoded text is reported");
    assert!(source.text.starts_with("Le préfet"));
    for bullet in &summary.bullets {
        let span = &bullet.span;
        assert_eq!(&source.text[span.byte_start..span.byte_end], span.text);
    }
}
