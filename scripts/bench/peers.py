"""Run the Python summarizers users would pick instead of lede on a corpus.

    python scripts/bench/peers.py CORPUS.jsonl.gz OUT_DIR

Writes OUT_DIR/<peer>.jsonl (`{"id", "summary": [sentences]}`, 3 sentences
per article, in document order) and OUT_DIR/<peer>.seconds (single-core
wall time of summarizing, reading excluded). Needs sumy, summa and NLTK's
punkt_tab under $NLTK_DATA (scripts/bench/quality.sh sets that up).
"""

import gzip
import json
import sys
import time
from pathlib import Path

from nltk.tokenize import sent_tokenize
from sumy.nlp.stemmers import Stemmer
from sumy.nlp.tokenizers import Tokenizer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words
from summa import summarizer as summa_summarizer

SENTENCES = 3


def lead3(text):
    return sent_tokenize(text)[:SENTENCES]


def sumy_runner(cls):
    stemmer = Stemmer("english")
    summarizer = cls(stemmer)
    summarizer.stop_words = get_stop_words("english")
    tokenizer = Tokenizer("english")

    def run(text):
        parser = PlaintextParser.from_string(text, tokenizer)
        return [str(s) for s in summarizer(parser.document, SENTENCES)]

    return run


def summa_textrank(text):
    scored = summa_summarizer.summarize(text, ratio=1.0, split=True, scores=True)
    if not scored:
        return []
    top = sorted(range(len(scored)), key=lambda i: -scored[i][1])[:SENTENCES]
    return [scored[i][0] for i in sorted(top)]


PEERS = {
    "lead3-nltk": lead3,
    "sumy-lexrank": sumy_runner(LexRankSummarizer),
    "sumy-textrank": sumy_runner(TextRankSummarizer),
    "sumy-lsa": sumy_runner(LsaSummarizer),
    "sumy-luhn": sumy_runner(LuhnSummarizer),
    "summa-textrank": summa_textrank,
}


def main():
    corpus, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    for name, run in PEERS.items():
        start = time.perf_counter()
        rows = [{"id": d["id"], "summary": run(d["article"])} for d in docs]
        seconds = time.perf_counter() - start
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row) + "\n")
        (out / f"{name}.seconds").write_text(f"{seconds}\n")
        print(f"{name}: {len(docs) / seconds:.1f} docs/s", file=sys.stderr)


if __name__ == "__main__":
    main()
