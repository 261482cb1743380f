//! The extractive oracle, defined once: the greedy ROUGE-1 F1 + ROUGE-2 F1
//! choice among the article's cleaned body sentences (those of
//! [`lede::clean::clean`], the sentences every algorithm selects from).
//! Training labels, `lede oracle`, the quality table and Python all use it.
//!
//! Every function takes the article's [`Language`]: cleaning and
//! segmentation follow its rules, and ROUGE tokenizes as [`rouge_tokenizer`]
//! says (rouge-score's own for English, XL-Sum's multilingual convention
//! for every other language).

use lede::clean::clean_in;
use lede::document::Document;
use lede::lang::Language;
use lede_rouge::Tokenizer;

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

/// How ROUGE tokenizes text of `language`: rouge-score's tokenizer (with
/// Porter stemming) for English, so English scores stay those of
/// rouge-score 0.1.2; for any other language the multilingual tokenizer
/// (Unicode letters and digits) with the language's Snowball stemmer, or
/// none where Snowball has no algorithm (Polish, Czech, CJK, ...).
///
/// ```
/// use lede::lang::Language;
/// use lede_rouge::{Snowball, Tokenizer};
/// assert_eq!(lede_train::rouge_tokenizer(Language::English), Tokenizer::RougeScore);
/// assert_eq!(
///     lede_train::rouge_tokenizer(Language::French),
///     Tokenizer::Multilingual(Some(Snowball::French))
/// );
/// assert_eq!(lede_train::rouge_tokenizer(Language::Polish), Tokenizer::Multilingual(None));
/// ```
pub fn rouge_tokenizer(language: Language) -> Tokenizer {
    match language {
        Language::English => Tokenizer::RougeScore,
        other => Tokenizer::multilingual(other.code()),
    }
}

/// A short description of `tokenizer` with stemming on, for logs:
/// `rouge-score tokens, Porter stemmer` or `multilingual tokens, Snowball
/// French stemmer`.
pub fn describe_tokenizer(tokenizer: Tokenizer, stemmer: bool) -> String {
    let (tokens, stem) = match tokenizer {
        Tokenizer::RougeScore => ("rouge-score tokens ([a-z0-9]+)", Some("Porter".to_owned())),
        Tokenizer::Multilingual(algorithm) => (
            "multilingual tokens (Unicode letters and digits)",
            algorithm.map(|a| format!("Snowball {a:?}")),
        ),
    };
    match stem.filter(|_| stemmer) {
        Some(stem) => format!("{tokens}, {stem} stemmer"),
        None => format!("{tokens}, no stemmer"),
    }
}

/// The cleaned, segmented document of an article in `language`.
pub fn document(article: &str, language: Language) -> Document<'_> {
    Document::build(article, &mut clean_in(article, Some(language)))
}

/// The oracle of a document in `language`: indices into `doc.sentences`,
/// in document order, at most `max_sentences` of them.
pub fn oracle(
    doc: &Document,
    reference: &str,
    max_sentences: usize,
    language: Language,
) -> Vec<usize> {
    let texts: Vec<&str> = (0..doc.sentences.len())
        .map(|i| doc.sentence_text(i))
        .collect();
    lede_rouge::greedy_oracle_with(&texts, reference, max_sentences, rouge_tokenizer(language))
}

/// 0/1 training label of each sentence of `doc`: 1 for the oracle's choice.
pub fn oracle_labels(
    doc: &Document,
    reference: &str,
    max_sentences: usize,
    language: Language,
) -> Vec<f32> {
    let mut labels = vec![0.0; doc.sentences.len()];
    for i in oracle(doc, reference, max_sentences, language) {
        labels[i] = 1.0;
    }
    labels
}

/// The oracle of an article text (cleaned and segmented here) against a
/// reference, with each chosen sentence's text and offsets.
///
/// ```
/// use lede::lang::Language;
/// let article = "Rain fell in Paris. The mayor spoke. Floods closed roads in Paris.";
/// let reference = "Floods closed Paris roads after rain.";
/// let chosen = lede_train::oracle_for_text(article, reference, 3, Language::English);
/// assert_eq!(chosen.len(), 1);
/// assert_eq!(chosen[0].index, 2);
/// assert_eq!(chosen[0].text, "Floods closed roads in Paris.");
/// assert_eq!(&article[chosen[0].byte_start..chosen[0].byte_end], chosen[0].text);
/// ```
pub fn oracle_for_text(
    article: &str,
    reference: &str,
    max_sentences: usize,
    language: Language,
) -> Vec<OracleSentence> {
    let doc = document(article, language);
    chosen_sentences(&doc, &oracle(&doc, reference, max_sentences, language))
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
        let chosen = oracle_for_text(
            article,
            "Müller set a record in Zürich.",
            2,
            Language::English,
        );
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
        let doc = document(article, Language::English);
        let labels = oracle_labels(
            &doc,
            "Police arrested two men in Leeds.",
            3,
            Language::English,
        );
        assert_eq!(labels, [1.0, 0.0, 0.0]);
    }

    #[test]
    fn french_oracle_matches_accented_words_and_uses_french_rules() {
        // "4. November"-style ordinals aside, French keeps "M." inside the
        // sentence and ROUGE sees "écoles" and "fermées" whole.
        let article = "Il pleut sur Nîmes depuis lundi. M. Dupont, le préfet, a fermé les écoles de la ville. Le match est reporté.";
        let doc = document(article, Language::French);
        assert_eq!(doc.sentences.len(), 3);
        let reference = "Le préfet ferme les écoles de Nîmes.";
        assert_eq!(oracle(&doc, reference, 1, Language::French), [1]);
        // French tokens and stems: "fermé"/"ferme" and "écoles" match
        // whole, 6 of the sentence's 11 tokens and of the reference's 7.
        let scorer = lede_rouge::RougeScorer::new(lede_rouge::Config::default())
            .unwrap()
            .with_tokenizer(rouge_tokenizer(Language::French));
        let r1 = scorer
            .score(doc.sentence_text(1), reference)
            .get(lede_rouge::RougeType::N(1))
            .unwrap();
        assert_eq!((r1.precision, r1.recall), (6.0 / 11.0, 6.0 / 7.0));
    }

    #[test]
    fn reference_keeps_one_highlight_per_line() {
        assert_eq!(reference_text(&["a\nb", "c"]), "a b\nc");
    }
}
