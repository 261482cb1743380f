//! Options shared by the subcommands: one definition of each name and
//! default, flattened into every command that takes it.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use lede::score::learned::Model;
use lede::{Algorithm, Length, Options, Summarizer};

/// Scoring algorithms, as the command line names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AlgorithmArg {
    /// Boosted trees trained on CNN/DailyMail highlights (the default).
    Learned,
    /// The first sentences of the article.
    Lead,
    /// TextRank: PageRank over word overlap.
    Textrank,
    /// LexRank: PageRank over TF-IDF cosine similarity.
    Lexrank,
}

impl From<AlgorithmArg> for Algorithm {
    fn from(arg: AlgorithmArg) -> Algorithm {
        match arg {
            AlgorithmArg::Learned => Algorithm::Learned,
            AlgorithmArg::Lead => Algorithm::Lead,
            AlgorithmArg::Textrank => Algorithm::TextRank,
            AlgorithmArg::Lexrank => Algorithm::LexRank,
        }
    }
}

/// How summaries are made: algorithm, model and length.
#[derive(clap::Args, Debug, Clone)]
pub struct SummaryArgs {
    /// Scoring algorithm.
    #[arg(short, long, value_enum, default_value = "learned")]
    pub algorithm: AlgorithmArg,
    /// A model file written by `lede train`, used instead of the embedded one.
    #[arg(short, long, value_name = "PATH")]
    pub model: Option<PathBuf>,
    /// Number of bullets (default 3).
    #[arg(short, long, conflicts_with_all = ["words", "chars", "ratio"])]
    pub sentences: Option<usize>,
    /// Word budget for all bullets together.
    #[arg(long, conflicts_with_all = ["chars", "ratio"])]
    pub words: Option<usize>,
    /// Character budget for all bullets together.
    #[arg(long, conflicts_with = "ratio")]
    pub chars: Option<usize>,
    /// Fraction of the article's sentences to keep, in (0, 1].
    #[arg(long)]
    pub ratio: Option<f32>,
    /// With --words or --chars, always give at least one bullet even when it
    /// goes over the budget (by default the budget is a limit).
    #[arg(long)]
    pub at_least_one: bool,
    /// Redundancy control: largest share of content words a bullet may
    /// share with an earlier one, 0 to 1 (1 turns it off; default: the
    /// algorithm's own).
    #[arg(long)]
    pub max_overlap: Option<f32>,
    /// The articles' language (ISO 639-1 code or tag such as `de`, `fr-CH`);
    /// default: detected per article. A language lede has no rules for,
    /// given here (`vi`) or detected (or text too short to tell), gets
    /// language-neutral rules and is reported as `language: null`, never
    /// English rules; a malformed tag is an error.
    #[arg(long, value_name = "CODE", value_parser = parse_language_tag)]
    pub language: Option<LanguageArg>,
}

/// A `--language` value: the language lede has resources for, or `None`
/// for a well-formed tag of another language (language-neutral rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageArg(pub Option<lede::lang::Language>);

/// Reads a summarizing command's `--language` value (see [`lede::lang::parse_tag`]).
pub fn parse_language_tag(tag: &str) -> Result<LanguageArg, String> {
    lede::lang::parse_tag(tag)
        .map(LanguageArg)
        .map_err(|e| e.to_string())
}

/// Reads a `--language` value that must be a language lede has resources
/// for (`lede train`, `lede oracle`; see [`lede::lang::Language::from_tag`]).
pub fn parse_language(tag: &str) -> Result<lede::lang::Language, String> {
    lede::lang::Language::from_tag(tag).ok_or_else(|| {
        format!("unknown language {tag:?} (expected an ISO 639-1 code such as en, de, fr)")
    })
}

