//! The summarizer: ingest -> clean -> segment -> score -> select -> render.
//!
//! [`Summarizer`] holds only compiled, immutable state (the learned model's
//! forest) and is built once; every call brings its own [`Options`].

use std::borrow::Cow;
use std::sync::Arc;
use std::time::Instant;

use crate::clean::{clean_in, clean_parts, Cleaned};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::ingest::{
    check_size, check_text, decode_text, sniff, ArticleText, Input, InputFormat, Sniffed,
    DEFAULT_MAX_INPUT_BYTES,
};
use crate::lang::{detect, parse_tag, Language};
use crate::render::{Bullet, Offsets, Removed, Source, Summary, Warning};
use crate::score::learned::{
    embedded_model, embedded_model_for, LearnedScorer, Model, EMBEDDED_LANGUAGES,
};
use crate::score::{Algorithm, Lead, LexRank, Scorer, TextRank};
use crate::select::{bullet_span, rank_order, select, select_set, Length, Selection};

/// Per-call settings of [`Summarizer::summarize`].
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// How sentences are scored.
    pub algorithm: Algorithm,
    /// How long the summary may be.
    pub length: Length,
    /// Redundancy control: the largest share of content words a bullet may
    /// share with an already chosen one (0 to 1; 1 turns the check off).
    /// `None` uses the algorithm's own setting (the learned model's was
    /// chosen on validation data).
    pub max_overlap: Option<f32>,
    /// Sentences shorter than this many words are chosen only as a last resort.
    pub min_words: usize,
    /// With a word or character budget, the first bullet may go over it, so
    /// there is always one; by default budgets are limits and a summary may
    /// have no bullet when no sentence fits.
    pub length_at_least_one: bool,
    /// Inputs larger than this many bytes are refused.
    pub max_input_bytes: usize,
    /// The article's language; `None` detects it (offline). Undetected or
    /// unsupported languages get language-neutral rules (generic sentence
    /// punctuation, no stop words or stemming), reported as `language: null`.
    pub language: Option<Language>,
    /// With `language` unset, use the language-neutral rules without
    /// detecting: what a requested language lede has no resources for asks
    /// for ([`Options::set_language_tag`] with `"vi"`).
    pub language_neutral: bool,
    /// Work still running at this instant stops with [`Error::TimedOut`]
    /// (checked between stages; each stage's work is bounded, see
    /// [`crate::clean`]).
    pub deadline: Option<Instant>,
}

impl Default for Options {
    fn default() -> Self {
        let selection = Selection::default();
        Options {
            algorithm: Algorithm::default(),
            length: selection.length,
            max_overlap: None,
            min_words: selection.min_words,
            length_at_least_one: false,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            language: None,
            language_neutral: false,
            deadline: None,
        }
    }
}

impl Options {
    /// Checks that every value is in its domain.
    pub fn validate(&self) -> Result<()> {
        self.length.validate().map_err(Error::InvalidOption)?;
        if let Some(overlap) = self.max_overlap {
            if !(0.0..=1.0).contains(&overlap) {
                return Err(Error::InvalidOption(format!(
                    "max_overlap must be between 0 and 1, got {overlap}"
                )));
            }
        }
        if self.max_input_bytes == 0 {
            return Err(Error::InvalidOption(
                "max_input_bytes must be at least 1".into(),
            ));
        }
        Ok(())
    }

    /// Sets the language from a tag a user asked for ([`parse_tag`]): a
    /// language lede has resources for is used as given; any other
    /// well-formed tag (`"vi"`) gets the language-neutral rules, reported as
    /// `language: null`, without detection; a malformed tag is an
    /// [`Error::InvalidOption`].
    pub fn set_language_tag(&mut self, tag: &str) -> Result<()> {
        let language = parse_tag(tag).map_err(|e| Error::InvalidOption(e.to_string()))?;
        self.language = language;
        self.language_neutral = language.is_none();
        Ok(())
    }

    /// The language rules for `text`: the override, else none when
    /// language-neutral rules were asked for, else the detected language,
    /// else the page's declared `tag`.
    fn language_of(&self, text: &str, tag: Option<&str>) -> Option<Language> {
        if self.language.is_some() || self.language_neutral {
            return self.language;
        }
        detect(text)
            .map(|(language, _)| language)
            .or_else(|| tag.and_then(Language::from_tag))
    }

