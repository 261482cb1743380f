//! Sentence segmentation for news text: English, other languages, and
//! language-neutral text.
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
//!
//! # Other languages
//!
//! [`split_sentences_in`] applies the same rules with the language's own
//! word lists (abbreviations, compound abbreviations written in parts such
//! as `z. B.`, `EE. UU.` or `p. ex.`, sentence openers, reporting verbs),
//! Unicode words and case, and every kind of quotation mark (`„…“`, `»…«`,
//! `«…»` with French spacing, `‹…›`, `¿…?`, `¡…!`). Where a period after
//! a number often marks an ordinal (German, the Nordic and Central European
//! languages) such a number does not end a sentence before a month name
//! (`am 4. November`), after a comma, or after an article or preposition
//! of the language (`der 2. Weltkrieg`, `am 18. Mai`, `von 14. bis`).
//! Times and decimals (`17.50 Uhr`, `17,5 Prozent`) have no space after
//! the period, so they never were candidates. A sentence end inside an open
//! quotation (`„Wir sind enttäuscht. Wir haben alles gegeben“, sagte er.`)
//! is no boundary when the quotation closes within 500 bytes;
//! an unclosed quotation ends sentences as usual. Polish `r.` and `br.`
//! (dates) end a sentence of seven or more words before any capitalised
//! word.
//!
//! Chinese, Japanese and Korean text is split, as a best effort, after the
//! full-width terminators `。！？` (with any closing brackets and quotes
//! glued to them) whether or not a space follows, except that a closing
//! quote directly followed by more text (`「…。」と言った`) continues the
//! sentence. Language-neutral text (unknown or unsupported language) gets
//! all of this without any word list: punctuation, case and line breaks
//! decide, and initials or dotted abbreviations never end a sentence.

mod lexicon;
mod rules;
#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::lang::Language;
use lexicon::{classify, is_bang_name, is_joining_word, is_reporting_verb, is_starter, Abbrev};
use rules::Rules;

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

/// [`SPECIAL`] plus the first bytes of the full-width terminators `。`
/// (0xE3) and `！？` (0xEF) and of the Arabic question mark `؟` (0xD8), for
/// languages other than English.
static SPECIAL_WIDE: [bool; 256] = {
    let mut table = SPECIAL;
    table[0xE3] = true;
    table[0xEF] = true;
    table[0xD8] = true;
    table
};

/// The Arabic question mark, a terminator followed by a space as `?` is.
const ARABIC_QUESTION: char = '؟';

/// Full-width sentence terminators (Chinese, Japanese).
const WIDE_TERMINATORS: [char; 3] = ['。', '！', '？'];

/// Closing quotes and brackets glued to a full-width terminator.
const WIDE_CLOSERS: [char; 10] = ['」', '』', '）', '】', '》', '〉', '”', '’', '"', '\''];

/// Quotation marks that close a quotation after a terminator, in any
/// language ("“" closes German „…“, "«" closes »…«).
pub(crate) const QUOTES: [char; 9] = ['"', '\'', '’', '”', '»', '“', '«', '›', '‹'];

/// Opening quotes, brackets, inverted Spanish marks and dialogue dashes
/// that may stand before a word, in any language.
const OPENERS: [char; 19] = [
    '"', '\'', '(', '[', '{', '`', '“', '‘', '„', '‚', '«', '»', '‹', '›', '¿', '¡', '—', '–', '「',
];

/// Splits `text[range]` into sentences.
///
/// Returns byte ranges into `text`, in order, non-overlapping, non-empty,
/// each trimmed of surrounding whitespace, on char boundaries and inside
/// `range`. Every non-whitespace character of the range lies in one of
/// them. A range reaching past the text is cut at its end, and ends that
/// fall inside a character are moved inward to the nearest boundary.
pub fn split_sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    segment(text, range, None)
}

/// Splits `text[range]` into sentences with the rules of `lang`, or the
/// language-neutral rules for `None` (see the module documentation).
///
/// English gives exactly what [`split_sentences`] gives. The output has
/// the same guarantees as there.
///
/// ```
/// use lede::lang::Language;
/// use lede::segment::split_sentences_in;
/// let text = "Am Samstag, 4. November, gegen 17.50 Uhr kam es z. B. zu Staus. Die Polizei war da.";
/// let sentences = split_sentences_in(text, 0..text.len(), Some(Language::German));
/// assert_eq!(sentences.len(), 2);
/// ```
pub fn split_sentences_in(
    text: &str,
    range: Range<usize>,
    lang: Option<Language>,
) -> Vec<Range<usize>> {
    match lang {
        Some(Language::English) => segment(text, range, None),
        other => segment(text, range, Some(rules::rules(other))),
    }
}

