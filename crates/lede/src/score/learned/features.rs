//! Sentence features of the learned scorer.
//!
//! Every feature is cheap: positions, lengths, word statistics of the
//! document, TextRank centrality and a few surface cues that separate the
//! sentences highlights are written from (facts, numbers, names) from those
//! they skip (quotes, attributions, dangling pronouns).

use std::cell::RefCell;

use super::lexicon::Lexicon;
use crate::document::Document;
use crate::score::centrality::{self, MAX_GRAPH_SENTENCES};
use crate::text::{overlap, word_hash};

/// Names of the features, in the order [`features`] writes them. A model
/// file records them and is refused when they differ.
pub const FEATURE_NAMES: [&str; 34] = [
    "index",
    "relative_index",
    "sentence_count",
    "paragraph",
    "position_in_paragraph",
    "paragraph_start",
    "words",
    "bytes",
    "content_words",
    "content_ratio",
    "textrank",
    "topicality",
    "term_frequency",
    "title_overlap",
    "has_title",
    "first_sentence_overlap",
    "max_earlier_overlap",
    "number_words",
    "capitalized_ratio",
    "double_quotes",
    "starts_with_quote",
    "attribution",
    "ends_like_sentence",
    "starts_with_reference",
    "question",
    "colon",
    "uppercase_ratio",
    "document_words",
    "sentences_after",
    "relative_length",
    "first_three_overlap",
    "lexical_mean",
    "lexical_max",
    "lexical_strong",
];

/// How many preceding sentences the novelty feature compares with; bounds
/// the work on very long inputs.
const NOVELTY_WINDOW: usize = 64;

/// Number of features per sentence.
pub const FEATURE_COUNT: usize = FEATURE_NAMES.len();

/// One feature vector.
pub type Features = [f32; FEATURE_COUNT];

/// Values per row in the layout the compiled forest walks: the features,
/// then zeros up to a power of two, so a feature index is masked into
/// range rather than bounds-checked.
pub(crate) const ROW_WIDTH: usize = FEATURE_COUNT.next_power_of_two();

/// One feature vector padded to [`ROW_WIDTH`].
pub(crate) type Row = [f32; ROW_WIDTH];

/// A short list of words, as sorted hashes, with a one-word filter in
/// front: bit `h >> 58` of `mask` is set for each member `h`, so most
/// words are ruled out without a search.
#[derive(Debug)]
struct WordList {
    sorted: Vec<u64>,
    mask: u64,
}

impl WordList {
    #[inline]
    fn contains(&self, h: u64) -> bool {
        (self.mask >> (h >> 58)) & 1 != 0 && self.sorted.binary_search(&h).is_ok()
    }
}

fn hashes(list: &[&str]) -> WordList {
    let mut sorted: Vec<u64> = list.iter().map(|w| word_hash(w)).collect();
    sorted.sort_unstable();
    let mask = sorted.iter().fold(0, |mask, h| mask | 1 << (h >> 58));
    WordList { sorted, mask }
}

/// Words that mark reported speech.
static ATTRIBUTION: std::sync::LazyLock<WordList> = std::sync::LazyLock::new(|| {
    hashes(&[
        "said",
        "says",
        "told",
        "according",
        "added",
        "explained",
        "claimed",
        "insisted",
        "revealed",
        "admitted",
    ])
});

/// First words that point back to something earlier in the article.
static REFERENCES: std::sync::LazyLock<WordList> = std::sync::LazyLock::new(|| {
    hashes(&[
        "he",
        "she",
        "it",
        "they",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "but",
        "and",
        "however",
        "also",
        "meanwhile",
        "then",
        "there",
        "so",
        "yet",
    ])
});

fn share(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() {
        0.0
    } else {
        overlap(a, b) as f32 / a.len() as f32
    }
}