    fn check_deadline(&self) -> Result<()> {
        match self.deadline {
            Some(deadline) if Instant::now() >= deadline => Err(Error::TimedOut),
            _ => Ok(()),
        }
    }
}

/// Turns articles into bullet highlights. Build it once and share it: it is
/// cheap to clone (`Arc` inside) and `Send + Sync`.
///
/// The learned algorithm picks its model by the text's language (the one
/// in [`Options::language`], else the detected one): French text gets the
/// embedded French model, everything else (English, language-neutral text,
/// other languages) the default model trained on English news. A model
/// given to [`Summarizer::with_model`] serves every language.
#[derive(Clone)]
pub struct Summarizer {
    learned: Arc<LearnedScorer>,
    /// Models that replace `learned` for text in one language; empty when
    /// the model was given.
    by_language: Arc<[(Language, LearnedScorer)]>,
}

impl std::fmt::Debug for Summarizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Summarizer")
            .field("trees", &self.learned.model().trees.len())
            .field(
                "own_models",
                &self
                    .by_language
                    .iter()
                    .map(|(l, _)| l.code())
                    .collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

impl Summarizer {
    /// A summarizer whose learned algorithm uses the embedded models: the
    /// default one, and a language's own where there is one.
    pub fn new() -> Result<Summarizer> {
        let model_error = |source| Error::Model { path: None, source };
        let model = embedded_model().map_err(model_error)?;
        let by_language = EMBEDDED_LANGUAGES
            .into_iter()
            .map(|language| {
                let model = embedded_model_for(Some(language)).map_err(model_error)?;
                Ok((language, LearnedScorer::new(model)))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Summarizer {
            learned: Arc::new(LearnedScorer::new(model)),
            by_language: by_language.into(),
        })
    }

    /// A summarizer whose learned algorithm uses `model` for text in every
    /// language, such as one written by `lede train` and read with
    /// [`Model::load`].
    pub fn with_model(model: Arc<Model>) -> Summarizer {
        Summarizer {
            learned: Arc::new(LearnedScorer::new(model)),
            by_language: Arc::new([]),
        }
    }

    /// The default model behind the learned algorithm (the one for English
    /// and language-neutral text).
    pub fn model(&self) -> &Model {
        self.learned.model()
    }

    /// The model the learned algorithm uses for text in `language`.
    ///
    /// ```
    /// use lede::lang::Language;
    /// let summarizer = lede::Summarizer::new().unwrap();
    /// assert_ne!(summarizer.model_for(Some(Language::French)), summarizer.model());
    /// assert_eq!(summarizer.model_for(Some(Language::German)), summarizer.model());
    /// ```
    pub fn model_for(&self, language: Option<Language>) -> &Model {
        self.learned_for(language).model()
    }

    fn learned_for(&self, language: Option<Language>) -> &LearnedScorer {
        language
            .and_then(|l| self.by_language.iter().find(|(x, _)| *x == l))
            .map_or(self.learned.as_ref(), |(_, scorer)| scorer)
    }

    /// Summarizes one article: text, an HTML page, or raw bytes of either.
    ///
    /// For pages (and for text that had to be decoded from another
    /// charset) the offsets index `summary.source.text`; otherwise they
    /// index the input text.
    pub fn summarize<'a>(&self, input: impl Into<Input<'a>>, options: &Options) -> Result<Summary> {
        options.validate()?;
        let limit = options.max_input_bytes;
        match input.into() {
            Input::Text(text) => {
                check_text(text, limit)?;
                self.summarize_text(text, options)
            }
            Input::Html { html, url } => {
                check_size(html.len(), limit)?;
                self.summarize_article(lede_html::extract(html, url)?, url, options)
            }
            Input::Bytes {
                bytes,
                format,
                content_type,
                url,
            } => {
                check_size(bytes.len(), limit)?;
                let format = match format {
                    Some(format) => format,
                    None => match sniff(bytes) {
                        Sniffed::Text => InputFormat::Text,
                        Sniffed::Html => InputFormat::Html,
                        Sniffed::JsonLines => return Err(Error::LooksLikeCorpus),
                    },
                };
                match format {
                    InputFormat::Html => {
                        let article = lede_html::extract_bytes(bytes, content_type, url)?;
                        self.summarize_article(article, url, options)
                    }
                    InputFormat::Text => match decode_text(bytes, limit)? {
                        Cow::Borrowed(text) => self.summarize_text(text, options),
                        Cow::Owned(text) => {
                            let mut summary = self.summarize_text(&text, options)?;
                            summary.source = Some(Source::from_text(text, url));
                            Ok(summary)
                        }
                    },
                }
            }
        }
    }

    fn summarize_text(&self, text: &str, options: &Options) -> Result<Summary> {
        let language = options.language_of(text, None);
        self.summarize_cleaned(text, clean_in(text, language), language, options)
    }

    fn summarize_article(
        &self,
        article: lede_html::Article,
        url: Option<&str>,
        options: &Options,
    ) -> Result<Summary> {
        // A listing, collection or thread of cards has no article: summarizing its
        // furniture would mislead.
        if !article.has_article() {
            return Err(Error::NoArticle);
        }
        let laid_out = ArticleText::new(article, url);
        let text = laid_out.source.text.as_str();
        let language = options.language_of(text, laid_out.source.language.as_deref());
        let cleaned = clean_parts(
            text,
            laid_out.title.clone(),
            laid_out.highlights.clone(),
            &laid_out.paragraphs,
            language,
        );
        let mut summary = self.summarize_cleaned(text, cleaned, language, options)?;
        summary.source = Some(laid_out.source);
        Ok(summary)
    }

    fn scorer(&self, algorithm: Algorithm, language: Option<Language>) -> &dyn Scorer {
        match algorithm {
            Algorithm::Lead => &Lead,
            Algorithm::TextRank => &TextRank,
            Algorithm::LexRank => &LexRank,
            Algorithm::Learned => self.learned_for(language),
        }
    }

    fn selection(&self, options: &Options, language: Option<Language>) -> Selection {
        let own_overlap = match options.algorithm {
            Algorithm::Learned => self.model_for(language).selection.max_overlap,
            _ => Selection::default().max_overlap,
        };
        Selection {
            length: options.length,
            max_overlap: options.max_overlap.unwrap_or(own_overlap),
            min_words: options.min_words,
            at_least_one: options.length_at_least_one,
            ..Selection::default()
        }
    }

    fn summarize_cleaned(
        &self,
        text: &str,
        mut cleaned: Cleaned,
        language: Option<Language>,
        options: &Options,
    ) -> Result<Summary> {
        options.check_deadline()?;
        let doc = Document::build(text, &mut cleaned);
        if doc.sentences.is_empty() {
            return Err(Error::NoSentences);
        }
        let scores = self.scorer(options.algorithm, language).score(&doc);
        options.check_deadline()?;
        let order = rank_order(&scores);
        let selection = self.selection(options, language);
        let chosen = match options.algorithm {
            Algorithm::Learned => {
                let model = self.model_for(language);
                let choice = model.selection.set_choice();
                select_set(&doc, &scores, &order, &selection, &choice, &model.lexicon)
            }
            _ => select(&doc, &order, &selection),
        };
        let mut rank = vec![0; scores.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r + 1;
        }

        let chosen_spans: Vec<_> = chosen.iter().map(|&i| bullet_span(&doc, i)).collect();
        let offsets = Offsets::new(
            text,
            chosen_spans
                .iter()
                .chain(&cleaned.title)
                .chain(&cleaned.highlights)
                .chain(cleaned.removed.iter().map(|r| &r.span)),
        );
        let bullets = chosen
            .iter()
            .zip(&chosen_spans)
            .map(|(&i, span)| Bullet {
                span: offsets.span(span),
                score: scores[i],
                rank: rank[i],
                sentence_index: i,
            })
            .collect();
        let warnings = if cleaned.truncated {
            vec![Warning::BodyTruncated {
                sentences: doc.sentences.len(),
            }]
        } else {
            Vec::new()
        };
        Ok(Summary {
            id: None,
            algorithm: options.algorithm.name().to_owned(),
            language: language.map(|l| l.code().to_owned()),
            title: cleaned.title.as_ref().map(|t| offsets.span(t)),
            given_highlights: cleaned.highlights.iter().map(|h| offsets.span(h)).collect(),
            bullets,
            sentence_count: doc.sentences.len(),
            removed: cleaned
                .removed
                .iter()
                .map(|r| Removed {
                    span: offsets.span(&r.span),
                    reason: r.reason,
                })
                .collect(),
            source: None,
            warnings,
        })
    }
}
