//! Page types and the pages that used to come back empty, on small hand-written pages:
//! bodies a script reveals, forum posts in elements named after comments, product
//! descriptions found only in the metadata, and dates in the URL.

use lede_html::{extract, PageType};

const STORY: &str =
    "<p>The council voted on Tuesday to close the old bridge, citing a report that \
    found cracks in three of its supports and a railing that had come loose.</p>\
    <p>Engineers said repairs would take at least eighteen months, and that a temporary ferry \
    would run across the river in the meantime, every twenty minutes.</p>";

#[test]
fn a_body_streamed_into_a_hidden_div_is_read() {
    let html = format!(
        "<html><body><div hidden id=\"S:0\"><main>{STORY}</main></div>\
         <script>$RC(\"B:0\",\"S:0\")</script></body></html>"
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.paragraphs.len(), 2);
    let html = format!(
        "<html><body><div style=\"visibility: hidden\"><article>{STORY}</article></div>\
         </body></html>"
    );
    assert_eq!(extract(&html, None).unwrap().paragraphs.len(), 2);
}

#[test]
fn a_small_hidden_box_stays_hidden() {
    let html = format!(
        "<html><body><article>{STORY}<div hidden><p>Subscribe to read the rest of this \
         story and every other story on the site.</p></div></article></body></html>"
    );
    let text = extract(&html, None).unwrap().text();
    assert!(!text.contains("Subscribe"), "{text}");
}

#[test]
fn forum_posts_named_after_comments_are_the_thread() {
    let post = |who: &str| {
        format!(
            "<article class=\"comment-entry\"><div class=\"comment-body\"><p>{who} wrote: \
             the new firmware fixed the overheating for me, but the fan is louder now and \
             the battery drains faster when the screen is off.</p></div></article>"
        )
    };
    let html = format!(
        "<html><head><script type=\"application/ld+json\">\
         {{\"@type\":\"DiscussionForumPosting\",\"headline\":\"Firmware 2.1\"}}</script></head>\
         <body><nav><a href=/>Forums</a></nav><article>{STORY}<p>{}</p></article>\
         <div id=\"comments\">{}{}</div></body></html>",
        "The fan firmware question came up again after the update, so here is a thread for it.",
        post("ana"),
        post("ben"),
    );
    let article = extract(&html, None).unwrap();
    assert_eq!(article.page_type, PageType::Forum);
    let text = article.text();
    assert!(
        text.contains("ana wrote") && text.contains("ben wrote"),
        "{text}"
    );
    let blog = html.replace("DiscussionForumPosting", "BlogPosting");
    let text = extract(&blog, None).unwrap().text();
    assert!(
        text.contains("council voted") && !text.contains("ben wrote"),
        "{text}"
    );
}

#[test]
fn a_thread_that_does_not_say_it_is_one_is_read_from_its_comments() {
    let post = |who: &str| {
        format!(
            "<li class=\"comments_subtree\"><div class=\"comment\"><div class=\"byline\">\
             <a href=\"/~{who}\">{who}</a></div><div class=\"comment_text\"><p>{who} here: \
             the new firmware fixed the overheating for me, but the fan is louder now and the \
             battery drains faster when the screen is off, so I rolled it back after a week \
             and filed a report with the logs attached.</p></div></div></li>"
        )
    };
    let posts: String = ["ana", "ben", "cy", "dee", "eli", "fay"].map(post).concat();
    let html = format!(
        "<html><head><title>Firmware 2.1</title></head><body><nav><a href=/>Home</a></nav>\
         <h1>Firmware 2.1</h1><ol class=\"comments\">{posts}</ol></body></html>"
    );
    let text = extract(&html, None).unwrap().text();
    assert!(
        text.contains("ana here") && text.contains("fay here"),
        "{text}"
    );
    // A story of its own keeps its comments out.
    let story = html.replace(
        "<h1>Firmware 2.1</h1>",
        &format!("<article>{STORY}</article>"),
    );
    let text = extract(&story, None).unwrap().text();
    assert!(
        text.contains("council voted") && !text.contains("ana here"),
        "{text}"
    );
}

