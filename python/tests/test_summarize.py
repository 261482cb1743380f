"""lede.summarize and the result classes."""

import json
import pickle

import pytest

import lede

NEWS = (
    "Rain hit London on Monday morning. Trains stopped for several hours across the city. "
    "Schools stayed open despite the weather warnings. Fans of the local football club were upset "
    "that the match was called off. The mayor promised a review of the flood defences."
)


def test_default_algorithm():
    s = lede.summarize(NEWS)
    assert s.algorithm == lede.Summarizer().algorithm
    assert len(s.bullets) == 3
    assert [b.sentence_index for b in s.bullets] == sorted(b.sentence_index for b in s.bullets)


def test_returns_typed_summary():
    s = lede.summarize(NEWS, algorithm="lead")
    assert isinstance(s, lede.Summary)
    assert s.algorithm == "lead"
    assert s.id is None
    assert s.sentence_count == 5
    assert [b.text for b in s.bullets] == [
        "Rain hit London on Monday morning.",
        "Trains stopped for several hours across the city.",
        "Schools stayed open despite the weather warnings.",
    ]
    for b in s.bullets:
        assert isinstance(b, lede.Bullet)
        assert NEWS[b.start : b.end] == b.text
        assert b.rank >= 1
    assert [b.sentence_index for b in s.bullets] == [0, 1, 2]


def test_lengths_and_algorithms():
    assert len(lede.summarize(NEWS, sentences=1).bullets) == 1
    assert len(lede.summarize(NEWS, sentences=10).bullets) == 5
    few = lede.summarize(NEWS, words=12)
    assert sum(len(b.text.split()) for b in few.bullets) <= 12 or len(few.bullets) == 1
    assert len(lede.summarize(NEWS, chars=40).bullets) == 1
    assert len(lede.summarize(NEWS, ratio=0.4).bullets) == 2
    for name in ("lead", "textrank", "lexrank", "TextRank"):
        s = lede.summarize(NEWS, algorithm=name)
        assert s.algorithm == name.lower()
        assert 1 <= len(s.bullets) <= 3


def test_a_budget_nothing_fits_says_so():
    s = lede.summarize(NEWS, words=3)
    assert s.bullets == []
    assert s.warnings == [{"code": "nothing_fits", "budget": 3, "unit": "words", "shortest": 6}]
    assert s.to_dict()["warnings"] == s.warnings
    assert lede.summarize(NEWS).warnings == []
    anyway = lede.summarize(NEWS, words=3, at_least_one=True)
    assert len(anyway.bullets) == 1 and anyway.warnings == []


def test_max_overlap_drops_repeats():
    text = (
        "The storm closed the airport on Friday night. "
        "The storm closed the airport on Friday night again. "
        "Flights resumed on Saturday morning after repairs."
    )
    strict = lede.summarize(text, sentences=2, max_overlap=0.5, algorithm="lead")
    assert [b.sentence_index for b in strict.bullets] == [0, 2]
    loose = lede.summarize(text, sentences=2, max_overlap=1.0, algorithm="lead")
    assert [b.sentence_index for b in loose.bullets] == [0, 1]


def test_unicode_offsets_are_python_indices():
    text = "Zürich — Der Plan für 2030 steht fest. „Wir brauchen beides“, sagte sie heute. 🚋 Die Bahn kommt."
    s = lede.summarize(text, sentences=3)
    raw = text.encode("utf-8")
    for b in s.bullets:
        assert text[b.start : b.end] == b.text
        assert raw[b.byte_start : b.byte_end].decode("utf-8") == b.text


def test_bytes_input_matches_str():
    assert lede.summarize(NEWS.encode("utf-8")) == lede.summarize(NEWS)
    assert lede.summarize(b"\xef\xbb\xbf" + NEWS.encode(), algorithm="lead").bullets[0].text == "Rain hit London on Monday morning."


