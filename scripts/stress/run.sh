#!/usr/bin/env bash
# Hostile inputs against the release binary: time, peak RSS and exit status per case, as a
# Markdown table. Every case is bounded (timeout 120 s) and local: no network at all.
#
#   scripts/stress/run.sh [path/to/lede]
#
# The inputs are generated under a temporary directory (about 700 MB of disk at peak) and
# removed at the end. Expected: no case panics (exit 101) or times out (124), and peak RSS
# stays a small multiple of the input (the rules are in README.md and `lede summarize --help`).
set -euo pipefail
cd "$(dirname "$0")/../.."

lede="${1:-target/release/lede}"
if [ ! -x "$lede" ]; then
    cargo build --release --quiet -p lede-cli
    lede=target/release/lede
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'EOF'
import json, os, sys
w = sys.argv[1]
def write(name, data):
    with open(os.path.join(w, name), "wb") as f:
        f.write(data)
write("tiny-lines-2mb.txt", b"a\n" * 1_000_000)
write("tiny-lines-16mb.txt", b"a\n" * 8_300_000)
write("short-sentences-16mb.txt", b"Word word word. " * 1_040_000)
write("no-punctuation-15mb.txt", b"word " * 3_000_000)
write("empty-tags-32mb.html", b"<html><body>" + b"<b></b>" * 4_700_000)
write("deep-nesting.html", b"<div>" * 200_000 + b"<p>deep text here.</p>")
write("random.bin", os.urandom(4_000_000))
write("utf16.txt", "Heavy rain hit London on Monday. Trains stopped.".encode("utf-16"))
with open(os.path.join(w, "large-records.jsonl"), "w") as f:
    for i in range(40):
        f.write(json.dumps({"id": f"big-{i}", "article": "Word word word. " * 900_000}) + "\n")
        f.write(json.dumps({"id": f"small-{i}", "article": "Rain fell. Trains stopped for hours."}) + "\n")
EOF

echo "| case | command | seconds | peak RSS (MB) | exit |"
echo "|---|---|---|---|---|"
run() {
    local name="$1"; shift
    local rc=0 secs kb
    /usr/bin/time -o "$work/time" -f '%e %M' timeout 120 "$@" >/dev/null 2>&1 || rc=$?
    read -r secs kb < <(tail -1 "$work/time")
    printf '| %s | `%s` | %s | %d | %s |\n' "$name" "${*/#$lede/lede}" "$secs" "$((kb / 1024))" "$rc"
}
for alg in learned lead textrank lexrank; do
    run "2 MB of \`a\\n\` ($alg)" "$lede" summarize "$work/tiny-lines-2mb.txt" -a "$alg"
done
run "16.6 MB of \`a\\n\`" "$lede" summarize "$work/tiny-lines-16mb.txt"
run "16.6 MB of short sentences" "$lede" summarize "$work/short-sentences-16mb.txt" --max-bytes 20000000
run "15 MB line without punctuation" "$lede" summarize "$work/no-punctuation-15mb.txt"
run "32 MB page of empty tags" "$lede" extract "$work/empty-tags-32mb.html" --max-bytes 40000000
run "200,000 nested divs" "$lede" summarize "$work/deep-nesting.html"
run "4 MB of random bytes" "$lede" summarize "$work/random.bin"
run "UTF-16 text with a BOM" "$lede" summarize "$work/utf16.txt"
run "80 records, 40 of 14 MB" "$lede" summarize "$work/large-records.jsonl" -o "$work/out.jsonl" -j 2 --no-progress
run "2 GB on stdin to extract" bash -c "head -c 2000000000 /dev/zero | tr '\\0' a | $lede extract -"
run "100 MB text to extract --input-format text" bash -c "head -c 100000000 /dev/zero | tr '\\0' a | $lede extract - --input-format text"
