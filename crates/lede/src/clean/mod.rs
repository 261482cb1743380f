//! Clean: separate headline, given highlights and body, and strip scraping
//! debris, without ever rewriting the text.
//!
//! Cleaning works on byte ranges of the original input: it decides which
//! parts are the title, which are the publisher's own bullet highlights,
//! which are body text, and which are debris (each removal is reported with
//! its reason). Later stages only ever read kept ranges, so every sentence
//! can be traced back to the exact characters it came from.
//!
//! Cleaning ends at sentences: the kept body is split into sentences (by
//! [`crate::segment`]) and repeated sentences are removed here too, so
//! [`Cleaned`] is final: its `removed` list is complete and in order.
//!
//! Work per document is bounded: at most [`MAX_LINES`] lines and
//! [`MAX_SENTENCES`] body sentences are read, and a sentence longer than
//! [`MAX_SENTENCE_BYTES`] is cut at whitespace into pieces no longer than
//! that. Text past those limits is not summarized and `truncated` says so.

mod patterns;

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use serde::{Deserialize, Serialize};

use crate::document::Sentence;
use crate::lang::Language;
use crate::segment::split_sentences_in;
use crate::text::{extend_word_hashes, in_nfc};

/// Lines of input read per document; later lines are not summarized.
pub const MAX_LINES: usize = 20_000;
/// Body sentences read per document (kept or removed as repeats); later
/// ones are not summarized.
pub const MAX_SENTENCES: usize = 1_000;
/// Longest sentence, in bytes; longer runs of text without a sentence end
/// are cut at whitespace (or at a character boundary) into such pieces.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// Why a piece of the input was left out of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The same paragraph or sentence appeared earlier.
    Duplicate,
    /// An image caption (repeated, or carrying a photo credit).
    Caption,
    /// A photo credit in trailing parentheses, e.g. "(Amr Nabil)".
    PhotoCredit,
    /// An author line or a Daily Mail "By . ... PUBLISHED: ... UPDATED:" block.
    Byline,
    /// A dateline such as "Washington (CNN) --".
    Dateline,
    /// Site furniture: "Scroll down for video", "Advertisement", "Share this article", ...
    Boilerplate,
}

impl Reason {
    /// A short human-readable description.
    pub fn describe(self) -> &'static str {
        match self {
            Reason::Duplicate => "duplicate of earlier text",
            Reason::Caption => "image caption",
            Reason::PhotoCredit => "photo credit",
            Reason::Byline => "byline",
            Reason::Dateline => "dateline",
            Reason::Boilerplate => "site boilerplate",
        }
    }
}

/// A range of the input left out of the body, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    /// Byte range in the original input.
    pub span: Range<usize>,
    /// Why it was removed.
    pub reason: Reason,
}

/// A kept range of body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte range in the original input.
    pub span: Range<usize>,
    /// 0-based index of the body paragraph the block belongs to.
    pub paragraph: usize,
}

/// The input, taken apart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// The headline, when the input starts with one.
    pub title: Option<Range<usize>>,
    /// The publisher's own bullet highlights (•, *, -, `@highlight`).
    pub highlights: Vec<Range<usize>>,
    /// Body text to summarize, in document order.
    pub blocks: Vec<Block>,
    /// What was left out, in document order (repeated sentences included).
    pub removed: Vec<Removal>,
    /// Body sentences in document order, repeats removed.
    pub sentences: Vec<Sentence>,
    /// The word hashes of all `sentences`, one after another: one list per
    /// document rather than one per sentence.
    pub word_hashes: Vec<u64>,
    /// Number of body paragraphs.
    pub paragraphs: usize,
    /// Whether the body went past [`MAX_LINES`] or [`MAX_SENTENCES`] and
    /// its end was not read.
    pub truncated: bool,
    /// The language the text was cleaned as (`None`: language-neutral);
    /// its stop words are left out of the sentences' content words.
    pub language: Option<Language>,
}

/// Takes English `text` apart into title, given highlights, body and debris.
pub fn clean(text: &str) -> Cleaned {
    clean_in(text, Some(Language::English))
}

