//! Languages: names and tags, offline detection, stop words and stemmers.
//!
//! A text is treated either as one [`Language`] or, when its language is
//! unknown or not listed here, as *language-neutral*: no stemming, no stop
//! words, and the segmenter's generic punctuation rules (see
//! [`crate::segment::split_sentences_in`]). Functions that take an
//! `Option<Language>` read `None` as language-neutral; English rules are
//! never applied to a text that is not known to be English.
//!
//! Detection uses the `whatlang` trigram model, compiled into the binary:
//! no files, no network, and the same answer for the same text on any
//! machine or thread count. Only the first [`DETECT_BYTES`] bytes of a text
//! are read. English, the common case, is recognised first by a cheaper
//! test (English function words make up a good share of its first words),
//! which saves the trigram model's time on English text.
//!
//! ```
//! use lede::lang::{detect, Language};
//! let (lang, confidence) = detect("Die Bundesregierung hat am Mittwoch neue \
//!     Regeln für den Ausbau der Windkraft beschlossen.").unwrap();
//! assert_eq!(lang, Language::German);
//! assert!(confidence > 0.5);
//! assert_eq!(Language::from_tag("pt-BR"), Some(Language::Portuguese));
//! assert_eq!(Language::German.stem("häuser"), "haus");
//! assert!(Language::French.is_stopword("les"));
//! ```

mod resources;

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::text::{for_each_word_hash, word_hash, HashSet64};

pub use resources::LanguageResources;

/// How many bytes of a text [`detect`] reads (the first ones, cut back to a
/// character boundary). Trigram statistics settle long before that, and
/// the cost of detection stays bounded on long articles.
pub const DETECT_BYTES: usize = 4096;

/// A language lede has resources for.
///
/// Every language has segmentation rules; stemming and stop words depend
/// on what exists for it ([`Language::has_stemmer`],
/// [`LanguageResources::stop_words`]). Chinese, Japanese and Korean are
/// segmented on sentence-final punctuation (`。！？`) as a best effort and
/// have neither a stemmer nor word-level stop words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Language {
    /// English (`en`).
    #[serde(rename = "en")]
    English,
    /// German (`de`).
    #[serde(rename = "de")]
    German,
    /// French (`fr`).
    #[serde(rename = "fr")]
    French,
    /// Spanish (`es`).
    #[serde(rename = "es")]
    Spanish,
    /// Italian (`it`).
    #[serde(rename = "it")]
    Italian,
    /// Portuguese (`pt`).
    #[serde(rename = "pt")]
    Portuguese,
    /// Dutch (`nl`).
    #[serde(rename = "nl")]
    Dutch,
    /// Polish (`pl`).
    #[serde(rename = "pl")]
    Polish,
    /// Russian (`ru`).
    #[serde(rename = "ru")]
    Russian,
    /// Turkish (`tr`).
    #[serde(rename = "tr")]
    Turkish,
    /// Swedish (`sv`).
    #[serde(rename = "sv")]
    Swedish,
    /// Danish (`da`).
    #[serde(rename = "da")]
    Danish,
    /// Norwegian, Bokmål or Nynorsk (`no`; the tags `nb` and `nn` map here).
    #[serde(rename = "no")]
    Norwegian,
    /// Finnish (`fi`).
    #[serde(rename = "fi")]
    Finnish,
    /// Romanian (`ro`).
    #[serde(rename = "ro")]
    Romanian,
    /// Hungarian (`hu`).
    #[serde(rename = "hu")]
    Hungarian,
    /// Czech (`cs`).
    #[serde(rename = "cs")]
    Czech,
    /// Catalan (`ca`).
    #[serde(rename = "ca")]
    Catalan,
    /// Greek (`el`).
    #[serde(rename = "el")]
    Greek,
    /// Ukrainian (`uk`).
    #[serde(rename = "uk")]
    Ukrainian,
    /// Indonesian (`id`).
    #[serde(rename = "id")]
    Indonesian,
    /// Arabic (`ar`).
    #[serde(rename = "ar")]
    Arabic,
    /// Chinese (`zh`), best-effort segmentation only.
    #[serde(rename = "zh")]
    Chinese,
    /// Japanese (`ja`), best-effort segmentation only.
    #[serde(rename = "ja")]
    Japanese,
    /// Korean (`ko`), best-effort segmentation only.
    #[serde(rename = "ko")]
    Korean,
}

/// Error of [`Language::from_str`]: a tag that names no supported language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown or unsupported language {0:?} (expected an ISO 639-1 code such as \"de\" or \"pt-BR\")")]
pub struct UnknownLanguage(pub String);

/// Error of [`parse_tag`]: text that is not a language tag at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed language tag {0:?} (expected a BCP 47 tag such as \"de\", \"pt-BR\" or \"vi\")")]
pub struct MalformedTag(pub String);

