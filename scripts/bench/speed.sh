#!/usr/bin/env bash
# Throughput and memory of `lede summarize` in batch mode.
#
#   scripts/bench/speed.sh [CORPUS.jsonl.gz]   (default: cnndm_lede_valid)
#
# For each algorithm: documents per second on one thread (-j 1), end to end
# (decompression, JSON parsing, cleaning, segmentation, scoring, JSON
# output), best of 3 runs by wall time, with the CPU seconds of that run.
# The corpus is read 5 times over (concatenated gzip members) so that a
# run lasts long enough for the timer's 10 ms resolution.
# Then peak RSS of a 2-thread run on the corpus and on the training corpus
# repeated 4 times through stdin, to show memory does not grow with size.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${1:-../shared/data/cnndm_lede_valid.jsonl.gz}
BIG=../shared/data/cnndm_lede_train.jsonl.gz
cargo build --release -q -p lede-cli
LEDE=target/release/lede
TIMING=$(mktemp)
REPEATED=$(mktemp --suffix=.jsonl.gz)
trap 'rm -f "$TIMING" "$REPEATED"' EXIT
for _ in 1 2 3 4 5; do cat "$DATA"; done > "$REPEATED"
docs=$(zcat "$REPEATED" | grep -c .)
echo "corpus: $DATA read 5 times ($docs documents); machine: $(nproc) cores, $(uname -m); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| algorithm | docs/s (1 thread, wall) | docs/s per CPU-second | peak RSS |"
echo "|---|---|---|---|"
for alg in learned lead textrank lexrank; do
    best=""
    for _ in 1 2 3; do
        /usr/bin/time -o "$TIMING" -f "%e %U %S %M" "$LEDE" summarize "$REPEATED" -a "$alg" -j 1 --no-progress -o /dev/null 2>/dev/null
        line=$(tail -1 "$TIMING")
        wall=$(echo "$line" | cut -d' ' -f1)
        if [ -z "$best" ] || [ "$(echo "$wall < $(echo "$best" | cut -d' ' -f1)" | bc)" = 1 ]; then best=$line; fi
    done
    read -r wall user sys rss <<<"$best"
    printf "| %s | %.0f | %.0f | %d MB |\n" "$alg" "$(echo "$docs / $wall" | bc -l)" "$(echo "$docs / ($user + $sys)" | bc -l)" $((rss / 1024))
done
echo
/usr/bin/time -o "$TIMING" -f "%M" "$LEDE" summarize "$REPEATED" -j 2 --no-progress -o /dev/null 2>/dev/null
small=$(tail -1 "$TIMING")
big_docs=$(( $(zcat "$BIG" | grep -c .) * 4 ))
for _ in 1 2 3 4; do zcat "$BIG"; done | /usr/bin/time -o "$TIMING" -f "%e %M" "$LEDE" summarize - --jsonl -j 2 --no-progress -o /dev/null 2>/dev/null
big=$(tail -1 "$TIMING")
read -r big_wall big_rss <<<"$big"
echo "Peak RSS, default algorithm, 2 threads: $((small / 1024)) MB on $docs documents; $((big_rss / 1024)) MB on $big_docs documents (training corpus x4 through stdin, $(printf "%.0f" "$(echo "$big_docs / $big_wall" | bc -l)") docs/s on 2 threads)."
