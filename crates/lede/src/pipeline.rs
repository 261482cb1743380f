//! The summarizer: ingest -> clean -> segment -> score -> select -> render.
//!
//! [`Summarizer`] holds only compiled, immutable state (the learned model's
//! forest) and is built once; every call brings its own [`Options`].

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use crate::clean::{clean_in, clean_parts, Cleaned};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::ingest::{
    check_size, check_text, decode_text, sniff, ArticleText, Input, InputFormat, Sniffed,
    DEFAULT_MAX_INPUT_BYTES,
};
use crate::lang::{detect, parse_tag, Language};
use crate::render::{BudgetUnit, Bullet, Offsets, Removed, Source, Summary, Warning};
use crate::score::learned::{
    add_lead_prior, embedded_model_for, lead_prior_applies, LearnedScorer, Model, ModelFileError,
    EMBEDDED_LANGUAGES,
};
use crate::score::{Algorithm, Lead, LexRank, Scorer, TextRank};
use crate::select::{
    bullet_span, is_prose, open_with, rank_order, select, select_set, Length, Selection,
};

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
/// other languages) the default model trained on English news. On text in
/// a language other than English without a model of its own (German,
/// Turkish, ...), the default model's scores are blended with Lead's
/// ([`crate::score::learned::add_lead_prior`]): trained on English, it
/// would otherwise pass over the opening sentence too often there. A model
/// given to [`Summarizer::with_model`] serves every language as it is.
///
/// An embedded model is decoded on its first use (once per process, by
/// whichever thread needs it first), so a summarizer that never meets
/// French text never decodes the French model, and one that only runs
/// lead or TextRank decodes none.
#[derive(Clone)]
pub struct Summarizer {
    learned: Arc<LazyScorer>,
    /// Models that replace `learned` for text in one language; empty when
    /// the model was given.
    by_language: Arc<[(Language, LazyScorer)]>,
    /// Whether the default model adds the lead prior on text in a language
    /// without a model of its own ([`lead_prior_applies`]): the embedded
    /// models do; a model given to [`Summarizer::with_model`] is used as
    /// given for every language.
    lead_prior: bool,
}

/// A learned scorer compiled on first use from an embedded model (or
/// given ready).
struct LazyScorer {
    /// The embedded model's language (`None`: the default model).
    language: Option<Language>,
    scorer: OnceLock<std::result::Result<LearnedScorer, ModelFileError>>,
}

impl LazyScorer {
    fn embedded(language: Option<Language>) -> LazyScorer {
        LazyScorer {
            language,
            scorer: OnceLock::new(),
        }
    }

    fn ready(scorer: LearnedScorer) -> LazyScorer {
        LazyScorer {
            language: None,
            scorer: OnceLock::from(Ok(scorer)),
        }
    }

    fn get(&self) -> Result<&LearnedScorer> {
        self.scorer
            .get_or_init(|| embedded_model_for(self.language).map(LearnedScorer::new))
            .as_ref()
            .map_err(|source| Error::Model {
                path: None,
                source: source.clone(),
            })
    }
}

