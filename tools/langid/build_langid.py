#!/usr/bin/env python3
"""build_langid.py -- build dragoman's language-identification model from collected text.

  build_langid.py count TEXT_DIR COUNTS_DIR [--holdout DEV_DIR]
  build_langid.py model COUNTS_DIR OUT.bin.gz [--bias BIAS.tsv]

`count` reads TEXT_DIR/<code>.<source>.txt (written by collect_text.py), samples each language's
text to a bounded size, counts the features of features.py and keeps each language's most frequent
ones in COUNTS_DIR/<code>.pickle. With --holdout, every 10th line is kept out of the counts and
written to DEV_DIR/<code>.txt, to measure the model on text it has not seen.

`model` turns the counts into naive Bayes log-probabilities, quantizes them to a byte and writes the
compact binary model that src/langid/model.c loads (format described there). Kept as two steps
so that probabilities and sizes can be re-tuned without recounting.
"""
import collections
import gzip
import os
import pickle
import random
import struct
import sys
import unicodedata
import math

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import features as F  # noqa: E402
from langcodes import alpha3  # noqa: E402

# Bytes of text read per language and source (the rest is not needed and only slows the count).
SOURCE_CAP = {"udhr": 10 ** 6, "tatoeba": 10 ** 6, "ui": 1_500_000, "help": 1_500_000,
              "iso": 200_000, "words": 0}
KEEP_PER_ORDER = {1: 3000, 2: 12000, 3: 20000, 4: 20000, 5: 16000, 6: 25000}
MIN_COUNT = 2
QSCALE = 8.0  # quantization steps per nat

# dm_script numbers of src/text/text.h, found from Unicode character names
SCRIPTS = ["LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "DEVANAGARI", "BENGALI", "GURMUKHI",
           "GUJARATI", "ORIYA", "TAMIL", "TELUGU", "KANNADA", "MALAYALAM", "SINHALA", "THAI", "LAO",
           "TIBETAN", "MYANMAR", "GEORGIAN", "HANGUL", "ETHIOPIC", "KHMER", "CJK", "HIRAGANA",
           "KATAKANA", "ARMENIAN", "THAANA"]
SCRIPT_NO = {name: i + 1 for i, name in enumerate(SCRIPTS)}


def script_of(c):
    try:
        first = unicodedata.name(c).split()[0]
    except ValueError:
        return 0
    if first == "CJK" and "IDEOGRAPH" not in unicodedata.name(c):
        return 0
    return SCRIPT_NO.get(first, 0)


def read_lines(path, cap):
    lines, size = [], 0
    with open(path, encoding="utf-8") as f:
        allv = f.read().split("\n")
    rnd = random.Random(path)
    if cap and sum(len(x) for x in allv) > cap:
        rnd.shuffle(allv)
    for line in allv:
        if not line:
            continue
        if cap and size >= cap:
            break
        lines.append(line)
        size += len(line)
    return lines


