//! Pages that came back nearly empty although they visibly hold a story.

use lede_html::extract;

const STORY: [&str; 3] = [
    "The council voted on Tuesday to close the old bridge, citing a report that found cracks in three of its supports.",
    "Engineers said repairs would take at least eighteen months, and that a temporary ferry would run in the meantime.",
    "Residents who rely on the bridge to reach the hospital said they were worried about the longer journey.",
];

/// A story inside a layout wrapper whose class reads like an ad slot (`vertical-ad-con`),
/// on a page whose inline CSS outweighs the story: the wrapper holds nearly all the text a
/// reader sees, so it is a wrapper, not an ad.
fn ad_named_wrapper_and_heavy_css() -> String {
    let rule =
        ".article-body p{margin-top:16px;margin-bottom:16px;font-size:16px;line-height:24px}\n";
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><title>Old bridge to close</title>
<style>{css}</style></head><body>
<main class="content article-page"><div class="container vertical-ad-con"><div class="row">
<div class="article-details"><h1>Old bridge to close</h1>
<div class="article-body"><p>{}</p><p>{}</p><p>{}</p></div>
</div></div></div></main>
</body></html>"#,
        STORY[0],
        STORY[1],
        STORY[2],
        css = rule.repeat(40),
    )
}

#[test]
fn an_ad_named_wrapper_of_the_whole_story_is_read() {
    let article = extract(&ad_named_wrapper_and_heavy_css(), None).unwrap();
    assert_eq!(article.paragraphs, STORY);
}

/// The same story in the ad-named wrapper, which also wraps a cookie box (Borlabs) whose
/// settings hold more text and more sentences than the story: the box is laid over the
/// page, not a wrapper of it, so it stays out and the story is read.
fn ad_named_wrapper_beside_a_cookie_box() -> String {
    let setting = "<p>Statistics cookies collect information anonymously, and this information helps us to understand how our visitors use our website.</p>";
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><title>Old bridge to close</title></head><body>
<div class="container vertical-ad-con">
<div class="article-details"><h1>Old bridge to close</h1>
<div class="article-body"><p>{}</p><p>{}</p><p>{}</p></div></div>
<div id="BorlabsCookieBox" class="BorlabsCookie"><div class="cookie-preference">{settings}</div></div>
</div>
</body></html>"#,
        STORY[0],
        STORY[1],
        STORY[2],
        settings = setting.repeat(6),
    )
}

#[test]
fn a_cookie_box_is_no_wrapper_of_the_story() {
    let article = extract(&ad_named_wrapper_beside_a_cookie_box(), None).unwrap();
    assert_eq!(article.paragraphs, STORY);
}

/// The story in a box whose id reads like an ad slot (`cuerpo-ad`, Spanish "body"), beside a
/// column of "most read" headlines that holds more of the page's text than the story: the
/// box holds the page's paragraphs and prose, so it is the story, not an ad, while the
/// headlines, links without paragraphs, stay out.
fn ad_named_story_beside_a_longer_link_column() -> String {
    let headline = r#"<div class="masleidas-noticia"><a href="/n"><h3 class="titular">Guardia de seguridad de un actor famoso se sincera sobre lo que pasó en su casa de campo</h3></a></div>"#;
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><title>Old bridge to close</title></head><body>
<section class="columna-derecha">{headlines}</section>
<section class="columna-izquierda"><div class="cuerpo-articulo">
<div class="cuerpo-ad" id="cuerpo-ad"><p>{}</p><p>{}</p><p>{}</p></div></div></section>
</body></html>"#,
        STORY[0],
        STORY[1],
        STORY[2],
        headlines = headline.repeat(12),
    )
}

#[test]
fn a_story_in_an_ad_named_box_beside_a_longer_link_column_is_read() {
    let article = extract(&ad_named_story_beside_a_longer_link_column(), None).unwrap();
    assert_eq!(article.paragraphs, STORY);
}
