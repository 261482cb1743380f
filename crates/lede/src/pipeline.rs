//! The summarizer: ingest -> clean -> segment -> score -> select -> render.

use crate::clean::{clean, Cleaned, Removal};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::ingest::{check_text, decode_text, InputFormat, DEFAULT_MAX_INPUT_BYTES};
use crate::render::{spans, Bullet, Removed, Summary};
use std::sync::Arc;

use crate::score::learned::{embedded_model, LearnedScorer, Model};
use crate::score::{Algorithm, Lead, LexRank, Scorer, TextRank};
use crate::select::{select, Length, Selection};

/// Settings of a [`Summarizer`].
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
    /// Inputs larger than this many bytes are refused.
    pub max_input_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        let selection = Selection::default();
        Options {
            algorithm: Algorithm::default(),
            length: selection.length,
            max_overlap: None,
            min_words: selection.min_words,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

/// Turns articles into bullet highlights. Cheap to share across threads.
pub struct Summarizer {
    options: Options,
    selection: Selection,
    scorer: Box<dyn Scorer>,
}

impl std::fmt::Debug for Summarizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Summarizer")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Summarizer {
    /// Builds a summarizer for `options`.
    pub fn new(options: Options) -> Result<Summarizer> {
        match options.algorithm {
            Algorithm::Lead => Summarizer::with_scorer(options, Box::new(Lead)),
            Algorithm::TextRank => Summarizer::with_scorer(options, Box::new(TextRank)),
            Algorithm::LexRank => Summarizer::with_scorer(options, Box::new(LexRank)),
            Algorithm::Learned => {
                let model =
                    embedded_model().map_err(|e| Error::Model(format!("embedded model: {e}")))?;
                Summarizer::with_model(options, model)
            }
        }
    }

    /// Builds a summarizer that scores with a trained model, such as one
    /// written by `lede train` and read with [`Model::load`].
    pub fn with_model(options: Options, model: Arc<Model>) -> Result<Summarizer> {
        let options = Options {
            algorithm: Algorithm::Learned,
            max_overlap: options.max_overlap.or(Some(model.selection.max_overlap)),
            ..options
        };
        Summarizer::with_scorer(options, Box::new(LearnedScorer::new(model)))
    }

    /// Builds a summarizer that scores with a scorer of your own.
    pub fn with_scorer(options: Options, scorer: Box<dyn Scorer>) -> Result<Summarizer> {
        options.length.validate().map_err(Error::InvalidOption)?;
        let max_overlap = options
            .max_overlap
            .unwrap_or(Selection::default().max_overlap);
        if !(0.0..=1.0).contains(&max_overlap) {
            return Err(Error::InvalidOption(format!(
                "max_overlap must be between 0 and 1, got {max_overlap}"
            )));
        }
        let selection = Selection {
            length: options.length,
            max_overlap,
            min_words: options.min_words,
        };
        Ok(Summarizer {
            options,
            selection,
            scorer,
        })
    }

    /// The settings in use.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Summarizes raw bytes: an HTML page (detected from its first tags,
    /// charset from its BOM or `<meta>`) or UTF-8 text.
    pub fn summarize_bytes(&self, bytes: &[u8]) -> Result<Summary> {
        self.summarize_input(bytes, None)
    }

    /// Summarizes raw bytes of a known format, or detects it when `format`
    /// is `None`.
    pub fn summarize_input(&self, bytes: &[u8], format: Option<InputFormat>) -> Result<Summary> {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
        match format.unwrap_or_else(|| InputFormat::detect(&head)) {
            InputFormat::Text => self.summarize(decode_text(bytes, self.options.max_input_bytes)?),
            InputFormat::Html => self.summarize_html_bytes(bytes, None, None),
        }
    }

    /// Summarizes one article given as plain text.
    pub fn summarize(&self, text: &str) -> Result<Summary> {
        check_text(text, self.options.max_input_bytes)?;
        self.summarize_cleaned(text, clean(text))
    }

    /// Summarizes an HTML page: the article is extracted first, and the
    /// summary's offsets index into `summary.source.text`.
    #[cfg(feature = "html")]
    pub fn summarize_html(&self, html: &str, url: Option<&str>) -> Result<Summary> {
        self.check_html_size(html.len())?;
        let article = lede_html::extract(html, url).map_err(|e| Error::Html(e.to_string()))?;
        self.summarize_article(article, url)
    }

    /// Summarizes HTML page bytes, detecting the charset from the BOM,
    /// `content_type` (an HTTP `Content-Type` value) or `<meta>` tags.
    #[cfg(feature = "html")]
    pub fn summarize_html_bytes(
        &self,
        bytes: &[u8],
        content_type: Option<&str>,
        url: Option<&str>,
    ) -> Result<Summary> {
        self.check_html_size(bytes.len())?;
        let article = lede_html::extract_bytes(bytes, content_type, url)
            .map_err(|e| Error::Html(e.to_string()))?;
        self.summarize_article(article, url)
    }

    /// Fetches a page over HTTP(S) within `limits` and summarizes it.
    #[cfg(feature = "html")]
    pub fn summarize_url(&self, url: &str, limits: &lede_html::FetchLimits) -> Result<Summary> {
        let page = lede_html::fetch(url, limits).map_err(|e| Error::Fetch(e.to_string()))?;
        self.summarize_html_bytes(&page.body, page.content_type.as_deref(), Some(&page.url))
    }

    /// Without the `html` feature, HTML input is refused.
    #[cfg(not(feature = "html"))]
    pub fn summarize_html_bytes(
        &self,
        _bytes: &[u8],
        _content_type: Option<&str>,
        _url: Option<&str>,
    ) -> Result<Summary> {
        Err(Error::Html(
            "this build of lede has no HTML support (feature \"html\")".into(),
        ))
    }

    #[cfg(feature = "html")]
    fn check_html_size(&self, size: usize) -> Result<()> {
        if size > self.options.max_input_bytes {
            return Err(Error::InputTooLarge {
                size,
                limit: self.options.max_input_bytes,
            });
        }
        Ok(())
    }

    #[cfg(feature = "html")]
    fn summarize_article(&self, article: lede_html::Article, url: Option<&str>) -> Result<Summary> {
        if article.is_empty() {
            return Err(Error::Html("no article text found in the page".into()));
        }
        let laid_out = crate::ingest::ArticleText::new(article, url);
        let text = laid_out.source.text.as_str();
        let cleaned = crate::clean::clean_parts(
            text,
            laid_out.title.clone(),
            laid_out.highlights.clone(),
            &laid_out.paragraphs,
        );
        let mut summary = self.summarize_cleaned(text, cleaned)?;
        summary.source = Some(laid_out.source);
        Ok(summary)
    }

    fn summarize_cleaned(&self, text: &str, cleaned: Cleaned) -> Result<Summary> {
        let mut removed: Vec<Removal> = cleaned.removed.clone();
        let doc = Document::build(text, &cleaned, &mut removed);
        if doc.sentences.is_empty() {
            return Err(Error::NoSentences);
        }
        let scores = self.scorer.score(&doc);
        let chosen = select(&doc, &scores, &self.selection);

        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        let mut rank = vec![0; scores.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r + 1;
        }

        removed.sort_by_key(|r| (r.span.start, r.span.end));
        let mut ranges: Vec<_> = chosen
            .iter()
            .map(|&i| doc.sentences[i].span.clone())
            .collect();
        ranges.extend(cleaned.title.iter().cloned());
        ranges.extend(cleaned.highlights.iter().cloned());
        ranges.extend(removed.iter().map(|r| r.span.clone()));
        let mut spans = spans(text, &ranges).into_iter();

        let bullets = chosen
            .iter()
            .map(|&i| Bullet {
                span: spans.next().expect("one span per range"),
                score: scores[i],
                rank: rank[i],
                sentence_index: i,
            })
            .collect();
        let title = cleaned
            .title
            .as_ref()
            .map(|_| spans.next().expect("title span"));
        let given_highlights = cleaned
            .highlights
            .iter()
            .map(|_| spans.next().expect("highlight span"))
            .collect();
        let removed = removed
            .iter()
            .map(|r| Removed {
                span: spans.next().expect("removed span"),
                reason: r.reason,
            })
            .collect();
        Ok(Summary {
            id: None,
            algorithm: self.options.algorithm.name().to_owned(),
            title,
            given_highlights,
            bullets,
            sentence_count: doc.sentences.len(),
            removed,
            source: None,
        })
    }
}
