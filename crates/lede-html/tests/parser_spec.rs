//! The hand-written parser against html5ever on markup where the two could part ways:
//! the visible text, block by block, must be the same.

#[allow(dead_code)]
#[path = "../src/dom/mod.rs"]
mod dom;
#[allow(dead_code)]
#[path = "../src/keys.rs"]
mod keys;
mod reference;

use reference::{parse, visible};

/// Asserts that both parsers show the same blocks of text for `html`.
fn same_text(html: &str) {
    let ours = visible(&dom::Document::parse(html));
    let theirs = visible(&parse(html));
    assert_eq!(ours.blocks, theirs.blocks, "{html}");
}

#[test]
fn implied_end_tags() {
    same_text("<p>one<p>two<div>three</div><ul><li>a<li>b</ul><dl><dt>t<dd>d<dt>u</dl>");
    same_text("<table><tr><td>a<td>b<tr><td>c</table>after");
    same_text("<h1>a<h2>b</h1>c<select><option>x<option>y</select>");
}

#[test]
fn stray_and_misnested_end_tags() {
    same_text("<div>a</span>b</div></div>c");
    same_text("<div><table><tr><td>x</div>y</td></tr></table>z</div>");
    same_text("<p>a</p></p>b<b>c<i>d</b>e</i>f");
}

#[test]
fn raw_text_comments_and_references() {
    same_text("<title>t</title><p>a<script>if (a<p) {}</script>b<!-- <p>c --></p>");
    same_text("<p>Caf&eacute; &lt;3 &#8217; &amp;amp; &copy &bogus; &#x1F600;</p>");
    same_text("<textarea>a <b>b</b></textarea><p>a < b <3 <> c</p><!--->d<!-->e");
}

#[test]
fn head_body_and_nested_lists() {
    same_text("<html><head><title>t</title><meta name=a><div>story</div>");
    same_text("<ul><li>a<ul><li>b</ul><li>c</ul>");
    same_text("<html><body><p>a</p></body></html><p>b</p>");
}

#[test]
fn unclosed_svg_ends_at_html_markup() {
    same_text(
        "<div><svg viewBox='0 0 1 1'><path d=M0/>\n<div><a>Top of page</a></div></div><p>after</p>",
    );
    same_text("<a><svg width=18></a><ul><li>English<li>Deutsch</ul><p>story</p>");
    same_text("<svg><a href=x><text>chart</text></a></svg><p>a <a href=y>b</a> c</p>");
    let html = "<p><a href=x><svg width=18></a>English</p>";
    assert_eq!(visible(&dom::Document::parse(html)), visible(&parse(html)));
    same_text("<p>a<svg><title>icon</title><text>x</text><svg><g/></svg></svg>b</p>");
    same_text("<p>a<svg/>b<math><mi>x</mi></math>c</p>");
}

#[test]
fn scripts_hide_nested_script_tags_inside_comments() {
    same_text(concat!(
        "<script><!--\ndocument.write('<script src=x></script>');\nvar a = 1;\n//--></script>",
        "<p>story</p>"
    ));
    same_text("<script><!--></script><p>a</p><script><!-- x --></script><p>b</p>");
    same_text("<p>a</p><script src=x /></script><p>b</p>");
}

#[test]
fn nul_characters_and_cells_outside_rows() {
    same_text("<p>a\0b</p><a href=x><img>\0\0</a>");
    same_text("<table><tbody><td>a</td><td>b</td></tbody></table><table><td>c</table>");
    same_text("<ul><li><b>x</b></li><b><li>Seat angle. </b> Adjust the seat.</li></ul>");
}

#[test]
fn differences_by_design() {
    // html5ever moves table text that is outside a cell before the table ("foster
    // parenting"); lede keeps it in place, where the page wrote it.
    let html = "<table><tr>stray<td>cell</td></tr></table>";
    assert_eq!(visible(&parse(html)).blocks, ["stray", "cell"]);
    assert_eq!(visible(&dom::Document::parse(html)).blocks, ["stray cell"]);
    // An unclosed link: html5ever reopens it in every later block, lede ends it with its
    // parent, so the later paragraph is not counted as link text.
    let html = "<div><a href=x>menu</div><p>story</p>";
    assert_eq!(visible(&parse(html)).link_chars, "menustory".len());
    assert_eq!(
        visible(&dom::Document::parse(html)).link_chars,
        "menu".len()
    );
}
