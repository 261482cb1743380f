//! Per-language stop words and stemmers, built once per process.

use std::borrow::Cow;
use std::sync::OnceLock;

use rust_stemmers::Stemmer;
use rustc_hash::FxHashSet;

use super::Language;

/// A language's stop words and Snowball stemmer, or none of either for
/// language-neutral text. Get one from [`Language::resources`] or
/// [`super::resources`]; it is built on first use and shared after that,
/// so every call is a hash look-up or a stemmer run, nothing more.
pub struct LanguageResources {
    language: Option<Language>,
    stemmer: Option<Stemmer>,
    stop_words: FxHashSet<&'static str>,
}

impl std::fmt::Debug for LanguageResources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LanguageResources")
            .field("language", &self.language)
            .field("stemmer", &self.stemmer.is_some())
            .field("stop_words", &self.stop_words.len())
            .finish()
    }
}

impl LanguageResources {
    fn build(language: Option<Language>) -> LanguageResources {
        let stemmer = language.and_then(Language::snowball).map(Stemmer::create);
        let stop_words = language
            .and_then(|l| stop_words::lookup(l.code()))
            .unwrap_or(&[])
            .iter()
            .copied()
            .collect();
        LanguageResources {
            language,
            stemmer,
            stop_words,
        }
    }

    /// The language, `None` for language-neutral resources.
    pub fn language(&self) -> Option<Language> {
        self.language
    }

    /// The Snowball stem of a lowercase `word`, or `word` itself without a
    /// stemmer.
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match &self.stemmer {
            Some(stemmer) => stemmer.stem(word),
            None => Cow::Borrowed(word),
        }
    }

    /// Whether the resources include a stemmer.
    pub fn has_stemmer(&self) -> bool {
        self.stemmer.is_some()
    }

    /// Whether `word` is a stop word; it is lowercased first when it has
    /// capitals.
    pub fn is_stopword(&self, word: &str) -> bool {
        if self.stop_words.is_empty() {
            return false;
        }
        if word.chars().any(char::is_uppercase) {
            self.stop_words.contains(word.to_lowercase().as_str())
        } else {
            self.stop_words.contains(word)
        }
    }

    /// The stop words, lowercase, in no particular order.
    pub fn stop_word_list(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.stop_words.iter().copied()
    }

    /// Number of stop words (0 for language-neutral resources and for
    /// languages without a list).
    pub fn stop_words(&self) -> usize {
        self.stop_words.len()
    }
}

/// Stop-word lists: NLTK's (Snowball's) where it has one, the
/// stopwords-iso list otherwise (Polish, Czech, Ukrainian, Japanese,
/// Korean).
pub(super) fn get(language: Option<Language>) -> &'static LanguageResources {
    static NEUTRAL: OnceLock<LanguageResources> = OnceLock::new();
    static TABLE: [OnceLock<LanguageResources>; Language::ALL.len()] =
        [const { OnceLock::new() }; Language::ALL.len()];
    match language {
        None => NEUTRAL.get_or_init(|| LanguageResources::build(None)),
        Some(lang) => TABLE[lang as usize].get_or_init(|| LanguageResources::build(Some(lang))),
    }
}