def test_to_dict_matches_getters_and_json():
    s = lede.summarize(NEWS, algorithm="textrank")
    d = s.to_dict()
    assert set(d) == {"algorithm", "language", "title", "given_highlights", "bullets", "sentence_count", "removed"}
    assert s.language == d["language"] == "en"
    assert d == json.loads(s.to_json())
    assert d == json.loads(s.render("json"))
    for b, bd in zip(s.bullets, d["bullets"]):
        assert bd == b.to_dict()
        assert bd["score"] == b.score
        assert (bd["text"], bd["start"], bd["end"], bd["rank"]) == (b.text, b.start, b.end, b.rank)


def test_title_highlights_and_removed(corpus):
    minya = next(r for r in corpus if r["id"] == "daily-mail-minya")
    s = lede.summarize(minya["article"])
    d = s.to_dict()
    if s.title is not None:
        assert isinstance(s.title, lede.TextSpan)
        assert minya["article"][s.title.start : s.title.end] == s.title.text
        assert s.title.to_dict() == d["title"]
    assert [h.to_dict() for h in s.given_highlights] == d["given_highlights"]
    assert [r.to_dict() for r in s.removed] == d["removed"]
    for r in s.removed:
        assert isinstance(r, lede.Removed)
        assert r.reason in {"duplicate", "caption", "photo_credit", "byline", "dateline", "boilerplate"}
        assert minya["article"][r.start : r.end] == r.text
    assert s.removed, "the scraped Daily Mail page has debris to remove"


def test_render_and_repr():
    s = lede.summarize(NEWS, sentences=2, algorithm="lead")
    assert str(s) == "• Rain hit London on Monday morning.\n• Trains stopped for several hours across the city.\n"
    assert s.render("markdown").startswith("- Rain hit London")
    assert json.loads(s.render("jsonl")) == s.to_dict()
    with pytest.raises(lede.LedeError, match="unknown format"):
        s.render("yaml")
    r = repr(s)
    assert r.startswith("Summary(algorithm='lead', title=None, bullets=['Rain hit London on Monday morning.'")
    assert "sentence_count=5" in r
    assert repr(s.bullets[0]).startswith("Bullet(rank=1, score=")
    long = lede.summarize("x" * 200 + " is a word. " + NEWS, algorithm="lead")
    assert "…" in repr(long.bullets[0])


def test_display_text_collapses_whitespace():
    s = lede.summarize("Rain\u00a0hit   London on\tMonday morning. Trains stopped for several hours today.", algorithm="lead")
    assert s.bullets[0].display_text == "Rain hit London on Monday morning."
    assert s.bullets[0].text == "Rain\u00a0hit   London on\tMonday morning."


def test_summarizer_class_reuses_settings():
    summarizer = lede.Summarizer(sentences=2, algorithm="lexrank")
    assert summarizer.algorithm == "lexrank"
    assert summarizer.summarize(NEWS) == lede.summarize(NEWS, sentences=2, algorithm="lexrank")
    assert "length=Sentences(2)" in repr(summarizer)
    copy = pickle.loads(pickle.dumps(summarizer))
    assert repr(copy) == repr(summarizer)
    assert copy == summarizer
    assert hash(copy) == hash(summarizer)
    assert copy.summarize(NEWS) == summarizer.summarize(NEWS)


def test_summarizers_compare_by_their_options():
    assert lede.Summarizer() == lede.Summarizer(sentences=None, algorithm=None)
    assert lede.Summarizer(words=60) == lede.Summarizer(words=60)
    assert lede.Summarizer(words=60) != lede.Summarizer(words=61)
    assert lede.Summarizer(words=60) != lede.Summarizer(chars=60)
    assert len({lede.Summarizer(sentences=2), lede.Summarizer(sentences=2), lede.Summarizer()}) == 2
    assert lede.Summarizer() != "Summarizer()"


