#!/usr/bin/env python3
"""The "Languages" tables of BENCHMARKS.md.

    python3 scripts/bench/languages.py orangesum [--settings T:D:LR ...]
    python3 scripts/bench/languages.py fundus
    python3 scripts/bench/languages.py junk [--write FIXTURE]
    python3 scripts/bench/languages.py detect

orangesum: French one-sentence summaries (OrangeSum, `../shared/data/orangesum_fr.jsonl.gz`),
multilingual ROUGE (`lede eval --language fr`: Unicode tokens, Snowball French stems).
Training settings are chosen by 5 folds over the 10,000 training docs
(fold = int(sha256(id)[:8], 16) % 5; train on four, score the fifth with `lede train
--valid`), reported as mean +- population std over the folds; then the chosen setting is
trained on all of train and scored on the 1,500 validation docs beside Lead-1, the
embedded English model, TextRank and the oracle's ceiling.

fundus: the publishers' teasers in `../shared/data/fundus_dev` as references, learned vs
lead per language (multilingual ROUGE, the page's detected language), then pooled over every
language but English and over the detected languages without a model of their own.

junk: `lede summarize` on every page of `trafilatura_eval` and `fundus_dev` (the page files
byte for byte, so lede detects the charset), checks the bullets of the non-English pages
against the junk patterns below and against the committed hand-checked fixture
`scripts/bench/no_junk.jsonl` (page id, language, each bullet with its verdict and the
patterns' flags); exits non-zero on a flagged bullet the fixture does not know, a bullet
whose flags changed, or an unread bullet, and lists the bullets read as junk.

detect: language detection on every fundus_dev page, the language `lede summarize` reports
against the languages the publisher's country implies; prints the accuracy and each exception.

Needs `cargo build --release -p lede-cli` (the script builds it). Scratch files go to
bench-out/languages.
"""

import argparse
import gzip
import hashlib
import json
import os
import random
import re
import statistics
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "..", "shared", "data")
OUT = os.path.join(ROOT, "bench-out", "languages")
LEDE = os.environ.get("LEDE", os.path.join(ROOT, "target", "release", "lede"))
ORANGESUM = os.path.join(DATA, "orangesum_fr.jsonl.gz")
FOLDS = 5


def build():
    if "LEDE" in os.environ:
        return
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "lede-cli"], cwd=ROOT, check=True)


