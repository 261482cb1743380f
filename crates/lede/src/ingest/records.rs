//! Streaming reader for corpora of JSON lines (`.jsonl`, `.jsonl.gz`).

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use std::borrow::Cow;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, Result};

/// One document of a corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// 1-based line number in the corpus file.
    pub line: usize,
    /// The record's `id` (strings kept as is, numbers rendered as text).
    pub id: String,
    /// The article: the `article` field, else `text`, else `html`; empty
    /// for a record that gives only a `url` to fetch.
    pub article: String,
    /// Whether the article came from an `html` field.
    pub is_html: bool,
    /// The `url` field: the page's address for an `html` record, the page
    /// to fetch for a record without an article.
    pub url: Option<String>,
    /// Reference highlights (`highlights`: a list of strings, or one string
    /// with one bullet per line), empty when absent.
    pub highlights: Vec<String>,
}

/// A line of a corpus that could not be turned into a [`Record`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct RecordError {
    /// 1-based line number in the corpus file.
    pub line: usize,
    /// The record's id, when it could be read.
    pub id: Option<String>,
    /// What is wrong with the line.
    pub message: String,
}

/// Iterator over the records of a JSON-lines corpus.
///
/// Blank lines are skipped. A line longer than the size limit is skipped
/// without being held in memory and reported as a [`RecordError`].
pub struct Records<R> {
    reader: R,
    line: usize,
    max_line_bytes: usize,
    buf: Vec<u8>,
    failed: bool,
}

/// Opens a corpus file; `.gz` files are decompressed on the fly.
pub fn open_corpus(path: &Path, max_line_bytes: usize) -> Result<Records<Box<dyn BufRead + Send>>> {
    let file = File::open(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    let reader: Box<dyn BufRead + Send> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::read::MultiGzDecoder::new(BufReader::new(file)),
        ))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, file))
    };
    Ok(Records::new(reader, max_line_bytes))
}

impl<R: BufRead> Records<R> {
    /// Reads records from `reader`, allowing lines of up to `max_line_bytes`.
    pub fn new(reader: R, max_line_bytes: usize) -> Self {
        Records {
            reader,
            line: 0,
            max_line_bytes,
            buf: Vec::new(),
            failed: false,
        }
    }

    /// Reads one line into `self.buf`, stopping at the size limit.
    /// Returns `Ok(None)` at end of input and `Ok(Some(false))` when the
    /// line was too long (the rest of it has been skipped).
    fn read_line(&mut self) -> std::io::Result<Option<bool>> {
        self.buf.clear();
        let limit = self.max_line_bytes as u64 + 1;
        let n = (&mut self.reader)
            .take(limit)
            .read_until(b'\n', &mut self.buf)?;
        if n == 0 {
            return Ok(None);
        }
        if self.buf.last() == Some(&b'\n') || (n as u64) < limit {
            return Ok(Some(true));
        }
        // Too long: drop the rest of the line in bounded chunks.
        loop {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                break;
            }
            match available.iter().position(|&b| b == b'\n') {
                Some(pos) => {
                    self.reader.consume(pos + 1);
                    break;
                }
                None => {
                    let len = available.len();
                    self.reader.consume(len);
                }
            }
        }
        Ok(Some(false))
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Result<Record, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        loop {
            let read = self.read_line();
            self.line += 1;
            let line = self.line;
            match read {
                Ok(None) => return None,
                Err(e) => {
                    self.failed = true;
                    return Some(Err(RecordError {
                        line,
                        id: None,
                        message: format!("read error: {e}"),
                    }));
                }
                Ok(Some(false)) => {
                    return Some(Err(RecordError {
                        line,
                        id: None,
                        message: format!("line is longer than {} bytes", self.max_line_bytes),
                    }))
                }
                Ok(Some(true)) => {
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(parse_record(&self.buf, line));
                }
            }
        }
    }
}

