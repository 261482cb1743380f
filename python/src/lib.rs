//! Python bindings of lede, built as the extension module `lede._lede`.
//!
//! The `lede` Python package (python/lede/) re-exports everything here.
//! Work on articles runs with the GIL released, so Python threads and the
//! rayon pool of `summarize_many` summarize in parallel.

/// The `#[pymethods]` of a class wrapping a serializable lede value as its
/// field `.0`: `to_dict`, pickling (see `pickle`), and the methods given.
macro_rules! result_class {
    ($class:ty, { $($methods:tt)* }) => {
        #[pymethods]
        impl $class {
            /// The value as a plain dict, as in the CLI's JSON output.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                crate::summary::to_python(py, &self.0)
            }
            /// Rebuilds a value from its JSON (how pickle restores it).
            #[classmethod]
            fn _from_json(_cls: &Bound<'_, pyo3::types::PyType>, json: &str) -> PyResult<Self> {
                crate::pickle::from_json(json).map(Self)
            }
            fn __reduce__<'py>(
                slf: &Bound<'py, Self>,
            ) -> PyResult<(Bound<'py, PyAny>, (String,))> {
                crate::pickle::reduce(slf, &slf.get().0)
            }
            $($methods)*
        }
    };
}

/// The `#[pymethods]` of a class wrapping a page's metadata (a
/// `lede_html::Article` or a `lede::Source`): the metadata getters,
/// those of `result_class!`, and the methods given.
macro_rules! page_class {
    ($class:ty, { $($methods:tt)* }) => {
        result_class!($class, {
            /// Author names, in page order.
            #[getter]
            fn authors(&self) -> Vec<String> {
                self.0.authors.clone()
            }
            /// Publication date (ISO 8601 when it parses).
            #[getter]
            fn published(&self) -> Option<&str> {
                self.0.published.as_deref()
            }
            /// Publisher or site name.
            #[getter]
            fn site_name(&self) -> Option<&str> {
                self.0.site_name.as_deref()
            }
            /// Language tag such as "en".
            #[getter]
            fn language(&self) -> Option<&str> {
                self.0.language.as_deref()
            }
            $($methods)*
        });
    };
}

mod extract;
mod options;
mod pickle;
mod rouge;
mod sentences;
mod summary;

use std::sync::{Arc, Mutex};

use lede::InputFormat;
use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use rayon::prelude::*;
use rayon::ThreadPool;

use options::{Configured, OptionArgs};
use summary::{PyBullet, PyRemoved, PySource, PySummary, PyTextSpan};

create_exception!(
    lede,
    LedeError,
    PyValueError,
    "An input or option lede cannot work with (empty or binary text, bad options, ...). \
     Its `code` says which kind, as `lede::Error::code()` names it (\"empty_input\", \
     \"too_large\", \"invalid_option\", ...)."
);

/// A `LedeError` with `message` and the attribute `code`, one of the kinds
/// `lede::Error::code()` names. Callers branch on `code`, never on the message.
pub(crate) fn lede_error(code: &'static str, message: impl Into<String>) -> PyErr {
    let message = message.into();
    Python::attach(|py| {
        let err = LedeError::new_err(message);
        match err.value(py).setattr("code", code) {
            Ok(()) => err,
            Err(failed) => failed,
        }
    })
}

/// A `LedeError` for an option or argument lede cannot work with.
pub(crate) fn invalid_option(message: impl Into<String>) -> PyErr {
    lede_error("invalid_option", message)
}

/// Turns a library error into a `LedeError` carrying its message and code.
pub(crate) fn to_py_err(err: lede::Error) -> PyErr {
    lede_error(err.code(), err.to_string())
}

/// One article as handed over by Python, readable without the GIL.
enum Input {
    Text(PyBackedStr),
    Bytes(PyBackedBytes),
}

