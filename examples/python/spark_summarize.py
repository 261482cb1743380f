"""Summarize a corpus with PySpark and lede.

Reads JSON lines (`.jsonl`, `.jsonl.gz`, one `{"id", "article"}` object per
line, like `lede summarize corpus.jsonl`) or Parquet (columns `id`, `article`),
summarizes every article on the executors with `mapInPandas`, and writes one
row per document: id, the summary as a struct column (algorithm, title,
sentence_count, bullets with text, offsets, score and rank; see
OUTPUT_SCHEMA) and an error message for documents that failed.

    python examples/python/spark_summarize.py corpus.jsonl out/ --master 'local[2]'
    spark-submit examples/python/spark_summarize.py s3://bucket/corpus.parquet s3://bucket/out/ \\
        --format parquet --sentences 3

Every executor needs the `lede` wheel installed (see python/README.md). With
a local master the workers run this script's own Python (`sys.executable`),
so a virtualenv works without being activated; set PYSPARK_PYTHON to choose
another.
"""

import argparse
import os
import sys

BULLET_TYPE = "struct<text: string, start: int, end: int, score: double, rank: int>"
SUMMARY_TYPE = f"struct<algorithm: string, title: string, sentence_count: int, bullets: array<{BULLET_TYPE}>>"
OUTPUT_SCHEMA = f"id string, summary {SUMMARY_TYPE}, error string"
"""The rows written: offsets are character offsets into the article."""


def summary_row(summary):
    """A `lede.Summary` as a value of the `summary` struct column."""
    return {
        "algorithm": summary.algorithm,
        "title": summary.title.text if summary.title else None,
        "sentence_count": summary.sentence_count,
        "bullets": [
            {"text": b.text, "start": b.start, "end": b.end, "score": b.score, "rank": b.rank}
            for b in summary.bullets
        ],
    }


def use_this_python_for_local_workers(master):
    """With a local master, Spark's Python workers run this interpreter
    (which has lede, pandas and pyarrow) rather than whatever `python3` is
    first on PATH; PYSPARK_PYTHON and PYSPARK_DRIVER_PYTHON, when set, win."""
    if master and master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)


def summarize_batches(batches, options, threads):
    """mapInPandas body: pandas frames of (id, article) in, result frames out.

    One `lede.Summarizer` per task; each frame goes to Rust in one call.
    """
    import lede
    import pandas as pd

    summarizer = lede.Summarizer(**options)
    for frame in batches:
        results = summarizer.summarize_many(frame["article"].tolist(), threads=threads)
        ok = [isinstance(r, lede.Summary) for r in results]
        yield pd.DataFrame(
            {
                "id": frame["id"],
                "summary": [summary_row(r) if good else None for r, good in zip(results, ok)],
                "error": [None if good else f"{type(r).__name__}: {r}" for r, good in zip(results, ok)],
            }
        )


def read_corpus(spark, path):
    """A DataFrame of (id: string, article: string) from JSON lines or Parquet."""
    from pyspark.sql import functions as F

    lowered = path.lower()
    if lowered.endswith((".jsonl", ".jsonl.gz", ".json", ".ndjson")):
        frame = spark.read.json(path)
    else:
        frame = spark.read.parquet(path)
    text_columns = [F.col(c) for c in ("article", "text") if c in frame.columns]
    if not text_columns:
        raise SystemExit(f"{path}: no 'article' or 'text' column")
    return frame.select(F.col("id").cast("string").alias("id"), F.coalesce(*text_columns).alias("article"))


def summarize_frame(frame, options, threads=1):
    """The summaries of a DataFrame with `id` and `article` columns."""
    return frame.mapInPandas(lambda batches: summarize_batches(batches, options, threads), OUTPUT_SCHEMA)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", help="JSON lines or Parquet with id and article columns")
    parser.add_argument("output", help="output directory")
    parser.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--master", help="Spark master, e.g. local[2] (default: from spark-submit)")
    parser.add_argument("--partitions", type=int, help="repartition the input into this many tasks")
    parser.add_argument(
        "--threads-per-task", type=int, default=1, help="lede threads inside each Spark task (match spark.task.cpus)"
    )
    parser.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="extra Spark settings")
    parser.add_argument("--sentences", type=int)
    parser.add_argument("--words", type=int)
    parser.add_argument("--chars", type=int)
    parser.add_argument("--ratio", type=float)
    parser.add_argument("--algorithm")
    parser.add_argument("--max-overlap", type=float)
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    use_this_python_for_local_workers(args.master)
    builder = SparkSession.builder.appName("lede-summarize")
    if args.master:
        builder = builder.master(args.master)
    for setting in args.conf:
        key, _, value = setting.partition("=")
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    try:
        options = {
            name: getattr(args, name)
            for name in ("sentences", "words", "chars", "ratio", "algorithm", "max_overlap")
            if getattr(args, name) is not None
        }
        frame = read_corpus(spark, args.input)
        if args.partitions:
            frame = frame.repartition(args.partitions)
        result = summarize_frame(frame, options, args.threads_per_task)
        writer = result.write.mode("overwrite")
        if args.format == "parquet":
            writer.parquet(args.output)
        else:
            writer.json(args.output)
        # Count from what was written rather than run the job twice.
        written = spark.read.parquet(args.output) if args.format == "parquet" else spark.read.json(args.output)
        failed = written.where("error IS NOT NULL").count() if "error" in written.columns else 0
        counts = {"docs": written.count(), "failed": failed}
        print(f"summarized {counts['docs']} documents ({counts['failed']} failed) into {args.output}")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
