//! NLTK's Porter stemmer in its default NLTK_EXTENSIONS mode, as rouge-score
//! calls it, on lowercase ASCII tokens.
//!
//! Written by hand for speed: the `nltk-porter` crate (used as the oracle in
//! this module's tests) is exact but allocates a `Vec<char>` per step and
//! stemming dominates cold-cache scoring. This version edits one byte
//! buffer in place. Every rule, condition and rule order follows
//! `nltk/stem/porter.py` (NLTK 3.10).

/// NLTK's irregular forms, looked up before any rule.
const IRREGULAR: [(&[u8], &[u8]); 16] = [
    (b"sky", b"sky"),
    (b"skies", b"sky"),
    (b"dying", b"die"),
    (b"lying", b"lie"),
    (b"tying", b"tie"),
    (b"news", b"news"),
    (b"innings", b"inning"),
    (b"inning", b"inning"),
    (b"outings", b"outing"),
    (b"outing", b"outing"),
    (b"cannings", b"canning"),
    (b"canning", b"canning"),
    (b"howe", b"howe"),
    (b"proceed", b"proceed"),
    (b"exceed", b"exceed"),
    (b"succeed", b"succeed"),
];

/// Stems `word` (lowercase ASCII letters and digits) in place.
pub(crate) fn stem(word: &mut Vec<u8>) {
    if let Some((_, irregular)) = IRREGULAR.iter().find(|(form, _)| *form == word.as_slice()) {
        word.clear();
        word.extend_from_slice(irregular);
        return;
    }
    if word.len() <= 2 {
        return;
    }
    step1a(word);
    step1b(word);
    step1c(word);
    step2(word);
    step3(word);
    step4(word);
    step5a(word);
    step5b(word);
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether `w[i]` is a consonant: not a vowel, and a `y` only at the start
/// or after a vowel (alternating along runs of `y`).
fn is_consonant(w: &[u8], mut i: usize) -> bool {
    if is_vowel(w[i]) {
        return false;
    }
    if w[i] != b'y' {
        return true;
    }
    let mut negate = false;
    while i > 0 && w[i] == b'y' {
        negate = !negate;
        i -= 1;
    }
    is_vowel(w[i]) == negate
}

/// Porter's m: the number of vowel-consonant transitions.
fn measure(w: &[u8]) -> usize {
    let mut m = 0;
    let mut prev_consonant = true;
    for (i, &c) in w.iter().enumerate() {
        let consonant = if is_vowel(c) {
            false
        } else if c == b'y' {
            i == 0 || !prev_consonant
        } else {
            true
        };
        if consonant && i > 0 && !prev_consonant {
            m += 1;
        }
        prev_consonant = consonant;
    }
    m
}

fn contains_vowel(w: &[u8]) -> bool {
    (0..w.len()).any(|i| !is_consonant(w, i))
}

fn ends_double_consonant(w: &[u8]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1)
}

/// Consonant-vowel-consonant ending (last not w, x, y), or, as NLTK adds,
/// a two-letter vowel-consonant word.
fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    (n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y'))
        || (n == 2 && !is_consonant(w, 0) && is_consonant(w, 1))
}

/// A rule's condition, given the word and the length of its stem.
type Cond = fn(&[u8], usize) -> bool;

fn always(_: &[u8], _: usize) -> bool {
    true
}

fn m_gt0(w: &[u8], stem: usize) -> bool {
    measure(&w[..stem]) > 0
}

fn m_gt1(w: &[u8], stem: usize) -> bool {
    measure(&w[..stem]) > 1
}

fn replace(word: &mut Vec<u8>, stem: usize, replacement: &[u8]) {
    word.truncate(stem);
    word.extend_from_slice(replacement);
}

/// Applies the first rule whose suffix ends `word` (if its condition holds);
/// later rules are not tried either way.
fn apply(word: &mut Vec<u8>, rules: &[(&str, &str, Cond)]) {
    for &(suffix, replacement, cond) in rules {
        if word.ends_with(suffix.as_bytes()) {
            let stem = word.len() - suffix.len();
            if cond(word, stem) {
                replace(word, stem, replacement.as_bytes());
            }
            return;
        }
    }
}

fn step1a(word: &mut Vec<u8>) {
    if word.len() == 4 && word.ends_with(b"ies") {
        replace(word, 1, b"ie");
        return;
    }
    apply(
        word,
        &[
            ("sses", "ss", always),
            ("ies", "i", always),
            ("ss", "ss", always),
            ("s", "", always),
        ],
    );
}

