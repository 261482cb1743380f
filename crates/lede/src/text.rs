//! Word-level views of sentences used by the scorers and the selector.
//!
//! Words are runs of alphanumeric characters, lowercased and hashed to
//! `u64` so that comparing sentences never allocates a string per word.

use std::sync::{LazyLock, OnceLock};

use crate::lang::Language;

/// Common English function words, ignored when comparing content.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "s",
    "said",
    "same",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

static STOPWORD_HASHES: LazyLock<HashSet64> =
    LazyLock::new(|| HashSet64::new(STOPWORDS.iter().map(|w| word_hash(w))));

/// The [`word_hash`]es of the stop words [`Terms::of_in`] drops for
/// `lang`: the list above for English (what the trained models were built
/// with), the language's own list ([`crate::lang::LanguageResources`])
/// for the others, none for language-neutral text. Built once per language.
fn stop_hashes(lang: Option<Language>) -> &'static HashSet64 {
    static NONE: LazyLock<HashSet64> = LazyLock::new(|| HashSet64::new([]));
    static TABLE: [OnceLock<HashSet64>; Language::ALL.len()] =
        [const { OnceLock::new() }; Language::ALL.len()];
    match lang {
        None => &NONE,
        Some(Language::English) => &STOPWORD_HASHES,
        Some(lang) => TABLE[lang as usize].get_or_init(|| {
            HashSet64::new(lang.resources().stop_word_list().filter_map(|w| {
                let mut hashes = Vec::with_capacity(1);
                for_each_word_hash(w, |h| hashes.push(h));
                // A listed word that is not one word here ("aujourd'hui"
                // tokenizes as two) can never match a word hash.
                (hashes.len() == 1).then(|| hashes[0])
            }))
        }),
    }
}

/// A fixed set of word hashes, for the membership test run on every word:
/// open addressing, at most a quarter full, probed linearly from the
/// hash's multiplied high bits. Slots hold the hashes, 0 marks an empty
/// slot (and `zero` says whether the hash 0 itself is in the set).
///
/// The table grows until every member sits within [`PROBE`] slots of its
/// home, and holds `PROBE - 1` slots past the last home so that a window
/// never wraps; a look-up compares one fixed window without a branch: about half the words of news text are stop words, so a branch
/// on the outcome would mispredict on every other word.
#[derive(Debug)]
pub(crate) struct HashSet64 {
    slots: Box<[u64]>,
    shift: u32,
    zero: bool,
}

/// Slots a look-up in [`HashSet64`] compares.
const PROBE: usize = 4;

impl HashSet64 {
    pub(crate) fn new(hashes: impl IntoIterator<Item = u64>) -> HashSet64 {
        let hashes: Vec<u64> = hashes.into_iter().collect();
        let mut size = (hashes.len() * 4).next_power_of_two().max(16);
        loop {
            if let Some(set) = HashSet64::fill(&hashes, size) {
                return set;
            }
            size *= 2;
        }
    }

    /// The set in a table of `size` home slots, or `None` when a member
    /// would land more than [`PROBE`] - 1 slots past its home.
    fn fill(hashes: &[u64], size: usize) -> Option<HashSet64> {
        let mut set = HashSet64 {
            slots: vec![0; size + PROBE - 1].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
            zero: false,
        };
        for &h in hashes {
            if h == 0 {
                set.zero = true;
                continue;
            }
            let home = set.home(h);
            let window = &mut set.slots[home..home + PROBE];
            if window.contains(&h) {
                continue;
            }
            *window.iter_mut().find(|slot| **slot == 0)? = h;
        }
        Some(set)
    }

