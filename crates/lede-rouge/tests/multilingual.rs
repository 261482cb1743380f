//! The multilingual tokenizer (XL-Sum's convention) and scoring with it.

use lede_rouge::{
    greedy_oracle, greedy_oracle_with, tokenize, tokenize_with, Config, RougeScorer, RougeType,
    Snowball, Tokenizer,
};

fn tokens(text: &str, stem: bool, algorithm: Option<Snowball>) -> Vec<String> {
    tokenize_with(text, stem, Tokenizer::Multilingual(algorithm))
}

#[test]
fn accented_words_are_one_token() {
    assert_eq!(
        tokens("Le préfet de l'Hérault", false, None),
        ["le", "préfet", "de", "l", "hérault"]
    );
    // rouge-score's tokenizer cuts them apart; that stays as it is.
    assert_eq!(
        tokenize("Le préfet", false),
        tokenize_with("Le préfet", false, Tokenizer::RougeScore)
    );
    assert_eq!(tokenize("Le préfet", false), ["le", "pr", "fet"]);
}

#[test]
fn german_umlauts_and_sharp_s() {
    assert_eq!(
        tokens("Über 17,5 Prozent: Straßenbahn in Köln fährt.", false, None),
        [
            "über",
            "17",
            "5",
            "prozent",
            "straßenbahn",
            "in",
            "köln",
            "fährt"
        ]
    );
    assert_eq!(
        tokens("Die Häuser wurden gebaut", true, Some(Snowball::German)),
        ["die", "haus", "wurd", "gebaut"]
    );
}

#[test]
fn cyrillic_and_greek() {
    assert_eq!(
        tokens("Правительство России объявило", false, None),
        ["правительство", "россии", "объявило"]
    );
    assert_eq!(
        tokens(
            "Правительство России объявило",
            true,
            Some(Snowball::Russian)
        ),
        ["правительств", "росс", "объяв"]
    );
    assert_eq!(tokens("Η ΕΛΛΑΔΑ", false, None), ["η", "ελλαδα"]);
}

#[test]
fn stemmer_is_applied_to_short_words_but_not_stop_words() {
    // XL-Sum stems every token, whatever its length ("ans" -> "an"), but
    // leaves NLTK's stop words alone ("les", "des").
    assert_eq!(
        tokens(
            "Les préfets des régions ont parlé depuis trois ans",
            true,
            Some(Snowball::French)
        ),
        ["les", "préfet", "des", "région", "ont", "parl", "depuis", "trois", "an"]
    );
    // Without stemming the algorithm does nothing.
    assert_eq!(
        tokens("Les préfets", false, Some(Snowball::French)),
        ["les", "préfets"]
    );
}

#[test]
fn cjk_ideographs_are_single_tokens() {
    assert_eq!(
        tokens("東京都は晴れ。", false, None),
        ["東", "京", "都", "は", "晴", "れ"]
    );
    assert_eq!(tokens("서울 날씨", false, None), ["서울", "날씨"]);
}

#[test]
fn combining_marks_stay_in_words() {
    // "é" written as e + U+0301, and Devanagari vowel signs.
    assert_eq!(
        tokens("cafe\u{301} noir", false, None),
        ["cafe\u{301}", "noir"]
    );
    assert_eq!(tokens("नमस्ते दुनिया", false, None), ["नमस्ते", "दुनिया"]);
}

#[test]
fn line_breaks_split_lsum_sentences() {
    let scorer = RougeScorer::new(Config {
        types: vec![RougeType::Lsum],
        stemmer: false,
    })
    .unwrap()
    .with_tokenizer(Tokenizer::Multilingual(None));
    let s = scorer.score("préfet élu\nmaire réélu", "maire réélu\npréfet élu");
    let lsum = s.get(RougeType::Lsum).unwrap();
    assert_eq!(lsum.fmeasure, 1.0);
}

#[test]
fn codes_pick_the_stemmer() {
    assert_eq!(
        Tokenizer::multilingual("fr"),
        Tokenizer::Multilingual(Some(Snowball::French))
    );
    assert_eq!(
        Tokenizer::multilingual("pt-BR"),
        Tokenizer::Multilingual(Some(Snowball::Portuguese))
    );
    assert_eq!(
        Tokenizer::multilingual("nb"),
        Tokenizer::Multilingual(Some(Snowball::Norwegian))
    );
    assert_eq!(Tokenizer::multilingual("pl"), Tokenizer::Multilingual(None));
    assert_eq!(Tokenizer::multilingual("zz"), Tokenizer::Multilingual(None));
}

#[test]
fn french_scores_count_accented_words() {
    let config = Config {
        types: vec![RougeType::N(1), RougeType::N(2)],
        stemmer: true,
    };
    let english = RougeScorer::new(config.clone()).unwrap();
    let french = RougeScorer::new(config)
        .unwrap()
        .with_tokenizer(Tokenizer::multilingual("fr"));
    let (prediction, reference) = ("Le préfet a fermé l'école.", "La préfète ferme une école.");
    let r1 = french
        .score(prediction, reference)
        .get(RougeType::N(1))
        .unwrap();
    // "préfet"/"préfète" and "fermé"/"ferme" share their stems, "école"
    // matches; rouge-score's tokens would only share "cole".
    assert_eq!(r1.precision, 3.0 / 6.0);
    assert_eq!(r1.recall, 3.0 / 5.0);
    let r1_english = english
        .score(prediction, reference)
        .get(RougeType::N(1))
        .unwrap();
    assert!(r1_english.fmeasure < r1.fmeasure);
    // The default tokenizer is unchanged by the multilingual one used before it
    // on the same thread.
    let before = english.score(prediction, reference);
    let _ = french.score(prediction, reference);
    assert_eq!(english.score(prediction, reference), before);
}

#[test]
fn oracle_with_the_default_tokenizer_is_unchanged() {
    let sentences = [
        "Rain fell in Paris.",
        "The mayor spoke.",
        "Floods closed roads in Paris.",
    ];
    let reference = "Floods closed Paris roads after rain.";
    assert_eq!(
        greedy_oracle(&sentences, reference, 3),
        greedy_oracle_with(&sentences, reference, 3, Tokenizer::RougeScore)
    );
    let french = ["Il pleut.", "Le préfet ferme les écoles de Nîmes."];
    assert_eq!(
        greedy_oracle_with(
            &french,
            "Écoles fermées à Nîmes",
            2,
            Tokenizer::multilingual("fr")
        ),
        [1]
    );
}
