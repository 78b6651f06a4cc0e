#!/usr/bin/env python3
"""Build a large mining input for the mining benchmark (standard library only).

  make_mine_pair.py CORPUS_UDHR_DIR OUT_PREFIX [N]

Source: UDHR paragraphs in one translation after another (deu, fra, spa, rus, arb, hin, pes,
tur, heb, ...), N lines, the list repeated when N is larger than what they hold; target: the
English paragraph of each source line, in a shuffled order (fixed seed). Writes OUT_PREFIX.src,
.tgt and .gold (the 0-based target line of each source line). The English side repeats itself
(one English paragraph per translation), so a mined line is right when its text is the gold's.
"""
import os, random, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from udhr_corpus import LANGS, read  # noqa: E402

def main():
    d, prefix = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    eng = read(os.path.join(d, "udhr_eng.tsv"))
    langs = LANGS
    pairs = []
    for lang in langs:
        p = os.path.join(d, f"udhr_{lang}.tsv")
        if os.path.exists(p):
            other = read(p)
            pairs += [(other[k], eng[k]) for k in sorted(eng) if k in other]
    src, tgt_of = [], []
    while len(src) < n:
        for s, t in pairs[: n - len(src)]:
            src.append(s)
            tgt_of.append(t)
    order = list(range(n))
    random.Random(7).shuffle(order)
    tgt = [tgt_of[k] for k in order]
    where = {k: pos for pos, k in enumerate(order)}
    with open(prefix + ".src", "w", encoding="utf-8") as f:
        f.write("\n".join(src) + "\n")
    with open(prefix + ".tgt", "w", encoding="utf-8") as f:
        f.write("\n".join(tgt) + "\n")
    with open(prefix + ".gold", "w") as f:
        f.write("".join(f"{where[k]}\n" for k in range(n)))

if __name__ == "__main__":
    main()