def count(text_dir, counts_dir, dev_dir=None):
    os.makedirs(counts_dir, exist_ok=True)
    if dev_dir:
        os.makedirs(dev_dir, exist_ok=True)
    by_lang = collections.defaultdict(list)
    for fn in os.listdir(text_dir):
        code, source, _ = fn.split(".")
        by_lang[code].append(source)
    for code in sorted(by_lang):
        wc = collections.Counter()
        dev = []
        scripts = collections.Counter()
        for source in sorted(by_lang[code]):
            cap = SOURCE_CAP.get(source, 0)
            if cap == 0:
                continue
            lines = read_lines(os.path.join(text_dir, f"{code}.{source}.txt"), cap)
            for i, line in enumerate(lines):
                if dev_dir and i % 10 == 5 and source != "iso":
                    dev.append(line)
                    continue
                ws = F.words(line)
                wc.update(ws)
        if not wc:
            continue
        for w, c in wc.items():
            for ch in w:
                if unicodedata.category(ch)[0] == "L":
                    scripts[script_of(ch)] += c
        feats = collections.Counter()
        totals = collections.Counter()
        for w, c in wc.items():
            for order, g in F.word_features(w):
                feats[(order, g)] += c
                totals[order] += c
        kept = {}
        by_order = collections.defaultdict(list)
        for (order, g), c in feats.items():
            if c >= MIN_COUNT:
                by_order[order].append((c, g))
        for order, lst in by_order.items():
            lst.sort(reverse=True)
            for c, g in lst[:KEEP_PER_ORDER[order]]:
                kept[(order, g)] = c
        distinct = collections.Counter(order for order, _ in feats)
        nletters = sum(scripts.values())
        mask = 0
        for s, c in scripts.items():
            if c >= 0.03 * nletters:
                mask |= 1 << s
        with open(os.path.join(counts_dir, code + ".pickle"), "wb") as f:
            pickle.dump({"code": code, "kept": kept, "totals": dict(totals),
                         "distinct": dict(distinct), "mask": mask, "chars": sum(len(w) * c for w, c in wc.items())}, f)
        if dev_dir and dev:
            with open(os.path.join(dev_dir, code + ".txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(dev) + "\n")
        print(f"{code}: {sum(len(w) * c for w, c in wc.items())} letters, {len(kept)} features kept, "
              f"scripts {mask:#x}", file=sys.stderr)


def model(counts_dir, out_path, bias_path=None):
    langs = []
    for fn in sorted(os.listdir(counts_dir)):
        with open(os.path.join(counts_dir, fn), "rb") as f:
            langs.append(pickle.load(f))
    langs = [lg for lg in langs if lg["chars"] >= 3000]
    if len(langs) > 255:
        sys.exit("too many languages for one-byte ids")
    bias = {}
    if bias_path and os.path.exists(bias_path):
        for line in open(bias_path, encoding="utf-8"):
            c, b = line.split()
            bias[c] = float(b)
    postings = collections.defaultdict(list)
    lang_rows = []
    for li, lg in enumerate(langs):
        unseen = []
        for order in range(1, 7):
            total = lg["totals"].get(order, 0)
            distinct = lg["distinct"].get(order, 0)
            # Witten-Bell: the mass of unseen events grows with the number of distinct ones seen
            unseen.append(math.log(max(distinct, 1) / (total + distinct) / (10 * max(distinct, 1))) if total else -20.0)
        for (order, g), c in lg["kept"].items():
            total = lg["totals"][order]
            distinct = lg["distinct"][order]
            lp = math.log(c / (total + distinct))
            q = int(round((lp - unseen[order - 1]) * QSCALE))
            if q <= 0:
                continue
            postings[F.key(g)].append((li, min(q, 255)))
        lang_rows.append((lg["code"], alpha3(lg["code"]), lg["mask"], unseen, bias.get(lg["code"], 0.0)))
    keys = sorted(postings)
    blob = bytearray()
    blob += b"DMLANGID"
    blob += struct.pack("<IIIIf", 1, len(langs), len(keys), sum(len(postings[k]) for k in keys), QSCALE)
    for code, a3, mask, unseen, b in lang_rows:
        blob += code.encode().ljust(8, b"\0") + a3.encode().ljust(8, b"\0")
        blob += struct.pack("<I6ff", mask, *unseen, b)
    blob += struct.pack(f"<{len(keys)}I", *keys)
    off = 0
    offs = []
    for k in keys:
        offs.append(off)
        off += len(postings[k])
    offs.append(off)
    blob += struct.pack(f"<{len(offs)}I", *offs)
    blob += bytes(li for k in keys for li, _ in postings[k])
    blob += bytes(q for k in keys for _, q in postings[k])
    with gzip.open(out_path, "wb", compresslevel=9) as f:
        f.write(bytes(blob))
    print(f"{len(langs)} languages, {len(keys)} keys, {off} postings, {len(blob)} bytes raw, "
          f"{os.path.getsize(out_path)} gzipped", file=sys.stderr)


def main():
    args = sys.argv[1:]
    if len(args) >= 3 and args[0] == "count":
        dev = args[args.index("--holdout") + 1] if "--holdout" in args else None
        count(args[1], args[2], dev)
    elif len(args) >= 3 and args[0] == "model":
        b = args[args.index("--bias") + 1] if "--bias" in args else None
        model(args[1], args[2], b)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
