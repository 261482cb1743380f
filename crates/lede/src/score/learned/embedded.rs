//! The default model, compiled into the library.

use std::sync::{Arc, LazyLock};

use super::model::Model;
use super::serialization::{from_bytes, ModelFileError};

/// The model file shipped with lede, trained by `lede train` on the
/// CNN/DailyMail training split (see BENCHMARKS.md for the command).
static EMBEDDED_BYTES: &[u8] = include_bytes!("../../../model/cnndm.lmdl");

static EMBEDDED: LazyLock<Result<Arc<Model>, ModelFileError>> =
    LazyLock::new(|| from_bytes(EMBEDDED_BYTES).map(Arc::new));

/// The embedded default model, parsed once on first use.
pub fn embedded_model() -> Result<Arc<Model>, ModelFileError> {
    EMBEDDED.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_is_present_and_loads() {
        let model = embedded_model().expect("the embedded model loads");
        assert!(!model.trees.is_empty());
        assert!(model.lexicon.len() > 1000);
        assert_eq!(
            super::super::serialization::to_bytes(&model),
            EMBEDDED_BYTES
        );
    }
}
