//! Editorial rules: which sentences an editor would not keep as a bullet on
//! their own, and the part of a sentence that is shown.

use std::ops::Range;

use crate::segment::QUOTES;

/// Words that point back to an earlier sentence when they open one:
/// pronouns, determiners and connectives.
const REFERENCE_OPENERS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "we",
    "this",
    "these",
    "those",
    "that",
    "his",
    "her",
    "its",
    "their",
    "him",
    "them",
    "our",
    "both",
    "another",
    "but",
    "however",
    "and",
    "also",
    "meanwhile",
    "yet",
    "still",
    "instead",
    "nevertheless",
    "nonetheless",
    "moreover",
    "furthermore",
    "besides",
    "then",
    "so",
    "thus",
    "therefore",
    "hence",
    "additionally",
    "likewise",
    "similarly",
    "otherwise",
    "or",
];

/// Openers of photo captions and page furniture rather than news.
const CAPTION_OPENERS: &[&str] = &[
    "pictured",
    "picture",
    "photo",
    "photograph",
    "caption",
    "scroll down",
    "click here",
    "watch the video",
    "video:",
    "above:",
    "below:",
    "left:",
    "right:",
    "top:",
    "inset:",
    // the people of a group photo, in the languages of the "no junk" pages
    "von links nach rechts",
    "v.l.n.r.",
    "v. l. n. r.",
    "de gauche à droite",
    "de izquierda a derecha",
    "da sinistra a destra",
    "da esquerda para a direita",
    "van links naar rechts",
    "od lewej",
];

/// Characters that may stand before the first word without changing it:
/// quotes, brackets and the PTB quote tokens.
fn skip_leading_quotes(s: &str) -> &str {
    let mut rest = s.trim_start();
    loop {
        let next = rest
            .strip_prefix("``")
            .or_else(|| rest.strip_prefix("''"))
            .or_else(|| rest.strip_prefix(['"', '\'', '\u{201c}', '\u{2018}', '(', '[']));
        match next {
            Some(r) => rest = r.trim_start(),
            None => return rest,
        }
    }
}

/// The first word of `s`, lowercased, without quotes in front.
fn first_word(s: &str) -> String {
    skip_leading_quotes(s)
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '\u{2019}')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the sentence opens with a pronoun or connective that refers to
/// the sentence before it ("He said...", "But the plan...").
pub fn opens_with_reference(sentence: &str) -> bool {
    let word = first_word(sentence);
    REFERENCE_OPENERS.contains(&word.as_str())
}

/// Whether the sentence is a question (ends with `?`, the Arabic `؟` or the full-width
/// `？`, perhaps inside quotes).
pub fn is_question(sentence: &str) -> bool {
    let end = sentence.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']')
    });
    end.ends_with(['?', '؟', '？'])
}

