#!/usr/bin/env python3
"""Development loop: score an in-process dump of lede's output on the folds only.

The frozen slice (and the pages whose domain is frozen) is dropped before anything is
scored or listed, so this is safe to run after every change. Reads the rows written by the
`lede-html` `dump_extract` example and, when given, trafilatura's outputs of an earlier
protocol run (OUT/trafilatura.jsonl) for the same pages.

Usage:
  cargo run --release -p lede-html --example dump_extract -- ../shared/data bench-out/dump.jsonl
  scripts/extract/dev_eval.py bench-out/dump.jsonl [--traf bench-out/protocol/trafilatura.jsonl]
      [--worst TYPE] [--compare OLD_DUMP]
"""
import argparse
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import protocol  # noqa: E402

DIRS = {"scrapinghub": "article_extraction_benchmark", "wcxb": "wcxb_dev",
        "fundus": "fundus_dev", "trafilatura": "trafilatura_eval"}


def load_dump(path, types=None):
    out = {}
    for line in open(path):
        row = json.loads(line)
        art = row.get("article") or {}
        out[row["id"]] = "\n\n".join(art.get("paragraphs") or [])
        if types is not None:
            types[row["id"]] = (art.get("page_type"), art.get("readerable"))
    return out


def dump_key(p):
    return f"{DIRS[p['set']]}/{Path(p['path']).name}"


def main():
    protocol.reexec_in_venv()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump")
    ap.add_argument("--data", default=str(protocol.ROOT / "../shared/data"))
    ap.add_argument("--traf", help="trafilatura.jsonl of an earlier protocol run")
    ap.add_argument("--worst", help="list the fold pages of this WCXB page type lede does worst on")
    ap.add_argument("--compare", help="an older dump: list the fold pages whose F1 moved most")
    ap.add_argument("-n", type=int, default=20)
    args = ap.parse_args()
    pages = protocol.load_sets(Path(args.data).resolve(), set(protocol.SETS))
    protocol.assign_groups(pages)
    protocol.check_frozen_list(pages, False)
    pages = [p for p in pages if p["fold"] is not None]
    detected = {}
    dump = load_dump(args.dump, detected)
    for p in pages:
        p["lede_text"] = dump.get(dump_key(p), "")
        p["traf_text"] = ""
    if args.traf:
        protocol.load_trafilatura(pages, Path(args.traf))
    keys = ["lede_text"] + (["traf_text"] if args.traf else [])
    print("set/type | pages | " + " | ".join(k[:4] for k in keys))
    groups = defaultdict(list)
    for p in pages:
        groups[p["set"]].append(p)
        if p["set"] == "wcxb":
            groups["wcxb:" + p["gt"]["page_type"]].append(p)
    for name, g in sorted(groups.items()):
        s = name.split(":")[0]
        print(f"{name} | {len(g)} | " + " | ".join(protocol.fmt(protocol.set_metric(s, g, k))
                                                  for k in keys))
    for s in ("scrapinghub", "wcxb", "fundus", "trafilatura"):
        for k in keys:
            v = [protocol.set_metric(s, [p for p in groups[s] if p["fold"] == f], k)
                 for f in range(5)]
            print(f"folds {s} {k[:4]}: {statistics.mean(v):.3f} ± {statistics.pstdev(v):.3f} "
                  f"[{min(v):.3f}, {max(v):.3f}]")
    confusion = defaultdict(lambda: defaultdict(int))
    for p in groups["wcxb"]:
        got = detected.get(dump_key(p), (None, None))
        confusion[p["gt"]["page_type"]][got[0]] += 1
        confusion[p["gt"]["page_type"]]["readerable"] += bool(got[1])
    print("page type detected (rows: WCXB truth):")
    for truth, row in sorted(confusion.items()):
        print(f"  {truth}: " + ", ".join(f"{k} {v}" for k, v in sorted(row.items(), key=str)))
    if args.worst:
        g = [p for p in groups["wcxb:" + args.worst]]
        g.sort(key=lambda p: protocol.word_f1(p["gt"]["body"], p["lede_text"])
               - protocol.word_f1(p["gt"]["body"], p["traf_text"]))
        for p in g[:args.n]:
            print(p["id"], p["domain"], f"{protocol.word_f1(p['gt']['body'], p['lede_text']):.3f}",
                  f"{protocol.word_f1(p['gt']['body'], p['traf_text']):.3f}",
                  len(p["lede_text"]), len(p["gt"]["body"]))
    if args.compare:
        old = load_dump(args.compare)
        moved = []
        for p in pages:
            if p["set"] in ("wcxb", "fundus", "scrapinghub"):
                a = protocol.word_f1(p["gt"]["body"], old.get(dump_key(p), ""))
                b = protocol.word_f1(p["gt"]["body"], p["lede_text"])
                moved.append((b - a, p["set"], p["id"], p["gt"].get("page_type", ""), a, b))
        moved.sort()
        for row in moved[:args.n] + moved[-args.n:]:
            print(f"{row[0]:+.3f} {row[1]} {row[2]} {row[3]} {row[4]:.3f} -> {row[5]:.3f}")


if __name__ == "__main__":
    main()
