//! lede: faithful extractive bullet highlights for news articles.
//!
//! An article goes through six stages, each a module:
//! [`ingest`] (bytes and corpora in, checked text out) ->
//! [`clean`] (headline, given highlights, body, debris) ->
//! [`segment`] (sentences as byte ranges) ->
//! [`score`] (one number per sentence) ->
//! [`select`] (bullets under a length budget, without repeats) ->
//! [`render`] (the [`Summary`] as data or text).
//!
//! ```
//! let summarizer = lede::Summarizer::new().unwrap();
//! let text = "Heavy rain hit London on Monday. Trains stopped for several hours. \
//!             Most schools stayed open all day. Football fans were upset by the delays.";
//! let summary = summarizer.summarize(text, &lede::Options::default()).unwrap();
//! assert_eq!(summary.bullets.len(), 3);
//! let first = &summary.bullets[0].span;
//! assert_eq!(&text[first.byte_start..first.byte_end], first.text);
//! ```

pub mod clean;
pub mod document;
pub mod error;
pub mod ingest;
pub mod lang;
mod pipeline;
pub mod render;
pub mod score;
pub mod segment;
pub mod select;
pub mod text;

pub use error::{Error, Result};
pub use ingest::{Input, InputFormat};
pub use pipeline::{Options, Summarizer};
pub use render::{BudgetUnit, Bullet, Format, Source, Summary, TextSpan, Warning};
pub use score::{Algorithm, Scorer};
pub use select::Length;
