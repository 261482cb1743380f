#!/usr/bin/env python3
"""Extraction benchmark protocol: lede vs trafilatura on the same pages, in one run.

Sets (under --data): scrapinghub `article_extraction_benchmark` (shingle P/R/F1, as its
evaluate.py), `wcxb_dev` (per-page word F1 of lowercase `\\w+` bags, mean; snippet rates),
`fundus_dev` (word F1 against `body`), `trafilatura_eval` (snippet pass rate).

Generalisation: every page gets the registered domain of its URL. A frozen test slice
(WCXB: `int(sha256(domain)[:8], 16) % 5 == 0`; fundus: the same on the publisher name) is
reported separately and never enters a fold; its membership is the committed list
`frozen_slice.tsv` beside this script, checked on every run. The other pages are split into
5 folds by `int(sha256("fold:" + domain)[:8], 16) % 5`, across all sets; pages of any set
whose domain is a frozen domain are left out of the folds.

Metadata (WCXB, fundus): title, authors and publication date of `lede extract --format json
--url URL` and of `trafilatura.bare_extraction(html, url=url, with_metadata=True)` against the
ground truth, on the fold pages and on the frozen slice, with fold means and spread. Page
types: lede's `page_type` against the WCXB label on the fold pages (counts, recall,
precision). Speed: single-thread pages/s on wcxb_dev for both, in this run.

Usage: scripts/extract/protocol.py [--data ../shared/data] [--out bench-out/protocol]
(re-runs itself inside .venv-extract, creating it with setup_venv.sh when missing).
"""
import argparse
import gzip
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
VENV_PY = ROOT / ".venv-extract/bin/python"
FROZEN_LIST = HERE / "frozen_slice.tsv"
WORD = re.compile(r"\w+")
SETS = ("scrapinghub", "wcxb", "fundus", "trafilatura")


def reexec_in_venv():
    if Path(sys.prefix).resolve() == VENV_PY.parents[1].resolve():
        return
    if not VENV_PY.exists():
        subprocess.run(["bash", str(HERE / "setup_venv.sh")], check=True)
    os.execv(str(VENV_PY), [str(VENV_PY), sys.argv[0], *sys.argv[1:]])


def hash5(key, salt=""):
    return int(hashlib.sha256((salt + key).encode()).hexdigest()[:8], 16) % 5


# ---------------------------------------------------------------- loading

def read_html(path):
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.suffix == ".gz" else raw


def load_sets(data, wanted):
    pages = []
    if "scrapinghub" in wanted:
        base = data / "article_extraction_benchmark"
        for line in open(base / "ground_truth.jsonl"):
            r = json.loads(line)
            pages.append({"set": "scrapinghub", "id": r["id"], "url": r["url"],
                          "path": base / r["html_path"], "gt": r, "traf_url": None})
    if "wcxb" in wanted:
        base = data / "wcxb_dev"
        for line in gzip.open(base / "ground_truth.jsonl.gz", "rt"):
            r = json.loads(line)
            pages.append({"set": "wcxb", "id": r["id"], "url": r["url"],
                          "path": base / "html" / f"{r['id']}.html.gz", "gt": r,
                          "traf_url": r["url"]})
    if "fundus" in wanted:
        base = data / "fundus_dev"
        for line in gzip.open(base / "ground_truth.jsonl.gz", "rt"):
            r = json.loads(line)
            pages.append({"set": "fundus", "id": r["id"], "url": r["url"],
                          "path": base / "html" / f"{r['id']}.html.gz", "gt": r,
                          "traf_url": r["url"]})
    if "trafilatura" in wanted:
        base = data / "trafilatura_eval"
        for line in open(base / "evaldata.jsonl"):
            r = json.loads(line)
            pages.append({"set": "trafilatura", "id": r["id"], "url": r["url"],
                          "path": base / r["html_path"], "gt": r, "traf_url": None})
    for p in pages:
        p["html"] = read_html(p["path"])
    return pages


def registered_domain(url, page_id, _extract=[]):
    """eTLD+1 of the URL (tldextract's bundled public suffix list, no network)."""
    if not _extract:
        import tldextract
        _extract.append(tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None))
    m = re.search(r"https?://", url or "")
    if m:
        host = url[m.start():]
    else:  # pages without a URL: their file name starts with the host
        host = "http://" + re.split(r"[-_]", page_id.removesuffix(".html"))[0]
    parts = _extract[0](host)
    if parts.suffix and parts.domain:
        return f"{parts.domain}.{parts.suffix}".lower()
    return (parts.domain or host).lower()


