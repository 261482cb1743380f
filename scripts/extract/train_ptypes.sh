#!/usr/bin/env bash
# Rebuilds the embedded page-type model, crates/lede-html/model/ptypes.bin, byte for byte:
# the fold pages of WCXB dev, scrapinghub and fundus (scripts/extract/block_folds.py), then
# the trainer on all of them (single-threaded and deterministic). Pass --cv to print the
# cross-validation by domain fold first (accuracy and confusion, rules against learned) and
# write the out-of-fold types to bench-out/blocks/ptypes_oof.jsonl (BENCHMARKS.md, "Learned
# page types").
set -euo pipefail
cd "$(dirname "$0")/../.."
cv=(--no-cv)
if [ "${1:-}" = "--cv" ]; then cv=(--oof bench-out/blocks/ptypes_oof.jsonl); fi
scripts/extract/block_folds.py
cargo run -q --release -p lede-html --example train_ptypes -- "${cv[@]}" \
    bench-out/blocks/pages.jsonl crates/lede-html/model/ptypes.bin