    #[inline]
    fn home(&self, h: u64) -> usize {
        (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    #[inline]
    pub(crate) fn contains(&self, h: u64) -> bool {
        let home = self.home(h);
        let window: &[u64; PROBE] = self.slots[home..home + PROBE]
            .try_into()
            .expect("a window of PROBE slots");
        // 0 never sits in a slot as a member, so it matches only `zero`.
        (h == 0 && self.zero) | (h != 0) & window.iter().fold(false, |hit, &s| hit | (s == h))
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// One FNV-1a step.
#[inline(always)]
fn fnv(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
}

/// Feeds the UTF-8 bytes of `c` lowercased (as [`char::to_lowercase`]).
#[inline]
fn fnv_lowercase(mut hash: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for lower in c.to_lowercase() {
        for &b in lower.encode_utf8(&mut buf).as_bytes() {
            hash = fnv(hash, b);
        }
    }
    hash
}

/// FNV-1a over the lowercased characters of `word`. Hand-written because it
/// must be stable across platforms and releases (hashes are stored in
/// trained models) and must lowercase on the fly without allocating.
pub fn word_hash(word: &str) -> u64 {
    let mut hash = FNV_OFFSET;
    if word.is_ascii() {
        for b in word.bytes() {
            hash = fnv(hash, b.to_ascii_lowercase());
        }
    } else {
        for c in word.chars() {
            hash = fnv_lowercase(hash, c);
        }
    }
    hash
}

/// The alphanumeric words of `text`, in order. Chinese and Japanese put no spaces between
/// words, so their scripts split words ([`Unspaced`]): a run of Chinese characters gives
/// each pair of neighbours as a word (most Chinese words have two characters; a run of one
/// is a word of one), and each run of hiragana or of katakana is a word ("気象庁は発表した"
/// is 気象, 象庁, は, 発表, した).
pub fn words(text: &str) -> Words<'_> {
    Words {
        rest: text,
        in_han: false,
    }
}

/// Iterator over the words of a text; see [`words`].
#[derive(Debug, Clone)]
pub struct Words<'a> {
    rest: &'a str,
    /// Whether the last word was a pair of Chinese characters whose second starts `rest`.
    in_han: bool,
}

/// The scripts written without spaces between words ([`words`]). Hangul is not one:
/// Korean puts spaces between words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unspaced {
    /// Chinese characters (kanji, hanzi) and the iteration mark 々: pairs of neighbours.
    Han,
    /// Hiragana: a run is a word (particles, endings).
    Hiragana,
    /// Katakana, full and half width, and the long vowel mark: a run is a word.
    Katakana,
}

impl Unspaced {
    /// The unspaced script of `c`, if it has one.
    #[inline]
    pub(crate) fn of(c: char) -> Option<Unspaced> {
        match c {
            '\u{3005}'
            | '\u{3400}'..='\u{4dbf}'
            | '\u{4e00}'..='\u{9fff}'
            | '\u{f900}'..='\u{faff}'
            | '\u{20000}'..='\u{3134f}' => Some(Unspaced::Han),
            '\u{3041}'..='\u{309f}' => Some(Unspaced::Hiragana),
            '\u{30a0}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' | '\u{ff66}'..='\u{ff9f}' => {
                Some(Unspaced::Katakana)
            }
            _ => None,
        }
    }

    /// Byte length of the run of script `self` that starts `s`.
    #[inline]
    fn run_len(self, s: &str) -> usize {
        s.char_indices()
            .find(|&(_, c)| Unspaced::of(c) != Some(self))
            .map_or(s.len(), |(at, _)| at)
    }
}

/// Byte length of the Chinese character that starts `s` and of the next one when it is
/// Chinese too (0 when it is not).
#[inline]
fn han_pair(s: &str) -> (usize, usize) {
    let mut chars = s.chars();
    let first = chars.next().map_or(0, char::len_utf8);
    let second = chars
        .next()
        .filter(|&c| Unspaced::of(c) == Some(Unspaced::Han))
        .map_or(0, char::len_utf8);
    (first, second)
}

/// Byte length of the word at the start of `s`: a run of alphanumeric characters outside
/// the [`Unspaced`] scripts, or a word of one of those (0 when it starts otherwise).
#[inline]
fn word_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            i += 1;
        } else {
            let c = s[i..].chars().next().expect("a character starts here");
            if !c.is_alphanumeric() {
                break;
            }
            if let Some(script) = Unspaced::of(c) {
                return match (i, script) {
                    (0, Unspaced::Han) => c.len_utf8(),
                    (0, _) => script.run_len(s),
                    _ => i,
                };
            }
            i += c.len_utf8();
        }
    }
    i
}

/// Byte length of the run of other characters at the start of `s`.
#[inline]
fn gap_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                break;
            }
            i += 1;
        } else {
            let c = s[i..].chars().next().expect("a character starts here");
            if c.is_alphanumeric() {
                break;
            }
            i += c.len_utf8();
        }
    }
    i
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if std::mem::take(&mut self.in_han) {
            let (first, second) = han_pair(self.rest);
            if second > 0 {
                let word = &self.rest[..first + second];
                self.rest = &self.rest[first..];
                self.in_han = true;
                return Some(word);
            }
            self.rest = &self.rest[first..];
        }
        let rest = &self.rest[gap_len(self.rest)..];
        if rest.is_empty() {
            self.rest = rest;
            return None;
        }
        if rest.chars().next().and_then(Unspaced::of) == Some(Unspaced::Han) {
            let (first, second) = han_pair(rest);
            self.rest = &rest[first..];
            self.in_han = second > 0;
            return Some(&rest[..first + second]);
        }
        let (word, rest) = rest.split_at(word_len(rest));
        self.rest = rest;
        Some(word)
    }
}