/// A JSON value as the record reader needs it: strings borrowed from the
/// line where they hold no escapes, numbers kept, everything else only
/// checked (parsed fully, so a line fails exactly where a full parse into
/// [`serde_json::Value`] would) and dropped.
enum Field<'a> {
    Null,
    Str(Cow<'a, str>),
    Number(serde_json::Number),
    List(Vec<Field<'a>>),
    Other,
}

impl<'de> Deserialize<'de> for Field<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FieldVisitor)
    }
}

struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Field<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Field<'de>, E> {
        Ok(Field::Null)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Field<'de>, E> {
        Ok(Field::Other)
    }

    fn visit_u64<E>(self, n: u64) -> Result<Field<'de>, E> {
        Ok(Field::Number(n.into()))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Field<'de>, E> {
        Ok(Field::Number(n.into()))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Field<'de>, E> {
        Ok(serde_json::Number::from_f64(n).map_or(Field::Other, Field::Number))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Field<'de>, E> {
        Ok(Field::Str(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Field<'de>, E> {
        Ok(Field::Str(Cow::Owned(s.to_owned())))
    }

    fn visit_string<E>(self, s: String) -> Result<Field<'de>, E> {
        Ok(Field::Str(Cow::Owned(s)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Field<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Field::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field<'de>, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Field::Other)
    }
}

/// A JSON value the reader does not need: parsed as fully as a [`Field`]
/// (so the same lines fail), but nothing of it is kept or copied.
struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SkipVisitor)
    }
}

struct SkipVisitor;

impl<'de> Visitor<'de> for SkipVisitor {
    type Value = Skip;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_str<E>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Skip)
    }
}

/// The fields of a record line, the last of each name winning (as in a
/// JSON object read into a map); `None` for a line that is not an object.
#[derive(Default)]
struct Fields<'a> {
    id: Option<Field<'a>>,
    article: Option<Field<'a>>,
    text: Option<Field<'a>>,
    html: Option<Field<'a>>,
    url: Option<Field<'a>>,
    highlights: Option<Field<'a>>,
}

/// The name of a record field, read without allocating.
enum Key {
    Id,
    Article,
    Text,
    Html,
    Url,
    Highlights,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E>(self, s: &str) -> Result<Key, E> {
        Ok(match s {
            "id" => Key::Id,
            "article" => Key::Article,
            "text" => Key::Text,
            "html" => Key::Html,
            "url" => Key::Url,
            "highlights" => Key::Highlights,
            _ => Key::Other,
        })
    }
}

struct Line<'a>(Option<Fields<'a>>);

impl<'de> Deserialize<'de> for Line<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LineVisitor)
    }
}

struct LineVisitor;

impl LineVisitor {
    fn not_object<E>(self) -> Result<Line<'static>, E> {
        Ok(Line(None))
    }
}

impl<'de> Visitor<'de> for LineVisitor {
    type Value = Line<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Line<'de>, E> {
        self.not_object()
    }

    fn visit_bool<E>(self, _: bool) -> Result<Line<'de>, E> {
        self.not_object()
    }

    fn visit_u64<E>(self, _: u64) -> Result<Line<'de>, E> {
        self.not_object()
    }

    fn visit_i64<E>(self, _: i64) -> Result<Line<'de>, E> {
        self.not_object()
    }

    fn visit_f64<E>(self, _: f64) -> Result<Line<'de>, E> {
        self.not_object()
    }

    fn visit_str<E>(self, _: &str) -> Result<Line<'de>, E> {
        self.not_object()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Line<'de>, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        self.not_object()
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Line<'de>, A::Error> {
        let mut fields = Fields::default();
        while let Some(key) = map.next_key::<Key>()? {
            let slot = match key {
                Key::Id => &mut fields.id,
                Key::Article => &mut fields.article,
                Key::Text => &mut fields.text,
                Key::Html => &mut fields.html,
                Key::Url => &mut fields.url,
                Key::Highlights => &mut fields.highlights,
                Key::Other => {
                    map.next_value::<Skip>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value()?);
        }
        Ok(Line(Some(fields)))
    }
}

