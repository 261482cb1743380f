//! `lede.rouge` and `lede.oracle`: ROUGE exactly as Google's rouge-score
//! 0.1.2 computes it (via lede-rouge), and the greedy extractive oracle.

use lede::lang::Language;
use lede_rouge::{greedy_oracle_with, Config, RougeScorer, RougeType, Scores, Tokenizer};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use rayon::prelude::*;

use crate::sentences::sentence_ranges;
use crate::{invalid_option, thread_pool};

/// Precision, recall and F1 of one ROUGE variant (like rouge-score's `Score`).
#[pyclass(frozen, eq, module = "lede", name = "Score")]
#[derive(Clone, Copy, PartialEq)]
pub struct PyScore(lede_rouge::Score);

#[pymethods]
impl PyScore {
    /// Matches over the prediction's size.
    #[getter]
    fn precision(&self) -> f64 {
        self.0.precision
    }
    /// Matches over the reference's size.
    #[getter]
    fn recall(&self) -> f64 {
        self.0.recall
    }
    /// `2PR / (P + R)`.
    #[getter]
    fn fmeasure(&self) -> f64 {
        self.0.fmeasure
    }
    /// `(precision, recall, fmeasure)` unpacks like rouge-score's namedtuple.
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = PyTuple::new(py, [self.0.precision, self.0.recall, self.0.fmeasure])?;
        Ok(items.try_iter()?.into_any())
    }
    /// Rebuilds a score from its three figures (how pickle restores it).
    #[classmethod]
    fn _from_figures(
        _cls: &Bound<'_, pyo3::types::PyType>,
        precision: f64,
        recall: f64,
        fmeasure: f64,
    ) -> Self {
        PyScore(lede_rouge::Score {
            precision,
            recall,
            fmeasure,
        })
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (f64, f64, f64))> {
        let s = slf.get().0;
        Ok((
            slf.get_type().getattr("_from_figures")?,
            (s.precision, s.recall, s.fmeasure),
        ))
    }
    fn __repr__(&self) -> String {
        format!(
            "Score(precision={}, recall={}, fmeasure={})",
            self.0.precision, self.0.recall, self.0.fmeasure
        )
    }
}

/// Texts from a Python `str` or iterable of `str`; `None` when given one `str`.
fn texts(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<(Vec<String>, bool)> {
    if let Ok(one) = obj.cast::<PyString>() {
        return Ok((vec![one.to_str()?.to_owned()], true));
    }
    let mut out = Vec::new();
    for (i, item) in obj
        .try_iter()
        .map_err(|_| PyTypeError::new_err(format!("{what} must be a str or a list of str")))?
        .enumerate()
    {
        let item = item?;
        let text = item.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!(
                "{what}[{i}] must be a str, got {}",
                item.get_type()
                    .name()
                    .map_or_else(|_| "?".to_owned(), |n| n.to_string())
            ))
        })?;
        out.push(text.to_str()?.to_owned());
    }
    Ok((out, false))
}

/// ROUGE types from one name or a list of names.
fn rouge_types(obj: &Bound<'_, PyAny>) -> PyResult<Vec<RougeType>> {
    let (names, _) = texts(obj, "rouge_types")?;
    if names.is_empty() {
        return Err(invalid_option("rouge_types is empty"));
    }
    names
        .iter()
        .map(|name| {
            name.parse::<RougeType>()
                .map_err(|e| invalid_option(e.to_string()))
        })
        .collect()
}

fn to_dict<'py>(py: Python<'py>, scores: &Scores) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (rouge_type, score) in &scores.0 {
        dict.set_item(rouge_type.to_string(), PyScore(*score))?;
    }
    Ok(dict)
}