/// Whether the sentence reads as a photo caption, page furniture or an
/// unfinished line ("Pictured: ...", "Scroll down for video", "... is:.").
pub fn is_caption(sentence: &str) -> bool {
    let lower = skip_leading_quotes(sentence).to_lowercase();
    let opener = CAPTION_OPENERS.iter().any(|o| {
        lower.starts_with(o)
            && lower[o.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    });
    let trimmed = sentence.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    opener || trimmed.ends_with(':') || ends_with_photographer(trimmed)
}

/// Lines of fewer words that end without sentence punctuation read as labels, headings or
/// slogans ("Región de los Ríos", "Christian Fröhlich, Johanna Digruber").
const LABEL_WORDS: usize = 8;

/// Closing quotes ([`QUOTES`]) and brackets, which may follow a sentence's final
/// punctuation.
fn is_closer(c: char) -> bool {
    QUOTES.contains(&c) || matches!(c, ')' | ']' | '」' | '』' | '）' | '】')
}

/// Whether `c` is written without sentence punctuation only in headings: Chinese and
/// Japanese characters and Hangul (their prose ends with 。！？ or `.`).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

/// Whether the sentence is a fragment rather than a sentence: a line without
/// sentence-final punctuation that is short (under [`LABEL_WORDS`] words between spaces: a
/// label, heading, list of names, opening hours or slogan) or written in Chinese, Japanese
/// or Korean (a heading there), a line that opens or ends with an ellipsis (a teaser cut
/// off, "...Donalda Tr...", or the rest of one, "... im Wettbewerb"), or a field of a
/// record: one word and a colon, then under [`LABEL_WORDS`] words ("Award: “Project Fund
/// 2007”, Austrian Federal Chancellery.", "Replacements: Fortey, Murphy, Daly.").
pub fn is_fragment(sentence: &str) -> bool {
    is_cut_or_unterminated(sentence) || is_field(sentence)
}

/// Whether fewer than [`LABEL_WORDS`] words of `text` between spaces hold a letter or digit.
fn is_short(text: &str) -> bool {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .nth(LABEL_WORDS - 1)
        .is_none()
}

/// Whether the sentence is one word and a colon, then a short value.
fn is_field(sentence: &str) -> bool {
    let text = skip_leading_quotes(sentence);
    let Some((label, value)) = text.split_once(char::is_whitespace) else {
        return false;
    };
    label.len() > 1
        && label.ends_with(':')
        && label[..label.len() - 1]
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-')
        && is_short(value)
}

/// A line cut off with an ellipsis, or one without sentence-final punctuation that is short
/// or ends in a CJK character ([`is_fragment`]).
fn is_cut_or_unterminated(sentence: &str) -> bool {
    let text = sentence.trim();
    // An elision mark in brackets ("... fermées. (...)") leaves the sentence before it whole.
    let text = ["(...)", "[...]", "(…)", "[…]"]
        .iter()
        .find_map(|mark| text.strip_suffix(mark))
        .map_or(text, str::trim_end);
    let end = text.trim_end_matches(|c: char| c.is_whitespace() || is_closer(c));
    let start = skip_leading_quotes(text);
    if start.starts_with("...")
        || start.starts_with('…')
        || end.ends_with("...")
        || end.ends_with('…')
    {
        return true;
    }
    match end.chars().next_back() {
        None => true,
        Some(last) => {
            !matches!(last, '.' | '!' | '?' | ';' | '。' | '！' | '？' | '؟' | '।')
                && (is_cjk(last) || is_short(text))
        }
    }
}

/// Whether a Chinese caption ends with its photographer: the name and 摄 ("taken by")
/// after a space ("... 正录制视频 李尕 摄", "... 记者 王明摄").
fn ends_with_photographer(sentence: &str) -> bool {
    let Some(head) = sentence.strip_suffix('摄') else {
        return false;
    };
    let head = head.trim_end();
    let Some((before, name)) = head.rsplit_once(char::is_whitespace) else {
        return false;
    };
    !before.trim().is_empty()
        && (1..=4).contains(&name.chars().count())
        && name.chars().all(char::is_alphabetic)
}

/// Length in bytes of a list marker at the start of `s` ("• ", "- ", "* ",
/// "1. ", "2) "), with the spaces after it, or 0. Several markers in a row
/// ("• - ") count as one.
pub fn list_marker_len(s: &str) -> usize {
    let mut pos = s.len() - s.trim_start().len();
    let mut found = false;
    loop {
        let rest = &s[pos..];
        let marker = if let Some(r) = rest.strip_prefix(['•', '·', '▪', '●', '◦', '‣']) {
            Some(rest.len() - r.len())
        } else if let Some(r) = rest.strip_prefix(['-', '*', '–', '—']) {
            r.starts_with(char::is_whitespace)
                .then_some(rest.len() - r.len())
        } else {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let after = &rest[digits..];
            (1..=2)
                .contains(&digits)
                .then(|| after.strip_prefix(['.', ')']))
                .flatten()
                .filter(|r| r.starts_with(char::is_whitespace))
                .map(|r| rest.len() - r.len())
        };
        match marker {
            Some(len) => {
                found = true;
                let after = &s[pos + len..];
                pos += len + (after.len() - after.trim_start().len());
            }
            None => return if found { pos } else { 0 },
        }
    }
}

/// The part of `span` (a sentence of `text`) shown as a bullet: the
/// sentence without a list marker in front, unless nothing would be left.
pub fn shown_span(text: &str, span: &Range<usize>) -> Range<usize> {
    let sentence = &text[span.clone()];
    let cut = list_marker_len(sentence);
    if cut == 0 || sentence[cut..].trim().is_empty() {
        span.clone()
    } else {
        span.start + cut..span.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_found_after_quotes() {
        assert!(opens_with_reference("He said no."));
        assert!(opens_with_reference("`` But we will , '' she said ."));
        assert!(opens_with_reference("Both diseases are old."));
        assert!(!opens_with_reference("Hezbollah said no."));
        assert!(!opens_with_reference("The mayor said no."));
    }

    #[test]
    fn questions_and_captions() {
        assert!(is_question("Is it over?"));
        assert!(is_question("\"Why me?\""));
        assert!(!is_question("\"Why me?\" she asked."));
        assert!(is_question("ما الذي يحدث في السودان؟"));
        assert!(is_question("你去哪里？"));
        assert!(is_caption("True or False, Mercury is:."));
        assert!(is_caption("Pictured: the house in May."));
        assert!(is_caption("Scroll down for video."));
        assert!(!is_caption("Pictures of the flood spread online."));
        assert!(is_caption(
            "Von links nach rechts: Mathias Malischewski, Project Manager, Prof. Dr. Jan Wenske"
        ));
        assert!(is_caption(
            "为了上网推介、售卖家乡特产，安化县一块花生地里正录制视频 李尕 摄"
        ));
        assert!(!is_caption("他们在田间地头拍摄"));
    }

    #[test]
    fn fragments_are_labels_headings_and_cut_lines() {
        assert!(is_fragment("Región de los Ríos"));
        assert!(is_fragment("Christian Fröhlich, Johanna Digruber"));
        assert!(is_fragment("Mo bis Fr: 9:00 – 16:00 Uhr"));
        assert!(is_fragment("宮崎県：高鍋町、新富町、宮崎市"));
        assert!(is_fragment(
            "新华社北京4月24日电 题：促进航天技术更好惠及人民――习近平主席致贺信为中拉深化航天合作指明方向"
        ));
        assert!(is_fragment(
            "W poniedziałek do stolicy Pakistanu dotrze delegacja – wynika ze słów Donalda Tr..."
        ));
        assert!(is_fragment("... im Wettbewerb - Alles Außer Gewöhnlich"));
        assert!(is_fragment(
            "„Ich weiß, ich sollte das vielleicht nicht sagen…“"
        ));
        assert!(is_fragment(
            "Award: “Schütte-Lihotzky Project Fund 2007”, Austrian Federal Chancellery."
        ));
        assert!(is_fragment(
            "Replacements: Fortey, Murphy, Daly, Vaili, Cole, Hayes, Trueman."
        ));
        assert!(!is_fragment(
            "Update: Police said on Tuesday that the two men had been released without charge."
        ));
        assert!(!is_fragment("He said: 'We will be back next year.'"));
        assert!(!is_fragment("Die Füchse stehen im Pokal-Viertelfinale."));
        assert!(!is_fragment("„Wo ist der Wumms?“"));
        assert!(!is_fragment("»Wo ist der Wumms?«"));
        assert!(!is_fragment("气象厅13日发布了地震消息。"));
        assert!(!is_fragment(
            "Comme constaté, si les plages ouvrent, elles peuvent aussi être fermées. (...)"
        ));
        assert!(!is_fragment(
            "Unbekannte Maya-Städte werfen ein neues Licht auf die Frühzeit der Region"
        ));
    }

    #[test]
    fn list_markers_are_cut_exactly() {
        assert_eq!(list_marker_len("• - New funding."), "• - ".len());
        assert_eq!(list_marker_len("- New funding."), 2);
        assert_eq!(list_marker_len("12. New funding."), 4);
        assert_eq!(list_marker_len("2015 was a year."), 0);
        assert_eq!(list_marker_len("-5 degrees."), 0);
        let text = "Intro. • Item one.";
        assert_eq!(&text[shown_span(text, &(7..text.len()))], "Item one.");
        assert_eq!(shown_span("•", &(0..3)), 0..3);
    }
}