/// Computes the feature vector of every sentence of `doc`, with word
/// weights from `lexicon`.
pub fn features(doc: &Document, lexicon: &Lexicon) -> Vec<Features> {
    with_rows(doc, lexicon, |rows| {
        rows.iter()
            .map(|row| {
                let mut x = [0.0; FEATURE_COUNT];
                x.copy_from_slice(&row[..FEATURE_COUNT]);
                x
            })
            .collect()
    })
}

/// Per-thread buffers of [`with_rows`], reused from document to document.
#[derive(Debug, Default)]
struct Scratch {
    /// Per content word id (see [`centrality::GraphScratch::index_terms`]):
    /// sentences containing it, `ln` of its occurrences, lexicon weight and
    /// [`FIRST`] / [`FIRST_THREE`] / [`IN_TITLE`] flags.
    df: Vec<u32>,
    occurrences: Vec<u32>,
    ln_occurrences: Vec<f32>,
    weight: Vec<f32>,
    /// Content word hash per id.
    first_seen: Vec<u64>,
    flags: Vec<u8>,
    centrality: Vec<f32>,
    rows: Vec<Row>,
}

const FIRST: u8 = 1;
const FIRST_THREE: u8 = 2;
const IN_TITLE: u8 = 4;

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Counts over the raw words and characters of one sentence, in one pass.
#[derive(Debug, Default)]
struct Surface {
    /// Alphanumeric words.
    words: usize,
    /// Words with an ASCII digit, among the first `limit`.
    number_words: usize,
    /// Words after the first that start with an uppercase letter, among
    /// the first `limit`.
    capitalized: usize,
    letters: usize,
    uppercase: usize,
    double_quotes: usize,
}

/// Classes of the ASCII bytes for [`surface`], as bits.
const ALPHANUMERIC: u8 = 1;
const ALPHABETIC: u8 = 2;
const UPPERCASE: u8 = 4;
const DIGIT: u8 = 8;
const DOUBLE_QUOTE: u8 = 16;

static ASCII_CLASS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let mut class = 0;
        if c.is_ascii_alphanumeric() {
            class |= ALPHANUMERIC;
        }
        if c.is_ascii_alphabetic() {
            class |= ALPHABETIC;
        }
        if c.is_ascii_uppercase() {
            class |= UPPERCASE;
        }
        if c.is_ascii_digit() {
            class |= DIGIT;
        }
        if c == b'"' {
            class |= DOUBLE_QUOTE;
        }
        table[b] = class;
        b += 1;
    }
    table
};

/// The classes of a character that is not ASCII, as [`ASCII_CLASS`] gives
/// them for ASCII bytes (no such character is a digit of that table).
fn char_class(c: char) -> u8 {
    let mut class = 0;
    if c.is_alphanumeric() {
        class |= ALPHANUMERIC;
    }
    if c.is_alphabetic() {
        class |= ALPHABETIC;
    }
    if c.is_uppercase() {
        class |= UPPERCASE;
    }
    if matches!(c, '“' | '”') {
        class |= DOUBLE_QUOTE;
    }
    class
}

/// The [`Surface`] of `text`; words are maximal runs of alphanumeric
/// characters, as [`crate::text::words`] splits them.
///
/// Eight ASCII bytes without a digit are counted at once
/// ([`Surface::eight`]); other bytes, and characters that are not ASCII,
/// one at a time ([`Surface::step`]).
fn surface(text: &str, limit: usize) -> Surface {
    let mut out = Surface::default();
    let mut state = Word::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let chunk = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if out.eight(chunk, limit, &mut state) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        // ASCII bytes are classified by table; other characters decoded.
        let class = if b < 0x80 {
            i += 1;
            ASCII_CLASS[usize::from(b)]
        } else {
            let c = text[i..].chars().next().expect("a character starts here");
            i += c.len_utf8();
            char_class(c)
        };
        out.step(class, limit, &mut state);
    }
    out
}

/// Where [`surface`] is: in a word or not, and about the current word.
#[derive(Debug, Default)]
struct Word {
    in_word: bool,
    /// The current word is among the first `limit`.
    counted: bool,
    has_digit: bool,
}