/// Reads a language tag a user asked for (`--language`, the server's and
/// Python's `language`): `Ok(Some(_))` for a language lede has resources
/// for (every form [`Language::from_tag`] reads), `Ok(None)` for a
/// well-formed tag of any other language (`"vi"`, `"sw-KE"`), which gets the
/// language-neutral rules and is reported as `language: null`, and an error
/// for anything else (`"klingon"`, `"12"`, `""`). Well-formed: a primary
/// subtag of two or three ASCII letters, then subtags of one to eight ASCII
/// letters or digits after `-` or `_` (a POSIX `.charset` or `@modifier`
/// ending is ignored).
///
/// ```
/// use lede::lang::{parse_tag, Language};
/// assert_eq!(parse_tag("de-CH"), Ok(Some(Language::German)));
/// assert_eq!(parse_tag("vi"), Ok(None));
/// assert!(parse_tag("klingon").is_err());
/// ```
pub fn parse_tag(tag: &str) -> Result<Option<Language>, MalformedTag> {
    if let Some(language) = Language::from_tag(tag) {
        return Ok(Some(language));
    }
    let body = tag.trim().split(['.', '@']).next().unwrap_or("");
    let mut subtags = body.split(['-', '_']);
    let primary = subtags.next().unwrap_or("");
    let well_formed = (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    if well_formed {
        Ok(None)
    } else {
        Err(MalformedTag(tag.to_owned()))
    }
}

impl Language {
    /// Every supported language, in declaration order.
    pub const ALL: [Language; 25] = [
        Language::English,
        Language::German,
        Language::French,
        Language::Spanish,
        Language::Italian,
        Language::Portuguese,
        Language::Dutch,
        Language::Polish,
        Language::Russian,
        Language::Turkish,
        Language::Swedish,
        Language::Danish,
        Language::Norwegian,
        Language::Finnish,
        Language::Romanian,
        Language::Hungarian,
        Language::Czech,
        Language::Catalan,
        Language::Greek,
        Language::Ukrainian,
        Language::Indonesian,
        Language::Arabic,
        Language::Chinese,
        Language::Japanese,
        Language::Korean,
    ];

    /// The ISO 639-1 code: `"en"`, `"de"`, ... (`"no"` for Norwegian).
    pub fn code(self) -> &'static str {
        self.row().0
    }

    /// The English name: `"German"`.
    pub fn name(self) -> &'static str {
        self.row().1
    }

    /// Code, name, ISO 639-2/3 codes and whatlang's language.
    fn row(
        self,
    ) -> (
        &'static str,
        &'static str,
        &'static [&'static str],
        whatlang::Lang,
    ) {
        use whatlang::Lang as W;
        match self {
            Language::English => ("en", "English", &["eng"], W::Eng),
            Language::German => ("de", "German", &["deu", "ger"], W::Deu),
            Language::French => ("fr", "French", &["fra", "fre"], W::Fra),
            Language::Spanish => ("es", "Spanish", &["spa"], W::Spa),
            Language::Italian => ("it", "Italian", &["ita"], W::Ita),
            Language::Portuguese => ("pt", "Portuguese", &["por"], W::Por),
            Language::Dutch => ("nl", "Dutch", &["nld", "dut"], W::Nld),
            Language::Polish => ("pl", "Polish", &["pol"], W::Pol),
            Language::Russian => ("ru", "Russian", &["rus"], W::Rus),
            Language::Turkish => ("tr", "Turkish", &["tur"], W::Tur),
            Language::Swedish => ("sv", "Swedish", &["swe"], W::Swe),
            Language::Danish => ("da", "Danish", &["dan"], W::Dan),
            Language::Norwegian => (
                "no",
                "Norwegian",
                &["nor", "nob", "nno", "nb", "nn"],
                W::Nob,
            ),
            Language::Finnish => ("fi", "Finnish", &["fin"], W::Fin),
            Language::Romanian => ("ro", "Romanian", &["ron", "rum"], W::Ron),
            Language::Hungarian => ("hu", "Hungarian", &["hun"], W::Hun),
            Language::Czech => ("cs", "Czech", &["ces", "cze"], W::Ces),
            Language::Catalan => ("ca", "Catalan", &["cat"], W::Cat),
            Language::Greek => ("el", "Greek", &["ell", "gre"], W::Ell),
            Language::Ukrainian => ("uk", "Ukrainian", &["ukr"], W::Ukr),
            Language::Indonesian => ("id", "Indonesian", &["ind"], W::Ind),
            Language::Arabic => ("ar", "Arabic", &["ara"], W::Ara),
            Language::Chinese => ("zh", "Chinese", &["zho", "chi", "cmn"], W::Cmn),
            Language::Japanese => ("ja", "Japanese", &["jpn"], W::Jpn),
            Language::Korean => ("ko", "Korean", &["kor"], W::Kor),
        }
    }

    /// Reads a language tag: an ISO 639-1 or 639-2/3 code with any region
    /// or script subtags (`"de-DE"`, `"en_GB"`, `"pt-br"`, `"zh-Hant-TW"`),
    /// or an English name (`"german"`). Case does not matter; `"nb"` and
    /// `"nn"` are Norwegian. `None` for anything else.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag
            .trim()
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if primary.is_empty() {
            return None;
        }
        Language::ALL.into_iter().find(|lang| {
            let (code, name, others, _) = lang.row();
            primary == code
                || others.contains(&primary.as_str())
                || primary.eq_ignore_ascii_case(name)
        })
    }

    /// Whether the language is written without spaces between words
    /// (Chinese, Japanese): sentences end at `。！？` with nothing after.
    pub fn is_cjk(self) -> bool {
        matches!(
            self,
            Language::Chinese | Language::Japanese | Language::Korean
        )
    }

    /// The Snowball stemming algorithm for the language, if there is one.
    pub fn snowball(self) -> Option<rust_stemmers::Algorithm> {
        use rust_stemmers::Algorithm as A;
        Some(match self {
            Language::English => A::English,
            Language::German => A::German,
            Language::French => A::French,
            Language::Spanish => A::Spanish,
            Language::Italian => A::Italian,
            Language::Portuguese => A::Portuguese,
            Language::Dutch => A::Dutch,
            Language::Russian => A::Russian,
            Language::Turkish => A::Turkish,
            Language::Swedish => A::Swedish,
            Language::Danish => A::Danish,
            Language::Norwegian => A::Norwegian,
            Language::Finnish => A::Finnish,
            Language::Romanian => A::Romanian,
            Language::Hungarian => A::Hungarian,
            Language::Greek => A::Greek,
            Language::Arabic => A::Arabic,
            Language::Polish
            | Language::Czech
            | Language::Catalan
            | Language::Ukrainian
            | Language::Indonesian
            | Language::Chinese
            | Language::Japanese
            | Language::Korean => return None,
        })
    }

    /// Whether [`Language::stem`] does anything for this language.
    pub fn has_stemmer(self) -> bool {
        self.snowball().is_some()
    }

    /// The language's stop words and stemmer, built on first use.
    pub fn resources(self) -> &'static LanguageResources {
        resources::get(Some(self))
    }

    /// The Snowball stem of a lowercase `word`; `word` itself when the
    /// language has no stemmer.
    pub fn stem(self, word: &str) -> std::borrow::Cow<'_, str> {
        self.resources().stem(word)
    }

    /// Whether `word` (any case) is a stop word of the language.
    pub fn is_stopword(self, word: &str) -> bool {
        self.resources().is_stopword(word)
    }

    fn from_whatlang(lang: whatlang::Lang) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.row().3 == lang)
    }
}

