//! Request bodies: JSON parsing with errors that name the field at fault.

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::error::ApiError;

/// Where the article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    /// Plain text.
    Text(String),
    /// An HTML page.
    Html(String),
    /// A page to download.
    Url(String),
}

impl Input {
    /// The request field that held the input.
    pub(crate) fn field(&self) -> &'static str {
        match self {
            Input::Text(_) => "text",
            Input::Html(_) => "html",
            Input::Url(_) => "url",
        }
    }
}

/// A checked `/v1/summarize` request (also one batch item).
#[derive(Debug, Clone)]
pub(crate) struct SummarizeRequest {
    pub(crate) input: Input,
    pub(crate) options: lede::Options,
}

const SUMMARIZE_FIELDS: [&str; 9] = [
    "text",
    "html",
    "url",
    "sentences",
    "words",
    "chars",
    "ratio",
    "algorithm",
    "max_overlap",
];

#[derive(Deserialize)]
struct RawSummarize {
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    sentences: Option<usize>,
    words: Option<usize>,
    chars: Option<usize>,
    ratio: Option<f32>,
    algorithm: Option<String>,
    max_overlap: Option<f32>,
}

#[derive(Deserialize)]
struct RawExtract {
    html: Option<String>,
    url: Option<String>,
}

/// Parses a body as a JSON object.
pub(crate) fn object(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "invalid_json",
            format!("request body is not valid JSON: {e}"),
        )
    })?;
    as_object(value, None)
}

