"""lede.extract: the article in an HTML page."""

import json
import subprocess

import pytest

import lede
from conftest import HERE, lede_binary

HTML = (HERE / "fixtures" / "article.html").read_text(encoding="utf-8")


def test_extracts_article_and_metadata():
    article = lede.extract(HTML, "https://herald.example/news/storm")
    assert isinstance(article, lede.Article)
    assert "Storm closes Brighton pier" in article.title
    assert article.language == "en-GB"
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("Brighton's Palace Pier was closed")
    assert not any("Most read" in p or "rights reserved" in p for p in article.paragraphs)
    assert article.text == "\n\n".join(article.paragraphs)
    d = article.to_dict()
    assert d["paragraphs"] == article.paragraphs
    assert d["title"] == article.title
    assert isinstance(article.authors, list) and isinstance(article.highlights, list)
    assert repr(article).startswith("Article(title=")


def test_extract_then_summarize():
    summary = lede.summarize(lede.extract(HTML).text, sentences=2)
    assert summary.bullets[0].text.startswith("Brighton's Palace Pier was closed")


def test_bytes_with_charset():
    latin = HTML.replace('<meta charset="utf-8">', "").replace("Brighton's", "Brighton’s café").encode("cp1252")
    article = lede.extract(latin, content_type="text/html; charset=windows-1252")
    assert article.paragraphs[0].startswith("Brighton’s café")
    assert lede.extract(HTML.encode()).paragraphs == lede.extract(HTML).paragraphs


def test_page_without_article():
    article = lede.extract("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert article.paragraphs == []
    assert article.text == ""


def test_extract_errors():
    with pytest.raises(lede.LedeError, match="binary"):
        lede.extract(bytes(range(256)) * 64)
    with pytest.raises(TypeError, match="expected str or bytes"):
        lede.extract(None)
    with pytest.raises(TypeError):
        lede.extract(HTML, 42)


def test_summarize_html_page():
    summary = lede.summarize(HTML, url="https://herald.example/news/storm", sentences=2)
    source = summary.source
    assert isinstance(source, lede.Source)
    assert source.url == "https://herald.example/news/storm"
    assert source.language == "en-GB"
    assert "Brighton's Palace Pier was closed" in source.text
    for b in summary.bullets:
        assert source.text[b.start : b.end] == b.text
    assert summary.to_dict()["source"] == source.to_dict()
    assert repr(source).startswith("Source(url='https://herald.example/news/storm'")
    assert lede.summarize(HTML.encode(), url="https://herald.example/news/storm", sentences=2) == summary
    assert lede.summarize(HTML, input_format="html", sentences=2).source.url is None


def test_input_format_choice():
    text = "Plain text about a storm on the coast. It closed the pier for two days."
    assert lede.summarize(text).source is None
    assert lede.summarize(HTML, input_format="text").source is None
    with pytest.raises(lede.LedeError, match="input_format"):
        lede.summarize(text, input_format="pdf")
    with pytest.raises(lede.LedeError, match="input_format"):
        lede.summarize_many([text], input_format="pdf")
    results = lede.summarize_many([HTML, text, HTML.encode()])
    assert results[0].source is not None and results[1].source is None
    assert results[2] == results[0]
    summarizer = lede.Summarizer(sentences=1)
    assert summarizer.summarize(HTML, url="https://x.example/").source.url == "https://x.example/"
    assert summarizer.summarize_many([HTML], input_format="text")[0].source is None


def test_html_summary_matches_cli():
    binary = lede_binary()
    if binary is None:
        pytest.skip("no lede CLI")
    path = HERE / "fixtures" / "article.html"
    proc = subprocess.run(
        [binary, "summarize", "--format", "json", str(path)],
        capture_output=True, text=True, check=True, stdin=subprocess.DEVNULL,
    )
    assert lede.summarize(path.read_bytes()).to_dict() == json.loads(proc.stdout)


def test_metadata_fields_match_the_cli():
    # The metadata page lede-html's own tests use.
    page = (HERE.parents[1] / "crates/lede-html/tests/fixtures/metadata.html").read_text(
        encoding="utf-8"
    )
    article = lede.extract(page, "https://rheinbote.test/news/heute/artikel")
    assert article.title == "Neue Brücke eröffnet"
    assert article.page_type == "article"
    assert isinstance(article.readerable, bool)  # a short page: readability says no
    assert article.authors == ["Anna Weber", "Jan Ott"]
    assert article.language == "de-DE"
    assert article.description.startswith("Die Stadt hat nach vier Jahren")
    assert article.canonical_url == "https://rheinbote.test/news/lokales/neue-bruecke"
    assert article.image_url == "https://rheinbote.test/bilder/bruecke.jpg"
    assert article.tags == ["Verkehr", "Stadtplanung", "Brücke", "Rhein"]
    d = article.to_dict()
    for key in ("description", "canonical_url", "image_url", "tags", "language"):
        assert d[key] == getattr(article, key)
    binary = lede_binary()
    if binary is None:
        pytest.skip("no lede CLI (build it with `cargo build -p lede-cli --release` or set LEDE_BIN)")
    cli = json.loads(subprocess.run(
        [binary, "extract", "-", "--format", "json", "--url",
         "https://rheinbote.test/news/heute/artikel"],
        input=page.encode(), capture_output=True, check=True).stdout)
    assert {k: v for k, v in cli.items() if k != "text"} == d
    assert cli["text"] == article.text


def test_standfirst_bullet_is_flagged():
    standfirst = (
        "The city council approved a budget that cuts library hours and raises parking fees "
        "after a night of heated debate."
    )
    body = "".join(
        f"<p>{p}</p>"
        for p in [
            "Council members argued for more than four hours on Monday before the final vote, which passed by seven votes to four.",
            "Mayor Ellen Park said the cuts were painful but necessary to close a gap of twelve million dollars in the city's accounts.",
            "Opponents of the plan warned that shorter library hours would hurt students who rely on the branches after school.",
            "Parking fees in the city centre will rise by fifty cents an hour from the first of March, the council said.",
        ]
    )
    page = (
        '<html lang="en"><head><title>Budget passes</title></head><body><article>'
        f'<h1>City budget passes after long night</h1><p class="lead">{standfirst}</p>{body}'
        "</article></body></html>"
    )
    s = lede.summarize(page, input_format="html")
    assert [b.standfirst for b in s.bullets] == [True, False, False]
    assert s.bullets[0].text == standfirst
    assert s.bullets[0].to_dict()["standfirst"] is True
    assert "standfirst" not in s.bullets[1].to_dict()
    assert not any(b.standfirst for b in lede.summarize(page, input_format="html", algorithm="lead").bullets)