/// ASCII bytes lowercased, or 0 for those that are not alphanumeric.
static ASCII_WORD: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// Calls `f` with the [`word_hash`] of every word of `text` (see
/// [`words`]), in order.
#[inline]
pub(crate) fn for_each_word_hash(text: &str, mut f: impl FnMut(u64)) {
    with_word_hashes(text, |hashes| hashes.iter().for_each(|&h| f(h)));
}

/// Appends the [`word_hash`]es of the words of `text` to `out`, in order.
pub(crate) fn extend_word_hashes(text: &str, out: &mut Vec<u64>) {
    with_word_hashes(text, |hashes| out.extend_from_slice(hashes));
}

/// Runs `f` on the [`word_hash`]es of the words of `text`, in a scratch
/// buffer of the thread that only grows (up to [`SCRATCH_KEPT`] slots).
/// The buffer is taken out of its thread-local slot while in use, so that
/// the compiler keeps its length in a register.
fn with_word_hashes<T>(text: &str, f: impl FnOnce(&mut [u64]) -> T) -> T {
    thread_local! {
        static SCRATCH: std::cell::Cell<Vec<u64>> = const { std::cell::Cell::new(Vec::new()) };
    }
    let mut scratch = SCRATCH.take();
    let words = word_hashes(text, &mut scratch);
    let result = f(&mut scratch[..words]);
    if scratch.len() <= SCRATCH_KEPT {
        SCRATCH.set(scratch);
    }
    result
}

/// The largest scratch buffer [`with_word_hashes`] keeps for the next call
/// (512 KiB); one a huge text needed is freed.
const SCRATCH_KEPT: usize = 1 << 16;

/// Writes the [`word_hash`]es of the words of `text` (see [`words`]) to
/// the start of `out`, growing it when it could be too short, and returns
/// how many there are. Every ASCII byte stores the running hash at the
/// next free slot, and the slot advances when a word has just ended:
/// word ends are unpredictable (about one byte in six), and a branch on
/// them would mispredict often. The one branch left, on non-ASCII bytes,
/// is predictable.
fn word_hashes(text: &str, out: &mut Vec<u64>) -> usize {
    let bytes = text.as_bytes();
    // Words and gaps alternate, so there are at most (len + 1) / 2 words;
    // one more slot takes the store after the last.
    let slots = bytes.len() / 2 + 2;
    if out.len() < slots {
        out.resize(slots, 0);
    }
    let out = &mut out[..slots];
    let (mut k, mut hash, mut in_word) = (0usize, FNV_OFFSET, false);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let lower = ASCII_WORD[usize::from(b)];
            let word = lower != 0;
            out[k] = hash;
            k += usize::from(in_word & !word);
            let next = fnv(hash, lower);
            hash = if word { next } else { FNV_OFFSET };
            in_word = word;
            i += 1;
        } else {
            let c = text[i..].chars().next().expect("a character starts here");
            if let Some(script) = Unspaced::of(c) {
                // The word before ends, and the script's words are read whole here, so
                // that the ASCII path above never continues them.
                out[k] = hash;
                k += usize::from(in_word);
                let len = script.run_len(&text[i..]);
                let run = &text[i..i + len];
                if script == Unspaced::Han && run.chars().nth(1).is_some() {
                    for (at, c) in run.char_indices().skip(1) {
                        let start = run[..at].chars().next_back().map_or(0, char::len_utf8);
                        out[k] = word_hash(&run[at - start..at + c.len_utf8()]);
                        k += 1;
                    }
                } else {
                    out[k] = word_hash(run);
                    k += 1;
                }
                i += len;
                hash = FNV_OFFSET;
                in_word = false;
                continue;
            }
            i += c.len_utf8();
            if c.is_alphanumeric() {
                hash = fnv_lowercase(hash, c);
                in_word = true;
            } else {
                out[k] = hash;
                k += usize::from(in_word);
                hash = FNV_OFFSET;
                in_word = false;
            }
        }
    }
    out[k] = hash;
    k + usize::from(in_word)
}

