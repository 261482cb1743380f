"""Summarize a pandas DataFrame column with lede.

    python examples/python/pandas_summarize.py corpus.jsonl [--algorithm textrank]

`summarize_column` adds three columns: `bullets` (list of bullet texts),
`summary` (the `lede.Summary`, or None) and `error` (None, or why that row
failed). The whole column goes to Rust in one `summarize_many` call, which
runs on all cores with the GIL released.
"""

import argparse

import pandas as pd

import lede


def summarize_column(frame, column="article", threads=None, **options):
    """A copy of `frame` with `bullets`, `summary` and `error` columns for `frame[column]`."""
    results = lede.summarize_many(frame[column].tolist(), threads=threads, **options)
    out = frame.copy()
    out["summary"] = [r if isinstance(r, lede.Summary) else None for r in results]
    out["bullets"] = [[b.text for b in r.bullets] if isinstance(r, lede.Summary) else None for r in results]
    out["error"] = [None if isinstance(r, lede.Summary) else str(r) for r in results]
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", help="JSON lines with an article column")
    parser.add_argument("--column", default="article")
    parser.add_argument("--algorithm")
    parser.add_argument("--sentences", type=int)
    args = parser.parse_args(argv)
    frame = pd.read_json(args.input, lines=True, dtype={"id": str})
    if args.column == "article" and "text" in frame.columns:
        frame["article"] = frame["article"].fillna(frame["text"])  # as the CLI reads records
    options = {k: v for k, v in (("algorithm", args.algorithm), ("sentences", args.sentences)) if v is not None}
    result = summarize_column(frame, args.column, **options)
    for row in result.itertuples():
        print(f"== {row.id}")
        if row.error:
            print(f"   error: {row.error}")
        else:
            for text in row.bullets:
                print(f" • {' '.join(text.split())}")


if __name__ == "__main__":
    main()