/// The segmenter with the English tables (`rules` is `None`) or another
/// language's rules.
fn segment(text: &str, range: Range<usize>, rules: Option<&'static Rules>) -> Vec<Range<usize>> {
    let mut end = range.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = range.start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let cased = match rules {
        None => text.as_bytes()[start..end]
            .iter()
            .any(u8::is_ascii_uppercase),
        Some(_) => text[start..end].chars().any(char::is_uppercase),
    };
    Segmenter {
        text,
        bytes: text.as_bytes(),
        lo: start,
        end,
        cased,
        rules,
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
    /// Another language's rules; `None` for the English tables.
    rules: Option<&'static Rules>,
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
        let special = if self.rules.is_some() {
            &SPECIAL_WIDE
        } else {
            &SPECIAL
        };
        while i < self.end {
            // Jump to the next byte that can matter.
            match self.bytes[i..self.end]
                .iter()
                .position(|&b| special[usize::from(b)])
            {
                Some(p) => i += p,
                None => break,
            }
            let b = self.bytes[i];
            let terminator = matches!(b, b'.' | b'!' | b'?')
                || (b == 0xE2 && self.text[i..self.end].starts_with(ELLIPSIS))
                || (b == 0xD8 && self.text[i..self.end].starts_with(ARABIC_QUESTION));
            if (b == 0xE3 || b == 0xEF) && self.text[i..self.end].starts_with(WIDE_TERMINATORS) {
                let j = self.wide_cluster_end(i);
                if self.wide_ends_sentence(i, j) {
                    start = self.emit(start, j);
                }
                i = j;
            } else if terminator {
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
        if self.rules.is_some() {
            return self.cluster_end_any(i);
        }
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

    /// [`Segmenter::cluster_end`] for other languages: every quotation
    /// mark closes, and a closing `»` may also be set off by a (no-break)
    /// space, as French writes it (`bien. » Il`).
    fn cluster_end_any(&self, i: usize) -> usize {
        let mut j = i;
        for c in self.text[i..self.end].chars() {
            if !matches!(c, '.' | '!' | '?' | ARABIC_QUESTION | ')' | ']' | '}' | '…')
                && !QUOTES.contains(&c)
            {
                break;
            }
            j += c.len_utf8();
        }
        let rest = &self.text[j..self.end];
        if let Some(after_space) = rest.strip_prefix([' ', '\u{a0}', '\u{202f}']) {
            if let Some(after) = after_space.strip_prefix(['’', '”', '»']) {
                if after.is_empty()
                    || after.starts_with(|c: char| {
                        c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')')
                    })
                {
                    return self.end - after.len();
                }
            }
        }
        j
    }

    /// End of a full-width terminator at `i` and the terminators, closing
    /// quotes and brackets glued to it.
    fn wide_cluster_end(&self, i: usize) -> usize {
        let mut j = i;
        for c in self.text[i..self.end].chars() {
            if !WIDE_TERMINATORS.contains(&c)
                && !WIDE_CLOSERS.contains(&c)
                && !matches!(c, '!' | '?' | '…')
            {
                break;
            }
            j += c.len_utf8();
        }
        j
    }

    /// A full-width terminator ends a sentence, unless a closing quote
    /// glued to it is followed by more of the sentence (`「…！」と`).
    fn wide_ends_sentence(&self, i: usize, j: usize) -> bool {
        let Some(next) = self.text[j..self.end].chars().next() else {
            return true;
        };
        let closed = self.text[i..j].ends_with(WIDE_CLOSERS);
        !closed || next.is_whitespace() || OPENERS.contains(&next) || next == '『'
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
        if let Some(rules) = self.rules {
            return self.ends_sentence_in(rules, i, j, start);
        }
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

    /// [`Segmenter::ends_sentence`] with another language's `rules`.
    fn ends_sentence_in(&self, rules: &Rules, i: usize, j: usize, start: usize) -> bool {
        if j >= self.end {
            return true;
        }
        let (k, newlines) = self.skip_space(j);
        if k == j {
            return self.glued_boundary_in(rules, i, j);
        }
        if newlines >= 2 || k >= self.end {
            return true;
        }
        if self.inside_quotation(start, i, j) {
            return false;
        }
        let cluster = &self.text[i..j];
        if self.text[k..self.end].starts_with(['.', '!', '?', '…']) {
            return false;
        }
        let quoted = cluster.contains(QUOTES);
        if quoted && self.attribution_follows(k, self.bytes[i] != b'.') {
            return false;
        }
        let next = self.next_word(k);
        if cluster.starts_with("..") || cluster.starts_with(ELLIPSIS) {
            return match next.class {
                Class::Lower if self.cased => false,
                _ if self.cased => true,
                _ => rules.is_starter(next.word),
            };
        }
        if self.bytes[i] != b'.' {
            return self.plain(&next);
        }
        let Some((word_start, word)) = self.prev_word(i) else {
            return self.plain(&next);
        };
        let opened = self.text[self.lo..word_start].ends_with(OPENERS);
        if quoted && opened {
            return self.plain(&next);
        }
        if self.compound_continues(rules, word, k) {
            return false;
        }
        // "Baden-Württemberg.", the initials "J.-L." and the elided "l'art.":
        // the last part decides.
        let last_part = word.rsplit(['-', '/', '\'', '’']).next().unwrap_or(word);
        if self.initials_before(last_part, word_start) {
            // "J. M. G. Le Clézio": a run of initials is a name.
            return false;
        }
        let class = self
            .compound_before(rules, word_start, word)
            .unwrap_or_else(|| classify_in(rules, last_part));
        match class {
            Abbrev::Title | Abbrev::Article => false,
            Abbrev::Ambiguous if quoted => self.plain(&next),
            Abbrev::Ambiguous => {
                let opener_case = match next.class {
                    Class::Upper => true,
                    Class::Lower => !self.cased,
                    Class::Digit | Class::Other => false,
                };
                let initial = next.dotted && next.word.chars().count() == 1;
                let clause_end = next.class == Class::Upper
                    && rules.is_clause_final(last_part)
                    && self.text[start..word_start].split_whitespace().count()
                        >= rules::CLAUSE_WORDS;
                opener_case && !initial && (rules.is_starter(next.word) || clause_end)
            }
            Abbrev::BeforeNumber => next.class != Class::Digit && self.plain(&next),
            Abbrev::Number => {
                let list_marker = word.len() <= 2
                    && (word_start <= start || self.text[start..word_start].trim_end().is_empty());
                let ordinal = rules.ordinals
                    && word.len() <= 3
                    && word.bytes().all(|b| b.is_ascii_digit())
                    && (rules.is_month(next.word) || self.ordinal_context(rules, word_start));
                !list_marker && !ordinal && self.plain(&next)
            }
            Abbrev::State | Abbrev::Word => self.plain(&next),
        }
    }

    /// Whether the candidate `text[i..j]` lies inside a quotation that
    /// closes later: one opened after `start` at most [`QUOTE_SPAN`] bytes
    /// before `i`, not closed by the candidate itself, whose closing mark
    /// comes at most [`QUOTE_SPAN`] bytes after it, before another opening
    /// mark of the same kind and before a blank line. A quotation that
    /// never closes in that span ends nothing early and swallows nothing.
    fn inside_quotation(&self, start: usize, i: usize, j: usize) -> bool {
        let mut from = start.max(i.saturating_sub(QUOTE_SPAN));
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let before = &self.bytes[from..i];
        if !before.iter().any(|&b| matches!(b, b'"' | 0xC2 | 0xE2)) {
            return false;
        }
        let mut open: Option<char> = None;
        for (p, c) in self.text[from..i].char_indices() {
            match open {
                Some(o) if closes(o, c) && !(c == o && self.opens_at(from + p, c)) => open = None,
                _ if self.opens_at(from + p, c) => open = Some(c),
                _ => {}
            }
        }
        let Some(opener) = open else {
            return false;
        };
        if self.text[i..j].chars().any(|c| closes(opener, c)) {
            return false;
        }
        let mut to = self.end.min(j + QUOTE_SPAN);
        while !self.text.is_char_boundary(to) {
            to -= 1;
        }
        let ahead = &self.text[j..to];
        for (p, c) in ahead.char_indices() {
            let at = j + p;
            if c == opener && self.opens_at(at, c) {
                return false;
            }
            if closes(opener, c) {
                return true;
            }
            if c == '\n'
                && ahead[p + 1..]
                    .trim_start_matches([' ', '\t', '\r'])
                    .starts_with('\n')
            {
                return false;
            }
        }
        false
    }

    /// Whether the quotation mark `c` at `p` opens a quotation: it starts
    /// a word (after the range start, whitespace, a bracket, a dash or a
    /// colon) and a word follows it (French « and ‹ also before a space).
    fn opens_at(&self, p: usize, c: char) -> bool {
        if !matches!(c, '„' | '«' | '»' | '‹' | '›' | '“' | '"') {
            return false;
        }
        let after_word_start = p == self.lo
            || self.text[self.lo..p].chars().next_back().is_some_and(|b| {
                b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '-' | ':' | '/')
            });
        let next = self.text[p + c.len_utf8()..self.end].chars().next();
        let word_follows = match next {
            Some(n) if n.is_whitespace() => matches!(c, '«' | '‹'),
            Some(n) => n.is_alphanumeric() || matches!(n, '¿' | '¡' | '(' | '…' | '.'),
            None => false,
        };
        after_word_start && word_follows
    }

    /// Whether `word` is a capital initial that follows another one
    /// ("M" in "J. M.").
    fn initials_before(&self, word: &str, word_start: usize) -> bool {
        let initial = |w: &str| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
        };
        if !initial(word) {
            return false;
        }
        let before = &self.text[self.lo..word_start];
        let Some(head) = before.strip_suffix(". ") else {
            return false;
        };
        let last = head.rsplit(char::is_whitespace).next().unwrap_or(head);
        initial(last)
    }

    /// Whether the text before a number at `word_start` makes it an
    /// ordinal: a comma ("Samstag, 4.") or a word such as "am" or "der".
    fn ordinal_context(&self, rules: &Rules, word_start: usize) -> bool {
        let before = self.text[self.lo..word_start].trim_end();
        if before.ends_with(',') {
            return true;
        }
        let word = before
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or(before)
            .trim_start_matches(OPENERS);
        rules.is_ordinal_before(word)
    }

    /// Whether the period after `word` is inside a compound abbreviation
    /// that goes on after `k` ("z." before "B.", "EE." before "UU.").
    fn compound_continues(&self, rules: &Rules, word: &str, k: usize) -> bool {
        if rules.compounds.is_empty() || word.chars().count() > 4 {
            return false;
        }
        let mut key = word.to_lowercase();
        let rest = &self.text[k..self.end];
        for token in rest.split(' ').take(3) {
            let Some(part) = token.strip_suffix('.') else {
                break;
            };
            if part.is_empty()
                || part.chars().count() > 4
                || !part
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '.')
            {
                break;
            }
            key.push('.');
            key.extend(part.chars().flat_map(char::to_lowercase));
            if rules.compound_prefix(&key) {
                return true;
            }
        }
        false
    }

    /// The class of a compound abbreviation that ends with `word` at
    /// `word_start` ("B" in "z. B", "UU" in "EE. UU"), if there is one.
    fn compound_before(&self, rules: &Rules, word_start: usize, word: &str) -> Option<Abbrev> {
        if rules.compounds.is_empty() || word.chars().count() > 4 {
            return None;
        }
        let mut key = word.to_lowercase();
        let mut before = &self.text[self.lo..word_start];
        for _ in 0..3 {
            let head = before
                .strip_suffix(". ")
                .or_else(|| before.strip_suffix('.'))?;
            let part_start = head.rfind(|c: char| !c.is_alphabetic()).map_or(0, |p| {
                p + head[p..].chars().next().map_or(1, char::len_utf8)
            });
            let part = &head[part_start..];
            if part.is_empty() || part.chars().count() > 4 {
                return None;
            }
            key.insert(0, '.');
            key.insert_str(0, &part.to_lowercase());
            if let Some(class) = rules.compound_class(&key) {
                return Some(class);
            }
            before = &head[..part_start];
        }
        None
    }

    /// [`Segmenter::glued_boundary`] with another language's `rules`.
    fn glued_boundary_in(&self, rules: &Rules, i: usize, j: usize) -> bool {
        if !self.cased || j != i + 1 || self.bytes[i] != b'.' {
            return false;
        }
        let Some((_, word)) = self.prev_word(i) else {
            return false;
        };
        let plain_word = word.chars().count() >= 2
            && word.chars().all(char::is_alphabetic)
            && classify_in(rules, word) == Abbrev::Word;
        let rest = &self.text[j..self.end];
        if !plain_word || !rest.starts_with(char::is_uppercase) {
            return false;
        }
        let next = unicode_word(rest);
        let after = rest[next.len()..].chars().next();
        let word_ends = after.is_none_or(|c| c.is_whitespace() || c == '\'' || c == ',');
        word_ends && rules.is_starter(next)
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
            let reporting = match self.rules {
                None => is_reporting_verb(word),
                Some(rules) => rules.is_reporting_verb(word),
            };
            if reporting {
                if n == 0 {
                    // A capitalised "Asked whether..." opens a new sentence.
                    return word.starts_with(char::is_lowercase) && (self.cased || question);
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
        let rest = &self.text[k..self.end];
        let (rest, word) = match self.rules {
            None => {
                let rest = skip_openers(rest);
                (rest, ascii_word(rest))
            }
            Some(_) => {
                let rest = rest.trim_start_matches(OPENERS);
                (rest, unicode_word(rest))
            }
        };
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
        let word = match self.rules {
            None => skip_openers(token),
            Some(_) => token.trim_start_matches(OPENERS),
        };
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
        if self.rules.is_some() && line.len() > 4 && line.starts_with("- ") && line.ends_with(" -")
        {
            // An agency subheading: "- QUI PEUT VOTER ? -".
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
        let joining = match self.rules {
            None => is_joining_word(last_word),
            Some(rules) => rules.is_joining_word(last_word),
        };
        self.cased && line.len() < SHORT_LINE && !joining && next.class != Class::Lower
    }
}

/// How far apart (in bytes) the opening mark of a quotation and a sentence
/// end inside it, and that end and the closing mark, may be for the
/// quotation to hold its sentences together (two or three sentences).
const QUOTE_SPAN: usize = 500;

/// Whether `c` closes a quotation opened by `opener` (`„` by `“` or `”`,
/// `«` by `»` and the reverse, `‹` by `›` and the reverse, `“` by `”`,
/// `"` by `"`).
fn closes(opener: char, c: char) -> bool {
    match opener {
        '„' => matches!(c, '“' | '”'),
        '«' => c == '»',
        '»' => c == '«',
        '‹' => c == '›',
        '›' => c == '‹',
        '“' => c == '”',
        '"' => c == '"',
        _ => false,
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

/// The leading letters of `s` in any script, at most [`WORD_MAX`] bytes.
fn unicode_word(s: &str) -> &str {
    let len = s
        .char_indices()
        .take_while(|&(p, c)| c.is_alphabetic() && p + c.len_utf8() <= WORD_MAX)
        .last()
        .map_or(0, |(p, c)| p + c.len_utf8());
    &s[..len]
}

/// [`classify`] for another language's `rules`: Unicode letters and the
/// language's lists, matched in any case.
fn classify_in(rules: &Rules, token: &str) -> Abbrev {
    let mut chars = token.chars();
    let Some(first) = chars.next() else {
        return Abbrev::Word;
    };
    if token
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b':'))
    {
        return if first.is_ascii_digit() {
            Abbrev::Number
        } else {
            Abbrev::Word
        };
    }
    if !token.chars().all(|c| c.is_alphabetic() || c == '.') {
        return Abbrev::Word;
    }
    if token.contains('.') {
        let key = token.to_lowercase();
        if let Some(class) = rules
            .compound_class(&key)
            .or_else(|| rules.word_class(token))
        {
            return class;
        }
        let dotted = token
            .split('.')
            .all(|part| (1..=2).contains(&part.chars().count()));
        return if dotted {
            Abbrev::Ambiguous
        } else {
            Abbrev::Word
        };
    }
    if chars.next().is_none() {
        // A single letter: an initial when a capital, else a part of an
        // abbreviation ("z.") or a unit, as the language has it.
        return if first.is_uppercase() {
            match rules.word_class(token) {
                Some(Abbrev::Title) => Abbrev::Title,
                _ => Abbrev::Ambiguous,
            }
        } else if let Some(class) = rules.word_class(token) {
            class
        } else if rules.lower_letters_abbreviate {
            Abbrev::Title
        } else {
            Abbrev::Word
        };
    }
    rules.word_class(token).unwrap_or(Abbrev::Word)
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