/// Takes `text` of language `lang` apart into title, given highlights, body
/// and debris; `None` is the language-neutral fallback (generic punctuation
/// rules, furniture of every language lede knows).
pub fn clean_in(text: &str, lang: Option<Language>) -> Cleaned {
    let (lines, truncated) = split_lines(text, MAX_LINES);
    let mut out = Cleaned {
        truncated,
        language: lang,
        ..Cleaned::default()
    };
    let mut body_lines: Vec<Option<Range<usize>>> = Vec::with_capacity(lines.len());

    let mut i = 0;
    let first = lines.iter().position(|l| !is_blank(text, l));
    if let Some(f) = first {
        if is_title(text, &lines, f, lang) {
            out.title = Some(trim_range(text, lines[f].clone()));
            i = f + 1;
        }
    }
    let mut in_header = true;
    // The lines taken as bullet highlights.
    let mut bulleted: Vec<Range<usize>> = Vec::new();
    while i < lines.len() {
        let line = lines[i].clone();
        i += 1;
        if is_blank(text, &line) {
            body_lines.push(None);
            continue;
        }
        let trimmed = text[line.clone()].trim();
        if trimmed.eq_ignore_ascii_case("@highlight") {
            while i < lines.len() && is_blank(text, &lines[i]) {
                i += 1;
            }
            if i < lines.len() {
                out.highlights.push(trim_range(text, lines[i].clone()));
                i += 1;
            }
            continue;
        }
        if in_header {
            if let Some(content) = bullet_content(text, &line) {
                out.highlights.push(content);
                bulleted.push(line);
                continue;
            }
            in_header = false;
        }
        body_lines.push(Some(line));
    }
    // Bullets with no body after them are the body itself, written as a
    // list ("- QUI PEUT VOTER ? - ..."), not the publisher's highlights.
    if !bulleted.is_empty()
        && out.highlights.len() == bulleted.len()
        && body_lines.iter().all(Option::is_none)
    {
        out.highlights.clear();
        body_lines = bulleted.into_iter().flat_map(|l| [Some(l), None]).collect();
    }

    let paragraphs = group_paragraphs(&body_lines);
    clean_paragraphs(text, &paragraphs, &mut out, lang);
    split_body(text, &mut out, lang);
    out
}

/// Cleans an input whose structure is already known (an article extracted
/// from HTML): `paragraphs` are body paragraphs of `text`; only debris
/// removal runs on them.
pub fn clean_parts(
    text: &str,
    title: Option<Range<usize>>,
    highlights: Vec<Range<usize>>,
    paragraphs: &[Range<usize>],
    lang: Option<Language>,
) -> Cleaned {
    let mut out = Cleaned {
        title,
        highlights,
        language: lang,
        ..Cleaned::default()
    };
    clean_paragraphs(text, paragraphs, &mut out, lang);
    split_body(text, &mut out, lang);
    out
}

/// Splits the kept body blocks into sentences, removes sentences that
/// repeat an earlier one, and puts `removed` in document order.
fn split_body(text: &str, out: &mut Cleaned, lang: Option<Language>) {
    let mut seen: FxHashSet<u64> = FxHashSet::default();
    // Sentences looked at, kept or repeated: the work bound.
    let mut examined = 0;
    let mut last_paragraph = usize::MAX;
    let mut position = 0;
    'blocks: for block in &out.blocks {
        if block.paragraph != last_paragraph {
            last_paragraph = block.paragraph;
            position = 0;
        }
        for sentence in split_sentences_in(text, block.span.clone(), lang) {
            // Sentences within the bound (nearly all) are not copied into
            // a list of pieces.
            let (whole, pieces) = if sentence.len() <= MAX_SENTENCE_BYTES {
                (Some(sentence), Vec::new())
            } else {
                (None, bounded(text, sentence, MAX_SENTENCE_BYTES))
            };
            for span in whole.into_iter().chain(pieces) {
                if examined == MAX_SENTENCES {
                    out.truncated = true;
                    break 'blocks;
                }
                examined += 1;
                // The words Terms::of_in would give.
                let start = out.word_hashes.len();
                in_nfc(&text[span.clone()], |s| {
                    extend_word_hashes(s, &mut out.word_hashes)
                });
                let hashes = start..out.word_hashes.len();
                let key = combine_word_hashes(out.word_hashes[hashes.clone()].iter().copied());
                if hashes.len() >= 3 && !seen.insert(key) {
                    out.word_hashes.truncate(start);
                    out.removed.push(Removal {
                        span,
                        reason: Reason::Duplicate,
                    });
                    continue;
                }
                out.sentences
                    .push(Sentence::new(span, block.paragraph, position, hashes));
                position += 1;
            }
        }
    }
    out.paragraphs = out.blocks.last().map_or(0, |b| b.paragraph + 1);
    out.removed.sort_by_key(|r| (r.span.start, r.span.end));
}

