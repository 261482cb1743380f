//! Sentence segmentation for English news text.
//!
//! The segmenter works on byte ranges of the original text so that every
//! sentence can be traced back to the exact characters it came from.

use std::ops::Range;

/// Splits `text[range]` into sentences.
///
/// Returns byte ranges into `text`, in order, non-overlapping, non-empty,
/// each trimmed of surrounding whitespace and each inside `range`.
pub fn split_sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') && (i + 1 == range.end || bytes[i + 1] == b' ') {
            push_trimmed(text, start..i + 1, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    push_trimmed(text, start..range.end, &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}
