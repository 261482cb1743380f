//! The article landmark: inside the best-scoring element, the `<article>` or `<main>` that
//! holds nearly all of its score is the story, widened to the blocks around it that no
//! furniture separates from it and to the standfirst above it.

use lede_html::extract;

const STORY: [&str; 9] = [
    "The council voted on Tuesday to close the old bridge, citing a report that found cracks in three of its supports.",
    "Engineers said repairs would take at least eighteen months, and that a temporary ferry would run in the meantime.",
    "Residents who rely on the bridge to reach the hospital said they were worried about the longer journey.",
    "The bridge, built in 1911, carries about twelve thousand vehicles a day between the two halves of the town.",
    "A first inspection in the spring had found rust on the steel frame, and lorries were banned from it in June.",
    "The new report, written by an independent firm, says the supports could fail under a heavy load within a year.",
    "The council will ask the regional government for help to pay for the repairs, which could cost four million euros.",
    "Shops near the bridge fear that fewer customers will come once the crossing closes at the end of the month.",
    "A public meeting about the ferry timetable will be held in the town hall next Thursday evening.",
];

const DECK: &str =
    "The town loses its only crossing for a year and a half after engineers found cracks in its supports.";

/// Breadcrumbs and a share bar: furniture the walk skips, longer than the gap it widens over.
const FURNITURE: &str = r##"<nav class="breadcrumb"><a href="/">Home</a> <a href="/news">News</a> <a href="/news/local">Local news</a> <a href="/news/local/transport">Transport</a></nav>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Share by email</a> <a href="#">Copy the link</a> <a href="#">Print this article</a> <a href="#">Share on WhatsApp</a> <a href="#">Share on LinkedIn</a> <a href="#">Share on Reddit</a> <a href="#">Send us a tip</a> <a href="#">Listen to this article</a></div>"##;

fn paragraphs(texts: &[&str]) -> String {
    texts.iter().map(|t| format!("<p>{t}</p>\n")).collect()
}

fn page(before: &str, article: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><title>Old bridge to close</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<div class="page-container">
{before}
{article}
</div>
<footer><p>Copyright 2024 Example News</p></footer>
</body></html>"#
    )
}

/// A news ticker's standing line above the page's `<main>`, in the same container.
#[test]
fn a_ticker_above_the_main_landmark_is_left_out() {
    let ticker = r#"<div class="breaking"><a href="/ticker">The news today:</a> <span>Headlines, reports and everything that matters today, at a glance.</span> <span>To the ticker</span></div>"#;
    let html = page(
        &format!("{ticker}\n{FURNITURE}"),
        &format!(
            "<main><article><h1>Old bridge to close</h1>\n{}</article></main>",
            paragraphs(&STORY)
        ),
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, STORY);
}

/// A chapô named as one above the `<article>`, a captioned photo and a share bar between.
#[test]
fn a_named_standfirst_above_the_landmark_is_kept_across_furniture() {
    let before = format!(
        r#"<h1>Old bridge to close</h1>
<div class="article-chapo"><p>{DECK}</p></div>
<div class="article-image"><img src="/bridge.jpg" alt="The bridge"><span class="visuel-credits"><p>The old bridge, seen from the left bank on 12 September, before the council closed it to traffic.</p><span>Jean Martin / Agency</span></span></div>
{FURNITURE}"#
    );
    let html = page(
        &before,
        &format!("<article>\n{}</article>", paragraphs(&STORY)),
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs[0], DECK);
    assert_eq!(&article.paragraphs[1..], STORY);
}

/// A hero header: the headline and its deck, then a navigation bar, then `<main>`.
#[test]
fn the_deck_under_a_hero_headline_is_kept() {
    let before = format!(
        r#"<div class="hero-text"><h1>Old bridge to close</h1><p>{DECK}</p></div>
{FURNITURE}"#
    );
    let html = page(&before, &format!("<main>\n{}</main>", paragraphs(&STORY)));
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs[0], DECK);
    assert_eq!(&article.paragraphs[1..], STORY);
}

/// A how-to whose last steps are code blocks after its last sentence of prose.
#[test]
fn code_after_the_last_sentence_is_kept() {
    let html = page(
        "",
        &format!(
            "<article><h1>Turn off receive-window tuning</h1>\n{}<p><strong>Turn it off:</strong></p><pre>netsh interface tcp set global autotuninglevel=disabled</pre><p><strong>Turn it on again:</strong></p><pre>netsh interface tcp set global autotuninglevel=normal</pre></article>",
            paragraphs(&STORY[..4])
        ),
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(
        article.paragraphs.last().map(String::as_str),
        Some("netsh interface tcp set global autotuninglevel=normal")
    );
    assert!(article
        .paragraphs
        .iter()
        .any(|p| p == "netsh interface tcp set global autotuninglevel=disabled"));
}

/// A PHP warning the server printed at the top of the `<main>` landmark.
#[test]
fn a_php_warning_in_the_landmark_is_left_out() {
    let warning = "<br /> <b>Warning</b>:  Use of undefined constant PP_MULTIPLE_AUTHORS_VERSION - assumed 'PP_MULTIPLE_AUTHORS_VERSION' (this will throw an Error in a future version of PHP) in <b>/home/site/public_html/wp-content/themes/gdg/functions.php</b> on line <b>45</b><br />";
    let html = page(
        "",
        &format!(
            "<main>{warning}<article>\n{}</article></main>",
            paragraphs(&STORY)
        ),
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, STORY);
}
