#!/usr/bin/env python3
"""pair_errors.py -- wrong answers of one kind of line, grouped by confusion (measurement only).

  pair_errors.py GOLD.tsv PRED [KIND] [COMPARE_PRED]

GOLD is `code<TAB>kind` a line (the layout of the evaluation sets), PRED one answer a line
(`dragoman langid`; with -k, the first column). Prints the lines of KIND (default "sentences"),
how many are wrong (exact codes, `sh` right for bs/hr/sr and `no` for nb/nn, as the scorer's
macrolanguages), the wrong ones by group of close languages, and the 30 most frequent
confusions; with COMPARE_PRED, the confusions that changed most between PRED and COMPARE_PRED.
"""
import collections
import sys

GROUPS = {"ms/id": {"ms", "id"}, "bs/hr/sr": {"bs", "hr", "sr"}, "zu/xh/nr/ss": {"zu", "xh", "nr", "ss"},
          "am/ti": {"am", "ti"}, "nb/nn/da": {"nb", "nn", "da"}, "tn/nso/st": {"tn", "nso", "st"}}
MACRO = {"sh": {"bs", "hr", "sr"}, "no": {"nb", "nn"}}


def confusions(gold, pred, kind):
    c, n = collections.Counter(), 0
    for (g, k), p in zip(gold, pred):
        if k != kind:
            continue
        n += 1
        if g != p and g not in MACRO.get(p, ()):
            c[g, p] += 1
    return c, n


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    gold = [line.rstrip("\n").split("\t")[:2] for line in open(sys.argv[1], encoding="utf-8")]
    read = lambda path: [line.split("\t")[0].strip() for line in open(path, encoding="utf-8")]  # noqa: E731
    kind = sys.argv[3] if len(sys.argv) > 3 else "sentences"
    c, n = confusions(gold, read(sys.argv[2]), kind)
    wrong = sum(c.values())
    print(f"{kind}: {n} lines, {wrong} wrong, accuracy {1 - wrong / max(n, 1):.4f}")
    groups = collections.Counter()
    for (g, p), v in c.items():
        name = next((name for name, s in GROUPS.items() if g in s and p in s), "other")
        groups[name] += v
    print("by group: " + ", ".join(f"{k} {v}" for k, v in groups.most_common()))
    print("confusions: " + ", ".join(f"{g}->{p} {v}" for (g, p), v in c.most_common(30)))
    if len(sys.argv) > 4:
        c2, _ = confusions(gold, read(sys.argv[4]), kind)
        keys = sorted(set(c) | set(c2), key=lambda k: -abs(c[k] - c2[k]))
        print("changed: " + ", ".join(f"{g}->{p} {c[g, p]}->{c2[g, p]}" for g, p in keys[:20]))


if __name__ == "__main__":
    main()
