"""Throughput of the `lede` Python package against the CLI and Python peers.

    python scripts/python/bench.py [--data ../shared/data/cnndm_lede_valid.jsonl.gz]

Measures, on the same documents (best of --repeat runs, docs/s):
  * `lede.summarize_many` on articles already in memory (all cores, and 1 thread),
    and end to end from the .jsonl.gz file to JSON lines, which is what the CLI does;
  * `lede summarize FILE -o /dev/null` (the CLI batch mode, all cores and -j 1);
  * sumy LexRank and TextRank and summa TextRank (pure Python, one core) on the
    first --peer-docs documents, next to lede on one thread with each algorithm.
Peers need `pip install sumy summa` and NLTK's punkt_tab under $NLTK_DATA
(see BENCHMARKS.md). Prints a Markdown table.
"""

import argparse
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from pathlib import Path

import lede

REPO = Path(__file__).resolve().parents[2]


def cpu_seconds():
    """CPU time used so far by this process (all threads) and its finished children."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def best_times(repeat, cases):
    """Smallest wall time and smallest CPU time of each of `cases`
    (label -> fn) over `repeat` rounds, as {label: (wall_s, cpu_s)}.

    The rounds interleave the cases, so a burst of load on a shared machine
    hits them alike rather than one case's whole run. CPU time (all threads,
    and the CLI's process) is much less sensitive to that load than wall time.
    """
    best = {label: (float("inf"), float("inf")) for label in cases}
    for _ in range(repeat):
        for label, fn in cases.items():
            wall, cpu = time.perf_counter(), cpu_seconds()
            fn()
            wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
            best[label] = (min(best[label][0], wall), min(best[label][1], cpu))
    return best


def read_articles(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line)["article"] for line in f if line.strip()]


def python_end_to_end(path, threads, chunk=256):
    """File in, JSON lines out, as `lede summarize FILE -o /dev/null` does.

    Streams chunks of records: while Rust summarizes one chunk (GIL
    released), the main thread parses the next.
    """

    def write(out, records, results):
        for record, result in zip(records, results):
            line = result.to_json() if isinstance(result, lede.Summary) else json.dumps({"error": str(result)})
            out.write(f'{{"id":{json.dumps(record["id"])},{line[1:]}\n')

    with gzip.open(path, "rt", encoding="utf-8") as f, open(os.devnull, "w", encoding="utf-8") as out:
        with ThreadPoolExecutor(max_workers=1) as executor:
            pending = None
            while True:
                records = [json.loads(line) for line in islice(f, chunk) if line.strip()]
                if pending is not None:
                    write(out, pending[0], pending[1].result())
                if not records:
                    break
                texts = [r["article"] for r in records]
                pending = (records, executor.submit(lede.summarize_many, texts, threads=threads))


def peers():
    """(name, summarize(text)) of the Python peers that are installed."""
    found = []
    try:
        from sumy.nlp.stemmers import Stemmer
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer

        tokenizer = Tokenizer("english")
        for name, cls in (("sumy LexRank", LexRankSummarizer), ("sumy TextRank", TextRankSummarizer)):
            summarizer = cls(Stemmer("english"))

            def run(text, summarizer=summarizer):
                return summarizer(PlaintextParser.from_string(text, tokenizer).document, 3)

            run("One sentence here. Another one there.")  # fails early without punkt data
            found.append((name, run))
    except (ImportError, LookupError) as err:
        print(f"sumy skipped: {err}", file=sys.stderr)
    try:
        from summa import summarizer as summa_summarizer

        found.append(("summa TextRank", lambda text: summa_summarizer.summarize(text, words=75)))
    except ImportError as err:
        print(f"summa skipped: {err}", file=sys.stderr)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "cnndm_lede_valid.jsonl.gz"))
    parser.add_argument("--cli", default=str(REPO / "target" / "release" / "lede"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--peer-docs", type=int, default=300)
    args = parser.parse_args()

    articles = read_articles(args.data)
    n = len(articles)
    cores = os.cpu_count()
    rows = []

    def row(system, threads, docs, times):
        wall, cpu = times
        rows.append((system, threads, docs, docs / wall, docs / cpu))

    default_algorithm = lede.Summarizer().algorithm
    lede.summarize_many(articles[:50])  # warm up (model loading, page cache)
    have_cli = Path(args.cli).is_file()
    if not have_cli:
        print(f"no CLI at {args.cli}: build it with cargo build -p lede-cli --release", file=sys.stderr)

    def cli(threads):
        cmd = [args.cli, "summarize", "--no-progress", args.data, "-o", os.devnull, "-j", str(threads)]
        return lambda: subprocess.run(cmd, check=False, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)

    for threads in (cores, 1):
        cases = {
            f"lede Python `summarize_many` ({default_algorithm}), in memory": lambda: lede.summarize_many(
                articles, threads=threads
            ),
            f"lede Python, .jsonl.gz -> JSON lines ({default_algorithm})": lambda: python_end_to_end(
                args.data, threads
            ),
        }
        if have_cli:
            cases[f"lede CLI `summarize FILE -o /dev/null` ({default_algorithm})"] = cli(threads)
        for label, t in best_times(args.repeat, cases).items():
            row(label, threads, n, t)

    subset = articles[: args.peer_docs]
    algorithms = list(dict.fromkeys(("lexrank", "textrank", default_algorithm)))
    cases = {
        a: (lambda a=a: lede.summarize_many(subset, threads=1, algorithm=a)) for a in algorithms
    }
    lede_one_thread = {}
    for algorithm, t in best_times(args.repeat, cases).items():
        lede_one_thread[algorithm] = len(subset) / t[0]
        row(f"lede Python ({algorithm})", 1, len(subset), t)
    for name, run in peers():
        t = best_times(1, {name: lambda: [run(text) for text in subset]})[name]
        row(name, 1, len(subset), t)

    reference = lede_one_thread[default_algorithm]
    print(f"{platform.machine()}, {cores} cores, Python {platform.python_version()}, lede {lede.__version__}")
    print(f"data: {args.data} ({n} docs; peers on the first {len(subset)})\n")
    print(f"| system | threads | docs | docs/s (wall) | docs per CPU-s | wall vs lede {default_algorithm} 1 thread |")
    print("|---|---:|---:|---:|---:|---:|")
    for system, threads, docs, rate, cpu_rate in rows:
        print(f"| {system} | {threads} | {docs} | {rate:,.0f} | {cpu_rate:,.0f} | {rate / reference:.2f}x |")


if __name__ == "__main__":
    main()
