//! Tokenization identical to rouge-score's `DefaultTokenizer`, and the
//! multilingual tokenizer of XL-Sum's ROUGE.
//!
//! rouge-score lowercases with Python's `str.lower`, turns every character
//! outside `[a-z0-9]` into a space, splits on whitespace and stems tokens
//! longer than 3 characters with NLTK's Porter stemmer (NLTK_EXTENSIONS
//! mode, see [`crate::porter`]). Only two non-ASCII characters lowercase to something inside
//! `[a-z0-9]`: U+0130 (`İ` -> `i` + U+0307) and U+212A (Kelvin sign -> `k`);
//! every other non-ASCII character is a separator. This is written by hand
//! because it is the hot path: one pass over the bytes, no regex, no
//! allocation per token.
//!
//! [`Tokenizer::Multilingual`] follows XL-Sum's multilingual ROUGE
//! (Hasan et al. 2021): lowercase, tokens are runs of Unicode letters,
//! digits and combining marks of any script (everything else separates
//! tokens), and, with stemming on, every token goes through the language's
//! Snowball stemmer except the language's NLTK stop words (NLTK's
//! `SnowballStemmer(lang, ignore_stopwords=True)`), whatever its length.
//! Two deliberate differences: symbols such as `€` separate tokens here
//! (XL-Sum keeps non-ASCII symbols inside tokens), and each CJK ideograph
//! is a token of its own (XL-Sum runs a word segmenter for Chinese and
//! Japanese; this is the best effort without one).
//!
//! Tokens are interned: each distinct final token gets a `u32` id from a
//! thread-local vocabulary that also caches stems (stemming is the costly
//! part of scoring), and each scoring call maps those ids to dense local ids
//! `0..k` so that counts can live in small arrays.

use std::cell::RefCell;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};
use unicode_normalization::char::is_combining_mark;

use crate::lcs::Lcs;

/// Local id given to tokens that vanish after stemming (never observed with
/// NLTK's Porter, but rouge-score drops such tokens, so we do too).
const DROPPED: u32 = u32::MAX;

/// Vocabulary size past which a thread's cache is emptied before a call
/// (all of lede's corpora together hold about 122k distinct words).
const MAX_VOCAB: usize = 1 << 18;

/// A Snowball stemming algorithm (the `rust-stemmers` crate's).
pub use rust_stemmers::Algorithm as Snowball;

/// How texts are cut into tokens before ROUGE counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tokenizer {
    /// rouge-score 0.1.2's default: `[a-z0-9]+` tokens, Porter stemming of
    /// tokens longer than 3 characters. English only.
    #[default]
    RougeScore,
    /// XL-Sum's multilingual convention: Unicode letter and digit runs of
    /// any script, stemmed (when stemming is on) with the given Snowball
    /// algorithm, or not at all with `None`.
    Multilingual(Option<Snowball>),
}

impl Tokenizer {
    /// The multilingual tokenizer for an ISO 639-1 code (`"fr"`, `"de"`,
    /// `"pt-BR"`...): with the language's Snowball stemmer where one exists,
    /// without stemming otherwise (`"pl"`, `"zh"`, unknown codes).
    pub fn multilingual(code: &str) -> Tokenizer {
        let primary = code.split(['-', '_']).next().unwrap_or("");
        let algorithm = SNOWBALL_CODES
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(primary))
            .map(|&(_, a)| a);
        Tokenizer::Multilingual(algorithm)
    }
}

/// ISO 639-1 codes of the Snowball algorithms (NLTK's stop-word lists are
/// keyed by the same codes).
const SNOWBALL_CODES: [(&str, Snowball); 19] = [
    ("ar", Snowball::Arabic),
    ("da", Snowball::Danish),
    ("nl", Snowball::Dutch),
    ("en", Snowball::English),
    ("fi", Snowball::Finnish),
    ("fr", Snowball::French),
    ("de", Snowball::German),
    ("el", Snowball::Greek),
    ("hu", Snowball::Hungarian),
    ("it", Snowball::Italian),
    ("no", Snowball::Norwegian),
    ("nb", Snowball::Norwegian),
    ("pt", Snowball::Portuguese),
    ("ro", Snowball::Romanian),
    ("ru", Snowball::Russian),
    ("es", Snowball::Spanish),
    ("sv", Snowball::Swedish),
    ("ta", Snowball::Tamil),
    ("tr", Snowball::Turkish),
];

