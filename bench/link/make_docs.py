#!/usr/bin/env python3
"""Build a large collection for the linking benchmark from the evaluation documents.

  make_docs.py N OUT.jsonl OUT_GOLD.tsv DRAGOMAN [SET_DIR ...]

Each new story is a base story (every language version of it) followed by the same language's
versions of two random short stories, with the digits of the whole renamed by a permutation
drawn for the new story (in their own digit system): distinct stories that overlap in part with
others, with their own numbers, as many as needed for N documents, all with fresh ids.
Deterministic (fixed seed).
"""
import json, os, random, subprocess, sys, unicodedata

def languages(texts, prog):
    """The language of each text, by the program itself (first line of each, 300 characters)."""
    probe = "".join(" ".join(t[:300].split()) + "\n" for t in texts)
    r = subprocess.run([prog, "langid"], input=probe, capture_output=True, text=True, check=True)
    return r.stdout.split()

def load(set_dir, prog):
    docs = {}
    for line in open(os.path.join(set_dir, "docs.jsonl"), encoding="utf-8"):
        d = json.loads(line)
        docs[d["id"]] = d["text"]
    ids = list(docs)
    lang = dict(zip(ids, languages([docs[i] for i in ids], prog)))
    stories = {}
    for line in open(os.path.join(set_dir, "gold.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        i, c = line.rstrip("\n").split("\t")
        stories.setdefault(c, {})[lang[i]] = docs[i]
    return list(stories.values())

def rename_digits(text, perm):
    out = []
    for ch in text:
        v = unicodedata.decimal(ch, None)
        if v is None:
            out.append(ch)
        else:
            out.append(chr(ord(ch) - v + perm[v]))
    return "".join(out)

def main():
    n, out, gold, prog = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    sets = sys.argv[5:] or ["/work/shared/eval/doclink-ntrex", "/work/shared/eval/doclink-flores"]
    base = [s for d in sets for s in load(d, prog)]
    short = [s for s in base if sum(map(len, s.values())) / len(s) < 1000]
    rng = random.Random(7)
    written = 0
    with open(out, "w", encoding="utf-8") as fo, open(gold, "w", encoding="utf-8") as fg:
        r = 0
        while written < n:
            r += 1
            for k, story in enumerate(base):
                extra, extra2 = rng.choice(short), rng.choice(short)
                perm = list(range(10))
                rng.shuffle(perm)
                for lang in sorted(set(story) & set(extra) & set(extra2)):
                    if written >= n:
                        break
                    text = rename_digits(story[lang] + "\n\n" + extra[lang] + "\n\n" + extra2[lang], perm)
                    did = "b%07d" % written
                    fo.write(json.dumps({"id": did, "text": text}, ensure_ascii=False) + "\n")
                    fg.write("%s\tr%d-%d\n" % (did, r, k))
                    written += 1

if __name__ == "__main__":
    main()
