//! The lead prior: the default model was trained on English news, and on
//! text in a language that has no model of its own it picks a later,
//! longer sentence over the opening one more often than publishers'
//! teasers bear out (BENCHMARKS.md, "A position prior for languages
//! without a model"). There, the model's log-odds are blended with the
//! Lead baseline's score.

use super::embedded::EMBEDDED_LANGUAGES;
use crate::document::Document;
use crate::lang::Language;
use crate::select::{is_poor, Selection};

/// Log-odds added to the first sentence selection accepts; the `j`-th
/// accepted sentence gets `LEAD_PRIOR / (j + 1)`. Chosen on the
/// publishers' teasers of fundus_dev, pooled over every language but
/// English (BENCHMARKS.md).
pub const LEAD_PRIOR: f32 = 3.0;

/// Whether the embedded default model scores text in `language` with the
/// lead prior: a detected (or requested) language other than English that
/// has no embedded model of its own. English, language-neutral text and
/// the languages of [`EMBEDDED_LANGUAGES`] are scored as the model says.
///
/// ```
/// use lede::lang::Language;
/// use lede::score::learned::lead_prior_applies;
/// assert!(lead_prior_applies(Some(Language::German)));
/// assert!(!lead_prior_applies(Some(Language::English)));
/// assert!(!lead_prior_applies(Some(Language::French)));
/// assert!(!lead_prior_applies(None));
/// ```
pub fn lead_prior_applies(language: Option<Language>) -> bool {
    language.is_some_and(|l| l != Language::English && !EMBEDDED_LANGUAGES.contains(&l))
}

/// Adds the lead prior to the learned `scores` (log-odds) of `doc`: the
/// sentences `selection` accepts get [`LEAD_PRIOR`] divided by one more
/// than their position among them, as Lead ranks them; the sentences it
/// takes only as a last resort (too short, questions, captions, list
/// items) get nothing, so the bonus goes to the opening Lead would take.
pub fn add_lead_prior(doc: &Document, selection: &Selection, scores: &mut [f32]) {
    let mut position = 0.0;
    for (i, score) in scores.iter_mut().enumerate() {
        if !is_poor(doc, selection, i) {
            position += 1.0;
            *score += LEAD_PRIOR / position;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean_in;

    #[test]
    fn the_prior_is_lead_over_accepted_sentences() {
        let text = "Kurz gesagt. Der Stadtrat hat am Montag den neuen Haushalt für das \
                    kommende Jahr beschlossen. Die Opposition stimmte gegen den Entwurf \
                    der Verwaltung. Wer zahlt das? Die Gebühren steigen im Frühjahr um \
                    drei Prozent.";
        let language = Some(Language::German);
        let doc = Document::build(text, &mut clean_in(text, language));
        let texts: Vec<_> = (0..doc.sentences.len())
            .map(|i| doc.sentence_text(i))
            .collect();
        assert_eq!(texts.len(), 5, "{texts:?}");
        let mut scores = vec![0.0; 5];
        add_lead_prior(&doc, &Selection::default(), &mut scores);
        // "Kurz gesagt." is too short and the question is a last resort.
        assert_eq!(
            scores,
            [0.0, LEAD_PRIOR, LEAD_PRIOR / 2.0, 0.0, LEAD_PRIOR / 3.0]
        );
    }

    #[test]
    fn the_prior_is_for_languages_without_a_model_of_their_own() {
        for language in Language::ALL {
            assert_eq!(
                lead_prior_applies(Some(language)),
                language != Language::English && !EMBEDDED_LANGUAGES.contains(&language),
            );
        }
        assert!(lead_prior_applies(Some(Language::Turkish)));
        assert!(!lead_prior_applies(None));
    }
}
