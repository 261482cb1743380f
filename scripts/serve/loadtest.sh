#!/usr/bin/env bash
# Load test of `lede serve`: builds release binaries, starts the server on a
# loopback port, runs the load generator (crates/lede-server/examples/loadgen.rs)
# at 1, 16 and 64 connections, and prints a Markdown table.
#
#   scripts/serve/loadtest.sh [SECONDS_PER_RUN] [CONNECTIONS]
#
# Environment: DATA (default ../shared/data/cnndm_lede_valid.jsonl.gz),
# ARTICLES (200), PORT (18181), SERVE_ARGS (extra `lede serve` flags), SKIP_BUILD,
# LEDE (the server binary, default target/release/lede: e.g. an older build
# for before/after, driven by the same load generator).
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_PER_RUN="${1:-60}"
CONNECTIONS="${2:-1,16,64}"
DATA="${DATA:-../shared/data/cnndm_lede_valid.jsonl.gz}"
ARTICLES="${ARTICLES:-200}"
PORT="${PORT:-18181}"
LOG="${TMPDIR:-/tmp}/lede-serve-loadtest.log"

# One invocation, so the two targets share one feature set. SKIP_BUILD=1 reuses
# the binaries already in target/release.
if [ -z "${SKIP_BUILD:-}" ]; then
    cargo build --release -q -p lede-cli -p lede-server --bin lede --example loadgen
fi

LEDE="${LEDE:-target/release/lede}"
# shellcheck disable=SC2086
"$LEDE" serve --addr "127.0.0.1:$PORT" ${SERVE_ARGS:-} 2>"$LOG" &
SERVER=$!
trap 'kill -TERM "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    grep -q "listening on" "$LOG" 2>/dev/null && break
    sleep 0.1
done
grep -q "listening on" "$LOG" || { echo "server did not start; see $LOG" >&2; exit 1; }

echo "machine: $(nproc) cores, $(uname -m); load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
target/release/examples/loadgen --addr "127.0.0.1:$PORT" --data "$DATA" --articles "$ARTICLES" \
    --connections "$CONNECTIONS" --seconds "$SECONDS_PER_RUN" --pid "$SERVER"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); server log lines: $(wc -l <"$LOG") ($LOG)" >&2
