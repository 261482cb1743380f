"""Format the outputs of scripts/bench/quality.sh as Markdown tables."""

import gzip
import json
import sys
from pathlib import Path

out, data = Path(sys.argv[1]), sys.argv[2]
with gzip.open(data, "rt", encoding="utf-8") as f:
    docs = sum(1 for line in f if line.strip())

SYSTEMS = [
    ("oracle", "extractive oracle (greedy R1+R2 over cleaned sentences, the training labels; upper bound)"),
    ("lede-learned", "**lede learned** (default)"),
    ("lede-lead", "lede lead"),
    ("lede-textrank", "lede textrank"),
    ("lede-lexrank", "lede lexrank"),
    ("lead3-nltk", "Lead-3 (Python, NLTK Punkt)"),
    ("sumy-lexrank", "sumy LexRank"),
    ("sumy-textrank", "sumy TextRank"),
    ("sumy-lsa", "sumy LSA"),
    ("sumy-luhn", "sumy Luhn"),
    ("summa-textrank", "summa TextRank"),
]
METRICS = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


def cell(scores, metric):
    f = scores[metric]["fmeasure"]
    return f"{100 * f['mean']:.2f} [{100 * f['low']:.2f}, {100 * f['high']:.2f}]"


def speed(name):
    path = out / f"{name}.seconds"
    if not path.exists():
        return ""
    return f"{docs / float(path.read_text()):,.0f}"


print(f"ROUGE F1 x100 with 95% bootstrap intervals, {docs} documents, single-core docs/s (reading and writing included for lede).\n")
print("| system | ROUGE-1 | ROUGE-2 | ROUGE-L | ROUGE-Lsum | docs/s (1 core) |")
print("|---|---|---|---|---|---|")
for name, label in SYSTEMS:
    path = out / f"{name}.json"
    if not path.exists():
        continue
    scores = json.loads(path.read_text())["scores"]
    print(f"| {label} | " + " | ".join(cell(scores, m) for m in METRICS) + f" | {speed(name)} |")

print("\nPer source (ROUGE-1 / ROUGE-2 / ROUGE-Lsum F1 x100):\n")
print("| system | cnn | dailymail |")
print("|---|---|---|")
for name, label in SYSTEMS:
    cols = []
    for src in ["cnn", "dailymail"]:
        path = out / f"{name}.{src}.json"
        if not path.exists() or not path.read_text().strip():
            cols.append("")
            continue
        d = json.loads(path.read_text())
        s = d["scores"]
        cols.append(
            f"{100 * s['rouge1']['fmeasure']['mean']:.2f} / {100 * s['rouge2']['fmeasure']['mean']:.2f} / "
            f"{100 * s['rougeLsum']['fmeasure']['mean']:.2f} (n={d['documents']})"
        )
    if any(cols):
        print(f"| {label} | {cols[0]} | {cols[1]} |")

for name, title in [("compare-lead3", "lede learned vs Lead-3 (NLTK)"), ("compare-lede-lead", "lede learned vs lede lead")]:
    path = out / f"{name}.txt"
    if path.exists():
        print(f"\nPaired permutation test, {title}:\n\n```\n{path.read_text().strip()}\n```")