impl Input {
    /// Takes a `str` or `bytes` object; anything else is a `TypeError`.
    /// A `str` with far more characters than the byte limit is refused
    /// before its UTF-8 form is made.
    fn from_py(obj: &Bound<'_, PyAny>, max_bytes: usize) -> PyResult<Input> {
        if let Ok(text) = obj.cast::<PyString>() {
            let chars = text.len()?;
            if chars > max_bytes {
                return Err(lede_error(
                    "too_large",
                    format!(
                    "input is {chars} characters, over the limit of {max_bytes} bytes (raise it with max_input_bytes)"
                ),
                ));
            }
            return Ok(Input::Text(text.clone().try_into()?));
        }
        if obj.is_instance_of::<PyBytes>() {
            return Ok(Input::Bytes(obj.extract()?));
        }
        Err(PyTypeError::new_err(format!(
            "expected str or bytes, got {}",
            obj.get_type().name()?
        )))
    }

    /// Summarizes the input as text or as an HTML page: as `route` says,
    /// else as its first bytes suggest (like the CLI's `--input-format auto`).
    fn summarize(&self, job: &Configured, route: &Route) -> lede::Result<lede::Summary> {
        let url = route.url.as_deref();
        let input = match (self, route.format) {
            (Input::Text(text), Some(InputFormat::Text)) => lede::Input::Text(text),
            (Input::Text(html), Some(InputFormat::Html)) => lede::Input::Html { html, url },
            (Input::Text(text), None) => lede::Input::Bytes {
                bytes: text.as_bytes(),
                format: None,
                content_type: None,
                url,
            },
            (Input::Bytes(bytes), format) => lede::Input::Bytes {
                bytes,
                format,
                content_type: None,
                url,
            },
        };
        job.summarizer.summarize(input, &job.options)
    }
}

/// How to read an input: its format (`None`: detect) and, for HTML, the
/// page's address.
struct Route {
    format: Option<InputFormat>,
    url: Option<String>,
}

impl Route {
    fn new(input_format: Option<&str>, url: Option<&str>) -> PyResult<Route> {
        let format = match input_format.unwrap_or("auto") {
            "auto" => None,
            "text" => Some(InputFormat::Text),
            "html" => Some(InputFormat::Html),
            other => {
                return Err(invalid_option(format!(
                    "unknown input_format {other:?} (expected auto, text or html)"
                )))
            }
        };
        Ok(Route {
            format,
            url: url.map(str::to_owned),
        })
    }
}

/// Summarizes one input with the GIL released.
fn summarize_one(
    py: Python<'_>,
    job: &Configured,
    text: &Bound<'_, PyAny>,
    route: &Route,
) -> PyResult<PySummary> {
    let input = Input::from_py(text, job.options.max_input_bytes)?;
    py.detach(|| input.summarize(job, route))
        .map(PySummary)
        .map_err(to_py_err)
}

/// The pool used when no thread count is given (one thread per core),
/// with the id of the process that made it.
///
/// Not rayon's global pool: a child made by `fork` (multiprocessing, Spark
/// and Dask workers) inherits a copy of that pool without its threads, and
/// would wait forever on it. A child here makes a pool of its own.
static DEFAULT_POOL: Mutex<Option<(u32, Arc<ThreadPool>)>> = Mutex::new(None);

fn build_pool(threads: usize) -> PyResult<ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| lede_error("io", format!("cannot start worker threads: {e}")))
}

/// A pool of `threads` workers, or the shared one-per-core pool for `None`.
pub(crate) fn thread_pool(threads: Option<i64>) -> PyResult<Arc<ThreadPool>> {
    match threads {
        Some(n) if n < 1 => Err(invalid_option(format!(
            "threads must be at least 1, got {n}"
        ))),
        Some(n) => Ok(Arc::new(build_pool(
            usize::try_from(n).unwrap_or(usize::MAX).min(1024),
        )?)),
        None => {
            let mut slot = DEFAULT_POOL
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            let pid = std::process::id();
            match slot.as_ref() {
                Some((owner, pool)) if *owner == pid => Ok(Arc::clone(pool)),
                _ => {
                    // A pool inherited through fork has no threads to stop:
                    // leak it rather than signal workers that do not exist.
                    std::mem::forget(slot.take());
                    let pool = Arc::new(build_pool(0)?);
                    *slot = Some((pid, Arc::clone(&pool)));
                    Ok(pool)
                }
            }
        }
    }
}

