#!/usr/bin/env bash
# The quality table: every lede algorithm, the extractive oracle and the
# Python peers on the same documents, ROUGE F1 with 95% bootstrap intervals
# (lede's evaluator, identical to rouge-score 0.1.2), single-core docs/s,
# per-source rows, and paired tests of the default against Lead-3.
#
#   scripts/bench/quality.sh [CORPUS.jsonl.gz]   (default: cnndm_lede_valid)
#
# Peers come from PyPI into .venv-bench; NLTK's punkt_tab cannot be
# downloaded here, so it is taken from the llama-index-core wheel, which
# ships it. Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${1:-../shared/data/cnndm_lede_valid.jsonl.gz}
OUT=bench-out/quality
mkdir -p "$OUT"
cargo build --release -q -p lede-cli
LEDE=target/release/lede

if [ ! -x .venv-bench/bin/python ] || ! .venv-bench/bin/python -c "import sumy, summa, nltk" 2>/dev/null; then
    python3 -m venv .venv-bench
    .venv-bench/bin/pip install -q sumy==0.11.0 summa==1.2.0 nltk==3.9.1 numpy
fi
if [ ! -d .venv-bench/nltk_data/tokenizers/punkt_tab ]; then
    tmp=$(mktemp -d)
    .venv-bench/bin/pip download -q --no-deps -d "$tmp" llama-index-core==0.14.25
    (cd "$tmp" && python3 -m zipfile -e llama_index_core-*.whl x)
    mkdir -p .venv-bench/nltk_data
    cp -r "$tmp"/x/llama_index/core/_static/nltk_cache/* .venv-bench/nltk_data/
    rm -rf "$tmp"
fi
export NLTK_DATA=$PWD/.venv-bench/nltk_data

if [ ! -f "$OUT/peers.done" ] || [ "$DATA" != "$(cat "$OUT/peers.done")" ]; then
    .venv-bench/bin/python scripts/bench/peers.py "$DATA" "$OUT"
    echo "$DATA" > "$OUT/peers.done"
fi

for alg in learned lead textrank lexrank; do
    start=$(date +%s.%N)
    "$LEDE" summarize "$DATA" -a "$alg" -j 1 --no-progress -o "$OUT/lede-$alg.jsonl" 2>/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc > "$OUT/lede-$alg.seconds"
done
start=$(date +%s.%N)
# The oracle lede train labels with (greedy ROUGE-1 + ROUGE-2 over cleaned
# sentences), at most 3 per article like the summaries it bounds.
"$LEDE" oracle "$DATA" --max-sentences 3 -j 1 -f json > "$OUT/oracle.json"
end=$(date +%s.%N)
echo "$end - $start" | bc > "$OUT/oracle.seconds"

# Per-source references.
python3 - "$DATA" "$OUT" <<'PY'
import gzip, json, sys
data, out = sys.argv[1], sys.argv[2]
files = {}
with gzip.open(data, "rt", encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        src = d.get("source") or "unknown"
        if src not in files:
            files[src] = open(f"{out}/gold-{src}.jsonl", "w", encoding="utf-8")
        files[src].write(json.dumps({"id": d["id"], "highlights": d["highlights"]}) + "\n")
for f in files.values():
    f.close()
PY

for sys in lede-learned lede-lead lede-textrank lede-lexrank lead3-nltk sumy-lexrank sumy-textrank sumy-lsa sumy-luhn summa-textrank; do
    "$LEDE" eval --pred "$OUT/$sys.jsonl" --gold "$DATA" --format json > "$OUT/$sys.json"
    for src in cnn dailymail; do
        "$LEDE" eval --pred "$OUT/$sys.jsonl" --gold "$OUT/gold-$src.jsonl" --allow-mismatch --format json > "$OUT/$sys.$src.json" 2>/dev/null
    done
done
"$LEDE" eval --compare "$OUT/lede-learned.jsonl" "$OUT/lead3-nltk.jsonl" --gold "$DATA" --samples 10000 > "$OUT/compare-lead3.txt"
"$LEDE" eval --compare "$OUT/lede-learned.jsonl" "$OUT/lede-lead.jsonl" --gold "$DATA" --samples 10000 > "$OUT/compare-lede-lead.txt"

python3 scripts/bench/quality_table.py "$OUT" "$DATA"