def assign_groups(pages):
    """Sets `domain`, `frozen` and `fold` (None for frozen pages) on every page."""
    frozen_domains = set()
    for p in pages:
        p["domain"] = registered_domain(p["url"], p["id"])
        if p["set"] == "wcxb":
            p["frozen"] = hash5(p["domain"]) == 0
        elif p["set"] == "fundus":
            p["frozen"] = hash5(p["gt"]["publisher"]) == 0
        else:
            p["frozen"] = False
        if p["frozen"]:
            frozen_domains.add(p["domain"])
    for p in pages:
        p["excluded"] = not p["frozen"] and p["domain"] in frozen_domains
        p["fold"] = None if p["frozen"] or p["excluded"] else hash5(p["domain"], "fold:")


def check_frozen_list(pages, write):
    rows = sorted((p["set"], p["id"], p["domain"] if p["set"] == "wcxb" else p["gt"]["publisher"])
                  for p in pages if p["frozen"])
    text = "set\tid\tkey\n" + "".join("\t".join(r) + "\n" for r in rows)
    if write:
        FROZEN_LIST.write_text(text)
        return
    committed = FROZEN_LIST.read_text() if FROZEN_LIST.exists() else ""
    sets_here = {p["set"] for p in pages}
    kept = [line for line in committed.splitlines()[1:] if line.split("\t")[0] in sets_here]
    if kept != text.splitlines()[1:]:
        sys.exit(f"frozen slice differs from {FROZEN_LIST.name}: refusing to run "
                 "(rerun with --write-frozen only when the data itself changed)")


# ---------------------------------------------------------------- running

def lede_exe(given):
    if given:
        return Path(given).resolve()
    subprocess.run(["cargo", "build", "-q", "--release", "-p", "lede-cli"], check=True, cwd=ROOT)
    return ROOT / "target/release/lede"


def run_lede(exe, pages):
    """`lede extract - --format json` per page (with `--url` where trafilatura gets the URL
    too); records the output and wall seconds."""
    for p in pages:
        url = ["--url", p["traf_url"]] if p["traf_url"] else []
        start = time.perf_counter()
        res = subprocess.run([str(exe), "extract", "-", "--format", "json", *url],
                             input=p["html"], capture_output=True)
        p["lede_s"] = time.perf_counter() - start
        try:
            art = json.loads(res.stdout)
        except ValueError:
            art = {}
        p["lede"] = art
        p["lede_text"] = "\n\n".join(art.get("paragraphs") or [])


def lede_in_process_speed(data, pages, repeat):
    """Pages/s of `lede_html::extract_bytes` in one process (the bench_extract example)."""
    built = subprocess.run(["cargo", "build", "-q", "--release", "-p", "lede-html",
                            "--example", "bench_extract"], cwd=ROOT)
    if built.returncode != 0:
        return None
    manifest = ROOT / "bench-out" / "wcxb_manifest.jsonl"
    manifest.parent.mkdir(exist_ok=True)
    manifest.write_text("".join(json.dumps({"id": p["id"], "html_path": f"html/{p['id']}.html.gz"})
                                + "\n" for p in pages))
    out = subprocess.run([str(ROOT / "target/release/examples/bench_extract"), str(manifest),
                          str(data / "wcxb_dev"), str(repeat)],
                         check=True, capture_output=True, text=True).stdout
    summary = json.loads(out.splitlines()[-1])
    return summary["pages"] * summary["repeat"] / summary["seconds"]


def run_trafilatura(pages):
    import trafilatura
    for p in pages:
        start = time.perf_counter()
        p["traf_text"] = trafilatura.extract(p["html"], url=p["traf_url"]) or ""
        p["traf_s"] = time.perf_counter() - start
    for p in pages:
        if p["set"] in ("wcxb", "fundus"):
            doc = trafilatura.bare_extraction(p["html"], url=p["traf_url"], with_metadata=True)
            p["traf_meta"] = {"title": getattr(doc, "title", None) or "",
                              "author": getattr(doc, "author", None) or "",
                              "date": getattr(doc, "date", None) or ""}
    return trafilatura.__version__


TRAF_KEYS = ("traf_text", "traf_s", "traf_meta")


