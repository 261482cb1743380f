"""Summarize a JSON-lines corpus with Dask and lede.

    python examples/python/dask_summarize.py corpus.jsonl out/            # threads on this machine
    python examples/python/dask_summarize.py corpus.jsonl out/ --scheduler tcp://host:8786

Each partition of the corpus goes to Rust in one `summarize_many` call. lede
releases the GIL, so Dask's threaded scheduler uses every core of a machine;
on a `dask.distributed` cluster every worker needs the `lede` wheel installed.
Writes `out/NNN.jsonl`, one object per document: the summary as
`lede summarize corpus.jsonl` prints it, or `{"id", "error"}`.
"""

import argparse
import json


def summarize_partition(records, options):
    """Dask partition body: parsed JSON records in, output records out."""
    import lede

    records = list(records)
    texts = [r.get("article", r.get("text")) for r in records]
    results = lede.Summarizer(**options).summarize_many(texts, threads=1)
    out = []
    for record, result in zip(records, results):
        doc_id = str(record.get("id"))
        if isinstance(result, lede.Summary):
            out.append({"id": doc_id, **result.to_dict()})
        else:
            out.append({"id": doc_id, "error": str(result)})
    return out


def summarize_corpus(path, output, options, scheduler="threads", blocksize="16MiB"):
    """Summarizes the corpus at `path` into JSON-lines files under `output`."""
    import dask.bag as db

    compressed = path.endswith(".gz")
    bag = db.read_text(path, blocksize=None if compressed else blocksize)
    results = bag.filter(str.strip).map(json.loads).map_partitions(summarize_partition, options)
    files = results.map(lambda r: json.dumps(r, ensure_ascii=False)).to_textfiles(
        f"{output.rstrip('/')}/*.jsonl", compute=False
    )
    import dask

    if scheduler in ("threads", "processes", "synchronous"):
        dask.compute(files, scheduler=scheduler)
    else:
        from dask.distributed import Client

        with Client(scheduler):
            dask.compute(files)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--scheduler", default="threads", help="threads, processes, or a dask.distributed address")
    parser.add_argument("--blocksize", default="16MiB", help="bytes per partition of an uncompressed corpus")
    parser.add_argument("--sentences", type=int)
    parser.add_argument("--algorithm")
    args = parser.parse_args(argv)
    options = {k: v for k, v in (("sentences", args.sentences), ("algorithm", args.algorithm)) if v is not None}
    summarize_corpus(args.input, args.output, options, args.scheduler, args.blocksize)


if __name__ == "__main__":
    main()