/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `chunk` (ASCII bytes only) that lies in
/// `lo..=hi`: adding `0x80 - c` to a byte below 0x80 sets its high bit
/// exactly when the byte is at least `c`, and never carries into the next.
#[inline]
fn in_range(chunk: u64, lo: u8, hi: u8) -> u64 {
    let at_least = |c: u8| chunk.wrapping_add(u64::from_ne_bytes([0x80 - c; 8])) & HIGH;
    at_least(lo) & !at_least(hi + 1)
}

impl Surface {
    /// Counts one character of class `class`.
    #[inline]
    fn step(&mut self, class: u8, limit: usize, state: &mut Word) {
        if class & ALPHANUMERIC != 0 {
            if !state.in_word {
                state.in_word = true;
                state.counted = self.words < limit;
                state.has_digit = false;
                if state.counted && self.words > 0 && class & UPPERCASE != 0 {
                    self.capitalized += 1;
                }
                self.words += 1;
            }
            if state.counted && !state.has_digit && class & DIGIT != 0 {
                state.has_digit = true;
                self.number_words += 1;
            }
            if class & ALPHABETIC != 0 {
                self.letters += 1;
                self.uppercase += usize::from(class & UPPERCASE != 0);
            }
        } else {
            state.in_word = false;
            self.double_quotes += usize::from(class & DOUBLE_QUOTE != 0);
        }
    }

    /// Counts eight bytes (little-endian in `chunk`) at once, as eight
    /// [`Surface::step`]s would, when they are ASCII without a digit and
    /// every word starting in them is among the first `limit`; otherwise
    /// returns false and counts nothing.
    #[inline]
    fn eight(&mut self, chunk: u64, limit: usize, state: &mut Word) -> bool {
        if chunk & HIGH != 0 || in_range(chunk, b'0', b'9') != 0 {
            return false;
        }
        let upper = in_range(chunk, b'A', b'Z');
        let alphabetic = upper | in_range(chunk, b'a', b'z');
        // Words start at letters after a byte that is not one.
        let before = (alphabetic << 8) | u64::from(state.in_word) << 7;
        let starts = alphabetic & !before;
        let new_words = starts.count_ones() as usize;
        if self.words + new_words > limit {
            return false;
        }
        let mut capitalized = (starts & upper).count_ones() as usize;
        if self.words == 0 && starts & starts.wrapping_neg() & upper != 0 {
            // The first word of the text does not count.
            capitalized -= 1;
        }
        self.capitalized += capitalized;
        self.words += new_words;
        if new_words > 0 {
            state.counted = true;
            state.has_digit = false;
        }
        state.in_word = alphabetic >> 63 != 0;
        self.letters += alphabetic.count_ones() as usize;
        self.uppercase += upper.count_ones() as usize;
        self.double_quotes += in_range(chunk, b'"', b'"').count_ones() as usize;
        true
    }
}

/// Computes the padded feature rows of every sentence of `doc` into this
/// thread's buffers and hands them to `f`.
pub(crate) fn with_rows<T>(doc: &Document, lexicon: &Lexicon, f: impl FnOnce(&[Row]) -> T) -> T {
    SCRATCH.with(|scratch| {
        let scratch = &mut *scratch.borrow_mut();
        centrality::with_scratch(|graph| fill_rows(doc, lexicon, scratch, graph));
        f(&scratch.rows)
    })
}

