//! Keyword arguments to [`lede::Options`], and a small cache of built summarizers.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use lede::score::learned::Model;
use lede::{Algorithm, Length, Options, Summarizer};
use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::LedeError;

/// How many differently configured summarizers the module-level functions keep.
const CACHE_SIZE: usize = 8;

/// Summarizers built by the module-level functions, newest last. Building
/// one can load a model, so repeated calls with the same settings reuse it.
static CACHE: Mutex<Vec<(Options, Arc<Summarizer>)>> = Mutex::new(Vec::new());

/// The summary settings every entry point takes as keyword arguments.
#[derive(Debug, Default)]
pub struct OptionArgs {
    sentences: Option<i64>,
    words: Option<i64>,
    chars: Option<i64>,
    ratio: Option<f64>,
    algorithm: Option<String>,
    max_overlap: Option<f64>,
    min_words: Option<i64>,
    max_input_bytes: Option<i64>,
    model: Option<PathBuf>,
}

impl OptionArgs {
    /// Reads `**options`, refusing names it does not know. `None` values
    /// mean "the default".
    pub fn from_kwargs(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<OptionArgs> {
        let mut args = OptionArgs::default();
        for (key, value) in kwargs.into_iter().flatten() {
            let key: String = key.extract()?;
            match key.as_str() {
                "sentences" => args.sentences = field(&key, &value, "an int")?,
                "words" => args.words = field(&key, &value, "an int")?,
                "chars" => args.chars = field(&key, &value, "an int")?,
                "ratio" => args.ratio = field(&key, &value, "a float")?,
                "algorithm" => args.algorithm = field(&key, &value, "a str")?,
                "max_overlap" => args.max_overlap = field(&key, &value, "a float")?,
                "min_words" => args.min_words = field(&key, &value, "an int")?,
                "max_input_bytes" => args.max_input_bytes = field(&key, &value, "an int")?,
                "model" => args.model = field(&key, &value, "a path")?,
                _ => {
                    return Err(PyTypeError::new_err(format!(
                        "unexpected keyword argument '{key}' (options are: sentences, words, \
                         chars, ratio, algorithm, max_overlap, min_words, max_input_bytes, model)"
                    )))
                }
            }
        }
        Ok(args)
    }

    /// The summarizer these arguments ask for. Without `model` it comes
    /// from the cache; a model file is read on every call.
    pub fn summarizer(&self) -> PyResult<Arc<Summarizer>> {
        let options = self.options()?;
        let Some(path) = &self.model else {
            return cached_summarizer(options);
        };
        if self.algorithm.is_some() && options.algorithm != Algorithm::Learned {
            return Err(LedeError::new_err(format!(
                "a model file is for the learned algorithm, not {}",
                options.algorithm
            )));
        }
        let model = Model::load(path).map_err(crate::to_py_err)?;
        Summarizer::with_model(options, Arc::new(model))
            .map(Arc::new)
            .map_err(crate::to_py_err)
    }

    /// The options these arguments ask for, with Python-friendly messages.
    pub fn options(&self) -> PyResult<Options> {
        let lengths = [
            self.sentences.is_some(),
            self.words.is_some(),
            self.chars.is_some(),
            self.ratio.is_some(),
        ];
        if lengths.iter().filter(|&&given| given).count() > 1 {
            return Err(LedeError::new_err(
                "give at most one of sentences, words, chars and ratio",
            ));
        }
        let length = if let Some(w) = self.words {
            Length::Words(count("words", w, 1)?)
        } else if let Some(c) = self.chars {
            Length::Chars(count("chars", c, 1)?)
        } else if let Some(r) = self.ratio {
            Length::Ratio(r as f32)
        } else {
            Length::Sentences(count("sentences", self.sentences.unwrap_or(3), 1)?)
        };
        let mut options = Options {
            length,
            ..Options::default()
        };
        if let Some(name) = &self.algorithm {
            options.algorithm = name.parse::<Algorithm>().map_err(crate::to_py_err)?;
        }
        if let Some(overlap) = self.max_overlap {
            options.max_overlap = Some(overlap as f32);
        }
        if let Some(n) = self.min_words {
            options.min_words = count("min_words", n, 0)?;
        }
        if let Some(n) = self.max_input_bytes {
            options.max_input_bytes = count("max_input_bytes", n, 1)?;
        }
        Ok(options)
    }
}

/// Extracts one option's value; a value of the wrong type is a `TypeError`
/// naming the option, an int too large for any length a `LedeError`.
fn field<'py, T: for<'a> FromPyObject<'a, 'py, Error = PyErr>>(
    key: &str,
    value: &Bound<'py, PyAny>,
    expected: &str,
) -> PyResult<T> {
    value.extract().map_err(|err: PyErr| {
        if err.is_instance_of::<PyOverflowError>(value.py()) {
            LedeError::new_err(format!("{key} is too large: {value}"))
        } else {
            let type_name = value
                .get_type()
                .name()
                .map_or_else(|_| "?".to_owned(), |n| n.to_string());
            PyTypeError::new_err(format!("{key} must be {expected} or None, got {type_name}"))
        }
    })
}

fn count(name: &str, value: i64, min: i64) -> PyResult<usize> {
    if value < min {
        return Err(LedeError::new_err(format!(
            "{name} must be at least {min}, got {value}"
        )));
    }
    usize::try_from(value).map_err(|_| LedeError::new_err(format!("{name} is too large: {value}")))
}

/// A summarizer for `options`, built once and then shared.
fn cached_summarizer(options: Options) -> PyResult<Arc<Summarizer>> {
    let mut cache = CACHE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(pos) = cache.iter().position(|(o, _)| *o == options) {
        let entry = cache.remove(pos);
        let summarizer = Arc::clone(&entry.1);
        cache.push(entry);
        return Ok(summarizer);
    }
    let summarizer = Arc::new(Summarizer::new(options.clone()).map_err(crate::to_py_err)?);
    if cache.len() == CACHE_SIZE {
        cache.remove(0);
    }
    cache.push((options, Arc::clone(&summarizer)));
    Ok(summarizer)
}
