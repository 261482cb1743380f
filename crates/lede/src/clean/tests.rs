use super::*;

fn texts<'a>(text: &'a str, ranges: impl IntoIterator<Item = &'a Range<usize>>) -> Vec<&'a str> {
    ranges.into_iter().map(|r| &text[r.clone()]).collect()
}

fn body(text: &str, cleaned: &Cleaned) -> Vec<String> {
    cleaned
        .blocks
        .iter()
        .map(|b| text[b.span.clone()].to_owned())
        .collect()
}

fn reasons(text: &str, cleaned: &Cleaned) -> Vec<(Reason, String)> {
    cleaned
        .removed
        .iter()
        .map(|r| (r.reason, text[r.span.clone()].to_owned()))
        .collect()
}

#[test]
fn separates_title_bullets_and_body() {
    let text = "Storm hits the coast\n\n  • Thousands lose power \n  • Schools close\n\nThe storm arrived on Monday. It was fierce.\n\nMore rain is due.";
    let c = clean(text);
    assert_eq!(&text[c.title.clone().unwrap()], "Storm hits the coast");
    assert_eq!(
        texts(text, &c.highlights),
        ["Thousands lose power", "Schools close"]
    );
    assert_eq!(
        body(text, &c),
        [
            "The storm arrived on Monday. It was fierce.",
            "More rain is due."
        ]
    );
    assert_eq!(c.blocks[1].paragraph, 1);
    assert!(c.removed.is_empty());
}

#[test]
fn one_line_article_has_no_title() {
    let text = "The storm arrived on Monday. It was fierce";
    let c = clean(text);
    assert!(c.title.is_none());
    assert_eq!(body(text, &c), [text]);
}

#[test]
fn story_highlights_are_not_body() {
    let text = "Body sentence one. Body two.\n\n@highlight\n\nFirst bullet\n\n@highlight\n\nSecond bullet\n";
    let c = clean(text);
    assert_eq!(
        texts(text, &c.highlights),
        ["First bullet", "Second bullet"]
    );
    assert_eq!(body(text, &c), ["Body sentence one. Body two."]);
}

#[test]
fn repeated_captions_are_removed_every_time() {
    let text = "Title line here\n\nFirst real sentence. Second one.\n\nA caption with no full stop \n\nA caption with no full stop \n\nLast sentence.";
    let c = clean(text);
    assert_eq!(
        body(text, &c),
        ["First real sentence. Second one.", "Last sentence."]
    );
    let r = reasons(text, &c);
    assert_eq!(r[0].0, Reason::Caption);
    assert_eq!(r[1].0, Reason::Duplicate);
}

#[test]
fn repeated_sentences_keep_the_first_copy() {
    let text = "Title line here\n\nHe said it twice.\n\nHe said it twice.\n\nDone.";
    let c = clean(text);
    assert_eq!(body(text, &c), ["He said it twice.", "Done."]);
    assert_eq!(
        reasons(text, &c),
        [(Reason::Duplicate, "He said it twice.".to_owned())]
    );
}

#[test]
fn photo_credits() {
    let text = "Headline goes here\n\nThe bus was heading to the monastery (Amr Nabil)\n\nThe attack was condemned. (AP Photo/John Doe)\n\nIt was seen by the agency (NASA).";
    let c = clean(text);
    assert_eq!(
        body(text, &c),
        [
            "The attack was condemned.",
            "It was seen by the agency (NASA)."
        ]
    );
    let r = reasons(text, &c);
    assert_eq!(
        r[0],
        (
            Reason::Caption,
            "The bus was heading to the monastery (Amr Nabil)".to_owned()
        )
    );
    assert_eq!(
        r[1],
        (Reason::PhotoCredit, "(AP Photo/John Doe)".to_owned())
    );
}

#[test]
fn daily_mail_byline_and_furniture() {
    let text = "By . Daily Mail Reporter . PUBLISHED: . 12:14 EST, 20 March 2013 . | . UPDATED: . 12:53 EST, 20 March 2013 . A man was arrested. Scroll down for video . Police said he fled.";
    let c = clean(text);
    assert_eq!(
        body(text, &c),
        ["A man was arrested.", "Police said he fled."]
    );
    let r = reasons(text, &c);
    assert_eq!(r[0].0, Reason::Byline);
    assert!(r[0].1.starts_with("By . Daily Mail Reporter"));
    assert_eq!(
        r[1],
        (Reason::Boilerplate, "Scroll down for video .".to_owned())
    );
}

