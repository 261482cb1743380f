//! Training corpora: JSON lines with `id`, `article` and `highlights`.

use std::io::BufRead;
use std::path::Path;

use lede::ingest::{open_corpus, Record, RecordError, Records};

use crate::oracle::reference_text;
use crate::TrainError;

/// One article with its reference highlights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The record's id (it decides the document's fold).
    pub id: String,
    /// The article text.
    pub article: String,
    /// The highlights, one per line.
    pub reference: String,
}

/// The documents to train on and those to validate on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corpus {
    /// Documents the trees and the lexical prior are fitted on.
    pub train: Vec<Example>,
    /// Documents that report ROUGE and choose the selection settings.
    pub valid: Vec<Example>,
}

/// Longest corpus line read.
const MAX_RECORD_BYTES: usize = 64 << 20;

/// What [`load`] read from one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    /// Text records with highlights, in file order.
    pub examples: Vec<Example>,
    /// Records left out: unreadable, HTML, or without highlights.
    pub skipped: usize,
}

/// Reads the text records with highlights of a corpus file (`.gz` is
/// decompressed); fails when there is none.
pub fn load(path: &Path) -> Result<Loaded, TrainError> {
    collect(
        open_corpus(path, MAX_RECORD_BYTES)?,
        &path.display().to_string(),
    )
}

/// [`load`] for an uncompressed stream (standard input), named `name` in errors.
pub fn read(reader: impl BufRead, name: &str) -> Result<Loaded, TrainError> {
    collect(Records::new(reader, MAX_RECORD_BYTES), name)
}

fn collect(
    records: impl Iterator<Item = Result<Record, RecordError>>,
    name: &str,
) -> Result<Loaded, TrainError> {
    let mut loaded = Loaded::default();
    for record in records {
        match record {
            Ok(r) if !r.highlights.is_empty() && !r.is_html => loaded.examples.push(Example {
                reference: reference_text(&r.highlights),
                id: r.id,
                article: r.article,
            }),
            _ => loaded.skipped += 1,
        }
    }
    if loaded.examples.is_empty() {
        return Err(TrainError::NoDocuments(name.to_owned()));
    }
    Ok(loaded)
}