/// Cuts `span` into pieces of at most `max` bytes, each ending before
/// whitespace where there is some (else at a character boundary), trimmed.
fn bounded(text: &str, span: Range<usize>, max: usize) -> Vec<Range<usize>> {
    if span.len() <= max {
        return vec![span];
    }
    let mut pieces = Vec::new();
    let mut start = span.start;
    while span.end - start > max {
        // The window ends at a character boundary at most `max` bytes on.
        let mut limit = start + max;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = match text[start..limit].rfind(char::is_whitespace) {
            Some(at) if at > 0 => start + at,
            _ if limit > start => limit,
            _ => (start + max + 1..span.end)
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(span.end),
        };
        let piece = trim_range(text, start..cut);
        if !piece.is_empty() {
            pieces.push(piece);
        }
        start = cut;
    }
    let last = trim_range(text, start..span.end);
    if !last.is_empty() {
        pieces.push(last);
    }
    pieces
}

/// Line ranges without their terminators (`\n`, `\r\n`): at most `max` of
/// them, and whether text was left after the last.
fn split_lines(text: &str, max: usize) -> (Vec<Range<usize>>, bool) {
    let mut lines = Vec::new();
    let mut start = 0;
    for (pos, _) in text.match_indices('\n') {
        if lines.len() == max {
            return (lines, !text[start..].trim().is_empty());
        }
        let end = if pos > start && text.as_bytes()[pos - 1] == b'\r' {
            pos - 1
        } else {
            pos
        };
        lines.push(start..end);
        start = pos + 1;
    }
    if start < text.len() {
        if lines.len() == max {
            return (lines, !text[start..].trim().is_empty());
        }
        lines.push(start..text.len());
    }
    (lines, false)
}

fn is_blank(text: &str, line: &Range<usize>) -> bool {
    text[line.clone()].trim().is_empty()
}

/// Shrinks a range so it neither starts nor ends with whitespace.
pub(crate) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

/// A headline: a short first line without a final full stop, with more
/// text after it.
fn is_title(text: &str, lines: &[Range<usize>], first: usize, lang: Option<Language>) -> bool {
    let line = text[lines[first].clone()].trim();
    // Cheapest tests first: a one-line article is rejected by its length
    // before its words are counted.
    line.len() <= 300
        && !line.ends_with(['.', ',', ';', ':'])
        && (2..=40).contains(&line.split_whitespace().count())
        && lines[first + 1..].iter().any(|l| !is_blank(text, l))
        && bullet_content(text, &lines[first]).is_none()
        && !patterns::is_boilerplate_paragraph_in(line, lang)
        && patterns::byline(line).is_none()
}

/// The text after a bullet marker, if the line is a bullet. A line framed
/// by dashes ("- QUI PEUT VOTER ? -") is a subheading, not a bullet.
fn bullet_content(text: &str, line: &Range<usize>) -> Option<Range<usize>> {
    let slice = &text[line.clone()];
    let trimmed = slice.trim_start();
    if trimmed.starts_with("- ") && trimmed.trim_end().ends_with(" -") {
        return None;
    }
    let offset = line.start + (slice.len() - trimmed.len());
    let mut chars = trimmed.chars();
    let marker = chars.next()?;
    if !matches!(
        marker,
        '•' | '*' | '-' | '·' | '▪' | '‣' | '◦' | '–' | '—' | '●' | '■'
    ) {
        return None;
    }
    let rest = chars.as_str();
    if !rest.starts_with(char::is_whitespace) || rest.trim().is_empty() {
        return None;
    }
    Some(trim_range(text, offset + marker.len_utf8()..line.end))
}

