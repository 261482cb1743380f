//! Sentence segmentation for English news text.
//!
//! The segmenter works on byte ranges of the original text so that every
//! sentence can be traced back to the exact characters it came from.
//!
//! It is written by hand rather than taken from a crate because sentence
//! boundaries decide what every bullet contains, and the crates tried split
//! after "Ms." or "Mr.", miss "U.K." boundaries, drop text or need nightly.
//! It makes one forward pass over the bytes; each candidate boundary looks
//! at a bounded window around it, so the cost is linear in the input and
//! nothing is allocated but the output.
//!
//! A candidate is a `.`, `!`, `?` or `…` together with the terminators,
//! closing quotes and closing brackets glued to it (`."`, `?')`, `...`), and
//! a closing `’` or `”` set off by one space (`stuff. ’ it`, tokenized text).
//! It ends a sentence when whitespace (or the end of the range) follows and
//! the context agrees:
//! - a blank line (two or more line breaks) always ends a sentence;
//! - a quotation closed by the candidate and followed by its attribution
//!   stays one sentence: `"Why?" he asked.`, `"Why?" Smith asked, smiling.`,
//!   `'No.' Smith said.` (but `'No.' He said, "..."` is two);
//! - in cased text, a lowercase next word means no boundary (`5 p.m. on`,
//!   `'Stop!' he said`, and the Daily Mail line-join artifact `in a. statement`);
//! - titles (`Mr.`, `Sen.`, `Gen.`, `e.g.`) never end a sentence;
//! - `the.`, `a.`, `an.` never end one (Daily Mail line-join artifacts),
//!   nor does a period standing alone after `By` or a colon (the Daily Mail
//!   byline `By . Daily Mail Reporter . PUBLISHED: . 12:14 EST`);
//! - `No.`, `Vol.`, `Jan.` and the like do not end one before a number;
//! - ambiguous abbreviations (`U.S.`, `Inc.`, `a.m.`, `Jr.`, `St.`,
//!   single-letter initials) end a sentence only when a typical sentence
//!   opener follows (`The`, `He`, `But`, ...);
//! - state abbreviations, often also words (`Calif.`, `Mass.`), end one
//!   unless an abbreviation follows (`Mass. Gov. Deval Patrick`);
//! - a number of one or two digits that opens a sentence is a list marker
//!   (`1. Keep calm.`);
//! - an ellipsis ends a sentence when a capitalised word follows (in
//!   lowercased text: a strong opener such as `the` or `he`);
//! - anything else ends a sentence (in cased text: when the next word is
//!   not lowercase).
//!
//! Lowercased articles (no ASCII capital anywhere in the range) are
//! recognised and handled with the same rules minus the capitalisation
//! cues. A missing space after a period splits only before a capitalised
//! opener (`reserved.This material`), never inside URLs, e-mail addresses
//! or names (`www.HealthCare.gov`, `St.James`).
//!
//! Single line breaks inside a range are hard wraps, so they join lines,
//! except that a line break ends a sentence before a bullet (`•`, `-`, `*`,
//! `–`) and, in cased text, after a short line (under 60 bytes) that has no
//! final punctuation, does not end in a word such as "of" or "the", and is
//! followed by a line not starting in lowercase: a heading or a list item.
//! Callers split paragraphs themselves.
//!
//! A fragment with no letter or digit (a stray `.` or `--`) is not a
//! sentence of its own: it joins the sentence before it, or the one after
//! it at the start of the range.

mod lexicon;
#[cfg(test)]
mod tests;

use std::ops::Range;

use lexicon::{classify, is_bang_name, is_joining_word, is_reporting_verb, is_starter, Abbrev};

/// How far back (in bytes) to look for the start of the word before a
/// candidate boundary. Longer "words" are URLs or noise and count as words.
const WINDOW: usize = 64;
/// How many bytes of a following word are read for word-list lookups.
const WORD_MAX: usize = 24;
/// Lines shorter than this that end without punctuation end a sentence at
/// a line break (headings, list items).
const SHORT_LINE: usize = 60;

