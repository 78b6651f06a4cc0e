#!/usr/bin/env python3
"""tune_bias.py -- per-language prior corrections for the language identifier, fitted on the
development set that build_langid.py held out of training (never on an evaluation set).

  dragoman langid -k 10 < DEV/text.txt > DEV/k10.pred
  tune_bias.py DEV/gold.tsv DEV/k10.pred OLD_BIAS.tsv NEW_BIAS.tsv

Naive Bayes over overlapping n-grams is biased towards some languages (those with many
distinctive-looking rare features, or little training text). A perceptron on the language
biases alone, weighted so that every language counts the same, moves the priors until the
held-out accuracy per language is balanced. The new biases are the old ones plus the corrections.
"""
import collections
import math
import sys

TEMPERATURE = 4.0  # SOFTMAX_TEMPERATURE of src/langid/identify.c
EPOCHS = 12
RATE = 0.04
LIMIT = 3.0


def main():
    gold_path, pred_path, old_path, new_path = sys.argv[1:5]
    gold = [l.rstrip("\n").split("\t")[0] for l in open(gold_path, encoding="utf-8")]
    rows = []
    for line in open(pred_path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        cand = {}
        for i in range(0, len(f) - 1, 2):
            conf = float(f[i + 1])
            cand[f[i]] = TEMPERATURE * math.log(conf) if conf > 0 else -1e9
        rows.append(cand)
    assert len(rows) == len(gold)
    per = collections.Counter(gold)
    weight = {g: 1.0 / n for g, n in per.items()}
    bias = collections.defaultdict(float)

    def accuracy():
        right = collections.Counter()
        for g, cand in zip(gold, rows):
            if cand and max(cand, key=lambda c: cand[c] + bias[c]) == g:
                right[g] += 1
        return sum(right[g] / per[g] for g in per) / len(per)

    best_acc, best_bias = accuracy(), dict(bias)
    print(f"start: macro accuracy {best_acc:.4f}", file=sys.stderr)
    for epoch in range(EPOCHS):
        for g, cand in zip(gold, rows):
            if g not in cand:
                continue
            p = max(cand, key=lambda c: cand[c] + bias[c])
            if p != g:
                step = RATE * weight[g] * 100
                bias[g] = min(LIMIT, bias[g] + step)
                bias[p] = max(-LIMIT, bias[p] - step)
        acc = accuracy()
        print(f"epoch {epoch}: macro accuracy {acc:.4f}", file=sys.stderr)
        if acc > best_acc:
            best_acc, best_bias = acc, dict(bias)
    old = collections.defaultdict(float)
    try:
        for line in open(old_path, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                c, b = line.split()
                old[c] = float(b)
    except FileNotFoundError:
        pass
    with open(new_path, "w", encoding="utf-8") as f:
        f.write("# per-language prior corrections (nats), fitted by tune_bias.py on held-out training lines\n")
        for c in sorted(set(old) | set(best_bias)):
            v = old[c] + best_bias.get(c, 0.0)
            if abs(v) > 1e-6:
                f.write(f"{c}\t{v:.3f}\n")


if __name__ == "__main__":
    main()
