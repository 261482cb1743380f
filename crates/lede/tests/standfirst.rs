//! A page's standfirst (the publisher's own summary paragraph) opens the learned default's
//! bullets; the model picks the rest, and the other algorithms are unchanged.

use lede::{Algorithm, Input, Length, Options, Summarizer};

const STANDFIRST: &str = "The city council approved a budget that cuts library hours and raises \
    parking fees after a night of heated debate.";

fn page(standfirst_markup: &str) -> String {
    let body = [
        "Council members argued for more than four hours on Monday before the final vote, which passed by seven votes to four.",
        "Mayor Ellen Park said the cuts were painful but necessary to close a gap of twelve million dollars in the city's accounts.",
        "Opponents of the plan warned that shorter library hours would hurt students who rely on the branches after school.",
        "Parking fees in the city centre will rise by fifty cents an hour from the first of March, the council said.",
        "The budget also sets aside money for repairs to the river bridge, which has been closed to lorries since the autumn.",
        "A second vote on the schools budget is expected next month, when the state announces its grants for the year.",
    ]
    .map(|p| format!("<p>{p}</p>"))
    .join("\n");
    format!(
        "<html lang=\"en\"><head><title>Budget passes</title></head><body><article>\
         <h1>City budget passes after long night</h1>{standfirst_markup}\n{body}\
         </article></body></html>"
    )
}

fn summarize(html: &str, options: &Options) -> lede::Summary {
    Summarizer::new()
        .unwrap()
        .summarize(Input::Html { html, url: None }, options)
        .unwrap()
}

fn bullets(html: &str, options: &Options) -> Vec<String> {
    summarize(html, options)
        .bullets
        .into_iter()
        .map(|b| b.span.text)
        .collect()
}

fn options(algorithm: Algorithm, length: Length) -> Options {
    Options {
        algorithm,
        length,
        ..Options::default()
    }
}

#[test]
fn a_marked_standfirst_is_the_first_bullet() {
    let html = page(&format!(
        r#"<p class="article-standfirst">{STANDFIRST}</p>"#
    ));
    let one = bullets(&html, &options(Algorithm::Learned, Length::Sentences(1)));
    assert_eq!(one, [STANDFIRST]);
    let three = bullets(&html, &options(Algorithm::Learned, Length::Sentences(3)));
    assert_eq!(three.len(), 3);
    assert_eq!(three[0], STANDFIRST);
    let unique: std::collections::HashSet<_> = three.iter().collect();
    assert_eq!(unique.len(), 3);
}

#[test]
fn the_standfirst_bullet_says_so_in_the_json() {
    let marked = page(&format!(r#"<p class="lead">{STANDFIRST}</p>"#));
    let plain = page(&format!("<p>{STANDFIRST}</p>"));
    let three = options(Algorithm::Learned, Length::Sentences(3));
    let summary = summarize(&marked, &three);
    let flags: Vec<bool> = summary.bullets.iter().map(|b| b.standfirst).collect();
    assert_eq!(flags, [true, false, false]);
    let json = serde_json::to_value(&summary).unwrap();
    assert_eq!(json["bullets"][0]["standfirst"], true);
    assert!(json["bullets"][1].get("standfirst").is_none());
    // Unmarked pages and the other algorithms carry no flag at all.
    let lead = options(Algorithm::Lead, Length::Sentences(3));
    for summary in [summarize(&plain, &three), summarize(&marked, &lead)] {
        assert!(summary.bullets.iter().all(|b| !b.standfirst));
        let json = serde_json::to_string(&summary).unwrap();
        assert!(!json.contains("standfirst"), "{json}");
    }
}

#[test]
fn the_rest_is_the_models_choice() {
    let marked = page(&format!(r#"<p class="lead">{STANDFIRST}</p>"#));
    let plain = page(&format!("<p>{STANDFIRST}</p>"));
    let three = bullets(&marked, &options(Algorithm::Learned, Length::Sentences(3)));
    let unmarked = bullets(&plain, &options(Algorithm::Learned, Length::Sentences(3)));
    // Every bullet but the standfirst is one the model chose without the mark, or the
    // next it ranks once the standfirst takes a place.
    assert_eq!(three[0], STANDFIRST);
    let kept = three[1..].iter().filter(|b| unmarked.contains(b)).count();
    assert!(kept >= 1, "{three:?} vs {unmarked:?}");
}

#[test]
fn other_algorithms_and_tight_budgets_are_unchanged() {
    let marked = page(&format!(r#"<p class="lead">{STANDFIRST}</p>"#));
    let plain = page(&format!("<p>{STANDFIRST}</p>"));
    for algorithm in [Algorithm::Lead, Algorithm::TextRank, Algorithm::LexRank] {
        let o = options(algorithm, Length::Sentences(2));
        assert_eq!(bullets(&marked, &o), bullets(&plain, &o), "{algorithm:?}");
    }
    // The standfirst alone is over a budget of twelve words: the budget wins.
    let o = options(Algorithm::Learned, Length::Words(12));
    assert_eq!(bullets(&marked, &o), bullets(&plain, &o));
}
