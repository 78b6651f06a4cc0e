"""close_pairs.py -- which languages of the model are close neighbours, and what their counts say
about each other (build side, used by build_langid.py model).

Close languages (Bosnian and Croatian, Indonesian and Malay, Bokmal and Nynorsk, Zulu and Xhosa)
share most of their n-grams and words, and a model that learns each from its own text alone
tells them apart mostly by which of the two happened to have seen a rare word: the one with more
text has seen more of them, and the other pays the "unseen" penalty (several nats) for each.
Measured on lingua sentences, two thirds of the wrong answers were such pairs.

`close_pairs` finds the pairs from the counts alone: two languages of one script are close when
the cosine of their 4-gram profiles (each language's most frequent 4-grams, relative frequencies)
is high, or when each has most of the other's frequent words (agglutinative neighbours share
words less than n-grams, analytic ones the reverse).

`fill_unseen` then gives a language a feature its close neighbour has and it lacks when its own
text is too small for the absence to mean anything: if the neighbour's rate times this
language's amount of text predicts fewer than `expect` occurrences, the feature gets the
neighbour's rate (the pair's evidence about it is nil), so it still tells the pair from the
other languages but no longer one member from the other. A feature whose absence is significant
(Malay text that never says "karena", which Indonesian says every few hundred words) keeps the
unseen value and stays evidence.
"""
import math
import sys

import features as F

PROFILE = 3000  # 4-grams of each language's profile


def _main_script(lg):
    return max(lg["scripts"], key=lg["scripts"].get) if lg["scripts"] else None


def _profile(lg):
    top = sorted(((c, g) for (o, g), c in lg["kept"].items() if o == 4), reverse=True)[:PROFILE]
    norm = math.sqrt(sum(c * c for c, g in top)) or 1.0
    return {g: c / norm for c, g in top}


def _top_words(lg, n):
    ws = sorted(((c, g) for (o, g), c in lg["kept"].items() if o == F.ORDER_WORD), reverse=True)
    return [g for c, g in ws[:n]]


def close_pairs(langs, min_cosine, min_share, n_words=2000):
    """Index pairs (i, j), i < j, of close languages (see the module comment)."""
    prof = [_profile(lg) for lg in langs]
    top = [_top_words(lg, n_words) for lg in langs]
    vocab = [{g for (o, g) in lg["kept"] if o == F.ORDER_WORD} for lg in langs]
    script = [_main_script(lg) for lg in langs]
    pairs = []
    for i in range(len(langs)):
        for j in range(i + 1, len(langs)):
            if script[i] is None or script[i] != script[j]:
                continue
            a, b = prof[i], prof[j]
            if len(b) < len(a):
                a, b = b, a
            cos = sum(x * b.get(g, 0.0) for g, x in a.items())
            share = 0.0
            if top[i] and top[j]:
                share = min(sum(g in vocab[j] for g in top[i]) / len(top[i]),
                            sum(g in vocab[i] for g in top[j]) / len(top[j]))
            if cos >= min_cosine or share >= min_share:
                pairs.append((i, j))
                print(f"close pair {langs[i]['code']} {langs[j]['code']}: 4-gram cosine {cos:.3f}, "
                      f"word share {share:.3f}", file=sys.stderr)
    return pairs


def fill_unseen(langs, pairs, expect, orders, share=1.0, max_ratio=0.0):
    """Give each member of a close pair the features its partner has and it lacks, where its
    own text predicts fewer than `expect` of them (see the module comment), at `share` times the
    partner's rate (below 1, the member lacking it still pays a little). Computed from the
    counts as they were, then applied (a fill does not beget fills)."""
    fills = [dict() for _ in langs]
    for i, j in pairs:
        for a, b in ((i, j), (j, i)):
            src, dst = langs[a], langs[b]
            if max_ratio and max(src["prose"], 1000) > max_ratio * max(dst["prose"], 1000):
                continue  # too little text of its own: filled, it would take the partner's lines
            ratio = {o: dst["totals"].get(o, 0) / src["totals"][o]
                     for o in orders if src["totals"].get(o)}
            dk, fb = dst["kept"], fills[b]
            for k, c in src["kept"].items():
                r = ratio.get(k[0])
                if r is None or k in dk:
                    continue
                e = c * r
                if e < expect and e * share > fb.get(k, 0.0):
                    fb[k] = e * share
    for lg, fb in zip(langs, fills):
        lg["kept"].update(fb)
        if fb:
            print(f"{lg['code']}: {len(fb)} features filled from close neighbours", file=sys.stderr)

