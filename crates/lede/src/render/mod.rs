//! Render: the summary as data (JSON, which reads back into the same types) and as text
//! for people.

use std::fmt::Write as _;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::clean::Reason;

/// A piece of the original input, with both character and byte offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// The exact text of the input between the offsets.
    pub text: String,
    /// Start, in Unicode scalar values (characters) from the input's start.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
    /// Start, in UTF-8 bytes.
    pub byte_start: usize,
    /// End (exclusive), in UTF-8 bytes.
    pub byte_end: usize,
}

/// One highlight of the summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bullet {
    /// Where the bullet comes from; `text` is the sentence exactly as in the input.
    #[serde(flatten)]
    pub span: TextSpan,
    /// The scorer's score for the sentence.
    pub score: f32,
    /// 1-based rank of the score among all body sentences.
    pub rank: usize,
    /// 0-based index of the sentence among the body sentences.
    pub sentence_index: usize,
    /// True when the learned default chose the sentence because it opens the page's
    /// standfirst (the publisher's own summary paragraph), whatever its score; always
    /// false for the other algorithms. Written to JSON only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub standfirst: bool,
}

impl Bullet {
    /// The bullet's text with runs of whitespace (including non-breaking
    /// spaces and line breaks) collapsed to single spaces.
    pub fn display_text(&self) -> String {
        self.span
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A piece of the input that cleaning left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Removed {
    /// The removed text and where it was.
    #[serde(flatten)]
    pub span: TextSpan,
    /// Why it was removed.
    pub reason: Reason,
}

/// Where an article extracted from HTML came from, and the text the
/// summary's offsets index into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The page address, when the page was fetched or given with one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// Publication date (ISO 8601 when the page's date parses).
    pub published: Option<String>,
    /// Publisher or site name.
    pub site_name: Option<String>,
    /// Language tag such as `en`.
    pub language: Option<String>,
    /// The extracted article as text: headline, given highlights (one per
    /// line, each after "• "), then paragraphs separated by blank lines.
    /// Every offset of the summary indexes into this text.
    pub text: String,
}

impl Source {
    /// The source of text that was decoded from another charset: no
    /// metadata, just the decoded text the offsets index into.
    pub fn from_text(text: String, url: Option<&str>) -> Source {
        Source {
            url: url.map(str::to_owned),
            authors: Vec::new(),
            published: None,
            site_name: None,
            language: None,
            text,
        }
    }
}

/// The result of summarizing one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The record id, in batch mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The scoring algorithm used.
    pub algorithm: String,
    /// ISO 639-1 code of the language whose rules were used (detected, or
    /// given in the options); `null` for the language-neutral fallback.
    #[serde(default)]
    pub language: Option<String>,
    /// The headline detected at the top of the input.
    pub title: Option<TextSpan>,
    /// The publisher's own bullets found in the input (never used as output).
    pub given_highlights: Vec<TextSpan>,
    /// The chosen bullets, in document order.
    pub bullets: Vec<Bullet>,
    /// Number of body sentences the bullets were chosen from.
    pub sentence_count: usize,
    /// What cleaning removed, in document order.
    pub removed: Vec<Removed>,
    /// For HTML input: the page's metadata and the extracted text that the
    /// offsets index into (absent for text input, whose offsets index the input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Things the reader should know about the input (absent when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

/// Something about the input that limits the summary, reported beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Warning {
    /// The body was longer than lede reads per document (see
    /// [`crate::clean::MAX_SENTENCES`] and [`crate::clean::MAX_LINES`]);
    /// bullets come from its first `sentences` sentences.
    BodyTruncated {
        /// Sentences read.
        sentences: usize,
    },
    /// The page was cut at `bytes` bytes by a download limit before it was read.
    PageTruncated {
        /// Bytes kept.
        bytes: usize,
    },
    /// A word or character budget that no sentence fits, so there is no bullet
    /// ([`crate::Options::length_at_least_one`] gives the best sentence anyway).
    NothingFits {
        /// The budget, in `unit`s.
        budget: usize,
        /// What the budget counts.
        unit: BudgetUnit,
        /// The shortest sentence's size, in `unit`s.
        shortest: usize,
    },
}

/// What a length budget counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BudgetUnit {
    /// Words.
    Words,
    /// Characters.
    Chars,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::BodyTruncated { sentences } => write!(
                f,
                "the body is longer than lede reads: bullets come from its first {sentences} sentences"
            ),
            Warning::PageTruncated { bytes } => {
                write!(f, "the page was cut at {bytes} bytes by the download limit")
            }
            Warning::NothingFits {
                budget,
                unit,
                shortest,
            } => {
                let unit = match unit {
                    BudgetUnit::Words => "words",
                    BudgetUnit::Chars => "characters",
                };
                write!(
                    f,
                    "no sentence fits in {budget} {unit} (the shortest has {shortest}), so there is no bullet"
                )
            }
        }
    }
}