fn step1b(word: &mut Vec<u8>) {
    if word.ends_with(b"ied") {
        let replacement: &[u8] = if word.len() == 4 { b"ie" } else { b"i" };
        replace(word, word.len() - 3, replacement);
        return;
    }
    if word.ends_with(b"eed") {
        let stem = word.len() - 3;
        if measure(&word[..stem]) > 0 {
            replace(word, stem, b"ee");
        }
        return;
    }
    let Some(suffix) = [&b"ed"[..], b"ing"]
        .into_iter()
        .find(|s| word.ends_with(s) && contains_vowel(&word[..word.len() - s.len()]))
    else {
        return;
    };
    word.truncate(word.len() - suffix.len());
    if word.ends_with(b"at") || word.ends_with(b"bl") || word.ends_with(b"iz") {
        word.push(b'e');
    } else if ends_double_consonant(word) {
        if !matches!(word[word.len() - 1], b'l' | b's' | b'z') {
            word.pop();
        }
    } else if measure(word) == 1 && ends_cvc(word) {
        word.push(b'e');
    }
}

fn step1c(word: &mut Vec<u8>) {
    apply(
        word,
        &[("y", "i", |w, stem| stem > 1 && is_consonant(w, stem - 1))],
    );
}

fn step2(word: &mut Vec<u8>) {
    if word.ends_with(b"alli") && m_gt0(word, word.len() - 4) {
        replace(word, word.len() - 4, b"al");
        step2(word);
        return;
    }
    apply(
        word,
        &[
            ("ational", "ate", m_gt0),
            ("tional", "tion", m_gt0),
            ("enci", "ence", m_gt0),
            ("anci", "ance", m_gt0),
            ("izer", "ize", m_gt0),
            ("bli", "ble", m_gt0),
            ("alli", "al", m_gt0),
            ("entli", "ent", m_gt0),
            ("eli", "e", m_gt0),
            ("ousli", "ous", m_gt0),
            ("ization", "ize", m_gt0),
            ("ation", "ate", m_gt0),
            ("ator", "ate", m_gt0),
            ("alism", "al", m_gt0),
            ("iveness", "ive", m_gt0),
            ("fulness", "ful", m_gt0),
            ("ousness", "ous", m_gt0),
            ("aliti", "al", m_gt0),
            ("iviti", "ive", m_gt0),
            ("biliti", "ble", m_gt0),
            ("fulli", "ful", m_gt0),
            // NLTK measures the word without "ogi" (the stem plus "l").
            ("logi", "log", |w, stem| m_gt0(w, stem + 1)),
        ],
    );
}

fn step3(word: &mut Vec<u8>) {
    apply(
        word,
        &[
            ("icate", "ic", m_gt0),
            ("ative", "", m_gt0),
            ("alize", "al", m_gt0),
            ("iciti", "ic", m_gt0),
            ("ical", "ic", m_gt0),
            ("ful", "", m_gt0),
            ("ness", "", m_gt0),
        ],
    );
}

fn step4(word: &mut Vec<u8>) {
    apply(
        word,
        &[
            ("al", "", m_gt1),
            ("ance", "", m_gt1),
            ("ence", "", m_gt1),
            ("er", "", m_gt1),
            ("ic", "", m_gt1),
            ("able", "", m_gt1),
            ("ible", "", m_gt1),
            ("ant", "", m_gt1),
            ("ement", "", m_gt1),
            ("ment", "", m_gt1),
            ("ent", "", m_gt1),
            ("ion", "", |w, stem| {
                m_gt1(w, stem) && matches!(w[stem - 1], b's' | b't')
            }),
            ("ou", "", m_gt1),
            ("ism", "", m_gt1),
            ("ate", "", m_gt1),
            ("iti", "", m_gt1),
            ("ous", "", m_gt1),
            ("ive", "", m_gt1),
            ("ize", "", m_gt1),
        ],
    );
}

fn step5a(word: &mut Vec<u8>) {
    if word.last() == Some(&b'e') {
        let stem = &word[..word.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            word.pop();
        }
    }
}

fn step5b(word: &mut Vec<u8>) {
    if word.ends_with(b"ll") && measure(&word[..word.len() - 1]) > 1 {
        word.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(word: &str) -> String {
        let mut w = word.as_bytes().to_vec();
        stem(&mut w);
        String::from_utf8(w).unwrap()
    }

    #[test]
    fn known_stems() {
        for (word, want) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("skies", "sky"),
            ("dying", "die"),
            ("agreed", "agre"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("generalizations", "gener"),
            ("happily", "happili"),
            ("analogi", "analog"),
            ("controll", "control"),
            ("1990s", "1990"),
        ] {
            assert_eq!(ours(word), want, "{word}");
        }
    }

    proptest! {
        #[test]
        fn matches_the_nltk_porter_crate(word in "[a-z0-9]{3,14}|[aeiouylstb]{3,10}|[a-z]{2,8}(ational|iveness|ousli|alli|logi|ied|eed|ing|ed|ies|sses|ement|ion|bli|ll|e|y)") {
            let reference = nltk_porter::PorterStemmer::new(nltk_porter::Mode::Nltk).stem(&word);
            prop_assert_eq!(ours(&word), reference);
        }
    }
}
