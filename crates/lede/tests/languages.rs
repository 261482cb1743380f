//! Language is detected, reported, and its rules are used end to end.

use lede::lang::Language;
use lede::{Options, Summarizer};

fn summarize(text: &str, options: &Options) -> lede::Summary {
    Summarizer::new().unwrap().summarize(text, options).unwrap()
}

#[test]
fn german_is_detected_and_ordinal_dates_do_not_split() {
    let text = "Unfall auf der Landstraße\n\n\
        SIMMELSDORF – Am Samstag, 4. November, gegen 17.50 Uhr, ist ein Auto von der Straße abgekommen. \
        Der Fahrer wurde leicht verletzt und kam in ein Krankenhaus in der Nähe. \
        Die Polizei schätzt den Schaden auf etwa 5000 Euro und ermittelt noch zur Ursache.";
    let summary = summarize(text, &Options::default());
    assert_eq!(summary.language.as_deref(), Some("de"));
    assert!(
        summary.bullets.iter().any(|b| b
            .span
            .text
            .starts_with("Am Samstag, 4. November, gegen 17.50 Uhr")),
        "{:#?}",
        summary.bullets
    );
    assert!(summary
        .removed
        .iter()
        .any(|r| r.span.text.starts_with("SIMMELSDORF")));
}

#[test]
fn japanese_sentences_without_spaces_are_bullets() {
    // Clauses of one unbroken run of characters used to count as one word each, under the
    // four-word minimum of a bullet, so that only sentences broken up by digits were chosen.
    let text = "政府は水曜日、来年から燃料とたばこにかかる税金を引き上げると発表した。\
        財務省によると、増税による収入は医療と教育の予算に充てられるという。\
        野党はこの決定を強く批判し、国会で説明を求める考えを示した。\
        燃料税は1リットルあたり2円、たばこ税は1本あたり1円上がる。\
        前回の引き上げは2019年10月で、税率は8%から10%になった。";
    let summary = summarize(text, &Options::default());
    assert_eq!(summary.language.as_deref(), Some("ja"));
    let first: Vec<&str> = summary.bullets.iter().map(|b| &b.span.text[..9]).collect();
    assert_eq!(
        first,
        ["政府は", "財務省", "野党は"],
        "{:#?}",
        summary.bullets
    );
}

#[test]
fn a_dash_framed_subheading_is_not_a_publisher_bullet() {
    let text = "- QUI PEUT VOTER ? -\n\n\
        Les électeurs inscrits sur les listes peuvent voter dimanche dans toutes les communes. \
        Les bureaux de vote ouvriront à huit heures et fermeront à dix-huit heures. \
        Les résultats seront connus dans la soirée, selon la préfecture.";
    let summary = summarize(text, &Options::default());
    assert_eq!(summary.language.as_deref(), Some("fr"));
    assert!(summary.given_highlights.is_empty());
    assert_eq!(summary.bullets.len(), 3);
}

#[test]
fn the_language_can_be_given_and_english_is_reported() {
    let english = "Heavy rain hit London on Monday. Trains stopped for several hours. \
        Most schools stayed open all day. Football fans were upset by the delays.";
    assert_eq!(
        summarize(english, &Options::default()).language.as_deref(),
        Some("en")
    );
    let forced = Options {
        language: Some(Language::Spanish),
        ..Options::default()
    };
    assert_eq!(summarize(english, &forced).language.as_deref(), Some("es"));
}

/// A requested language lede has no resources for (`"vi"`) gets the
/// language-neutral rules, reported as `language: null`, without detection
/// (the English text is not read as English); a malformed tag is refused.
#[test]
fn an_unsupported_language_tag_gets_the_neutral_rules() {
    let english = "Heavy rain hit London on Monday. Trains stopped for several hours. \
        Most schools stayed open all day. Football fans were upset by the delays.";
    for tag in ["vi", "vi-VN", "sw_KE", "tlh"] {
        let mut options = Options::default();
        options.set_language_tag(tag).unwrap();
        assert_eq!(options.language, None, "{tag}");
        assert!(options.language_neutral, "{tag}");
        let summary = summarize(english, &options);
        assert_eq!(summary.language, None, "{tag}");
        assert!(!summary.bullets.is_empty(), "{tag}");
    }
    let mut options = Options::default();
    options.set_language_tag("pt-BR").unwrap();
    assert_eq!(options.language, Some(Language::Portuguese));
    assert!(!options.language_neutral);
    for tag in ["klingon", "", "12", "v", "vi-toolongsubtag"] {
        let err = Options::default().set_language_tag(tag).unwrap_err();
        assert_eq!(err.code(), "invalid_option", "{tag:?}");
        assert!(
            err.to_string().contains("malformed language tag"),
            "{tag:?}"
        );
    }
}

#[test]
fn source_credits_captions_and_site_messages_are_not_bullets() {
    let text = "Angriffe im Gazastreifen\n\n\
        Bei israelischen Angriffen im Gazastreifen sind nach palästinensischen Angaben mindestens 18 Menschen ums Leben gekommen. \
        Die Armee äußerte sich zunächst nicht zu den Berichten aus dem Süden des Gebiets.\n\n\
        Mario Vargas Llosa, peruanischer Schriftsteller und Literatur-Nobelpreisträger (2010). Am 13.04.2025 ist er in Lima gestorben. | Jörg Carstensen/dpa\n\n\
        Mit Informationen der ARD-Korrespondentinnen und -Korrespondenten sowie der Nachrichtenagenturen AFP, AP, dpa, epd, KNA und Reuters. Zum Teil lassen sich die Angaben nicht unabhängig überprüfen.\n\n\
        O conhecimento liberta. Saiba mais. Siga-nos no Telegram.\n\n\
        Sie können selbst entscheiden, ob Sie die Cookies zulassen möchten.\n\n\
        Die Vereinten Nationen forderten am Dienstag erneut eine Waffenruhe für das gesamte Gebiet.";
    let summary = summarize(text, &Options::default());
    assert_eq!(summary.language.as_deref(), Some("de"));
    let removed: Vec<&str> = summary
        .removed
        .iter()
        .map(|r| r.span.text.as_str())
        .collect();
    for start in [
        "Mario Vargas Llosa",
        "Mit Informationen der",
        "O conhecimento",
        "Sie können selbst",
    ] {
        assert!(
            removed.iter().any(|r| r.starts_with(start)),
            "{start}: {removed:#?}"
        );
    }
    for bullet in &summary.bullets {
        assert!(!removed.contains(&bullet.span.text.as_str()));
    }
}

#[test]
fn a_page_without_prose_has_no_article() {
    let page = "<html lang=\"de\"><head><title>Folge 70</title></head><body><article>\
        <h1>Folge 70: Star Trek</h1><ul><li><b>Jean-Luc Picard</b> Admiral in Rente</li>\
        <li><b>Raffi Musiker</b> Aussteigerin</li><li><b>Elnor</b> Mönchskrieger?</li>\
        <li><b>Dr. Agnes Jurati</b> Theoretische Cybernetikerin</li></ul></article></body></html>";
    let result = Summarizer::new().unwrap().summarize(
        lede::Input::Html {
            html: page,
            url: None,
        },
        &Options::default(),
    );
    assert!(matches!(result, Err(lede::Error::NoArticle)), "{result:?}");
    // The same lines as plain text are still summarized: the fallback takes what there is.
    let text = "Jean-Luc Picard Admiral in Rente\n\nElnor Mönchskrieger?";
    assert!(!summarize(text, &Options::default()).bullets.is_empty());
}
