#!/usr/bin/env python3
"""Build a long real sentence pair for the alignment benchmark (standard library only).

  make_long_pair.py CORPUS_UDHR_DIR OUT_PREFIX [N]

Source: the English UDHR, paragraph after paragraph, repeated; target: the same paragraphs in
one translation after another (eng vs deu, fra, spa, rus, arb, hin, ...), so the target side
changes language and script every ~90 lines, as a long multilingual document would. Every 50th
target line is dropped (an omission to find). Writes OUT_PREFIX.src, .tgt (one sentence a line)
and .gold (src<TAB>tgt index pairs of the 1-1 links).
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from udhr_corpus import LANGS, read  # noqa: E402

def main():
    d, prefix = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    eng = read(os.path.join(d, "udhr_eng.tsv"))
    langs = LANGS
    src, tgt, gold = [], [], []
    while len(src) < n:
        for lang in langs:
            p = os.path.join(d, f"udhr_{lang}.tsv")
            if not os.path.exists(p):
                continue
            other = read(p)
            for k in sorted(eng):
                if k in other and len(src) < n:
                    if (len(src) % 50) != 49:
                        gold.append((len(src), len(tgt)))
                        tgt.append(other[k])
                    src.append(eng[k])
            if len(src) >= n:
                break
    with open(prefix + ".src", "w", encoding="utf-8") as f:
        f.write("\n".join(src) + "\n")
    with open(prefix + ".tgt", "w", encoding="utf-8") as f:
        f.write("\n".join(tgt) + "\n")
    with open(prefix + ".gold", "w") as f:
        f.write("".join(f"{a}\t{b}\n" for a, b in gold))

if __name__ == "__main__":
    main()
