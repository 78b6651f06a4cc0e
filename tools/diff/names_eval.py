#!/usr/bin/env python3
"""names_eval.py -- how trustworthy are the "names on one side only" of `dragoman diff`?

Three measures, all on text that is parallel by construction (nothing from /work/shared/eval):

1. The example articles as they are (examples/iran-iraq: Persian 003 / English 004, Hindi 000 /
   English 001): how many names are reported (ideally the few the other version really lacks).
2. The same with one known name deleted from the non-English version (every occurrence of each
   of its spellings, as a whole word): the English name must be reported. And the other way
   (2b): the English name deleted from the English version, the non-English spelling must be
   reported (names in scripts without capitals). Each run's reports are
   scored: a report naming the deleted name is right, any other report is wrong. Gives precision
   (right / all reports over the runs) and recall (runs whose deleted name is reported / runs).
3. The Universal Declaration of Human Rights (/work/shared/corpora/udhr), X against English
   paragraph by paragraph (same keys), X = de fr ru ar zh hi fa: every name reported there is a
   false alarm (German capitalises all its nouns; the Declaration has almost no names).

usage: names_eval.py DRAGOMAN [REPO] [CORPORA]
"""
import json
import os
import re
import subprocess
import sys
import tempfile

PROG = sys.argv[1]
REPO = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..")
CORPORA = sys.argv[3] if len(sys.argv) > 3 else "/work/shared/corpora"
EX = os.path.join(REPO, "examples", "iran-iraq")

# (English name as reported, spellings in the other version)
FA_NAMES = [
    ("Kazemi", ["الکاظمی", "کاظمی"]),
    ("Sistani", ["سیستانی"]),
    ("Soleimani", ["سلیمانی"]),
    ("Bremer", ["برمر"]),
    ("Saddam", ["صدام"]),
    ("Yemen", ["یمن"]),
    ("Jahangiri", ["جهانگیری"]),
    ("Mustafa", ["مصطفی"]),
    ("Khamenei", ["خامنهای"]),
    ("Sha'abi", ["حشدالشعبی"]),
    ("Mohandes", ["المهندس"]),
    ("Paul", ["پل"]),
]
HI_NAMES = [
    ("Saddam", ["सद्दाम"]),
    ("Raisi", ["रईसी"]),
    ("Rashid", ["रशीद"]),
    ("Latif", ["लतीफ़"]),
    ("Abdul", ["अब्दुल"]),
    ("Khamenei", ["ख़ामेनेई"]),
    ("Arba'een", ["अरबईन"]),
    ("European", ["यूरोपीय"]),
    ("Hujjat", ["हुज्जतुल"]),
]
UDHR = [("de", "udhr_deu_1996"), ("fr", "udhr_fra"), ("ru", "udhr_rus"), ("ar", "udhr_arb"),
        ("zh", "udhr_cmn_hans"), ("hi", "udhr_hin"), ("fa", "udhr_pes_1")]


def names(src, tgt, sl, tl, lines=False):
    cmd = [PROG, "diff", "--json", "--src-lang", sl, "--tgt-lang", tl]
    if lines:
        cmd.append("--lines")
    out = subprocess.run(cmd + [src, tgt], capture_output=True, text=True, check=True).stdout
    return [(it["side"], it["what"]) for it in json.loads(out)["items"] if it["kind"] == "name"]


def delete_words(text, forms):
    for f in forms:
        text = re.sub(r"(?<!\w)" + re.escape(f) + r"(?!\w)", "", text)
    return text


def deletion_runs(tmp, lang, other, en, table, from_english=False):
    """Each name of the table deleted in turn, from the non-English version (the English name
    must be reported) or, from_english, from the English version (one of the other version's
    spellings must be reported on its side)."""
    right = reports = found = extra = runs = 0
    missed = []
    po, pe = os.path.join(EX, other), os.path.join(EX, en)
    base = open(pe if from_english else po, encoding="utf-8").read()
    before = set(w for _, w in names(po, pe, lang, "en"))
    for name, forms in table:
        cut = delete_words(base, [name] if from_english else forms)
        if cut == base:
            continue
        runs += 1
        p = os.path.join(tmp, "cut.txt")
        open(p, "w", encoding="utf-8").write(cut)
        got = names(po, p, lang, "en") if from_english else names(p, pe, lang, "en")
        if from_english:
            hit = [w for s, w in got if s == "src" and any(f in w or w in f for f in forms)]
        else:
            hit = [w for s, w in got if name in w]
        right += len(hit)
        reports += len(got)
        extra += len([w for s, w in got if w not in before and w not in hit])
        found += bool(hit)
        if not hit:
            missed.append(name)
    return right, reports, found, runs, missed, extra


def report_deletions(tmp, from_english):
    tr = tn = tf = tt = 0
    for lang, other, en, table in [("fa", "003_7524bfdbcb54633c.txt", "004_5e79b54d010dd1a8.txt", FA_NAMES),
                                   ("hi", "000_53f2f7017102b22e.txt", "001_e90ef68c3666fdb9.txt", HI_NAMES)]:
        r, n, f, t, missed, extra = deletion_runs(tmp, lang, other, en, table, from_english)
        tr, tn, tf, tt = tr + r, tn + n, tf + f, tt + t
        prec = r / n if n else 0.0
        what = f"deleted name's {lang} spelling" if from_english else "deleted name"
        print(f"   {lang}-en: {t} runs, {what} reported in {f} (recall {f / t:.2f}); "
              f"{n} reports, {r} right (precision {prec:.2f}), {extra} wrong beyond the unmodified pair's; "
              f"missed: {', '.join(missed) or '-'}")
    print(f"   all: recall {tf / tt:.2f}, precision {tr / tn if tn else 0:.2f} ({tr}/{tn})")


def udhr(tmp, lang, stem):
    def read(path):
        d = {}
        for line in open(path, encoding="utf-8"):
            k, _, v = line.rstrip("\n").partition("\t")
            if v.strip():
                d[k] = v.strip()
        return d
    x = read(os.path.join(CORPORA, "udhr", stem + ".tsv"))
    e = read(os.path.join(CORPORA, "udhr", "udhr_eng.tsv"))
    keys = [k for k in sorted(x) if k in e and k != "00-00"]
    px, pe = os.path.join(tmp, "x.txt"), os.path.join(tmp, "e.txt")
    open(px, "w", encoding="utf-8").write("".join(x[k] + "\n" for k in keys))
    open(pe, "w", encoding="utf-8").write("".join(e[k] + "\n" for k in keys))
    return len(keys), names(px, pe, lang, "en", lines=True)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        print("1. example pairs as they are: names reported")
        for lang, a, b in [("fa", "003_7524bfdbcb54633c.txt", "004_5e79b54d010dd1a8.txt"),
                           ("hi", "000_53f2f7017102b22e.txt", "001_e90ef68c3666fdb9.txt")]:
            got = names(os.path.join(EX, a), os.path.join(EX, b), lang, "en")
            print(f"   {lang}-en: {len(got)}: " + ", ".join(w for _, w in got))
        print("2. one name deleted from the non-English version")
        report_deletions(tmp, False)
        print("2b. one name deleted from the English version")
        report_deletions(tmp, True)
        print("3. UDHR, X against English, paragraph by paragraph: names reported (all false alarms)")
        total = 0
        for lang, stem in UDHR:
            n, got = udhr(tmp, lang, stem)
            total += len(got)
            shown = ", ".join(f"{w}" for _, w in got[:12]) + (" ..." if len(got) > 12 else "")
            print(f"   {lang}-en ({n} paragraphs): {len(got)}: {shown}")
        print(f"   total: {total}")


main()
