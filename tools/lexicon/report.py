#!/usr/bin/env python3
"""report.py -- the table of languages for docs/LEXICON.md from data/lexicon/stats.json.

Usage: report.py data/lexicon/stats.json
"""
import json
import sys

KINDS = (("freedict", "FreeDict"), ("ding", "Ding"), ("mueller7", "Mueller"), ("cc-cedict", "CC-CEDICT"), ("cldr", "CLDR"),
         ("mo:iso", "iso-codes"), ("mo:", "catalogues"), ("firefox", "Firefox"), ("udhr", "UDHR"), ("borrowed", "borrowed"),
         ("tatoeba", "Tatoeba"), ("tesseract", "word list"))


def kinds(sources):
    out = []
    for prefix, name in KINDS:
        n = sum(v for k, v in sources.items() if k.startswith(prefix) and
                not (prefix == "mo:" and k.startswith("mo:iso")))
        if n and name not in out:
            out.append(name if name in ("Tatoeba", "word list") else "%s %d" % (name, n))
    return ", ".join(out)


def main():
    stats = sorted(json.load(open(sys.argv[1], encoding="utf-8")), key=lambda s: -s["words"])
    total_b = sum(s["bytes"] for s in stats)
    print("%d languages, %d words, %d entries, %.1f MB compressed.\n" % (
        len(stats), sum(s["words"] for s in stats), sum(s["lines"] for s in stats), total_b / 1e6))
    print("| lang | words | entries | KB | evidence (aligned strings or entries per source) |")
    print("|---|---:|---:|---:|---|")
    for s in stats:
        print("| %s | %d | %d | %d | %s |" % (s["lang"], s["words"], s["lines"], s["bytes"] // 1024,
                                            kinds(s["sources"])))


if __name__ == "__main__":
    main()
