"""lede.rouge and lede.oracle: rouge-score's numbers, the greedy oracle."""

import json
import subprocess

import pytest

import lede
from conftest import CORPUS, article_of, lede_binary

PRED = "Police arrested two men on Friday.\nThe men were released on bail."
REF = "Two men were arrested by police.\nBoth were later released."


def test_single_pair_scores():
    scores = lede.rouge(PRED, REF)
    assert list(scores) == ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    r1 = scores["rouge1"]
    assert isinstance(r1, lede.Score)
    p, r, f = r1
    assert (p, r, f) == (r1.precision, r1.recall, r1.fmeasure)
    assert 0 < r1.fmeasure <= 1
    assert repr(r1).startswith("Score(precision=")
    assert lede.rouge(REF, REF)["rougeLsum"].fmeasure == 1.0
    assert lede.rouge("", REF)["rouge1"].fmeasure == 0.0


def test_stemming_and_types():
    stem = lede.rouge("The cats were running", "A cat runs", rouge_types="rouge1")
    plain = lede.rouge("The cats were running", "A cat runs", rouge_types=["rouge1"], stemmer=False)
    assert list(stem) == ["rouge1"]
    assert stem["rouge1"].fmeasure > plain["rouge1"].fmeasure
    assert list(lede.rouge(PRED, REF, rouge_types=["rouge3", "rougeL"])) == ["rouge3", "rougeL"]


def test_lists_give_means_or_per_document():
    preds, refs = [PRED, REF, "nothing in common"], [REF, REF, REF]
    per_doc = lede.rouge(preds, refs, per_document=True)
    assert len(per_doc) == 3
    assert per_doc[0] == lede.rouge(PRED, REF)
    mean = lede.rouge(preds, refs, threads=2)
    for name, score in mean.items():
        assert score.fmeasure == pytest.approx(sum(d[name].fmeasure for d in per_doc) / 3, abs=1e-15)
    assert lede.rouge([], [], per_document=True) == []


def test_rouge_errors():
    with pytest.raises(lede.LedeError, match="same length"):
        lede.rouge([PRED], [REF, REF])
    with pytest.raises(lede.LedeError, match="same length"):
        lede.rouge(PRED, [REF])
    with pytest.raises(lede.LedeError, match="no prediction"):
        lede.rouge([], [])
    with pytest.raises(lede.LedeError, match="unknown ROUGE type"):
        lede.rouge(PRED, REF, rouge_types=["bleu"])
    with pytest.raises(lede.LedeError):
        lede.rouge(PRED, REF, rouge_types=["rouge0"])
    with pytest.raises(TypeError, match=r"predictions\[1\] must be a str"):
        lede.rouge([PRED, None], [REF, REF])
    with pytest.raises(TypeError):
        lede.rouge(None, REF)
    with pytest.raises(lede.LedeError, match="threads"):
        lede.rouge([PRED], [REF], threads=0)


def test_same_numbers_as_rouge_score(corpus):
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    types = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    scorer = rouge_scorer.RougeScorer(types, use_stemmer=True)
    pairs = []
    for record in corpus:
        if not record.get("highlights") or not (article_of(record) or "").strip():
            continue
        summary = lede.summarize(article_of(record))
        pairs.append(("\n".join(b.text for b in summary.bullets), "\n".join(record["highlights"])))
    assert len(pairs) >= 15
    ours = lede.rouge([p for p, _ in pairs], [r for _, r in pairs], per_document=True)
    for (pred, ref), got in zip(pairs, ours):
        expected = scorer.score(ref, pred)
        for name in types:
            assert tuple(got[name]) == tuple(expected[name]), name


def test_oracle():
    sentences = ["Rain fell in Paris.", "The mayor spoke.", "Floods closed roads in Paris."]
    assert lede.oracle(sentences, "Floods closed Paris roads after rain.") == [2]
    assert lede.oracle(sentences, ["Floods closed Paris roads.", "The mayor spoke."]) == [1, 2]
    chosen = lede.oracle(sentences, "Rain fell. The mayor spoke. Floods closed roads.", max_sentences=1)
    assert len(chosen) == 1
    assert lede.oracle([], "anything") == []
    with pytest.raises(lede.LedeError, match="max_sentences") as err:
        lede.oracle(sentences, "ref", max_sentences=0)
    assert err.value.code == "invalid_option"


def test_oracle_of_an_article_counts_its_cleaned_sentences():
    article = "Paris floods\n\nRain fell in Paris. The mayor spoke.\n\nFloods closed roads in Paris.\n"
    split = [s.text for s in lede.sentences(article)]
    assert split == ["Rain fell in Paris.", "The mayor spoke.", "Floods closed roads in Paris."]
    reference = "Floods closed Paris roads after rain."
    assert lede.oracle(article, reference) == lede.oracle(split, reference) == [2]
    with pytest.raises(lede.LedeError) as err:
        lede.oracle("  ", reference)
    assert err.value.code == "empty_input"


def test_same_means_as_lede_eval(corpus):
    binary = lede_binary()
    if binary is None:
        pytest.skip("no lede CLI")
    proc = subprocess.run(
        [binary, "eval", "--dataset", str(CORPUS), "--algorithm", "lead", "--format", "json", "--samples", "10"],
        capture_output=True, text=True, check=True, stdin=subprocess.DEVNULL,
    )
    report = json.loads(proc.stdout)
    docs = [r for r in corpus if r.get("highlights")]
    assert report["documents"] == len(docs)
    summaries = lede.summarize_many([article_of(r) for r in docs], algorithm="lead")
    preds = ["\n".join(b.text for b in s.bullets) for s in summaries]
    refs = ["\n".join(r["highlights"]) for r in docs]
    ours = lede.rouge(preds, refs)
    for name, figures in report["scores"].items():
        for figure in ("precision", "recall", "fmeasure"):
            assert getattr(ours[name], figure) == pytest.approx(figures[figure]["mean"], rel=1e-12), (name, figure)


def test_language_scores_with_the_multilingual_tokenizer():
    pred, ref = "Le préfet a fermé l'école.", "La préfète ferme une école."
    french = lede.rouge(pred, ref, rouge_types="rouge1", language="fr")["rouge1"]
    # "préfet"/"préfète" and "fermé"/"ferme" share Snowball stems, "école"
    # matches whole: 3 of 6 predicted and of 5 reference tokens.
    assert (french.precision, french.recall) == (3 / 6, 3 / 5)
    # English (given or not) is rouge-score's tokenizer, which cuts "école" apart.
    default = lede.rouge(pred, ref, rouge_types="rouge1")
    assert lede.rouge(pred, ref, rouge_types="rouge1", language="en") == default
    assert default["rouge1"] != french
    with pytest.raises(lede.LedeError):
        lede.rouge(pred, ref, language="xx")


def test_oracle_and_sentences_follow_the_language():
    article = "Il pleut sur Nîmes depuis lundi. M. Dupont, le préfet, a fermé les écoles. Le match est reporté."
    assert len(lede.sentences(article, language="fr")) == 3
    assert lede.oracle(article, "Le préfet ferme les écoles.", max_sentences=1, language="fr") == [1]