/// ROUGE of predictions against references, as rouge-score computes it
/// (`RougeScorer(rouge_types, use_stemmer=stemmer).score(reference, prediction)`).
/// With `language` (a tag other than "en") texts are tokenized as XL-Sum's
/// multilingual ROUGE does: lowercase letters and digits of any script,
/// stemmed with the language's Snowball stemmer (as `lede eval --language`).
///
/// One prediction and one reference (`str`) give `{type: Score}`. Two
/// equally long lists give the mean of each figure over the pairs, or with
/// `per_document=True` one dict per pair. ROUGE-Lsum splits texts on "\n".
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (predictions, references, *, rouge_types=None, stemmer=true, per_document=false, threads=None, language=None))]
pub fn rouge<'py>(
    py: Python<'py>,
    predictions: &Bound<'py, PyAny>,
    references: &Bound<'py, PyAny>,
    rouge_types: Option<&Bound<'py, PyAny>>,
    stemmer: bool,
    per_document: bool,
    threads: Option<i64>,
    language: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let types = match rouge_types {
        Some(obj) => self::rouge_types(obj)?,
        None => RougeType::STANDARD.to_vec(),
    };
    let scorer = RougeScorer::new(Config { types, stemmer })
        .map_err(|e| invalid_option(e.to_string()))?
        .with_tokenizer(tokenizer(language)?);
    let (preds, single_pred) = texts(predictions, "predictions")?;
    let (refs, single_ref) = texts(references, "references")?;
    if single_pred != single_ref || preds.len() != refs.len() {
        return Err(invalid_option(format!(
            "predictions and references must both be one str or lists of the same length (got {} and {})",
            if single_pred { "a str".to_owned() } else { format!("{} texts", preds.len()) },
            if single_ref { "a str".to_owned() } else { format!("{} texts", refs.len()) },
        )));
    }
    let pool = thread_pool(threads)?;
    let scores: Vec<Scores> = py.detach(|| {
        pool.install(|| {
            preds
                .par_iter()
                .zip(refs.par_iter())
                .map(|(p, r)| scorer.score(p, r))
                .collect()
        })
    });
    if single_pred {
        return Ok(to_dict(py, &scores[0])?.into_any());
    }
    if per_document {
        let list = pyo3::types::PyList::empty(py);
        for s in &scores {
            list.append(to_dict(py, s)?)?;
        }
        return Ok(list.into_any());
    }
    if scores.is_empty() {
        return Err(invalid_option("no prediction/reference pairs to average"));
    }
    let n = scores.len() as f64;
    let mean = scorer
        .config()
        .types
        .iter()
        .map(|&t| {
            let (mut p, mut r, mut f) = (0.0, 0.0, 0.0);
            for s in &scores {
                let score = s.get(t).unwrap_or_default();
                p += score.precision;
                r += score.recall;
                f += score.fmeasure;
            }
            (
                t,
                lede_rouge::Score {
                    precision: p / n,
                    recall: r / n,
                    fmeasure: f / n,
                },
            )
        })
        .collect();
    Ok(to_dict(py, &Scores(mean))?.into_any())
}

/// The greedy extractive oracle: indices (in document order) of the
/// sentences that together maximise ROUGE-1 F1 + ROUGE-2 F1 against the
/// reference, at most `max_sentences` of them. `sentences` is either a list
/// of sentences (used as given) or an article's text as one `str`, which is
/// split by `lede.sentences` so the indices count its cleaned body
/// sentences (the sentences `lede train` labels). A reference given as a
/// list of bullets is joined with newlines. With `language` the article is
/// split with that language's rules and ROUGE tokenizes as in `lede.rouge`.
#[pyfunction]
#[pyo3(signature = (sentences, reference, *, max_sentences=3, language=None))]
pub fn oracle(
    py: Python<'_>,
    sentences: &Bound<'_, PyAny>,
    reference: &Bound<'_, PyAny>,
    max_sentences: i64,
    language: Option<&str>,
) -> PyResult<Vec<usize>> {
    let tokenizer = tokenizer(language)?;
    let language = language.map(crate::options::language).transpose()?;
    let (texts_given, article) = texts(sentences, "sentences")?;
    let (reference, _) = texts(reference, "reference")?;
    let reference = reference.join("\n");
    if max_sentences < 1 {
        return Err(invalid_option(format!(
            "max_sentences must be at least 1, got {max_sentences}"
        )));
    }
    let max = usize::try_from(max_sentences).unwrap_or(usize::MAX);
    py.detach(|| {
        if article {
            let text = &texts_given[0];
            let ranges = sentence_ranges(
                text,
                lede::ingest::DEFAULT_MAX_INPUT_BYTES,
                language.unwrap_or(Language::English),
            )?;
            let split: Vec<&str> = ranges.into_iter().map(|r| &text[r]).collect();
            Ok(greedy_oracle_with(&split, &reference, max, tokenizer))
        } else {
            let given: Vec<&str> = texts_given.iter().map(String::as_str).collect();
            Ok(greedy_oracle_with(&given, &reference, max, tokenizer))
        }
    })
    .map_err(crate::to_py_err)
}

/// The ROUGE tokenizer for a `language` keyword: rouge-score's for none or
/// English, else the multilingual one with the language's Snowball stemmer.
fn tokenizer(language: Option<&str>) -> PyResult<Tokenizer> {
    Ok(match language.map(crate::options::language).transpose()? {
        None | Some(Language::English) => Tokenizer::RougeScore,
        Some(other) => Tokenizer::multilingual(other.code()),
    })
}
