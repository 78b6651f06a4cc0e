#!/usr/bin/env python3
"""make_devset.py -- a development set from the lines build_langid.py held out of training.

  make_devset.py DEV_DIR OUT_DIR [PER_KIND] [--prose TEXT_DIR]

Writes OUT_DIR/text.txt and OUT_DIR/gold.tsv (code<TAB>kind), in the format of the shared
langid scorer: for each language up to PER_KIND (default 200) sentences (lines of 4+ words),
word pairs and single words (of 3+ letters), drawn with a fixed seed. Used to tune the model's
biases and to find confusions without looking at the evaluation sets.

With --prose, only the held-out lines that come from running prose (TEXT_DIR/<code>.SOURCE.txt of
Tatoeba sentences, GNOME and LibreOffice help pages, manual pages) are used, for the languages
that have Tatoeba, GNOME help or manual pages and at least 50 such lines (64 languages): UI
strings are another domain than news, and choices made on them did not carry over to the
evaluation sets, while choices made on prose did.
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import features as F  # noqa: E402


PROSE_SOURCES = ("tatoeba", "doc", "man", "help")


def prose_lines(text_dir, code):
    lines = set()
    for source in PROSE_SOURCES:
        path = os.path.join(text_dir, f"{code}.{source}.txt")
        if os.path.exists(path):
            lines.update(line.strip() for line in open(path, encoding="utf-8"))
    return lines


def main():
    args = sys.argv[1:]
    prose_dir = None
    if "--prose" in args:
        i = args.index("--prose")
        prose_dir = args[i + 1]
        del args[i:i + 2]
    if len(args) < 2:
        sys.exit(__doc__)
    dev, out = args[0], args[1]
    per = int(args[2]) if len(args) > 2 else 200
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(7)
    with open(os.path.join(out, "text.txt"), "w", encoding="utf-8") as ft, \
            open(os.path.join(out, "gold.tsv"), "w", encoding="utf-8") as fg:
        for fn in sorted(os.listdir(dev)):
            code = fn[:-4]
            lines = [l.strip() for l in open(os.path.join(dev, fn), encoding="utf-8") if l.strip()]
            if prose_dir:
                if not any(os.path.exists(os.path.join(prose_dir, f"{code}.{s}.txt"))
                           for s in ("tatoeba", "doc", "man")):
                    continue
                prose = prose_lines(prose_dir, code)
                lines = [l for l in lines if l in prose]
                if len(lines) < 50:
                    continue
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
