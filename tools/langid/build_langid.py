#!/usr/bin/env python3
"""build_langid.py -- build dragoman's language-identification model from collected text.

  build_langid.py count TEXT_DIR COUNTS_DIR [--holdout DEV_DIR] [--only CODES]
  build_langid.py model COUNTS_DIR OUT.bin.gz [--bias BIAS.tsv] [--population POPULATION.tsv]
                        [--wordfreq WORDFREQ.tsv] [--vocab TEXT_DIR]

`count` reads TEXT_DIR/<code>.<source>.txt (written by collect_text.py), samples each language's
text to a bounded size, counts the features of features.py and keeps each language's most frequent
ones in COUNTS_DIR/<code>.pickle. With --holdout, every 10th line is kept out of the counts and
written to DEV_DIR/<code>.txt, to measure the model on text it has not seen.

`model` turns the counts into naive Bayes log-probabilities, quantizes them to a byte and writes the
compact binary model that src/langid/model.c loads (format described there). Kept as two steps
so that probabilities and sizes can be re-tuned without recounting.
"""
import collections
import functools
import itertools
import gzip
import os
import pickle
import random
import struct
import sys
import unicodedata
import math

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import features as F  # noqa: E402
from langcodes import alpha3  # noqa: E402
import close_pairs  # noqa: E402

# Bytes of text read per language and source (the rest is not needed and only slows the count).
SOURCE_CAP = {"man": 3_000_000, "udhr": 10 ** 6, "tatoeba": 10 ** 6, "ui": 3_000_000, "help": 3_000_000,
              "cat": 3_000_000, "doc": 3_000_000, "fort": 3_000_000, "game": 3_000_000,
              "book": 3_000_000,
              "iso": 200_000, "words": 0}
for _s in filter(None, os.environ.get("LID_SKIP_SOURCES", "").split(",")):  # for experiments
    SOURCE_CAP[_s] = 0
# Text from other domains (fortune cookies, Wesnoth's campaigns, translated manuals: see
# collect_text.py) is counted apart from the language's own text ("lift" in its counts, not in its
# prose, totals or held-out lines), so that the model step can use it or not (LID_LIFT, below)
# and the counts without it stay those of the shipped model. Seventh round: added as text it gave
# lingua +0.001 and cost the held-out prose lines 0.002; as a lift of the counts it pulled close
# partners (docs/LANGID.md); so the shipped model does not use it.
LIFT_SOURCES = ("fort", "game", "book")
KEEP_PER_ORDER = {1: 3000, 2: 12000, 3: 20000, 4: 30000, 5: 30000, 6: 60000}
MIN_COUNT = 2
MODEL_KEEP = {1: 0, 2: 3000, 3: 8000, 4: 20000, 5: 16000, 6: 40000}  # per language, considered
MAX_LIST = int(os.environ.get("LID_MAX_LIST", 40))  # postings of one word feature at most
# An n-gram with more postings than this is stored as a dense row (a signed byte for every
# language): common n-grams differ from their median in most languages of their script, and
# cutting their lists (as words are cut, at MAX_LIST) gave the languages left out the median,
# which let a language with a frequent n-gram outscore a big one that has it a little less often.
DENSE_MIN = int(os.environ.get("LID_DENSE_MIN", 48))
DENSE = 255  # the count byte of a dense row
LOW_ORDER = 3  # 2- and 3-grams are looked up only in short text (see identify.c); 1-grams not at all
LOW_PER_LANG = int(os.environ.get("LID_LOW_PER_LANG", 1200))  # low-order features chosen by each language
POSTINGS_PER_LANG = int(os.environ.get("LID_PER_LANG", 8000))  # features chosen by each language
LIST_PER_LANG = int(os.environ.get("LID_LIST_PER_LANG", 8000))  # listed words chosen by each language (4000 before the sixth round)
# Languages in the model (one-byte ids, at most 255): all with more than the UDHR to learn from,
# then FLORES-200's (flores200.txt), then the other ISO 639-1 ones, then the rest by amount of text.
# 220 before the eighth round, which added the FLORES-200 languages that have text (19 of them).
MAX_LANGS = int(os.environ.get("LID_MAX_LANGS", 240))
FLORES = set(line.split("_")[0] for line in open(os.path.join(HERE, "flores200.txt"), encoding="utf-8")
             if line.strip() and not line.startswith("#"))
