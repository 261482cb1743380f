"""lede.summarize_many: order, per-item errors, threads, GIL release."""

import _thread
import multiprocessing
import os
import threading
import time

import pytest

import lede
from conftest import article_of


def texts_of(corpus):
    return [article_of(r) for r in corpus]


def test_keeps_order_and_matches_single_calls(corpus):
    texts = texts_of(corpus)
    many = lede.summarize_many(texts)
    assert len(many) == len(texts)
    for text, result in zip(texts, many):
        try:
            expected = lede.summarize(text)
        except lede.LedeError as err:
            assert isinstance(result, lede.LedeError)
            assert str(result) == str(err)
        else:
            assert result == expected


def test_failures_are_values_not_exceptions():
    good = "One thing happened today in town. Another thing happened later on."
    results = lede.summarize_many([good, "", None, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 7, good.encode(), "x\x00y"])
    assert isinstance(results[0], lede.Summary)
    assert isinstance(results[1], lede.LedeError) and "empty" in str(results[1])
    assert isinstance(results[2], TypeError) and "NoneType" in str(results[2])
    assert isinstance(results[3], lede.LedeError)
    assert isinstance(results[4], TypeError) and "int" in str(results[4])
    assert results[5] == results[0]
    assert isinstance(results[6], lede.LedeError) and "binary" in str(results[6])


def test_accepts_any_iterable_and_empty_input():
    assert lede.summarize_many([]) == []
    gen = (f"Story {i} begins here today. It ends here soon after." for i in range(5))
    assert len(lede.summarize_many(gen)) == 5
    assert len(lede.summarize_many(("A tuple of one. With two sentences.",))) == 1


def test_rejects_a_single_text_or_non_iterable():
    with pytest.raises(TypeError, match="list of texts"):
        lede.summarize_many("just one text")
    with pytest.raises(TypeError, match="list of texts"):
        lede.summarize_many(b"just one text")
    with pytest.raises(TypeError):
        lede.summarize_many(None)
    with pytest.raises(lede.LedeError, match="threads"):
        lede.summarize_many(["a b. c d."], threads=0)


def test_same_results_on_any_thread_count(corpus):
    texts = texts_of(corpus) * 3
    one = [r.to_dict() if isinstance(r, lede.Summary) else str(r) for r in lede.summarize_many(texts, threads=1)]
    for threads in (2, 4, None):
        got = lede.summarize_many(texts, threads=threads)
        assert [r.to_dict() if isinstance(r, lede.Summary) else str(r) for r in got] == one


def test_options_apply_to_every_item(corpus):
    texts = [t for t in texts_of(corpus) if t and t.strip()]
    for result in lede.summarize_many(texts, sentences=1, algorithm="textrank"):
        assert isinstance(result, lede.Summary)
        assert result.algorithm == "textrank"
        assert len(result.bullets) == 1


def test_many_python_threads_at_once(corpus):
    texts = [t for t in texts_of(corpus) if t and t.strip()]
    expected = [lede.summarize(t, algorithm="lexrank").to_dict() for t in texts]
    summarizer = lede.Summarizer(algorithm="lexrank")
    failures = []
    barrier = threading.Barrier(8)

    def work(k):
        barrier.wait()
        for round_ in range(5):
            for i, text in enumerate(texts):
                if (i + k + round_) % 3 == 0:
                    got = summarizer.summarize(text).to_dict()
                elif (i + k + round_) % 3 == 1:
                    got = lede.summarize(text, algorithm="lexrank").to_dict()
                else:
                    got = lede.summarize_many([text], threads=2, algorithm="lexrank")[0].to_dict()
                if got != expected[i]:
                    failures.append((k, i))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_gil_is_released_during_a_batch():
    """Another Python thread keeps running while a long batch is summarized."""
    text = " ".join(f"Sentence number {i} talks about topic {i % 7} at length." for i in range(400))
    ticks = []
    done = threading.Event()

    def ticker():
        while not done.is_set():
            ticks.append(1)
            done.wait(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        lede.summarize_many([text] * 64, threads=1, algorithm="lexrank")
    finally:
        done.set()
        t.join()
    assert len(ticks) > 5


def _batch_in_child(texts):
    return [r.to_dict() for r in lede.summarize_many(texts)]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_forked_children_can_summarize_in_parallel(corpus):
    """A child forked after the parent used its thread pool gets a pool of its own."""
    texts = [t for t in texts_of(corpus) if t and t.strip()][:6]
    expected = [r.to_dict() for r in lede.summarize_many(texts)]
    pool = multiprocessing.get_context("fork").Pool(2)
    try:
        results = pool.map_async(_batch_in_child, [texts, texts]).get(timeout=120)
    finally:
        pool.terminate()
    assert results == [expected, expected]


def test_an_iterator_that_raises_ends_the_call():
    def texts():
        yield "One thing happened today in town. Another thing happened later on."
        raise RuntimeError("source broke")

    with pytest.raises(RuntimeError, match="source broke"):
        lede.summarize_many(texts())


def test_ctrl_c_stops_a_long_batch():
    text = " ".join(f"Sentence number {i} talks about topic {i % 7} at length." for i in range(400))
    timer = threading.Timer(0.2, _thread.interrupt_main)
    start = time.perf_counter()
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            lede.summarize_many([text] * 5000, threads=1, algorithm="lexrank")
    finally:
        timer.cancel()
    assert time.perf_counter() - start < 30