impl std::fmt::Debug for Summarizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Summarizer")
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
    /// default one, and a language's own where there is one. Each is
    /// decoded on first use; an embedded model that fails to decode (a
    /// build error, caught by the tests) is reported then, as
    /// [`Error::Model`] from [`Summarizer::summarize`].
    pub fn new() -> Result<Summarizer> {
        let by_language = EMBEDDED_LANGUAGES
            .into_iter()
            .map(|language| (language, LazyScorer::embedded(Some(language))))
            .collect::<Vec<_>>();
        Ok(Summarizer {
            learned: Arc::new(LazyScorer::embedded(None)),
            by_language: by_language.into(),
            lead_prior: true,
        })
    }

    /// A summarizer whose learned algorithm uses `model` for text in every
    /// language, such as one written by `lede train` and read with
    /// [`Model::load`].
    pub fn with_model(model: Arc<Model>) -> Summarizer {
        Summarizer {
            learned: Arc::new(LazyScorer::ready(LearnedScorer::new(model))),
            by_language: Arc::new([]),
            lead_prior: false,
        }
    }

    /// The default model behind the learned algorithm (the one for English
    /// and language-neutral text), decoded if it was not yet.
    pub fn model(&self) -> Result<&Model> {
        self.learned.get().map(LearnedScorer::model)
    }

    /// The model the learned algorithm uses for text in `language`,
    /// decoded if it was not yet.
    ///
    /// ```
    /// use lede::lang::Language;
    /// let summarizer = lede::Summarizer::new().unwrap();
    /// let default = summarizer.model().unwrap();
    /// assert_ne!(summarizer.model_for(Some(Language::French)).unwrap(), default);
    /// assert_eq!(summarizer.model_for(Some(Language::German)).unwrap(), default);
    /// ```
    pub fn model_for(&self, language: Option<Language>) -> Result<&Model> {
        self.learned_for(language).map(LearnedScorer::model)
    }

    fn learned_for(&self, language: Option<Language>) -> Result<&LearnedScorer> {
        language
            .and_then(|l| self.by_language.iter().find(|(x, _)| *x == l))
            .map_or(self.learned.as_ref(), |(_, scorer)| scorer)
            .get()
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
        self.summarize_cleaned(text, clean_in(text, language), language, options, None)
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
        let mut summary =
            self.summarize_cleaned(text, cleaned, language, options, Some(&laid_out))?;
        summary.source = Some(laid_out.source);
        Ok(summary)
    }

    fn selection(&self, options: &Options, own_overlap: Option<f32>) -> Selection {
        Selection {
            length: options.length,
            max_overlap: options
                .max_overlap
                .or(own_overlap)
                .unwrap_or(Selection::default().max_overlap),
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
        page: Option<&ArticleText>,
    ) -> Result<Summary> {
        options.check_deadline()?;
        let mut doc = Document::build(text, &mut cleaned);
        if let Some(page) = page {
            page.mark(&mut doc);
        }
        if doc.sentences.is_empty() {
            return Err(Error::NoSentences);
        }
        let (scorer, model): (&dyn Scorer, Option<&Model>) = match options.algorithm {
            Algorithm::Lead => (&Lead, None),
            Algorithm::TextRank => (&TextRank, None),
            Algorithm::LexRank => (&LexRank, None),
            Algorithm::Learned => {
                let learned = self.learned_for(language)?;
                (learned, Some(learned.model()))
            }
        };
        let selection = self.selection(options, model.map(|m| m.selection.max_overlap));
        // A page without a sentence of prose, only fragments, questions and captions (a
        // cast list, a results table, a forum page whose posts are not found), has no
        // article to summarize.
        if page.is_some() && !(0..doc.sentences.len()).any(|i| is_prose(&doc, i)) {
            return Err(Error::NoArticle);
        }
        let mut scores = scorer.score(&doc);
        if model.is_some() && self.lead_prior && lead_prior_applies(language) {
            add_lead_prior(&doc, &selection, &mut scores);
        }
        options.check_deadline()?;
        let order = rank_order(&scores);
        let chosen = match model {
            Some(model) => {
                let choice = model.selection.set_choice();
                select_set(&doc, &scores, &order, &selection, &choice, &model.lexicon)
            }
            None => select(&doc, &order, &selection),
        };
        // The page's standfirst is the publisher's own summary: the learned
        // default opens with it and picks the rest.
        let standfirst = doc
            .standfirst
            .filter(|_| matches!(options.algorithm, Algorithm::Learned));
        let chosen = match standfirst {
            Some(first) => open_with(&doc, first, &chosen, &order, &selection),
            None => chosen,
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
                standfirst: standfirst == Some(i),
            })
            .collect();
        let mut warnings = Vec::new();
        if cleaned.truncated {
            warnings.push(Warning::BodyTruncated {
                sentences: doc.sentences.len(),
            });
        }
        if chosen.is_empty() {
            warnings.extend(nothing_fits(&doc, options.length));
        }
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

/// The warning for a word or character budget smaller than every sentence of
/// `doc` (none for other lengths, or when some sentence fits).
fn nothing_fits(doc: &Document, length: Length) -> Option<Warning> {
    let (budget, unit) = match length {
        Length::Words(w) => (w, BudgetUnit::Words),
        Length::Chars(c) => (c, BudgetUnit::Chars),
        Length::Sentences(_) | Length::Ratio(_) => return None,
    };
    let shortest = (0..doc.sentences.len())
        .map(|i| length.cost(doc, i))
        .min()?;
    (shortest > budget).then_some(Warning::NothingFits {
        budget,
        unit,
        shortest,
    })
}
