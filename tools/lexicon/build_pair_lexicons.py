#!/usr/bin/env python3
"""build_pair_lexicons.py -- direct word translations between two languages that are not English,
from the FreeDict dictionaries Debian packages for the pair (dict-freedict-X-Y and dict-freedict-Y-X,
WikDict editions built from Wiktionary), written as data/lexicon/<Y>/<X>.tsv.gz:

    x_word <TAB> y_word <TAB> weight

the format of the X -> English lexicons (data/lexicon/README.md) with Y in place of English. The
aligner reads it as the lexicon set "<Y>" of language X: a German word facing a French text gets
its French translations as concepts, besides its English pivots (which go through two lexicons
capped at 12,000 words each, and miss Selbstmord / suicide, Biwak / bivouac).

Usage: tools/lexicon/build_pair_lexicons.py [--pairs deu-fra,...] [--work DIR] [--out data/lexicon]
Fetches the packages with `apt-get download` and unpacks them with `dpkg -x` into DIR (scratch,
never installed nor committed). Python 3, standard library only.
"""
import argparse, collections, gzip, os, re, subprocess, sys

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
ISO1 = {"deu": "de", "fra": "fr", "ita": "it", "nld": "nl", "por": "pt", "spa": "es", "swe": "sv",
        "pol": "pl", "rus": "ru", "tur": "tr", "fin": "fi", "ell": "el", "jpn": "ja", "bul": "bg"}
MAX_TRANSLATIONS = 6


def b64(s):
    v = 0
    for ch in s:
        v = v * 64 + B64.index(ch)
    return v


def fetch(pkg, work):
    root = os.path.join(work, "root")
    os.makedirs(root, exist_ok=True)
    debs = [f for f in os.listdir(work) if f.startswith(pkg + "_") and f.endswith(".deb")]
    if not debs:
        subprocess.run(["apt-get", "download", pkg], cwd=work, check=True)
        debs = [f for f in os.listdir(work) if f.startswith(pkg + "_") and f.endswith(".deb")]
    subprocess.run(["dpkg", "-x", os.path.join(work, debs[0]), root], check=True)
    name = pkg[len("dict-"):]
    return os.path.join(root, "usr/share/dictd", name)


def entries(base):
    """(headword, [translations in order]) of a dictd dictionary of the WikDict kind: a headword
    line ("Grat /ɡʁaːt/ <n, masc>"), then senses, each a line of translations (numbered "1. " when
    there are several) followed by a gloss line in the source language."""
    data = gzip.open(base + ".dict.dz").read()
    with open(base + ".index", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[0].startswith("00-database"):
                continue
            body = data[b64(parts[1]):b64(parts[1]) + b64(parts[2])].decode("utf-8", "replace")
            lines = body.split("\n")
            head = re.sub(r"\s*(/[^/]*/)?\s*(<[^>]*>)?\s*$", "", lines[0]).strip()
            out, expect = [], True
            for ln in lines[1:]:
                if not ln.strip():
                    continue
                m = re.match(r"^(\d+)\.\s*(.*)$", ln)
                if m:  # a numbered sense: its translations (a trailing "2." opens a sub-sense)
                    text = re.sub(r"\s+\d+\.\s*$", "", m.group(2))
                    out.extend(items(text))
                    expect = False
                elif re.match(r"^\s+\d+\.\s*$", ln):
                    expect = False
                elif expect:
                    out.extend(items(ln))
                    expect = False
                # else: a gloss in the source language
            yield head, out


def items(text):
    text = re.sub(r"\([^)]*\)", " ", text)
    for it in re.split(r"[,;]", text):
        it = it.strip().lower()
        if it and " " not in it and len(it) <= 40 and not any(c.isdigit() for c in it):
            yield it


def build(x, y, work, out_dir):
    """Translations of language x into y, from dict-freedict-x-y and, read backwards, y-x."""
    score = collections.defaultdict(lambda: collections.defaultdict(float))
    for src, tgt, rev in ((x, y, False), (y, x, True)):
        pkg = f"dict-freedict-{src}-{tgt}"
        try:
            base = fetch(pkg, work)
        except (subprocess.CalledProcessError, IndexError):
            print(f"  no {pkg}", file=sys.stderr)
            continue
        for head, trans in entries(base):
            head = head.lower()
            if " " in head or not head:
                continue
            for rank, t in enumerate(trans[:MAX_TRANSLATIONS]):
                w = (0.8 if rev else 1.0) * 0.85 ** rank
                a, b = (t, head) if rev else (head, t)
                score[a][b] = max(score[a][b], w)
    path = os.path.join(out_dir, ISO1[y], ISO1[x] + ".tsv.gz")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    n = 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        for a in sorted(score):
            best = sorted(score[a].items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TRANSLATIONS]
            total = max(1.0, sum(v for _, v in best))
            for b, v in best:
                f.write(f"{a}\t{b}\t{v / total:.3f}\n")
                n += 1
    print(f"{path}: {len(score)} words, {n} translations", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", default="deu-fra")
    ap.add_argument("--work", default="/tmp/dm-pair-lexicon")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../data/lexicon"))
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    for pair in a.pairs.split(","):
        x, y = pair.split("-")
        build(x, y, a.work, os.path.normpath(a.out))


if __name__ == "__main__":
    main()