/// Whether a word hash belongs to an English stopword.
pub fn is_stopword(hash: u64) -> bool {
    STOPWORD_HASHES.contains(hash)
}

/// Word statistics of one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms {
    /// Number of words.
    pub words: usize,
    /// Hashes of all words, in order.
    pub hashes: Vec<u64>,
    /// Hashes of the content words (stopwords removed), in order, with repeats.
    pub content: Vec<u64>,
    /// The same hashes, sorted and deduplicated.
    pub set: Vec<u64>,
}

impl Terms {
    /// Computes the terms of English `text`; see [`Terms::of_in`].
    pub fn of(text: &str) -> Terms {
        Terms::of_in(text, Some(Language::English))
    }

    /// Computes the terms of `text` in language `lang` (`None`:
    /// language-neutral, no stop words), after Unicode NFC normalization,
    /// so composed and decomposed accents count as the same word.
    pub fn of_in(text: &str, lang: Option<Language>) -> Terms {
        in_nfc(text, |text| Terms::of_normalized(text, lang))
    }

    fn of_normalized(text: &str, lang: Option<Language>) -> Terms {
        with_word_hashes(text, |buf| {
            let content = content_words(buf, lang);
            Terms {
                words: buf.len(),
                hashes: buf.to_vec(),
                set: ContentWords::from_words(content.clone()).set,
                content,
            }
        })
    }
}

/// The content words among `hashes` (the words of a text in language
/// `lang`, in order; `None`: language-neutral, no stop words), in order,
/// with repeats.
fn content_words(hashes: &[u64], lang: Option<Language>) -> Vec<u64> {
    let stopwords = stop_hashes(lang);
    // Compacted without a branch on each word: every hash is written, and
    // the end advances past content words.
    let mut content = vec![0; hashes.len()];
    let mut kept = 0;
    for &h in hashes {
        content[kept] = h;
        kept += usize::from(!stopwords.contains(h));
    }
    content.truncate(kept);
    content
}

/// The content words of a text (its word hashes less the stop words of its
/// language) as a set, with how often each occurs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContentWords {
    /// The hashes of the content words, sorted and deduplicated.
    pub set: Vec<u64>,
    /// How many times each word of `set` occurs in the text.
    pub counts: Vec<u32>,
    /// Number of content words, repeats included (the sum of `counts`).
    pub len: usize,
}

impl ContentWords {
    /// The content words among `hashes` (the words of a text in language
    /// `lang`, in order; `None`: language-neutral, no stop words).
    pub fn of(hashes: &[u64], lang: Option<Language>) -> ContentWords {
        ContentWords::from_words(content_words(hashes, lang))
    }

    /// The set and counts of the content words `words` (in any order).
    fn from_words(mut set: Vec<u64>) -> ContentWords {
        let len = set.len();
        set.sort_unstable();
        // Runs of one hash become one entry and its count.
        let mut counts: Vec<u32> = Vec::with_capacity(len);
        let mut distinct = 0;
        for i in 0..len {
            let h = set[i];
            if distinct > 0 && set[distinct - 1] == h {
                counts[distinct - 1] += 1;
            } else {
                set[distinct] = h;
                counts.push(1);
                distinct += 1;
            }
        }
        set.truncate(distinct);
        ContentWords { set, counts, len }
    }
}

/// Runs `f` on `text` in Unicode NFC normalization (borrowed when it
/// already is, as nearly all text is), so that composed and decomposed
/// accents give the same words.
pub(crate) fn in_nfc<T>(text: &str, f: impl FnOnce(&str) -> T) -> T {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if !text.is_ascii() && is_nfc_quick(text.chars()) != IsNormalized::Yes {
        let normalized: String = text.nfc().collect();
        return f(&normalized);
    }
    f(text)
}