impl fmt::Display for Language {
    /// Writes the ISO 639-1 code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = UnknownLanguage;

    /// Parses a tag as [`Language::from_tag`] does.
    fn from_str(s: &str) -> Result<Language, UnknownLanguage> {
        Language::from_tag(s).ok_or_else(|| UnknownLanguage(s.to_owned()))
    }
}

/// The resources for `lang`, or the language-neutral ones (no stemmer, no
/// stop words) for `None`.
pub fn resources(lang: Option<Language>) -> &'static LanguageResources {
    resources::get(lang)
}

/// Detects the language of `text` from its first [`DETECT_BYTES`] bytes.
///
/// Returns the language and whatlang's confidence in `0.0..=1.0`, or `None`
/// when the text is too short or mixed to tell, or its language is not one
/// of [`Language::ALL`] (such a text is language-neutral). Deterministic.
///
/// English found by the function-word test reports confidence 1.0.
pub fn detect(text: &str) -> Option<(Language, f64)> {
    let head = prefix(text, DETECT_BYTES);
    if looks_english(prefix(head, ENGLISH_BYTES)) {
        return Some((Language::English, 1.0));
    }
    let info = whatlang::detect(head)?;
    Language::from_whatlang(info.lang()).map(|lang| (lang, info.confidence()))
}

/// How many bytes the English test reads.
const ENGLISH_BYTES: usize = 1024;

/// English function words that are not words of the other Latin-script
/// languages here ("for", "at", "on", "in", "is", "was", "will" are left
/// out for that reason).
const ENGLISH_MARKERS: [&str; 30] = [
    "after", "also", "and", "be", "been", "but", "from", "has", "have", "his", "it", "its", "not",
    "of", "said", "she", "than", "that", "the", "their", "there", "they", "this", "to", "were",
    "which", "who", "with", "would", "you",
];

/// Whether at least 12% of the first words (30 or more of them) are
/// [`ENGLISH_MARKERS`]: about 20-30% are in English news, next to none in
/// other languages.
fn looks_english(head: &str) -> bool {
    static MARKERS: LazyLock<HashSet64> =
        LazyLock::new(|| HashSet64::new(ENGLISH_MARKERS.iter().map(|w| word_hash(w))));
    let (mut words, mut markers) = (0usize, 0usize);
    // A word hash equals a marker's only for that word in any case: the
    // one other character that lowercases to an ASCII letter, the Kelvin
    // sign (to "k"), is in no marker.
    for_each_word_hash(head, |h| {
        words += 1;
        markers += usize::from(MARKERS.contains(h));
    });
    words >= 30 && markers * 100 >= words * 12
}

/// The first `cap` bytes of `text`, cut back to a character boundary.
fn prefix(text: &str, cap: usize) -> &str {
    let mut end = text.len().min(cap);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests;
