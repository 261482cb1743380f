//! Article metadata on small hand-written pages: description, canonical URL, image, tags,
//! language tags, authors, dates and titles.

use lede_html::extract;

const PAGE: &str = include_str!("fixtures/metadata.html");

/// A page around `head` with a body long enough to be an article.
fn page(head: &str, body_top: &str) -> String {
    format!(
        "<html><head>{head}</head><body><article>{body_top}\
         <p>The council voted on Tuesday to close the old bridge, citing a report that found cracks in three of its supports.</p>\
         <p>Engineers said repairs would take at least eighteen months, and that a temporary ferry would run in the meantime.</p>\
         </article></body></html>"
    )
}

#[test]
fn fixture_page_gives_every_field() {
    let article = extract(PAGE, Some("https://rheinbote.test/news/heute/artikel?id=7")).unwrap();
    assert_eq!(article.title, "Neue Brücke eröffnet");
    assert_eq!(article.authors, ["Anna Weber", "Jan Ott"]);
    assert_eq!(
        article.published.as_deref(),
        Some("2024-03-05T09:30:00+01:00")
    );
    assert_eq!(article.site_name.as_deref(), Some("Rheinbote"));
    assert_eq!(article.language.as_deref(), Some("de-DE"));
    assert_eq!(
        article.description.as_deref(),
        Some("Die Stadt hat nach vier Jahren Bauzeit die neue Rheinbrücke eröffnet.")
    );
    assert_eq!(
        article.canonical_url.as_deref(),
        Some("https://rheinbote.test/news/lokales/neue-bruecke")
    );
    assert_eq!(
        article.image_url.as_deref(),
        Some("https://rheinbote.test/bilder/bruecke.jpg")
    );
    assert_eq!(article.tags, ["Verkehr", "Stadtplanung", "Brücke", "Rhein"]);
    assert!(article
        .paragraphs
        .iter()
        .any(|p| p.starts_with("Nach vier Jahren Bauzeit")));
}

#[test]
fn without_a_page_url_relative_links_are_dropped() {
    let article = extract(PAGE, None).unwrap();
    assert_eq!(article.canonical_url, None);
    assert_eq!(article.image_url, None);
    let html = page(
        r#"<link rel="canonical" href="https://paper.test/a"><meta name="twitter:image" content="img/b.png">"#,
        "",
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(
        article.canonical_url.as_deref(),
        Some("https://paper.test/a")
    );
    assert_eq!(
        article.image_url.as_deref(),
        Some("https://paper.test/img/b.png")
    );
}

#[test]
fn language_tags_take_bcp_47_case() {
    for (head, want) in [
        (
            r#"<meta http-equiv="content-language" content="en_gb">"#,
            Some("en-GB"),
        ),
        (
            r#"<meta property="og:locale" content="fr_FR">"#,
            Some("fr-FR"),
        ),
        (r#"<meta property="og:locale" content="english">"#, None),
    ] {
        let article = extract(&page(head, ""), None).unwrap();
        assert_eq!(article.language.as_deref(), want, "{head}");
    }
    let article = extract(&page("", "").replace("<html>", "<html lang=DE>"), None).unwrap();
    assert_eq!(article.language.as_deref(), Some("de"));
}

#[test]
fn authors_from_meta_tags_and_bylines() {
    let cases = [
        (
            r#"<meta name="author" content="By Jo Park and Sam Roe">"#,
            "",
            vec!["Jo Park", "Sam Roe"],
        ),
        (
            r#"<meta name="parsely-author" content="Ann Lee"><meta name="parsely-author" content="Bo Chan">"#,
            "",
            vec!["Ann Lee", "Bo Chan"],
        ),
        (
            r#"<meta property="article:author" content="https://facebook.com/jo"><meta name="sailthru.author" content="Jo Park">"#,
            "",
            vec!["Jo Park"],
        ),
        (
            "",
            r#"<div class="byline">By Kim Lo, Staff Writer</div>"#,
            vec!["Kim Lo"],
        ),
        (
            "",
            r#"<span itemprop="author">Ola Berg</span>"#,
            vec!["Ola Berg"],
        ),
    ];
    for (head, body, want) in cases {
        let article = extract(&page(head, body), None).unwrap();
        assert_eq!(article.authors, want, "{head}{body}");
    }
}

#[test]
fn thread_starters_and_text_bylines() {
    let cases = [
        // A microdata author item: its `itemprop=name`, not the avatar letter and
        // reputation beside it; user names keep their digits.
        (
            "",
            r#"<div itemprop="author" itemscope><span class="avatar">E</span>
               <span itemprop="name">Ejp55230</span> 1,204 posts</div>
               <div itemprop="author" itemscope><meta itemprop="name" content="later"></div>"#,
            vec!["Ejp55230"],
        ),
        (
            "",
            r#"<div itemprop="author" itemscope><meta itemprop="name" content="julian"></div>"#,
            vec!["julian"],
        ),
        // A Q&A page: the question's author, not the answer's.
        (
            r#"<script type="application/ld+json">{"@type":"QAPage","mainEntity":{"@type":"Question",
               "author":{"@type":"Person","name":"JonB"},"suggestedAnswer":[{"@type":"Answer",
               "author":{"@type":"Person","name":"Pl45m4"}}]}}</script>"#,
            "",
            vec!["JonB"],
        ),
        (
            "",
            r#"<h1>The history of coffee</h1><p><time>Mar 24, 2025</time></p><p>By Amy Wilhelm</p>"#,
            vec!["Amy Wilhelm"],
        ),
        (
            "",
            r#"<h1>The history of coffee</h1><p>Written by</p><p>Edzel Tabing</p>"#,
            vec!["Edzel Tabing"],
        ),
        (
            "",
            r#"<h1>The history of coffee</h1><p>By continuing you agree to our terms</p>"#,
            vec![],
        ),
    ];
    for (head, body, want) in cases {
        let article = extract(&page(head, body), None).unwrap();
        assert_eq!(article.authors, want, "{head}{body}");
    }
}