#[test]
fn cards_written_as_articles_keep_their_headers() {
    let card = |title: &str, teaser: &str| {
        format!(
            "<article class=\"river-article\"><a href=\"/a\"><img src=\"/t.jpg\" alt=\"\"></a>\
             <header><h2><a href=\"/a\">{title}</a></h2><p class=\"river-desc\">\
             <a href=\"/a\">{teaser}</a></p></header></article>"
        )
    };
    let html = format!(
        "<html><body><header><nav><a href=/>Home</a><a href=/topics>Topics</a></nav></header>\
         <main><h1>Headphones</h1><section>{}{}{}</section></main></body></html>",
        card(
            "New colours for two pairs of headphones",
            "A retailer now sells both models in colours that were not offered before."
        ),
        card(
            "Hands on with live translation in earbuds",
            "We tried the new heart rate monitoring and live transcription, and they work."
        ),
        card(
            "Three models could get new colours this year",
            "Several leaks point to a refresh of the colours across the whole range."
        ),
    );
    let text = extract(&html, Some("https://news.example.com/topic/headphones"))
        .unwrap()
        .text();
    assert!(
        text.contains("New colours for two") && text.contains("refresh of the colours"),
        "{text}"
    );
    assert!(!text.contains("Topics"), "{text}");

    // The header of the page's one article is still left out.
    let story = format!(
        "<html><body><main><article><header><p>This content is reserved for subscribers \
         only.</p></header>{STORY}</article></main></body></html>"
    );
    let text = extract(&story, None).unwrap().text();
    assert!(text.contains("council voted"), "{text}");
    assert!(!text.contains("subscribers"), "{text}");
}

#[test]
fn a_product_feature_gallery_is_part_of_the_description() {
    let feature = |heading: &str, text: &str| {
        format!(
            "<div class=\"feature-blade\"><div class=\"feature-gallery content-left\">\
             <div class=\"blade-media\"><img src=\"/laptop.jpg\" alt=\"\"></div>\
             <div class=\"gallery-content\"><div role=\"heading\" class=\"headline\">\
             <p>{heading}</p></div><div class=\"description\"><p>{text}</p></div></div>\
             </div></div>"
        )
    };
    let html = format!(
        "<html><head><meta property=\"og:type\" content=\"product\"></head><body>\
         <nav><a href=/>Shop</a></nav><main><h1>ThinkPad P16s</h1>\
         <p>A sixteen-inch mobile workstation for professionals on the move, with the \
         processor and graphics that design software asks for, in a chassis that fits a bag.</p>\
         <p>It is certified for the applications that architects, engineers and creators run \
         every day, so the work opens on it as it does on the desktop at the office.</p>\
         <p>Every model ships with a three-year warranty, on-site repair in most countries and \
         a keyboard with tactile markings that make it easier to use for everyone.</p>\
         <section class=\"features\">{}{}{}</section></main></body></html>",
        feature(
            "Power unpacked",
            "Enjoy robust performance driven by the latest processor, with dedicated engines \
             that boost productivity while the thermal system keeps it efficient."
        ),
        feature(
            "Your workstation, your way",
            "Juggle tasks with plentiful ports, swift memory and superior connectivity, with \
             optional mobile broadband to stay online wherever the work takes you."
        ),
        feature(
            "Clarity without compromise",
            "Whether you are creating content or editing designs, the display options reach \
             4K, each with an anti-glare finish and most certified for low blue light."
        ),
    );
    let article = extract(&html, Some("https://shop.example.com/p/thinkpad-p16s")).unwrap();
    assert_eq!(article.page_type, PageType::Product);
    let text = article.text();
    assert!(
        text.contains("Enjoy robust performance") && text.contains("low blue light"),
        "{text}"
    );
}