/// Parses one JSON line into a record.
pub fn parse_record(bytes: &[u8], line: usize) -> Result<Record, RecordError> {
    let fail = |id: Option<String>, message: String| RecordError { line, id, message };
    let Line(fields) =
        serde_json::from_slice(bytes).map_err(|e| fail(None, format!("invalid JSON: {e}")))?;
    let Some(mut fields) = fields else {
        return Err(fail(None, "expected a JSON object".into()));
    };
    let id = match fields.id.take() {
        Some(Field::Str(s)) => s.into_owned(),
        Some(Field::Number(n)) => n.to_string(),
        Some(Field::Null) | None => format!("line-{line}"),
        Some(_) => {
            return Err(fail(
                None,
                "field \"id\" must be a string or a number".into(),
            ))
        }
    };
    let mut article = None;
    let mut is_html = false;
    for (field, value, html) in [
        ("article", fields.article.take(), false),
        ("text", fields.text.take(), false),
        ("html", fields.html.take(), true),
    ] {
        match value {
            Some(Field::Str(s)) => {
                article = Some(s.into_owned());
                is_html = html;
                break;
            }
            Some(Field::Null) | None => {}
            Some(_) => {
                return Err(fail(
                    Some(id),
                    format!("field \"{field}\" must be a string"),
                ))
            }
        }
    }
    let url = match fields.url.take() {
        Some(Field::Str(s)) => Some(s.into_owned()),
        Some(Field::Null) | None => None,
        Some(_) => return Err(fail(Some(id), "field \"url\" must be a string".into())),
    };
    let article = match (article, &url) {
        (Some(article), _) => article,
        (None, Some(_)) => String::new(),
        (None, None) => {
            return Err(fail(
                Some(id),
                "missing field \"article\" (or \"text\" / \"html\" / \"url\")".into(),
            ))
        }
    };
    let highlights = match fields.highlights.take() {
        None | Some(Field::Null) => Vec::new(),
        Some(Field::Str(s)) => s
            .lines()
            .map(str::to_owned)
            .filter(|l| !l.trim().is_empty())
            .collect(),
        Some(Field::List(items)) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Field::Str(s) => out.push(s.into_owned()),
                    _ => {
                        return Err(fail(
                            Some(id),
                            "field \"highlights\" must hold strings".into(),
                        ))
                    }
                }
            }
            out
        }
        Some(_) => {
            return Err(fail(
                Some(id),
                "field \"highlights\" must be a list of strings".into(),
            ))
        }
    };
    Ok(Record {
        line,
        id,
        article,
        is_html,
        url,
        highlights,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &str, limit: usize) -> Vec<Result<Record, RecordError>> {
        Records::new(input.as_bytes(), limit).collect()
    }

    #[test]
    fn reads_records_and_reports_bad_lines() {
        let input = concat!(
            "{\"id\":\"a\",\"article\":\"One. Two.\",\"highlights\":[\"one\"]}\n",
            "\n",
            "not json\n",
            "{\"id\":7,\"text\":\"Seven.\"}\n",
            "{\"id\":\"b\"}\n",
            "{\"id\":\"c\",\"article\":\"x\",\"highlights\":\"h1\\nh2\"}",
        );
        let out = read_all(input, 1000);
        assert_eq!(out.len(), 5);
        let first = out[0].as_ref().unwrap();
        assert_eq!((first.id.as_str(), first.line), ("a", 1));
        assert_eq!(first.highlights, vec!["one"]);
        assert_eq!(out[1].as_ref().unwrap_err().line, 3);
        assert_eq!(out[2].as_ref().unwrap().id, "7");
        let missing = out[3].as_ref().unwrap_err();
        assert_eq!(missing.id.as_deref(), Some("b"));
        assert!(missing.message.contains("missing field"));
        assert_eq!(out[4].as_ref().unwrap().highlights, vec!["h1", "h2"]);
    }

    #[test]
    fn null_ids_are_missing_ids_and_urls_are_kept() {
        let input = concat!(
            "{\"id\":null,\"article\":\"One.\"}\n",
            "{\"article\":\"Two.\"}\n",
            "{\"id\":\"p\",\"html\":\"<p>Hi.</p>\",\"url\":\"http://127.0.0.1/p\"}\n",
            "{\"id\":\"u\",\"url\":\"http://127.0.0.1/u\"}\n",
            "{\"id\":\"bad\",\"url\":3}\n",
        );
        let out = read_all(input, 1000);
        assert_eq!(out[0].as_ref().unwrap().id, "line-1");
        assert_eq!(out[1].as_ref().unwrap().id, "line-2");
        let page = out[2].as_ref().unwrap();
        assert!(page.is_html);
        assert_eq!(page.url.as_deref(), Some("http://127.0.0.1/p"));
        let fetch = out[3].as_ref().unwrap();
        assert_eq!(
            (fetch.article.as_str(), fetch.url.as_deref()),
            ("", Some("http://127.0.0.1/u"))
        );
        assert!(out[4].as_ref().unwrap_err().message.contains("\"url\""));
    }

    #[test]
    fn skips_overlong_lines_without_losing_the_next() {
        let long = format!("{{\"id\":\"big\",\"article\":\"{}\"}}", "x".repeat(5000));
        let input = format!("{long}\n{{\"id\":\"small\",\"article\":\"ok\"}}\n");
        let out = read_all(&input, 100);
        assert_eq!(out.len(), 2);
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .message
            .contains("longer than 100"));
        assert_eq!(out[1].as_ref().unwrap().id, "small");
    }

    /// The reader's behaviour before borrowed parsing, through
    /// `serde_json::Value`: the reference the parser must match exactly.
    fn parse_via_value(bytes: &[u8], line: usize) -> Result<Record, RecordError> {
        use serde_json::Value;
        let fail = |id: Option<String>, message: String| RecordError { line, id, message };
        let value: Value =
            serde_json::from_slice(bytes).map_err(|e| fail(None, format!("invalid JSON: {e}")))?;
        let Value::Object(mut map) = value else {
            return Err(fail(None, "expected a JSON object".into()));
        };
        let id = match map.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Null) | None => format!("line-{line}"),
            Some(_) => {
                return Err(fail(
                    None,
                    "field \"id\" must be a string or a number".into(),
                ))
            }
        };
        let mut article = None;
        let mut is_html = false;
        for (field, html) in [("article", false), ("text", false), ("html", true)] {
            match map.remove(field) {
                Some(Value::String(s)) => {
                    article = Some(s);
                    is_html = html;
                    break;
                }
                Some(Value::Null) | None => {}
                Some(_) => {
                    return Err(fail(
                        Some(id),
                        format!("field \"{field}\" must be a string"),
                    ))
                }
            }
        }
        let url = match map.remove("url") {
            Some(Value::String(s)) => Some(s),
            Some(Value::Null) | None => None,
            Some(_) => return Err(fail(Some(id), "field \"url\" must be a string".into())),
        };
        let article = match (article, &url) {
            (Some(article), _) => article,
            (None, Some(_)) => String::new(),
            (None, None) => {
                return Err(fail(
                    Some(id),
                    "missing field \"article\" (or \"text\" / \"html\" / \"url\")".into(),
                ))
            }
        };
        let highlights = match map.remove("highlights") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => s
                .lines()
                .map(str::to_owned)
                .filter(|l| !l.trim().is_empty())
                .collect(),
            Some(Value::Array(items)) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) => out.push(s),
                        _ => {
                            return Err(fail(
                                Some(id),
                                "field \"highlights\" must hold strings".into(),
                            ))
                        }
                    }
                }
                out
            }
            Some(_) => {
                return Err(fail(
                    Some(id),
                    "field \"highlights\" must be a list of strings".into(),
                ))
            }
        };
        Ok(Record {
            line,
            id,
            article,
            is_html,
            url,
            highlights,
        })
    }

    #[test]
    fn borrowed_parsing_matches_value_parsing_on_edge_cases() {
        let lines: &[&[u8]] = &[
            br#"{"id":"a","article":"plain"}"#,
            br#"{"id":"a\"b","article":"esc\"aped \u00e9 \ud83d\ude00","highlights":["x\ny",""]}"#,
            br#"{"id":"dup","id":7,"article":"one","article":"two"}"#,
            br#"{"id":-3,"text":"t","article":null}"#,
            br#"{"id":1.5e3,"html":"<p>x</p>"}"#,
            br#"{"id":12345678901234567890,"article":"big"}"#,
            br#"{"id":1e400,"article":"x"}"#,
            br#"{"id":true,"article":"x"}"#,
            br#"{"id":null,"article":"x"}"#,
            br#"{"id":"n","article":7}"#,
            br#"{"id":"n","article":"a","text":7}"#,
            br#"{"id":"n","text":[1],"html":"h"}"#,
            br#"{"id":"n"}"#,
            br#"{"article":"x","highlights":"one\n\n  \ntwo\r\nthree"}"#,
            br#"{"article":"x","highlights":["a",1]}"#,
            br#"{"article":"x","highlights":{"a":1}}"#,
            br#"{"article":"x","highlights":true}"#,
            br#"{"article":"x","url":"\ud800","other":{"deep":[1,{"k":"v"}]}}"#,
            br#"{"article":"x","url":"\ud800\u0041"}"#,
            br#"{"article":"x","bad":"\q"}"#,
            b"{\"article\":\"x\",\"bad\":\"\xff\xfe\"}",
            b"{\"article\":\"\xc3\xa9t\xc3\xa9\"}",
            b"{\"article\":\"x\",\"ctl\":\"a\x01b\"}",
            br#"{"article":"x"} trailing"#,
            br#"{"article":"x",}"#,
            br#"{"article":"x""#,
            br#"{"article" "x"}"#,
            br#"{1:"x"}"#,
            br#"[1,2,{"a":"b"}]"#,
            br#""just a string""#,
            br#"42"#,
            br#"null"#,
            br#"[1,2"#,
            b"",
            b"   ",
        ];
        for (k, &line) in lines.iter().enumerate() {
            assert_eq!(
                parse_record(line, k + 1),
                parse_via_value(line, k + 1),
                "line {}",
                String::from_utf8_lossy(line)
            );
        }
        let deep = format!(
            "{{\"article\":\"x\",\"n\":{}{}}}",
            "[".repeat(200),
            "]".repeat(200)
        );
        assert_eq!(
            parse_record(deep.as_bytes(), 1),
            parse_via_value(deep.as_bytes(), 1)
        );
    }

    fn json_value() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just("null".to_owned()),
            Just("true".to_owned()),
            any::<i64>().prop_map(|n| n.to_string()),
            any::<f64>().prop_map(|n| format!("{n:e}")),
            "([a-z \\n]|\\\\[\"\\\\/bfnrt]|\\\\u00e9|\\\\ud83d\\\\ude00|\\\\ud800|é|\\\\x){0,12}"
                .prop_map(|s| format!("\"{s}\"")),
        ];
        leaf.prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4)
                    .prop_map(|items| format!("[{}]", items.join(","))),
                proptest::collection::vec(("(id|article|x)", inner), 0..3).prop_map(|fields| {
                    let fields: Vec<String> =
                        fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
                    format!("{{{}}}", fields.join(","))
                }),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn borrowed_parsing_matches_value_parsing(
            fields in proptest::collection::vec(
                ("(id|article|text|html|highlights|url)", json_value()), 0..6),
            cut in proptest::option::of(0usize..400),
        ) {
            let fields: Vec<String> =
                fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
            let mut line = format!("{{{}}}", fields.join(",")).into_bytes();
            if let Some(cut) = cut {
                line.truncate(cut);
            }
            proptest::prop_assert_eq!(parse_record(&line, 3), parse_via_value(&line, 3));
        }
    }
}
