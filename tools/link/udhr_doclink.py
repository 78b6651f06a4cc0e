#!/usr/bin/env python3
"""udhr_doclink.py -- a linking check in many more languages and scripts than the shared sets.

Builds a doclink set (the format of ../shared/eval/doclink-*) from the Universal Declaration of
Human Rights in /work/shared/corpora/udhr: every article (its paragraphs joined) of every chosen
translation is one document, and the article is its story. 31 stories, one topic throughout (like
the seeds), almost no numbers or names: what carries the links is learned word translations,
cognates and structure. The shipped lexicons were built partly from these texts, so the honest
figure is the one without them: run the program with DRAGOMAN_DATA pointing at a folder that holds
only the language model (`--no-lexicon` below does that).

With --no-headings the articles' headings ("Article 3", "მუხლი 3.", "סעיף ג") are left out:
their numbers otherwise carry most links (and Hebrew and Amharic write them with letters).

usage: udhr_doclink.py DRAGOMAN OUTDIR [--no-lexicon] [--no-headings] [--langs a,b,c]
prints the scorer's figures (pairwise F1) for the set.
"""
import collections
import json
import os
import random
import shutil
import subprocess
import sys

CORPORA = "/work/shared/corpora/udhr"
# 36 translations in 20 scripts, most of them not in the shared sets
LANGS = ["eng", "amh", "hye", "kat", "sin", "khm", "lao", "mya", "bod", "tha", "kor", "jpn",
         "cmn_hans", "ell_monotonic", "heb", "urd", "pbu", "uig_arab", "ben", "guj", "pan", "tam",
         "tel", "kan", "mal", "mar", "nep", "ukr", "bul", "kaz", "mkd", "tur", "swh", "yor",
         "vie", "fin"]


def article_docs(code, headings=True):
    arts = {}
    for line in open(os.path.join(CORPORA, f"udhr_{code}.tsv"), encoding="utf-8"):
        key, _, text = line.rstrip("\n").partition("\t")
        if not text.strip() or key == "00-00" or (not headings and key.endswith("-00")):
            continue
        arts.setdefault(key.split("-")[0], []).append(text.strip())
    return {a: "\n".join(p) for a, p in arts.items()}


def main():
    prog, out = sys.argv[1], sys.argv[2]
    langs = LANGS
    if "--langs" in sys.argv:
        langs = sys.argv[sys.argv.index("--langs") + 1].split(",")
    os.makedirs(out, exist_ok=True)
    rng = random.Random(11)
    docs = []
    for code in langs:
        for art, text in article_docs(code, "--no-headings" not in sys.argv).items():
            docs.append((f"{rng.getrandbits(48):012x}", art, text, code))
    rng.shuffle(docs)
    with open(os.path.join(out, "docs.jsonl"), "w", encoding="utf-8") as f:
        for i, _, t, _ in docs:
            f.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "gold.tsv"), "w", encoding="utf-8") as f:
        for i, a, _, _ in docs:
            f.write(f"{i}\t{a}\n")
    with open(os.path.join(out, "langs.tsv"), "w", encoding="utf-8") as f:
        for i, _, _, code in docs:
            f.write(f"{i}\t{code}\n")
    env = dict(os.environ)
    if "--no-lexicon" in sys.argv:
        data = os.path.join(out, "data-langid-only")
        os.makedirs(os.path.join(data, "langid"), exist_ok=True)
        repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
        shutil.copy(os.path.join(repo, "data", "langid", "langid.bin.gz"), os.path.join(data, "langid"))
        env["DRAGOMAN_DATA"] = data
    with open(os.path.join(out, "pred.tsv"), "w") as f:
        subprocess.run([prog, "cluster", os.path.join(out, "docs.jsonl")], stdout=f, env=env, check=True)
    print(f"{len(docs)} documents, {len(langs)} languages")
    pred = dict(line.rstrip("\n").split("\t") for line in open(os.path.join(out, "pred.tsv")))
    by_article = collections.defaultdict(list)
    for i, a, _, code in docs:
        by_article[a].append((i, code))
    held = collections.Counter()
    for members in by_article.values():
        main_cluster = collections.Counter(pred[i] for i, _ in members).most_common(1)[0][0]
        held.update(code for i, code in members if pred[i] == main_cluster)
    counts = collections.Counter(code for _, _, _, code in docs)
    print("weakest (documents in their article's main cluster): " +
          ", ".join(f"{c} {held[c]}/{counts[c]}" for c in sorted(counts, key=lambda c: held[c] / counts[c])[:10]))
    subprocess.run([sys.executable, "/work/shared/eval/score.py", "clusters", os.path.join(out, "gold.tsv"),
                    os.path.join(out, "pred.tsv")], check=False)


main()
