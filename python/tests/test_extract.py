"""lede.extract: the article in an HTML page."""

import pytest

import lede
from conftest import HERE

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
