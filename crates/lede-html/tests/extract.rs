//! Extraction behaviour on small hand-written pages and on hostile input.

use lede_html::{extract, extract_bytes, BlockKind, ExtractError, PageType, MAX_INPUT_BYTES};
use proptest::prelude::*;

const STORY_1: &str = "The council voted on Tuesday to close the old bridge, citing a report that found cracks in three of its supports.";
const STORY_2: &str = "Engineers said repairs would take at least eighteen months, and that a temporary ferry would run in the meantime.";
const STORY_3: &str = "Residents who rely on the bridge to reach the hospital said they were worried about the longer journey.";

fn daily_mail_like() -> String {
    format!(
        r##"<!DOCTYPE html><html lang="en-GB"><head>
<title>Old bridge to close after cracks found | Daily Mail Online</title>
<meta property="og:site_name" content="Mail Online">
<meta property="article:published_time" content="2017-05-27T10:15:00+0100">
<meta name="author" content="Jane Smith">
</head><body>
<div class="page-header"><ul class="nav-primary"><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></div>
<div id="js-article-text" class="article-text">
<h1>Old bridge to close after cracks found</h1>
<p class="author-section byline-plain">By <a href="/jane">Jane Smith</a></p>
<ul class="mol-bullets-with-font">
<li class="class-1"><font style="font-size: 1.2em;"><strong>Council votes to shut the bridge after a safety report</strong></font></li>
<li class="class-2"><font style="font-size: 1.2em;"><strong>Repairs expected to take eighteen months</strong></font></li>
</ul>
<div itemprop="articleBody">
<p class="mol-para-with-font">{STORY_1}</p>
<div class="artSplitter mol-img-group"><div class="mol-img"><img src="a.jpg"></div>
<p class="imageCaption mol-ss">The bridge has stood for more than a century</p></div>
<p class="mol-para-with-font">{STORY_2}</p>
<div class="adHolder"><p>Advertisement</p></div>
<p class="mol-para-with-font">{STORY_3}</p>
</div>
<div class="share-links"><a href="#">Share</a> <a href="#">Tweet</a></div>
</div>
<div class="related-carousel"><h3>More from the Mail</h3><ul><li><a href="/x">Man bites dog in seaside town</a></li><li><a href="/y">Cat elected mayor</a></li></ul></div>
<div id="reader-comments"><p>Great article, I drive over that bridge every day and it always felt unsafe to me.</p></div>
<footer><p>Published by Associated Newspapers Ltd, part of the Daily Mail group.</p></footer>
</body></html>"##
    )
}

#[test]
fn daily_mail_bullets_go_to_highlights_not_paragraphs() {
    let article = extract(&daily_mail_like(), None).unwrap();
    assert_eq!(article.paragraphs, [STORY_1, STORY_2, STORY_3]);
    assert_eq!(
        article.highlights,
        [
            "Council votes to shut the bridge after a safety report",
            "Repairs expected to take eighteen months"
        ]
    );
    assert_eq!(article.title, "Old bridge to close after cracks found");
    assert_eq!(article.authors, ["Jane Smith"]);
    assert_eq!(
        article.published.as_deref(),
        Some("2017-05-27T10:15:00+01:00")
    );
    assert_eq!(article.site_name.as_deref(), Some("Mail Online"));
    assert_eq!(article.language.as_deref(), Some("en-GB"));
    assert_eq!(
        article.text(),
        format!("{STORY_1}\n\n{STORY_2}\n\n{STORY_3}")
    );
}

