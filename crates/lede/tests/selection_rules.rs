//! Length budgets are limits, and bullets are sentences an editor would keep.

use lede::clean::clean;
use lede::document::Document;
use lede::score::{Lead, Scorer};
use lede::select::{bullet_span, rank_order, select, References, Selection};
use lede::text::Terms;
use lede::{Algorithm, Length, Options, Summarizer};
use proptest::prelude::*;

fn article() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[a-z]{1,8}",
        "[A-Z][a-z]{1,12}",
        Just("He".to_owned()),
        Just("But".to_owned()),
        Just("•".to_owned()),
        Just("-".to_owned()),
        Just("日本".to_owned()),
        Just("café".to_owned()),
    ];
    let sep = prop_oneof![
        6 => Just(" ".to_owned()),
        2 => Just(". ".to_owned()),
        1 => Just("? ".to_owned()),
        1 => Just(": ".to_owned()),
        1 => Just("\n\n".to_owned()),
        1 => Just("\n• ".to_owned()),
        1 => Just("\n- ".to_owned()),
    ];
    prop::collection::vec((word, sep), 1..150)
        .prop_map(|parts| parts.into_iter().map(|(w, s)| w + &s).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn word_and_char_budgets_are_never_exceeded(
        text in article(),
        budget in 1usize..120,
        chars in any::<bool>(),
        alg in 0usize..Algorithm::ALL.len(),
    ) {
        let length = if chars { Length::Chars(budget * 4) } else { Length::Words(budget) };
        let options = Options { algorithm: Algorithm::ALL[alg], length, ..Options::default() };
        let Ok(summary) = Summarizer::new().unwrap().summarize(&text, &options) else { return Ok(()); };
        let (words, total_chars): (usize, usize) = summary
            .bullets
            .iter()
            .map(|b| (Terms::of(&b.span.text).words, b.span.text.chars().count()))
            .fold((0, 0), |(w, c), (bw, bc)| (w + bw, c + bc));
        match length {
            Length::Words(n) => prop_assert!(words <= n, "{words} words over a budget of {n}"),
            Length::Chars(n) => prop_assert!(total_chars <= n, "{total_chars} chars over a budget of {n}"),
            _ => unreachable!(),
        }
        for b in &summary.bullets {
            prop_assert_eq!(&text[b.span.byte_start..b.span.byte_end], b.span.text.as_str());
        }
    }

    #[test]
    fn at_least_one_keeps_one_bullet(text in article(), budget in 1usize..5) {
        let mut cleaned = clean(&text);
        let doc = Document::build(&text, &mut cleaned);
        prop_assume!(!doc.sentences.is_empty());
        let order = rank_order(&Lead.score(&doc));
        for length in [Length::Words(budget), Length::Chars(budget)] {
            let selection = Selection { length, at_least_one: true, ..Selection::default() };
            prop_assert!(!select(&doc, &order, &selection).is_empty());
        }
    }
}

fn chosen(text: &str, selection: &Selection) -> Vec<String> {
    let mut cleaned = clean(text);
    let doc = Document::build(text, &mut cleaned);
    let order = rank_order(&Lead.score(&doc));
    select(&doc, &order, selection)
        .into_iter()
        .map(|i| doc.sentence_text(i).to_owned())
        .collect()
}

#[test]
fn words_budget_skips_sentences_that_do_not_fit() {
    let text = "The council approved the new budget for schools on Monday evening. \
                Rates rise next year. Parents welcomed the extra money for teachers.";
    let options = Options {
        length: Length::Words(5),
        ..Options::default()
    };
    let summary = Summarizer::new()
        .unwrap()
        .summarize(text, &options)
        .unwrap();
    let texts: Vec<&str> = summary
        .bullets
        .iter()
        .map(|b| b.span.text.as_str())
        .collect();
    assert_eq!(texts, ["Rates rise next year."]);
    let options = Options {
        length: Length::Chars(10),
        ..Options::default()
    };
    let summary = Summarizer::new()
        .unwrap()
        .summarize(text, &options)
        .unwrap();
    assert!(summary.bullets.is_empty());
}

#[test]
fn unresolved_references_wait_for_their_antecedent() {
    let text = "The mayor opened the new bridge over the river on Monday. \
                Traffic on the old road fell by half within a week. \
                Shops near the station reported more customers than usual. \
                He said the work had finished two months early.";
    let order_last_first = |doc: &Document| {
        let mut order = rank_order(&Lead.score(doc));
        order.rotate_right(1);
        order
    };
    let mut cleaned = clean(text);
    let doc = Document::build(text, &mut cleaned);
    let order = order_last_first(&doc);
    let pick = |references| {
        let selection = Selection {
            length: Length::Sentences(2),
            references,
            ..Selection::default()
        };
        select(&doc, &order, &selection)
    };
    assert_eq!(pick(References::Keep), [0, 3]);
    assert_eq!(pick(References::Skip), [0, 1]);
    assert_eq!(pick(References::Demote), [0, 1]);
}

#[test]
fn questions_captions_and_list_items_are_last_resorts() {
    let text = "True or False, Mercury is:. \
                1) The planet closest to the sun in our solar system. \
                Can you name the largest planet of all? \
                Mercury orbits the sun every 88 days. \
                Scientists have mapped most of its surface.";
    let got = chosen(text, &Selection::default());
    assert_eq!(
        got,
        [
            "Mercury orbits the sun every 88 days.",
            "Scientists have mapped most of its surface."
        ]
    );
    let only_questions = "Is the planet hot at night? Can anyone live there at all?";
    assert_eq!(chosen(only_questions, &Selection::default()).len(), 2);
}

#[test]
fn list_markers_are_not_shown() {
    let text = "Is the school plan good for the city at all? \
                • - New funding for 300 teachers across the region. \
                • More places for pupils in the north of the city.";
    let mut cleaned = clean(text);
    let doc = Document::build(text, &mut cleaned);
    let order = rank_order(&Lead.score(&doc));
    let chosen = select(&doc, &order, &Selection::default());
    let shown: Vec<&str> = chosen
        .iter()
        .map(|&i| &text[bullet_span(&doc, i)])
        .collect();
    assert_eq!(
        shown,
        [
            "Is the school plan good for the city at all?",
            "New funding for 300 teachers across the region.",
            "More places for pupils in the north of the city."
        ]
    );
}