def fold_of(doc_id):
    return int(hashlib.sha256(doc_id.encode()).hexdigest()[:8], 16) % FOLDS


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def split_orangesum():
    """train.jsonl, valid.jsonl and fold{k}_{train,valid}.jsonl under OUT."""
    rows = {"train": [], "valid": []}
    with gzip.open(ORANGESUM, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            rows[d["split"]].append(d)
    paths = {}
    for split, docs in rows.items():
        paths[split] = os.path.join(OUT, f"{split}.jsonl")
        write_jsonl(paths[split], docs)
    for k in range(FOLDS):
        held = [d for d in rows["train"] if fold_of(d["id"]) == k]
        rest = [d for d in rows["train"] if fold_of(d["id"]) != k]
        write_jsonl(os.path.join(OUT, f"fold{k}_valid.jsonl"), held)
        write_jsonl(os.path.join(OUT, f"fold{k}_train.jsonl"), rest)
    return paths


ROW = re.compile(r"^\s+(model \(|Lead-1 |oracle \()(.*?)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)$")


def train(train_path, valid_path, setting, output):
    trees, depth, lr, oracle_sentences = setting
    cmd = [LEDE, "train", train_path, "--valid", valid_path, "-o", output, "--language", "fr",
           "-s", "1", "--max-overlap", "0.4", "--trees", str(trees), "--depth", str(depth),
           "--learning-rate", str(lr), "--oracle-sentences", str(oracle_sentences),
           "--report-every", "0", "--no-progress"]
    err = subprocess.run(cmd, check=True, capture_output=True, text=True).stderr
    rows = {}
    for line in err.splitlines():
        m = ROW.match(line)
        if m:
            name = m.group(1).split()[0].strip("(").lower()
            rows[name] = tuple(float(m.group(i)) for i in (3, 4, 5))
    return rows, err


def mean_std(values):
    return statistics.mean(values), statistics.pstdev(values)


def evaluate(args_list, data):
    """R1/R2/RLsum F1 x100 of `lede eval --language fr DATA args...`."""
    cmd = [LEDE, "eval", data, "--language", "fr", "--format", "json", "--samples", "200"]
    out = subprocess.run(cmd + args_list, check=True, capture_output=True, text=True)
    scores = json.loads(out.stdout)["scores"]
    return tuple(100 * scores[t]["fmeasure"]["mean"] for t in ("rouge1", "rouge2", "rougeLsum"))


def oracle(data):
    cmd = [LEDE, "oracle", data, "--language", "fr", "--max-sentences", "1", "-f", "json"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    scores = json.loads(out.stdout)["scores"]
    return tuple(100 * scores[t]["fmeasure"]["mean"] for t in ("rouge1", "rouge2", "rougeLsum"))


def fmt(r):
    return " | ".join(f"{x:.2f}" for x in r)


def orangesum(settings, model_out, folds_only):
    os.makedirs(OUT, exist_ok=True)
    paths = split_orangesum()
    print(f"## OrangeSum folds ({FOLDS} folds over train, one-sentence summaries, "
          "multilingual ROUGE F1 x100, mean +- std over folds)\n")
    print("| trees:depth:lr:oracle sentences | model R1 | model R2 | model RLsum | Lead-1 R1 | oracle R1 |")
    print("|---|---|---|---|---|---|")
    best = None
    for setting in settings:
        per_fold = []
        for k in range(FOLDS):
            rows, _ = train(os.path.join(OUT, f"fold{k}_train.jsonl"),
                            os.path.join(OUT, f"fold{k}_valid.jsonl"), setting,
                            os.path.join(OUT, f"fold{k}.lmdl"))
            per_fold.append(rows)
        cells = []
        for name, i in (("model", 0), ("model", 1), ("model", 2), ("lead-1", 0), ("oracle", 0)):
            m, s = mean_std([r[name][i] for r in per_fold])
            cells.append(f"{m:.2f} ± {s:.2f}")
        label = ":".join(str(x) for x in setting)
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
        score = statistics.mean(statistics.mean(r["model"]) for r in per_fold)
        if best is None or score > best[0]:
            best = (score, setting)
    chosen = best[1]
    print(f"\nchosen by fold mean of (R1 + R2 + RLsum) / 3: {':'.join(map(str, chosen))}\n")
    if folds_only:
        return
    rows, err = train(paths["train"], paths["valid"], chosen, model_out)
    sys.stderr.write(err)
    valid = paths["valid"]
    print("## OrangeSum valid (1,500 docs), one sentence, `lede eval --language fr`\n")
    print("| system | R1 | R2 | RLsum |")
    print("|---|---|---|---|")
    systems = [
        ("Lead-1", ["-a", "lead", "-s", "1"]),
        ("TextRank", ["-a", "textrank", "-s", "1"]),
        ("learned, English model (CNN/DM)", ["-s", "1", "--model",
                                             os.path.join(ROOT, "crates/lede/model/cnndm.lmdl")]),
        ("learned, French model (this run)", ["-s", "1", "--model", model_out]),
        ("learned, embedded default (picks by language)", ["-s", "1"]),
    ]
    for name, extra in systems:
        print(f"| {name} | {fmt(evaluate(extra, valid))} |", flush=True)
    print(f"| oracle, 1 sentence (ceiling) | {fmt(oracle(valid))} |")


TRAFILATURA = os.path.join(DATA, "trafilatura_eval")
FUNDUS = os.path.join(DATA, "fundus_dev")
JUNK_FIXTURE = os.path.join(ROOT, "scripts", "bench", "no_junk.jsonl")

# What a bullet must never be: datelines, captions and credits, account /
# cookie / newsletter messages and navigation, in the languages of the pages.
JUNK = {
    "dateline": re.compile(
        r"^\W*(?:[\w .,'-]{0,40}?)\b\d{1,2}[.,]?\s+\w+,?\s+\d{4}\b[\s,]*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|uhr|h)?)?\W*$"
        r"|^\W*\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:\s+\d{1,2}[:.]\d{2})?\W*$", re.I),
    "caption or credit": re.compile(
        r"(?:^|\W)(?:foto|fotos|photo|photos|bild|bilder|image|crédit|credit|quelle|fuente|"
        r"imagen|grafik|illustration)\s*(?::|/|©)|©|\b(?:getty images|imago images|keystone-sda|"
        r"picture alliance|dpa-infocom)\b", re.I),
    "account, cookie or newsletter": re.compile(
        r"\b(?:newsletter|cookies?|aktivierungslink|benutzerkonto|kundenkonto|passwort|"
        r"einloggen|anmelden|registrieren|abonnieren|abonnement|abo\b|"
        r"javascript|adblock|werbeblocker|browser ist veraltet|"
        r"inscrivez-vous|connectez-vous|abonnez-vous|mot de passe|"
        r"suscríbete|suscribirse|iniciar sesión|contraseña|"
        r"iscriviti|accedi|registrati|abbonati|"
        r"logg inn|abonner|inloggen|aanmelden|"
        r"üye ol|giriş yap|abone ol)", re.I),
    "navigation": re.compile(
        r"^\W*(?:lesen sie (?:auch|mehr)|mehr zum thema|weiterlesen|zum artikel|startseite|"
        r"à lire aussi|lire aussi|lire la suite|voir aussi|"
        r"lee también|leer más|ver más|"
        r"leggi anche|leggi di più|"
        r"les også|läs också|lees ook|"
        r"read more|see also|home\b)", re.I),
}


def junk_kinds(text):
    return [kind for kind, pattern in JUNK.items() if pattern.search(text)]


def page_files(directory, pages):
    """Writes each `(id, html_bytes)` of `pages` byte for byte to `directory` (so that lede,
    not this script, detects the charset) and returns {file path: id}."""
    os.makedirs(directory, exist_ok=True)
    for name in os.listdir(directory):
        os.remove(os.path.join(directory, name))
    paths = {}
    for page_id, html in pages:
        name = hashlib.sha256(page_id.encode()).hexdigest()[:20] + ".html"
        path = os.path.join(directory, name)
        with open(path, "wb") as f:
            f.write(html)
        paths[path] = page_id
    return paths


def all_pages():
    """Every page of trafilatura_eval and fundus_dev as `(id, html bytes)`."""
    with open(os.path.join(TRAFILATURA, "evaldata.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            with gzip.open(os.path.join(TRAFILATURA, d["html_path"]), "rb") as h:
                yield "trafilatura/" + d["id"], h.read()
    for d in fundus_truth():
        with gzip.open(os.path.join(FUNDUS, "html", d["id"] + ".html.gz"), "rb") as h:
            yield "fundus/" + d["id"], h.read()


def fundus_truth():
    with gzip.open(os.path.join(FUNDUS, "ground_truth.jsonl.gz"), "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def summarize(paths, output, extra):
    """`lede summarize` over the page files of `page_files`; records keyed by page id."""
    directory = os.path.dirname(next(iter(paths)))
    cmd = [LEDE, "summarize", directory, "--format", "jsonl", "--no-progress", "-o", output] + extra
    subprocess.run(cmd, check=False, capture_output=True, text=True)
    with open(output, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    for r in records:
        r["id"] = paths[r["id"]]
    return records


def bullets_of(record):
    return [b["text"] for b in record.get("bullets", [])]


def junk(write):
    """Summarizes every page; checks the non-English ones against the junk patterns and the
    hand-checked fixture. Returns the number of failures: a bullet the patterns flag that the
    fixture does not record with the same flags, or a bullet whose verdict is not yet given.
    Bullets the fixture marks junk (`"verdict": "junk: KIND"`) are listed, not failed: they
    are the known gaps."""
    os.makedirs(OUT, exist_ok=True)
    paths = page_files(os.path.join(OUT, "pages"), all_pages())
    records = summarize(paths, os.path.join(OUT, "pages_summaries.jsonl"), [])
    pages = sorted((r for r in records if r.get("language") not in (None, "en") and "error" not in r),
                   key=lambda r: r["id"])
    print(f"{len(pages)} non-English pages summarized (of {len(records)} pages)")
    by_language = {}
    for r in pages:
        by_language[r["language"]] = by_language.get(r["language"], 0) + 1
    print("languages:", ", ".join(f"{k} {v}" for k, v in sorted(by_language.items(), key=lambda x: -x[1])))
    flagged = 0
    for r in pages:
        for text in bullets_of(r):
            kinds = junk_kinds(text)
            if kinds:
                flagged += 1
                print(f"FLAGGED {r['id']} [{', '.join(kinds)}]: {text[:200]}")
    print(f"{flagged} bullets flagged by the patterns in {sum(len(bullets_of(r)) for r in pages)}")
    checked = {}
    if os.path.exists(JUNK_FIXTURE):
        with open(JUNK_FIXTURE, encoding="utf-8") as f:
            checked = {d["id"]: d for d in map(json.loads, f)}
    if write:
        return write_fixture(write, pages, checked)
    return check_fixture(pages, checked)


def fixture_ids(pages, checked):
    """The pages of the hand-checked fixture: every non-German page, the German pages of
    fundus_dev (the German trafilatura pages are many and alike), any page with a bullet
    the patterns flag and any page already in the fixture (`checked`), so that a page
    whose flagged bullet cleaning removed stays read."""
    return [r for r in pages if r["language"] != "de" or r["id"].startswith("fundus/")
            or r["id"] in checked or any(junk_kinds(t) for t in bullets_of(r))]


def write_fixture(path, pages, checked):
    """Writes the fixture for the selected pages, keeping the verdicts already given for
    unchanged bullets; new bullets get `"verdict": "unread"` until someone reads them."""
    rows = []
    for r in fixture_ids(pages, checked):
        old = {b["text"]: b for b in checked.get(r["id"], {}).get("bullets", [])}
        bullets = []
        for text in bullets_of(r):
            verdict = old.get(text, {}).get("verdict", "unread")
            bullets.append({"text": text, "verdict": verdict, "flags": junk_kinds(text)})
        rows.append({"id": r["id"], "language": r["language"], "bullets": bullets})
    write_jsonl(path, rows)
    unread = sum(b["verdict"] == "unread" for row in rows for b in row["bullets"])
    print(f"wrote {path}: {len(rows)} pages, {unread} bullets still to read")
    return 0


def check_fixture(pages, checked):
    current = {r["id"]: r for r in pages}
    failures = 0
    changed = 0
    junk_now = 0
    for page_id, row in checked.items():
        r = current.get(page_id)
        if r is None:
            print(f"GONE {page_id}: no longer summarized as non-English (an error, or English)")
            continue
        known = {b["text"]: b for b in row["bullets"]}
        if [b["text"] for b in row["bullets"]] != bullets_of(r):
            changed += 1
        for text in bullets_of(r):
            kinds = junk_kinds(text)
            b = known.get(text)
            if b is None:
                if kinds:
                    failures += 1
                    print(f"NEW JUNK {page_id} [{', '.join(kinds)}]: {text[:200]}")
                else:
                    print(f"NEW (read it) {page_id}: {text[:200]}")
            elif b["verdict"] == "unread":
                failures += 1
                print(f"UNREAD {page_id}: {text[:200]}")
            elif b["verdict"] != "ok":
                junk_now += 1
                print(f"KNOWN {b['verdict']} {page_id}: {text[:200]}")
            elif b["flags"] != kinds:
                failures += 1
                print(f"FLAGS CHANGED {page_id} {b['flags']} -> {kinds}: {text[:200]}")
    for page_id, r in current.items():
        if page_id not in checked:
            for text in bullets_of(r):
                kinds = junk_kinds(text)
                if kinds:
                    failures += 1
                    print(f"NEW JUNK {page_id} [{', '.join(kinds)}]: {text[:200]}")
    known_junk = [b for row in checked.values() for b in row["bullets"]
                  if b["verdict"].startswith("junk")]
    print(f"known junk bullets in the output now (the target is none): {junk_now}; "
          f"in the fixture: {len(known_junk)}")
    bullets = sum(len(row["bullets"]) for row in checked.values())
    languages = sorted({row["language"] for row in checked.values()})
    print(f"hand-checked fixture: {len(checked)} pages ({len(languages)} languages), {bullets} "
          f"bullets; {changed} pages with other bullets now; {failures} failures")
    return failures


# A Lead-1 ROUGE-1 F1 at least this high means the page's first sentence is the teaser (or
# nearly): the publisher repeats its standfirst as the body's opening.
LEAD_COPIES = 0.8


def read_per_doc_r1(path):
    """{id: ROUGE-1 F1} from `lede eval --per-doc` JSON lines."""
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return {r["id"]: r["rouge1"]["fmeasure"] for r in rows}


def bootstrap_interval(values, samples=2000, seed=14):
    """95% percentile bootstrap interval of the mean (seeded, so reruns agree)."""
    rng = random.Random(seed)
    means = sorted(statistics.mean(rng.choices(values, k=len(values))) for _ in range(samples))
    return means[int(0.025 * samples)], means[int(0.975 * samples) - 1]


def fundus(sentences, model):
    os.makedirs(OUT, exist_ok=True)
    truth = {("fundus/" + d["id"]): d for d in fundus_truth() if d.get("summary")}
    pages = []
    for key, d in truth.items():
        with gzip.open(os.path.join(FUNDUS, "html", d["id"] + ".html.gz"), "rb") as h:
            pages.append((key, h.read()))
    paths = page_files(os.path.join(OUT, "fundus_pages"), pages)
    systems = {}
    for alg in ("learned", "lead"):
        extra = ["-a", alg, "-s", str(sentences)] + (["--model", model] if model and alg == "learned" else [])
        systems[alg] = {r["id"]: r for r in summarize(
            paths, os.path.join(OUT, f"fundus_{alg}.jsonl"), extra)}
    languages = {}
    for key in truth:
        rec = systems["learned"].get(key, {})
        languages.setdefault(rec.get("language") or "none", []).append(key)
    print(f"## fundus_dev teasers as references ({len(truth)} pages with a teaser), "
          f"{sentences} sentence(s), ROUGE F1 x100 (`lede eval --language xx`)\n")
    print("| language | pages | learned R1 | lead R1 | learned R2 | lead R2 | learned RLsum | lead RLsum "
          "| learned - lead R1, 95% bootstrap | lead-1 copies the teaser |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    per_doc = {}
    r1 = {"learned": {}, "lead": {}}
    for lang, keys in sorted(languages.items(), key=lambda x: (-len(x[1]), x[0])):
        gold = os.path.join(OUT, f"fundus_gold_{lang}.jsonl")
        write_jsonl(gold, [{"id": k, "highlights": truth[k]["summary"]} for k in keys])
        row = {}
        for alg, recs in systems.items():
            pred = os.path.join(OUT, f"fundus_pred_{alg}_{lang}.jsonl")
            write_jsonl(pred, [{"id": k, "summary": bullets_of(recs.get(k, {}))} for k in keys])
            per_doc_path = os.path.join(OUT, f"fundus_perdoc_{alg}_{lang}.jsonl")
            cmd = [LEDE, "eval", "--pred", pred, "--gold", gold, "--format", "json", "--samples", "200",
                   "--per-doc", per_doc_path]
            if lang != "none":
                cmd += ["--language", lang]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True)
            scores = json.loads(out.stdout)["scores"]
            row[alg] = [100 * scores[t]["fmeasure"]["mean"] for t in ("rouge1", "rouge2", "rougeLsum")]
            per_doc[alg] = read_per_doc_r1(per_doc_path)
            r1[alg].update(per_doc[alg])
        cells = []
        for i in range(3):
            cells += [f"{row['learned'][i]:.2f}", f"{row['lead'][i]:.2f}"]
        diffs = [per_doc["learned"][k] - per_doc["lead"][k] for k in keys]
        low, high = bootstrap_interval(diffs)
        copies = sum(per_doc["lead"][k] >= LEAD_COPIES for k in keys)
        cells += [f"{100 * statistics.mean(diffs):+.2f} [{100 * low:+.2f}, {100 * high:+.2f}]",
                  f"{copies} of {len(keys)}"]
        print(f"| {lang} | {len(keys)} | " + " | ".join(cells) + " |", flush=True)
    pooled(languages, r1)


def pooled(languages, r1):
    """Learned - lead R1 over pooled pages: the languages are too small to tell one by one."""
    groups = [
        ("every language but English", lambda lang: lang != "en"),
        ("detected, without a model of their own (not en, fr)",
         lambda lang: lang not in ("en", "none", "fr")),
    ]
    print("\n| pooled pages | pages | learned R1 | lead R1 | learned - lead R1, 95% bootstrap |")
    print("|---|---|---|---|---|")
    for name, keep in groups:
        keys = [k for lang, ks in languages.items() if keep(lang) for k in ks]
        diffs = [r1["learned"][k] - r1["lead"][k] for k in keys]
        low, high = bootstrap_interval(diffs)
        learned = 100 * statistics.mean(r1["learned"][k] for k in keys)
        lead = 100 * statistics.mean(r1["lead"][k] for k in keys)
        print(f"| {name} | {len(keys)} | {learned:.2f} | {lead:.2f} | "
              f"{100 * statistics.mean(diffs):+.2f} [{100 * low:+.2f}, {100 * high:+.2f}] |")


# The languages lede detects (`lede::Language`).
KNOWN_LANGUAGES = ("en de fr es it pt nl pl ru tr sv da no fi ro hu cs ca el uk id ar zh ja "
                   "ko").split()

# The languages a fundus publisher's country implies: its official or main languages of
# the press (ISO 639-1). A page detected outside its country's set is an exception to read.
COUNTRY_LANGUAGES = {
    "at": {"de"}, "be": {"nl", "fr", "de"}, "ca": {"en", "fr"}, "ch": {"de", "fr", "it"},
    "cn": {"zh"}, "cz": {"cs"}, "de": {"de"}, "dk": {"da"}, "es": {"es", "ca"}, "fr": {"fr"},
    "gl": {"kl", "da"}, "id": {"id"}, "il": {"he", "ar"}, "ind": {"hi", "en"}, "it": {"it"},
    "jp": {"ja"}, "kr": {"ko"}, "lb": {"ar", "fr"}, "li": {"de"}, "ls": {"en", "st"},
    "lt": {"lt"}, "lu": {"lb", "de", "fr"}, "mx": {"es"}, "my": {"ms"}, "na": {"en"},
    "no": {"no"}, "pl": {"pl"}, "pt": {"pt"}, "py": {"es", "gn"}, "tr": {"tr"}, "tw": {"zh"},
    "tz": {"sw", "en"}, "ua": {"uk"}, "uk": {"en"}, "us": {"en"},
    "za": {"en", "af", "zu", "xh", "st", "tn", "nso", "ts", "ss", "ve", "nr"},
}


# Publishers of fundus_dev whose pages are in another language than their country's (read
# by hand on the pages): German weeklies abroad, English papers, a Russian edition.
READ_LANGUAGES = {
    "be-PoliticoEu": "en", "es-MallorcaMagazin": "de", "es-MallorcaZeitung": "de",
    "il-IsraelNachrichten": "de", "ind-Bhaskar": "hi", "it-Tageszeitung": "de",
    "mx-MexicoNewsDaily": "en", "my-MalayMail": "en", "pt-ThePortugalNews": "en",
    "py-Wochenblatt": "de", "tw-TaipeiTimes": "en", "ua-Pravda": "ru",
}


def detect():
    """Language detection on every fundus_dev page: the language `lede summarize` reports
    against the languages the publisher's country implies (`COUNTRY_LANGUAGES`). Pages in
    a language lede does not know are counted apart (lede reports none, or a neighbour).
    Prints the accuracy over the pages in a language lede knows and every exception."""
    os.makedirs(OUT, exist_ok=True)
    truth = {("fundus/" + d["id"]): d for d in fundus_truth()}
    pages = []
    for key, d in truth.items():
        with gzip.open(os.path.join(FUNDUS, "html", d["id"] + ".html.gz"), "rb") as h:
            pages.append((key, h.read()))
    paths = page_files(os.path.join(OUT, "detect_pages"), pages)
    records = {r["id"]: r for r in summarize(paths, os.path.join(OUT, "detect.jsonl"), [])}
    known = set(KNOWN_LANGUAGES)
    right, counted, unknown, exceptions, failed = 0, 0, [], [], []
    read_right, read_counted = 0, 0
    for key, d in sorted(truth.items()):
        rec = records.get(key, {"error": "not summarized"})
        got = rec.get("language") or "none"
        implied = COUNTRY_LANGUAGES[d["country"]]
        if "error" in rec:
            failed.append((key, d, rec["error"]))
            continue
        read = READ_LANGUAGES.get(f"{d['country']}-{d['publisher']}")
        if read is not None:
            read_counted += read in known
            read_right += read in known and got == read
        elif implied & known:
            read_counted += 1
            read_right += got in implied
        if not implied & known:
            unknown.append((key, d, got))
            continue
        counted += 1
        if got in implied:
            right += 1
        else:
            exceptions.append((key, d, got))
    print(f"{len(truth)} fundus_dev pages, {len(failed)} without text (no language to detect); "
          f"{counted} from countries whose languages lede knows: "
          f"{right} detected as one of them ({100 * right / counted:.1f}%)")
    print(f"\nexceptions ({len(exceptions)}): page, country's languages, detected, title")
    for key, d, got in exceptions:
        print(f"  {key} [{'/'.join(sorted(COUNTRY_LANGUAGES[d['country']]))}] -> {got}: "
              f"{d['title'][:90]}")
    print(f"with the publishers of READ_LANGUAGES at the language read on their pages: "
          f"{read_right} of {read_counted} pages in a language lede knows detected right "
          f"({100 * read_right / read_counted:.1f}%)")
    print(f"\npages without text ({len(failed)}):")
    for key, d, error in failed:
        print(f"  {key}: {error}: {d['title'][:90]}")
    print(f"\npages whose country's languages lede does not know ({len(unknown)}):")
    for key, d, got in unknown:
        print(f"  {key} [{'/'.join(sorted(COUNTRY_LANGUAGES[d['country']]))}] -> {got}: "
              f"{d['title'][:90]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    o = sub.add_parser("orangesum")
    o.add_argument("--settings", nargs="+",
                   default=["200:5:0.08:4", "100:4:0.05:1", "100:4:0.05:2", "200:3:0.05:1"],
                   help="trees:depth:learning-rate:oracle-sentences settings compared on the folds")
    o.add_argument("--model", default=os.path.join(OUT, "orangesum_fr.lmdl"),
                   help="where the final model (all of train) is written")
    o.add_argument("--folds-only", action="store_true", help="stop after the fold table")
    fu = sub.add_parser("fundus")
    fu.add_argument("-s", "--sentences", type=int, default=1)
    fu.add_argument("--model", help="score every page with this model file (default: the "
                                     "embedded model for the page's language)")
    sub.add_parser("detect", help="language detection on fundus_dev against the publishers' "
                                  "countries")
    j = sub.add_parser("junk")
    j.add_argument("--write", nargs="?", const=JUNK_FIXTURE,
                   help="rewrite the fixture (default path: the committed one) with the bullets "
                        "of this run, keeping the verdicts of unchanged bullets")
    args = parser.parse_args()
    build()
    if args.command == "orangesum":
        settings = [tuple(float(x) if "." in x else int(x) for x in s.split(":"))
                    for s in args.settings]
        orangesum(settings, args.model, args.folds_only)
    elif args.command == "fundus":
        fundus(args.sentences, args.model)
    elif args.command == "detect":
        detect()
    else:
        sys.exit(1 if junk(args.write) else 0)


if __name__ == "__main__":
    main()
