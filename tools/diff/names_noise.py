#!/usr/bin/env python3
"""names_noise.py -- how many "names on one side only" does `dragoman diff` report between
professional translations, where nearly every one is a false alarm?

Runs `dragoman diff --batch` on the pairs of a salign set (default ../shared/eval/salign-ntrex:
English news against 11 translations; its omitted sentences are reported as sentences, not
names) and prints, per language, the names reported per 100 sentences on each side and the most
frequent ones. It measures the report's noise; nothing here teaches the program.

usage: names_noise.py DRAGOMAN [SET_DIR]
"""
import collections
import json
import os
import subprocess
import sys

PROG = sys.argv[1]
SET = sys.argv[2] if len(sys.argv) > 2 else "/work/shared/eval/salign-ntrex"


def main():
    pairs = {}
    for line in open(os.path.join(SET, "pairs.jsonl"), encoding="utf-8"):
        d = json.loads(line)
        pairs[d["id"]] = d
    ids = list(pairs)
    probe = "".join(" ".join(pairs[i]["tgt"][:3])[:400].replace("\n", " ") + "\n" for i in ids)
    langs = subprocess.run([PROG, "langid"], input=probe, capture_output=True, text=True, check=True).stdout.split()
    lang = dict(zip(ids, langs))
    out = subprocess.run([PROG, "diff", "--batch", os.path.join(SET, "pairs.jsonl")], capture_output=True,
                         text=True, check=True).stdout
    count = collections.defaultdict(lambda: [0, 0, 0])
    top = collections.defaultdict(collections.Counter)
    for line in out.splitlines():
        d = json.loads(line)
        c = count[lang[d["id"]]]
        c[0] += d["src_sentences"] + d["tgt_sentences"]
        for it in d["items"]:
            if it["kind"] == "name":
                c[1 if it["side"] == "src" else 2] += 1
                top[lang[d["id"]]][it["what"]] += 1
    all_s = all_n = 0
    for lg, (s, a, b) in sorted(count.items(), key=lambda kv: -kv[1][0]):
        if s < 200:
            continue
        all_s, all_n = all_s + s, all_n + a + b
        print(f"{lg}: {100 * a / s:.1f} / {100 * b / s:.1f} names per 100 sentences (English side / {lg} side); "
              f"most: {', '.join(w for w, _ in top[lg].most_common(6))}")
    print(f"all: {100 * all_n / all_s:.1f} names per 100 sentences")


main()