/// Number of elements two sorted, deduplicated slices share.
pub fn overlap(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_case_insensitive_and_stable() {
        assert_eq!(word_hash("Egypt"), word_hash("EGYPT"));
        assert_eq!(word_hash("Ünïcode"), word_hash("ünïcode"));
        assert_eq!(word_hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(word_hash("\u{dc}n\u{ef}code"), 0xb1b0_d403_50a2_5beb);
    }

    #[test]
    fn terms_drop_stopwords() {
        let t = Terms::of("The cat and the Cat sat.");
        assert_eq!(t.words, 6);
        assert_eq!(t.content.len(), 3);
        assert_eq!(t.set.len(), 2);
        assert_eq!(overlap(&t.set, &Terms::of("a cat").set), 1);
        assert_eq!(
            Terms::of("Cafe\u{301} noir").set,
            Terms::of("Caf\u{e9} noir").set
        );
    }

    #[test]
    fn terms_drop_the_stop_words_of_the_text_language() {
        let text = "Le président de la République et les ministres sont arrivés à Paris.";
        let french = Terms::of_in(text, Some(Language::French));
        assert_eq!(french.words, 12);
        let content: Vec<u64> = ["président", "république", "ministres", "arrivés", "paris"]
            .iter()
            .map(|w| word_hash(w))
            .collect();
        assert_eq!(french.content, content);
        // The English list knows none of the French function words.
        let english = Terms::of(text);
        assert!(english.content.contains(&word_hash("les")));
        assert!(english.content.contains(&word_hash("de")));
        let neutral = Terms::of_in(text, None);
        assert_eq!(neutral.content, neutral.hashes);
        let cat = "The cat and the Cat sat.";
        assert_eq!(Terms::of_in(cat, Some(Language::English)), Terms::of(cat));
    }

    #[test]
    fn chinese_character_pairs_and_kana_runs_are_words() {
        let split = |t| words(t).collect::<Vec<_>>();
        assert_eq!(
            split("気象庁は発表した。"),
            ["気象", "象庁", "は", "発表", "した"]
        );
        assert_eq!(
            split("SVリーグの開幕戦、人々"),
            ["SV", "リーグ", "の", "開幕", "幕戦", "人々"]
        );
        assert_eq!(split("中国航天 天"), ["中国", "国航", "航天", "天"]);
        assert_eq!(split("한국 정부는"), ["한국", "정부는"]);
    }

    /// The words as `str::split` on non-alphanumeric characters finds them, each run then
    /// split where the [`Unspaced`] script changes, and a run of Chinese characters longer
    /// than one read as the pairs of neighbours.
    fn split_words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for run in text.split(|c: char| !c.is_alphanumeric()) {
            let chars: Vec<(usize, char)> = run.char_indices().collect();
            let mut start = 0;
            while start < chars.len() {
                let script = Unspaced::of(chars[start].1);
                let end = (start..chars.len())
                    .find(|&j| Unspaced::of(chars[j].1) != script)
                    .unwrap_or(chars.len());
                let at = |j: usize| chars.get(j).map_or(run.len(), |&(b, _)| b);
                if script == Some(Unspaced::Han) && end - start > 1 {
                    out.extend((start..end - 1).map(|j| &run[at(j)..at(j + 2)]));
                } else {
                    out.push(&run[at(start)..at(end)]);
                }
                start = end;
            }
        }
        out
    }

    #[test]
    fn hash_set_holds_exactly_its_members() {
        let members: Vec<u64> = (0..200u64)
            .map(|i| i.wrapping_mul(0x1234_5678_9abc_def1))
            .collect();
        let set = HashSet64::new(members.iter().copied());
        assert!(members.iter().all(|&h| set.contains(h)));
        assert!(set.contains(0));
        assert!((1..2000u64)
            .filter(|&h| set.contains(h))
            .all(|h| members.contains(&h)));
        assert!(!HashSet64::new([]).contains(0));
        assert!(!HashSet64::new([]).contains(7));
    }

    proptest::proptest! {
        #[test]
        fn words_and_fused_hashes_agree_with_the_plain_definitions(
            text in "([a-zA-Z0-9 .,'\\-]|\u{e9}|\u{301}|\u{130}|\u{3a3}|\u{df}|\u{2019}|\u{a0}|\u{660}|\u{1f600}|\u{3001}|\u{3002}|\u{3005}|\u{3042}|\u{3093}|\u{30ab}|\u{30fc}|\u{ff76}|\u{4e2d}|\u{ac00}|\u{20000}|\\PC){0,40}"
        ) {
            let expected = split_words(&text);
            proptest::prop_assert_eq!(words(&text).collect::<Vec<_>>(), expected.clone());
            let mut fused = Vec::new();
            for_each_word_hash(&text, |h| fused.push(h));
            let hashed: Vec<u64> = expected.iter().map(|w| word_hash(w)).collect();
            proptest::prop_assert_eq!(&fused, &hashed);
            // Into a buffer longer than needed and holding stale values,
            // and into an empty one that has to grow.
            for mut scratch in [vec![7; text.len() + 3], Vec::new()] {
                let n = word_hashes(&text, &mut scratch);
                proptest::prop_assert_eq!(&scratch[..n], &hashed[..]);
            }
        }
    }
}
