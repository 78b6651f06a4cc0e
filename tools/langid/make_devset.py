#!/usr/bin/env python3
"""make_devset.py -- a development set from the lines build_langid.py held out of training.

  make_devset.py DEV_DIR OUT_DIR [PER_KIND]

Writes OUT_DIR/text.txt and OUT_DIR/gold.tsv (code<TAB>kind), in the format of the shared
langid scorer: for each language up to PER_KIND (default 200) sentences (lines of 4+ words),
word pairs and single words (of 3+ letters), drawn with a fixed seed. Used to tune the model's
biases and to find confusions without looking at the evaluation sets.
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import features as F  # noqa: E402


def main():
    dev, out = sys.argv[1], sys.argv[2]
    per = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(7)
    with open(os.path.join(out, "text.txt"), "w", encoding="utf-8") as ft, \
            open(os.path.join(out, "gold.tsv"), "w", encoding="utf-8") as fg:
        for fn in sorted(os.listdir(dev)):
            code = fn[:-4]
            lines = [l.strip() for l in open(os.path.join(dev, fn), encoding="utf-8") if l.strip()]
            rnd.shuffle(lines)
            sents = [l for l in lines if len(l.split()) >= 4][:per]
            toks = [l.split() for l in lines]
            pairs, singles = [], []
            for t in toks:
                if len(t) >= 2 and len(pairs) < per:
                    i = rnd.randrange(len(t) - 1)
                    if all(F.words(x) for x in t[i:i + 2]):
                        pairs.append(" ".join(t[i:i + 2]))
                w = rnd.choice(t)
                if len(singles) < per and sum(len(x) for x in F.words(w)) >= 3:
                    singles.append(w)
            for kind, items in (("sentences", sents), ("word-pairs", pairs), ("single-words", singles)):
                for s in items:
                    ft.write(s + "\n")
                    fg.write(f"{code}\t{kind}\n")


if __name__ == "__main__":
    main()
