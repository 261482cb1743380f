#!/usr/bin/env python3
"""Training pages for the HTML block classifier, with the protocol's domain folds.

Writes one JSON line per page of WCXB dev, scrapinghub and fundus that protocol.py puts in a
fold (frozen-slice pages and pages of frozen domains are left out): set, id, url (the one lede
gets in the protocol, or null), html path, page type (WCXB), the gold body and the fold. The
folds are protocol.py's own (`assign_groups`), so a model trained on folds != k is judged on
fold k exactly as the protocol splits the pages.

Usage: scripts/extract/block_folds.py [--data ../shared/data] [--out bench-out/blocks/pages.jsonl]
"""
import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import protocol  # noqa: E402


def main():
    protocol.reexec_in_venv()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(protocol.ROOT / "../shared/data"))
    ap.add_argument("--out", default=str(protocol.ROOT / "bench-out/blocks/pages.jsonl"))
    args = ap.parse_args()
    data = Path(args.data).resolve()
    pages = protocol.load_sets(data, {"scrapinghub", "wcxb", "fundus"})
    protocol.assign_groups(pages)
    protocol.check_frozen_list(pages, write=False)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    kept = 0
    with open(out, "w") as f:
        for p in pages:
            if p["fold"] is None:
                continue
            kept += 1
            f.write(json.dumps({"set": p["set"], "id": p["id"], "url": p["traf_url"],
                                "path": str(p["path"]), "type": p["gt"].get("page_type"),
                                "gold": p["gt"]["body"], "fold": p["fold"]},
                               ensure_ascii=False) + "\n")
    print(f"{kept} pages in folds written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
