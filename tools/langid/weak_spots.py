#!/usr/bin/env python3
"""weak_spots.py -- per-language accuracy and confusions of a langid run, as Markdown.

  weak_spots.py GOLD.tsv PRED.txt [N]

GOLD.tsv is a langid set's gold file (code<TAB>kind), PRED.txt the program's output for its
text.txt, one code a line. Prints the N (default 22) weakest languages with their accuracy per
kind and main confusions, then the most frequent confusion pairs. A macrolanguage answer is
right for its members, as the shared scorer counts it (dragoman answers "sh" for bs/hr/sr and "no"
for nb/nn that it cannot tell apart). Used for docs/LANGID.md; it reads only what the scorer reads.
"""
import collections
import sys

MACRO = {"sh": {"bs", "hr", "sr"}, "no": {"nb", "nn"}}


def main():
    gold = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8")]
    pred = [line.strip() for line in open(sys.argv[2], encoding="utf-8")]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 22
    right, total = collections.Counter(), collections.Counter()
    conf = collections.Counter()
    kinds = []
    for (g, k), p in zip(gold, pred):
        if k not in kinds:
            kinds.append(k)
        total[g] += 1
        total[g, k] += 1
        if p == g or g in MACRO.get(p, ()):
            right[g] += 1
            right[g, k] += 1
        else:
            conf[g, p] += 1
    langs = sorted((g for g in total if isinstance(g, str)), key=lambda g: right[g] / total[g])
    print("| language | all | " + " / ".join(kinds) + " | main confusions (share of its lines) |")
    print("|---|---|---|---|")
    for g in langs[:top]:
        per = " / ".join(f"{right[g, k] / total[g, k]:.2f}" if total[g, k] else "-" for k in kinds)
        cs = sorted(((c, p) for (gg, p), c in conf.items() if gg == g), reverse=True)[:3]
        cs = ", ".join(f"{p} {c / total[g]:.2f}" for c, p in cs)
        print(f"| {g} | {right[g] / total[g]:.2f} | {per} | {cs} |")
    print()
    print("Most frequent confusions (gold -> answer, lines): " +
          ", ".join(f"{g}->{p} {c}" for (g, p), c in conf.most_common(20)) + ".")
    good = [g for g in reversed(langs) if right[g] / total[g] >= 0.95]
    print()
    print("Languages at 0.95 or more: " + ", ".join(f"{g} {right[g] / total[g]:.2f}" for g in good) + ".")


if __name__ == "__main__":
    main()
