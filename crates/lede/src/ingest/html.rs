//! HTML pages: the extracted article, laid out as text with known parts.

use std::ops::Range;

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
    /// Ranges of the body paragraphs.
    pub paragraphs: Vec<Range<usize>>,
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
        let paragraphs: Vec<_> = article
            .paragraphs
            .iter()
            .filter_map(|p| push(&mut text, p, "", "\n\n"))
            .collect();
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
        }
    }
}
