"""Exactness of lede-rouge on abstractive text: See et al.'s baseline and
pointer-generator+coverage outputs (cnndm_lede_trainvalid_pgn_system_outputs)
against the train + valid highlights, R1/R2/RL/RLsum with stemming, compared
bit for bit with rouge-score. Exits non-zero on any mismatch.

    .venv-rouge/bin/python scripts/rouge/check_exact.py
"""

import gzip
import json
import os
import subprocess
import sys

from common import ROOT
from rouge_score import rouge_scorer

DATA = os.path.join(ROOT, "..", "shared", "data")
OUT = os.path.join(ROOT, "bench-out", "rouge")
TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


def main():
    refs = {}
    for name in ["cnndm_lede_train.jsonl.gz", "cnndm_lede_valid.jsonl.gz"]:
        with gzip.open(os.path.join(DATA, name), "rt", encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                refs[doc["id"]] = "\n".join(doc["highlights"])
    pairs = []
    with gzip.open(os.path.join(DATA, "cnndm_lede_trainvalid_pgn_system_outputs.jsonl.gz"), "rt") as f:
        for line in f:
            doc = json.loads(line)
            if doc["id"] in refs:
                for system in ["baseline", "pointer-gen-cov"]:
                    pairs.append(("\n".join(doc["systems"][system]["summary_sentences"]), refs[doc["id"]]))
    os.makedirs(OUT, exist_ok=True)
    path, scores = os.path.join(OUT, "pgn_pairs.jsonl"), os.path.join(OUT, "pgn_lede.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for pred, ref in pairs:
            f.write(json.dumps({"prediction": pred, "reference": ref}) + "\n")
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "lede-rouge", "--example", "bench"],
                   cwd=ROOT, check=True)
    subprocess.run([os.path.join(ROOT, "target", "release", "examples", "bench"), path, scores],
                   check=True, capture_output=True)
    with open(scores) as f:
        ours = [json.loads(line) for line in f]
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    bad = 0
    for (pred, ref), got in zip(pairs, ours):
        s = scorer.score(ref, pred)
        if [[s[t].precision, s[t].recall, s[t].fmeasure] for t in TYPES] != got:
            bad += 1
    bad += abs(len(pairs) - len(ours))
    print(f"{len(pairs)} pairs, {bad} mismatching pairs")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