#[test]
fn a_product_feature_slider_is_part_of_the_description() {
    let slide = |heading: &str, text: &str| {
        format!(
            "<div class=\"pdp-slider__item\"><span class=\"pdp-slider__count\">1/3</span>\
             <h2 class=\"pdp-slider__heading\">{heading}</h2>\
             <p class=\"pdp-slider__body\">{text}</p></div>"
        )
    };
    let html = format!(
        "<html><head><meta property=\"og:type\" content=\"product\"></head><body>\
         <nav><a href=/>Shop</a></nav><main><h1>Roomba j7+</h1>\
         <p>Identifies and avoids obstacles like cords, so there is less to pick up before \
         cleaning starts, and empties itself into its base for sixty days.</p>\
         <p>Thoughtful intelligence learns your home: it maps every room, suggests cleaning \
         schedules around the times you are out, and can be sent to one room from the app.</p>\
         <p>Ideal for homes with pets, it comes with a sixty-day home trial, free shipping and \
         returns on all robots, and a promise to replace it if it runs over pet waste.</p>\
         <p>In the box: the robot, its clean base, two dirt disposal bags, a line cord, an \
         extra high-efficiency filter and an extra corner brush, all ready to use.</p>\
         <div class=\"pdp-slider js-slider\">{}{}{}</div></main></body></html>",
        slide(
            "Attacks mess with a three-stage cleaning system.",
            "Dual rubber brushes adjust to every floor type and do not tangle with pet hair, \
             while an edge brush reaches along the walls and into the corners."
        ),
        slide(
            "Cleans dirtier spots more thoroughly.",
            "Dirt sensors find the high-traffic areas of your home, such as the kitchen, and \
             the robot goes over them again until the floor is clean."
        ),
        slide(
            "Does not get hung up under the furniture.",
            "A full suite of sensors lets it find its way under and around chairs and beds, \
             and a cliff sensor keeps it from falling down the stairs."
        ),
    );
    let article = extract(&html, Some("https://shop.example.com/products/roomba-j7")).unwrap();
    assert_eq!(article.page_type, PageType::Product);
    let text = article.text();
    assert!(
        text.contains("Dual rubber brushes") && text.contains("cliff sensor"),
        "{text}"
    );
}

#[test]
fn a_product_with_no_body_gets_its_description() {
    let html = "<html><head><meta property=\"og:type\" content=\"product\">\
        <meta property=\"og:description\" content=\"A cast iron pan, pre-seasoned, 26 cm, \
        for every hob including induction.\"></head><body><div id=app></div></body></html>";
    let article = extract(
        html,
        Some("https://shop.example.com/products/cast-iron-pan"),
    )
    .unwrap();
    assert_eq!(article.page_type, PageType::Product);
    assert_eq!(
        article.paragraphs,
        ["A cast iron pan, pre-seasoned, 26 cm, for every hob including induction."]
    );
    let page = html.replace("product", "article");
    assert!(extract(&page, None).unwrap().paragraphs.is_empty());
}

#[test]
fn address_and_markup_tell_documentation_forum_and_service_pages() {
    let html =
        format!("<html><body><article>{STORY}<pre>cargo add lede</pre></article></body></html>");
    let of = |url: &str| extract(&html, Some(url)).unwrap().page_type;
    assert_eq!(
        of("https://example.com/docs/install"),
        PageType::Documentation
    );
    assert_eq!(of("https://example.com/news/bridge"), PageType::Article);
    assert_eq!(of("https://forum.example.com/t/bridge/42"), PageType::Forum);
    let plain = format!("<html><body><article>{STORY}</article></body></html>");
    let of = |url: &str| extract(&plain, Some(url)).unwrap().page_type;
    assert_eq!(of("https://example.com/news/bridge"), PageType::Article);
    assert_eq!(
        of("https://example.com/services/bridge-repair"),
        PageType::Service
    );
}