QSCALE = 8.0  # quantization steps per nat
# count given to a feature a language was not seen with: the smaller, the more a feature that
# only some languages have counts against the others. On the held-out prose lines (macro) 0.3
# 0.8352, 0.1 0.8403, 0.03 0.8424, 0.01 0.8439 (all held-out lines 0.8717 / 0.8738 / 0.8747 /
# 0.8745); fourth round: 0.01 0.8463, 0.003 with KEEP_SMALL 0.8488 (lingua 0.8120 -> 0.8133)
UNSEEN = float(os.environ.get("LID_UNSEEN", 0.003))
PRUNE = 0.5  # nats: smaller differences from a feature's default are not stored (but see KEEP_SMALL)
# Dense rows also keep the deviations smaller than PRUNE (a row costs the same whatever it holds):
# +0.0009 macro on the held-out prose lines.
KEEP_SMALL = int(os.environ.get("LID_KEEP_SMALL", 1))
DELTA_SHRINK = 0.0  # 0 gives every language the same unseen penalty
# Dirichlet smoothing of a language's seen features towards the background of its script (the
# counts of all the model's languages of that script pooled): P(f | l) = (c + mu x Pbg(f)) /
# (T + D + mu), mu = SMOOTH_MU letters' worth of features of the order. A language with millions
# of letters keeps its estimate; one with the UDHR only (10k letters), whose text repeats a loan
# word ("gobierno" in Cashibo-Cacataibo), is pulled towards how often the script's text has the
# feature. Unseen features keep the shared unseen value (a per-language one made small-data
# languages steal lines). 0: off. Fifth round (held-out counts, docs/LANGID.md): mu 30k letters
# held-out prose lines 0.8545 -> 0.8549, the small languages' held-out lines 0.8991 -> 0.8875,
# lingua 0.8245 -> 0.8240; 150k worse everywhere, and "Gobierno" still Cashibo-Cacataibo: its
# UDHR says "gobierno..." 33 times in 10k letters, a frequency, not the noise of a small sample.
SMOOTH_MU = float(os.environ.get("LID_SMOOTH_MU", 0))
# Deviations from a feature's default are cut to +-CLIP nats before quantization (the byte holds
# +-15.9): how much one n-gram can say. 0: no cut. 8 makes "Prime Minister" English but costs
# prose lines 0.0026, the small languages' lines 0.0135; 5 much worse; +10 only, -0.001/-0.005.
CLIP = float(os.environ.get("LID_CLIP", 0))
CLIP_LOW = float(os.environ.get("LID_CLIP_LOW", CLIP))  # the cut below (a feature the language has less)
# With SMOOTH_LOG, the smoothing is done on log-probabilities instead: log P(f | l) moves towards
# log Pbg(f) by mu / (T + D + mu). mu 10k: prose lines 0.8557, small languages 0.8662, lingua 0.8225.
SMOOTH_LOG = int(os.environ.get("LID_SMOOTH_LOG", 0))
SMOOTH_ORDERS = {int(x) for x in os.environ.get("LID_SMOOTH_ORDERS", "1,2,3,4,5,6").split(",")}
# Burstiness of little text: the UDHR of a small language repeats a few words (a loan such as
# "gobierno" six times in 2,000 words of Cashibo-Cacataibo), and each of the word's ~30 n-grams
# then counts six times. For a language with less than DAMPEN_BELOW letters of prose (all its
# words are in its counts), a word seen c times adds c ** DAMPEN to its n-grams and to itself
# instead of c. 1: off. 0.5: worse everywhere (prose lines 0.8520, small languages 0.8906, lingua
# 0.8225): the repeated stem is spread over many word forms (gobiernonën, gobiernocaman...).
DAMPEN = float(os.environ.get("LID_DAMPEN", 1.0))
DAMPEN_BELOW = int(os.environ.get("LID_DAMPEN_BELOW", 100_000))
PRIOR_WEIGHT = float(os.environ.get("LID_PRIOR_WEIGHT", 1.0))  # nats of prior per e-fold of training text below PRIOR_FULL letters
PRIOR_FULL = 1_000_000
# The prior also has a term for how many people use the language (population.py, from CLDR):
# POP_WEIGHT nats per e-fold of users below POP_FULL, a language CLDR does not list counted as
# POP_MIN users. On a word or two the evidence is thin, and a small language whose UI catalogue
# repeats a word ("respuestas": Aragonese) should not take it from Spanish unless the evidence
# is strong. 0.3 was best on held-out prose lines (Tatoeba, help and manual pages; 0.5 and 0.8 a
# little worse, 0 worse by 0.001 macro).
POP_WEIGHT = 0.3
POP_FULL = 1e8
POP_MIN = 1e4
# Close pairs (close_pairs.py): languages of one script whose 4-gram profiles have this cosine,
# or each of which has this share of the other's 2,000 most frequent words (42 pairs: bs/hr,
# id/ms, nb/nn, da/nb, es/gl, xh/zu, nr/zu, tn/nso, st/tn...). A member lacking a feature (of the
# orders FILL_ORDERS) that its partner has gets FILL_SHARE times the partner's rate when its own
# text predicts fewer than FILL_EXPECT occurrences (0: off), unless the partner has more than
# FILL_MAX_RATIO times its text. Sixth round (docs/LANGID.md): with LID_FILL_EXPECT=3, held-out
# counts, lingua sentences 0.9517 -> 0.9528 (bs -> hr 564 -> 514, zu -> xh 194 -> 127, but zu ->
# nr 20 -> 48), held-out prose lines 0.8545 -> 0.8542; from the full counts lingua sentences
# 0.9520 -> 0.9526, macro 0.8245 -> 0.8244. Too small a gain for a model commit: off by default
# (the shipped model is built without it). Sharing 0.25 or 1 of the rate, or filling the 2/3-grams
# too, cost more prose lines.
PAIR_COSINE = float(os.environ.get("LID_PAIR_COSINE", 0.55))
PAIR_SHARE = float(os.environ.get("LID_PAIR_SHARE", 0.45))
FILL_EXPECT = float(os.environ.get("LID_FILL_EXPECT", 0))
FILL_SHARE = float(os.environ.get("LID_FILL_SHARE", 0.1))
FILL_ORDERS = {int(x) for x in os.environ.get("LID_FILL_ORDERS", "4,5,6").split(",")}
FILL_MAX_RATIO = float(os.environ.get("LID_FILL_MAX_RATIO", 10))

# dm_script numbers of src/text/text.h, found from Unicode character names
SCRIPTS = ["LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "DEVANAGARI", "BENGALI", "GURMUKHI",
           "GUJARATI", "ORIYA", "TAMIL", "TELUGU", "KANNADA", "MALAYALAM", "SINHALA", "THAI", "LAO",
           "TIBETAN", "MYANMAR", "GEORGIAN", "HANGUL", "ETHIOPIC", "KHMER", "CJK", "HIRAGANA",
           "KATAKANA", "ARMENIAN", "THAANA"]
SCRIPT_NO = {name: i + 1 for i, name in enumerate(SCRIPTS)}


@functools.lru_cache(maxsize=None)
def script_of(c):
    try:
        first = unicodedata.name(c).split()[0]
    except ValueError:
        return 0
    if first == "CJK" and "IDEOGRAPH" not in unicodedata.name(c):
        return 0
    return SCRIPT_NO.get(first, 0)


def read_lines(path, cap):
    lines, size = [], 0
    with open(path, encoding="utf-8") as f:
        allv = f.read().split("\n")
    rnd = random.Random(path)
    if cap and sum(len(x) for x in allv) > cap:
        rnd.shuffle(allv)
    for line in allv:
        if not line:
            continue
        if cap and size >= cap:
            break
        lines.append(line)
        size += len(line)
    return lines


