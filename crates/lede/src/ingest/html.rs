//! HTML pages: the extracted article, laid out as text with known parts.

use std::ops::Range;

use crate::document::Document;
use crate::render::Source;

/// An extracted article laid out as text, with the ranges of its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleText {
    /// Metadata and the text.
    pub source: Source,
    /// Range of the headline in the text.
    pub title: Option<Range<usize>>,
    /// Ranges of the publisher's bullets.
    pub highlights: Vec<Range<usize>>,
    /// Ranges of the body paragraphs a summary may quote: the prose ones
    /// ([`lede_html::Article::prose`]). Table rows, code and list furniture stay in the
    /// text, outside these ranges.
    pub paragraphs: Vec<Range<usize>>,
    /// Range of the standfirst paragraph ([`lede_html::Article::standfirst`]), when the
    /// page marks one.
    pub standfirst: Option<Range<usize>>,
}

impl ArticleText {
    /// Lays out an extracted article as text.
    pub fn new(article: lede_html::Article, url: Option<&str>) -> ArticleText {
        let mut text = String::new();
        let push =
            |text: &mut String, part: &str, prefix: &str, sep: &str| -> Option<Range<usize>> {
                let part = part.trim();
                if part.is_empty() {
                    return None;
                }
                if !text.is_empty() {
                    text.push_str(sep);
                }
                text.push_str(prefix);
                let start = text.len();
                text.push_str(part);
                Some(start..text.len())
            };
        let title = push(&mut text, &article.title, "", "");
        let highlights: Vec<_> = article
            .highlights
            .iter()
            .enumerate()
            .filter_map(|(i, h)| push(&mut text, h, "• ", if i == 0 { "\n\n" } else { "\n" }))
            .collect();
        let mut paragraphs = Vec::with_capacity(article.paragraphs.len());
        let mut standfirst = None;
        for (i, p) in article.paragraphs.iter().enumerate() {
            let Some(range) = push(&mut text, p, "", "\n\n") else {
                continue;
            };
            if article.prose.get(i).copied().unwrap_or(true) {
                if article.standfirst == Some(i) {
                    standfirst = Some(range.clone());
                }
                paragraphs.push(range);
            }
        }
        ArticleText {
            source: Source {
                url: url.map(str::to_owned),
                authors: article.authors,
                published: article.published,
                site_name: article.site_name,
                language: article.language,
                text,
            },
            title,
            highlights,
            paragraphs,
            standfirst,
        }
    }
}

impl ArticleText {
    /// Marks in `doc`, built from this text, the first sentence of the standfirst
    /// ([`Document::standfirst`]).
    pub fn mark(&self, doc: &mut Document) {
        doc.standfirst = self.standfirst.as_ref().and_then(|range| {
            doc.sentences
                .iter()
                .position(|s| range.contains(&s.span.start))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_prose_paragraphs_are_summary_candidates_and_offsets_stay_exact() {
        let article = lede_html::Article {
            title: "Line-ups".into(),
            paragraphs: vec![
                "The home side won two to one.".into(),
                "B. Guimaraes Rodriguez".into(),
                "The coach praised the defence.".into(),
            ],
            prose: vec![true, false, true],
            ..lede_html::Article::default()
        };
        let laid = ArticleText::new(article, None);
        let text = &laid.source.text;
        assert!(text.contains("B. Guimaraes Rodriguez"));
        let kept: Vec<&str> = laid.paragraphs.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            kept,
            [
                "The home side won two to one.",
                "The coach praised the defence."
            ]
        );
    }

    #[test]
    fn the_standfirst_range_is_its_paragraph() {
        let article = lede_html::Article {
            title: "Budget night".into(),
            paragraphs: vec![
                String::new(),
                "A long night ends with a budget nobody likes.".into(),
                "The council met on Monday.".into(),
            ],
            standfirst: Some(1),
            ..lede_html::Article::default()
        };
        let laid = ArticleText::new(article, None);
        let range = laid.standfirst.expect("marked");
        assert_eq!(
            &laid.source.text[range],
            "A long night ends with a budget nobody likes."
        );
    }

    #[test]
    fn an_article_built_by_hand_is_all_prose() {
        let article = lede_html::Article {
            paragraphs: vec!["One.".into(), "Two.".into()],
            ..lede_html::Article::default()
        };
        let laid = ArticleText::new(article, None);
        assert_eq!(laid.paragraphs.len(), 2);
        assert_eq!(laid.standfirst, None);
    }
}
