//! Word lists the segmenter consults: abbreviations, words that start
//! sentences, and reporting verbs. Each list is sorted and lowercase (but
//! [`STATES`]) and is binary-searched with the word lowercased on the stack.

/// What the token before a period says about the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// Never ends a sentence: titles before names ("Mr.", "Sen.", "e.g.").
    Title,
    /// Ends a sentence only when a typical sentence opener follows
    /// ("U.S.", "Inc.", "a.m.", "Jan.", initials such as "J.").
    Ambiguous,
    /// A US state ("Calif.", "Mass."), often also a word ("Easter Mass."):
    /// ends a sentence like a word, except before a title ("Mass. Gov.").
    State,
    /// Does not end a sentence before a number ("No. 10", "Vol. 3").
    BeforeNumber,
    /// A word that cannot end a sentence; a period after it is a Daily
    /// Mail line-join artifact ("in the. First Amendment").
    Article,
    /// A plain number ("2013", "7.5", "12").
    Number,
    /// Anything else.
    Word,
}

/// Titles before names; capitalised in cased text ("Sen." but "the rep.").
const TITLES: &[&str] = &[
    "adm", "atty", "brig", "capt", "cdr", "cllr", "cmdr", "col", "cpl", "cpt", "det", "dr", "drs",
    "ens", "fr", "gen", "gov", "govs", "hon", "insp", "lt", "maj", "messrs", "mlle", "mme", "mmes",
    "mr", "mrs", "ms", "msgr", "pfc", "pres", "prof", "profs", "pte", "pvt", "rep", "reps", "rev",
    "revd", "rt", "sen", "sens", "sfc", "sgt", "spc", "supt",
];

/// Lowercase abbreviations that never end a sentence.
const LOWER_TITLES: &[&str] = &["approx", "ca", "cf", "viz", "vs"];

/// Capitalised in cased text.
const AMBIGUOUS: &[&str] = &[
    "assn", "ave", "blvd", "bros", "co", "corp", "dept", "hwy", "inc", "jr", "llc", "llp", "ltd",
    "mt", "rd", "sr", "st", "univ",
];

/// Lowercase abbreviations that may end a sentence.
const LOWER_AMBIGUOUS: &[&str] = &["al", "ft", "lb", "lbs", "oz", "sq"];

/// US state abbreviations, only recognised capitalised; several are also
/// English words ("Ill.", "Mass.").
const STATES: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans",
    "Ky", "La", "Mass", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
    "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Abbreviations that stay in the sentence before a number ("Dec. 3",
/// "No. 10") and end it like a word otherwise ("Ant and Dec. Natalie").
const BEFORE_NUMBER: &[&str] = &[
    "apr", "aug", "ch", "chap", "dec", "feb", "fig", "figs", "fri", "jan", "jul", "jun", "mar",
    "no", "nos", "nov", "oct", "op", "pp", "pt", "sec", "sep", "sept", "thu", "thur", "thurs",
    "tue", "tues", "vol", "vols",
];

/// Words that open sentences and rarely follow an abbreviation inside
/// one. Used in lowercased text too, so none of them is common right
/// after "u.s." or "a.m." mid-sentence.
const STRONG_STARTERS: &[&str] = &[
    "a",
    "an",
    "dr",
    "he",
    "her",
    "his",
    "however",
    "i",
    "it",
    "its",
    "meanwhile",
    "mr",
    "mrs",
    "ms",
    "my",
    "our",
    "she",
    "the",
    "their",
    "these",
    "they",
    "this",
    "those",
    "we",
    "you",
    "your",
];

/// Further sentence openers, trusted only when capitalised in cased text.
const WEAK_STARTERS: &[&str] = &[
    "after",
    "all",
    "also",
    "although",
    "and",
    "another",
    "as",
    "at",
    "because",
    "before",
    "besides",
    "both",
    "but",
    "despite",
    "during",
    "each",
    "earlier",
    "everybody",
    "everyone",
    "for",
    "here",
    "how",
    "if",
    "in",
    "last",
    "later",
    "many",
    "most",
    "nobody",
    "none",
    "nothing",
    "now",
    "on",
    "one",
    "other",
    "since",
    "so",
    "some",
    "still",
    "that",
    "then",
    "there",
    "though",
    "two",
    "what",
    "when",
    "where",
    "while",
    "who",
    "why",
    "with",
    "yet",
];

const REPORTING_VERBS: &[&str] = &[
    "added",
    "admitted",
    "asked",
    "asks",
    "claimed",
    "continued",
    "cried",
    "declared",
    "exclaimed",
    "explained",
    "insisted",
    "joked",
    "laughed",
    "noted",
    "posted",
    "recalled",
    "replied",
    "said",
    "says",
    "screamed",
    "shouted",
    "told",
    "tweeted",
    "warned",
    "whispered",
    "wrote",
    "yelled",
];

