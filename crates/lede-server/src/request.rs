//! Request bodies: the Content-Type check, JSON parsing with errors that
//! name the field at fault, and raw HTML pages with options in the query.

use axum::http::{header, HeaderMap, StatusCode};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::error::ApiError;

/// How a POST body is read, from its `Content-Type`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BodyType {
    /// `application/json` (UTF-8).
    Json,
    /// `text/html`: the body is the page; the full header value is kept for
    /// its charset.
    Html(String),
}

/// Checks the `Content-Type` of a POST: `application/json` (with at most a
/// UTF-8 charset), or `text/html` where `html` allows raw pages. Anything
/// else, `text/plain` and form types included (which browsers send from any
/// site without asking first), or none at all gets 415.
pub(crate) fn body_type(headers: &HeaderMap, html: bool) -> Result<BodyType, ApiError> {
    let accepted = if html {
        "`application/json` or `text/html`"
    } else {
        "`application/json`"
    };
    let refuse = |what: String| {
        ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("{what}; send {accepted}"),
        )
    };
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Err(refuse("the request has no Content-Type".into()));
    };
    let value = value
        .to_str()
        .map_err(|_| refuse("the Content-Type is not ASCII".into()))?;
    let mut parts = value.split(';');
    let mime = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    match mime.as_str() {
        "application/json" => {
            for param in parts {
                let (name, charset) = param.split_once('=').unwrap_or((param, ""));
                let charset = charset.trim().trim_matches('"');
                if name.trim().eq_ignore_ascii_case("charset")
                    && !charset.eq_ignore_ascii_case("utf-8")
                {
                    return Err(refuse(format!("JSON must be UTF-8, not {charset}")));
                }
            }
            Ok(BodyType::Json)
        }
        "text/html" if html => Ok(BodyType::Html(value.to_owned())),
        _ => Err(refuse(format!("Content-Type `{value}` is not accepted"))),
    }
}

/// Where the article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    /// Plain text.
    Text(String),
    /// An HTML page.
    Html(String),
    /// A page to download.
    Url(String),
    /// A page posted as the request body.
    Page(Page),
}

/// A page posted as a `text/html` body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Page {
    /// The page's bytes.
    pub(crate) body: Vec<u8>,
    /// The request's `Content-Type`, whose charset decodes the body.
    pub(crate) content_type: String,
    /// The page's address from `?url=`, for metadata only (never fetched).
    pub(crate) url: Option<String>,
}

impl Input {
    /// The request field that held the input.
    pub(crate) fn field(&self) -> &'static str {
        match self {
            Input::Text(_) => "text",
            Input::Html(_) => "html",
            Input::Url(_) => "url",
            Input::Page(_) => "body",
        }
    }
}

/// A checked `/v1/summarize` request (also one batch item).
#[derive(Debug, Clone)]
pub(crate) struct SummarizeRequest {
    pub(crate) input: Input,
    pub(crate) options: lede::Options,
}

const SUMMARIZE_FIELDS: [&str; 11] = [
    "text",
    "html",
    "url",
    "sentences",
    "words",
    "chars",
    "ratio",
    "algorithm",
    "max_overlap",
    "language",
    "at_least_one",
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
    language: Option<String>,
    at_least_one: Option<bool>,
}

#[derive(Deserialize)]
struct RawExtract {
    html: Option<String>,
    url: Option<String>,
}

/// The query string's pairs as a JSON object, numbers as numbers; a
/// name given twice is refused.
pub(crate) fn query(uri: &axum::http::Uri) -> Result<Map<String, Value>, ApiError> {
    let axum::extract::Query(pairs) =
        axum::extract::Query::<Vec<(String, String)>>::try_from_uri(uri).map_err(|e| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_query",
                format!("the query string cannot be read: {e}"),
            )
        })?;
    let mut map = Map::new();
    for (name, value) in pairs {
        let value = match (serde_json::from_str::<serde_json::Number>(&value), &*value) {
            _ if name == "url" => Value::String(value),
            (Ok(number), _) => Value::Number(number),
            (_, "true") => Value::Bool(true),
            (_, "false") => Value::Bool(false),
            _ => Value::String(value),
        };
        if map.insert(name.clone(), value).is_some() {
            return Err(ApiError::bad_request(
                "conflicting_input",
                &name,
                format!("`{name}` is given twice in the query"),
            ));
        }
    }
    Ok(map)
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
    let mut raw: RawSummarize = typed(map, &SUMMARIZE_FIELDS, prefix)?;
    let input = one_input(
        [
            ("text", raw.text.take()),
            ("html", raw.html.take()),
            ("url", raw.url.take()),
        ],
        prefix,
    )?;
    let options = options(raw, prefix)?;
    Ok(SummarizeRequest { input, options })
}