#[test]
fn whole_paragraph_furniture_and_bylines() {
    let text = "Big news today\n\nBy Jane Smith and John Doe\n\nAdvertisement\n\nShare this article\n\nClick here to read more\n\nThe story itself.";
    let c = clean(text);
    assert_eq!(body(text, &c), ["The story itself."]);
    let kinds: Vec<Reason> = c.removed.iter().map(|r| r.reason).collect();
    assert_eq!(
        kinds,
        [
            Reason::Byline,
            Reason::Boilerplate,
            Reason::Boilerplate,
            Reason::Boilerplate
        ]
    );
}

#[test]
fn cnn_datelines() {
    for (text, rest) in [
        (
            "Washington (CNN) President Obama spoke.",
            "President Obama spoke.",
        ),
        ("(CNN) -- A storm hit.", "A storm hit."),
        ("LONDON, England (CNN) -- Rain fell.", "Rain fell."),
        ("(CNNGo) -- Flights are fun.", "Flights are fun."),
    ] {
        let c = clean(text);
        assert_eq!(body(text, &c), [rest], "{text}");
        assert_eq!(c.removed[0].reason, Reason::Dateline);
    }
}

#[test]
fn windows_line_endings_and_nbsp() {
    let text = "Headline\u{a0}here\r\n\r\nFirst\u{a0}sentence. Second.\r\n";
    let c = clean(text);
    assert_eq!(&text[c.title.clone().unwrap()], "Headline\u{a0}here");
    assert_eq!(body(text, &c), ["First\u{a0}sentence. Second."]);
}

#[test]
fn empty_and_odd_inputs_do_not_panic() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "•",
        "• ",
        "@highlight",
        "(",
        "By",
        "a\r",
        "\r\n\r\n•  \n",
    ] {
        let c = clean(text);
        for b in &c.blocks {
            assert!(!text[b.span.clone()].trim().is_empty());
        }
    }
}

#[test]
fn long_sentences_are_cut_at_character_boundaries() {
    // No whitespace, and byte MAX_SENTENCE_BYTES falls inside an "é".
    let text = format!("a{}.", "é".repeat(MAX_SENTENCE_BYTES));
    let c = clean_in(&text, Some(Language::French));
    let pieces: Vec<&str> = c.sentences.iter().map(|s| &text[s.span.clone()]).collect();
    assert!(pieces.len() >= 2);
    assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
    assert_eq!(pieces.concat(), text);
}

#[test]
fn a_body_written_as_bullets_is_the_body() {
    let text = "- QUI PEUT VOTER ? -\u{25ba} Pour pouvoir voter, il faut s'\u{ea}tre inscrit \
                sur les listes \u{e9}lectorales. Les votants devront signer une charte.";
    let c = clean_in(text, Some(Language::French));
    assert!(c.highlights.is_empty());
    assert!(c
        .sentences
        .iter()
        .any(|s| text[s.span.clone()].contains("Pour pouvoir voter")));

    let text = "\u{2022} Bridge closes for a year\n\nThe council closed the old bridge on Monday.";
    let c = clean(text);
    assert_eq!(c.highlights.len(), 1);
    assert_eq!(c.sentences.len(), 1);
}

#[test]
fn the_headline_again_with_the_site_name_is_a_duplicate() {
    let text = "Feuerwehrleute sollen später in Pension\n\n\
                Feuerwehrleute sollen später in Pension | wdr aktuell\n\n\
                Die Landesregierung will das Rentenalter für Feuerwehrleute anheben.\n\n\
                Feuerwehrleute sollen später in Pension - das sagt die Regierung seit Monaten.";
    let c = clean_in(text, Some(Language::German));
    assert_eq!(
        reasons(text, &c),
        [(
            Reason::Duplicate,
            "Feuerwehrleute sollen später in Pension | wdr aktuell".to_owned()
        )]
    );
    // A sentence that goes on after the headline is text of the story.
    assert_eq!(
        body(text, &c)[1],
        "Feuerwehrleute sollen später in Pension - das sagt die Regierung seit Monaten."
    );
}

#[test]
fn a_link_label_for_a_new_window_is_cut_from_the_sentence() {
    let text = "Neue Akkus für den ID.3\n\n\
                Mehr war von Volkswagen nicht zu erfahren(öffnet im neuen Fenster). \
                Der Hersteller nannte keinen Termin für die Auslieferung.";
    let c = clean_in(text, Some(Language::German));
    assert_eq!(
        reasons(text, &c),
        [(Reason::Boilerplate, "(öffnet im neuen Fenster)".to_owned())]
    );
    let body = body(text, &c).concat();
    assert!(
        body.starts_with("Mehr war von Volkswagen nicht zu erfahren"),
        "{body}"
    );
    assert!(!body.contains("Fenster"), "{body}");
}
