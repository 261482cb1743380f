#!/usr/bin/env bash
# Rebuilds the embedded block classifier, crates/lede-html/model/blocks.bin, byte for byte:
# the fold pages of WCXB dev, scrapinghub and fundus (scripts/extract/block_folds.py), then
# the trainer on all of them (single-threaded and deterministic). Pass --cv to print the
# cross-validation table by domain fold first (BENCHMARKS.md, "Learned block classifier").
set -euo pipefail
cd "$(dirname "$0")/../.."
cv=--no-cv
if [ "${1:-}" = "--cv" ]; then cv=; fi
scripts/extract/block_folds.py
cargo run -q --release -p lede-html --example train_blocks -- --loose $cv \
    bench-out/blocks/pages.jsonl crates/lede-html/model/blocks.bin
