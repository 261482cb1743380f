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
