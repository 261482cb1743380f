"""Differential check of lede-rouge's tokenizer + Porter stemmer against
rouge-score / NLTK on every distinct word of the shared corpora (and on each
word as rouge-score tokenizes it). Prints the number of differences; exits
non-zero if there is any.

    .venv-rouge/bin/python scripts/rouge/check_stemmer.py
"""

import glob
import gzip
import json
import os
import re
import subprocess
import sys

from common import ROOT
from rouge_score import tokenize
from nltk.stem import porter

DATA = os.path.join(ROOT, "..", "shared", "data")
TOKEN = re.compile(r"[a-z0-9]+")


def words():
    seen = set()
    for path in sorted(glob.glob(os.path.join(DATA, "*.jsonl.gz"))):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                texts = [doc.get("article") or ""] + [h for h in doc.get("highlights") or [] if isinstance(h, str)]
                for text in texts:
                    seen.update(TOKEN.findall(text.lower()))
    return sorted(seen)


def main():
    vocab = words()
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "lede-rouge", "--example", "tokenize"],
                   cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "examples", "tokenize")
    ours = subprocess.run([exe], input="\n".join(vocab) + "\n", capture_output=True, text=True,
                          check=True).stdout.split("\n")
    stemmer = porter.PorterStemmer()
    bad = [(w, o) for w, o in zip(vocab, ours) if " ".join(tokenize.tokenize(w, stemmer)) != o]
    print(f"{len(vocab)} distinct words, {len(bad)} differences")
    for w, o in bad[:20]:
        print(f"  {w!r}: rouge-score {tokenize.tokenize(w, stemmer)} lede-rouge {o!r}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
