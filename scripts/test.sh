#!/usr/bin/env bash
# The project's whole test suite: formatting, lints, Rust tests, doc tests,
# and the Python package's tests. CI runs exactly this (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt"
cargo fmt --all -- --check

echo "== cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

echo "== Rust tests"
if cargo nextest --version >/dev/null 2>&1; then
    cargo nextest run --workspace --no-fail-fast
else
    cargo test --workspace --no-fail-fast
fi
cargo test --workspace --doc

echo "== fuzz targets compile (fuzz/ is its own workspace)"
cargo check --manifest-path fuzz/Cargo.toml --bins

if [ -x scripts/python/test.sh ]; then
    echo "== Python package tests"
    scripts/python/test.sh
fi