fn as_object(value: Value, field: Option<&str>) -> Result<Map<String, Value>, ApiError> {
    match value {
        Value::Object(map) => Ok(map),
        other => {
            let what = field.map_or("request body".to_owned(), |f| format!("`{f}`"));
            let err = ApiError::new(
                axum::http::StatusCode::BAD_REQUEST,
                "invalid_type",
                format!("{what} must be a JSON object, got {}", kind(&other)),
            );
            Err(match field {
                Some(f) => err.field(f),
                None => err,
            })
        }
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Deserializes `map` into `T` after refusing keys outside `known`;
/// `prefix` is prepended to field names (`items[3].`).
fn typed<T: for<'de> Deserialize<'de>>(
    map: Map<String, Value>,
    known: &[&str],
    prefix: &str,
) -> Result<T, ApiError> {
    if let Some(key) = map.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(ApiError::bad_request(
            "unknown_field",
            &format!("{prefix}{key}"),
            format!(
                "unknown field `{key}` (expected one of: {})",
                known.join(", ")
            ),
        ));
    }
    serde_path_to_error::deserialize(Value::Object(map)).map_err(|e| {
        let field = format!("{prefix}{}", e.path());
        let message = format!("`{field}`: {}", e.inner());
        ApiError::bad_request("invalid_type", &field, message)
    })
}

fn one_input(
    candidates: [(&'static str, Option<String>); 3],
    prefix: &str,
) -> Result<Input, ApiError> {
    let given: Vec<_> = candidates
        .into_iter()
        .filter_map(|(name, v)| v.map(|v| (name, v)))
        .collect();
    let names = "`text`, `html` or `url`";
    match given.len() {
        0 => Err(ApiError::bad_request(
            "missing_input",
            &format!("{prefix}text"),
            format!("give the article as one of {names}"),
        )),
        1 => {
            let (name, value) = given.into_iter().next().expect("one input");
            if value.trim().is_empty() {
                return Err(ApiError::bad_request(
                    "empty_input",
                    &format!("{prefix}{name}"),
                    format!("`{prefix}{name}` is empty"),
                ));
            }
            Ok(match name {
                "text" => Input::Text(value),
                "html" => Input::Html(value),
                _ => Input::Url(value),
            })
        }
        _ => Err(ApiError::bad_request(
            "conflicting_input",
            &format!("{prefix}{}", given[1].0),
            format!("give only one of {names}"),
        )),
    }
}

/// Checks a summarize request (or batch item, with `prefix` like `items[2].`).
pub(crate) fn summarize(
    map: Map<String, Value>,
    prefix: &str,
) -> Result<SummarizeRequest, ApiError> {
    let raw: RawSummarize = typed(map, &SUMMARIZE_FIELDS, prefix)?;
    let input = one_input(
        [("text", raw.text), ("html", raw.html), ("url", raw.url)],
        prefix,
    )?;
    let mut options = lede::Options::default();
    let lengths = [
        ("sentences", raw.sentences.map(lede::Length::Sentences)),
        ("words", raw.words.map(lede::Length::Words)),
        ("chars", raw.chars.map(lede::Length::Chars)),
        ("ratio", raw.ratio.map(lede::Length::Ratio)),
    ];
    let mut chosen = lengths.into_iter().filter_map(|(n, l)| l.map(|l| (n, l)));
    if let Some((name, length)) = chosen.next() {
        if let Some((other, _)) = chosen.next() {
            return Err(ApiError::bad_request(
                "conflicting_length",
                &format!("{prefix}{other}"),
                format!("give only one of `sentences`, `words`, `chars` or `ratio` (got `{name}` and `{other}`)"),
            ));
        }
        length
            .validate()
            .map_err(|m| ApiError::bad_request("invalid_option", &format!("{prefix}{name}"), m))?;
        options.length = length;
    }
    if let Some(name) = raw.algorithm {
        options.algorithm = name.parse().map_err(|e: lede::Error| {
            ApiError::bad_request(
                "invalid_option",
                &format!("{prefix}algorithm"),
                e.to_string(),
            )
        })?;
    }
    if let Some(overlap) = raw.max_overlap {
        if !(0.0..=1.0).contains(&overlap) {
            return Err(ApiError::bad_request(
                "invalid_option",
                &format!("{prefix}max_overlap"),
                format!("max_overlap must be between 0 and 1, got {overlap}"),
            ));
        }
        options.max_overlap = Some(overlap);
    }
    Ok(SummarizeRequest { input, options })
}

/// Checks an extract request: `html` or `url`.
pub(crate) fn extract(map: Map<String, Value>) -> Result<Input, ApiError> {
    let raw: RawExtract = typed(map, &["html", "url"], "")?;
    match one_input([("text", None), ("html", raw.html), ("url", raw.url)], "") {
        Err(e) if e.code == "missing_input" => Err(ApiError::bad_request(
            "missing_input",
            "html",
            "give the page as `html` or `url`",
        )),
        other => other,
    }
}

/// Checks a batch body and returns its items, at most `max` of them.
pub(crate) fn batch(map: Map<String, Value>, max: usize) -> Result<Vec<Value>, ApiError> {
    let mut map = map;
    if let Some(key) = map.keys().find(|k| k.as_str() != "items") {
        return Err(ApiError::bad_request(
            "unknown_field",
            key,
            format!("unknown field `{key}` (expected `items`)"),
        ));
    }
    let items = match map.remove("items") {
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(ApiError::bad_request(
                "invalid_type",
                "items",
                format!("`items` must be an array, got {}", kind(&other)),
            ))
        }
        None => {
            return Err(ApiError::bad_request(
                "missing_input",
                "items",
                "give the articles as `items`, an array of summarize requests",
            ))
        }
    };
    if items.is_empty() || items.len() > max {
        return Err(ApiError::bad_request(
            "invalid_batch_size",
            "items",
            format!("`items` must hold 1 to {max} requests, got {}", items.len()),
        ));
    }
    Ok(items)
}

/// Checks one batch item.
pub(crate) fn batch_item(index: usize, value: Value) -> Result<SummarizeRequest, ApiError> {
    let prefix = format!("items[{index}].");
    let map = as_object(value, Some(&format!("items[{index}]")))?;
    summarize(map, &prefix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(v: Value) -> Result<SummarizeRequest, ApiError> {
        summarize(v.as_object().unwrap().clone(), "")
    }

    #[test]
    fn wrong_type_names_the_field() {
        let err = parse(json!({"text": "a b c.", "sentences": "3"})).unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            ("invalid_type", Some("sentences"))
        );
        let err = parse(json!({"text": 7})).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("text"));
    }

    #[test]
    fn unknown_and_conflicting_fields_are_refused() {
        let err = parse(json!({"text": "x", "sentence": 3})).unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            ("unknown_field", Some("sentence"))
        );
        let err = parse(json!({"text": "x", "html": "<p>x</p>"})).unwrap_err();
        assert_eq!(err.code, "conflicting_input");
        let err = parse(json!({"text": "x", "words": 3, "chars": 9})).unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            ("conflicting_length", Some("chars"))
        );
    }

    #[test]
    fn options_are_checked() {
        let err = parse(json!({"text": "x", "sentences": 0})).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("sentences"));
        let err = parse(json!({"text": "x", "algorithm": "magic"})).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("algorithm"));
        let err = parse(json!({"text": "x", "max_overlap": 2})).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("max_overlap"));
        let ok = parse(json!({"text": "x", "words": 40, "algorithm": "TextRank"})).unwrap();
        assert_eq!(ok.options.length, lede::Length::Words(40));
        assert_eq!(ok.options.algorithm, lede::Algorithm::TextRank);
    }

    #[test]
    fn batch_items_are_prefixed() {
        let err = batch_item(2, json!({"text": "  "})).unwrap_err();
        assert_eq!(
            (err.code, err.field.as_deref()),
            ("empty_input", Some("items[2].text"))
        );
        let err = batch_item(0, json!("text")).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("items[0]"));
    }
}