def save_trafilatura(pages, path, version):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as f:
        f.write(json.dumps({"version": version}) + "\n")
        for p in pages:
            f.write(json.dumps({"set": p["set"], "id": p["id"],
                                **{k: p.get(k) for k in TRAF_KEYS}}) + "\n")


def load_trafilatura(pages, path):
    """Trafilatura's outputs and timings from an earlier run (same pages)."""
    with open(path) as f:
        version = json.loads(f.readline())["version"]
        rows = {(r["set"], r["id"]): r for r in map(json.loads, f)}
    for p in pages:
        r = rows[(p["set"], p["id"])]
        p.update({k: r[k] for k in TRAF_KEYS if r[k] is not None})
    return version


# ---------------------------------------------------------------- metrics

def word_f1(ref, hyp):
    r = Counter(w.lower() for w in WORD.findall(ref or ""))
    h = Counter(w.lower() for w in WORD.findall(hyp or ""))
    if not r:
        return 1.0 if not h else 0.0
    overlap = sum(min(c, h[w]) for w, c in r.items())
    if not overlap:
        return 0.0
    prec, rec = overlap / sum(h.values()), overlap / sum(r.values())
    return 2 * prec * rec / (prec + rec)


def ws(s):
    return " ".join((s or "").split())


def snippets(gt, text):
    """(with found, with total, without absent, without total, page passes)."""
    out = ws(text)
    w = [ws(s) in out for s in gt.get("with") or []]
    wo = [ws(s) in out for s in gt.get("without") or []]
    return sum(w), len(w), len(wo) - sum(wo), len(wo), all(w) and not any(wo)


def reference(p):
    return p["gt"]["body"]


def mean(xs):
    xs = list(xs)
    return statistics.mean(xs) if xs else float("nan")


def shingle_f1(group, key):
    from bench import scores, tp_fp_fn
    return scores([tp_fp_fn(p["gt"]["body"], p[key]) for p in group])


def pass_rate(group, key):
    return mean(float(snippets(p["gt"], p[key])[4]) for p in group)


def set_metric(name, group, key):
    """Each benchmark's own headline metric over `group`."""
    if not group:
        return float("nan")
    if name == "scrapinghub":
        return shingle_f1(group, key)[2]
    if name == "trafilatura":
        return pass_rate(group, key)
    return mean(word_f1(reference(p), p[key]) for p in group)


# ---------------------------------------------------------------- metadata

QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-", "\u00a0": " "})


def norm_text(s):
    s = unicodedata.normalize("NFKC", s or "").translate(QUOTES).casefold()
    return ws(s).strip(" .:;,!|-")


def norm_date(s):
    s = (s or "").strip()
    if not s:
        return ""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return m.group(0)
    try:
        from dateutil import parser
        return parser.parse(s, fuzzy=True).strftime("%Y-%m-%d")
    except (ValueError, OverflowError, TypeError):
        return ""


def author_set(value):
    names = value if isinstance(value, list) else re.split(r"\s*(?:[,;&|/]|\band\b|\bund\b)\s*",
                                                             value or "")
    out = set()
    for n in names:
        n = re.sub(r"^(by|von|par|por)\s+", "", norm_text(n))
        if n:
            out.add(n)
    return out


def set_f1(a, b):
    if not a and not b:
        return 1.0
    inter = len(a & b)
    return 2 * inter / (len(a) + len(b)) if inter else 0.0


def gt_meta(p):
    g = p["gt"]
    if p["set"] == "wcxb":
        return g.get("title") or "", g.get("author") or "", g.get("publish_date") or ""
    return g.get("title") or "", g.get("authors") or [], g.get("publishing_date") or ""


def meta_of(p, system):
    if system == "lede":
        a = p["lede"]
        return a.get("title") or "", a.get("authors") or [], a.get("published") or ""
    m = p["traf_meta"]
    return m["title"], [x for x in re.split(r"\s*;\s*", m["author"]) if x], m["date"]


