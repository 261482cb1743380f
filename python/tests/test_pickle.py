"""Pickling of the result classes: round trips, and results crossing processes."""

import concurrent.futures
import json
import multiprocessing
import os
import pickle

import pytest

import lede
from conftest import HERE, article_of

HTML = (HERE / "fixtures" / "article.html").read_text(encoding="utf-8")


def round_trip(value, protocol=pickle.HIGHEST_PROTOCOL):
    return pickle.loads(pickle.dumps(value, protocol=protocol))


def texts_of(corpus):
    return [t for t in (article_of(r) for r in corpus) if t and t.strip()]


def _summarize(text):
    """Runs in a worker process; the Summary travels back pickled."""
    return lede.summarize(text)


def _bullet_texts(summary):
    """Runs in a worker process; the Summary travels in pickled."""
    return [b.text for b in summary.bullets]


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_every_result_class_round_trips(corpus, protocol):
    minya = next(r for r in corpus if r["id"] == "daily-mail-minya")
    summary = lede.summarize(minya["article"])
    page = lede.summarize(HTML, url="https://herald.example/news/storm")
    values = [
        summary,
        page,
        page.source,
        summary.bullets[0],
        summary.given_highlights[0],
        summary.removed[0],
        lede.extract(HTML, "https://herald.example/news/storm"),
        lede.rouge("Police arrested two men.", "Two men were arrested by police.")["rouge1"],
    ]
    for value in values:
        copy = round_trip(value, protocol)
        assert type(copy) is type(value)
        assert copy == value
        if hasattr(value, "to_dict"):
            assert copy.to_dict() == value.to_dict()
    assert round_trip(summary, protocol).render("markdown") == summary.render("markdown")
    assert tuple(round_trip(values[-1], protocol)) == tuple(values[-1])


def test_scores_survive_exactly(corpus):
    """Every summary of the corpus compares equal after a round trip: the
    f32 bullet scores come back bit for bit."""
    summaries = [s for s in lede.summarize_many(texts_of(corpus)) if isinstance(s, lede.Summary)]
    assert len(summaries) > 3
    for summary in summaries:
        copy = round_trip(summary)
        assert copy == summary
        assert [b.score for b in copy.bullets] == [b.score for b in summary.bullets]


def test_an_id_survives():
    record = lede.summarize("One thing happened today in town. Another thing happened later on.").to_dict()
    record["id"] = "story-7"
    summary = lede.Summary._from_json(json.dumps(record))
    assert summary.id == "story-7"
    assert round_trip(summary) == summary
    assert round_trip(summary).to_dict() == record


def test_a_damaged_pickle_is_a_clear_error():
    with pytest.raises(lede.LedeError, match="not a pickled lede value"):
        lede.Summary._from_json('{"bullets": 3}')
    with pytest.raises(lede.LedeError):
        lede.TextSpan._from_json("not json")


def test_summaries_come_back_from_a_process_pool(corpus):
    """ProcessPoolExecutor with fresh interpreters (spawn): results are
    pickled in the workers and unpickled here."""
    texts = texts_of(corpus)[:6]
    expected = [lede.summarize(t) for t in texts]
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        results = list(pool.map(_summarize, texts, timeout=120))
    assert results == expected


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_summaries_travel_to_and_from_pool_workers(corpus):
    """multiprocessing.Pool: summaries go to the workers as arguments and
    come back as results."""
    texts = texts_of(corpus)[:6]
    summaries = [lede.summarize(t) for t in texts]
    pool = multiprocessing.get_context("fork").Pool(2)
    try:
        back = pool.map_async(_summarize, texts).get(timeout=120)
        bullets = pool.map_async(_bullet_texts, summaries).get(timeout=120)
    finally:
        pool.terminate()
    assert back == summaries
    assert bullets == [[b.text for b in s.bullets] for s in summaries]
