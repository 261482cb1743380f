//! Word and character budgets are limits: when no sentence fits, the summary
//! has no bullet and a `NothingFits` warning that says how short the shortest
//! sentence is.

use lede::{BudgetUnit, Length, Options, Summarizer, Warning};

const NEWS: &str = "Rain hit London on Monday morning. Trains stopped for several hours \
across the city. Schools stayed open despite the weather warnings.";

fn summarize(length: Length, at_least_one: bool) -> lede::Summary {
    let options = Options {
        length,
        length_at_least_one: at_least_one,
        ..Options::default()
    };
    Summarizer::new()
        .unwrap()
        .summarize(NEWS, &options)
        .unwrap()
}

#[test]
fn a_budget_no_sentence_fits_is_a_warning() {
    let words = summarize(Length::Words(5), false);
    assert!(words.bullets.is_empty());
    assert_eq!(
        words.warnings,
        [Warning::NothingFits {
            budget: 5,
            unit: BudgetUnit::Words,
            shortest: 6
        }]
    );
    let chars = summarize(Length::Chars(20), false);
    assert_eq!(
        chars.warnings,
        [Warning::NothingFits {
            budget: 20,
            unit: BudgetUnit::Chars,
            shortest: "Rain hit London on Monday morning.".len()
        }]
    );
    assert_eq!(
        chars.warnings[0].to_string(),
        "no sentence fits in 20 characters (the shortest has 34), so there is no bullet"
    );
}

#[test]
fn no_warning_when_a_bullet_is_given() {
    for summary in [
        summarize(Length::Words(5), true),
        summarize(Length::Words(6), false),
        summarize(Length::Sentences(1), false),
    ] {
        assert_eq!(summary.bullets.len(), 1);
        assert!(summary.warnings.is_empty(), "{:?}", summary.warnings);
    }
}
