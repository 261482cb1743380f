use super::*;

/// The tree as compact markup: elements with their kept attributes, text verbatim.
fn outline(html: &str) -> String {
    let doc = Document::parse(html);
    let mut out = String::new();
    for edge in doc.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                NodeData::Element(el) => {
                    out.push('<');
                    out.push_str(el.tag().name().unwrap_or("?"));
                    for (name, value) in el.attrs() {
                        out.push_str(&format!(" {name}={value:?}"));
                    }
                    out.push('>');
                }
                NodeData::Text(text) => out.push_str(text),
                NodeData::Document => {}
            },
            Edge::Close(node) => {
                if let NodeData::Element(el) = node.value() {
                    out.push_str(&format!("</{}>", el.tag().name().unwrap_or("?")));
                }
            }
        }
    }
    out
}

fn root_text(doc: &Document) -> String {
    doc.nodes()
        .next()
        .map(|root| root.text())
        .unwrap_or_default()
}

#[test]
fn parses_nested_elements_and_text() {
    assert_eq!(
        outline("<DIV Class='a  b' data-x=1><p>one <b>two</b></p></div>"),
        "<div class=\"a  b\"><p>one <b>two</b></p></div>"
    );
}

#[test]
fn keeps_only_the_attributes_extraction_reads() {
    assert_eq!(
        outline(r#"<a href="/x" id=main onclick="f()" ROLE="navigation" class data-x=1>t</a>"#),
        "<a href=\"/x\" id=\"main\" role=\"navigation\" class=\"\">t</a>"
    );
}

#[test]
fn first_of_repeated_attributes_wins() {
    assert_eq!(outline("<p class=a class=b>t</p>"), "<p class=\"a\">t</p>");
}

#[test]
fn decodes_character_references_in_text_and_attributes() {
    assert_eq!(
        outline("<p title=x class=\"a&amp;b\">Caf&eacute; &lt;3 &#8217; &copy &bogus;</p>"),
        "<p class=\"a&b\">Café <3 \u{2019} © &bogus;</p>"
    );
}

#[test]
fn drops_comments_scripts_styles_and_svg_but_keeps_json_ld_and_titles() {
    assert_eq!(
        outline(concat!(
            "<head><title>A &amp; B</title><style>p{}</style></head>",
            "<body><!-- <p>no</p> --><p>a<script>if (a<div) {}</script>",
            "<script type=\"application/ld+json\">{\"a\":\"<b>\"}</script>",
            "<svg><text>x</text></svg><noscript><img></noscript>b</p><!--->c<!-->d"
        )),
        concat!(
            "<head><title>A & B</title><style></style></head>",
            "<body><p>a<script></script>",
            "<script type=\"application/ld+json\">{\"a\":\"<b>\"}</script>",
            "<svg></svg><noscript></noscript>b</p>cd</body>"
        )
    );
}

#[test]
fn raw_text_ends_only_at_its_own_end_tag() {
    assert_eq!(
        outline("<title>a </titles> b</TITLE >c"),
        "<title>a </titles> b</title>c"
    );
}

#[test]
fn implied_end_tags_close_paragraphs_items_and_cells() {
    assert_eq!(
        outline("<p>one<p>two<div>three</div><ul><li>a<li>b</ul>"),
        "<p>one</p><p>two</p><div>three</div><ul><li>a</li><li>b</li></ul>"
    );
    assert_eq!(
        outline("<table><tr><td>a<td>b<tr><td>c</table>after"),
        "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>after"
    );
    assert_eq!(
        outline("<dl><dt>a<dd>b<dt>c</dl>"),
        "<dl><dt>a</dt><dd>b</dd><dt>c</dt></dl>"
    );
    assert_eq!(outline("<h1>a<h2>b</h1>c"), "<h1>a</h1><h2>b</h2>c");
}

#[test]
fn nested_lists_keep_their_items() {
    assert_eq!(
        outline("<ul><li>a<ul><li>b</ul><li>c</ul>"),
        "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"
    );
}

#[test]
fn an_unclosed_link_ends_with_its_parent() {
    assert_eq!(
        outline("<div><a>menu</div><p>story</p>"),
        "<div><a>menu</a></div><p>story</p>"
    );
    assert_eq!(outline("<a>x<a>y"), "<a>x</a><a>y</a>");
}

#[test]
fn stray_end_tags_are_ignored_and_scopes_respected() {
    assert_eq!(outline("<div>a</span>b</div></div>c"), "<div>ab</div>c");
    assert_eq!(
        outline("<div><table><tr><td>x</div>y</td></tr></table>z</div>"),
        "<div><table><tr><td>xy</td></tr></table>z</div>"
    );
    assert_eq!(
        outline("<span><div>x</span>y</div>"),
        "<span><div>xy</div></span>"
    );
    assert_eq!(outline("a</p>b</br>c"), "a<p></p>b<br></br>c");
}

#[test]
fn html_and_body_stay_open_and_merge_repeats() {
    assert_eq!(
        outline("<html><body><p>a</p></body></html><p>b</p><html lang=en><body class=x>"),
        "<html lang=\"en\"><body class=\"x\"><p>a</p><p>b</p></body></html>"
    );
}

#[test]
fn void_and_self_closing_elements() {
    assert_eq!(
        outline("<p>a<br>b<img src=x/>c<div/>d</p>"),
        "<p>a<br></br>b<img></img>c</p><div>d<p></p></div>"
    );
}

#[test]
fn lone_angle_brackets_and_bogus_markup_are_text_or_skipped() {
    assert_eq!(outline("a < b <3 <> c"), "a < b <3 <> c");
    assert_eq!(outline("a<!DOCTYPE html>b<?xml x?>c</ 3>d</>e"), "abcde");
}

#[test]
fn deep_nesting_is_capped_keeping_text() {
    let depth = MAX_DEPTH * 3;
    let html = format!("{}text{}", "<div>".repeat(depth), "</div>".repeat(depth));
    let doc = Document::parse(&html);
    let elements = doc
        .nodes()
        .filter(|n| matches!(n.value(), NodeData::Element(_)))
        .count();
    assert_eq!(elements, MAX_DEPTH);
    assert_eq!(root_text(&doc), "text");
}

#[test]
fn unterminated_constructs_do_not_panic() {
    for html in [
        "<!-- open",
        "<script>never closed",
        "<div",
        "<div class=\"open",
        "</",
        "</div",
        "<",
        "<é>",
        "<a\u{e9}>x",
        "&",
        "&#",
        "&#x110000;",
        "<p =a>",
        "<title>",
    ] {
        let _ = outline(html);
    }
}

#[test]
fn node_text_concatenates_descendants() {
    let doc = Document::parse("<div><p>a<b>b</b></p>c</div>d");
    let div = doc
        .nodes()
        .find(
            |n| matches!(n.value(), NodeData::Element(e) if e.tag() == Tag::lookup("div").unwrap()),
        )
        .expect("a div");
    assert_eq!(div.text(), "abc");
    assert_eq!(root_text(&doc), "abcd");
}

#[test]
fn body_content_ends_an_unclosed_head() {
    assert_eq!(
        outline("<html><head><title>t</title><meta name=a><div>story</div>"),
        "<html><head><title>t</title><meta name=\"a\"></meta></head><div>story</div></html>"
    );
    assert_eq!(
        outline("<head><link>Text"),
        "<head><link></link></head>Text"
    );
}

#[test]
fn node_count_is_capped() {
    let html = format!("<p>story</p>{}<p>late</p>", "<br>".repeat(MAX_NODES + 10));
    let doc = Document::parse(&html);
    assert_eq!(doc.node_count(), MAX_NODES);
    assert!(root_text(&doc).starts_with("story"));
}

#[test]
fn unclosed_svg_ends_before_html_markup() {
    assert_eq!(
        outline("<div><svg><path d=M0/><div>top</div></div><svg/>x<svg>y</svg>z"),
        "<div><svg></svg><div>top</div></div><svg></svg>x<svg></svg>z"
    );
}

#[test]
fn script_text_runs_past_script_tags_inside_comments() {
    assert_eq!(
        outline("<script><!-- w('<script></script>'); --></script>a<script/>b</script>c"),
        "<script></script>a<script></script>c"
    );
}

#[test]
fn cells_outside_rows_get_one_and_nul_is_dropped() {
    assert_eq!(
        outline("<table><td>a\0b</table>"),
        "<table><tr><td>ab</td></tr></table>"
    );
}