fn fill_rows(
    doc: &Document,
    lexicon: &Lexicon,
    scratch: &mut Scratch,
    ids: &mut centrality::GraphScratch,
) {
    scratch.rows.clear();
    let n = doc.sentences.len();
    if n == 0 {
        return;
    }
    let graph = n.min(MAX_GRAPH_SENTENCES);
    ids.index_terms(doc, n, graph);
    let terms = ids.term_count();
    let Scratch {
        df,
        occurrences,
        ln_occurrences,
        weight,
        first_seen,
        flags,
        centrality,
        rows,
    } = scratch;
    df.clear();
    df.resize(terms, 0);
    occurrences.clear();
    occurrences.resize(terms, 0);
    flags.clear();
    flags.resize(terms, 0);
    first_seen.clear();
    for i in 0..n {
        let terms = doc.content(i);
        let sentence_ids = ids.ids(i);
        let mark = match i {
            0 => FIRST | FIRST_THREE,
            1 | 2 => FIRST_THREE,
            _ => 0,
        };
        for (&t, &k) in terms.set.iter().zip(sentence_ids) {
            let k = k as usize;
            if k == first_seen.len() {
                // Ids come in order of first appearance.
                first_seen.push(t);
            }
            df[k] += 1;
            flags[k] |= mark;
        }
        for (&k, &count) in sentence_ids.iter().zip(&terms.counts) {
            occurrences[k as usize] += count;
        }
    }
    // The look-ups mostly miss the cache; in a loop of their own they
    // overlap rather than wait on each other.
    weight.clear();
    weight.extend(first_seen.iter().map(|&t| lexicon.weight(t)));
    ln_occurrences.clear();
    ln_occurrences.extend(occurrences.iter().map(|&c| (c as f32).ln()));
    if let Some(title) = &doc.title {
        for &t in &title.set {
            if let Some(k) = ids.id_of(t) {
                flags[k as usize] |= IN_TITLE;
            }
        }
    }
    let document_words: usize = doc.sentences.iter().map(|s| s.words()).sum();
    let mean_words = document_words as f32 / n as f32;
    ids.shared_words(doc, graph);
    ids.textrank(doc, graph, centrality);
    let shared = &ids.shared;
    let has_title = doc.title.is_some();

    for (i, s) in doc.sentences.iter().enumerate() {
        let text = doc.sentence_text(i);
        let terms = doc.content(i);
        let set = &terms.set;
        let sentence_ids = ids.ids(i);
        let content = terms.len;
        let topicality = if n > 1 && !set.is_empty() {
            sentence_ids
                .iter()
                .map(|&k| (df[k as usize] - 1) as f32)
                .sum::<f32>()
                / (set.len() as f32 * (n - 1) as f32)
        } else {
            0.0
        };
        let term_frequency = if set.is_empty() {
            0.0
        } else {
            sentence_ids
                .iter()
                .map(|&k| ln_occurrences[k as usize])
                .sum::<f32>()
                / set.len() as f32
        };
        let max_earlier = (i.saturating_sub(NOVELTY_WINDOW)..i)
            .map(|j| {
                if i < graph {
                    shared[i * graph + j] as f32 / set.len().max(1) as f32
                } else {
                    share(set, &doc.content(j).set)
                }
            })
            .fold(0.0, f32::max);
        // The word counts pair raw words with the (normalized) word hashes
        // position by position, up to the shorter of the two.
        let hashes = doc.hashes(i);
        let surface = surface(text, hashes.len());
        let paired = &hashes[..surface.words.min(hashes.len())];
        let attribution = paired.iter().any(|&h| ATTRIBUTION.contains(h));
        let starts_with_reference = paired.first().is_some_and(|&h| REFERENCES.contains(h));
        let letters = surface.letters.max(1);
        let trimmed = text.trim_end();
        let (mut lexical_sum, mut lexical_max, mut lexical_strong) = (0.0f32, 0.0f32, 0usize);
        let (mut in_first, mut in_three, mut in_title) = (0usize, 0usize, 0usize);
        for &k in sentence_ids {
            let w = weight[k as usize];
            lexical_sum += w;
            lexical_max = lexical_max.max(w);
            lexical_strong += usize::from(w > 0.5);
            let flag = flags[k as usize];
            in_first += usize::from(flag & FIRST != 0);
            in_three += usize::from(flag & FIRST_THREE != 0);
            in_title += usize::from(flag & IN_TITLE != 0);
        }
        // Share of the sentence's words also in another set, as `share`.
        let share_of = |common: usize| {
            if set.is_empty() {
                0.0
            } else {
                common as f32 / set.len() as f32
            }
        };
        let words_f = s.words().max(1) as f32;
        let values: Features = [
            i as f32,
            i as f32 / n as f32,
            n as f32,
            s.paragraph as f32,
            s.position_in_paragraph as f32,
            f32::from(u8::from(s.position_in_paragraph == 0)),
            s.words() as f32,
            text.len() as f32,
            content as f32,
            content as f32 / words_f,
            centrality[i] * n as f32,
            topicality,
            term_frequency,
            if has_title { share_of(in_title) } else { 0.0 },
            f32::from(u8::from(has_title)),
            if i == 0 { 1.0 } else { share_of(in_first) },
            max_earlier,
            surface.number_words as f32,
            surface.capitalized as f32 / words_f,
            surface.double_quotes as f32,
            f32::from(u8::from(text.starts_with(['"', '\'', '“', '‘']))),
            f32::from(u8::from(attribution)),
            f32::from(u8::from(crate::clean::ends_like_sentence(trimmed))),
            f32::from(u8::from(starts_with_reference)),
            f32::from(u8::from(
                trimmed.ends_with('?') || trimmed.ends_with("?\"") || trimmed.ends_with("?'"),
            )),
            f32::from(u8::from(text.contains(':'))),
            surface.uppercase as f32 / letters as f32,
            (document_words as f32).ln_1p(),
            (n - 1 - i) as f32,
            s.words() as f32 / mean_words.max(1.0),
            share_of(in_three),
            lexical_sum / set.len().max(1) as f32,
            lexical_max,
            lexical_strong as f32,
        ];
        let mut row = [0.0; ROW_WIDTH];
        row[..FEATURE_COUNT].copy_from_slice(&values);
        rows.push(row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`surface`] as its definition reads, one character at a time.
    fn plain_surface(text: &str, limit: usize) -> Surface {
        let mut out = Surface::default();
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        out.words = words.len();
        for (k, word) in words.iter().take(limit).enumerate() {
            out.number_words += usize::from(word.bytes().any(|b| b.is_ascii_digit()));
            let first = word.chars().next().expect("words are not empty");
            out.capitalized += usize::from(k > 0 && first.is_uppercase());
        }
        for c in text.chars() {
            if c.is_alphanumeric() && c.is_alphabetic() {
                out.letters += 1;
                out.uppercase += usize::from(c.is_uppercase());
            }
            out.double_quotes += usize::from(matches!(c, '"' | '“' | '”'));
        }
        out
    }

    #[test]
    fn word_lists_hold_exactly_their_words() {
        let list = hashes(&["said", "told", "according"]);
        for word in ["said", "Told", "ACCORDING"] {
            assert!(list.contains(word_hash(word)), "{word}");
        }
        for word in ["say", "tell", "accord", "the", "", "storm", "x"] {
            assert!(!list.contains(word_hash(word)), "{word}");
        }
        assert!((0..100_000u64)
            .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .all(|h| list.contains(h) == list.sorted.contains(&h)));
    }

    proptest::proptest! {
        #[test]
        fn surface_counts_as_defined(
            text in "([a-zA-Z0-9 .,'\"\\-]|[a-zA-Z .\"]{1,12}|\u{e9}|\u{c9}|\u{201c}|\u{201d}|\u{130}|\u{660}|\u{2160}|\\PC){0,40}",
            limit in 0usize..12,
        ) {
            let (fast, plain) = (surface(&text, limit), plain_surface(&text, limit));
            proptest::prop_assert_eq!(
                (fast.words, fast.number_words, fast.capitalized),
                (plain.words, plain.number_words, plain.capitalized)
            );
            proptest::prop_assert_eq!(
                (fast.letters, fast.uppercase, fast.double_quotes),
                (plain.letters, plain.uppercase, plain.double_quotes)
            );
        }
    }
}
