//! The extractive oracle, defined once: the greedy ROUGE-1 F1 + ROUGE-2 F1
//! choice among the article's cleaned body sentences (those of
//! [`lede::clean::clean`], the sentences every algorithm selects from).
//! Training labels, `lede oracle`, the quality table and Python all use it.

use lede::clean::clean;
use lede::document::Document;

/// A sentence chosen by the oracle, with its place in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OracleSentence {
    /// Index among the article's cleaned body sentences.
    pub index: usize,
    /// The sentence exactly as in the article.
    pub text: String,
    /// Start, in Unicode scalar values (characters) from the article's start.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
    /// Start, in UTF-8 bytes.
    pub byte_start: usize,
    /// End (exclusive), in UTF-8 bytes.
    pub byte_end: usize,
}

/// The reference as the oracle and validation score against: one highlight
/// per line (line breaks inside a highlight become spaces).
pub fn reference_text<S: AsRef<str>>(highlights: &[S]) -> String {
    lines(highlights.iter().map(AsRef::as_ref))
}

/// Sentences joined one per line, the form ROUGE-Lsum expects.
pub fn lines<'a>(sentences: impl IntoIterator<Item = &'a str>) -> String {
    let lines: Vec<String> = sentences
        .into_iter()
        .map(|s| s.replace(['\r', '\n'], " "))
        .collect();
    lines.join("\n")
}

/// The cleaned, segmented document of an article.
pub fn document(article: &str) -> Document<'_> {
    Document::build(article, &mut clean(article))
}

/// The oracle of a document: indices into `doc.sentences`, in document
/// order, at most `max_sentences` of them.
pub fn oracle(doc: &Document, reference: &str, max_sentences: usize) -> Vec<usize> {
    let texts: Vec<&str> = (0..doc.sentences.len())
        .map(|i| doc.sentence_text(i))
        .collect();
    lede_rouge::greedy_oracle(&texts, reference, max_sentences)
}

/// 0/1 training label of each sentence of `doc`: 1 for the oracle's choice.
pub fn oracle_labels(doc: &Document, reference: &str, max_sentences: usize) -> Vec<f32> {
    let mut labels = vec![0.0; doc.sentences.len()];
    for i in oracle(doc, reference, max_sentences) {
        labels[i] = 1.0;
    }
    labels
}

/// The oracle of an article text (cleaned and segmented here) against a
/// reference, with each chosen sentence's text and offsets.
///
/// ```
/// let article = "Rain fell in Paris. The mayor spoke. Floods closed roads in Paris.";
/// let chosen = lede_train::oracle_for_text(article, "Floods closed Paris roads after rain.", 3);
/// assert_eq!(chosen.len(), 1);
/// assert_eq!(chosen[0].index, 2);
/// assert_eq!(chosen[0].text, "Floods closed roads in Paris.");
/// assert_eq!(&article[chosen[0].byte_start..chosen[0].byte_end], chosen[0].text);
/// ```
pub fn oracle_for_text(
    article: &str,
    reference: &str,
    max_sentences: usize,
) -> Vec<OracleSentence> {
    let doc = document(article);
    chosen_sentences(&doc, &oracle(&doc, reference, max_sentences))
}

/// The sentences `chosen` (indices into `doc.sentences`) with their offsets.
pub fn chosen_sentences(doc: &Document, chosen: &[usize]) -> Vec<OracleSentence> {
    let mut order: Vec<usize> = chosen.to_vec();
    order.sort_unstable();
    // Characters are counted once, front to back, across the sorted spans.
    let (mut byte, mut chars) = (0usize, 0usize);
    let mut char_at = |b: usize| {
        chars += doc.text[byte..b].chars().count();
        byte = b;
        chars
    };
    order
        .into_iter()
        .map(|index| {
            let span = doc.sentences[index].span.clone();
            let start = char_at(span.start);
            let end = char_at(span.end);
            OracleSentence {
                index,
                text: doc.text[span.clone()].to_owned(),
                start,
                end,
                byte_start: span.start,
                byte_end: span.end,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters_and_index_the_article() {
        let article = "Zoë Müller won the race in Zürich. The crowd cheered. Müller set a new record in Zürich.";
        let chosen = oracle_for_text(article, "Müller set a record in Zürich.", 2);
        assert!(!chosen.is_empty());
        for s in &chosen {
            assert_eq!(&article[s.byte_start..s.byte_end], s.text);
            let by_chars: String = article
                .chars()
                .skip(s.start)
                .take(s.end - s.start)
                .collect();
            assert_eq!(by_chars, s.text);
        }
        assert!(chosen.windows(2).all(|w| w[0].index < w[1].index));
        assert_eq!(
            chosen.last().unwrap().text,
            "Müller set a new record in Zürich."
        );
    }

    #[test]
    fn labels_mark_the_oracle_on_cleaned_sentences() {
        let article = "Police arrested two men in Leeds. The men took jewellery. A shop assistant was unhurt.";
        let doc = document(article);
        let labels = oracle_labels(&doc, "Police arrested two men in Leeds.", 3);
        assert_eq!(labels, [1.0, 0.0, 0.0]);
    }

    #[test]
    fn reference_keeps_one_highlight_per_line() {
        assert_eq!(reference_text(&["a\nb", "c"]), "a b\nc");
    }
}