/// Words that cannot end a heading or list item: a line ending in one
/// continues on the next.
const JOINING: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "with",
];

/// Words after which "!" is part of a name ("Yahoo! News").
const BANG_NAMES: &[&str] = &["jeopardy", "yahoo"];

/// Longest word in any list.
const LONGEST: usize = 9;

fn contains(list: &[&str], word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() > LONGEST {
        return false;
    }
    let mut buf = [0u8; LONGEST];
    for (lower, b) in buf.iter_mut().zip(bytes) {
        *lower = b.to_ascii_lowercase();
    }
    let lowered = &buf[..bytes.len()];
    list.binary_search_by(|w| compare(w.as_bytes(), lowered))
        .is_ok()
}

/// Byte-wise order of two short words, without a call to `memcmp`.
fn compare(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Classifies the token before a period. `token` has the period itself and
/// any opening quotes or brackets removed; it may hold inner periods
/// ("U.S", "p.m", "e.g"). In `cased` text, lowercase tokens only match the
/// abbreviations that are written in lowercase ("vs.", "ft."), and all-caps
/// tokens none.
pub(super) fn classify(token: &str, cased: bool) -> Abbrev {
    let bytes = token.as_bytes();
    let Some(&first) = bytes.first() else {
        return Abbrev::Word;
    };
    if bytes
        .iter()
        .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b':'))
    {
        return if first.is_ascii_digit() {
            Abbrev::Number
        } else {
            Abbrev::Word
        };
    }
    if !bytes.iter().all(|b| b.is_ascii_alphabetic() || *b == b'.') {
        return Abbrev::Word;
    }
    if token.contains('.') {
        if token.eq_ignore_ascii_case("e.g") || token.eq_ignore_ascii_case("i.e") {
            return Abbrev::Title;
        }
        // Letter groups of one or two letters: "U.S", "p.m", "Ph.D", "a.k.a".
        let dotted = token.split('.').all(|part| (1..=2).contains(&part.len()));
        return if dotted {
            Abbrev::Ambiguous
        } else {
            Abbrev::Word
        };
    }
    let lower = first.is_ascii_lowercase();
    if bytes.len() == 1 {
        // Initials; in cased text a lone lowercase letter is a unit ("£8 m.")
        // except "v." (versus) and "p." (page).
        return match first {
            b'v' => Abbrev::Title,
            b'p' => Abbrev::BeforeNumber,
            _ if lower && cased => Abbrev::Word,
            _ => Abbrev::Ambiguous,
        };
    }
    if matches!(token, "the" | "a" | "an") {
        return Abbrev::Article;
    }
    // "MS." in cased text is multiple sclerosis, not "Ms.".
    if cased && bytes.len() > 1 && bytes.iter().all(u8::is_ascii_uppercase) {
        return Abbrev::Word;
    }
    let any_case = !(cased && lower);
    if contains(LOWER_TITLES, token) || (any_case && contains(TITLES, token)) {
        Abbrev::Title
    } else if contains(LOWER_AMBIGUOUS, token) || (any_case && contains(AMBIGUOUS, token)) {
        Abbrev::Ambiguous
    } else if STATES
        .binary_search_by(|w| compare(w.as_bytes(), bytes))
        .is_ok()
    {
        Abbrev::State
    } else if any_case && contains(BEFORE_NUMBER, token) {
        Abbrev::BeforeNumber
    } else {
        Abbrev::Word
    }
}

/// Whether `word` typically opens a sentence. `cased` admits the weaker
/// openers, which are only telling when capitalised.
pub(super) fn is_starter(word: &str, cased: bool) -> bool {
    contains(STRONG_STARTERS, word) || (cased && contains(WEAK_STARTERS, word))
}

/// Whether `word` introduces or closes a quotation ("said", "asked").
pub(super) fn is_reporting_verb(word: &str) -> bool {
    contains(REPORTING_VERBS, word)
}

/// Whether "!" after `word` belongs to a name.
pub(super) fn is_bang_name(word: &str) -> bool {
    contains(BANG_NAMES, word)
}

/// Whether a line ending in `word` must continue on the next line.
pub(super) fn is_joining_word(word: &str) -> bool {
    contains(JOINING, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lowercase_and_short() {
        let lists = [
            TITLES,
            LOWER_TITLES,
            AMBIGUOUS,
            LOWER_AMBIGUOUS,
            BEFORE_NUMBER,
            STRONG_STARTERS,
            WEAK_STARTERS,
            REPORTING_VERBS,
            JOINING,
            BANG_NAMES,
        ];
        for list in lists {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "unsorted: {list:?}");
            for word in list {
                assert_eq!(*word, word.to_ascii_lowercase());
                assert!(word.len() <= LONGEST, "{word} is too long");
            }
        }
        assert!(STATES.windows(2).all(|w| w[0] < w[1]));
        assert!(STATES.iter().all(|w| w.len() <= LONGEST));
    }
}