def test_sentences_have_exact_offsets():
    text = "Caf\u00e9 news\n\nThe caf\u00e9 opened on Monday. Crowds came. \U0001F600 Owners smiled.\n"
    spans = lede.sentences(text)
    assert [s.text for s in spans] == ["The caf\u00e9 opened on Monday.", "Crowds came.", "\U0001F600 Owners smiled."]
    for span in spans:
        assert text[span.start:span.end] == span.text
        assert text.encode()[span.byte_start:span.byte_end].decode() == span.text
    summary = lede.summarize(text, sentences=3)
    def where(s):
        return (s.text, s.start, s.end, s.byte_start, s.byte_end)

    assert [where(spans[b.sentence_index]) for b in summary.bullets] == [where(b) for b in summary.bullets]
    with pytest.raises(lede.LedeError) as err:
        lede.sentences("")
    assert err.value.code == "empty_input"
    with pytest.raises(TypeError):
        lede.sentences(b"bytes")


def test_module_surface():
    assert issubclass(lede.LedeError, ValueError)
    assert lede.LedeError.__module__ == "lede"
    assert isinstance(lede.__version__, str)
    for name in lede.__all__:
        assert hasattr(lede, name)


def test_model_file():
    from conftest import REPO

    path = REPO / "crates" / "lede" / "model" / "cnndm.lmdl"
    summarizer = lede.Summarizer(model=path)
    assert summarizer.algorithm == "learned"
    assert summarizer.summarize(NEWS) == lede.summarize(NEWS, algorithm="learned")
    assert lede.summarize(NEWS, model=str(path), sentences=2) == lede.summarize(NEWS, algorithm="learned", sentences=2)
    assert pickle.loads(pickle.dumps(summarizer)).summarize(NEWS) == summarizer.summarize(NEWS)
    with pytest.raises(lede.LedeError, match="no-such-model"):
        lede.Summarizer(model="no-such-model.lmdl")
    with pytest.raises(lede.LedeError, match="corpus.jsonl"):
        lede.Summarizer(model=REPO / "python" / "tests" / "fixtures" / "corpus.jsonl")
    with pytest.raises(lede.LedeError, match="learned algorithm"):
        lede.Summarizer(model=path, algorithm="lead")
    with pytest.raises(TypeError, match="model must be a path"):
        lede.Summarizer(model=3)


FRENCH = (
    "La préfecture de l'Hérault a fermé toutes les écoles de Montpellier jeudi en raison des orages. "
    "Les pluies ont atteint 200 millimètres en quelques heures selon Météo-France. "
    "M. Dupont, le préfet, a demandé aux habitants de rester chez eux. "
    "Plusieurs routes départementales sont coupées. "
    "Les pompiers ont mené une centaine d'interventions dans la nuit."
)


def test_language_option_sets_the_rules_and_the_model():
    detected = lede.summarize(FRENCH, sentences=2)
    assert detected.language == "fr"
    given = lede.summarize(FRENCH, sentences=2, language="fr")
    assert given == detected
    assert lede.summarize_many([FRENCH], sentences=2, language="fr") == [given]
    assert lede.Summarizer(sentences=2, language="fr").summarize(FRENCH) == given
    assert lede.Summarizer(language="fr") != lede.Summarizer()
    # German rules: the same text is reported as German, and the default
    # (English news) model ranks it, as `model=` would for every language.
    german = lede.summarize(FRENCH, sentences=2, language="de")
    assert german.language == "de"
    from conftest import REPO

    english_model = REPO / "crates" / "lede" / "model" / "cnndm.lmdl"
    forced = lede.summarize(FRENCH, sentences=2, language="fr", model=english_model)
    assert forced.language == "fr"
    assert [b.score for b in forced.bullets] != [b.score for b in given.bullets]
    # A well-formed tag lede has no resources for: language-neutral rules,
    # reported as None, never English rules; a malformed tag is an error.
    neutral = lede.summarize(FRENCH, sentences=2, language="vi")
    assert neutral.language is None
    assert neutral.bullets
    with pytest.raises(lede.LedeError, match="malformed language tag"):
        lede.summarize(FRENCH, language="klingon")
    with pytest.raises(TypeError, match="language must be a str"):
        lede.summarize(FRENCH, language=3)
