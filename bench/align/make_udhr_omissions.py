#!/usr/bin/env python3
"""Build an alignment set with omissions and merges from the UDHR (standard library only), in the
format of the salign-* evaluation sets, for languages whose omission F1 has no other gold.

  make_udhr_omissions.py CORPUS_UDHR_DIR OUT_DIR [LANG ...]

For every language (default: NO_LEXICON below, varieties of the corpus without a shipped lexicon),
three windows of 24 consecutive paragraphs of the English UDHR against the same paragraphs in that
language; with a fixed seed, each paragraph is left out of one side (an omission, 1-0 or 0-1) with
probability 0.07 each, and two neighbouring paragraphs are written as one line (a 2-1 or 1-2 merge)
with probability 0.06. Writes OUT_DIR/pairs.jsonl ({"id","src","tgt"}) and
OUT_DIR/gold.jsonl ({"id","lang","align"}), so that

  /work/shared/eval/run OUT_DIR build/dragoman   (OUT_DIR named salign-*)

scores it: link F1, omission F1. Nothing here is tuned to: it measures.
"""
import json, os, random, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from udhr_corpus import read  # noqa: E402

# Varieties with no lexicon in data/lexicon (ISO 639-1 there), in many scripts.
NO_LEXICON = ["quy", "wol", "lin", "ceb", "ilo", "hat_kreyol", "mlt", "smo", "ton", "tpi", "mri", "sna",
              "lug", "ewe", "bam", "ibo", "ayr", "nya_chechewa", "war", "tat", "sah", "chv", "tyv",
              "tir", "bod", "div", "mai", "bho", "ckb", "ydd", "shn", "iii", "ike", "zgh", "vai"]
WINDOW = 24


def main():
    d, out = sys.argv[1], sys.argv[2]
    langs = sys.argv[3:] or NO_LEXICON
    rng = random.Random(20261206)
    eng = read(os.path.join(d, "udhr_eng.tsv"))
    os.makedirs(out, exist_ok=True)
    pairs, golds = [], []
    for lang in langs:
        p = os.path.join(d, f"udhr_{lang}.tsv")
        if not os.path.exists(p):
            print(f"no {p}", file=sys.stderr)
            continue
        other = read(p)
        keys = [k for k in sorted(eng) if k in other]
        if len(keys) < WINDOW * 3:
            print(f"{lang}: {len(keys)} paragraphs, left out", file=sys.stderr)
            continue
        for w in range(3):
            start = rng.randrange(0, len(keys) - WINDOW)
            ks = keys[start:start + WINDOW]
            src, tgt, align = [], [], []
            x = 0
            while x < len(ks):
                r = rng.random()
                if r < 0.07:  # the target leaves the paragraph out
                    align.append([[len(src)], []])
                    src.append(eng[ks[x]])
                    x += 1
                elif r < 0.14:  # the source leaves it out
                    align.append([[], [len(tgt)]])
                    tgt.append(other[ks[x]])
                    x += 1
                elif r < 0.20 and x + 1 < len(ks):  # two paragraphs as one line on one side
                    if rng.random() < 0.5:
                        align.append([[len(src)], [len(tgt), len(tgt) + 1]])
                        src.append(eng[ks[x]] + " " + eng[ks[x + 1]])
                        tgt += [other[ks[x]], other[ks[x + 1]]]
                    else:
                        align.append([[len(src), len(src) + 1], [len(tgt)]])
                        src += [eng[ks[x]], eng[ks[x + 1]]]
                        tgt.append(other[ks[x]] + " " + other[ks[x + 1]])
                    x += 2
                else:
                    align.append([[len(src)], [len(tgt)]])
                    src.append(eng[ks[x]])
                    tgt.append(other[ks[x]])
                    x += 1
            pid = f"{lang}-{w}"
            pairs.append({"id": pid, "src": src, "tgt": tgt})
            golds.append({"id": pid, "lang": lang, "align": align})
    with open(os.path.join(out, "pairs.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs)
    with open(os.path.join(out, "gold.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(json.dumps(g) + "\n" for g in golds)


if __name__ == "__main__":
    main()