/// Checks a summarize request whose body is the page: the options and the
/// page's `url` come from the query string.
pub(crate) fn summarize_page(
    mut query: Map<String, Value>,
    body: Vec<u8>,
    content_type: String,
) -> Result<SummarizeRequest, ApiError> {
    let url = page_url(&mut query)?;
    let raw: RawSummarize = typed(query, &SUMMARIZE_FIELDS[3..], "")?;
    let options = options(raw, "")?;
    Ok(SummarizeRequest {
        input: page(body, content_type, url)?,
        options,
    })
}

/// Checks an extract request whose body is the page (`url` may be in the query).
pub(crate) fn extract_page(
    mut query: Map<String, Value>,
    body: Vec<u8>,
    content_type: String,
) -> Result<Input, ApiError> {
    let url = page_url(&mut query)?;
    let _: RawExtract = typed(query, &[], "")?;
    page(body, content_type, url)
}

fn page_url(query: &mut Map<String, Value>) -> Result<Option<String>, ApiError> {
    match query.remove("url") {
        Some(Value::String(url)) if !url.trim().is_empty() => Ok(Some(url)),
        Some(_) => Err(ApiError::bad_request(
            "empty_input",
            "url",
            "`url` in the query is empty",
        )),
        None => Ok(None),
    }
}

fn page(body: Vec<u8>, content_type: String, url: Option<String>) -> Result<Input, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request(
            "empty_input",
            "body",
            "the request body (the page) is empty",
        ));
    }
    Ok(Input::Page(Page {
        body,
        content_type,
        url,
    }))
}

/// The summary options of a request, checked.
fn options(raw: RawSummarize, prefix: &str) -> Result<lede::Options, ApiError> {
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
    options.length_at_least_one = raw.at_least_one.unwrap_or(false);
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
    if let Some(tag) = raw.language {
        options.set_language_tag(&tag).map_err(|e| {
            ApiError::bad_request(
                "invalid_option",
                &format!("{prefix}language"),
                e.to_string(),
            )
        })?;
    }
    Ok(options)
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
        let err = parse(json!({"text": "x", "language": "klingon"})).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("language"));
        let ok = parse(json!({"text": "x", "language": "de-CH"})).unwrap();
        assert_eq!(ok.options.language, Some(lede::lang::Language::German));
        assert!(!ok.options.language_neutral);
        // A well-formed tag lede has no resources for: language-neutral rules.
        let neutral = parse(json!({"text": "x", "language": "vi"})).unwrap();
        assert_eq!(neutral.options.language, None);
        assert!(neutral.options.language_neutral);
        let ok = parse(json!({"text": "x", "words": 40, "algorithm": "TextRank"})).unwrap();
        assert_eq!(ok.options.length, lede::Length::Words(40));
        assert_eq!(ok.options.algorithm, lede::Algorithm::TextRank);
        assert!(!ok.options.length_at_least_one);
        let anyway = parse(json!({"text": "x", "words": 4, "at_least_one": true})).unwrap();
        assert!(anyway.options.length_at_least_one);
        let err = parse(json!({"text": "x", "at_least_one": "yes"})).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("at_least_one"));
    }

    fn headers(content_type: Option<&str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Some(value) = content_type {
            headers.insert(header::CONTENT_TYPE, value.parse().unwrap());
        }
        headers
    }

    #[test]
    fn only_json_and_where_allowed_html_bodies_are_read() {
        for value in ["application/json", "APPLICATION/JSON ; Charset=UTF-8"] {
            assert_eq!(body_type(&headers(Some(value)), false), Ok(BodyType::Json));
        }
        assert_eq!(
            body_type(&headers(Some("text/html; charset=latin1")), true),
            Ok(BodyType::Html("text/html; charset=latin1".into()))
        );
        for (value, html) in [
            (None, true),
            (Some("text/html"), false),
            (Some("text/plain"), true),
            (Some("application/x-www-form-urlencoded"), true),
            (Some("application/json; charset=utf-16"), true),
        ] {
            let err = body_type(&headers(value), html).unwrap_err();
            assert_eq!(
                (err.status, err.code),
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
                "{value:?}"
            );
        }
    }

    #[test]
    fn query_values_keep_their_types() {
        let uri: axum::http::Uri =
            "/v1/summarize?sentences=2&ratio=0.5&algorithm=lead&url=true&at_least_one=true"
                .parse()
                .unwrap();
        let map = query(&uri).unwrap();
        assert_eq!(
            Value::Object(map),
            json!({"sentences": 2, "ratio": 0.5, "algorithm": "lead", "url": "true", "at_least_one": true})
        );
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