const ELLIPSIS: &str = "…";

/// Bytes the main loop stops at: terminators, line breaks and the first
/// byte of "…".
static SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[b'\n' as usize] = true;
    table[0xE2] = true;
    table
};

/// Splits `text[range]` into sentences.
///
/// Returns byte ranges into `text`, in order, non-overlapping, non-empty,
/// each trimmed of surrounding whitespace, on char boundaries and inside
/// `range`. Every non-whitespace character of the range lies in one of
/// them. A range reaching past the text is cut at its end, and ends that
/// fall inside a character are moved inward to the nearest boundary.
pub fn split_sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut end = range.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = range.start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let cased = text.as_bytes()[start..end]
        .iter()
        .any(u8::is_ascii_uppercase);
    Segmenter {
        text,
        bytes: text.as_bytes(),
        lo: start,
        end,
        cased,
        out: Vec::new(),
        scanned: 0,
    }
    .run()
}

/// What kind of character a following word starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Upper,
    Lower,
    Digit,
    Other,
}

/// The word after a candidate boundary, past any opening quotes.
struct Next<'a> {
    class: Class,
    /// Leading ASCII letters, at most [`WORD_MAX`] bytes.
    word: &'a str,
    /// The word is followed by a period: an abbreviation such as "Gov.".
    dotted: bool,
}

struct Segmenter<'a> {
    text: &'a str,
    bytes: &'a [u8],
    lo: usize,
    end: usize,
    cased: bool,
    out: Vec<Range<usize>>,
    /// End of the leading fragment without letters or digits held back by
    /// [`Segmenter::emit`].
    scanned: usize,
}

impl<'a> Segmenter<'a> {
    fn run(mut self) -> Vec<Range<usize>> {
        let mut start = self.lo;
        let mut line_start = self.lo;
        let mut i = self.lo;
        while i < self.end {
            // Jump to the next byte that can matter.
            match self.bytes[i..self.end]
                .iter()
                .position(|&b| SPECIAL[usize::from(b)])
            {
                Some(p) => i += p,
                None => break,
            }
            let b = self.bytes[i];
            let terminator = matches!(b, b'.' | b'!' | b'?')
                || (b == 0xE2 && self.text[i..self.end].starts_with(ELLIPSIS));
            if terminator {
                let j = self.cluster_end(i);
                if self.ends_sentence(i, j, start) {
                    start = self.emit(start, j);
                }
                i = j;
            } else if b == b'\n' {
                let (k, newlines) = self.skip_space(i);
                if newlines >= 2 || self.line_break_ends_sentence(line_start, i, k) {
                    start = self.emit(start, i);
                }
                line_start = k;
                i = k;
            } else {
                i += 1;
            }
        }
        self.finish(start);
        self.out
    }

    /// Records `start..end` as a sentence and returns where the next one
    /// starts. A fragment without letters or digits joins the previous
    /// sentence, or the next one when there is none yet.
    fn emit(&mut self, start: usize, end: usize) -> usize {
        let r = trim(self.text, start..end);
        if r.is_empty() {
            return end;
        }
        // A fragment held back earlier is known to have no alphanumerics up
        // to `scanned`; only the rest is looked at, to stay linear.
        let from = r.start.max(self.scanned);
        if !has_alphanumeric(&self.text[from..r.end]) {
            match self.out.last_mut() {
                Some(last) => last.end = r.end,
                None => {
                    self.scanned = r.end;
                    return start;
                }
            }
            return end;
        }
        self.out.push(r);
        end
    }

    fn finish(&mut self, start: usize) {
        let r = trim(self.text, start..self.end);
        if r.is_empty() {
            return;
        }
        match self.out.last_mut() {
            Some(last) if !has_alphanumeric(&self.text[r.clone()]) => {
                last.end = r.end;
            }
            _ => self.out.push(r),
        }
    }

