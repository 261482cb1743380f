use proptest::prelude::*;

use super::split_sentences;

fn split(text: &str) -> Vec<&str> {
    split_sentences(text, 0..text.len())
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[test]
fn plain_sentences() {
    assert_eq!(
        split("Rain hit London. Trains stopped! Why? Nobody knows."),
        [
            "Rain hit London.",
            "Trains stopped!",
            "Why?",
            "Nobody knows."
        ]
    );
}

#[test]
fn titles_never_end_a_sentence() {
    assert_eq!(
        split("Mr. Smith met Sen. John McCain and Gen. Mark Milley. He left."),
        [
            "Mr. Smith met Sen. John McCain and Gen. Mark Milley.",
            "He left."
        ]
    );
    assert_eq!(
        split("Dr. The Rev. Jones spoke."),
        ["Dr. The Rev. Jones spoke."]
    );
}

#[test]
fn lowercase_title_in_cased_text_is_a_word() {
    assert_eq!(
        split("It was plain and simple, said the rep. Sambora quit."),
        ["It was plain and simple, said the rep.", "Sambora quit."]
    );
}

#[test]
fn ambiguous_abbreviation_splits_only_before_an_opener() {
    assert_eq!(
        split("He flew to the U.S. The trip was long."),
        ["He flew to the U.S.", "The trip was long."]
    );
    assert_eq!(split("The U.S. Army said so."), ["The U.S. Army said so."]);
    assert_eq!(
        split("He left at 5 p.m. Friday."),
        ["He left at 5 p.m. Friday."]
    );
    assert_eq!(
        split("He left at 5 p.m. He came back at 6."),
        ["He left at 5 p.m.", "He came back at 6."]
    );
    assert_eq!(
        split("Copyright Time Inc. All rights reserved."),
        ["Copyright Time Inc.", "All rights reserved."]
    );
}

#[test]
fn initials_stay_inside_names() {
    assert_eq!(
        split("J. K. Rowling met George W. Bush. They talked."),
        ["J. K. Rowling met George W. Bush.", "They talked."]
    );
    assert_eq!(
        split("He fought in World War I. He survived."),
        ["He fought in World War I.", "He survived."]
    );
}

#[test]
fn numbers_money_and_times_do_not_split() {
    assert_eq!(
        split("It costs $3.50, up 3.5%, or £1.2m at 10.30am. Next."),
        ["It costs $3.50, up 3.5%, or £1.2m at 10.30am.", "Next."]
    );
    assert_eq!(
        split("He is No. 1 in the world."),
        ["He is No. 1 in the world."]
    );
    assert_eq!(
        split("The answer was no. He left."),
        ["The answer was no.", "He left."]
    );
}

#[test]
fn numbered_list_markers() {
    assert_eq!(
        split("1. Keep calm. 2. Carry on."),
        ["1. Keep calm.", "2. Carry on."]
    );
    assert_eq!(
        split("It ended on May 1. Sorry."),
        ["It ended on May 1.", "Sorry."]
    );
}

#[test]
fn ellipsis_mid_sentence_and_at_the_end() {
    assert_eq!(
        split("It was... in the end... fine. Then... Nothing."),
        ["It was... in the end... fine.", "Then...", "Nothing."]
    );
    assert_eq!(
        split("He paused… then went on."),
        ["He paused… then went on."]
    );
}

#[test]
fn closing_quotes_and_brackets_stay_with_the_sentence() {
    assert_eq!(
        split("He said \"no.\" Then he left."),
        ["He said \"no.\"", "Then he left."]
    );
    assert_eq!(
        split("(See below.) Next, results."),
        ["(See below.)", "Next, results."]
    );
    assert_eq!(split("“I’m done.” He left."), ["“I’m done.”", "He left."]);
}

#[test]
fn quotation_with_attribution_is_one_sentence() {
    assert_eq!(split("\"Why?\" he asked."), ["\"Why?\" he asked."]);
    assert_eq!(
        split("\"Why?\" Smith asked, smiling."),
        ["\"Why?\" Smith asked, smiling."]
    );
    assert_eq!(split("'No.' Smith said."), ["'No.' Smith said."]);
    assert_eq!(
        split("'No.' He said it twice."),
        ["'No.'", "He said it twice."]
    );
    assert_eq!(
        split("'Done.' Asked why, he smiled."),
        ["'Done.'", "Asked why, he smiled."]
    );
}

#[test]
fn daily_mail_single_quotes() {
    assert_eq!(
        split("'I am done,' he said. 'I will not go back.'"),
        ["'I am done,' he said.", "'I will not go back.'"]
    );
    assert_eq!(split("'I am done.' He left."), ["'I am done.'", "He left."]);
}

#[test]
fn urls_and_emails_are_not_split() {
    assert_eq!(
        split("See www.example.com. Or mail name@example.co.uk now."),
        ["See www.example.com.", "Or mail name@example.co.uk now."]
    );
}

#[test]
fn missing_space_splits_only_before_an_opener() {
    assert_eq!(
        split("It was reserved.This is new."),
        ["It was reserved.", "This is new."]
    );
    assert_eq!(
        split("Thanks Mr.Olson and St.James."),
        ["Thanks Mr.Olson and St.James."]
    );
    assert_eq!(
        split("Mail Daniel.Piotrowski@x.com now."),
        ["Mail Daniel.Piotrowski@x.com now."]
    );
}

#[test]
fn daily_mail_line_join_artifacts() {
    assert_eq!(
        split("He said in a. statement that the. First Amendment applies."),
        ["He said in a. statement that the. First Amendment applies."]
    );
    assert_eq!(
        split("By . Daily Mail Reporter . A man was held."),
        ["By . Daily Mail Reporter .", "A man was held."]
    );
    assert_eq!(split("Mr . Smith left . He"), ["Mr . Smith left .", "He"]);
}

#[test]
fn lowercased_text() {
    assert_eq!(
        split("mr. smith flew to the u.s. he met sgt. jones. it rained."),
        [
            "mr. smith flew to the u.s.",
            "he met sgt. jones.",
            "it rained."
        ]
    );
    assert_eq!(
        split("the u.s. army left. 'it's over.' she said."),
        ["the u.s. army left.", "'it's over.' she said."]
    );
}

#[test]
fn line_breaks() {
    assert_eq!(split("One.\n\nTwo"), ["One.", "Two"]);
    assert_eq!(split("Heading\n\nBody."), ["Heading", "Body."]);
    assert_eq!(
        split("the fox jumped over\nthe dog."),
        ["the fox jumped over\nthe dog."]
    );
    assert_eq!(
        split("Points:\n• One\n• Two"),
        ["Points:", "• One", "• Two"]
    );
    assert_eq!(
        split("A short heading\nThe body."),
        ["A short heading", "The body."]
    );
    assert_eq!(
        split("It was published on\nTuesday."),
        ["It was published on\nTuesday."]
    );
}

#[test]
fn punctuation_only_fragments_join_a_neighbour() {
    assert_eq!(split("He left. . The end."), ["He left. .", "The end."]);
    assert_eq!(split(". . Start."), [". . Start."]);
    assert_eq!(split("..."), ["..."]);
}

#[test]
fn sub_range_is_respected() {
    let text = "Skip this. Keep this one. And this. Not this.";
    let start = text.find("Keep").unwrap_or(0);
    let end = text.find(" Not").unwrap_or(text.len());
    let got: Vec<&str> = split_sentences(text, start..end)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(got, ["Keep this one.", "And this."]);
}

#[test]
fn bad_ranges_are_clamped() {
    let text = "Été. Ça va.";
    assert!(split_sentences(text, 0..1000)
        .iter()
        .all(|r| r.end <= text.len()));
    // 1 and 8 fall inside two-byte characters.
    let got: Vec<&str> = split_sentences(text, 1..8)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(got, ["té."]);
    let (start, end) = (8, 3);
    assert!(split_sentences(text, start..end).is_empty());
    assert!(split_sentences("", 0..0).is_empty());
}

#[test]
fn long_input_without_punctuation_is_one_sentence() {
    let text = "word ".repeat(2_000_000);
    let got = split_sentences(&text, 0..text.len());
    assert_eq!(got, vec![0..text.len() - 1]);
}

#[test]
fn long_runs_of_terminators_and_dots() {
    let dots = ".".repeat(1_000_000);
    assert_eq!(split(&dots), [dots.as_str()]);
    let text = "a.".repeat(500_000);
    assert_eq!(split_sentences(&text, 0..text.len()).len(), 1);
    let spaced = "x . ".repeat(300_000);
    assert!(!split(&spaced).is_empty());
    // Punctuation-only fragments held back one after another.
    let marks = "- ! ".repeat(250_000);
    assert_eq!(split(&marks).len(), 1);
    let numbers = format!("{}{}", " ".repeat(1_000_000), "1. ".repeat(100_000));
    assert!(!split(&numbers).is_empty());
}

/// Checks the contract on one input whose range lies on char boundaries.
fn check_invariants(text: &str, range: std::ops::Range<usize>) -> Result<(), TestCaseError> {
    let sentences = split_sentences(text, range.clone());
    let mut last_end = range.start;
    for r in &sentences {
        prop_assert!(r.start >= last_end, "overlap or disorder: {:?}", sentences);
        prop_assert!(r.start < r.end, "empty sentence");
        prop_assert!(r.end <= range.end);
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        let s = &text[r.clone()];
        prop_assert_eq!(s, s.trim(), "untrimmed sentence");
        last_end = r.end;
    }
    // Every non-space character of the range is in some sentence.
    let covered: usize = sentences
        .iter()
        .map(|r| {
            text[r.clone()]
                .chars()
                .filter(|c| !c.is_whitespace())
                .count()
        })
        .sum();
    let expected = text[range].chars().filter(|c| !c.is_whitespace()).count();
    prop_assert_eq!(covered, expected);
    Ok(())
}

/// Text built from the pieces the rules look at, so that the properties
/// reach the abbreviation, quote and line-break paths.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr."),
        Just("U.S."),
        Just("p.m."),
        Just("J."),
        Just("No."),
        Just("the."),
        Just("The"),
        Just("he"),
        Just("said"),
        Just("Smith"),
        Just("3.5"),
        Just("12"),
        Just("..."),
        Just("…"),
        Just("."),
        Just("!"),
        Just("?"),
        Just("'"),
        Just("\""),
        Just("”"),
        Just(")"),
        Just("("),
        Just(" "),
        Just("  "),
        Just("\n"),
        Just("\n\n"),
        Just("•"),
        Just("\u{a0}"),
        Just("é"),
        Just("www.x.com"),
        Just(":"),
        Just("-"),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// A range of `text` whose ends may fall anywhere, even inside characters.
fn with_range(text: String) -> impl Strategy<Value = (String, usize, usize)> {
    let len = text.len();
    (Just(text), 0..=len + 2, 0..=len + 2)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn contract_holds_on_arbitrary_text((text, a, b) in any::<String>().prop_flat_map(with_range)) {
        let range = a.min(b)..a.max(b);
        let sentences = split_sentences(&text, range.clone());
        let end = range.end.min(text.len());
        prop_assert!(sentences.iter().all(|r| r.start >= range.start && r.end <= end));
        if text.is_char_boundary(range.start.min(end)) && text.is_char_boundary(end) {
            check_invariants(&text, range.start.min(end)..end)?;
        }
    }

    #[test]
    fn contract_holds_on_newsy_text((text, a, b) in newsy().prop_flat_map(with_range)) {
        let end = a.max(b).min(text.len());
        let start = a.min(b).min(end);
        if text.is_char_boundary(start) && text.is_char_boundary(end) {
            check_invariants(&text, start..end)?;
        } else {
            let _ = split_sentences(&text, start..end);
        }
    }

    #[test]
    fn splitting_is_deterministic(text in newsy()) {
        prop_assert_eq!(
            split_sentences(&text, 0..text.len()),
            split_sentences(&text, 0..text.len())
        );
    }
}

mod languages {
    use proptest::prelude::*;

    use super::super::{split_sentences, split_sentences_in};
    use crate::lang::Language;

    fn split_in(text: &str, lang: Option<Language>) -> Vec<&str> {
        split_sentences_in(text, 0..text.len(), lang)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn german_ordinals_abbreviations_and_quotes() {
        let text = "SIMMELSDORF – Am Samstag, 4. November, gegen 17.50 Uhr kam es z. B. zu Staus. \
                    „Das war zu viel.“ Die Polizei ermittelt.";
        assert_eq!(
            split_in(text, Some(Language::German)),
            [
                "SIMMELSDORF – Am Samstag, 4. November, gegen 17.50 Uhr kam es z. B. zu Staus.",
                "„Das war zu viel.“",
                "Die Polizei ermittelt."
            ]
        );
        // The English rules split after "4." and "B.".
        assert!(split_sentences(text, 0..text.len()).len() > 3);
    }

    #[test]
    fn russian_uses_unicode_case_and_its_abbreviations() {
        assert_eq!(
            split_in(
                "В 2020 г. Он уехал в Москву. Там он работал, т. е. учился.",
                Some(Language::Russian)
            ),
            [
                "В 2020 г.",
                "Он уехал в Москву.",
                "Там он работал, т. е. учился."
            ]
        );
    }

    #[test]
    fn cjk_full_width_terminators() {
        assert_eq!(
            split_in("東京は晴れ。大阪は雨！明日は？", Some(Language::Japanese)),
            ["東京は晴れ。", "大阪は雨！", "明日は？"]
        );
        // A closing quote followed by more text continues the sentence.
        assert_eq!(
            split_in(
                "「やめろ！」と彼は言った。それで終わった。",
                Some(Language::Japanese)
            ),
            ["「やめろ！」と彼は言った。", "それで終わった。"]
        );
        assert_eq!(
            split_in("今天下雨。“我们走吧！”他说。", Some(Language::Chinese)),
            ["今天下雨。", "“我们走吧！”他说。"]
        );
        // Language-neutral text also ends sentences at full-width terminators.
        assert_eq!(split_in("晴れ。雨。", None), ["晴れ。", "雨。"]);
        // The English rules do not know them.
        assert_eq!(split_sentences("晴れ。雨。", 0..15).len(), 1);
    }

    #[test]
    fn the_arabic_question_mark_ends_a_sentence() {
        assert_eq!(
            split_in(
                "ما الذي يحدث في السودان؟ والى أين يتجه البلد؟ انضمت اليه كتلة نداء السودان.",
                Some(Language::Arabic)
            ),
            [
                "ما الذي يحدث في السودان؟",
                "والى أين يتجه البلد؟",
                "انضمت اليه كتلة نداء السودان."
            ]
        );
    }

    #[test]
    fn neutral_rules_use_no_word_lists() {
        // No English opener list: "J." before "The" does not end a sentence,
        // nor does "Dr." (not an abbreviation here, but a capital follows).
        assert_eq!(
            split_in("Es kam J. The Band. Dr. Who ist hier.", None),
            ["Es kam J. The Band.", "Dr.", "Who ist hier."]
        );
        assert_eq!(
            split_in("Ça va? Oui, ça va.", None),
            ["Ça va?", "Oui, ça va."]
        );
    }

    /// Polish "br." (this year), "zob." (see), "d." (formerly) and "fot." (photo), as read
    /// on the no-junk pages.
    #[test]
    fn polish_abbreviations() {
        assert_eq!(
            split_in(
                "Pod koniec stycznia br. TK odpowiadał na pytania. Oficerowie wywiadu (GU SG, d. GRU) byli w Czechach (zob. raport). Koniec w 2021 br. To wszystko.",
                Some(Language::Polish)
            ),
            [
                "Pod koniec stycznia br. TK odpowiadał na pytania.",
                "Oficerowie wywiadu (GU SG, d. GRU) byli w Czechach (zob. raport).",
                "Koniec w 2021 br.",
                "To wszystko."
            ]
        );
    }

    /// Polish "r." and "br." close a date: after a clause of seven words or
    /// more they end the sentence before any capitalised word, not after a
    /// date that opens the sentence (as read on the no-junk pages).
    #[test]
    fn polish_dates_end_clauses() {
        let polish = Some(Language::Polish);
        assert_eq!(
            split_in(
                "Byli odpowiedzialni za próbę otrucia Skripala w Wielkiej Brytanii w 2018 r. Premier zapowiedział kontrolę.",
                polish
            ),
            [
                "Byli odpowiedzialni za próbę otrucia Skripala w Wielkiej Brytanii w 2018 r.",
                "Premier zapowiedział kontrolę."
            ]
        );
        for text in [
            "Do końca 2021 r. Grupa planuje zwiększyć liczbę sklepów.",
            "W 2018 r. Noita wyprodukowała 2500 litrów wina.",
            "Pod koniec stycznia br. TK tak odpowiadał na pytania DGP.",
        ] {
            assert_eq!(split_in(text, polish), [text]);
        }
    }

    /// A quotation of several sentences stays one sentence when it closes
    /// within the span; one that never closes ends sentences as usual.
    #[test]
    fn quotations_hold_their_sentences() {
        let german = Some(Language::German);
        assert_eq!(
            split_in(
                "„Wir sind enttäuscht. Wir haben alles gegeben“, sagte der Trainer. Dann ging er.",
                german
            ),
            [
                "„Wir sind enttäuscht. Wir haben alles gegeben“, sagte der Trainer.",
                "Dann ging er."
            ]
        );
        assert_eq!(
            split_in(
                "« C'est fini. Rentrez chez vous », dit-il.",
                Some(Language::French)
            ),
            ["« C'est fini. Rentrez chez vous », dit-il."]
        );
        assert_eq!(
            split_in("Er rief „Halt. Dann lief er weiter.", german),
            ["Er rief „Halt.", "Dann lief er weiter."]
        );
        let long = format!("„Ja. {}“, sagte er.", "Das ist ein Satz. ".repeat(40));
        assert!(split_in(&long, german).len() > 30);
        // Language-neutral text follows the same rule; English keeps its own.
        assert_eq!(
            split_in("«Sim. Vamos», disse ele.", None),
            ["«Sim. Vamos», disse ele."]
        );
    }

    #[test]
    fn spanish_and_french_marks() {
        assert_eq!(
            split_in(
                "¿Qué pasará ahora? Nadie lo sabe. ¡Basta!",
                Some(Language::Spanish)
            ),
            ["¿Qué pasará ahora?", "Nadie lo sabe.", "¡Basta!"]
        );
        assert_eq!(
            split_in(
                "« C'est fini. » Il part. Qui peut voter ? Tous.",
                Some(Language::French)
            ),
            ["« C'est fini. »", "Il part.", "Qui peut voter ?", "Tous."]
        );
    }

    fn any_language() -> impl Strategy<Value = Option<Language>> {
        prop_oneof![
            Just(None),
            (0..Language::ALL.len()).prop_map(|i| Some(Language::ALL[i]))
        ]
    }

    fn multilingual_newsy() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("Dr."),
            Just("z. B."),
            Just("EE. UU."),
            Just("4."),
            Just("November"),
            Just("am"),
            Just("„"),
            Just("“"),
            Just("»"),
            Just("«"),
            Just(" » "),
            Just("¿"),
            Just("?"),
            Just("。"),
            Just("！"),
            Just("」"),
            Just("東京"),
            Just("Он"),
            Just("г."),
            Just("…"),
            Just("."),
            Just(" "),
            Just("\u{a0}"),
            Just("\n"),
            Just("- "),
            Just(" -"),
            Just("Die"),
            Just("l'art."),
            Just("J.-C."),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn english_in_is_split_sentences(text in "\\PC{0,120}") {
            prop_assert_eq!(
                split_sentences_in(&text, 0..text.len(), Some(Language::English)),
                split_sentences(&text, 0..text.len())
            );
        }

        #[test]
        fn contract_holds_in_every_language(text in multilingual_newsy(), lang in any_language()) {
            let sentences = split_sentences_in(&text, 0..text.len(), lang);
            let mut last_end = 0;
            for r in &sentences {
                prop_assert!(r.start >= last_end && r.start < r.end && r.end <= text.len());
                let s = &text[r.clone()];
                prop_assert_eq!(s, s.trim());
                last_end = r.end;
            }
            let covered: usize = sentences
                .iter()
                .map(|r| text[r.clone()].chars().filter(|c| !c.is_whitespace()).count())
                .sum();
            prop_assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
            prop_assert_eq!(&sentences, &split_sentences_in(&text, 0..text.len(), lang));
        }

        #[test]
        fn arbitrary_ranges_never_panic(text in any::<String>(), a in 0usize..200, b in 0usize..200, lang in any_language()) {
            let _ = split_sentences_in(&text, a.min(b)..a.max(b), lang);
        }
    }
}

/// Found by the `summarize_text` fuzz target: a multi-byte apostrophe before
/// a full stop sliced a word inside a character.
#[test]
fn multibyte_apostrophe_before_a_stop_does_not_panic() {
    let text = "ii\u{ab}\u{ab}\u{2019}1\u{ab}\u{ab}\u{ab},\u{ab}\u{ab}@.!.\u{a0}\u{ab}\u{b8} l\u{2019}art. Suite.";
    for lang in crate::lang::Language::ALL
        .map(Some)
        .into_iter()
        .chain([None])
    {
        let _ = super::split_sentences_in(text, 0..text.len(), lang);
    }
}