def page_meta_scores(p, system):
    """Per-page metadata outcomes: title exact/norm, author exact/F1 (or spurious), date."""
    gt_t, gt_a, gt_d = gt_meta(p)
    t, a, d = meta_of(p, system)
    out = {}
    if gt_t.strip():
        out["t_ex"] = ws(t) == ws(gt_t)
        out["t_no"] = norm_text(t) == norm_text(gt_t)
    ga, sa = author_set(gt_a), author_set(a)
    if ga:
        out["a_ex"] = ga == sa
        out["a_f1"] = set_f1(ga, sa)
    else:
        out["a_spur"] = bool(sa)
    gd = norm_date(gt_d)
    if gd:
        out["d_ex"] = d.strip() == gt_d.strip()
        out["d_no"] = norm_date(d) == gd
    else:
        out["d_spur"] = bool(norm_date(d))
    return out


META_SCOPES = (("folds", lambda p: p["fold"] is not None), ("frozen", lambda p: p["frozen"]))


def metadata_table(pages):
    """Rows per set, scope (fold pages, frozen slice) and system."""
    rows = []
    for set_name in ("wcxb", "fundus"):
        for scope, keep in META_SCOPES:
            group = [p for p in pages if p["set"] == set_name and keep(p)]
            if not group:
                continue
            for system in ("lede", "trafilatura"):
                scores = [page_meta_scores(p, system) for p in group]
                col = lambda k: [s[k] for s in scores if k in s]
                rows.append((set_name, scope, system, len(col("t_ex")), mean(col("t_ex")),
                             mean(col("t_no")), len(col("a_ex")), mean(col("a_ex")),
                             mean(col("a_f1")), sum(col("a_spur")), len(col("a_spur")),
                             len(col("d_ex")), mean(col("d_ex")), mean(col("d_no")),
                             sum(col("d_spur")), len(col("d_spur"))))
    return rows


def metadata_folds(pages):
    """Fold means and spread (population sd over the 5 domain folds) of title norm, author
    set F1 and date YYYY-MM-DD, per set and system."""
    rows = []
    for set_name in ("wcxb", "fundus"):
        group = [p for p in pages if p["set"] == set_name and p["fold"] is not None]
        if not group:
            continue
        for system in ("lede", "trafilatura"):
            cells = []
            for key in ("t_no", "a_f1", "d_no"):
                per_fold = []
                for fold in range(5):
                    vals = [s[key] for s in (page_meta_scores(p, system) for p in group
                                             if p["fold"] == fold) if key in s]
                    if vals:
                        per_fold.append(mean(vals))
                cells.append((mean(per_fold), statistics.pstdev(per_fold) if per_fold else 0.0))
            rows.append((set_name, system, cells))
    return rows


# ---------------------------------------------------------------- page types

def page_type_table(pages, frozen=False):
    """Per WCXB label on the fold pages (or the frozen slice): how often lede's `page_type`
    said each type (an empty or failed output counts as `none`), and `readerable`: how many
    were readerable."""
    rows = defaultdict(Counter)
    for p in pages:
        if p["set"] == "wcxb" and (p["frozen"] if frozen else p["fold"] is not None):
            row = rows[p["gt"]["page_type"]]
            row[p["lede"].get("page_type") or "none"] += 1
            row["readerable"] += bool(p["lede"].get("readerable"))
    return rows


# ---------------------------------------------------------------- report

def fmt(x):
    return "-" if x != x else f"{x:.3f}"