/// NLTK's stop words for `algorithm`'s language, which its Snowball
/// stemmer leaves unstemmed; built once.
fn snowball_stop_words(algorithm: Snowball) -> &'static FxHashSet<&'static str> {
    static TABLE: [OnceLock<FxHashSet<&'static str>>; SNOWBALL_CODES.len()] =
        [const { OnceLock::new() }; SNOWBALL_CODES.len()];
    let index = SNOWBALL_CODES
        .iter()
        .position(|&(_, a)| a == algorithm)
        .unwrap_or(0);
    TABLE[index].get_or_init(|| {
        stop_words::lookup(SNOWBALL_CODES[index].0)
            .unwrap_or(&[])
            .iter()
            .copied()
            .collect()
    })
}

/// Whether `c` is a CJK ideograph, a token of its own in multilingual mode.
fn is_cjk_ideograph(c: char) -> bool {
    matches!(u32::from(c),
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2CEAF
        | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

/// [`scan`] for [`Tokenizer::Multilingual`]: lowercased runs of letters,
/// digits and combining marks, each CJK ideograph alone.
fn scan_multilingual(text: &str, buf: &mut Vec<u8>, mut event: impl FnMut(Option<&[u8]>)) {
    buf.clear();
    let mut utf8 = [0u8; 4];
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                buf.push(c.to_ascii_lowercase() as u8);
                continue;
            }
        } else if is_cjk_ideograph(c) {
            if !buf.is_empty() {
                event(Some(buf));
                buf.clear();
            }
            event(Some(c.encode_utf8(&mut utf8).as_bytes()));
            continue;
        } else if c.is_alphanumeric() || is_combining_mark(c) {
            for lower in c.to_lowercase() {
                buf.extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
            }
            continue;
        }
        if !buf.is_empty() {
            event(Some(buf));
            buf.clear();
        }
        if c == '\n' {
            event(None);
        }
    }
    if !buf.is_empty() {
        event(Some(buf));
        buf.clear();
    }
}

/// The final form of a multilingual raw token (valid UTF-8 by
/// construction): its Snowball stem unless it is a stop word.
fn final_multilingual(
    raw: &[u8],
    stemmer: Option<&(rust_stemmers::Stemmer, Snowball)>,
) -> Option<Vec<u8>> {
    let word = std::str::from_utf8(raw).ok()?;
    let out = match stemmer {
        Some((stemmer, algorithm)) if !snowball_stop_words(*algorithm).contains(word) => {
            stemmer.stem(word).into_owned().into_bytes()
        }
        _ => raw.to_vec(),
    };
    (!out.is_empty()).then_some(out)
}

/// Calls `event` with `Some(token)` for each lowercased raw token of `text`
/// (before stemming) and with `None` at each `\n`.
fn scan(text: &str, buf: &mut Vec<u8>, mut event: impl FnMut(Option<&[u8]>)) {
    let bytes = text.as_bytes();
    buf.clear();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            buf.push(b.to_ascii_lowercase());
        } else {
            // U+0130 lowercases to "i" followed by a combining dot (a separator).
            let dotted_i = b == 0xC4 && bytes.get(i + 1) == Some(&0xB0);
            // U+212A (Kelvin sign) lowercases to "k".
            let kelvin =
                b == 0xE2 && bytes.get(i + 1) == Some(&0x84) && bytes.get(i + 2) == Some(&0xAA);
            if kelvin {
                buf.push(b'k');
                i += 3;
                continue;
            }
            if dotted_i {
                buf.push(b'i');
                i += 1;
            }
            if !buf.is_empty() {
                event(Some(buf));
                buf.clear();
            }
            if b == b'\n' {
                event(None);
            }
        }
        i += 1;
    }
    if !buf.is_empty() {
        event(Some(buf));
        buf.clear();
    }
}

