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
/// [`EMBEDDED_LANGUAGES`] lists one, else the default model.
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

    #[test]
    fn every_listed_language_has_its_own_model() {
        let default = embedded_model().unwrap();
        for language in EMBEDDED_LANGUAGES {
            assert_ne!(*embedded_model_for(Some(language)).unwrap(), *default);
        }
    }
}
