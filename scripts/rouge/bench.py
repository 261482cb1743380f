"""ROUGE evaluator benchmark: exactness of lede-rouge against rouge-score on
every Lead-3 / highlights pair of cnndm_lede_train (6,992 pairs), and
single-threaded throughput of rouge-score, rouge-score-rs, rouge-rust, the
rougers crate and lede-rouge (plus lede-rouge on all cores).

    scripts/rouge/setup.sh && .venv-rouge/bin/python scripts/rouge/bench.py

R1, R2, RL and RLsum with stemming, except rouge-rust (R1, R2, RL without
stemming: it has neither). Prints a Markdown table for BENCHMARKS.md; exits
non-zero if any lede-rouge score differs from rouge-score.
"""

import json
import os
import subprocess
import sys
import time

from common import ROOT, lead3_pairs

OUT = os.path.join(ROOT, "bench-out", "rouge")
PAIRS = os.path.join(OUT, "pairs.jsonl")
TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


def load_pairs():
    with open(PAIRS, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return [r["prediction"] for r in rows], [r["reference"] for r in rows]


def peer(name):
    """Times one Python-callable scorer over all pairs (in this process);
    prints {"rate": pairs/s} and, for exact peers, writes its scores."""
    preds, refs = load_pairs()
    values = None
    start = time.perf_counter()
    if name == "rouge-score":
        from rouge_score import rouge_scorer

        scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
        results = [scorer.score(r, p) for r, p in zip(refs, preds)]
    elif name == "rouge-score-rs":
        from rouge_score_rs import RougeScorer

        results = RougeScorer(TYPES, use_stemmer=True).score_batch(refs, preds)
    elif name == "rouge-rust":
        import fast_rouge

        results = fast_rouge.score_batch(refs, preds)
    else:
        raise SystemExit(f"unknown peer {name}")
    rate = len(preds) / (time.perf_counter() - start)
    if name != "rouge-rust":
        values = [[[s[t].precision, s[t].recall, s[t].fmeasure] for t in TYPES] for s in results]
        with open(os.path.join(OUT, f"{name}.scores.json"), "w") as f:
            json.dump(values, f)
    print(json.dumps({"rate": rate}))


def run_peer(name):
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    out = subprocess.run([sys.executable, __file__, "--peer", name], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])["rate"]


def mismatches(expected, got):
    bad = 0
    for e, g in zip(expected, got):
        if e != g:
            bad += 1
    return bad + abs(len(expected) - len(got))


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(PAIRS, "w", encoding="utf-8") as f:
        for _, pred, ref in lead3_pairs():
            f.write(json.dumps({"prediction": pred, "reference": ref}) + "\n")
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "lede-rouge", "--example", "bench"],
                   cwd=ROOT, check=True)
    rates = {name: run_peer(name) for name in ["rouge-score", "rouge-score-rs", "rouge-rust"]}
    lede_out = os.path.join(OUT, "lede-rouge.scores.jsonl")
    exe = os.path.join(ROOT, "target", "release", "examples", "bench")
    report = json.loads(subprocess.run([exe, PAIRS, lede_out], check=True, capture_output=True,
                                       text=True).stdout)
    with open(os.path.join(OUT, "rouge-score.scores.json")) as f:
        reference = json.load(f)
    with open(os.path.join(OUT, "rouge-score-rs.scores.json")) as f:
        peer_rs = json.load(f)
    with open(lede_out) as f:
        ours = [json.loads(line) for line in f]
    bad = mismatches(reference, ours)
    base = rates["rouge-score"]
    rows = [
        ("rouge-score 0.1.2 (Python)", "1", rates["rouge-score"], "reference"),
        ("rouge-score-rs 0.2.1 (`score_batch`, RAYON_NUM_THREADS=1)", "1", rates["rouge-score-rs"],
         f"{mismatches(reference, peer_rs)} mismatching pairs"),
        ("rouge-rust 0.1.12 (`score_batch`, RAYON_NUM_THREADS=1; R1/R2/RL, no stemming)", "1",
         rates["rouge-rust"], "not comparable (no stemming)"),
        ("rougers 0.2.1 crate (cold / warm)", "1",
         (report["rougers_1_thread"]["cold"], report["rougers_1_thread"]["warm"]), "-"),
        ("**lede-rouge** (cold / warm stem cache)", "1",
         (report["lede_rouge_1_thread"]["cold"], report["lede_rouge_1_thread"]["warm"]),
         f"**{bad} mismatching pairs**"),
        ("**lede-rouge** R1/R2/RL, no stemming (as rouge-rust; cold / warm)", "1",
         (report["lede_rouge_plain_1_thread"]["cold"], report["lede_rouge_plain_1_thread"]["warm"]), "-"),
        ("**lede-rouge** rayon (cold / warm)", str(report["threads"]),
         (report["lede_rouge_parallel"]["cold"], report["lede_rouge_parallel"]["warm"]), "same scores"),
    ]
    print(f"{report['pairs']} pairs (Lead-3 of cnndm_lede_train vs highlights), "
          "R1+R2+RL+RLsum with stemming, P/R/F bit-exact comparison with rouge-score\n")
    print("| scorer | threads | pairs/s | x rouge-score | exactness vs rouge-score |")
    print("|---|---|---|---|---|")
    for name, threads, rate, exact in rows:
        if isinstance(rate, tuple):
            cell = f"{rate[0]:,.0f} / {rate[1]:,.0f}"
            speed = f"{rate[0] / base:,.0f}x / {rate[1] / base:,.0f}x"
        else:
            cell = f"{rate:,.0f}"
            speed = f"{rate / base:,.1f}x"
        print(f"| {name} | {threads} | {cell} | {speed} | {exact} |")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--peer":
        peer(sys.argv[2])
    else:
        sys.exit(main())
