#!/usr/bin/env bash
# Throughput and memory of `lede summarize` in batch mode, against the
# floor that reading the corpus sets and against a Rust peer, in one run.
#
#   scripts/bench/speed.sh [CORPUS.jsonl.gz]   (default: cnndm_lede_valid)
#
# Environment: LEDE (binary to measure, default target/release/lede, built
# here unless SKIP_BUILD=1), LEDE_BEFORE (optional second binary, e.g. an
# older build, measured in the same run for before/after ratios).
#
# Every timed command runs pinned to one core (taskset -c 0), best of 3 by
# wall time:
# - floor: `zcat` of the corpus to /dev/null (decompression alone);
# - lede: `summarize -j 1` per algorithm, end to end (decompression, JSON
#   parsing, cleaning, segmentation, scoring, selection, JSON output),
#   alternating with LEDE_BEFORE when it is set;
# - the `summary` crate (scripts/bench/summary-peer): its summarizer calls
#   only, on the same articles held in memory;
# - NLTK Lead-3 (summarizer calls only), when .venv-bench has NLTK and
#   punkt_tab (scripts/bench/quality.sh sets it up).
# The corpus is read 5 times over (concatenated gzip members) so that a
# run lasts long enough for the timer's 10 ms resolution.
# Then the learned default on 1 and 2 threads (unpinned), and its peak RSS
# on the corpus and on the training corpus repeated 4 times through stdin,
# to show memory does not grow with size.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${1:-../shared/data/cnndm_lede_valid.jsonl.gz}
BIG=../shared/data/cnndm_lede_train.jsonl.gz
LEDE=${LEDE:-target/release/lede}
PEER=target/summary-peer/release/summary-peer
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    cargo build --release -q -p lede-cli
    (cd scripts/bench/summary-peer && cargo build --release -q --target-dir ../../../target/summary-peer)
fi
PIN="taskset -c 0"
TIMING=$(mktemp)
REPEATED=$(mktemp --suffix=.jsonl.gz)
trap 'rm -f "$TIMING" "$REPEATED"' EXIT
for _ in 1 2 3 4 5; do cat "$DATA"; done > "$REPEATED"
docs=$(zcat "$REPEATED" | grep -c .)
echo "corpus: $DATA read 5 times ($docs documents); machine: $(nproc) cores, $(uname -m); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# best_of_3 CMD...: prints "wall user sys maxrss_kb" of the fastest run.
best_of_3() {
    local best="" line
    for _ in 1 2 3; do
        /usr/bin/time -o "$TIMING" -f "%e %U %S %M" "$@" >/dev/null 2>&1
        line=$(tail -1 "$TIMING")
        if [ -z "$best" ] || [ "$(echo "${line%% *} < ${best%% *}" | bc)" = 1 ]; then best=$line; fi
    done
    echo "$best"
}
rate() { printf "%.0f" "$(echo "$docs / ($1)" | bc -l)"; }

read -r floor_wall floor_user floor_sys _ <<<"$(best_of_3 $PIN zcat "$REPEATED")"
floor=$(rate "$floor_wall")

echo "| system | docs/s (1 core, wall) | docs per CPU-second | peak RSS | x floor |"
echo "|---|---|---|---|---|"
printf "| zcat (decompression floor) | %s | %s | - | 1.00 |\n" "$floor" "$(rate "$floor_user + $floor_sys")"
floor_cpu=$(rate "$floor_user + $floor_sys")
declare -A RATE CPU
# measure_lede LABEL BINARY ALGORITHM: one table row.
measure_lede() {
    local label=$1 bin=$2 alg=$3 wall user sys rss r
    read -r wall user sys rss <<<"$(best_of_3 $PIN "$bin" summarize "$REPEATED" -a "$alg" -j 1 --no-progress -o /dev/null)"
    r=$(rate "$wall")
    RATE[${label:+$label/}$alg]=$r
    CPU[${label:+$label/}$alg]=$(rate "$user + $sys")
    printf "| lede %s%s | %s | %s | %d MB | %.2f |\n" "$alg" "${label:+ ($label)}" "$r" "${CPU[${label:+$label/}$alg]}" $((rss / 1024)) "$(echo "$r / $floor" | bc -l)"
}
# Before and after alternate per algorithm, so that a change in the
# machine's load during the run weighs on both alike.
for alg in learned lead textrank lexrank; do
    if [ -n "${LEDE_BEFORE:-}" ]; then measure_lede before "$LEDE_BEFORE" "$alg"; fi
    measure_lede "" "$LEDE" "$alg"