/// The final form of a raw token: stemmed when asked and longer than 3
/// characters; `None` when it is not a valid `[a-z0-9]+` token afterwards.
fn final_token(raw: &[u8], stem: bool) -> Option<Vec<u8>> {
    let mut out = raw.to_vec();
    if stem && raw.len() > 3 {
        crate::porter::stem(&mut out);
    }
    (!out.is_empty()
        && out
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
    .then_some(out)
}

/// Tokenizes `text` exactly as rouge-score 0.1.2 does.
///
/// ```
/// let tokens = lede_rouge::tokenize("The Dogs ran, İzmir's 3 cats!", true);
/// assert_eq!(tokens, ["the", "dog", "ran", "i", "zmir", "s", "3", "cat"]);
/// ```
pub fn tokenize(text: &str, stemmer: bool) -> Vec<String> {
    tokenize_with(text, stemmer, Tokenizer::RougeScore)
}

/// Tokenizes `text` with `tokenizer`; `stemmer` turns stemming on.
///
/// ```
/// use lede_rouge::{tokenize_with, Snowball, Tokenizer};
/// let french = Tokenizer::Multilingual(Some(Snowball::French));
/// assert_eq!(tokenize_with("Le préfet a parlé.", true, french), ["le", "préfet", "a", "parl"]);
/// assert_eq!(tokenize_with("Le préfet", false, Tokenizer::RougeScore), ["le", "pr", "fet"]);
/// ```
pub fn tokenize_with(text: &str, stemmer: bool, tokenizer: Tokenizer) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    let mode = Mode::new(tokenizer, stemmer);
    let mut push = |raw: Option<&[u8]>| {
        if let Some(token) = raw.and_then(|raw| mode.final_token(raw)) {
            out.push(String::from_utf8(token).unwrap_or_default());
        }
    };
    match tokenizer {
        Tokenizer::RougeScore => scan(text, &mut buf, &mut push),
        Tokenizer::Multilingual(_) => scan_multilingual(text, &mut buf, &mut push),
    }
    out
}

/// A tokenizer with its stemming switch, ready to make final tokens.
enum Mode {
    RougeScore {
        stem: bool,
    },
    Multilingual {
        stemmer: Option<(rust_stemmers::Stemmer, Snowball)>,
    },
}

impl Mode {
    fn new(tokenizer: Tokenizer, stem: bool) -> Mode {
        match tokenizer {
            Tokenizer::RougeScore => Mode::RougeScore { stem },
            Tokenizer::Multilingual(algorithm) => Mode::Multilingual {
                stemmer: algorithm
                    .filter(|_| stem)
                    .map(|a| (rust_stemmers::Stemmer::create(a), a)),
            },
        }
    }

    fn final_token(&self, raw: &[u8]) -> Option<Vec<u8>> {
        match self {
            Mode::RougeScore { stem } => final_token(raw, *stem),
            Mode::Multilingual { stemmer } => final_multilingual(raw, stemmer.as_ref()),
        }
    }
}

/// Interning of final tokens for one tokenizer and stemming mode.
struct Vocab {
    mode: Mode,
    /// Raw token -> global id of its final token (or [`DROPPED`]).
    raw: FxHashMap<Box<[u8]>, u32>,
    /// Final token -> global id (differs from `raw` only when stemming).
    finals: FxHashMap<Box<[u8]>, u32>,
}

impl Vocab {
    fn new(mode: Mode) -> Vocab {
        Vocab {
            mode,
            raw: FxHashMap::default(),
            finals: FxHashMap::default(),
        }
    }

    fn global_id(&mut self, raw: &[u8]) -> u32 {
        if let Some(&id) = self.raw.get(raw) {
            return id;
        }
        let id = match self.mode.final_token(raw) {
            None => DROPPED,
            Some(token) => {
                let next = self.finals.len() as u32;
                *self.finals.entry(token.into_boxed_slice()).or_insert(next)
            }
        };
        self.raw.insert(raw.into(), id);
        id
    }

    fn clear(&mut self) {
        self.raw.clear();
        self.finals.clear();
    }
}

/// Maps global ids to dense local ids for the duration of one call.
#[derive(Default)]
struct LocalIds {
    generation: u32,
    stamp: Vec<u32>,
    local: Vec<u32>,
    count: u32,
}

impl LocalIds {
    fn start(&mut self) {
        self.count = 0;
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.generation = 1;
        }
    }

    fn get(&mut self, global: u32) -> u32 {
        let g = global as usize;
        if g >= self.stamp.len() {
            let len = (g + 1).next_power_of_two();
            self.stamp.resize(len, 0);
            self.local.resize(len, 0);
        }
        if self.stamp[g] != self.generation {
            self.stamp[g] = self.generation;
            self.local[g] = self.count;
            self.count += 1;
        }
        self.local[g]
    }
}

