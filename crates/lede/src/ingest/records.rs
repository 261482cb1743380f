//! Streaming reader for corpora of JSON lines (`.jsonl`, `.jsonl.gz`).

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use serde_json::Value;

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

/// Parses one JSON line into a record.
pub fn parse_record(bytes: &[u8], line: usize) -> Result<Record, RecordError> {
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
            let mut out = Vec::with_capacity(items.len());
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
}
