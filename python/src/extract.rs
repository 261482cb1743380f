//! `lede.extract`: the article in an HTML page (via lede-html).

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// The article found in an HTML page: metadata and clean body paragraphs.
#[pyclass(frozen, eq, module = "lede", name = "Article")]
pub struct PyArticle(lede_html::Article);

/// Equal when every field Python can see is equal: the block kinds behind
/// `lede_html::Article::markdown` are not exposed here and do not survive the
/// JSON that pickling goes through, so they take no part.
impl PartialEq for PyArticle {
    fn eq(&self, other: &Self) -> bool {
        serde_json::to_value(&self.0).ok() == serde_json::to_value(&other.0).ok()
    }
}

page_class!(PyArticle, {
    /// Headline, empty when none was found.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }
    /// Body paragraphs in reading order.
    #[getter]
    fn paragraphs(&self) -> Vec<String> {
        self.0.paragraphs.clone()
    }
    /// The page's own summary (JSON-LD, OpenGraph, Twitter card or meta description).
    #[getter]
    fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    /// The canonical address, absolute (resolved against `url`).
    #[getter]
    fn canonical_url(&self) -> Option<&str> {
        self.0.canonical_url.as_deref()
    }
    /// The lead image's address, absolute (resolved against `url`).
    #[getter]
    fn image_url(&self) -> Option<&str> {
        self.0.image_url.as_deref()
    }
    /// Tags and keywords, without duplicates.
    #[getter]
    fn tags(&self) -> Vec<String> {
        self.0.tags.clone()
    }
    /// The publisher's bullet highlights shown above the story.
    #[getter]
    fn highlights(&self) -> Vec<String> {
        self.0.highlights.clone()
    }
    /// The body text: paragraphs joined by a blank line (ready for `summarize`).
    #[getter]
    fn text(&self) -> String {
        self.0.text()
    }
    /// The kind of page: "article", "forum", "product", "listing",
    /// "collection", "documentation" or "service".
    #[getter]
    fn page_type(&self) -> String {
        serde_json::to_value(self.0.page_type)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }
    /// Whether the body reads as an article (readability's rule).
    #[getter]
    fn readerable(&self) -> bool {
        self.0.readerable
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Article(title={}, paragraphs={}, language={})",
            PyString::new(py, &self.0.title).repr()?,
            self.0.paragraphs.len(),
            match &self.0.language {
                Some(l) => PyString::new(py, l).repr()?.to_string(),
                None => "None".to_owned(),
            }
        ))
    }
});

/// Extracts the article from an HTML page given as `str`, or as `bytes`
/// whose charset is detected (BOM, `content_type` such as
/// "text/html; charset=windows-1252", `<meta charset>`, else UTF-8 or
/// windows-1252). `url` is the page's address: relative canonical and image
/// links are resolved against it, and it is a last source of the site name
/// and date. A page with no
/// article gives an `Article` with no paragraphs; binary or oversized
/// input raises `LedeError`.
#[pyfunction]
#[pyo3(signature = (html, url=None, *, content_type=None))]
pub fn extract(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<&str>,
    content_type: Option<&str>,
) -> PyResult<PyArticle> {
    let result = if let Ok(text) = html.cast::<PyString>() {
        let text = text.to_str()?;
        py.detach(|| lede_html::extract(text, url))
    } else if let Ok(bytes) = html.cast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        py.detach(|| lede_html::extract_bytes(bytes, content_type, url))
    } else {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "expected str or bytes, got {}",
            html.get_type().name()?
        )));
    };
    result
        .map(PyArticle)
        .map_err(|e| crate::to_py_err(e.into()))
}
