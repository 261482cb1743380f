//! Pickling of the result classes.
//!
//! Each class pickles as its value's JSON (what `to_dict` shows) and is
//! rebuilt by its `_from_json` class method, which pickle finds through the
//! class (`lede.Summary._from_json`), so unpickling only needs `lede`
//! importable. serde_json's `float_roundtrip` feature makes every score read
//! back bit for bit, so a round trip compares equal.

use pyo3::prelude::*;
use pyo3::PyClass;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The value written as `json` by its `Serialize` implementation.
pub(crate) fn from_json<T: DeserializeOwned>(json: &str) -> PyResult<T> {
    serde_json::from_str(json)
        .map_err(|e| crate::lede_error("io", format!("not a pickled lede value: {e}")))
}

/// What `__reduce__` returns: the class's `_from_json` and `value` as JSON.
pub(crate) fn reduce<'py, C: PyClass>(
    slf: &Bound<'py, C>,
    value: &impl Serialize,
) -> PyResult<(Bound<'py, PyAny>, (String,))> {
    let json = serde_json::to_string(value).map_err(|e| crate::lede_error("io", e.to_string()))?;
    Ok((slf.as_any().get_type().getattr("_from_json")?, (json,)))
}
