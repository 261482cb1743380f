//! Python views of lede's results: `Summary`, `Bullet`, `TextSpan`, `Removed`.
//!
//! Each class wraps the Rust value and builds Python objects only when an
//! attribute is read, so a batch of summaries crosses into Python cheaply.

use pyo3::prelude::*;
use pyo3::types::PyString;
use serde::Serialize;

/// A float as JSON prints it: the shortest decimal that reads back as the
/// same `f32`, so `bullet.score` equals `to_dict()["score"]`.
fn json_float(x: f32) -> f64 {
    format!("{x}").parse().unwrap_or(f64::from(x))
}

/// `value` as plain Python data, exactly as the CLI's JSON output holds it.
pub(crate) fn to_python<'py>(
    py: Python<'py>,
    value: &impl Serialize,
) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_string(value).map_err(|e| crate::lede_error("io", e.to_string()))?;
    py.import("json")?.call_method1("loads", (json,))
}

/// Python's `repr` of a string, cut to `max` characters with an ellipsis.
fn short_repr(py: Python<'_>, text: &str, max: usize) -> PyResult<String> {
    let cut: String = if text.chars().count() > max {
        text.chars().take(max - 1).chain(['…']).collect()
    } else {
        text.to_owned()
    };
    Ok(PyString::new(py, &cut).repr()?.to_string())
}

/// The `#[pymethods]` of a class wrapping a serializable lede value that
/// has a span: the offset getters, those of `result_class!`, and the methods
/// given. `|this| expr` reaches the `lede::TextSpan` from `this` (the class).
macro_rules! span_class {
    ($class:ty, |$this:ident| $span:expr, { $($methods:tt)* }) => {
        result_class!($class, {
            /// The exact text of the input between the offsets.
            #[getter]
            fn text(&self) -> &str {
                let $this = self;
                &$span.text
            }
            /// Start, in characters (Python string indices).
            #[getter]
            fn start(&self) -> usize {
                let $this = self;
                $span.start
            }
            /// End (exclusive), in characters.
            #[getter]
            fn end(&self) -> usize {
                let $this = self;
                $span.end
            }
            /// Start, in UTF-8 bytes.
            #[getter]
            fn byte_start(&self) -> usize {
                let $this = self;
                $span.byte_start
            }
            /// End (exclusive), in UTF-8 bytes.
            #[getter]
            fn byte_end(&self) -> usize {
                let $this = self;
                $span.byte_end
            }
            $($methods)*
        });
    };
}

/// A piece of the input text with character and byte offsets.
#[pyclass(frozen, eq, module = "lede", name = "TextSpan")]
#[derive(Clone, PartialEq)]
pub struct PyTextSpan(pub lede::TextSpan);

span_class!(PyTextSpan, |this| this.0, {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "TextSpan(start={}, end={}, text={})",
            self.0.start,
            self.0.end,
            short_repr(py, &self.0.text, 60)?
        ))
    }
});

/// One highlight: a sentence of the input, with its score and rank.
#[pyclass(frozen, eq, module = "lede", name = "Bullet")]
#[derive(Clone, PartialEq)]
pub struct PyBullet(pub lede::Bullet);

span_class!(PyBullet, |this| this.0.span, {
    /// The scorer's score for the sentence.
    #[getter]
    fn score(&self) -> f64 {
        json_float(self.0.score)
    }
    /// 1-based rank of the score among all body sentences.
    #[getter]
    fn rank(&self) -> usize {
        self.0.rank
    }
    /// 0-based index of the sentence among the body sentences.
    #[getter]
    fn sentence_index(&self) -> usize {
        self.0.sentence_index
    }
    /// True when the learned default chose the sentence because it opens the page's
    /// standfirst (the publisher's own summary paragraph), whatever its score.
    #[getter]
    fn standfirst(&self) -> bool {
        self.0.standfirst
    }
    /// The text with runs of whitespace collapsed to single spaces.
    #[getter]
    fn display_text(&self) -> String {
        self.0.display_text()
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Bullet(rank={}, score={}, text={})",
            self.0.rank,
            self.0.score,
            short_repr(py, &self.0.span.text, 60)?
        ))
    }
});

/// A piece of the input that cleaning left out, and why.
#[pyclass(frozen, eq, module = "lede", name = "Removed")]
#[derive(Clone, PartialEq)]
pub struct PyRemoved(pub lede::render::Removed);

