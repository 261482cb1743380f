use super::*;

#[test]
fn all_is_in_declaration_order() {
    for (i, lang) in Language::ALL.into_iter().enumerate() {
        assert_eq!(lang as usize, i, "{lang:?}");
    }
}

#[test]
fn codes_round_trip() {
    for lang in Language::ALL {
        assert_eq!(Language::from_tag(lang.code()), Some(lang));
        assert_eq!(lang.code().parse::<Language>(), Ok(lang));
        assert_eq!(Language::from_tag(lang.name()), Some(lang));
        let json = serde_json::to_string(&lang).unwrap();
        assert_eq!(json, format!("\"{}\"", lang.code()));
        assert_eq!(serde_json::from_str::<Language>(&json).unwrap(), lang);
    }
}

#[test]
fn tags_are_normalised() {
    let cases = [
        ("de-DE", Language::German),
        ("de_AT", Language::German),
        ("en_GB", Language::English),
        ("EN-us", Language::English),
        ("pt-br", Language::Portuguese),
        ("nb", Language::Norwegian),
        ("nn-NO", Language::Norwegian),
        ("no", Language::Norwegian),
        ("zh-Hant-TW", Language::Chinese),
        ("fra", Language::French),
        ("ger", Language::German),
        (" es-419 ", Language::Spanish),
        ("fr_FR.UTF-8", Language::French),
        ("German", Language::German),
    ];
    for (tag, lang) in cases {
        assert_eq!(Language::from_tag(tag), Some(lang), "{tag}");
    }
    for tag in ["", "xx", "klingon", "-DE", "e"] {
        assert_eq!(Language::from_tag(tag), None, "{tag}");
    }
    assert_eq!(
        "xx-YY".parse::<Language>(),
        Err(UnknownLanguage("xx-YY".into()))
    );
}

#[test]
fn detects_news_sentences() {
    let cases = [
        (Language::English, "The government announced on Wednesday that it would raise taxes on fuel and tobacco next year."),
        (Language::German, "Die Bundesregierung hat am Mittwoch beschlossen, die Steuern auf Benzin und Tabak im nächsten Jahr zu erhöhen."),
        (Language::French, "Le gouvernement a annoncé mercredi qu'il augmenterait l'année prochaine les taxes sur le carburant et le tabac."),
        (Language::Spanish, "El Gobierno anunció el miércoles que subirá el próximo año los impuestos sobre el combustible y el tabaco."),
        (Language::Italian, "Il governo ha annunciato mercoledì che il prossimo anno aumenterà le tasse sul carburante e sul tabacco."),
        (Language::Portuguese, "O governo anunciou na quarta-feira que vai aumentar no próximo ano os impostos sobre os combustíveis e o tabaco."),
        (Language::Dutch, "De regering heeft woensdag aangekondigd dat ze volgend jaar de belastingen op brandstof en tabak zal verhogen."),
        (Language::Polish, "Rząd ogłosił w środę, że w przyszłym roku podniesie podatki od paliwa i wyrobów tytoniowych."),
        (Language::Russian, "Правительство объявило в среду, что в следующем году повысит налоги на топливо и табак."),
        (Language::Turkish, "Hükümet çarşamba günü yaptığı açıklamada gelecek yıl akaryakıt ve tütün vergilerini artıracağını duyurdu."),
        (Language::Swedish, "Regeringen meddelade på onsdagen att den nästa år kommer att höja skatterna på bränsle och tobak."),
        (Language::Czech, "Vláda ve středu oznámila, že příští rok zvýší daně z pohonných hmot a tabáku."),
        (Language::Japanese, "政府は水曜日、来年から燃料とたばこにかかる税金を引き上げると発表した。"),
    ];
    for (lang, text) in cases {
        let found = detect(text).map(|(l, _)| l);
        assert_eq!(found, Some(lang), "{text}");
    }
}

