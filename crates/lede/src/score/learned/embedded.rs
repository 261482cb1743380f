//! The models compiled into the library: the default one (English news)
//! and one per language where a model trained on that language measurably
//! beats the default (French).

use std::sync::{Arc, LazyLock};

use super::model::Model;
use super::serialization::{from_bytes, ModelFileError};
use crate::lang::Language;

/// The default model, trained by `lede train` on the CNN/DailyMail training
/// split (see the README for the command).
static EMBEDDED_BYTES: &[u8] = include_bytes!("../../../model/cnndm.lmdl");

/// The French model, trained by `lede train --language fr` on 10,000
/// OrangeSum training articles (see the README for the command).
static FRENCH_BYTES: &[u8] = include_bytes!("../../../model/orangesum_fr.lmdl");

type Loaded = LazyLock<Result<Arc<Model>, ModelFileError>>;

static EMBEDDED: Loaded = LazyLock::new(|| from_bytes(EMBEDDED_BYTES).map(Arc::new));
static FRENCH: Loaded = LazyLock::new(|| from_bytes(FRENCH_BYTES).map(Arc::new));

/// The embedded default model, parsed once on first use. It serves
/// English, language-neutral text and every language without a model of
/// its own.
pub fn embedded_model() -> Result<Arc<Model>, ModelFileError> {
    EMBEDDED.clone()
}

/// The languages that have an embedded model of their own.
pub const EMBEDDED_LANGUAGES: [Language; 1] = [Language::French];

/// The embedded model for text in `language`: its own model where
/// [`EMBEDDED_LANGUAGES`] lists one, else the default model. For a
/// language other than English served by the default model, the
/// summarizer blends its scores with Lead's ([`super::add_lead_prior`]).
///
/// ```
/// use lede::lang::Language;
/// use lede::score::learned::{embedded_model, embedded_model_for};
/// let french = embedded_model_for(Some(Language::French)).unwrap();
/// let default = embedded_model().unwrap();
/// assert_ne!(*french, *default);
/// assert_eq!(*embedded_model_for(Some(Language::German)).unwrap(), *default);
/// assert_eq!(*embedded_model_for(None).unwrap(), *default);
/// ```
pub fn embedded_model_for(language: Option<Language>) -> Result<Arc<Model>, ModelFileError> {
    match language {
        Some(Language::French) => FRENCH.clone(),
        _ => EMBEDDED.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::learned::serialization::to_bytes;

    #[test]
    fn embedded_models_are_present_and_load() {
        for (bytes, language) in [
            (EMBEDDED_BYTES, Some(Language::English)),
            (FRENCH_BYTES, Some(Language::French)),
        ] {
            let model = embedded_model_for(language).expect("the embedded model loads");
            assert!(!model.trees.is_empty());
            assert!(model.lexicon.len() > 1000);
            assert_eq!(to_bytes(&model), bytes);
        }
    }

    /// The compiled forest (the AVX2 walk where the CPU has it) gives the
    /// trees' own scores bit for bit, on the features of real sentences
    /// and on rows built from the models' thresholds.
    #[test]
    fn compiled_embedded_models_score_as_their_trees() {
        use crate::score::learned::features::{with_rows, Row, FEATURE_COUNT};
        let text = "Paris (CNN) -- A storm hit the coast on Monday, officials said. \
                    Trees fell in 12 towns and 3,000 homes lost power.\n\n\
                    \"It was terrible,\" said one resident. Schools closed on Tuesday. \
                    He said the damage would cost millions. But the mayor disagreed.\n\n\
                    Le pr\u{e9}sident est arriv\u{e9} \u{e0} Paris. Il a parl\u{e9} aux ministres.";
        let doc = crate::document::Document::build(text, &mut crate::clean::clean(text));
        assert!(doc.sentences.len() >= 8);
        for language in [None, Some(Language::French)] {
            let model = embedded_model_for(language).unwrap();
            let forest = lede_gbdt::Forest::new(model.base_score, &model.trees, FEATURE_COUNT);
            let mut rows: Vec<Row> = with_rows(&doc, &model.lexicon, <[Row]>::to_vec);
            let thresholds: Vec<f32> = model
                .trees
                .iter()
                .flat_map(|t| t.threshold.clone())
                .collect();
            for k in 0..61 {
                let mut row = rows[k % doc.sentences.len()];
                for (f, x) in row[..FEATURE_COUNT].iter_mut().enumerate() {
                    if (k + f) % 3 == 0 {
                        *x = thresholds[(k * 31 + f * 7) % thresholds.len()];
                    }
                }
                rows.push(row);
            }
            let mut scores = Vec::new();
            forest.predict_rows(&rows, &mut scores);
            for (row, score) in rows.iter().zip(&scores) {
                let x: &[f32; FEATURE_COUNT] = row[..FEATURE_COUNT].try_into().unwrap();
                assert_eq!(score.to_bits(), model.predict(x).to_bits());
            }
        }
    }

    #[test]
    fn every_listed_language_has_its_own_model() {
        let default = embedded_model().unwrap();
        for language in EMBEDDED_LANGUAGES {
            assert_ne!(*embedded_model_for(Some(language)).unwrap(), *default);
        }
    }
}
