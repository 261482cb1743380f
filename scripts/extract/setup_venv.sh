#!/usr/bin/env bash
# Creates .venv-extract (trafilatura 2.3.1 and tldextract pinned) for the extraction benchmarks.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/.venv-extract"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q -r "$root/scripts/extract/requirements.txt"
"$venv/bin/python" -c "import trafilatura, tldextract; print('trafilatura', trafilatura.__version__, 'tldextract', tldextract.__version__)"
