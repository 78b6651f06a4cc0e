#!/usr/bin/env python3
"""coverage.py -- share of the word tokens of a text that have an entry in a lexicon.

Usage: coverage.py ICU_WORDS LEXICON.tsv.gz FILE...   (ICU_WORDS: the helper built by
build_lexicons.sh). Tokens are cut and folded as the builder does (close to dragoman's own
dm_tokenize + dm_match_form); prints tokens, covered tokens and the share, and the most
frequent uncovered words.
"""
import collections
import gzip
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_lexicons import unify  # noqa: E402


def main():
    exe, lex, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    keys = set()
    with gzip.open(lex, "rt", encoding="utf-8") as f:
        for line in f:
            keys.add(unify(line.split("\t", 1)[0]))
    text = "\n".join(open(p, encoding="utf-8", errors="replace").read() for p in files)
    out = subprocess.run([exe], input=text.encode("utf-8"), stdout=subprocess.PIPE, check=True)
    toks = [unify(t) for t in out.stdout.decode("utf-8").split() if not t.isdigit()]
    hit = sum(1 for t in toks if t in keys)
    miss = collections.Counter(t for t in toks if t not in keys)
    print("%s: %d tokens, %d with an entry (%.1f%%), %d distinct words, %d of them without" % (
        os.path.basename(lex), len(toks), hit, 100.0 * hit / max(1, len(toks)),
        len(set(toks)), len(miss)))
    print("  most frequent without:", " ".join(w for w, _ in miss.most_common(25)))


if __name__ == "__main__":
    main()