/// Groups body lines into paragraphs: runs of lines between blank lines.
/// Without any blank line, every line is its own paragraph.
fn group_paragraphs(lines: &[Option<Range<usize>>]) -> Vec<Range<usize>> {
    let has_blank = lines.iter().any(Option::is_none);
    let mut paragraphs = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for line in lines {
        match line {
            Some(l) if has_blank => {
                current = Some(match current {
                    Some(c) => c.start..l.end,
                    None => l.clone(),
                });
            }
            Some(l) => paragraphs.push(l.clone()),
            None => paragraphs.extend(current.take()),
        }
    }
    paragraphs.extend(current);
    paragraphs
}

/// Whether a piece of text ends like a sentence (after closing quotes/brackets).
pub(crate) fn ends_like_sentence(s: &str) -> bool {
    let s = s
        .trim_end()
        .trim_end_matches(['"', '\'', '’', '”', ')', ']']);
    s.ends_with(['.', '!', '?', '…'])
}

/// A key under which two paragraphs or sentences count as the same text
/// (a hash of their lowercase alphanumeric words), with the word count.
/// Pieces are hashed in order as if joined by spaces.
pub(crate) fn dedup_key<'a>(pieces: impl IntoIterator<Item = &'a str>) -> (u64, usize) {
    let (mut key, mut count) = (KEY_START, 0);
    for piece in pieces {
        crate::text::for_each_word_hash(piece, |h| {
            key = combine_step(key, h);
            count += 1;
        });
    }
    (key, count)
}

const KEY_START: u64 = 0x9e37_79b9_7f4a_7c15;

#[inline]
fn combine_step(acc: u64, h: u64) -> u64 {
    (acc.rotate_left(5) ^ h).wrapping_mul(0x0100_0000_01b3)
}

/// Combines word hashes, in order, into one key (see [`dedup_key`]).
fn combine_word_hashes(hashes: impl IntoIterator<Item = u64>) -> u64 {
    hashes.into_iter().fold(KEY_START, combine_step)
}

