"""Bad input and bad options raise clear Python exceptions, never crash."""

import math

import pytest

import lede
from conftest import HERE

OK = "The council met on Tuesday evening. It approved the new budget for schools. Parents welcomed the news."


@pytest.mark.parametrize(
    ("text", "message", "code"),
    [
        ("", "empty", "empty_input"),
        ("   \n\t ", "empty", "empty_input"),
        ("text\x00with a nul byte. More text here.", "binary", "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x01" * 100, "binary", "binary"),
        (b'{"id": "1", "article": "Rain fell."}\n{"id": "2", "article": "Sun."}\n', "JSON lines", "looks_like_corpus"),
    ],
)
def test_unusable_text_raises_lede_error(text, message, code):
    with pytest.raises(lede.LedeError, match=message) as err:
        lede.summarize(text)
    assert err.value.code == code
    (batch_err,) = lede.summarize_many([text])
    assert isinstance(batch_err, lede.LedeError)
    assert batch_err.code == code


def test_error_codes_survive_pickling():
    import pickle

    (err,) = lede.summarize_many([""])
    copy = pickle.loads(pickle.dumps(err))
    assert isinstance(copy, lede.LedeError)
    assert (copy.code, str(copy)) == ("empty_input", str(err))


def test_every_kind_of_error_has_a_code():
    cases = [
        (lambda: lede.summarize(OK, max_input_bytes=20), "too_large"),
        (lambda: lede.summarize(b"x" * 40, max_input_bytes=20), "too_large"),
        (lambda: lede.summarize(OK, sentences=0), "invalid_option"),
        (lambda: lede.summarize(OK, input_format="pdf"), "invalid_option"),
        (lambda: lede.summarize_many([OK], threads=0), "invalid_option"),
        (lambda: lede.summarize(OK, model="/nonexistent/model.lmdl"), "io"),
        (lambda: lede.summarize(OK, model=HERE / "fixtures" / "corpus.jsonl"), "model"),
        (lambda: lede.summarize("<html><body><nav>Home</nav></body></html>", input_format="html"), "no_article"),
        (lambda: lede.extract(b"\x89PNG\r\n\x1a\n" + b"\x00\x01" * 100), "binary"),
        (lambda: lede.rouge("a", "b", rouge_types="bleu"), "invalid_option"),
    ]
    for call, code in cases:
        with pytest.raises(lede.LedeError) as err:
            call()
        assert err.value.code == code, (err.value, code)


@pytest.mark.parametrize("value", [None, 42, 3.5, ["a list"], {"a": "dict"}, object()])
def test_non_text_raises_type_error(value):
    with pytest.raises(TypeError, match="expected str or bytes"):
        lede.summarize(value)


def test_size_limit():
    with pytest.raises(lede.LedeError, match="over the limit"):
        lede.summarize(OK, max_input_bytes=20)
    huge = "Word " * 4_000_000  # 20 MB, over the 16 MiB default
    with pytest.raises(lede.LedeError, match="over the limit"):
        lede.summarize(huge)
    with pytest.raises(lede.LedeError, match="over the limit"):
        lede.summarize(huge.encode())
    assert lede.summarize(OK, max_input_bytes=len(OK)).bullets


def test_lone_surrogate_is_a_value_error():
    with pytest.raises(ValueError):
        lede.summarize("Bad \ud800 text. More words follow here.")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"sentences": 0}, "sentences must be at least 1"),
        ({"sentences": -3}, "sentences must be at least 1"),
        ({"words": 0}, "words must be at least 1"),
        ({"chars": -1}, "chars must be at least 1"),
        ({"ratio": 0.0}, "ratio"),
        ({"ratio": 1.5}, "ratio"),
        ({"ratio": math.nan}, "ratio"),
        ({"max_overlap": 2.0}, "max_overlap"),
        ({"max_overlap": -0.1}, "max_overlap"),
        ({"max_overlap": math.nan}, "max_overlap"),
        ({"min_words": -1}, "min_words"),
        ({"max_input_bytes": 0}, "max_input_bytes"),
        ({"algorithm": "nope"}, "unknown algorithm"),
        ({"sentences": 2, "words": 10}, "at most one of"),
        ({"words": 5, "ratio": 0.5}, "at most one of"),
    ],
)
def test_invalid_options(options, message):
    with pytest.raises(lede.LedeError, match=message) as err:
        lede.summarize(OK, **options)
    assert err.value.code == "invalid_option"
    with pytest.raises(lede.LedeError, match=message):
        lede.summarize_many([OK], **options)
    with pytest.raises(lede.LedeError, match=message):
        lede.Summarizer(**options)


def test_wrongly_typed_options():
    with pytest.raises(TypeError, match="sentences must be an int or None, got str"):
        lede.summarize(OK, sentences="3")
    with pytest.raises(TypeError, match="algorithm must be a str"):
        lede.summarize(OK, algorithm=3)
    with pytest.raises(TypeError):
        lede.summarize(OK, 3)  # options are keyword-only
    with pytest.raises(TypeError, match="unexpected keyword argument 'sentence'"):
        lede.summarize(OK, sentence=2)
    with pytest.raises(TypeError, match="unexpected keyword argument"):
        lede.Summarizer(threads=2)
    with pytest.raises(lede.LedeError, match="too large"):
        lede.summarize(OK, sentences=2**80)
    assert lede.summarize(OK, sentences=None, algorithm=None) == lede.summarize(OK)


def test_errors_are_catchable_as_value_error():
    with pytest.raises(ValueError):
        lede.summarize("")


def test_latin1_and_utf16_bytes_are_decoded():
    latin1 = lede.summarize(b"Un caf\xe9 au lait co\xfbte deux euros.")
    assert latin1.bullets[0].text == "Un caf\u00e9 au lait co\u00fbte deux euros."
    utf16 = "Heavy rain hit London on Monday.".encode("utf-16")
    assert lede.summarize(utf16).bullets[0].text == "Heavy rain hit London on Monday."