#[test]
fn cnn_story_highlights() {
    let html = format!(
        r#"<html><body><div class="l-container">
<div class="el__storyhighlights"><h3>Story highlights</h3><ul class="el__storyhighlights__list">
<li class="el__storyhighlights__item">The bridge will close next week</li>
<li class="el__storyhighlights__item">A ferry will replace it</li></ul></div>
<section id="body-text"><div class="zn-body__paragraph">{STORY_1}</div>
<div class="zn-body__paragraph">{STORY_2}</div></section></div></body></html>"#
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(
        article.highlights,
        ["The bridge will close next week", "A ferry will replace it"]
    );
    assert_eq!(article.paragraphs, [STORY_1, STORY_2]);
}

#[test]
fn drops_nav_comments_cookie_banner_and_share_widgets() {
    let html = format!(
        r##"<html><body>
<div id="cookie-consent"><p>We use cookies to improve your experience, by continuing you agree to our policy.</p><button>Accept</button></div>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<main><article>
<h1>Bridge closes</h1>
<div class="social-share"><a href="#">Facebook</a><a href="#">Twitter</a></div>
<p>{STORY_1}</p><h2>What happens next</h2><p>{STORY_2}</p>
<figure><img src="b.jpg"><figcaption>The bridge at dusk, seen from the east bank of the river.</figcaption></figure>
<p>{STORY_3}</p>
</article>
<section class="comments"><h3>3 comments</h3><p>I have been saying this for years, the council never listens to anyone here.</p></section>
</main>
<aside><h3>Most read</h3><p>Something else entirely happened in another town far away from here.</p></aside>
</body></html>"##
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(
        article.paragraphs,
        [STORY_1, "What happens next", STORY_2, STORY_3]
    );
    assert!(article.highlights.is_empty());
}

#[test]
fn a_box_named_widget_inside_the_story_is_part_of_it() {
    // Editors' embedded boxes (`c-product-widget`, CKEditor's `ck-widget`) hold sections
    // of the story; sidebars are named `sidebar` or are `<aside>`.
    let html = format!(
        r##"<html><body><nav><a href="/">Home</a> <a href="/best">Best of</a></nav>
<main><article><h1>The best appliances of the year</h1>
<p>{STORY_1}</p><p>{STORY_2}</p>
<div class="c-product-widget"><div class="c-product-widget__name">Most trusted brand</div>
<div class="c-product-widget__content"><p>This year we award the brand that scored well on
reliability in every category we tested, from refrigerators to dishwashers.</p></div></div>
<p>{STORY_3}</p></article></main>
<aside class="sidebar"><div class="widget"><h3>Most read</h3><p>Something else entirely
happened in another town far away from here, and everyone talked about it.</p></div></aside>
</body></html>"##
    );
    let text = extract(&html, None).unwrap().text();
    assert!(
        text.contains("every category we tested") && text.contains(STORY_3),
        "{text}"
    );
    assert!(!text.contains("Something else entirely"), "{text}");
}

#[test]
fn a_table_in_a_figure_is_part_of_the_story_and_a_photo_is_not() {
    // WordPress wraps every table in `<figure class="wp-block-table">`; a figure of a
    // picture and its caption stays out.
    let html = format!(
        r##"<html><body><article><h1>The hottest housing markets</h1>
<p>{STORY_1}</p><figure class="wp-block-image"><img src="chart.png">
<figcaption>Source: our analysis of listing data</figcaption></figure><p>{STORY_2}</p>
<figure class="wp-block-table"><table><thead><tr><th>State</th><th>Score</th></tr></thead>
<tbody><tr><td>Connecticut</td><td>91.0</td></tr><tr><td>New Jersey</td><td>87.8</td></tr>
</tbody></table></figure>
<p>{STORY_3}</p></article></body></html>"##
    );
    let text = extract(&html, None).unwrap().text();
    assert!(
        text.contains("Connecticut 91.0") && text.contains(STORY_3),
        "{text}"
    );
    assert!(!text.contains("our analysis of listing data"), "{text}");
}

#[test]
fn a_drupal_node_promoted_to_the_front_page_is_the_story() {
    const OTHER: &str = "Visitors to the hospital can park in the garage on the north side of \
        the campus, where the first two hours are free for patients and their families.";
    let html = format!(
        r##"<html><body><nav><a href="/">Home</a> <a href="/services">Services</a></nav>
<main><h1>Mental health services</h1>
<article class="node node--type-service node--promoted node--view-mode-full clearfix">
<div class="node__content"><p>{STORY_1}</p><p>{STORY_2}</p><p>{STORY_3}</p></div>
</article></main><aside><p>{OTHER}</p><p>{OTHER} Again.</p><p>{OTHER} Once more.</p>
<p>{OTHER} And again.</p></aside></body></html>"##
    );
    let text = extract(&html, None).unwrap().text();
    assert!(text.contains(STORY_1) && text.contains(STORY_3), "{text}");
}

#[test]
fn an_open_consent_banner_is_never_the_content() {
    // A listing of short cards, and an open banner whose paragraph is the longest prose
    // on the page: the second walk, which reads boxes named like layout, must not find
    // the banner's text there.
    let cards: String = (1..=8)
        .map(|i| {
            format!(
                r#"<div class="summary-item"><h3><a href="/story/{i}">Story number {i} about health</a></h3>
<p>A short line on story {i}.</p></div>"#
            )
        })
        .collect();
    let html = format!(
        r##"<html><body><div id="fides-overlay" class="fides-overlay">
<div role="alertdialog" aria-hidden="false" class="fides-banner"><div>We Care About Your Privacy</div>
<p>We and our partners use cookies and similar methods to recognize visitors and remember their
preferences, to gauge the effectiveness of advertising campaigns, to target advertisements and
to analyze website traffic. Some of these technologies are essential for the service, while
others are optional but serve to enhance the experience in various ways.</p>
<button>Accept all</button></div></div>
<main><h1>Health</h1><section class="summary-list">{cards}</section></main></body></html>"##
    );
    let text = extract(&html, None).unwrap().text();
    assert!(!text.contains("partners use cookies"), "{text}");
}

#[test]
fn windows_1252_page_decodes() {
    let mut bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><article><p>".to_vec();
    bytes.extend_from_slice(b"The caf\xe9 owner said \x93business is booming\x94 \x96 and then smiled, pouring another cup.");
    bytes.extend_from_slice(b"</p></article></body></html>");
    let article = extract_bytes(&bytes, None, None).unwrap();
    assert_eq!(
        article.paragraphs,
        ["The caf\u{e9} owner said \u{201c}business is booming\u{201d} \u{2013} and then smiled, pouring another cup."]
    );
    let latin1 = extract_bytes(&bytes, Some("text/html; charset=iso-8859-1"), None).unwrap();
    assert_eq!(latin1.paragraphs, article.paragraphs);
}

#[test]
fn malformed_html_still_extracts() {
    let html = format!(
        "<html><body><div><p>{STORY_1}<p>{STORY_2}</b></i><div><p>{STORY_3}</span></table>"
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, [STORY_1, STORY_2, STORY_3]);
}

#[test]
fn unclosed_link_in_the_menu_does_not_swallow_the_story() {
    let html = format!(
        "<html><body><ul class=menu><li><a href=/>Home<li><a href=/news>News</ul>\
         <div><p>{STORY_1}<p>{STORY_2}<p>{STORY_3}</div></body></html>"
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, [STORY_1, STORY_2, STORY_3]);
}

#[test]
fn teasers_after_a_related_heading_are_left_out() {
    let teaser = "A different story about the budget talks ran long into the night, \
                  and the committee adjourned without a vote.";
    let html = format!(
        "<html><body><div class=main><article><p>{STORY_1}</p><p>{STORY_2}</p></article>\
         <div class=rail><div class=title><h5><span>More</span> Daily Planet</h5></div>\
         <ul><li><h5><a href=/x>Budget</a></h5><div>{teaser}</div></li>\
         <li><h5><a href=/y>Budget again</a></h5><div>{teaser} Again.</div></li></ul></div>\
         <h3>Você pode gostar...</h3><article><p>{STORY_3}</p></article></div></body></html>"
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, [STORY_1, STORY_2]);
}

#[test]
fn a_related_box_inside_the_story_does_not_end_it() {
    let html = format!(
        "<html><body><div class=body><p>{STORY_1}</p><p>{STORY_2}</p>\
         <div class=box><h2>Related Links</h2><ul><li><a href=/a>Agency website</a></li></ul>\
         </div><p>{STORY_3}</p></div></body></html>"
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, [STORY_1, STORY_2, STORY_3]);
}

#[test]
fn paragraphs_after_an_inline_related_list_are_kept() {
    let html = format!(
        "<html><body><div class=story><p>{STORY_1}</p><h2>Related</h2>\
         <ul><li><a href=/a>Microsoft pledges to cut emissions</a></li></ul>\
         <p>{STORY_2}</p><p>{STORY_3}</p></div></body></html>"
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, [STORY_1, STORY_2, STORY_3]);
}

#[test]
fn paragraphs_of_a_section_named_like_bullets_are_body_text() {
    let html = format!(
        "<html><body><article><section class=\"article--section__bullets\">\
         <p>{STORY_1}</p><p>{STORY_2}</p></section></article></body></html>"
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, [STORY_1, STORY_2]);
    assert!(article.highlights.is_empty());
}

#[test]
fn paragraphs_set_as_headings_are_body_text() {
    let html = format!(
        "<html><body><article><h2>Bridge closed</h2><h3>{STORY_1}</h3><h4>{STORY_2}</h4>\
         </article><footer><p>Post views: 22</p></footer></body></html>"
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, ["Bridge closed", STORY_1, STORY_2]);
}

#[test]
fn related_links_inside_a_short_story_do_not_outweigh_it() {
    let links: String = (0..6)
        .map(|i| format!("<li><a href=/{i}>Another story about the old bridge, part {i}</a></li>"))
        .collect();
    let html = format!(
        "<html><body><div class=entry><p>Location: the old bridge.</p><p>{STORY_1}</p>\
         <h2 class=cprp_section_title>Related Posts</h2><ul>{links}</ul></div>\
         <p>Copyright 2018. All Rights Reserved. Made with love in Berlin.</p></body></html>"
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, ["Location: the old bridge.", STORY_1]);
}

#[test]
fn a_header_left_open_around_the_page_does_not_hide_the_story() {
    let html = format!(
        "<html><body><header id=branding><a href=/>Home</a>\
         <div id=content><p>{STORY_1}</p><p>{STORY_2}</p></div></body></html>"
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, [STORY_1, STORY_2]);
}

#[test]
fn a_page_without_body_tag_or_closed_head() {
    let html = format!(
        "<html><head><title>Bridge</title><meta charset=utf-8>\
         <div class=content><p>{STORY_1}</p><p>{STORY_2}</p></div></html>"
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, [STORY_1, STORY_2]);
}

#[test]
fn page_without_article_is_empty() {
    let html = r#"<html><body><ul><li><a href="/a">Home</a></li><li><a href="/b">About us</a></li><li><a href="/c">Contact</a></li></ul></body></html>"#;
    let article = extract(html, None).unwrap();
    assert!(article.is_empty());
    assert!(extract("", None).unwrap().is_empty());
}

#[test]
fn oversized_page_is_refused() {
    let size = 50 * 1024 * 1024;
    let mut html = String::with_capacity(size);
    while html.len() < size {
        html.push_str("<p>filler text for a very large page</p>");
    }
    let err = extract(&html, None).unwrap_err();
    assert_eq!(
        err,
        ExtractError::TooLarge {
            size: html.len(),
            limit: MAX_INPUT_BYTES
        }
    );
}

#[test]
fn large_page_within_limit_extracts() {
    let mut html = String::from("<html><body><article>");
    for _ in 0..20_000 {
        html.push_str(&format!("<p>{STORY_1}</p><p>{STORY_2}</p>"));
    }
    html.push_str("</article></body></html>");
    let article = extract(&html, None).unwrap();
    // Repeated paragraphs are kept once.
    assert_eq!(article.paragraphs, [STORY_1, STORY_2]);
}

#[test]
fn deep_nesting_does_not_overflow() {
    for tag in ["div", "span", "blockquote", "li"] {
        let depth = 100_000;
        let mut html = String::with_capacity(depth * 12);
        html.push_str("<html><body>");
        for _ in 0..depth {
            html.push_str(&format!("<{tag}>"));
        }
        html.push_str(&format!("<p>{STORY_1}</p>"));
        let article = extract(&html, None).unwrap();
        assert_eq!(article.paragraphs, [STORY_1], "nested {tag}");
    }
}

#[test]
fn stray_end_tags_under_deep_nesting_stay_fast() {
    // Each stray end tag must not rescan the whole stack of open elements.
    let mut html = String::from("<html><body><div><table><tr><td>");
    html.push_str(&"<span>".repeat(1000));
    html.push_str(&format!("<p>{STORY_1}</p>"));
    html.push_str(&"</div></em>".repeat(100_000));
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, [STORY_1]);
}

#[test]
fn binary_input_is_refused() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..5000u32).map(|i| (i * 7 % 256) as u8));
    assert_eq!(extract_bytes(&png, None, None), Err(ExtractError::Binary));
    let noise: Vec<u8> = (0..10_000u32).map(|i| (i * 31 % 256) as u8).collect();
    assert_eq!(
        extract_bytes(&noise, Some("text/html"), None),
        Err(ExtractError::Binary)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_on_arbitrary_text(s in ".{0,2000}") {
        let _ = extract(&s, Some("https://example.test/x"));
    }

    #[test]
    fn never_panics_on_tag_soup(parts in prop::collection::vec(
        prop_oneof![
            Just("<p>".to_string()), Just("</p>".to_string()), Just("<div class=\"content\">".to_string()),
            Just("</div>".to_string()), Just("<a href=x>".to_string()), Just("</a>".to_string()),
            Just("<br>".to_string()), Just("<ul class=\"mol-bullets\"><li>".to_string()),
            Just("<script>".to_string()), Just("<pre>".to_string()), Just("<table><td>".to_string()),
            Just("<noscript>".to_string()), Just("</noscript>".to_string()),
            Just("<blockquote>".to_string()), Just("<tr><th>".to_string()), Just("<td>".to_string()),
            "[a-z ,.]{0,40}",
        ], 0..200)) {
        let html = parts.concat();
        let first = extract(&html, None).unwrap();
        let second = extract(&html, None).unwrap();
        prop_assert_eq!(first.kinds.len(), first.paragraphs.len());
        prop_assert_eq!(first.prose.len(), first.paragraphs.len());
        let _ = first.markdown();
        prop_assert_eq!(first, second);
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000),
                                       ct in prop::option::of("[a-z/;= -]{0,30}")) {
        let _ = extract_bytes(&bytes, ct.as_deref(), None);
    }
}