#[test]
fn forum_posts_served_in_noscript_give_their_author() {
    let posts: String = (0..12)
        .map(|i| {
            format!(
                "<div class=\"post\"><span class=\"creator\" itemprop=\"author\" itemscope>\
                 <a href=\"/u/poster{i}\"><span itemprop=\"name\">poster_{i}</span></a></span>\
                 <div class=\"post-body\"><p>Post {i} of the thread says that the pump on the \
                 second floor has been making a grinding noise since the last service visit.</p>\
                 </div></div>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Pump noise</title></head><body><div id=\"app\"></div>\
         <noscript><div id=\"main-outlet\"><h1>Pump noise</h1>{posts}</div></noscript></body></html>"
    );
    let article = extract(&html, None).unwrap();
    assert!(article.paragraphs.len() > 5, "{:?}", article.paragraphs);
    assert_eq!(article.authors, ["poster_0"]);
}

#[test]
fn json_ld_author_shapes() {
    for (author, want) in [
        (r#""By Ann Lee""#, vec!["Ann Lee"]),
        (r#"{"@type":"Person","name":"Ann Lee"}"#, vec!["Ann Lee"]),
        (
            r#"[{"name":"Ann Lee"},{"name":["Bo Chan"]}]"#,
            vec!["Ann Lee", "Bo Chan"],
        ),
        (
            r#"{"@type":"Person","givenName":"Ann","familyName":"Lee"}"#,
            vec!["Ann Lee"],
        ),
        (
            r#"{"@type":"Organization","name":"The Paper"}"#,
            vec!["The Paper"],
        ),
        (
            r#"{"name":"Lindsey O&#039;Donnell"}"#,
            vec!["Lindsey O'Donnell"],
        ),
    ] {
        let head = format!(
            r#"<meta property="og:site_name" content="The Paper"><script type="application/ld+json">
            {{"@type":"NewsArticle","headline":"Bridge closes","author":{author}}}</script>"#
        );
        let article = extract(&page(&head, ""), None).unwrap();
        assert_eq!(article.authors, want, "{author}");
    }
}

#[test]
fn dates_from_microdata_time_and_url() {
    let article = extract(
        &page("", r#"<span itemprop="datePublished" content="2023-02-01">1 Feb</span><time datetime="2023-03-01">x</time>"#),
        None,
    )
    .unwrap();
    assert_eq!(article.published.as_deref(), Some("2023-02-01"));
    let article = extract(
        &page("", r#"<time datetime="2023-03-01T10:00">x</time>"#),
        None,
    )
    .unwrap();
    assert_eq!(article.published.as_deref(), Some("2023-03-01T10:00:00"));
    let article = extract(&page("", ""), Some("https://paper.test/2021/07/09/bridge")).unwrap();
    assert_eq!(article.published.as_deref(), Some("2021-07-09"));
    let article = extract(&page("", ""), Some("https://paper.test/bridge")).unwrap();
    assert_eq!(article.published, None);
}

#[test]
fn titles_lose_the_site_name() {
    for (head, h1, want) in [
        ("<title>Bridge closes | The Paper</title>", "", "Bridge closes"),
        ("<title>The Paper - Bridge closes for good after cracks found</title><meta property=\"og:site_name\" content=\"The Paper\">", "", "Bridge closes for good after cracks found"),
        ("<title>Bridge closes - News - The Paper</title>", "", "Bridge closes"),
        ("<title>Bridge closes: what it means | Paper</title><meta property=\"og:title\" content=\"Bridge closes: what it means\">", "<h1>Bridge closes: what it means</h1>", "Bridge closes: what it means"),
    ] {
        let article = extract(&page(head, h1), None).unwrap();
        assert_eq!(article.title, want, "{head}");
    }
}