def report(pages, traf_version, speed, args):
    by_set = defaultdict(list)
    for p in pages:
        by_set[p["set"]].append(p)
    sets_here = [s for s in SETS if s in by_set]
    print(f"# lede vs trafilatura {traf_version}, same run\n")

    print("## Overall (all pages of each set)\n")
    print("| set | pages | metric | lede | trafilatura |")
    print("|---|---|---|---|---|")
    labels = {"scrapinghub": "shingle F1", "wcxb": "word F1 (mean)",
              "fundus": "word F1 (mean)", "trafilatura": "pages passed"}
    for s in sets_here:
        g = by_set[s]
        print(f"| {s} | {len(g)} | {labels[s]} | {fmt(set_metric(s, g, 'lede_text'))} | "
              f"{fmt(set_metric(s, g, 'traf_text'))} |")
    if "scrapinghub" in by_set:
        lp, lr, lf = shingle_f1(by_set["scrapinghub"], "lede_text")
        tp, tr, tf = shingle_f1(by_set["scrapinghub"], "traf_text")
        print(f"\nscrapinghub P/R/F1: lede {lp:.3f}/{lr:.3f}/{lf:.3f}, "
              f"trafilatura {tp:.3f}/{tr:.3f}/{tf:.3f}")

    if "wcxb" in by_set:
        print("\n## WCXB dev by page type (word F1; snippets: share of `with` found, share of "
              "`without` absent, pages passing both)\n")
        print("| page type | pages | lede F1 | traf F1 | lede with/without/pass | "
              "traf with/without/pass |")
        print("|---|---|---|---|---|---|")
        types = defaultdict(list)
        for p in by_set["wcxb"]:
            types[p["gt"]["page_type"]].append(p)
        for t, g in sorted(types.items(), key=lambda kv: -len(kv[1])) + [("all", by_set["wcxb"])]:
            cells = []
            for key in ("lede_text", "traf_text"):
                sn = [snippets(p["gt"], p[key]) for p in g]
                w = sum(x[0] for x in sn) / max(1, sum(x[1] for x in sn))
                wo = sum(x[2] for x in sn) / max(1, sum(x[3] for x in sn))
                cells.append(f"{w:.3f}/{wo:.3f}/{mean(x[4] for x in sn):.3f}")
            print(f"| {t} | {len(g)} | {fmt(set_metric('wcxb', g, 'lede_text'))} | "
                  f"{fmt(set_metric('wcxb', g, 'traf_text'))} | {cells[0]} | {cells[1]} |")

    if "fundus" in by_set:
        print("\n## fundus_dev by country (word F1 against `body`)\n")
        print("| country | pages | lede | trafilatura |")
        print("|---|---|---|---|")
        countries = defaultdict(list)
        for p in by_set["fundus"]:
            countries[p["gt"]["country"]].append(p)
        for c, g in sorted(countries.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"| {c} | {len(g)} | {fmt(set_metric('fundus', g, 'lede_text'))} | "
                  f"{fmt(set_metric('fundus', g, 'traf_text'))} |")

    print("\n## Folds grouped by registered domain (frozen slice and its domains left out)\n")
    pooled_sets = [s for s in ("scrapinghub", "wcxb", "fundus") if s in by_set]
    head = " | ".join(f"{s} lede | {s} traf" for s in sets_here)
    print(f"| fold | pages | {head} | pooled word F1 lede | pooled word F1 traf |")
    print("|---" * (4 + 2 * len(sets_here)) + "|")
    fold_values = defaultdict(list)
    for f in range(5):
        in_fold = [p for p in pages if p["fold"] == f]
        cells = []
        for s in sets_here:
            g = [p for p in in_fold if p["set"] == s]
            for key, who in (("lede_text", "lede"), ("traf_text", "traf")):
                v = set_metric(s, g, key)
                fold_values[(s, who)].append(v)
                cells.append(fmt(v) + (f" ({len(g)})" if who == "lede" else ""))
        pooled = [p for p in in_fold if p["set"] in pooled_sets]
        for key, who in (("lede_text", "lede"), ("traf_text", "traf")):
            v = mean(word_f1(reference(p), p[key]) for p in pooled)
            fold_values[("pooled", who)].append(v)
            cells.append(fmt(v))
        print(f"| {f} | {len(in_fold)} | " + " | ".join(cells) + " |")
    print("\n| set | lede mean ± std [min, max] | trafilatura mean ± std [min, max] |")
    print("|---|---|---|")
    for s in sets_here + ["pooled"]:
        cells = []
        for who in ("lede", "traf"):
            v = fold_values[(s, who)]
            cells.append(f"{mean(v):.3f} ± {statistics.pstdev(v):.3f} [{min(v):.3f}, {max(v):.3f}]")
        print(f"| {s} | {cells[0]} | {cells[1]} |")
    if "wcxb" in by_set:
        print("\n| WCXB page type, fold pages | pages | lede mean ± std | trafilatura mean ± std |")
        print("|---|---|---|---|")
        types = defaultdict(list)
        for p in by_set["wcxb"]:
            if p["fold"] is not None:
                types[p["gt"]["page_type"]].append(p)
        for t, g in sorted(types.items(), key=lambda kv: -len(kv[1])):
            cells = []
            for key in ("lede_text", "traf_text"):
                v = [set_metric("wcxb", [p for p in g if p["fold"] == f], key) for f in range(5)]
                cells.append(f"{mean(v):.3f} ± {statistics.pstdev(v):.3f}")
            print(f"| {t} | {len(g)} | {cells[0]} | {cells[1]} |")
    excluded = Counter(p["set"] for p in pages if p["excluded"])
    print(f"\nLeft out of the folds because their domain is frozen: {dict(excluded) or 'none'}.")

    print("\n## Frozen internal test slice (frozen: report only)\n")
    print("| set | pages | domains/publishers | lede | trafilatura |")
    print("|---|---|---|---|---|")
    for s in ("wcxb", "fundus"):
        g = [p for p in by_set.get(s, []) if p["frozen"]]
        if g:
            keys = {p["domain"] if s == "wcxb" else p["gt"]["publisher"] for p in g}
            print(f"| {s} (frozen: report only) | {len(g)} | {len(keys)} | "
                  f"{fmt(set_metric(s, g, 'lede_text'))} | {fmt(set_metric(s, g, 'traf_text'))} |")
    g = [p for p in by_set.get("wcxb", []) if p["frozen"]]
    if g:
        types = defaultdict(list)
        for p in g:
            types[p["gt"]["page_type"]].append(p)
        print("\n| WCXB frozen slice by page type | pages | lede | trafilatura |")
        print("|---|---|---|---|")
        for t, tg in sorted(types.items(), key=lambda kv: -len(kv[1])):
            print(f"| {t} | {len(tg)} | {fmt(set_metric('wcxb', tg, 'lede_text'))} | "
                  f"{fmt(set_metric('wcxb', tg, 'traf_text'))} |")

    types = page_type_table(pages)
    if types:
        print("\n## Page type detected (`page_type`) against the WCXB label, fold pages\n")
        names = sorted(({t for row in types.values() for t in row} | set(types))
                       - {"readerable"})
        print("| WCXB label | pages | " + " | ".join(names) + " | recall | precision "
              "| readerable |")
        print("|---" * (len(names) + 5) + "|")
        detected = Counter()
        for row in types.values():
            detected.update({k: v for k, v in row.items() if k != "readerable"})
        for truth, row in sorted(types.items()):
            n = sum(v for k, v in row.items() if k != "readerable")
            prec = row.get(truth, 0) / detected[truth] if detected[truth] else float("nan")
            print(f"| {truth} | {n} | " + " | ".join(str(row.get(t, 0)) for t in names)
                  + f" | {fmt(row.get(truth, 0) / n)} | {fmt(prec)} | "
                  f"{fmt(row['readerable'] / n)} |")
        n = sum(detected.values())
        right = sum(row.get(t, 0) for t, row in types.items())
        print(f"\nRight on {right} of {n} fold pages ({right / n:.3f}). The embedded page-type "
              "model is trained on these pages: its out-of-fold accuracy is "
              "`train_ptypes.sh --cv`'s.")
        frozen = page_type_table(pages, frozen=True)
        if frozen:
            n = sum(v for row in frozen.values() for k, v in row.items() if k != "readerable")
            right = sum(row.get(t, 0) for t, row in frozen.items())
            by = ", ".join(f"{t} {row.get(t, 0)}/{sum(v for k, v in row.items() if k != 'readerable')}"
                           for t, row in sorted(frozen.items()))
            print(f"\nFrozen slice (report only): right on {right} of {n} pages "
                  f"({right / n:.3f}); by label {by}.")

    meta = metadata_table(pages)
    if meta:
        print("\n## Metadata accuracy (pages whose ground truth has the field)\n")
        print("| set | pages | system | title n | title exact | title norm | authors n | authors "
              "exact set | authors set F1 | authors given where none | dates n | date exact "
              "| date YYYY-MM-DD | date given where none |")
        print("|---" * 14 + "|")
        for r in meta:
            (s, scope, who, tn, te, tno, an, ae, af, asp, aem, dn, de, dno, dsp, dem) = r
            print(f"| {s} | {scope} | {who} | {tn} | {fmt(te)} | {fmt(tno)} | {an} | {fmt(ae)} "
                  f"| {fmt(af)} | {asp}/{aem} | {dn} | {fmt(de)} | {fmt(dno)} | {dsp}/{dem} |")
        print("\n| set | system | title norm, fold mean ± sd | authors set F1 | date YYYY-MM-DD |")
        print("|---|---|---|---|---|")
        for s, who, cells in metadata_folds(pages):
            print(f"| {s} | {who} | " + " | ".join(f"{fmt(m)} ± {fmt(sd)}" for m, sd in cells)
                  + " |")

    if speed:
        print("\n## Speed on wcxb_dev (single thread, pages/s; HTML already in memory)\n")
        print("| measure | lede | trafilatura | ratio |")
        print("|---|---|---|---|")
        t = speed["traf"]
        if speed.get("lede_in_process"):
            li = speed["lede_in_process"]
            print(f"| in process (lede_html::extract_bytes, mean of {args.repeat} rounds; "
                  f"trafilatura.extract) | {li:.1f} | {t:.1f} | {li / t:.1f}x |")
        lc = speed["lede_cli"]
        print(f"| `lede extract - --format json`, one process per page (spawn included) | "
              f"{lc:.1f} | {t:.1f} | {lc / t:.1f}x |")

    if "wcxb" in by_set:
        print(f"\n## The {args.worst} WCXB pages where lede trails trafilatura most\n")
        print("| id | page type | domain | lede F1 | traf F1 | frozen |")
        print("|---|---|---|---|---|---|")
        diffs = sorted(by_set["wcxb"], key=lambda p: word_f1(p["gt"]["body"], p["lede_text"])
                       - word_f1(p["gt"]["body"], p["traf_text"]))
        for p in [p for p in diffs if not p["frozen"]][:args.worst]:
            print(f"| {p['id']} | {p['gt']['page_type']} | {p['domain']} | "
                  f"{word_f1(p['gt']['body'], p['lede_text']):.3f} | "
                  f"{word_f1(p['gt']['body'], p['traf_text']):.3f} | no |")
        print("\n(frozen pages are never listed here.)")


