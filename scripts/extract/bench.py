#!/usr/bin/env python3
"""HTML extraction benchmark for lede (and trafilatura, when it can be installed).

1. scrapinghub article-extraction-benchmark: word 4-gram shingle precision/recall/F1,
   computed the way that benchmark's evaluate.py does (re-implemented below), for lede and
   for the 17 published extractor outputs shipped with the data.
2. trafilatura's evaluation pages: a page passes when every `with` snippet is in the output
   and no `without` snippet is (whitespace collapsed on both sides); snippet-level
   precision/recall/F1 as in trafilatura's comparison script are reported too.
3. Speed: single-thread pages/s of lede vs trafilatura on the same pages.

Usage: python3 scripts/extract/bench.py [--data ../shared/data] [--no-trafilatura]
"""
import argparse
import gzip
import json
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOKEN = re.compile(r"\w+", re.UNICODE)
PUBLISHED = {  # F1 on the full 181-page benchmark, as published by each project
    "rs_trafilatura": 0.970, "AutoExtract": 0.969, "trafilatura": 0.958,
    "go_trafilatura": 0.955, "readability_js": 0.946, "Diffbot": 0.941,
    "newspaper": 0.941, "readability": 0.924, "dom_smoothie": 0.861,
    "readabilityrs": 0.829,
}