done

# The peer times its own summarizer calls; best of 3 runs.
peer=0
for _ in 1 2 3; do
    r=$($PIN "$PEER" "$REPEATED" | cut -d' ' -f3)
    if [ "$r" -gt "$peer" ]; then peer=$r; fi
done
printf "| summary crate 0.1.0 (summarizer calls only) | %s | - | - | %.2f |\n" "$peer" "$(echo "$peer / $floor" | bc -l)"
nltk=""
if [ -x .venv-bench/bin/python ] && [ -d .venv-bench/nltk_data/tokenizers/punkt_tab ]; then
    nltk=$(NLTK_DATA=$PWD/.venv-bench/nltk_data $PIN .venv-bench/bin/python - "$REPEATED" <<'EOF'
import gzip, json, sys, time
from nltk.tokenize import sent_tokenize
docs = [json.loads(l)["article"] for l in gzip.open(sys.argv[1], "rt", encoding="utf-8") if l.strip()]
start = time.perf_counter()
for d in docs:
    sent_tokenize(d)[:3]
print(round(len(docs) / (time.perf_counter() - start)))
EOF
)
    printf "| NLTK Lead-3 (summarizer calls only) | %s | - | - | %.2f |\n" "$nltk" "$(echo "$nltk / $floor" | bc -l)"
fi
echo
ratios() {
    local label=$1 p=${1:+$1/}
    printf "| %s | %.1fx | %.2fx | %.2fx | %.2fx | %.2fx | %.2fx | %.2fx |\n" "${label:-this build}" \
        "$(echo "${RATE[${p}learned]} / $peer" | bc -l)" \
        "$(echo "${RATE[${p}learned]} / $floor" | bc -l)" \
        "$(echo "${RATE[${p}lead]} / $floor" | bc -l)" \
        "$(echo "${RATE[${p}textrank]} / $floor" | bc -l)" \
        "$(echo "${CPU[${p}learned]} / $floor_cpu" | bc -l)" \
        "$(echo "${CPU[${p}lead]} / $floor_cpu" | bc -l)" \
        "$(echo "${CPU[${p}textrank]} / $floor_cpu" | bc -l)"
}
echo "| build | learned / summary crate | learned / floor | lead / floor | textrank / floor | learned / floor (CPU) | lead / floor (CPU) | textrank / floor (CPU) |"
echo "|---|---|---|---|---|---|---|---|"
if [ -n "${LEDE_BEFORE:-}" ]; then ratios before; fi
ratios ""
echo

read -r one_wall _ <<<"$(best_of_3 "$LEDE" summarize "$REPEATED" -j 1 --no-progress -o /dev/null)"
read -r two_wall _ _ small <<<"$(best_of_3 "$LEDE" summarize "$REPEATED" -j 2 --no-progress -o /dev/null)"
printf "Threads, learned default (unpinned): 1 thread %s docs/s, 2 threads %s docs/s (%.2fx).\n" \
    "$(rate "$one_wall")" "$(rate "$two_wall")" "$(echo "$one_wall / $two_wall" | bc -l)"
big_docs=$(($(zcat "$BIG" | grep -c .) * 4))
for _ in 1 2 3 4; do zcat "$BIG"; done | /usr/bin/time -o "$TIMING" -f "%e %M" "$LEDE" summarize - --jsonl -j 2 --no-progress -o /dev/null 2>/dev/null
read -r big_wall big_rss <<<"$(tail -1 "$TIMING")"
echo "Peak RSS, default algorithm, 2 threads: $((small / 1024)) MB on $docs documents; $((big_rss / 1024)) MB on $big_docs documents (training corpus x4 through stdin, $(printf "%.0f" "$(echo "$big_docs / $big_wall" | bc -l)") docs/s on 2 threads)."
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
