//! HTML article extraction (placeholder until the extractor lands).