def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    grams = [tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def tp_fp_fn(true, pred):
    t, p = shingles(true), shingles(pred)
    tp = sum(min(c, p[k]) for k, c in t.items())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (0.0, 0.0, 0.0)


def precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(triples):
    """Mean precision over pages with tp+fp>0, mean recall over pages with tp+fn>0."""
    p = statistics.mean([precision(*t) for t in triples if t[0] + t[1] > 0])
    r = statistics.mean([recall(*t) for t in triples if t[0] + t[2] > 0])
    return p, r, 2 * p * r / (p + r)


def run_lede(manifest, base, repeat):
    exe = ROOT / "target/release/examples/bench_extract"
    out = subprocess.run([str(exe), str(manifest), str(base), str(repeat)],
                         check=True, capture_output=True, text=True).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    summary = rows.pop()
    return {r["id"]: r["body"] for r in rows}, summary["pages"] * repeat / summary["seconds"]


def ensure_trafilatura():
    venv = ROOT / ".venv-extract"
    py = venv / "bin/python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    ok = subprocess.run([str(py), "-c", "import trafilatura"], capture_output=True)
    if ok.returncode != 0:
        subprocess.run([str(py), "-m", "pip", "install", "-q", "trafilatura", "lxml_html_clean"], check=True)
    return py


TRAF_RUNNER = r"""
import gzip, json, sys, time, trafilatura
rows = [json.loads(l) for l in open(sys.argv[1])]
base = sys.argv[2]
pages = []
for r in rows:
    raw = open(base + "/" + r["html_path"], "rb").read()
    pages.append((r["id"], gzip.decompress(raw) if r["html_path"].endswith(".gz") else raw))
out = {}
start = time.perf_counter()
for pid, html in pages:
    out[pid] = trafilatura.extract(html) or ""
secs = time.perf_counter() - start
print(json.dumps({"bodies": out, "pages_per_s": len(pages) / secs, "version": trafilatura.__version__}))
"""


def run_trafilatura(py, manifest, base):
    res = subprocess.run([str(py), "-c", TRAF_RUNNER, str(manifest), str(base)],
                         check=True, capture_output=True, text=True)
    data = json.loads(res.stdout)
    return data["bodies"], data["pages_per_s"], data["version"]


def snippet_eval(rows, bodies):
    def norm(s):
        return " ".join(s.split())
    passed = tp = fn = fp = tn = 0
    for r in rows:
        out = norm(bodies.get(r["id"], ""))
        w = [norm(s) in out for s in r["with"]]
        wo = [norm(s) in out for s in r["without"]]
        tp += sum(w)
        fn += len(w) - sum(w)
        fp += sum(wo)
        tn += len(wo) - sum(wo)
        passed += all(w) and not any(wo)
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return passed / len(rows), p, rc, 2 * p * rc / (p + rc) if p + rc else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT / "../shared/data"))
    ap.add_argument("--no-trafilatura", action="store_true")
    ap.add_argument("--repeat", type=int, default=5, help="lede timing rounds")
    ap.add_argument("--dump", help="write lede's per-page F1 rows to this JSONL file")
    args = ap.parse_args()
    data = Path(args.data).resolve()
    subprocess.run(["cargo", "build", "-q", "--release", "-p", "lede-html",
                    "--example", "bench_extract"], check=True, cwd=ROOT)

    aeb = data / "article_extraction_benchmark"
    truth = [json.loads(l) for l in open(aeb / "ground_truth.jsonl")]
    lede, lede_speed_aeb = run_lede(aeb / "ground_truth.jsonl", aeb, args.repeat)
    systems = {name: v["bodies"] for name, v in
               json.load(gzip.open(aeb / "extractor_outputs.json.gz")).items()}
    systems["lede"] = lede
    traf_speed_aeb = traf_speed_te = py = None
    if not args.no_trafilatura:
        py = ensure_trafilatura()
        bodies, traf_speed_aeb, version = run_trafilatura(py, aeb / "ground_truth.jsonl", aeb)
        systems[f"trafilatura {version} (run here)"] = bodies

    print(f"## article-extraction-benchmark: {len(truth)} visible pages")
    print("| extractor | precision | recall | F1 | published F1 |")
    print("|---|---|---|---|---|")
    table = []
    for name, bodies in systems.items():
        triples = [tp_fp_fn(r["body"], bodies.get(r["id"], "")) for r in truth]
        table.append((scores(triples), name))
    for (p, r, f), name in sorted(table, key=lambda x: -x[0][2]):
        pub = PUBLISHED.get(name)
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {format(pub, '.3f') if pub else ''} |")
    triples = [tp_fp_fn(r["body"], lede.get(r["id"], "")) for r in truth]
    even = scores(triples[0::2])[2]
    odd = scores(triples[1::2])[2]
    print(f"\nlede F1 on even-indexed pages {even:.3f}, odd-indexed pages {odd:.3f}")
    if args.dump:
        with open(args.dump, "w") as f:
            for i, (r, t) in enumerate(zip(truth, triples)):
                f.write(json.dumps({"i": i, "id": r["id"], "url": r["url"],
                                    "p": precision(*t), "r": recall(*t)}) + "\n")

    te = data / "trafilatura_eval"
    rows = [json.loads(l) for l in open(te / "evaldata.jsonl")]
    lede_te, lede_speed_te = run_lede(te / "evaldata.jsonl", te, args.repeat)
    print(f"\n## trafilatura evaluation pages: {len(rows)} pages")
    print("| extractor | pages passed | snippet precision | snippet recall | snippet F1 |")
    print("|---|---|---|---|---|")
    results = [("lede", lede_te)]
    if py:
        bodies, traf_speed_te, version = run_trafilatura(py, te / "evaldata.jsonl", te)
        results.append((f"trafilatura {version}", bodies))
    for name, bodies in results:
        rate, p, r, f = snippet_eval(rows, bodies)
        print(f"| {name} | {rate:.3f} | {p:.3f} | {r:.3f} | {f:.3f} |")

    print("\n## speed (single thread, pages/s, decoding + parsing + extraction)")
    print("| page set | lede | trafilatura | ratio |")
    print("|---|---|---|---|")
    for label, ls, ts in [("article-extraction-benchmark (119)", lede_speed_aeb, traf_speed_aeb),
                          ("trafilatura eval (990)", lede_speed_te, traf_speed_te)]:
        ratio = f"{ls / ts:.1f}x" if ts else ""
        tss = f"{ts:.1f}" if ts else "not run"
        print(f"| {label} | {ls:.1f} | {tss} | {ratio} |")


if __name__ == "__main__":
    main()