# Function words of English: a line of a translation made mostly of them was left untranslated
# (help pages fall back to English) and must not teach the other language English.
ENGLISH = set("""the of and to in is for this that with you are on be as by it or from an not can
will if your which at has have was all more when use used click select file open new page see
these there their they then than into only also other such must should would may""".split())
# Historic, constructed or dialect varieties with little text that only steal lines from a big
# neighbour (sco from English, wuu from Chinese, io from Esperanto...).
EXCLUDE = {"ang", "orv", "tzl", "lfn", "nov", "ile", "ido", "io", "cbk", "wuu", "arq", "mxi", "sco",
           "swg", "kzj", "dtp", "gsw", "lad",
           "ie", "ia", "no"}  # "no": hunspell word lists of Bokmål and Nynorsk together, not a language
WORDS_IF_PROSE_BELOW = 100_000  # little prose: features seen once are kept, and a word list is read up to this many letters
# A word list (<code>.words.txt: tesseract's, hunspell's) is read where prose is scarce, below
# this many letters (LID_LIST_BELOW). 100k before the eighth round, when a list was counted as
# text; feeding the n-grams only (LIST_AS_WORDS), 500k also gives Amharic, Urdu, Tagalog, Uzbek
# and Kurdish their lists (held-out lines: prose +6, prose1k +1, all +3 right; lingua am words
# 0.79 -> 0.90, ur 0.48 -> 0.57); 1M (Afrikaans, Breton, Gaelic... too) was worse there.
LIST_IF_PROSE_BELOW = int(float(os.environ.get("LID_LIST_BELOW", 500_000)))
# A word list (tesseract's, hunspell's: one line a word form, no frequencies) tells which letter
# sequences a language has, not how often its words occur. Counted as text, each listed word
# was a token of a text hardly larger than the list: Tigrinya's 3,189 words (from web text)
# each got the rate of a frequent word (1 in 8,700), so that the everyday words it shares with
# Amharic ("government", "year", "world"), rare in Amharic's UI strings, made Amharic sentences
# Tigrinya. With 0 (eighth round), the list feeds the n-grams only; 1: words too (as before).
LIST_AS_WORDS = float(os.environ.get("LID_LIST_AS_WORDS", 0))


class _LetterScript(dict):
    """Character -> its script number when it is a letter (category L*), else -1; filled on
    first sight (the count step looks at hundreds of megabytes)."""

    def __missing__(self, ch):
        v = -1
        if unicodedata.category(ch)[0] == "L":
            sc = script_of(ch)
            v = SCRIPT_NO["CJK"] if sc in (SCRIPT_NO["HIRAGANA"], SCRIPT_NO["KATAKANA"]) else sc
        self[ch] = v
        return v


_letter_script = _LetterScript()


def line_script(line):
    counts = collections.Counter(map(_letter_script.__getitem__, line))
    counts.pop(-1, None)
    return counts.most_common(1)[0][0] if counts else None


def english_line(line):
    toks = line.lower().split()
    k = sum(t.strip(".,:;()\"'") in ENGLISH for t in toks)
    return k >= 2 and k >= 0.25 * len(toks)


def english_vocabulary(text_dir, size=30000):
    """The most frequent words of the English UI strings and help pages."""
    wc = collections.Counter()
    for source in ("ui", "help"):
        path = os.path.join(text_dir, f"en.{source}.txt")
        if os.path.exists(path):
            for line in read_lines(path, 3_000_000):
                wc.update(F.words(line))
    return {w for w, _ in wc.most_common(size)}


def english_lines(text_dir):
    """The lines of the English UI strings and help pages, lowered: a line of another language's
    UI that is one of them was left untranslated (Firefox's Fula shows "Hello" in English)."""
    out = set()
    for source in ("ui", "cat", "help", "doc"):
        path = os.path.join(text_dir, f"en.{source}.txt")
        if os.path.exists(path):
            out.update(line.lower() for line in read_lines(path, 0))
    return out


def untranslated(ws, english):
    """A UI string (its words) left in English by a partial translation (Firefox's Acholi...)."""
    return bool(ws) and sum(w in english for w in ws) >= 0.6 * len(ws)


