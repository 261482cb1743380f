#!/usr/bin/env bash
# Tests of the Python package: builds the `lede` wheel into a virtualenv
# (.venv-py, or $LEDE_PY_VENV) and runs python/tests with pytest, including
# the PySpark example in local mode and a comparison with the `lede` CLI.
#
#   scripts/python/test.sh [pytest args...]
#
# LEDE_PY_FRESH=1 rebuilds the virtualenv from scratch. Needs python3 (3.10+),
# cargo and, for the Spark test, Java 17+ (the test is skipped without java).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv="${LEDE_PY_VENV:-.venv-py}"
python="${PYTHON:-python3}"

if [ "${LEDE_PY_FRESH:-0}" = 1 ]; then
    rm -rf "$venv"
fi
if ! "$venv/bin/python" -c 'import sys; assert sys.version_info >= (3, 10)' 2>/dev/null; then
    echo "== creating $venv"
    rm -rf "$venv"
    "$python" -m venv "$venv"
fi
venv="$(cd "$venv" && pwd)"

echo "== cargo fmt (python/ is its own workspace)"
cargo fmt --manifest-path python/Cargo.toml -- --check

echo "== cargo clippy (python/)"
PYO3_PYTHON="$venv/bin/python" cargo clippy --manifest-path python/Cargo.toml --all-targets -- -D warnings

echo "== installing test requirements"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r python/requirements-test.txt

echo "== building the lede CLI for the parity tests"
cargo build --quiet -p lede-cli
export LEDE_BIN="${CARGO_TARGET_DIR:-$PWD/target}/debug/lede"

echo "== building and installing the lede wheel"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps ./python

echo "== pytest"
# Spark's workers must run the venv's Python, which has lede installed.
export PYSPARK_PYTHON="$venv/bin/python"
export PYSPARK_DRIVER_PYTHON="$PYSPARK_PYTHON"
export SPARK_LOCAL_IP=127.0.0.1
"$venv/bin/python" -m pytest -p no:cacheprovider -q python/tests "$@" </dev/null