impl PyRemoved {
    fn reason_name(&self) -> String {
        serde_json::to_value(self.0.reason)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

span_class!(PyRemoved, |this| this.0.span, {
    /// Why it was removed: duplicate, caption, photo_credit, byline, dateline or boilerplate.
    #[getter]
    fn reason(&self) -> String {
        self.reason_name()
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Removed(reason='{}', text={})",
            self.reason_name(),
            short_repr(py, &self.0.span.text, 60)?
        ))
    }
});

/// Where an article extracted from HTML came from, and the text that the
/// summary's offsets index into.
#[pyclass(frozen, eq, module = "lede", name = "Source")]
#[derive(PartialEq)]
pub struct PySource(lede::Source);

page_class!(PySource, {
    /// The page address, when given.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.0.url.as_deref()
    }
    /// The extracted article as text; every offset of the summary indexes into it.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let url = match &self.0.url {
            Some(url) => short_repr(py, url, 80)?,
            None => "None".to_owned(),
        };
        Ok(format!(
            "Source(url={url}, text={})",
            short_repr(py, &self.0.text, 40)?
        ))
    }
});

/// The result of summarizing one article.
#[pyclass(frozen, eq, module = "lede", name = "Summary")]
#[derive(PartialEq)]
pub struct PySummary(pub lede::Summary);

result_class!(PySummary, {
    /// The record id, when the input had one.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.0.id.as_deref()
    }
    /// The scoring algorithm used.
    #[getter]
    fn algorithm(&self) -> &str {
        &self.0.algorithm
    }
    /// ISO 639-1 code of the language whose rules were used; `None` for the
    /// language-neutral fallback.
    #[getter]
    fn language(&self) -> Option<&str> {
        self.0.language.as_deref()
    }
    /// The headline found at the top of the input, if any.
    #[getter]
    fn title(&self) -> Option<PyTextSpan> {
        self.0.title.clone().map(PyTextSpan)
    }
    /// The publisher's own bullets found in the input (never used as output).
    #[getter]
    fn given_highlights(&self) -> Vec<PyTextSpan> {
        self.0
            .given_highlights
            .iter()
            .cloned()
            .map(PyTextSpan)
            .collect()
    }
    /// The chosen bullets, in document order.
    #[getter]
    fn bullets(&self) -> Vec<PyBullet> {
        self.0.bullets.iter().cloned().map(PyBullet).collect()
    }
    /// Number of body sentences the bullets were chosen from.
    #[getter]
    fn sentence_count(&self) -> usize {
        self.0.sentence_count
    }
    /// What cleaning removed, in document order.
    #[getter]
    fn removed(&self) -> Vec<PyRemoved> {
        self.0.removed.iter().cloned().map(PyRemoved).collect()
    }
    /// For HTML input: the page's metadata and the extracted text the
    /// offsets index into; `None` for text input.
    #[getter]
    fn source(&self) -> Option<PySource> {
        self.0.source.clone().map(PySource)
    }
    /// What limits this summary, as plain data (`{"code": "nothing_fits",
    /// "budget": 5, "unit": "words", "shortest": 9}`, ...): the JSON's
    /// `warnings`; empty when there is nothing to say.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.0.warnings.iter().map(|w| to_python(py, w)).collect()
    }
    /// The summary as one line of JSON, as `lede summarize --format jsonl` prints it
    /// (without the trailing newline).
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.0).map_err(|e| crate::lede_error("io", e.to_string()))
    }
    /// The summary as text for people: "text" (one "• bullet" per line),
    /// "markdown", "json" or "jsonl".
    #[pyo3(signature = (format = "text"))]
    fn render(&self, format: &str) -> PyResult<String> {
        let format: lede::Format = format.parse().map_err(crate::to_py_err)?;
        Ok(self.0.render(format))
    }
    fn __str__(&self) -> String {
        self.0.render(lede::Format::Text)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let bullets = self
            .0
            .bullets
            .iter()
            .map(|b| short_repr(py, &b.display_text(), 60))
            .collect::<PyResult<Vec<_>>>()?;
        let title = match &self.0.title {
            Some(t) => short_repr(py, &t.text, 60)?,
            None => "None".to_owned(),
        };
        let id = match &self.0.id {
            Some(id) => format!("id={}, ", short_repr(py, id, 40)?),
            None => String::new(),
        };
        Ok(format!(
            "Summary({id}algorithm='{}', title={title}, bullets=[{}], sentence_count={})",
            self.0.algorithm,
            bullets.join(", "),
            self.0.sentence_count
        ))
    }
});
