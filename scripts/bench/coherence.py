#!/usr/bin/env python3
"""Count the bullets an editor would not keep, and ROUGE by cross-validation folds.

Coherence of `lede summarize` outputs (JSON lines with `bullets`, each with
`text` and `sentence_index`):

    lede summarize ../shared/data/cnndm_lede_valid.jsonl.gz -a learned -j2 --no-progress -o learned.jsonl
    python3 scripts/bench/coherence.py count learned.jsonl lead.jsonl

A bullet opens with an unresolved reference when its first word is a
pronoun or connective (He, This, But, Both, ...) and the article's previous
sentence (`sentence_index - 1`) is not among the bullets. Questions end with
`?`; fragments have under 4 words; list items open with a marker (•, -, *,
1.); captions open with "Pictured", "Scroll down", ... or end with a colon.

ROUGE per fold, from `lede eval --per-doc FILE.jsonl` outputs; the fold of a
document is int(sha256(id)[:8], 16) % 5:

    python3 scripts/bench/coherence.py folds learned=learned.perdoc.jsonl lead=lead.perdoc.jsonl
"""

import hashlib
import json
import re
import statistics
import sys

REFERENCE_OPENERS = set(
    """he she it they we this these those that his her its their him them our
    both another but however and also meanwhile yet still instead nevertheless
    nonetheless moreover furthermore besides then so thus therefore hence
    additionally likewise similarly otherwise or""".split()
)
CAPTION_OPENERS = (
    "pictured", "picture", "photo", "photograph", "caption", "scroll down",
    "click here", "watch the video", "video:", "above:", "below:", "left:",
    "right:", "top:", "inset:",
)
LEADING_QUOTES = re.compile(r"^(?:\s|``|''|[\"'\u201c\u2018(\[])*")
LIST_MARKER = re.compile(r"^\s*(?:[•·▪●◦‣]|[-*–—](?=\s)|\d{1,2}[.)](?=\s))")
WORD = re.compile(r"\w+")


def first_word(text):
    rest = LEADING_QUOTES.sub("", text)
    m = re.match(r"[\w'\u2019]+", rest)
    return m.group(0).lower() if m else ""


def is_question(text):
    return text.rstrip(" \t\n\"'\u201d\u2019)]").endswith("?")


def is_caption(text):
    lower = LEADING_QUOTES.sub("", text).lower()
    for o in CAPTION_OPENERS:
        if lower.startswith(o) and (len(lower) == len(o) or not lower[len(o)].isalnum()):
            return True
    return text.rstrip(" \t\n.").endswith(":")


def count(path):
    docs = bullets = unresolved = questions = fragments = markers = captions = first = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if "bullets" not in rec:
                continue
            docs += 1
            chosen = {b["sentence_index"] for b in rec["bullets"]}
            first += 0 in chosen
            for b in rec["bullets"]:
                text, i = b["text"], b["sentence_index"]
                bullets += 1
                if i > 0 and i - 1 not in chosen and first_word(text) in REFERENCE_OPENERS:
                    unresolved += 1
                questions += is_question(text)
                fragments += len(WORD.findall(text)) < 4
                markers += bool(LIST_MARKER.match(text))
                captions += is_caption(text)
    return {
        "docs": docs,
        "bullets": bullets,
        "per_doc": bullets / max(docs, 1),
        "unresolved": unresolved,
        "unresolved_pct": 100 * unresolved / max(bullets, 1),
        "questions": questions,
        "fragments": fragments,
        "list_markers": markers,
        "captions": captions,
        "sent0_pct": 100 * first / max(docs, 1),
    }


def fold(doc_id, k=5):
    return int(hashlib.sha256(doc_id.encode()).hexdigest()[:8], 16) % k


def folds(path, k=5):
    per = [[] for _ in range(k)]
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            per[fold(str(rec["id"]), k)].append(rec)
    out = {}
    for metric in ("rouge1", "rouge2", "rougeLsum"):
        means = [100 * statistics.fmean(score(r, metric) for r in docs) for docs in per]
        out[metric] = (statistics.fmean(means), statistics.stdev(means), means)
    return out


def score(rec, metric):
    """The F1 of `metric` in one per-document record of `lede eval --per-doc`."""
    v = rec[metric]
    if isinstance(v, dict):
        v = v["fmeasure"]
    return v / 100 if v > 1 else v


def main(argv):
    if len(argv) >= 2 and argv[0] == "count":
        print("| output | docs | bullets/doc | unresolved ref | % | questions | fragments <4w | list markers | captions | sentence 0 chosen % |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for path in argv[1:]:
            c = count(path)
            print(
                f"| {path} | {c['docs']} | {c['per_doc']:.2f} | {c['unresolved']} | {c['unresolved_pct']:.2f} | "
                f"{c['questions']} | {c['fragments']} | {c['list_markers']} | {c['captions']} | {c['sent0_pct']:.1f} |"
            )
    elif len(argv) >= 2 and argv[0] == "folds":
        print("| system | R1 mean ± sd | R2 mean ± sd | RLsum mean ± sd | R1 per fold |")
        print("|---|---|---|---|---|")
        for arg in argv[1:]:
            name, _, path = arg.partition("=")
            r = folds(path or name)
            cells = [f"{m:.2f} ± {s:.2f}" for m, s, _ in r.values()]
            per = " ".join(f"{x:.2f}" for x in r["rouge1"][2])
            print(f"| {name} | {' | '.join(cells)} | {per} |")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
