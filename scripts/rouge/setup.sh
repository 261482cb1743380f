#!/usr/bin/env bash
# Creates the Python venv used by the ROUGE reference and benchmark scripts.
# Usage: scripts/rouge/setup.sh [VENV_DIR]   (default: .venv-rouge at the repo root)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="${1:-$root/.venv-rouge}"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check \
    rouge-score==0.1.2 nltk rouge-score-rs rouge-rust
echo "$venv"
