"""`lede.summarize_many` docs/s for one or more installs of the package, in one run.

    python scripts/python/bench_many.py --python .venv-py/bin/python \
        [--python OTHER/bin/python ...] [--data ../shared/data/cnndm_lede_valid.jsonl.gz] \
        [--threads 1 2] [--repeat 3]

Each interpreter (one with `lede` installed, e.g. a build of an older commit)
summarizes the same articles, already in memory, with the default options at
each thread count. Rounds interleave the interpreters and thread counts, so
load on a shared machine hits them alike; the best of --repeat rounds is
reported, as docs per wall-clock second and per CPU second (all threads; much
less sensitive to other load). Prints a Markdown table.
"""

import argparse
import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def child(data, threads):
    """Runs inside one interpreter: times one summarize_many call, prints JSON."""
    import lede

    with gzip.open(data, "rt", encoding="utf-8") as f:
        articles = [json.loads(line)["article"] for line in f if line.strip()]
    lede.summarize_many(articles[:50], threads=threads)  # warm up: model, pool
    start, cpu = time.perf_counter(), time.process_time()
    results = lede.summarize_many(articles, threads=threads)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    failed = sum(isinstance(r, Exception) for r in results)
    print(json.dumps({"docs": len(articles), "failed": failed, "wall": wall, "cpu": cpu, "version": lede.__version__}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--python", action="append", required=True, help="an interpreter with lede installed (repeatable)")
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "cnndm_lede_valid.jsonl.gz"))
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        return child(args.data, args.child)

    best = {}
    docs = None
    for _ in range(args.repeat):
        for python in args.python:
            for threads in args.threads:
                out = subprocess.run(
                    [python, __file__, "--python", python, "--data", args.data, "--child", str(threads)],
                    check=True, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                )
                run = json.loads(out.stdout)
                docs = run["docs"]
                key = (python, threads)
                wall, cpu = best.get(key, (float("inf"), float("inf")))
                best[key] = (min(wall, run["wall"]), min(cpu, run["cpu"]))
    print(f"{docs} articles of {Path(args.data).name}, best of {args.repeat} rounds\n")
    print("| python | threads | docs/s | docs per CPU-s |")
    print("|---|---:|---:|---:|")
    for (python, threads), (wall, cpu) in best.items():
        print(f"| {python} | {threads} | {docs / wall:,.0f} | {docs / cpu:,.0f} |")


if __name__ == "__main__":
    sys.exit(main())
