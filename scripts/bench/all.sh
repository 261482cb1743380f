#!/usr/bin/env bash
# Reproduces every table of BENCHMARKS.md, section by section, on this machine. Each step
# prints its own table; paste them with the commit (`git rev-parse --short HEAD`) and the
# machine. Needs ../shared/data (the datasets) and the registries for the peers' virtualenvs.
#
#   scripts/bench/all.sh [section ...]     # sections: quality speed python rouge serve
#                                          #           extract parser stress (default: all)
set -euo pipefail
cd "$(dirname "$0")/../.."

sections=("$@")
[ ${#sections[@]} -gt 0 ] || sections=(quality speed python rouge serve extract parser stress)
cargo build --release --quiet -p lede-cli
for section in "${sections[@]}"; do
    echo "=== $section ($(git rev-parse --short HEAD))"
    case "$section" in
        quality) scripts/bench/quality.sh ;;
        speed) SKIP_BUILD=1 scripts/bench/speed.sh ;;
        python) # .venv-bench is made by the quality step (lede wheel, sumy, summa, NLTK).
                .venv-bench/bin/python scripts/python/bench.py --peer-docs 300 --repeat 7 ;;
        rouge) scripts/rouge/setup.sh && .venv-rouge/bin/python scripts/rouge/bench.py ;;
        serve) SKIP_BUILD=1 scripts/serve/loadtest.sh 60 1,16,64 ;;
        extract) python3 scripts/extract/bench.py --repeat 3 ;;
        parser) cargo run --release --quiet -p lede-html --example parser_diff -- \
                    ../shared/data "$(mktemp)" ;;
        stress) scripts/stress/run.sh target/release/lede ;;
        *) echo "unknown section $section" >&2; exit 2 ;;
    esac
done
