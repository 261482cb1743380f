"""The examples in examples/python/ run and agree with the lede CLI."""

import importlib.util
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO, article_of

EXAMPLES = REPO / "examples" / "python"


def load_example(name):
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_matches_cli(doc_id, cli, bullets, summary_dict, error):
    if "error" in cli:
        assert error, f"{doc_id}: the CLI failed ({cli['error']}) but the example did not"
        return
    assert not error, f"{doc_id}: {error}"
    expected = {k: v for k, v in cli.items() if k != "id"}
    assert bullets == [b["text"] for b in expected["bullets"]], doc_id
    assert summary_dict == expected, doc_id


def test_pandas_example(corpus, cli_results):
    pd = pytest.importorskip("pandas")
    example = load_example("pandas_summarize")
    frame = pd.DataFrame({"id": [str(r["id"]) for r in corpus], "article": [article_of(r) for r in corpus]})
    out = example.summarize_column(frame, "article", threads=2)
    assert list(out.columns) == ["id", "article", "summary", "bullets", "error"]
    assert list(out["id"]) == list(frame["id"])
    for row in out.itertuples():
        summary_dict = row.summary.to_dict() if row.summary is not None else None
        assert_matches_cli(row.id, cli_results[row.id], row.bullets, summary_dict, row.error)


def test_pandas_example_cli(corpus_path):
    pytest.importorskip("pandas")
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / "pandas_summarize.py"), str(corpus_path), "--sentences", "2"],
        capture_output=True, text=True, check=True, stdin=subprocess.DEVNULL,
    )
    assert proc.stdout.count("== ") == 20
    assert "error: input is empty" in proc.stdout


def test_dask_example(corpus_path, cli_results, tmp_path):
    pytest.importorskip("dask.bag")
    example = load_example("dask_summarize")
    example.summarize_corpus(str(corpus_path), str(tmp_path / "out"), {}, scheduler="threads", blocksize="8KiB")
    files = sorted((tmp_path / "out").glob("*.jsonl"))
    assert len(files) > 1, "the small block size splits the corpus into several partitions"
    rows = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in rows) == sorted(cli_results)
    for row in rows:
        summary = {k: v for k, v in row.items() if k not in ("id", "error")}
        bullets = [b["text"] for b in summary.get("bullets", [])]
        assert_matches_cli(row["id"], cli_results[row["id"]], bullets, summary or None, row.get("error"))


def test_spark_example_local_mode(corpus_path, cli_results, tmp_path):
    pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java")
    out = tmp_path / "spark-out"
    # As from a virtualenv that is not activated: the example itself must
    # point the local workers at this Python.
    env = {k: v for k, v in os.environ.items() if k not in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "VIRTUAL_ENV")}
    env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    proc = subprocess.run(
        [
            sys.executable, str(EXAMPLES / "spark_summarize.py"), str(corpus_path), str(out),
            "--master", "local[2]", "--partitions", "3",
            "--conf", "spark.ui.enabled=false",
            "--conf", "spark.sql.shuffle.partitions=2",
        ],
        capture_output=True, text=True, env=env, timeout=300, stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert f"summarized {len(cli_results)} documents (1 failed)" in proc.stdout
    rows = [
        json.loads(line)
        for part in sorted(out.glob("part-*.json"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(r["id"] for r in rows) == sorted(cli_results)
    for row in rows:
        cli = cli_results[row["id"]]
        if "error" in cli:
            assert row.get("error") and "summary" not in row, row["id"]
            continue
        assert "error" not in row, row
        summary = row["summary"]
        assert isinstance(summary, dict), "summary is a struct column, not a JSON string"
        assert summary["algorithm"] == cli["algorithm"]
        assert summary.get("title") == (cli["title"]["text"] if cli.get("title") else None)
        assert summary["sentence_count"] == cli["sentence_count"]
        fields = ("text", "start", "end", "score", "rank")
        assert summary["bullets"] == [{k: b[k] for k in fields} for b in cli["bullets"]], row["id"]
