//! The lead prior: the default (English) model, on text in a language
//! without a model of its own, is blended with Lead; English and French
//! are summarized as their models say.

use lede::lang::Language;
use lede::score::learned::{embedded_model, embedded_model_for};
use lede::{Length, Options, Summarizer, Summary};

fn one_sentence() -> Options {
    Options {
        length: Length::Sentences(1),
        ..Options::default()
    }
}

/// The embedded summarizer and the same models given as they are (no prior).
fn both(text: &str, language: Option<Language>) -> (Summary, Summary) {
    let options = one_sentence();
    let embedded = Summarizer::new()
        .unwrap()
        .summarize(text, &options)
        .unwrap();
    let given = Summarizer::with_model(embedded_model_for(language).unwrap())
        .summarize(text, &options)
        .unwrap();
    assert_eq!(
        embedded.language.as_deref(),
        language.map(|l| l.code()),
        "{text}"
    );
    (embedded, given)
}

fn first_index(summary: &Summary) -> usize {
    summary.bullets[0].sentence_index
}

#[test]
fn german_and_turkish_open_with_the_first_sentence() {
    let german = "Unwetter in Bayern\n\n\
        Ein Unwetter ist am Sonntagabend über Teile Bayerns gezogen.\n\n\
        Nach Angaben der Polizei wurden bei dem Sturm, der mit Geschwindigkeiten von bis zu \
        120 Kilometern pro Stunde über die Landkreise Rosenheim, Traunstein und \
        Berchtesgadener Land fegte, mindestens zwölf Menschen verletzt, drei von ihnen schwer.\n\n\
        „Es war furchtbar“, sagte eine Anwohnerin. Bäume stürzten auf Straßen und Bahngleise, \
        tausende Haushalte waren ohne Strom.\n\n\
        Die Aufräumarbeiten dauern an.";
    let turkish = "Belediye meclisi yeni bütçeyi onayladı\n\n\
        Belediye meclisi pazartesi günü gelecek yılın bütçesini onayladı.\n\n\
        Belediye Başkanı Ayşe Yılmaz toplantının ardından gazetecilere yaptığı açıklamada, \
        \"Uzun süre müzakere ettik, ancak sonunda okulları, kreşleri ve toplu taşımayı \
        güçlendiren ve yeni borç almayan bir bütçemiz oldu\" dedi.\n\n\
        Muhalefet taslağa karşı oy kullandı. Muhalefet özellikle şehir merkezindeki otopark \
        ücretlerinin artmasını eleştiriyor.\n\n\
        Ücretler baharda yüzde üç artacak. Bütçe toplam 1,2 milyar lirayı kapsıyor.";
    for (text, language) in [(german, Language::German), (turkish, Language::Turkish)] {
        let (embedded, given) = both(text, Some(language));
        assert_eq!(
            first_index(&embedded),
            0,
            "{language:?}: {:#?}",
            embedded.bullets
        );
        // The model alone, without the prior, takes the long second sentence.
        assert_eq!(first_index(&given), 1, "{language:?}: {:#?}", given.bullets);
    }
}

#[test]
fn english_and_french_are_scored_by_their_models_alone() {
    let english = "Storm hits the coast\n\n\
        A storm hit the coast on Monday, officials said.\n\n\
        Trees fell in 12 towns and 3,000 homes lost power, according to the utility, which \
        said crews from three neighbouring states would work through the night.\n\n\
        \"It was terrible,\" said one resident. Schools closed on Tuesday.";
    let french = "Une tempête frappe la côte\n\n\
        Une tempête a frappé la côte lundi, selon les autorités.\n\n\
        Des arbres sont tombés dans douze communes et 3000 foyers ont été privés \
        d'électricité, selon le fournisseur, qui a envoyé des équipes de trois départements \
        voisins pour travailler toute la nuit.\n\n\
        « C'était terrible », a dit une habitante. Les écoles ont fermé mardi.";
    for (text, language) in [(english, Language::English), (french, Language::French)] {
        let (embedded, given) = both(text, Some(language));
        assert_eq!(embedded, given, "{language:?}");
    }
    // Undetected, language-neutral text keeps the default model as it is too.
    let options = Options {
        language_neutral: true,
        ..one_sentence()
    };
    let embedded = Summarizer::new().unwrap().summarize(english, &options);
    let given = Summarizer::with_model(embedded_model().unwrap()).summarize(english, &options);
    assert_eq!(embedded.unwrap(), given.unwrap());
}