/// Items summarized between two checks for Ctrl-C in `summarize_many`
/// (about a quarter of a second of work on one core).
const BATCH_CHUNK: usize = 256;

/// Summarizes every item of `texts` on a rayon pool with the GIL released.
/// Results keep the order of the inputs; a failed item becomes its
/// exception object, so one bad article never fails the batch.
fn summarize_batch<'py>(
    py: Python<'py>,
    job: &Configured,
    texts: &Bound<'py, PyAny>,
    threads: Option<i64>,
    route: &Route,
) -> PyResult<Bound<'py, PyList>> {
    let pool = thread_pool(threads)?;
    if texts.is_instance_of::<PyString>() || texts.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(
            "summarize_many takes a list of texts, not one text (use summarize)",
        ));
    }
    let max_bytes = job.options.max_input_bytes;
    // An item that is not text becomes its error; an iterator that raises
    // ends the call.
    let mut inputs: Vec<PyResult<Input>> = Vec::new();
    for item in texts.try_iter()? {
        inputs.push(Input::from_py(&item?, max_bytes));
    }
    // Chunks, so that Ctrl-C (a signal Python handles between chunks) can
    // stop a long batch.
    let mut results: Vec<Option<lede::Result<lede::Summary>>> = Vec::with_capacity(inputs.len());
    for chunk in inputs.chunks(BATCH_CHUNK.max(pool.current_num_threads() * 64)) {
        let done: Vec<_> = py.detach(|| {
            pool.install(|| {
                chunk
                    .par_iter()
                    .map(|input| input.as_ref().ok().map(|i| i.summarize(job, route)))
                    .collect()
            })
        });
        results.extend(done);
        py.check_signals()?;
    }
    let out = PyList::empty(py);
    for (result, input) in results.into_iter().zip(inputs) {
        match (result, input) {
            (Some(Ok(summary)), _) => out.append(Bound::new(py, PySummary(summary))?)?,
            (Some(Err(err)), _) => out.append(to_py_err(err).into_value(py))?,
            (None, Err(err)) => out.append(err.into_value(py))?,
            (None, Ok(_)) => unreachable!("every readable input was summarized"),
        }
    }
    Ok(out)
}

/// Summarizes one article into bullet highlights: plain text or an HTML
/// page, as `str` or `bytes`. `input_format` is "auto" (default: HTML when
/// it starts like a page), "text" or "html"; `url` is the page's address.
/// For HTML, offsets index into `summary.source.text`.
///
/// Options (keywords): at most one length of `sentences` (default 3),
/// `words`, `chars` or `ratio` (word and character budgets are limits unless
/// `at_least_one`); `algorithm`, `max_overlap`, `min_words`, `max_input_bytes`,
/// `model` (a file from `lede train`), `language`. Raises `LedeError` for
/// unusable input or options.
#[pyfunction]
#[pyo3(signature = (text, *, input_format=None, url=None, **options))]
fn summarize(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    input_format: Option<&str>,
    url: Option<&str>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<PySummary> {
    let route = Route::new(input_format, url)?;
    let job = OptionArgs::from_kwargs(options)?.configured()?;
    summarize_one(py, &job, text, &route)
}

/// Summarizes many articles in parallel (in Rust, GIL released), keeping
/// their order. Each result is a `Summary`, or the exception that item
/// raised (`LedeError`, or `TypeError` for an item that is not text).
/// `threads` defaults to one per core; options as for `summarize`.
#[pyfunction]
#[pyo3(signature = (texts, *, threads=None, input_format=None, **options))]
fn summarize_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<i64>,
    input_format: Option<&str>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    let route = Route::new(input_format, None)?;
    let job = OptionArgs::from_kwargs(options)?.configured()?;
    summarize_batch(py, &job, texts, threads, &route)
}