/// Output formats for summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One "• bullet" per line.
    #[default]
    Text,
    /// A Markdown list, with the title as a heading.
    Markdown,
    /// Pretty-printed JSON.
    Json,
    /// One compact JSON object per line.
    Jsonl,
}

impl std::str::FromStr for Format {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "text" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            "jsonl" => Ok(Format::Jsonl),
            _ => Err(crate::Error::InvalidOption(format!(
                "unknown format {s:?} (expected text, markdown, json or jsonl)"
            ))),
        }
    }
}

impl Summary {
    /// Renders the summary in `format`, ending with a newline.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => self.bullets.iter().fold(String::new(), |mut out, b| {
                let _ = writeln!(out, "• {}", b.display_text());
                out
            }),
            Format::Markdown => {
                let mut out = String::new();
                if let Some(title) = &self.title {
                    let _ = writeln!(
                        out,
                        "## {}\n",
                        title.text.split_whitespace().collect::<Vec<_>>().join(" ")
                    );
                }
                for b in &self.bullets {
                    let _ = writeln!(out, "- {}", b.display_text());
                }
                out
            }
            Format::Json => serde_json::to_string_pretty(self).expect("summary serializes") + "\n",
            Format::Jsonl => {
                let mut out = Vec::with_capacity(self.json_capacity());
                serde_json::to_writer(&mut out, self).expect("summary serializes");
                out.push(b'\n');
                String::from_utf8(out).expect("serde_json writes UTF-8")
            }
        }
    }

    /// About the length of the summary's compact JSON: its texts plus the
    /// field names and numbers around each, so that rendering a line
    /// allocates once.
    fn json_capacity(&self) -> usize {
        let span = |s: &TextSpan| s.text.len() + 80;
        256 + self.id.as_ref().map_or(0, String::len)
            + self.title.as_ref().map_or(0, span)
            + self.given_highlights.iter().map(span).sum::<usize>()
            + self
                .bullets
                .iter()
                .map(|b| span(&b.span) + 80)
                .sum::<usize>()
            + self
                .removed
                .iter()
                .map(|r| span(&r.span) + 24)
                .sum::<usize>()
            + self.source.as_ref().map_or(0, |s| {
                s.text.len() + s.url.as_ref().map_or(0, String::len) + 128
            })
    }
}

/// Character offsets of a set of byte positions in a text, counted in one
/// pass over the text however many positions there are.
pub(crate) struct Offsets<'t> {
    text: &'t str,
    points: Vec<usize>,
    chars: Vec<usize>,
}

impl<'t> Offsets<'t> {
    /// Indexes the ends of every range in `ranges`.
    pub(crate) fn new<'r>(
        text: &'t str,
        ranges: impl IntoIterator<Item = &'r Range<usize>>,
    ) -> Self {
        let mut points: Vec<usize> = ranges.into_iter().flat_map(|r| [r.start, r.end]).collect();
        points.sort_unstable();
        points.dedup();
        let chars = if text.is_ascii() {
            points.clone()
        } else {
            let (mut byte, mut count) = (0, 0);
            points
                .iter()
                .map(|&p| {
                    count += text[byte..p].chars().count();
                    byte = p;
                    count
                })
                .collect()
        };
        Offsets {
            text,
            points,
            chars,
        }
    }

    /// The span of `range`, whose ends must have been indexed.
    pub(crate) fn span(&self, range: &Range<usize>) -> TextSpan {
        let char_offset = |b: usize| {
            let at = self
                .points
                .binary_search(&b)
                .expect("every range end was indexed");
            self.chars[at]
        };
        TextSpan {
            text: self.text[range.clone()].to_owned(),
            start: char_offset(range.start),
            end: char_offset(range.end),
            byte_start: range.start,
            byte_end: range.end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_characters() {
        let text = "Ça va. Très bien.";
        let ranges = [8..text.len(), 0..7];
        let offsets = Offsets::new(text, &ranges);
        let out: Vec<TextSpan> = ranges.iter().map(|r| offsets.span(r)).collect();
        assert_eq!(out[0].text, "Très bien.");
        assert_eq!((out[0].start, out[0].end), (7, 17));
        assert_eq!((out[1].start, out[1].end, out[1].byte_end), (0, 6, 7));
        let chars: Vec<char> = text.chars().collect();
        let via_chars: String = chars[out[0].start..out[0].end].iter().collect();
        assert_eq!(via_chars, out[0].text);
    }
}
