//! Keyword arguments to [`lede::Options`], and the summarizer they run on.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use lede::score::learned::Model;
use lede::{Algorithm, Length, Options, Summarizer};
use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The summarizer with the embedded model, built once per process and
/// shared by every call that gives no `model`.
static DEFAULT: OnceLock<Summarizer> = OnceLock::new();

/// A summarizer and the options to call it with.
#[derive(Debug, Clone)]
pub struct Configured {
    /// The compiled state (model).
    pub summarizer: Arc<Summarizer>,
    /// The per-call settings.
    pub options: Options,
}

/// The summary settings every entry point takes as keyword arguments.
#[derive(Debug, Default)]
pub struct OptionArgs {
    sentences: Option<i64>,
    words: Option<i64>,
    chars: Option<i64>,
    ratio: Option<f64>,
    at_least_one: Option<bool>,
    algorithm: Option<String>,
    max_overlap: Option<f64>,
    min_words: Option<i64>,
    max_input_bytes: Option<i64>,
    model: Option<PathBuf>,
    language: Option<String>,
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
                "at_least_one" => args.at_least_one = field(&key, &value, "a bool")?,
                "algorithm" => args.algorithm = field(&key, &value, "a str")?,
                "max_overlap" => args.max_overlap = field(&key, &value, "a float")?,
                "min_words" => args.min_words = field(&key, &value, "an int")?,
                "max_input_bytes" => args.max_input_bytes = field(&key, &value, "an int")?,
                "model" => args.model = field(&key, &value, "a path")?,
                "language" => args.language = field(&key, &value, "a str")?,
                _ => {
                    return Err(PyTypeError::new_err(format!(
                        "unexpected keyword argument '{key}' (options are: sentences, words, \
                         chars, ratio, at_least_one, algorithm, max_overlap, min_words, \
                         max_input_bytes, model, language)"
                    )))
                }
            }
        }
        Ok(args)
    }

    /// The summarizer and options these arguments ask for. Without `model`
    /// the summarizer is the shared default; a model file is read on every call.
    pub fn configured(&self) -> PyResult<Configured> {
        let options = self.options()?;
        options.validate().map_err(crate::to_py_err)?;
        let Some(path) = &self.model else {
            let summarizer = match DEFAULT.get() {
                Some(summarizer) => summarizer.clone(),
                None => {
                    let built = Summarizer::new().map_err(crate::to_py_err)?;
                    DEFAULT.get_or_init(|| built).clone()
                }
            };
            return Ok(Configured {
                summarizer: Arc::new(summarizer),
                options,
            });
        };
        if self.algorithm.is_some() && options.algorithm != Algorithm::Learned {
            return Err(crate::invalid_option(format!(
                "a model file is for the learned algorithm, not {}",
                options.algorithm
            )));
        }
        let model = Model::load(path).map_err(crate::to_py_err)?;
        Ok(Configured {
            summarizer: Arc::new(Summarizer::with_model(Arc::new(model))),
            options,
        })
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
            return Err(crate::invalid_option(
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
            length_at_least_one: self.at_least_one.unwrap_or(false),
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
        if let Some(tag) = &self.language {
            options.set_language_tag(tag).map_err(crate::to_py_err)?;
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
            crate::invalid_option(format!("{key} is too large: {value}"))
        } else {
            let type_name = value
                .get_type()
                .name()
                .map_or_else(|_| "?".to_owned(), |n| n.to_string());
            PyTypeError::new_err(format!("{key} must be {expected} or None, got {type_name}"))
        }
    })
}

/// Reads a language tag (`"fr"`, `"de-CH"`, `"german"`); an unknown one is
/// a `LedeError`.
pub fn language(tag: &str) -> PyResult<lede::lang::Language> {
    lede::lang::Language::from_tag(tag).ok_or_else(|| {
        crate::invalid_option(format!(
            "unknown language {tag:?} (expected an ISO 639-1 code such as en, de, fr)"
        ))
    })
}

fn count(name: &str, value: i64, min: i64) -> PyResult<usize> {
    if value < min {
        return Err(crate::invalid_option(format!(
            "{name} must be at least {min}, got {value}"
        )));
    }
    usize::try_from(value)
        .map_err(|_| crate::invalid_option(format!("{name} is too large: {value}")))
}