#[test]
fn the_url_day_wins_over_a_timestamp_of_another_day() {
    let html = format!(
        "<html><head><meta property=\"article:published_time\" \
         content=\"2025-12-19T02:41:41Z\"></head><body><article>{STORY}</article></body></html>"
    );
    let on = |url: &str| extract(&html, Some(url)).unwrap().published;
    assert_eq!(
        on("https://blog.example/2025/12/18/bridge").as_deref(),
        Some("2025-12-18")
    );
    assert_eq!(
        on("https://blog.example/2025/12/19/bridge").as_deref(),
        Some("2025-12-19T02:41:41Z")
    );
    assert_eq!(
        on("https://blog.example/bridge").as_deref(),
        Some("2025-12-19T02:41:41Z")
    );
}

#[test]
fn a_short_story_at_a_one_word_address_is_still_an_article() {
    let html = "<html><head><title>Storm</title></head><body><article><h1>Storm hits the \
                coast</h1><p>A storm hit the coast on Monday, officials said, and trees \
                fell.</p><p>Schools closed on Tuesday after the storm hit.</p></article>\
                </body></html>";
    for url in ["http://127.0.0.1/storm", "http://127.0.0.1/flood?a=1"] {
        let article = extract(html, Some(url)).unwrap();
        assert!(!article.readerable, "{url}");
        assert!(article.has_article(), "{url}: {:?}", article.page_type);
    }
}

#[test]
fn comments_under_a_question_and_its_answers_are_not_posts() {
    // Stack Exchange marks the question, the answers and the remarks under each with
    // schema.org microdata; the thread is the question and the answers.
    let remark = |n: u32| {
        format!(
            r#"<ul class="comments-list"><li itemprop="comment" itemscope itemtype="https://schema.org/Comment" class="comment js-comment"><span class="comment-copy">Did you try restarting it first, as the manual says? Remark number {n}.</span></li></ul>"#
        )
    };
    let html = format!(
        r##"<html><body itemscope itemtype="https://schema.org/QAPage"><div id="content"><div id="mainbar">
<div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question"><h1 itemprop="name">How do I set the focus to the file pane?</h1>
<div class="s-prose js-post-body" itemprop="text"><p>I want to move the keyboard focus to the files pane of the explorer window without the mouse. What is the quickest way to do that?</p></div>
<div class="comments">{q}</div>
<div id="answers"><div class="answer" itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer">
<div class="s-prose js-post-body" itemprop="text"><p>You can press the space bar after opening a new window, which puts the focus on the first file of the list, and then move with the arrows.</p></div>
<div class="comments">{a}</div></div>
<div class="answer" itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer">
<div class="s-prose js-post-body" itemprop="text"><p>Another way is to press Tab a few times until a selection rectangle appears over one of the files in the window.</p></div>
<div class="comments">{b}</div></div></div></div></div></div></body></html>"##,
        q = remark(1),
        a = remark(2),
        b = remark(3),
    );
    let article = extract(&html, None).unwrap();
    let text = article.text();
    assert!(
        text.contains("files pane of the explorer")
            && text.contains("press the space bar")
            && text.contains("selection rectangle"),
        "{text}"
    );
    assert!(!text.contains("restarting it first"), "{text}");
}

#[test]
fn a_forum_signature_under_a_post_is_left_out() {
    let post = |n: u32, text: &str| {
        format!(
            r#"<div class="post"><div class="author">member{n}</div><div class="content"><p>{text}</p></div>
<div class="signature">My rig: a quad core at 3.2 GHz with sixteen gigabytes, running the latest release.</div></div>"#
        )
    };
    let html = format!(
        r##"<html><head><script type="application/ld+json">{{"@type": "DiscussionForumPosting", "headline": "Fan noise"}}</script></head>
<body><h1>Fan noise after the update</h1><div id="posts">{a}{b}{c}</div></body></html>"##,
        a = post(1, "Since the last update the fan spins up at idle and never settles down again, whatever I do."),
        b = post(2, "Same here. Rolling back to the previous version made it quiet again for me, at least for now."),
        c = post(3, "It is a known bug in the power settings; the fix ships next week according to the developers."),
    );
    let text = extract(&html, None).unwrap().text();
    assert!(
        text.contains("fan spins up") && text.contains("known bug"),
        "{text}"
    );
    assert!(!text.contains("My rig"), "{text}");
}