fn clean_paragraphs(
    text: &str,
    paragraphs: &[Range<usize>],
    out: &mut Cleaned,
    lang: Option<Language>,
) {
    let headline = out.title.clone().map(|title| &text[title]);
    // Kept pieces of each paragraph, after boilerplate and credit removal.
    let mut kept: Vec<Vec<Range<usize>>> = Vec::with_capacity(paragraphs.len());
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let span = trim_range(text, paragraph.clone());
        let slice = &text[span.clone()];
        if patterns::is_photo_credit_paragraph_in(slice, lang) {
            out.removed.push(Removal {
                span,
                reason: Reason::PhotoCredit,
            });
            kept.push(Vec::new());
            continue;
        }
        if patterns::is_boilerplate_paragraph_in(slice, lang) {
            out.removed.push(Removal {
                span,
                reason: Reason::Boilerplate,
            });
            kept.push(Vec::new());
            continue;
        }
        if headline.is_some_and(|headline| is_headline_with_site_name(slice, headline)) {
            out.removed.push(Removal {
                span,
                reason: Reason::Duplicate,
            });
            kept.push(Vec::new());
            continue;
        }
        if patterns::is_byline_paragraph_in(slice, lang) {
            out.removed.push(Removal {
                span,
                reason: Reason::Byline,
            });
            kept.push(Vec::new());
            continue;
        }
        let mut pieces = vec![span.clone()];
        let mut cut = |range: Range<usize>, reason: Reason, pieces: &mut Vec<Range<usize>>| {
            out.removed.push(Removal {
                span: range.clone(),
                reason,
            });
            *pieces = subtract(text, pieces, &range);
        };
        if let Some(len) = patterns::byline(slice) {
            cut(span.start..span.start + len, Reason::Byline, &mut pieces);
        }
        if index == first_body_paragraph(&kept) {
            let from = pieces.first().map_or(span.end, |p| p.start);
            if let Some(len) = patterns::dateline_in(&text[from..span.end], lang) {
                cut(from..from + len, Reason::Dateline, &mut pieces);
            }
        }
        for phrase in patterns::inline_boilerplate(slice) {
            cut(
                span.start + phrase.start..span.start + phrase.end,
                Reason::Boilerplate,
                &mut pieces,
            );
        }
        if let Some(credit_start) = patterns::trailing_photo_credit_in(slice, lang) {
            let before = &slice[..credit_start];
            if ends_like_sentence(before) {
                cut(
                    span.start + credit_start..span.end,
                    Reason::PhotoCredit,
                    &mut pieces,
                );
            } else {
                cut(span.clone(), Reason::Caption, &mut pieces);
            }
        }
        if let Some(start) = patterns::trailing_byline_in(slice, lang) {
            cut(span.start + start..span.end, Reason::Byline, &mut pieces);
        }
        kept.push(pieces);
    }

    // Repeated paragraphs: later copies are duplicates; a repeated paragraph
    // that does not end like a sentence is an image caption, every copy.
    // With fewer than two paragraphs left nothing can repeat, so the keys
    // (a pass over every word) are not computed.
    let comparable = kept.iter().filter(|pieces| !pieces.is_empty()).count() > 1;
    let keys: Vec<Option<u64>> = kept
        .iter()
        .map(|pieces| {
            if !comparable {
                return None;
            }
            let (key, words) = dedup_key(pieces.iter().map(|p| &text[p.clone()]));
            (words >= 3).then_some(key)
        })
        .collect();
    let mut counts: FxHashMap<u64, usize> = FxHashMap::default();
    for &key in keys.iter().flatten() {
        *counts.entry(key).or_default() += 1;
    }
    let mut seen: FxHashSet<u64> = FxHashSet::default();
    let mut paragraph = 0;
    for (pieces, key) in kept.iter().zip(&keys) {
        if pieces.is_empty() {
            continue;
        }
        if let &Some(key) = key {
            let repeated = counts[&key] > 1;
            let last_piece = &text[pieces[pieces.len() - 1].clone()];
            let reason = if !seen.insert(key) {
                Some(Reason::Duplicate)
            } else if repeated && !ends_like_sentence(last_piece) {
                Some(Reason::Caption)
            } else {
                None
            };
            if let Some(reason) = reason {
                let span = pieces[0].start..pieces[pieces.len() - 1].end;
                out.removed.push(Removal { span, reason });
                continue;
            }
        }
        for piece in pieces {
            out.blocks.push(Block {
                span: piece.clone(),
                paragraph,
            });
        }
        paragraph += 1;
    }
}

/// The most words after the headline in a paragraph read as the headline with the site's
/// name ("Feuerwehrleute sollen später in Pension | wdr aktuell").
const SITE_NAME_MAX_WORDS: usize = 4;

/// Whether `paragraph` is `headline` (the title, of three words or more) again
/// with the site's name after a bar or dash, as a page's `<title>` gives it ("... - الصباح
/// | Assabah"): the page repeating its title, not text of the story.
fn is_headline_with_site_name(paragraph: &str, headline: &str) -> bool {
    let headline = headline.trim();
    if headline.split_whitespace().count() < 3 {
        return false;
    }
    let Some(rest) = paragraph.strip_prefix(headline) else {
        return false;
    };
    let Some(name) = [" | ", " - ", " – ", " — "]
        .iter()
        .find_map(|separator| rest.strip_prefix(separator))
    else {
        return false;
    };
    let words = name.split_whitespace().filter(|w| *w != "|").count();
    (1..=SITE_NAME_MAX_WORDS).contains(&words) && !ends_like_sentence(name)
}

/// Index of the first paragraph that still has text, given those seen so far.
fn first_body_paragraph(kept: &[Vec<Range<usize>>]) -> usize {
    kept.iter()
        .position(|k| !k.is_empty())
        .unwrap_or(kept.len())
}

/// Removes `cut` from a list of ranges, trimming the pieces left over.
fn subtract(text: &str, pieces: &[Range<usize>], cut: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(pieces.len() + 1);
    for p in pieces {
        for part in [
            p.start..cut.start.min(p.end).max(p.start),
            cut.end.max(p.start).min(p.end)..p.end,
        ] {
            let part = trim_range(text, part);
            if !part.is_empty() {
                out.push(part);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
