//! Where results go: stdout or a file (`-o`, appended to with `--resume`),
//! written one whole record at a time and flushed at record boundaries.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::Context;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// The prefix of every error message, the one clap's usage errors use too.
pub const ERROR: &str = "error:";
/// The prefix of every warning.
pub const WARNING: &str = "warning:";

/// Whether `err` is a write to a closed pipe (`lede ... | head`), which ends
/// the run quietly with status 0.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// An output stream that is flushed after every record.
pub struct Output {
    inner: BufWriter<Box<dyn Write + Send>>,
}

impl Output {
    /// Stdout, or the file at `path` (created or truncated, or appended to
    /// when `append`).
    pub fn open(path: Option<&Path>, append: bool) -> anyhow::Result<Output> {
        let inner: Box<dyn Write + Send> = match path {
            None => Box::new(io::stdout()),
            Some(path) => Box::new(
                if append {
                    OpenOptions::new().create(true).append(true).open(path)
                } else {
                    File::create(path)
                }
                .with_context(|| format!("cannot create {}", path.display()))?,
            ),
        };
        Ok(Output {
            inner: BufWriter::with_capacity(1 << 16, inner),
        })
    }

    /// Writes one record (a whole line or block) and flushes it.
    pub fn record(&mut self, text: &str) -> anyhow::Result<()> {
        self.inner
            .write_all(text.as_bytes())
            .and_then(|()| self.inner.flush())
            .context("cannot write output")
    }
}

/// The compact JSON line of `summary` with a top-level `url`, byte for
/// byte as `serde_json::Value` prints it (keys sorted, the `f32` score
/// widened to `f64`, a non-finite score as `null`), written straight into
/// one buffer instead of through a `Value` tree per record.
///
/// Every struct is destructured field by field, so a field added to the
/// summary does not compile until it is written here too.
pub fn json_line_with_url(summary: &lede::Summary, url: &str) -> String {
    let mut out = Vec::with_capacity(1024);
    serde_json::to_writer(&mut out, &SummaryJson { summary, url }).expect("summaries serialize");
    out.push(b'\n');
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

struct SummaryJson<'a> {
    summary: &'a lede::Summary,
    url: &'a str,
}

impl Serialize for SummaryJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let lede::Summary {
            id,
            algorithm,
            language,
            title,
            given_highlights,
            bullets,
            sentence_count,
            removed,
            source,
            warnings,
        } = self.summary;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("algorithm", algorithm)?;
        map.serialize_entry("bullets", &Each(bullets, BulletJson))?;
        map.serialize_entry("given_highlights", &Each(given_highlights, SpanJson))?;
        if let Some(id) = id {
            map.serialize_entry("id", id)?;
        }
        map.serialize_entry("language", language)?;
        map.serialize_entry("removed", &Each(removed, RemovedJson))?;
        map.serialize_entry("sentence_count", sentence_count)?;
        // Rare (pages, warnings): through `Value`, which sorts their keys.
        if let Some(source) = source {
            let value = serde_json::to_value(source).map_err(serde::ser::Error::custom)?;
            map.serialize_entry("source", &value)?;
        }
        map.serialize_entry("title", &title.as_ref().map(SpanJson))?;
        map.serialize_entry("url", self.url)?;
        if !warnings.is_empty() {
            let value = serde_json::to_value(warnings).map_err(serde::ser::Error::custom)?;
            map.serialize_entry("warnings", &value)?;
        }
        map.end()
    }
}

/// A list whose items serialize through the wrapper `F`.
struct Each<'a, T, F>(&'a [T], fn(&'a T) -> F);

impl<'a, T, F: Serialize> Serialize for Each<'a, T, F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(self.1))
    }
}

/// A score as `Value` holds an `f32`.
struct Score(f32);

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.is_finite() {
            s.serialize_f64(f64::from(self.0))
        } else {
            s.serialize_unit()
        }
    }
}

struct SpanJson<'a>(&'a lede::TextSpan);

