"""Shared helpers of the ROUGE reference and benchmark scripts."""

import gzip
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TRAIN = os.path.join(ROOT, "..", "shared", "data", "cnndm_lede_train.jsonl.gz")
TYPES = ["rouge1", "rouge2", "rouge3", "rougeL", "rougeLsum"]

_SPLIT = re.compile(r"(?<=[.!?])\s+")


def lead3(article):
    """First three sentences of an article, split naively after . ! ?"""
    sentences = [s.strip() for s in _SPLIT.split(article) if s.strip()]
    return sentences[:3]


def lead3_pairs(path=TRAIN):
    """(id, prediction, reference) for every document: Lead-3 sentences and
    the highlights, each joined by newlines."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            yield doc["id"], "\n".join(lead3(doc["article"])), "\n".join(doc["highlights"])


def reference_scores(scorers, prediction, reference):
    """rouge-score values as {"stem"|"nostem": {type: [p, r, f]}}."""
    out = {}
    for name, scorer in scorers.items():
        scores = scorer.score(reference, prediction)
        out[name] = {t: [s.precision, s.recall, s.fmeasure] for t, s in scores.items()}
    return out


def make_scorers(types=TYPES):
    from rouge_score import rouge_scorer

    return {
        "stem": rouge_scorer.RougeScorer(types, use_stemmer=True),
        "nostem": rouge_scorer.RougeScorer(types, use_stemmer=False),
    }
