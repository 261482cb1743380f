"""Shared fixtures: the small corpus and what the `lede` CLI makes of it."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CORPUS = HERE / "fixtures" / "corpus.jsonl"


def lede_binary():
    """The CLI to compare with: $LEDE_BIN, else the newer of the workspace's
    debug and release builds, else `lede` on PATH."""
    if os.environ.get("LEDE_BIN"):
        return os.environ["LEDE_BIN"]
    builds = [p for p in (REPO / "target" / "debug" / "lede", REPO / "target" / "release" / "lede") if p.is_file()]
    if builds:
        return str(max(builds, key=lambda p: p.stat().st_mtime))
    return shutil.which("lede")


@pytest.fixture(scope="session")
def corpus_path():
    return CORPUS


@pytest.fixture(scope="session")
def corpus():
    with CORPUS.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def cli_results():
    """id -> output record of `lede summarize corpus.jsonl` (a summary or an error)."""
    binary = lede_binary()
    if binary is None:
        pytest.skip("no lede CLI (build it with `cargo build -p lede-cli --release` or set LEDE_BIN)")
    proc = subprocess.run(
        [binary, "summarize", "--no-progress", str(CORPUS)],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    # Exit code 2 means some records failed, which the fixture has on purpose.
    assert proc.returncode in (0, 2), proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    return {str(r["id"]): r for r in records}


def article_of(record):
    """The article field the CLI reads: `article`, else `text`."""
    return record.get("article", record.get("text"))
