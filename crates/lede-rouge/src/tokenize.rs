//! Tokenization identical to rouge-score's `DefaultTokenizer`.
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
//! Tokens are interned: each distinct final token gets a `u32` id from a
//! thread-local vocabulary that also caches stems (stemming is the costly
//! part of scoring), and each scoring call maps those ids to dense local ids
//! `0..k` so that counts can live in small arrays.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use crate::lcs::Lcs;

/// Local id given to tokens that vanish after stemming (never observed with
/// NLTK's Porter, but rouge-score drops such tokens, so we do too).
const DROPPED: u32 = u32::MAX;

/// Vocabulary size past which a thread's cache is emptied before a call
/// (all of lede's corpora together hold about 122k distinct words).
const MAX_VOCAB: usize = 1 << 18;

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
    let mut out = Vec::new();
    let mut buf = Vec::new();
    scan(text, &mut buf, |raw| {
        if let Some(token) = raw.and_then(|raw| final_token(raw, stemmer)) {
            out.push(String::from_utf8(token).unwrap_or_default());
        }
    });
    out
}

/// Interning of final tokens for one stemming mode.
#[derive(Default)]
struct Vocab {
    /// Raw token -> global id of its final token (or [`DROPPED`]).
    raw: FxHashMap<Box<[u8]>, u32>,
    /// Final token -> global id (differs from `raw` only when stemming).
    finals: FxHashMap<Box<[u8]>, u32>,
}

impl Vocab {
    fn global_id(&mut self, raw: &[u8], stem: bool) -> u32 {
        if let Some(&id) = self.raw.get(raw) {
            return id;
        }
        let id = match final_token(raw, stem) {
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

/// Per-thread state: vocabularies (with and without stemming), local ids
/// and the scratch space of the scorers.
#[derive(Default)]
pub(crate) struct State {
    vocab: [Vocab; 2],
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

/// Tokenizer for one call; all texts tokenized through it share local ids.
pub(crate) struct Tokenizer<'a> {
    vocab: &'a mut Vocab,
    local: &'a mut LocalIds,
    buf: &'a mut Vec<u8>,
    stem: bool,
}

impl Tokenizer<'_> {
    /// Tokenizes `text` into `doc` (replacing its contents).
    pub fn tokenize(&mut self, text: &str, doc: &mut Doc) {
        doc.ids.clear();
        doc.breaks.clear();
        let Tokenizer {
            vocab,
            local,
            buf,
            stem,
        } = self;
        scan(text, buf, |raw| match raw {
            Some(raw) => {
                let global = vocab.global_id(raw, *stem);
                if global != DROPPED {
                    doc.ids.push(local.get(global));
                }
            }
            None => doc.breaks.push(doc.ids.len() as u32),
        });
    }

    /// Number of distinct local ids handed out so far in this call.
    pub fn distinct(&self) -> usize {
        self.local.count as usize
    }
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// Runs `f` with this thread's tokenizer (for stemmed or plain tokens) and
/// scratch space. Local ids start from 0 at each call.
pub(crate) fn with_tokenizer<R>(
    stem: bool,
    f: impl FnOnce(&mut Tokenizer<'_>, &mut Scratch) -> R,
) -> R {
    STATE.with(|state| {
        let mut state = state.borrow_mut();
        let State {
            vocab,
            local,
            buf,
            scratch,
        } = &mut *state;
        let vocab = &mut vocab[usize::from(stem)];
        if vocab.raw.len() > MAX_VOCAB {
            vocab.clear();
        }
        local.start();
        let mut tokenizer = Tokenizer {
            vocab,
            local,
            buf,
            stem,
        };
        f(&mut tokenizer, scratch)
    })
}