impl Serialize for SpanJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        span_map(s, self.0, |_| Ok(()))
    }
}

/// `span`'s fields as a map in sorted key order, with the `fields` that sort
/// between `end` and `start` (every other field of bullets and removals does).
fn span_map<S: Serializer>(
    s: S,
    span: &lede::TextSpan,
    fields: impl FnOnce(&mut S::SerializeMap) -> Result<(), S::Error>,
) -> Result<S::Ok, S::Error> {
    let lede::TextSpan {
        text,
        start,
        end,
        byte_start,
        byte_end,
    } = span;
    let mut map = s.serialize_map(None)?;
    map.serialize_entry("byte_end", byte_end)?;
    map.serialize_entry("byte_start", byte_start)?;
    map.serialize_entry("end", end)?;
    fields(&mut map)?;
    map.serialize_entry("start", start)?;
    map.serialize_entry("text", text)?;
    map.end()
}

struct BulletJson<'a>(&'a lede::Bullet);

impl Serialize for BulletJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let lede::Bullet {
            span,
            score,
            rank,
            sentence_index,
            standfirst,
        } = self.0;
        span_map(s, span, |map| {
            map.serialize_entry("rank", rank)?;
            map.serialize_entry("score", &Score(*score))?;
            map.serialize_entry("sentence_index", sentence_index)?;
            if *standfirst {
                map.serialize_entry("standfirst", standfirst)?;
            }
            Ok(())
        })
    }
}

struct RemovedJson<'a>(&'a lede::render::Removed);

impl Serialize for RemovedJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let lede::render::Removed { span, reason } = self.0;
        span_map(s, span, |map| map.serialize_entry("reason", reason))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line the way it was made before: through `serde_json::Value`.
    fn via_value(summary: &lede::Summary, url: &str) -> String {
        let mut value = serde_json::to_value(summary).unwrap();
        value["url"] = url.into();
        value.to_string() + "\n"
    }

    #[test]
    fn lines_with_a_url_are_the_value_lines() {
        let summarizer = lede::Summarizer::new().unwrap();
        let text = "Paris (CNN) -- Storm hits the coast\n\nA storm hit the \"coast\" on Monday, \
                    officials said. Trees fell in 12 towns and 3,000 homes lost power. \
                    Schools closed on Tuesday. Caf\u{e9} owners counted the cost.\n\n\
                    A storm hit the \"coast\" on Monday, officials said.\n\nMore: the \u{2603} report.";
        let page = "<html><head><title>Storm</title><meta name=author content=\"A. Writer\"></head>\
                    <body><article><h1>Storm hits the coast</h1><p>A storm hit the coast on Monday, \
                    officials said, and trees fell.</p><p>Schools closed on Tuesday after the storm \
                    hit.</p></article></body></html>";
        let mut summaries = Vec::new();
        for algorithm in lede::Algorithm::ALL {
            let options = lede::Options {
                algorithm,
                ..lede::Options::default()
            };
            summaries.push(summarizer.summarize(text, &options).unwrap());
            let html = lede::Input::Html {
                html: page,
                url: Some("http://127.0.0.1/storm"),
            };
            summaries.push(summarizer.summarize(html, &options).unwrap());
        }
        let mut odd = summaries[0].clone();
        odd.id = Some("id \"7\"".into());
        odd.bullets[0].score = f32::NAN;
        odd.bullets[1].score = 1e-7;
        odd.bullets[1].standfirst = true;
        odd.warnings
            .push(lede::Warning::BodyTruncated { sentences: 3 });
        odd.warnings
            .push(lede::Warning::PageTruncated { bytes: 10 });
        summaries.push(odd);
        for summary in &summaries {
            for url in ["http://127.0.0.1/a?b=\"c\"", ""] {
                assert_eq!(json_line_with_url(summary, url), via_value(summary, url));
            }
        }
        assert!(summaries
            .iter()
            .any(|s| s.source.is_some() && !s.removed.is_empty() || s.title.is_some()));
    }
}
