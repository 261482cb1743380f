//! `lede.sentences`: the body sentences lede scores, with exact offsets.

use std::ops::Range;

use pyo3::prelude::*;

use crate::summary::PyTextSpan;

/// The byte ranges of the cleaned body sentences of `text`, in document
/// order, after the checks `summarize` makes on text (size, binary, blank).
pub(crate) fn sentence_ranges(
    text: &str,
    max_bytes: usize,
    language: lede::lang::Language,
) -> lede::Result<Vec<Range<usize>>> {
    lede::ingest::check_text(text, max_bytes)?;
    Ok(lede::clean::clean_in(text, Some(language))
        .sentences
        .into_iter()
        .map(|sentence| sentence.span)
        .collect())
}

/// Spans of `ranges` (byte ranges of `text` in ascending order), with
/// character offsets counted in one pass over the text.
fn spans(text: &str, ranges: &[Range<usize>]) -> Vec<lede::TextSpan> {
    let mut byte = 0;
    let mut chars = 0;
    let mut char_offset = |at: usize| {
        if at < byte {
            byte = 0;
            chars = 0;
        }
        chars += text[byte..at].chars().count();
        byte = at;
        chars
    };
    ranges
        .iter()
        .map(|range| {
            let start = char_offset(range.start);
            let end = char_offset(range.end);
            lede::TextSpan {
                text: text[range.clone()].to_owned(),
                start,
                end,
                byte_start: range.start,
                byte_end: range.end,
            }
        })
        .collect()
}

/// Splits an article's text into the sentences lede summarizes from: the
/// body after cleaning (title, given highlights, bylines, captions and other
/// debris left out; a repeated sentence kept once), in document order, each
/// with exact character and byte offsets into `text`. These are the
/// sentences `Bullet.sentence_index` and `lede.oracle(article, ...)` count.
/// `language` (a tag such as "fr") applies that language's rules; the
/// default is English. Raises `LedeError` for empty, binary or oversized text.
#[pyfunction]
#[pyo3(signature = (text, *, max_input_bytes=lede::ingest::DEFAULT_MAX_INPUT_BYTES, language=None))]
pub fn sentences(
    py: Python<'_>,
    text: &str,
    max_input_bytes: usize,
    language: Option<&str>,
) -> PyResult<Vec<PyTextSpan>> {
    let language = match language {
        Some(tag) => crate::options::language(tag)?,
        None => lede::lang::Language::English,
    };
    let spans = py
        .detach(|| {
            sentence_ranges(text, max_input_bytes, language).map(|ranges| spans(text, &ranges))
        })
        .map_err(crate::to_py_err)?;
    Ok(spans.into_iter().map(PyTextSpan).collect())
}