/// A tokenized text: local token ids and the token index at each `\n`.
#[derive(Default)]
pub(crate) struct Doc {
    pub ids: Vec<u32>,
    pub breaks: Vec<u32>,
}

impl Doc {
    /// Token ranges of the `\n`-separated lines (some may be empty).
    pub fn lines(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let ends = self
            .breaks
            .iter()
            .map(|&b| b as usize)
            .chain([self.ids.len()]);
        let mut start = 0;
        ends.map(move |end| {
            let range = start..end;
            start = end;
            range
        })
    }
}

/// Per-thread state: vocabularies (one per tokenizer and stemming mode),
/// local ids and the scratch space of the scorers.
pub(crate) struct State {
    /// rouge-score's tokenizer without and with stemming.
    vocab: [Vocab; 2],
    /// Multilingual tokenizers, created on first use.
    multilingual: Vec<(Tokenizer, bool, Vocab)>,
    local: LocalIds,
    buf: Vec<u8>,
    /// Reusable scratch for counting and LCS.
    pub scratch: Scratch,
}

/// Scratch buffers reused across calls on one thread.
#[derive(Default)]
pub(crate) struct Scratch {
    pub counts: Vec<u32>,
    pub marks: Vec<bool>,
    pub bigrams: FxHashMap<u64, u32>,
    pub lcs: Lcs,
    pub docs: Vec<Doc>,
}

impl Scratch {
    /// Makes `counts` (all zero) cover `k` local ids.
    pub fn counts_for(&mut self, k: usize) -> &mut Vec<u32> {
        if self.counts.len() < k {
            self.counts.resize(k, 0);
        }
        &mut self.counts
    }
}

impl Default for State {
    fn default() -> State {
        State {
            vocab: [false, true].map(|stem| Vocab::new(Mode::RougeScore { stem })),
            multilingual: Vec::new(),
            local: LocalIds::default(),
            buf: Vec::new(),
            scratch: Scratch::default(),
        }
    }
}

/// Interner for one call; all texts tokenized through it share local ids.
pub(crate) struct Interner<'a> {
    vocab: &'a mut Vocab,
    local: &'a mut LocalIds,
    buf: &'a mut Vec<u8>,
    multilingual: bool,
}

impl Interner<'_> {
    /// Tokenizes `text` into `doc` (replacing its contents).
    pub fn tokenize(&mut self, text: &str, doc: &mut Doc) {
        doc.ids.clear();
        doc.breaks.clear();
        let Interner {
            vocab,
            local,
            buf,
            multilingual,
        } = self;
        let event = |raw: Option<&[u8]>| match raw {
            Some(raw) => {
                let global = vocab.global_id(raw);
                if global != DROPPED {
                    doc.ids.push(local.get(global));
                }
            }
            None => doc.breaks.push(doc.ids.len() as u32),
        };
        if *multilingual {
            scan_multilingual(text, buf, event);
        } else {
            scan(text, buf, event);
        }
    }

    /// Number of distinct local ids handed out so far in this call.
    pub fn distinct(&self) -> usize {
        self.local.count as usize
    }
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// Runs `f` with this thread's interner for `tokenizer` (with stemmed or
/// plain tokens) and scratch space. Local ids start from 0 at each call.
pub(crate) fn with_tokenizer<R>(
    tokenizer: Tokenizer,
    stem: bool,
    f: impl FnOnce(&mut Interner<'_>, &mut Scratch) -> R,
) -> R {
    STATE.with(|state| {
        let mut state = state.borrow_mut();
        let State {
            vocab,
            multilingual,
            local,
            buf,
            scratch,
        } = &mut *state;
        let vocab = match tokenizer {
            Tokenizer::RougeScore => &mut vocab[usize::from(stem)],
            Tokenizer::Multilingual(_) => {
                let index = match multilingual
                    .iter()
                    .position(|(t, s, _)| *t == tokenizer && *s == stem)
                {
                    Some(index) => index,
                    None => {
                        multilingual.push((
                            tokenizer,
                            stem,
                            Vocab::new(Mode::new(tokenizer, stem)),
                        ));
                        multilingual.len() - 1
                    }
                };
                &mut multilingual[index].2
            }
        };
        if vocab.raw.len() > MAX_VOCAB {
            vocab.clear();
        }
        local.start();
        let mut interner = Interner {
            vocab,
            local,
            buf,
            multilingual: tokenizer != Tokenizer::RougeScore,
        };
        f(&mut interner, scratch)
    })
}
