//! Pickling of the result classes.
//!
//! Each class pickles as its value's JSON (what `to_dict` shows) and is
//! rebuilt by its `_from_json` class method, which pickle finds through the
//! class (`lede.Summary._from_json`), so unpickling only needs `lede`
//! importable. The lede types only derive `Serialize`, so the plain mirrors
//! below read the JSON back; serde_json's `float_roundtrip` feature makes
//! every score read back bit for bit, so a round trip compares equal.

use pyo3::prelude::*;
use pyo3::PyClass;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::LedeError;

/// A lede type that has a mirror here to read its JSON.
pub(crate) trait Mirrored: Sized {
    /// The mirror: the same fields, deserializable.
    type Mirror: DeserializeOwned + Into<Self>;
}

/// The value written as `json` by its `Serialize` implementation.
pub(crate) fn from_json<T: Mirrored>(json: &str) -> PyResult<T> {
    serde_json::from_str::<T::Mirror>(json)
        .map(Into::into)
        .map_err(|e| LedeError::new_err(format!("not a pickled lede value: {e}")))
}

/// What `__reduce__` returns: the class's `_from_json` and `value` as JSON.
pub(crate) fn reduce<'py, C: PyClass>(
    slf: &Bound<'py, C>,
    value: &impl Serialize,
) -> PyResult<(Bound<'py, PyAny>, (String,))> {
    let json = serde_json::to_string(value).map_err(|e| LedeError::new_err(e.to_string()))?;
    Ok((slf.as_any().get_type().getattr("_from_json")?, (json,)))
}

/// Mirror of `lede::TextSpan`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TextSpan {
    text: String,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
}

impl From<TextSpan> for lede::TextSpan {
    fn from(m: TextSpan) -> Self {
        lede::TextSpan {
            text: m.text,
            start: m.start,
            end: m.end,
            byte_start: m.byte_start,
            byte_end: m.byte_end,
        }
    }
}

impl Mirrored for lede::TextSpan {
    type Mirror = TextSpan;
}

/// Mirror of `lede::Bullet`. The span's fields are listed rather than
/// flattened: flattening buffers numbers as `f64`, which would round the
/// `f32` score twice.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Bullet {
    text: String,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    score: f32,
    rank: usize,
    sentence_index: usize,
}

impl From<Bullet> for lede::Bullet {
    fn from(m: Bullet) -> Self {
        lede::Bullet {
            span: lede::TextSpan {
                text: m.text,
                start: m.start,
                end: m.end,
                byte_start: m.byte_start,
                byte_end: m.byte_end,
            },
            score: m.score,
            rank: m.rank,
            sentence_index: m.sentence_index,
        }
    }
}

impl Mirrored for lede::Bullet {
    type Mirror = Bullet;
}

/// Mirror of `lede::clean::Reason`.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Reason {
    Duplicate,
    Caption,
    PhotoCredit,
    Byline,
    Dateline,
    Boilerplate,
}

impl From<Reason> for lede::clean::Reason {
    fn from(m: Reason) -> Self {
        match m {
            Reason::Duplicate => lede::clean::Reason::Duplicate,
            Reason::Caption => lede::clean::Reason::Caption,
            Reason::PhotoCredit => lede::clean::Reason::PhotoCredit,
            Reason::Byline => lede::clean::Reason::Byline,
            Reason::Dateline => lede::clean::Reason::Dateline,
            Reason::Boilerplate => lede::clean::Reason::Boilerplate,
        }
    }
}

/// Mirror of `lede::render::Removed` (no numbers but offsets, so the span
/// can be flattened).
#[derive(Deserialize)]
pub(crate) struct Removed {
    #[serde(flatten)]
    span: TextSpan,
    reason: Reason,
}

impl From<Removed> for lede::render::Removed {
    fn from(m: Removed) -> Self {
        lede::render::Removed {
            span: m.span.into(),
            reason: m.reason.into(),
        }
    }
}

impl Mirrored for lede::render::Removed {
    type Mirror = Removed;
}

/// Mirror of `lede::Source`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Source {
    url: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    site_name: Option<String>,
    language: Option<String>,
    text: String,
}

impl From<Source> for lede::Source {
    fn from(m: Source) -> Self {
        lede::Source {
            url: m.url,
            authors: m.authors,
            published: m.published,
            site_name: m.site_name,
            language: m.language,
            text: m.text,
        }
    }
}

impl Mirrored for lede::Source {
    type Mirror = Source;
}

/// Mirror of `lede::Summary`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Summary {
    id: Option<String>,
    algorithm: String,
    title: Option<TextSpan>,
    given_highlights: Vec<TextSpan>,
    bullets: Vec<Bullet>,
    sentence_count: usize,
    removed: Vec<Removed>,
    source: Option<Source>,
}

impl From<Summary> for lede::Summary {
    fn from(m: Summary) -> Self {
        lede::Summary {
            id: m.id,
            algorithm: m.algorithm,
            title: m.title.map(Into::into),
            given_highlights: m.given_highlights.into_iter().map(Into::into).collect(),
            bullets: m.bullets.into_iter().map(Into::into).collect(),
            sentence_count: m.sentence_count,
            removed: m.removed.into_iter().map(Into::into).collect(),
            source: m.source.map(Into::into),
        }
    }
}

impl Mirrored for lede::Summary {
    type Mirror = Summary;
}

/// Mirror of `lede_html::Article`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Article {
    title: String,
    authors: Vec<String>,
    published: Option<String>,
    site_name: Option<String>,
    language: Option<String>,
    paragraphs: Vec<String>,
    highlights: Vec<String>,
}

impl From<Article> for lede_html::Article {
    fn from(m: Article) -> Self {
        lede_html::Article {
            title: m.title,
            authors: m.authors,
            published: m.published,
            site_name: m.site_name,
            language: m.language,
            paragraphs: m.paragraphs,
            highlights: m.highlights,
        }
    }
}

impl Mirrored for lede_html::Article {
    type Mirror = Article;
}