    /// End of the terminators, closing quotes and brackets starting at `i`.
    fn cluster_end(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.end {
            let rest = &self.text[j..self.end];
            j += match self.bytes[j] {
                b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' | b'}' => 1,
                0xE2 if rest.starts_with(['…', '’', '”']) => 3,
                0xC2 if rest.starts_with('»') => 2,
                _ => break,
            };
        }
        // A closing quote set off by a space, as in tokenized Daily Mail
        // text ("ridiculous stuff. ’ it looks"), still closes the sentence.
        let rest = &self.text[j..self.end];
        if let Some(after) = rest
            .strip_prefix(' ')
            .and_then(|r| r.strip_prefix(['’', '”']))
        {
            if after.is_empty() || after.starts_with(char::is_whitespace) {
                return j + 4;
            }
        }
        j
    }

    /// Skips whitespace from `j`; returns the next non-space position and
    /// the number of line breaks passed.
    fn skip_space(&self, j: usize) -> (usize, usize) {
        let mut newlines = 0;
        for (p, c) in self.text[j..self.end].char_indices() {
            if !c.is_whitespace() {
                return (j + p, newlines);
            }
            newlines += usize::from(c == '\n');
        }
        (self.end, newlines)
    }

    /// Whether the candidate `text[i..j]` ends the sentence that began at
    /// `start`.
    fn ends_sentence(&self, i: usize, j: usize, start: usize) -> bool {
        if j >= self.end {
            return true;
        }
        let (k, newlines) = self.skip_space(j);
        if k == j {
            return self.glued_boundary(i, j);
        }
        if newlines >= 2 || k >= self.end {
            return true;
        }
        let cluster = &self.text[i..j];
        if self.text[k..self.end].starts_with(['.', '!', '?', '…']) {
            // A spaced ellipsis (". . .") or stray dots: the last one decides.
            return false;
        }
        let quoted = cluster.contains(['"', '\'', '’', '”', '»']);
        if quoted && self.attribution_follows(k, self.bytes[i] != b'.') {
            return false;
        }
        let next = self.next_word(k);
        if cluster.starts_with("..") || cluster.starts_with(ELLIPSIS) {
            return match next.class {
                Class::Lower if self.cased => false,
                _ if self.cased => true,
                _ => is_starter(next.word, false),
            };
        }
        let word = self.prev_word(i);
        if self.bytes[i] != b'.' {
            return match word {
                Some((_, w)) if self.bytes[i] == b'!' && is_bang_name(w) => {
                    self.after_abbreviation(&next)
                }
                _ => self.plain(&next),
            };
        }
        let Some((word_start, word)) = word else {
            return self.plain(&next);
        };
        if word_start + word.len() < i && (word == "By" || word.ends_with([':', '|'])) {
            // Daily Mail byline separators: "By . Name", "PUBLISHED: . 12:14".
            return false;
        }
        let opened = self.text[self.lo..word_start]
            .ends_with(['"', '\'', '(', '[', '{', '`', '“', '‘', '«']);
        if quoted && opened {
            // A quoted word ("a "Miss."") is not an abbreviation.
            return self.plain(&next);
        }
        // "Kansas City-St.": the last part decides, unless it is a single
        // letter ("H-E-B.").
        let last_part = match word.rfind(['-', '/']) {
            Some(p) if word.len() - p > 2 => &word[p + 1..],
            Some(_) => "",
            None => word,
        };
        // An all-caps token is an abbreviation only in an all-caps run
        // ("MR. SMITH", but "patients with MS. Final").
        let shouting = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_uppercase());
        let cased = self.cased && !(shouting(last_part) && shouting(next.word));
        match classify(last_part, cased) {
            Abbrev::Title | Abbrev::Article => false,
            // A closing quote after "Inc." or "etc." ends the quotation.
            Abbrev::Ambiguous if quoted => self.plain(&next),
            Abbrev::Ambiguous => self.after_abbreviation(&next),
            Abbrev::State => !next.dotted && self.plain(&next),
            Abbrev::BeforeNumber => next.class != Class::Digit && self.plain(&next),
            Abbrev::Number => {
                let list_marker = word.len() <= 2
                    && (word_start <= start || self.text[start..word_start].trim_end().is_empty());
                !list_marker && self.plain(&next)
            }
            Abbrev::Word => self.plain(&next),
        }
    }

    /// After an ordinary word: a boundary unless, in cased text, the next
    /// word is lowercase.
    fn plain(&self, next: &Next) -> bool {
        !self.cased || next.class != Class::Lower
    }

    /// After an ambiguous abbreviation: a boundary only before a typical
    /// sentence opener.
    fn after_abbreviation(&self, next: &Next) -> bool {
        let opener_case = match next.class {
            Class::Upper => true,
            Class::Lower => !self.cased,
            Class::Digit | Class::Other => false,
        };
        let initial = next.dotted && next.word.len() == 1;
        opener_case && !initial && is_starter(next.word, self.cased)
    }

    /// A period with no space after it ends a sentence only in cased text,
    /// between a plain word and a capitalised opener: "reserved.This".
    fn glued_boundary(&self, i: usize, j: usize) -> bool {
        if !self.cased || j != i + 1 || self.bytes[i] != b'.' {
            return false;
        }
        let Some((_, word)) = self.prev_word(i) else {
            return false;
        };
        let plain_word = word.len() >= 2
            && word.bytes().all(|b| b.is_ascii_alphabetic())
            && !word.eq_ignore_ascii_case("www")
            && classify(word, true) == Abbrev::Word;
        if !plain_word || !self.bytes[j].is_ascii_uppercase() {
            return false;
        }
        let next = ascii_word(&self.text[j..self.end]);
        let after = self.text[j + next.len()..self.end].bytes().next();
        let word_ends = after.is_none_or(|b| b.is_ascii_whitespace() || b == b'\'' || b == b',');
        word_ends && is_starter(next, true)
    }

    /// Whether `k` starts the attribution of a quotation that just closed:
    /// a lowercase reporting verb first ("said Smith"), or one as second or
    /// third word that closes the sentence ("Smith said."), or, after a
    /// question or exclamation, the clause ("the coach asked,").
    fn attribution_follows(&self, k: usize, question: bool) -> bool {
        let mut p = k;
        for n in 0..3 {
            let rest = &self.text[p..self.end];
            let len = rest
                .char_indices()
                .take_while(|&(q, c)| q < WORD_MAX && (c.is_alphanumeric() || c == '-'))
                .last()
                .map_or(0, |(q, c)| q + c.len_utf8());
            if len == 0 {
                return false;
            }
            let after = p + len;
            let word = &rest[..len];
            if is_reporting_verb(word) {
                if n == 0 {
                    // A capitalised "Asked whether..." opens a new sentence.
                    return word.starts_with(|c: char| c.is_ascii_lowercase())
                        && (self.cased || question);
                }
                return after >= self.end
                    || self.bytes[after] == b'.'
                    || (question && self.bytes[after] == b',');
            }
            if after >= self.end || self.bytes[after] != b' ' {
                return false;
            }
            p = after + 1;
        }
        false
    }

    /// The word at `k`, past opening quotes and brackets.
    fn next_word(&self, k: usize) -> Next<'a> {
        let rest = skip_openers(&self.text[k..self.end]);
        let word = ascii_word(rest);
        let bytes = rest.as_bytes();
        let class = match rest.chars().next() {
            Some(c) if c.is_ascii_uppercase() => Class::Upper,
            // "iPhone", "eBay" start sentences like capitalised words.
            Some(c) if c.is_ascii_lowercase() => match bytes.get(1) {
                Some(b) if b.is_ascii_uppercase() => Class::Upper,
                _ => Class::Lower,
            },
            Some(c) if c.is_ascii_digit() => Class::Digit,
            Some(c) if c.is_uppercase() => Class::Upper,
            Some(c) if c.is_lowercase() => Class::Lower,
            _ => Class::Other,
        };
        Next {
            class,
            word,
            dotted: !word.is_empty() && bytes.get(word.len()) == Some(&b'.'),
        }
    }

    /// The word before the terminator at `i` and where it starts, without
    /// opening quotes or brackets. For a period standing alone ("Mr . Smith")
    /// it is the word before the space. `None` when the word is longer
    /// than [`WINDOW`] or there is none.
    fn prev_word(&self, i: usize) -> Option<(usize, &'a str)> {
        let mut e = i;
        let mut s = self.token_start(e)?;
        if s == e {
            e = self.lo + self.text[self.lo..i].trim_end().len();
            if e == self.lo {
                return None;
            }
            s = self.token_start(e)?;
        }
        let token = &self.text[s..e];
        let word = skip_openers(token);
        Some((e - word.len(), word))
    }

    /// Start of the run of non-space characters that ends at `e`.
    fn token_start(&self, e: usize) -> Option<usize> {
        let mut lo = self.lo.max(e.saturating_sub(WINDOW));
        while !self.text.is_char_boundary(lo) {
            lo += 1;
        }
        for p in (lo..e).rev() {
            let b = self.bytes[p];
            if b < 0x80 {
                if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
                    return Some(p + 1);
                }
            } else if self.text.is_char_boundary(p) {
                if let Some(c) = self.text[p..e].chars().next().filter(|c| c.is_whitespace()) {
                    return Some(p + c.len_utf8());
                }
            }
        }
        (lo == self.lo).then_some(lo)
    }

    /// Whether the single line break at `i` (the next line starting at `k`)
    /// ends a sentence; `line_start` is where the line before began.
    fn line_break_ends_sentence(&self, line_start: usize, i: usize, k: usize) -> bool {
        if k >= self.end {
            return false;
        }
        let line = self.text[line_start..i].trim_end();
        if line.is_empty() {
            return false;
        }
        let rest = &self.text[k..self.end];
        let mut chars = rest.chars();
        let bullet = matches!(
            chars.next(),
            Some('•' | '·' | '▪' | '●' | '◦' | '►' | '-' | '*' | '–' | '—')
        ) && chars.next().is_some_and(char::is_whitespace);
        if bullet {
            return true;
        }
        let stripped = line.trim_end_matches(['"', '\'', '’', '”', '»', ')', ']', '}']);
        if stripped.ends_with([
            '.', '!', '?', '…', ',', ';', ':', '-', '–', '—', '(', '&', '/',
        ]) {
            return false;
        }
        let last_word = line.rsplit(char::is_whitespace).next().unwrap_or(line);
        let next = self.next_word(k);
        self.cased
            && line.len() < SHORT_LINE
            && !is_joining_word(last_word)
            && next.class != Class::Lower
    }
}

/// `s` without leading opening quotes and brackets.
fn skip_openers(s: &str) -> &str {
    let mut rest = s;
    loop {
        let skip = match rest.as_bytes().first() {
            Some(b'"' | b'\'' | b'(' | b'[' | b'{' | b'`') => 1,
            Some(0xE2) if rest.starts_with(['“', '‘']) => 3,
            Some(0xC2) if rest.starts_with('«') => 2,
            _ => return rest,
        };
        rest = &rest[skip..];
    }
}

/// The leading ASCII letters of `s`, at most [`WORD_MAX`] bytes.
fn ascii_word(s: &str) -> &str {
    let len = s
        .bytes()
        .take(WORD_MAX)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    &s[..len]
}

fn has_alphanumeric(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_alphanumeric()) || s.chars().any(char::is_alphanumeric)
}

/// `range` without leading and trailing whitespace.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}
