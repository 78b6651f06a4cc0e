#!/usr/bin/env python3
"""calibration.py -- does dragoman's language confidence mean something? (measurement only)

  calibration.py GOLD.tsv PRED_K [LANGS.txt]

GOLD is a langid set's gold.tsv (code<TAB>kind), PRED_K the output of `dragoman langid -k 2` on
its text (the first answer and its confidence are read). Prints, per kind and for all lines, the
share right among the answers with confidence >= 0.9, how many lines get 0.9+, and the expected
calibration error over ten buckets. Right is decided as the shared scorer decides it (its code
table and macrolanguages, imported from /work/shared/eval/score.py or $DM_EVAL). With LANGS.txt
(codes, one a line) only the lines of those gold languages count (the model's languages, on a
development set that has others).
"""
import collections
import os
import sys

sys.path.insert(0, os.environ.get("DM_EVAL", "/work/shared/eval"))
import score  # noqa: E402


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    a2to3, macro = score.load_codes()

    def norm(c):
        c = c.strip().lower()
        return a2to3.get(c, c)

    gold = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    pred = [line.rstrip("\n").split("\t") for line in open(sys.argv[2], encoding="utf-8")]
    only = set(open(sys.argv[3]).read().split()) if len(sys.argv) > 3 else None
    high = collections.defaultdict(lambda: [0, 0])
    buckets = collections.defaultdict(lambda: [0, 0, 0.0])
    lines = collections.Counter()
    for (g, kind), p in zip(gold, pred):
        if only and g not in only:
            continue
        gn, pn = norm(g), norm(p[0])
        conf = float(p[1]) if len(p) > 1 else 0.0
        right = pn == gn or pn in macro.get(gn, ()) or gn in macro.get(pn, ())
        for k in (kind, "all"):
            lines[k] += 1
            b = buckets[k, min(int(conf * 10), 9)]
            b[0] += right
            b[1] += 1
            b[2] += conf
            if conf >= 0.9:
                high[k][0] += right
                high[k][1] += 1
    for k in ("sentences", "word-pairs", "single-words", "all"):
        if not lines[k]:
            continue
        ece = sum(abs(buckets[k, i][0] - buckets[k, i][2]) for i in range(10)) / lines[k]
        r, n = high[k]
        print(f"{k:13s} conf>=0.9: {r / max(n, 1):.4f} right of {n} ({n / lines[k]:.2f} of lines); "
              f"ECE {ece:.3f}; by bucket " +
              " ".join(f"{i / 10:.1f}:{buckets[k, i][0] / buckets[k, i][1]:.2f}"
                       for i in range(10) if buckets[k, i][1]))


if __name__ == "__main__":
    main()