#[test]
fn table_rows_become_lines() {
    let html = format!(
        "<html><body><article><p>{STORY_1}</p><table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>\
         <tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr></table><p>{STORY_2}</p></article></body></html>"
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(
        article.paragraphs,
        [STORY_1, "Pos. Driver Points", "1 Kyle Busch 5040", STORY_2]
    );
}

#[test]
fn teasers_and_trailing_scraps_are_dropped() {
    let html = format!(
        r#"<html><body><div class="main">
<div class="breaking"><ul><li><a href="/a">Storm closes schools</a> <span>Heavy snow forced every school in the county to close on Monday, and officials said...</span></li></ul></div>
<p>{STORY_1}</p><p>{STORY_2}</p><p>{STORY_3}</p>
<p>Image 1 of 5</p><div>Filed under: Bridges</div></div></body></html>"#
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, [STORY_1, STORY_2, STORY_3]);
}

#[test]
fn embedded_posts_are_kept() {
    let html = format!(
        r#"<html><body><div class="entry-content"><p>{STORY_1}</p>
<div class="social-media-embed"><blockquote class="twitter-tweet"><p>The bridge is closed, take the ferry instead, it runs every twenty minutes today.</p></blockquote></div>
<p>{STORY_2}</p></div></body></html>"#
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(
        article.paragraphs,
        [
            STORY_1,
            "The bridge is closed, take the ferry instead, it runs every twenty minutes today.",
            STORY_2
        ]
    );
}

#[test]
fn wrapper_named_like_furniture_is_kept_when_it_holds_the_story() {
    let html = format!(
        r#"<html><body><div class="container penci_sidebar"><div id="main">
<p>{STORY_1}</p><p>{STORY_2}</p><p>{STORY_3}</p></div>
<div class="widget"><a href="/x">Archive</a></div></div></body></html>"#
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, [STORY_1, STORY_2, STORY_3]);
}

#[test]
fn script_rendered_page_falls_back_to_json_ld_body() {
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Bridge","articleBody":"{STORY_1}\n{STORY_2}"}}</script></head>
<body><div id="root"></div><script>window.__STATE__ = {{}};</script></body></html>"#
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.title, "Bridge");
    assert_eq!(article.paragraphs, [STORY_1, STORY_2]);
}

#[test]
fn bylines_are_dropped_but_sentences_starting_with_by_are_kept() {
    let html = format!(
        "<html><body><article><p>By Jane Smith</p><p>{STORY_1}</p>\
         <p>By noon, the queue at the ferry stretched around the block.</p><p>{STORY_2}</p></article></body></html>"
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(
        article.paragraphs,
        [
            STORY_1,
            "By noon, the queue at the ferry stretched around the block.",
            STORY_2
        ]
    );
}

#[test]
fn a_thread_served_only_in_noscript_is_read_from_there() {
    let posts: String = (0..8)
        .map(|i| format!("<div class=\"topic-body crawler-post\"><p>Reply {i}: {STORY_1} {STORY_2}</p></div>"))
        .collect();
    let padding = "<span>menu</span>".repeat(100);
    let html = format!(
        r#"<html><body><div id="app">{padding}</div>
        <noscript data-path="/t/1"><div itemscope itemtype="http://schema.org/DiscussionForumPosting">{posts}</div></noscript>
        </body></html>"#
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs.len(), 8);
    assert!(article.paragraphs[7].starts_with("Reply 7: The council"));
    assert_eq!(article.page_type, PageType::Forum);
    assert!(article.readerable && article.has_article());
}

#[test]
fn a_forum_thread_loses_its_vote_counts() {
    let posts: String = (0..6)
        .map(|i| {
            format!(
                "<div class=\"post\"><div class=\"post-layout\"><div class=\"votecell\">\
                 <button>Up</button><div class=\"vote-count\">{}</div><button>Down</button></div>\
                 <div class=\"postcell\"><p>Reply {i}: {STORY_1}</p><p>Post {i} adds: {STORY_2}</p></div></div></div>",
                i * 7 + 3
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"DiscussionForumPosting",
        "headline":"Bridge closure"}}</script></head><body><main>{posts}</main></body></html>"#
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.page_type, PageType::Forum);
    assert_eq!(article.paragraphs.len(), 12, "{:?}", article.paragraphs);
    assert!(article.paragraphs[0].starts_with("Reply 0: The council"));
}

#[test]
fn a_listing_of_cards_is_its_cards_and_no_article() {
    let cards: String = (0..8)
        .map(|i| {
            format!(
                r#"<li class="job-card"><a href="/j/{i}"><h3>Senior engineer {i}</h3></a>
                <span>Remote</span> <span>Full-time</span> <a href="/c/{i}">Company {i}</a></li>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><title>Jobs</title></head><body><nav><a href="/">Home</a></nav>
        <main><h1>Remote jobs</h1><ul class="jobs">{cards}</ul></main></body></html>"#
    );
    let article = extract(&html, None).unwrap();
    assert!(article
        .paragraphs
        .contains(&"Senior engineer 7".to_string()));
    assert!(article.paragraphs.iter().any(|p| p.ends_with("Company 0")));
    assert_eq!(article.page_type, PageType::Listing);
    assert!(!article.readerable && !article.has_article());
}

#[test]
fn an_article_is_readerable_and_declares_its_type() {
    let article = extract(&daily_mail_like(), None).unwrap();
    assert_eq!(article.page_type, PageType::Article);
    let long = format!("{STORY_1} {STORY_2} {STORY_3}");
    // A declared product is one cue among others (news pages declare their subscription
    // offers as products); a shop's address, price and cart make the product page.
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":["Product"]}}</script></head>
        <body><article><p>{long}</p><p>Again: {long}</p>
        <span class="price">$24.99</span><button class="add-to-cart">Add to cart</button>
        </article></body></html>"#
    );
    let article = extract(&html, Some("https://shop.example.com/products/pan-26")).unwrap();
    assert_eq!(article.page_type, PageType::Product);
    assert!(article.readerable);
}

#[test]
fn block_kinds_follow_the_page_structure() {
    let html = format!(
        r#"<html><body><article><h1>Bridge</h1><p>{STORY_1}</p><h2>What happens next</h2>
        <ul><li>{STORY_2}</li><li>{STORY_3}</li></ul><blockquote><p>{STORY_3} said the mayor.</p></blockquote>
        <pre>fn main() {{}}
let x = 1;</pre>
        <table><tr><th>Day</th><th>Ferry runs</th></tr><tr><td>Monday</td><td>Every hour, from six until ten.</td></tr></table>
        <p>{STORY_2} Again.</p></article></body></html>"#
    );
    let article = extract(&html, None).unwrap();
    let kinds: Vec<&BlockKind> = article.kinds.iter().collect();
    assert_eq!(
        kinds,
        [
            &BlockKind::Paragraph,
            &BlockKind::Heading(2),
            &BlockKind::ListItem,
            &BlockKind::ListItem,
            &BlockKind::Quote,
            &BlockKind::Code,
            &BlockKind::Code,
            &BlockKind::TableRow(vec!["Day".into(), "Ferry runs".into()]),
            &BlockKind::TableRow(vec![
                "Monday".into(),
                "Every hour, from six until ten.".into()
            ]),
            &BlockKind::Paragraph,
        ]
    );
    let markdown = article.markdown();
    assert!(markdown.contains("\n## What happens next\n\n- Engineers said"));
    assert!(markdown.contains("\n```\nfn main() {}\nlet x = 1;\n```\n"));
    assert!(markdown.contains("| Day | Ferry runs |\n|---|---|\n| Monday | Every hour"));
    assert!(markdown.contains("\n> Residents who rely"));
}

#[test]
fn prose_flags_leave_out_table_rows_code_and_rows_of_names() {
    let html = format!(
        r#"<html><body><article><h1>Bridge</h1><p>{STORY_1}</p><h2>What happens next</h2>
        <ul><li>{STORY_2}</li><li>Dr. Agnes Jurati Theoretical cyberneticist</li></ul>
        <div class="lineup"><div>B. Guimaraes Rodriguez</div><div>J. de Souza Oliveira22</div></div>
        <pre>fn main() {{}}</pre>
        <table><tr><td>Monday</td><td>Every hour, from six until ten.</td></tr></table>
        <p>{STORY_3}</p></article></body></html>"#
    );
    let article = extract(&html, None).unwrap();
    let prose: Vec<(&str, bool)> = article
        .paragraphs
        .iter()
        .map(String::as_str)
        .zip(article.prose.iter().copied())
        .collect();
    assert_eq!(
        prose,
        [
            (STORY_1, true),
            ("What happens next", true),
            (STORY_2, true),
            ("Dr. Agnes Jurati Theoretical cyberneticist", false),
            ("B. Guimaraes Rodriguez", false),
            ("J. de Souza Oliveira22", false),
            ("fn main() {}", false),
            ("Monday Every hour, from six until ten.", false),
            (STORY_3, true),
        ]
    );
}

#[test]
fn a_caption_beside_a_picture_without_figcaption_is_left_out() {
    let html = format!(
        r#"<html><body><article><h1>Bridge</h1><p>{STORY_1}</p>
        <div class="media"><div class="frame"><img src="bridge.jpg" alt="The bridge"></div>
        <div class="info"><p>The old bridge seen from the east bank at dawn</p><p>Photo: J. Smith</p></div></div>
        <p>{STORY_2}</p><p>{STORY_3}</p></article></body></html>"#
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, [STORY_1, STORY_2, STORY_3]);
}

#[test]
fn cards_of_a_picture_and_a_line_are_content() {
    let card = |name: &str, line: &str| {
        format!(r#"<div class="plant"><img src="{name}.jpg"><p>{name}: {line}</p></div>"#)
    };
    let html = format!(
        r#"<html><body><article><h1>Houseplants</h1><p>{STORY_1}</p>{}{}{}
        <p>{STORY_2}</p><p>{STORY_3}</p></article></body></html>"#,
        card("Pothos", "one of the easiest houseplants to grow."),
        card("Sansevieria", "a hardy plant with stiff leaves."),
        card("Philodendron", "glossy, trailing leaves for any shelf."),
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs.len(), 6, "{:?}", article.paragraphs);
}

#[test]
fn utility_classes_do_not_name_furniture() {
    let html = format!(
        r#"<html><body><div class="grid print:block md:grid-cols-2"><article>
        <p>{STORY_1}</p><p>{STORY_2}</p><p>{STORY_3}</p></article></div></body></html>"#
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs, [STORY_1, STORY_2, STORY_3]);
}

#[test]
fn a_named_link_inside_a_sentence_stays() {
    let sentence = "The head of the big <a class=\"atm-tag-link\" href=\"/tag/dozimetr\">Dozimetr case</a>, \
                    in which investigators examine wide corruption in public contracts, told the court \
                    that he had fallen into financial trouble years ago.";
    let html = format!(
        "<html><body><article><h1>Court hears the businessman</h1><p>{sentence}</p>\
         <p>The judge said that the hearing would go on behind closed doors for the rest of the week.</p>\
         <p class=\"tags\"><a class=\"atm-tag-link\" href=\"/tag/a\">Dozimetr</a> \
         <a class=\"atm-tag-link\" href=\"/tag/b\">Courts</a></p></article></body></html>"
    );
    let article = extract(&html, None).unwrap();
    assert!(
        article.paragraphs[0].starts_with("The head of the big Dozimetr case, in which"),
        "{:?}",
        article.paragraphs
    );
    // The list of tags itself is still furniture.
    assert!(
        !article.text().contains("Courts"),
        "{:?}",
        article.paragraphs
    );
}

#[test]
fn an_inline_element_styled_as_a_block_is_a_line_of_its_own() {
    let html = "<html><body><article><h1>Wind turbines tested in the lab</h1>\
        <p><a href=\"/photo.jpg\"><img src=\"/photo.jpg\" alt=\"\">\
        <em style=\"color: #aaa; display: block;\">© Nordex</em></a>Hamburg (iwr) - Wind \
        turbines feed their power into the grid through power electronics, and their \
        behaviour during voltage dips must be validated before they reach the market.</p>\
        <p>A new test bench in Bremerhaven now does in three months what took a year of \
        measurements in the field, the partners said on Friday.</p></article></body></html>";
    let article = extract(html, None).unwrap();
    assert_eq!(article.paragraphs[0], "© Nordex");
    assert!(
        article.paragraphs[1].starts_with("Hamburg (iwr) - Wind turbines"),
        "{:?}",
        article.paragraphs
    );
    // `display: inline-block` and other inline layouts keep the words together.
    let html = html.replace("display: block", "display: inline-block");
    let article = extract(&html, None).unwrap();
    assert!(
        article.text().contains("© NordexHamburg"),
        "{:?}",
        article.paragraphs
    );
}