impl SummaryArgs {
    /// The per-call options these arguments ask for, with `max_input_bytes`.
    pub fn options(&self, max_input_bytes: usize) -> anyhow::Result<Options> {
        let length = match (self.sentences, self.words, self.chars, self.ratio) {
            (_, Some(w), _, _) => Length::Words(w),
            (_, _, Some(c), _) => Length::Chars(c),
            (_, _, _, Some(r)) => Length::Ratio(r),
            (s, ..) => Length::Sentences(s.unwrap_or(3)),
        };
        let options = Options {
            algorithm: self.algorithm.into(),
            length,
            max_overlap: self.max_overlap,
            language: self.language.and_then(|l| l.0),
            language_neutral: self.language.is_some_and(|l| l.0.is_none()),
            length_at_least_one: self.at_least_one,
            max_input_bytes,
            ..Options::default()
        };
        options.validate()?;
        Ok(options)
    }

    /// The summarizer these arguments ask for: the embedded model, or the
    /// one in `--model` (which is for the learned algorithm only).
    pub fn summarizer(&self) -> anyhow::Result<Summarizer> {
        let Some(path) = &self.model else {
            return Ok(Summarizer::new()?);
        };
        if self.algorithm != AlgorithmArg::Learned {
            anyhow::bail!("--model is a model for the learned algorithm; drop --algorithm");
        }
        let model = Model::load(path).with_context(|| format!("loading {}", path.display()))?;
        Ok(Summarizer::with_model(Arc::new(model)))
    }

    /// What is summarizing, for the log: `learned (embedded model)`, `lead`, ...
    pub fn describe(&self) -> String {
        match (&self.model, Algorithm::from(self.algorithm)) {
            (Some(path), _) => format!("learned (model {})", path.display()),
            (None, Algorithm::Learned) => "learned (embedded model)".to_owned(),
            (None, other) => other.name().to_owned(),
        }
    }
}

/// How single inputs are read.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Refuse articles larger than this many bytes.
    #[arg(long, default_value_t = lede::ingest::DEFAULT_MAX_INPUT_BYTES)]
    pub max_bytes: usize,
    /// What single inputs hold: auto (HTML when it looks like a page), text or html.
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: InputFormatArg,
}

/// The `--input-format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormatArg {
    /// Detect: HTML when the input starts like a page, else text.
    Auto,
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
}

impl InputFormatArg {
    /// The format to force, or `None` to detect.
    pub fn forced(self) -> Option<lede::InputFormat> {
        match self {
            InputFormatArg::Auto => None,
            InputFormatArg::Text => Some(lede::InputFormat::Text),
            InputFormatArg::Html => Some(lede::InputFormat::Html),
        }
    }
}

/// How batch work runs.
#[derive(clap::Args, Debug, Clone)]
pub struct RunArgs {
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long)]
    pub threads: Option<usize>,
    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
}

impl RunArgs {
    /// A thread pool of `--threads` workers.
    pub fn pool(&self) -> anyhow::Result<rayon::ThreadPool> {
        rayon::ThreadPoolBuilder::new()
            .num_threads(self.threads.unwrap_or(0))
            .build()
            .context("cannot start worker threads")
    }
}

/// Output formats of summaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// One "• bullet" per line.
    Text,
    /// A Markdown list, with the title as a heading.
    Markdown,
    /// Pretty-printed JSON for one article; JSON lines over several inputs.
    Json,
    /// One compact JSON object per line.
    Jsonl,
}

impl From<FormatArg> for lede::Format {
    fn from(arg: FormatArg) -> lede::Format {
        match arg {
            FormatArg::Text => lede::Format::Text,
            FormatArg::Markdown => lede::Format::Markdown,
            FormatArg::Json => lede::Format::Json,
            FormatArg::Jsonl => lede::Format::Jsonl,
        }
    }
}

/// How batches download URLs.
#[derive(clap::Args, Debug, Clone)]
pub struct FetchArgs {
    /// Downloads in flight at once (never more than one per host).
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=256))]
    pub fetch_concurrency: u32,
    /// Pause between two requests to the same host, in milliseconds.
    #[arg(long, default_value_t = 250, value_name = "MS")]
    pub host_delay_ms: u64,
    /// Also fetch URLs found in feeds and sitemaps that resolve to private,
    /// loopback or reserved addresses (refused by default).
    #[arg(long, conflicts_with = "public_only")]
    pub allow_private_fetch: bool,
    /// Refuse every URL that resolves to a private, loopback or reserved
    /// address, the ones given explicitly too (which then bypass any proxy).
    #[arg(long)]
    pub public_only: bool,
}