/// A configured summarizer, to reuse across many calls and threads.
#[pyclass(frozen, module = "lede", name = "Summarizer")]
struct PySummarizer {
    inner: Configured,
    /// The keyword arguments it was built with, `None` values left out:
    /// for pickling and comparison.
    kwargs: Py<PyDict>,
}

#[pymethods]
impl PySummarizer {
    /// Takes the same keyword options as `lede.summarize`.
    #[new]
    #[pyo3(signature = (**options))]
    fn new(py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let inner = OptionArgs::from_kwargs(options)?.configured()?;
        // `None` means "the default", so it is left out: equal options
        // compare equal however they were spelled.
        let kwargs = PyDict::new(py);
        for (key, value) in options.into_iter().flatten() {
            if !value.is_none() {
                kwargs.set_item(key, value)?;
            }
        }
        Ok(PySummarizer {
            inner,
            kwargs: kwargs.unbind(),
        })
    }

    /// Summarizes one article (`str`, or `bytes`); see `lede.summarize`.
    #[pyo3(signature = (text, *, input_format=None, url=None))]
    fn summarize(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        input_format: Option<&str>,
        url: Option<&str>,
    ) -> PyResult<PySummary> {
        summarize_one(py, &self.inner, text, &Route::new(input_format, url)?)
    }

    /// Summarizes many articles in parallel; see `lede.summarize_many`.
    #[pyo3(signature = (texts, *, threads=None, input_format=None))]
    fn summarize_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<i64>,
        input_format: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let route = Route::new(input_format, None)?;
        summarize_batch(py, &self.inner, texts, threads, &route)
    }

    /// The scoring algorithm in use.
    #[getter]
    fn algorithm(&self) -> &'static str {
        self.inner.options.algorithm.name()
    }

    /// Equal when built with the same keyword options (so a pickled copy
    /// equals the original); a model is compared by its path.
    fn __eq__(&self, py: Python<'_>, other: &Self) -> PyResult<bool> {
        self.kwargs.bind(py).eq(other.kwargs.bind(py))
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        let items = self.kwargs.bind(py).items();
        pyo3::types::PyFrozenSet::new(py, items.iter())?.hash()
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, pyo3::types::PyTuple>)> {
        let py = slf.py();
        let partial = py.import("functools")?.getattr("partial")?;
        let kwargs = slf.get().kwargs.bind(py);
        let factory = partial.call((slf.get_type(),), Some(kwargs))?;
        Ok((factory, pyo3::types::PyTuple::empty(py)))
    }

    fn __repr__(&self) -> String {
        let o = &self.inner.options;
        format!(
            "Summarizer(algorithm='{}', length={:?}, max_overlap={}, min_words={}, max_input_bytes={})",
            o.algorithm,
            o.length,
            o.max_overlap.map_or("None".to_owned(), |x| x.to_string()),
            o.min_words,
            o.max_input_bytes
        )
    }
}

/// The native half of the `lede` package.
#[pymodule]
fn _lede(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("LedeError", m.py().get_type::<LedeError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<PySummarizer>()?;
    m.add_class::<PySummary>()?;
    m.add_class::<PyBullet>()?;
    m.add_class::<PyTextSpan>()?;
    m.add_class::<PyRemoved>()?;
    m.add_class::<PySource>()?;
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(summarize_many, m)?)?;
    m.add_class::<rouge::PyScore>()?;
    m.add_function(wrap_pyfunction!(rouge::rouge, m)?)?;
    m.add_function(wrap_pyfunction!(rouge::oracle, m)?)?;
    m.add_function(wrap_pyfunction!(sentences::sentences, m)?)?;
    m.add_class::<extract::PyArticle>()?;
    m.add_function(wrap_pyfunction!(extract::extract, m)?)?;
    Ok(())
}