def count(text_dir, counts_dir, dev_dir=None, only=None):
    os.makedirs(counts_dir, exist_ok=True)
    if dev_dir:
        os.makedirs(dev_dir, exist_ok=True)
    by_lang = collections.defaultdict(list)
    for fn in os.listdir(text_dir):
        code, source, _ = fn.split(".")
        by_lang[code].append(source)
    english = english_vocabulary(text_dir)
    english_ui = english_lines(text_dir)
    for code in sorted(by_lang):
        if code in EXCLUDE or (only and code not in only):
            continue
        sources = {}
        for source in sorted(by_lang[code]):
            cap = SOURCE_CAP.get(source, 0)
            if cap:
                sources[source] = read_lines(os.path.join(text_dir, f"{code}.{source}.txt"), cap)
        # the scripts the language is written in: those of at least a fifth of its lines
        per_script = collections.Counter()
        for lines in sources.values():
            for line in lines:
                per_script[line_script(line)] += 1
        total = sum(per_script.values()) or 1
        ok_scripts = {sc for sc, c in per_script.items() if sc is not None and c >= 0.2 * total}
        wc = collections.Counter()
        lift_wc = collections.defaultdict(collections.Counter)
        dev = []
        dropped = 0
        prose = 0
        for source, lines in sources.items():
            for i, line in enumerate(lines):
                ws = F.words(line)
                if line_script(line) not in ok_scripts or (
                        code != "en" and (english_line(line) or untranslated(ws, english)
                                          or line.lower() in english_ui)):
                    dropped += 1
                    continue
                if dev_dir and i % 10 == 5 and source != "iso":
                    if source not in LIFT_SOURCES:
                        dev.append(line)
                    continue
                if source in LIFT_SOURCES:
                    lift_wc[source].update(ws)
                    continue
                prose += sum(len(w) for w in ws)
                wc.update(ws)
        list_wc = wc if LIST_AS_WORDS == 1 else collections.Counter()
        if prose < LIST_IF_PROSE_BELOW and "words" in by_lang[code]:
            for w in read_lines(os.path.join(text_dir, f"{code}.words.txt"), WORDS_IF_PROSE_BELOW):
                if line_script(w) in ok_scripts or not ok_scripts:
                    list_wc.update(F.words(w))
        if not wc and not list_wc:
            continue
        scripts = collections.Counter()
        for w, c in itertools.chain(wc.items(), list_wc.items() if list_wc is not wc else ()):
            for ch in w:
                if unicodedata.category(ch)[0] == "L":
                    scripts[script_of(ch)] += c
        feats = collections.Counter()
        totals = collections.Counter()
        for w, c in wc.items():
            for order, g in F.word_features(w):
                feats[(order, g)] += c
                totals[order] += c
        if list_wc is not wc:  # a word list's words feed the n-grams only (LIST_AS_WORDS)
            for w, c in list_wc.items():
                for order, g in F.word_features(w):
                    k = c if order != F.ORDER_WORD else c * LIST_AS_WORDS
                    if k:
                        feats[(order, g)] += k
                        totals[order] += k
        kept = {}
        by_order = collections.defaultdict(list)
        for (order, g), c in feats.items():
            if c >= MIN_COUNT:
                by_order[order].append((c, g))
        if prose < WORDS_IF_PROSE_BELOW:  # little text: a word seen once still says something
            for (order, g), c in feats.items():
                if c < MIN_COUNT:
                    by_order[order].append((c, g))
        for order, lst in by_order.items():
            lst.sort(reverse=True)
            for c, g in lst[:KEEP_PER_ORDER[order]]:
                kept[(order, g)] = c
        distinct = collections.Counter(order for order, _ in feats)
        lift = {}
        for source, lwc in lift_wc.items():
            lf, lt = collections.Counter(), collections.Counter()
            for w, c in lwc.items():
                for order, g in F.word_features(w):
                    lf[(order, g)] += c
                    lt[order] += c
            lk = {}
            for order in lt:
                lst = sorted(((c, g) for (o, g), c in lf.items() if o == order and c >= MIN_COUNT), reverse=True)
                lk.update(((order, g), c) for c, g in lst[:KEEP_PER_ORDER[order]])
            lift[source] = {"kept": lk, "totals": dict(lt)}
        nletters = sum(scripts.values())
        mask = 0
        for s, c in scripts.items():
            if c >= 0.10 * nletters:
                mask |= 1 << s
        letters = sum(len(w) * c for w, c in wc.items())
        if list_wc is not wc:
            letters += sum(len(w) * c for w, c in list_wc.items())
        with open(os.path.join(counts_dir, code + ".pickle"), "wb") as f:
            pickle.dump({"code": code, "kept": kept, "totals": dict(totals),
                         "distinct": dict(distinct), "mask": mask, "chars": letters,
                         "prose": prose, "scripts": dict(scripts), "lift": lift}, f)
        if dev_dir and dev:
            with open(os.path.join(dev_dir, code + ".txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(dev) + "\n")
        print(f"{code}: {letters} letters, {len(kept)} features kept, "
              f"scripts {mask:#x}", file=sys.stderr)


def feature_script(g):
    for ch in g:
        if ch not in " \x01":
            return script_of(ch)
    return 0


def script_mask(scripts):
    """Scripts a language is a candidate for: its main one and any other of 30% of its letters
    (Latin words in Urdu UI strings do not make Urdu a Latin-script language). Japanese mixes
    Han and kana in every sentence, so a kana language gets all three."""
    total = sum(scripts.values()) or 1
    main = max(scripts, key=scripts.get)
    mask = 1 << main
    for sc, c in scripts.items():
        if c >= 0.3 * total:
            mask |= 1 << sc
    kana = scripts.get(SCRIPT_NO["HIRAGANA"], 0) + scripts.get(SCRIPT_NO["KATAKANA"], 0)
    if kana >= 0.05 * total:
        # the run time files Han text with any kana under Hiragana: Han text without kana is
        # Chinese (or another Han-only language), never Japanese, however many kanji Japanese has
        mask |= 1 << SCRIPT_NO["HIRAGANA"] | 1 << SCRIPT_NO["KATAKANA"]
        mask &= ~(1 << SCRIPT_NO["CJK"])
    return mask


def read_population(path):
    users = {}
    if path:
        for line in open(path, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                code, n = line.split("\t")[:2]
                users[code] = float(n)
    return users


def prior_of(lg, bias, users):
    p = bias.get(lg["code"], 0.0) + PRIOR_WEIGHT * min(0.0, math.log(max(lg["prose"], 1000) / PRIOR_FULL))
    if users:
        p += POP_WEIGHT * min(0.0, math.log(max(users.get(lg["code"], POP_MIN), POP_MIN) / POP_FULL))
    return p


# Ranked word lists of everyday language (wordfreq.py: OpenSubtitles frequencies, ~40 languages)
# lift the words a language's training text lacks or has too rarely: the UI strings and help
# pages of Spanish never say "ministro" and say "gobierno" 3 times, and English lacks
# "yesterday" (Kabyle took it). A word of rank r gets the count WORDFREQ_WEIGHT x A x T / r (T the
# language's word tokens, A its Zipf constant: the median of count x rank / T over the list's
# words of rank 50..2000 that its text has), when that is more than its text gave it.
WORDFREQ_WEIGHT = float(os.environ.get("LID_WF_WEIGHT", 1.0))
# Weight of the listed words as text for the n-grams (0: words only), and the n-gram orders that
# get it (held-out prose lines 0.8533 without, 0.8534 with: single words +0.0015, pairs +0.0001,
# sentences -0.0021)
WORDFREQ_NGRAMS = float(os.environ.get("LID_WF_NGRAMS", 1.0))
WORDFREQ_NGRAM_ORDERS = {int(x) for x in os.environ.get("LID_WF_NGRAM_ORDERS", "2,3,4,5").split(",")}
# A language without a list is a partner of a listed one of its script when the listed one's text
# has this share of the partner's 2,000 most frequent words (ms of id 0.73, nn of nb 0.64, gl of
# es 0.65; unrelated languages of a script 0.2-0.3, from the technical words of UI strings).
PARTNER_SHARE = float(os.environ.get("LID_PARTNER_SHARE", 0.45))
# A partner with this many times less text than the listed language does not get its words: a
# small language whose UI text is half Russian (Komi) is not made more Russian.
PARTNER_MAX_RATIO = 10.0


# The other-domain sources the model step uses (off by default: none helped both the held-out
# lines and lingua in the seventh round, see docs/LANGID.md), e.g. LID_LIFT=fort,game
LIFT_USE = [x for x in os.environ.get("LID_LIFT", "").split(",") if x]
LIFT_WEIGHT = float(os.environ.get("LID_LIFT_WEIGHT", 1.0))
LIFT_ORDERS = {int(x) for x in os.environ.get("LID_LIFT_ORDERS", "2,3,4,5,6").split(",")}
LIFT_TOP = int(os.environ.get("LID_LIFT_TOP", 0))  # only each source's most frequent features of an order (0: all)


def lift_items(lf):
    """The lift counts of a source, each order cut to its LIFT_TOP most frequent features."""
    if not LIFT_TOP:
        return lf["kept"].items()
    by_order = collections.defaultdict(list)
    for k, c in lf["kept"].items():
        by_order[k[0]].append((c, k))
    return [(k, c) for lst in by_order.values() for c, k in sorted(lst, reverse=True)[:LIFT_TOP]]


# "add": the sources' counts are added to the language's as more text; "lift": a feature's count
# scaled to the language's total lifts the language's count where that is higher; "liftnorm": the
# same, and the lifted amounts are added to the totals (the language's other features lose what
# the lifted ones gain)
LIFT_MODE = os.environ.get("LID_LIFT_MODE", "add")


def apply_lift(langs):
    """The other-domain sources counted apart (LIFT_SOURCES), as more text or as a lift."""
    partners = collections.defaultdict(list)
    if LIFT_MODE == "pairlift":
        for i, j in close_pairs.close_pairs(langs, PAIR_COSINE, PAIR_SHARE):
            partners[i].append(langs[j])
            partners[j].append(langs[i])
    for li, lg in enumerate(langs):
        if LIFT_MODE == "pairlift":
            n = lift_with_partners(lg, partners[li])
            if n:
                print(f"{lg['code']}: {n} features lifted by {' '.join(LIFT_USE)}; partners "
                      f"{' '.join(p['code'] for p in partners[li])}", file=sys.stderr)
            continue
        n = 0
        for source in LIFT_USE:
            lf = lg.get("lift", {}).get(source)
            if not lf:
                continue
            kept, totals = lg["kept"], lg["totals"]
            gained = collections.Counter()
            for (order, g), c in lift_items(lf):
                if order not in LIFT_ORDERS or not totals.get(order):
                    continue
                if LIFT_MODE == "add":
                    kept[(order, g)] = kept.get((order, g), 0) + LIFT_WEIGHT * c
                    n += 1
                    continue
                v = LIFT_WEIGHT * c * totals[order] / lf["totals"][order]
                if v > kept.get((order, g), 0):
                    gained[order] += v - kept.get((order, g), 0)
                    kept[(order, g)] = v
                    n += 1
            for order in LIFT_ORDERS:
                if LIFT_MODE == "add" and order in lf["totals"] and totals.get(order):
                    totals[order] += LIFT_WEIGHT * lf["totals"][order]
                elif LIFT_MODE == "liftnorm":
                    totals[order] = totals.get(order, 0) + gained[order]
        if n:
            print(f"{lg['code']}: {n} features lifted by {' '.join(LIFT_USE)}", file=sys.stderr)


def lift_with_partners(lg, partners):
    """Lift as the subtitle lists do (apply_wordfreq): a feature a close partner has is lifted at
    most to the partner's rate, and one no partner has is given to the partners at the same rate,
    so that the other-domain text tells the pair from the others, never one member from the other
    (lifted alone, Croatian took Bosnian's lines and Indonesian Malay's: lingua bs 0.34 -> 0.08)."""
    n = 0
    kept, totals = lg["kept"], lg["totals"]
    for source in LIFT_USE:
        lf = lg.get("lift", {}).get(source)
        if not lf:
            continue
        for (order, g), c in lift_items(lf):
            k = (order, g)
            if order not in LIFT_ORDERS or not totals.get(order):
                continue
            v = LIFT_WEIGHT * c * totals[order] / lf["totals"][order]
            near = [p["kept"][k] / p["totals"][order] * totals[order] for p in partners
                    if k in p["kept"] and p["totals"].get(order)]
            if near:
                v = min(v, max(near))
            if v > kept.get(k, 0):
                kept[k] = v
                n += 1
            if not near:
                for p in partners:
                    if p["totals"].get(order):
                        pv = kept[k] / totals[order] * p["totals"][order]
                        if pv > p["kept"].get(k, 0):
                            p["kept"][k] = pv
    return n


def size_ratio(big, small):
    return max(big["prose"], 1000) / max(small["prose"], 1000)


def apply_wordfreq(langs, path):
    lists = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        code, r, w = line.rstrip("\n").split("\t")
        lists[code].append((int(r), w))

    def top_words(lg, n):
        ws = sorted(((c, g) for (o, g), c in lg["kept"].items() if o == F.ORDER_WORD), reverse=True)
        return [g for c, g in ws[:n]]

    def main_script(lg):
        return max(lg["scripts"], key=lg["scripts"].get) if lg["scripts"] else None

    unlisted = [lg for lg in langs if lg["code"] not in lists and lg["totals"].get(F.ORDER_WORD)]
    unlisted_top = {lg["code"]: top_words(lg, 2000) for lg in unlisted}

    def share(lg, p):  # of p's most frequent words, the part lg's text has
        top = unlisted_top[p["code"]]
        if not top or main_script(p) != main_script(lg):
            return 0.0
        return sum((F.ORDER_WORD, g) in lg["kept"] for g in top) / len(top)

    listed = [lg for lg in langs if lg["code"] in lists and lg["totals"].get(F.ORDER_WORD)]
    shares = {(lg["code"], p["code"]): share(lg, p) for lg in listed for p in unlisted}
    # a partner takes the words of its closest listed language only: Galician given the
    # everyday text of both Spanish and Portuguese took Portuguese sentences (0.98 -> 0.93)
    closest = {p["code"]: max(listed, key=lambda lg: shares[lg["code"], p["code"]])["code"]
               for p in unlisted} if listed else {}
    for lg in listed:
        lst = lists[lg["code"]]
        kept, total = lg["kept"], lg["totals"][F.ORDER_WORD]
        # close languages without a list of their own (ms for id, nn for nb, gl for es and pt):
        # a listed word they have is lifted at most to their frequency, so that the list does not
        # pull their text to the listed language
        partners = [p for p in unlisted if shares[lg["code"], p["code"]] >= PARTNER_SHARE]
        heirs = [p for p in partners if closest[p["code"]] == lg["code"]
                 and size_ratio(lg, p) < PARTNER_MAX_RATIO]
        ratios = sorted(kept[(F.ORDER_WORD, "\x01" + w)] * r / total for r, w in lst
                        if 50 <= r <= 2000 and (F.ORDER_WORD, "\x01" + w) in kept)
        zipf = ratios[len(ratios) // 2] if len(ratios) >= 50 else 0.05
        lifted = 0
        lg["listed"] = set()
        pseudo = lg.setdefault("pseudo", {})
        for r, w in lst:
            k = (F.ORDER_WORD, "\x01" + w)
            c = WORDFREQ_WEIGHT * zipf * total / r
            pseudo[w] = c
            near = [p["kept"][k] / p["totals"][F.ORDER_WORD] * total for p in partners if k in p["kept"]]
            if near:
                c = min(c, max(near))
            if c > kept.get(k, 0):
                kept[k] = c
                lifted += 1
            lg["listed"].add(F.key("\x01" + w))
            for p in heirs:  # the same everyday text for the partners' n-grams (below)
                pp = p.setdefault("pseudo", {})
                pp[w] = max(pp.get(w, 0), pseudo[w] / total * p["totals"][F.ORDER_WORD])
            if not near:
                # an everyday word the close partners' text lacks is most likely theirs too:
                # they get it at the same frequency, so that the list tells the pair from the
                # others, not one member from the other
                for p in heirs:
                    pc = kept[k] / total * p["totals"][F.ORDER_WORD]
                    p["kept"][k] = max(p["kept"].get(k, 0), pc)
                    p.setdefault("listed", set()).add(F.key("\x01" + w))
        print(f"{lg['code']}: Zipf constant {zipf:.3f}, {lifted} of {len(lst)} listed words lifted; "
              f"partners {' '.join(p['code'] for p in partners)}, of them taking its words "
              f"{' '.join(p['code'] for p in heirs)}", file=sys.stderr)
    # the listed words (and those a partner was given) also count as text for the n-grams: the
    # n-grams of everyday words ("prime", "gobierno") are as rare in UI strings as the words
    if WORDFREQ_NGRAMS:
        for lg in langs:
            add, tot = collections.Counter(), collections.Counter()
            for w, c in lg.get("pseudo", {}).items():
                for order, g in F.word_features(w):
                    if order in WORDFREQ_NGRAM_ORDERS:
                        add[(order, g)] += c * WORDFREQ_NGRAMS
                        tot[order] += c * WORDFREQ_NGRAMS
            for k, c in add.items():
                lg["kept"][k] = lg["kept"].get(k, 0) + c
            for order, c in tot.items():
                lg["totals"][order] = lg["totals"].get(order, 0) + c


# Vocabularies (TEXT_DIR/<code>.words.txt, collect_text.py: hunspell stems, tesseract's word
# lists) as n-gram text for the languages with enough prose of their own (those with less counted
# them in the count step already). The prose of most languages is UI strings, help and manual
# pages: French says "hôpital" there and never "hospitalier", so "hosp", "ospi" are unseen in
# French and a small language whose UDHR has them takes the word. Each listed word adds
# VOCAB_SHARE x T / N to each of its n-grams (T the language's count of the order, N the
# list's words): the list as a whole weighs VOCAB_SHARE of the text, every word alike (the lists
# have no frequencies). 0: off. Not used for the shipped model (sixth round, docs/LANGID.md):
# lingua +0.002-0.003 each time, but the held-out lines lose (4/5-grams at 0.03: prose lines
# -0.0003, all -0.0007; 2..5-grams at 0.1: prose -0.006), and the languages with a dictionary
# take words from those without one (tn, nn, ga, so).
VOCAB_SHARE = float(os.environ.get("LID_VOCAB_SHARE", 0.03))
VOCAB_ORDERS = {int(x) for x in os.environ.get("LID_VOCAB_ORDERS", "4,5").split(",")}
VOCAB_WORDS = float(os.environ.get("LID_VOCAB_WORDS", 0))  # the same for the words themselves
# "max": a feature's count is lifted to the list's share where the text has less (the text's
# frequent n-grams keep their counts, the order totals stay); "add": the list is added as text.
VOCAB_MODE = os.environ.get("LID_VOCAB_MODE", "add")


def apply_vocab(langs, text_dir, english):
    for lg in langs:
        path = os.path.join(text_dir, lg["code"] + ".words.txt")
        if lg["prose"] < LIST_IF_PROSE_BELOW or not os.path.exists(path):
            continue
        ws = set()
        for line in open(path, encoding="utf-8"):
            for w in F.words(line):
                if len(w) >= 2 and (lg["code"] == "en" or w not in english):
                    ws.add(w)
        if not ws:
            continue
        kept, totals = lg["kept"], lg["totals"]
        add = collections.Counter()
        for w in ws:
            for order, g in F.word_features(w):
                if order in VOCAB_ORDERS or (order == F.ORDER_WORD and VOCAB_WORDS):
                    add[(order, g)] += 1
        per = {o: (VOCAB_WORDS if o == F.ORDER_WORD else VOCAB_SHARE) * totals.get(o, 0) / len(ws)
               for o in range(1, 7)}
        grown = collections.Counter()
        for (order, g), c in add.items():
            if VOCAB_MODE == "max":
                kept[(order, g)] = max(kept.get((order, g), 0), c * per[order])
            else:
                kept[(order, g)] = kept.get((order, g), 0) + c * per[order]
                grown[order] += c * per[order]
        for o, c in grown.items():
            totals[o] = totals.get(o, 0) + c
        print(f"{lg['code']}: {len(ws)} vocabulary words as n-gram text", file=sys.stderr)


def dampen(lg):
    """Count each word of lg's text c ** DAMPEN times instead of c (see DAMPEN): its features'
    counts and the order totals lose the difference. Features cut from the counts stay cut."""
    kept, totals = lg["kept"], lg["totals"]
    for (order, g), c in list(kept.items()):
        if order != F.ORDER_WORD or c <= 1:
            continue
        d = c ** DAMPEN - c
        for o, f in F.word_features(g[1:]):
            totals[o] = totals.get(o, 0) + d
            if (o, f) in kept:
                kept[(o, f)] += d


def background(langs, script_langs):
    """For SMOOTH_MU: mu per order (SMOOTH_MU letters' worth of the order's features, from the
    features per letter over all languages) and the pooled denominators T + D per (script, order)
    ((None, order): all languages, for a feature of no listed script)."""
    letters = sum(lg["chars"] for lg in langs) or 1
    mu_of, den_of = {}, {}
    for order in range(1, 7):
        toks = sum(lg["totals"].get(order, 0) for lg in langs)
        mu_of[order] = SMOOTH_MU * toks / letters
        dens = [lg["totals"].get(order, 0) + lg["distinct"].get(order, 0) for lg in langs]
        den_of[(None, order)] = sum(dens) or 1
        for sc, lis in script_langs.items():
            den_of[(sc, order)] = sum(dens[li] for li in lis) or 1
    return mu_of, den_of


def model(counts_dir, out_path, bias_path=None, population_path=None, wordfreq_path=None,
          vocab_dir=None):
    """Naive Bayes, stored relative to a per-feature default so that most postings vanish.

    For feature f and language l let v(l, f) = log P(f | l) (Witten-Bell: c / (T + D), and for a
    feature not in l's list the unseen value u(l, order) = log(UNSEEN / (T + D))). The score of l
    is the sum of v over the text's features. Writing v = d(f) + delta(l, order) + r(l, f), with
    d(f) a default for the feature (the typical unseen value for a rare feature, the median over
    the languages of its script for a common one) and delta(l, order) = u(l, order) - U(order) a
    per-language constant, the run time adds found(order) * delta for every language and r only
    where |r| >= PRUNE: a feature costs a few postings, not one per language.
    """
    langs = []
    for fn in sorted(os.listdir(counts_dir)):
        with open(os.path.join(counts_dir, fn), "rb") as f:
            langs.append(pickle.load(f))
    # every language with more than the UDHR to learn from, then the UDHR-only ones of FLORES-200
    # (the languages users most expect), then those with an ISO 639-1 code, then the others with
    # the most text, up to MAX_LANGS: one-byte language ids, and a tiny profile mostly steals lines
    langs = [lg for lg in langs if lg["chars"] >= 5000 and lg["code"] not in EXCLUDE]
    langs.sort(key=lambda lg: (lg["chars"] < 40000, alpha3(lg["code"]) not in FLORES,
                               len(lg["code"]) > 2, -lg["chars"]))
    langs = sorted(langs[:MAX_LANGS], key=lambda lg: lg["code"])
    bias = {}
    if bias_path and os.path.exists(bias_path):
        for line in open(bias_path, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                c, b = line.split()
                bias[c] = float(b)
    users = read_population(population_path)
    if DAMPEN != 1.0:
        for lg in langs:
            if lg["prose"] < DAMPEN_BELOW:
                dampen(lg)
    if vocab_dir and VOCAB_SHARE:
        english = set()
        for lg in langs:
            if lg["code"] == "en":
                english = {g[1:] for (o, g), c in lg["kept"].items() if o == F.ORDER_WORD and c >= 3}
        if wordfreq_path:
            english.update(line.rstrip("\n").split("\t")[2] for line in open(wordfreq_path, encoding="utf-8")
                           if line.startswith("en\t"))
        apply_vocab(langs, vocab_dir, english)
    if LIFT_USE and LIFT_WEIGHT:
        apply_lift(langs)
    if wordfreq_path:
        apply_wordfreq(langs, wordfreq_path)
    if FILL_EXPECT:
        pairs = close_pairs.close_pairs(langs, PAIR_COSINE, PAIR_SHARE)
        close_pairs.fill_unseen(langs, pairs, FILL_EXPECT, FILL_ORDERS, FILL_SHARE, FILL_MAX_RATIO)
    nl = len(langs)
    for lg in langs:
        lg["mask"] = script_mask(lg["scripts"])
    unseen = []
    for lg in langs:
        row = []
        for order in range(1, 7):
            total = lg["totals"].get(order, 0)
            distinct = lg["distinct"].get(order, 0)
            row.append(math.log(UNSEEN / (total + distinct)) if total else -20.0)
        unseen.append(row)
    U = [sorted(unseen[li][o] for li in range(nl))[nl // 2] for o in range(6)]
    delta = [[(unseen[li][o] - U[o]) * DELTA_SHRINK for o in range(6)] for li in range(nl)]
    script_langs = collections.defaultdict(list)
    for li, lg in enumerate(langs):
        for sc in range(32):
            if lg["mask"] >> sc & 1:
                script_langs[sc].append(li)
    feats = collections.defaultdict(list)
    for li, lg in enumerate(langs):
        by_order = collections.defaultdict(list)
        for (order, g), c in lg["kept"].items():
            by_order[order].append((c, g))
        kept = []
        for order, lst in by_order.items():
            lst.sort(reverse=True)
            kept += [((order, g), c) for c, g in lst[:MODEL_KEEP[order]]]
        for (order, g), c in kept:
            denom = lg["totals"][order] + lg["distinct"][order]
            feats[(order, g)].append((li, c, denom))
    smooth = background(langs, script_langs) if SMOOTH_MU else None
    postings = {}
    is_word = {}
    small_dev = {}
    for (order, g), lst in feats.items():
        o = order - 1
        sc = feature_script(g)
        pop = script_langs.get(sc, [])
        if smooth and order in SMOOTH_ORDERS:
            mu_of, den_of = smooth
            mu = mu_of[order]
            pbg = sum(c for li, c, den in lst) / den_of.get((sc, order), den_of[(None, order)])
            if SMOOTH_LOG:
                listed = {li: (den * math.log(c / den) + mu * math.log(pbg)) / (den + mu)
                          for li, c, den in lst}
            else:
                listed = {li: math.log((c + mu * pbg) / (den + mu)) for li, c, den in lst}
        else:
            listed = {li: math.log(c / den) for li, c, den in lst}
        if len(listed) * 2 < len(pop):
            d = U[o]
            cands = listed.items()
        else:
            vals = {li: unseen[li][o] for li in pop}
            vals.update(listed)
            srt = sorted(vals.values())
            d = srt[len(srt) // 2]
            cands = vals.items()
        plist, small = [], []
        for li, v in cands:
            r = v - d - delta[li][o]
            if CLIP:
                r = max(-CLIP_LOW, min(CLIP, r))
            q = max(-127, min(127, int(round(r * QSCALE))))
            if abs(r) >= PRUNE:
                # expected evidence per feature of text: |r| times how often the feature occurs
                # (in l's text, or in a typical one when l lacks it)
                plist.append((abs(r) * math.exp(max(v, d)), li, q))
            elif q:
                small.append((0.0, li, q))
        if plist:
            # low orders and the others are two tables: a key is (is low order, CRC)
            k = (order <= LOW_ORDER, F.key(g))
            if k in postings:  # a CRC collision: keep the feature with more evidence
                if len(postings[k]) >= len(plist):
                    continue
            postings[k] = plist
            is_word[k] = order == F.ORDER_WORD
            if order != F.ORDER_WORD and len(plist) > DENSE_MIN and KEEP_SMALL:
                # a dense row costs a byte a language whatever it holds: the deviations too small
                # for a posting go in it as well
                small_dev[k] = small
    # each language chooses the POSTINGS_PER_LANG features most useful to it, and a chosen feature
    # keeps the postings of every language: keeping only the chooser's posting would let a small
    # language's word outweigh a big language that has the same word lower in its list
    per_lang = collections.defaultdict(list)
    per_list = collections.defaultdict(list)
    for k, plist in postings.items():
        for w, li, q in plist:
            per_lang[li, k[0]].append((w, k))
            if q > 0 and is_word[k] and k[1] in langs[li].get("listed", ()):
                per_list[li].append((w, k))
    chosen = set()
    for (li, low), lst in per_lang.items():
        lst.sort(reverse=True)
        chosen.update(k for w, k in lst[:LOW_PER_LANG if low else POSTINGS_PER_LANG])
    # and a language with a word list (wordfreq.py) its LIST_PER_LANG listed words with the most
    # evidence: with n-grams, the words of UI strings fill its budget, and the everyday words
    # ("minister") that the list adds are rarer than those
    for li, lst in per_list.items():
        lst.sort(reverse=True)
        chosen.update(k for w, k in lst[:LIST_PER_LANG])
    # a word's list keeps the MAX_LIST postings with the most evidence (long lists cost space and
    # every line's time); an n-gram with more than DENSE_MIN postings becomes a dense row
    row_bytes = (nl + 15) // 16 * 16
    dense = {}
    for k in chosen:
        plist = sorted(postings[k], reverse=True)
        if is_word[k]:
            plist = plist[:MAX_LIST]
        elif len(plist) > DENSE_MIN:
            row = [0] * row_bytes
            for w, li, q in plist + small_dev.get(k, []):
                row[li] = q
            dense[k] = row
        postings[k] = sorted((li, q) for w, li, q in plist)
    postings = {k: postings[k] for k in chosen}
    keys = sorted(postings)  # the other orders' keys first, then the low orders' (True > False)
    n_low = sum(1 for k in keys if k[0])
    n_post = sum(row_bytes // 2 if k in dense else len(postings[k]) for k in keys)
    blob = bytearray()
    blob += b"DMLANGID"
    blob += struct.pack("<IIIIfI", 4, nl, len(keys), n_post, QSCALE, n_low)
    for li, lg in enumerate(langs):
        prior = prior_of(lg, bias, users)
        blob += lg["code"].encode().ljust(8, b"\0") + alpha3(lg["code"]).encode().ljust(8, b"\0")
        blob += struct.pack("<I6ff", lg["mask"], *delta[li], prior)
    prev = (False, 0)
    for k in keys:  # sorted keys as LEB128 varints of their differences: half the size
        d = k[1] - prev[1] if k[0] == prev[0] else k[1]  # the low section starts again from 0
        prev = k
        while d >= 0x80:
            blob.append(d & 0x7F | 0x80)
            d >>= 7
        blob.append(d)
    blob += bytes(DENSE if k in dense else len(postings[k]) for k in keys)
    for k in keys:
        if k in dense:
            blob += struct.pack(f"<{row_bytes}b", *dense[k])
        else:
            for li, q in postings[k]:
                blob += struct.pack("<Bb", li, q)
    with gzip.open(out_path, "wb", compresslevel=9) as f:
        f.write(bytes(blob))
    print(f"{nl} languages, {len(keys)} keys ({len(dense)} dense rows), {n_post} postings, {len(blob)} bytes raw, "
          f"{os.path.getsize(out_path)} gzipped", file=sys.stderr)


def main():
    args = sys.argv[1:]
    if len(args) >= 3 and args[0] == "count":
        dev = args[args.index("--holdout") + 1] if "--holdout" in args else None
        only = set(args[args.index("--only") + 1].split(",")) if "--only" in args else None
        count(args[1], args[2], dev, only)
    elif len(args) >= 3 and args[0] == "model":
        b = args[args.index("--bias") + 1] if "--bias" in args else None
        pop = args[args.index("--population") + 1] if "--population" in args else None
        wf = args[args.index("--wordfreq") + 1] if "--wordfreq" in args else None
        voc = args[args.index("--vocab") + 1] if "--vocab" in args else None
        model(args[1], args[2], b, pop, wf, voc)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