#[test]
fn detection_is_deterministic_and_bounded() {
    let text = "Le gouvernement a annoncé mercredi une hausse des taxes. ".repeat(500);
    assert!(text.len() > DETECT_BYTES);
    let first = detect(&text);
    assert_eq!(first.map(|(l, _)| l), Some(Language::French));
    for _ in 0..3 {
        assert_eq!(detect(&text), first);
    }
    // A cut inside a multi-byte character is moved back to a boundary.
    let accents = "é".repeat(DETECT_BYTES);
    let _ = detect(&accents);
    assert_eq!(detect(""), None);
    assert_eq!(detect("12345 !!!"), None);
}

#[test]
fn stems_and_stop_words() {
    assert_eq!(Language::German.stem("häuser"), "haus");
    assert_eq!(Language::French.stem("préfets"), "préfet");
    assert_eq!(Language::Spanish.stem("ciudades"), "ciudad");
    assert_eq!(Language::Russian.stem("правительства"), "правительств");
    assert_eq!(Language::English.stem("running"), "run");
    assert_eq!(Language::Polish.stem("rządu"), "rządu");
    assert!(!Language::Polish.has_stemmer());
    assert!(Language::German.is_stopword("und"));
    assert!(Language::German.is_stopword("Und"));
    assert!(!Language::German.is_stopword("Haus"));
    assert!(Language::Spanish.is_stopword("los"));
    assert!(Language::Polish.is_stopword("się"));
    assert!(Language::Russian.is_stopword("и"));
    assert!(!Language::English.is_stopword("und"));
    for lang in Language::ALL {
        let r = lang.resources();
        assert_eq!(r.language(), Some(lang));
        assert_eq!(r.has_stemmer(), lang.has_stemmer());
        if !lang.is_cjk() {
            assert!(
                r.stop_words() > 50,
                "{lang:?} has {} stop words",
                r.stop_words()
            );
        }
    }
}

#[test]
fn neutral_resources_do_nothing() {
    let neutral = resources(None);
    assert_eq!(neutral.language(), None);
    assert!(!neutral.has_stemmer());
    assert_eq!(neutral.stop_words(), 0);
    assert!(!neutral.is_stopword("the"));
    assert_eq!(neutral.stem("running"), "running");
}

#[test]
fn english_markers_are_sorted() {
    assert!(ENGLISH_MARKERS.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn english_shortcut_only_takes_english() {
    let english = "The government said on Wednesday that it would raise taxes on fuel and \
                   tobacco next year, a move that has angered drivers and shop owners who say \
                   they have already been hit hard by the rising cost of living.";
    assert!(looks_english(english));
    assert_eq!(detect(english), Some((Language::English, 1.0)));
    let others = [
        "Die Bundesregierung hat am Mittwoch beschlossen, die Steuern auf Benzin und Tabak im \
         nächsten Jahr zu erhöhen. Das neue Update für die Software kommt im Mai, sagte der \
         Sprecher des Konzerns in Berlin, der für die Plattform zuständig ist.",
        "Regjeringen sa onsdag at den vil øke avgiftene på drivstoff og tobakk neste år, noe \
         som har gjort bilister og butikkeiere sinte, for de er allerede hardt rammet av \
         økte levekostnader i hele landet.",
        "Hallitus kertoi keskiviikkona, että se nostaa ensi vuonna polttoaineen ja tupakan \
         veroja, mikä on suututtanut autoilijat ja kauppiaat, joiden mukaan elinkustannukset \
         ovat jo nyt nousseet liikaa ja se on vaikeaa.",
        "Le gouvernement a annoncé mercredi qu'il augmenterait l'année prochaine les taxes sur \
         le carburant et le tabac, une décision qui a fâché les automobilistes et les \
         commerçants, déjà touchés par la hausse du coût de la vie.",
    ];
    for text in others {
        assert!(!looks_english(text), "{text}");
    }
    // Too few words to tell: the trigram model decides.
    assert!(!looks_english("The cat and the dog."));
}