def dump(pages, out):
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "pages.jsonl", "w") as f:
        for p in pages:
            row = {k: p.get(k) for k in ("set", "id", "url", "domain", "frozen", "excluded", "fold",
                                         "lede_text", "traf_text", "lede_s", "traf_s")}
            row["lede_page_type"] = p["lede"].get("page_type")
            row["lede_meta"] = {k: p["lede"].get(k) for k in ("title", "authors", "published",
                                                              "language")}
            row["traf_meta"] = p.get("traf_meta")
            if p["set"] in ("wcxb", "fundus", "scrapinghub"):
                row["lede_f1"] = word_f1(p["gt"]["body"], p["lede_text"])
                row["traf_f1"] = word_f1(p["gt"]["body"], p["traf_text"])
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def main():
    reexec_in_venv()
    sys.path.insert(0, str(HERE))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT / "../shared/data"))
    ap.add_argument("--sets", default=",".join(SETS), help="comma list of " + ",".join(SETS))
    ap.add_argument("--out", default=str(ROOT / "bench-out/protocol"), help="per-page results")
    ap.add_argument("--repeat", type=int, default=3, help="lede in-process timing rounds")
    ap.add_argument("--lede", help="a built lede binary (default: build target/release/lede)")
    ap.add_argument("--no-in-process", action="store_true",
                    help="skip the in-process speed run (the lede-html bench_extract example)")
    ap.add_argument("--reuse-trafilatura", action="store_true",
                    help="take trafilatura's outputs and timings from OUT/trafilatura.jsonl")
    ap.add_argument("--worst", type=int, default=15)
    ap.add_argument("--write-frozen", action="store_true",
                    help="rewrite frozen_slice.tsv (only when the data itself changed)")
    args = ap.parse_args()
    wanted = set(args.sets.split(","))
    unknown = wanted - set(SETS)
    if unknown:
        sys.exit(f"unknown sets: {sorted(unknown)}")
    data = Path(args.data).resolve()
    pages = load_sets(data, wanted)
    assign_groups(pages)
    check_frozen_list(pages, args.write_frozen)
    cache = Path(args.out) / "trafilatura.jsonl"
    if args.reuse_trafilatura:
        traf_version = load_trafilatura(pages, cache)
    else:
        traf_version = run_trafilatura(pages)
        save_trafilatura(pages, cache, traf_version)
    exe = lede_exe(args.lede)
    run_lede(exe, pages)
    wcxb = [p for p in pages if p["set"] == "wcxb"]
    speed = None
    if wcxb:
        speed = {"traf": len(wcxb) / sum(p["traf_s"] for p in wcxb),
                 "lede_cli": len(wcxb) / sum(p["lede_s"] for p in wcxb),
                 "lede_in_process": None if args.no_in_process
                 else lede_in_process_speed(data, wcxb, args.repeat)}
    dump(pages, Path(args.out))
    report(pages, traf_version, speed, args)


if __name__ == "__main__":
    main()
