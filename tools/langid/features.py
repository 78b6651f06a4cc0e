"""features.py -- the features of text that the language identifier counts (build side).

This must agree exactly with src/langid/features.c, which computes the same features at run time:
  - letters are code points of general category L* or M*, plus ZWNJ/ZWJ; anything else separates
    words; tatweel (U+0640) is dropped; U+0329 is read as U+0323 (old Yoruba spelling);
  - letters are lowered one code point at a time (simple case mapping, ICU's u_tolower);
  - a letter that NFC writes as several code points (nukta letters, see nfc_split) is split so;
  - a word w gives the character n-grams (n = 1..5) of " w " (a space on each side marks the
    word's edges; the lone edge space is not a feature) and the word itself;
  - a feature's key is CRC-32 (zlib) of its UTF-8 bytes; the word feature is prefixed by 0x01.
The order of a feature (1..5 for n-grams, 6 for words; MAX_WORD letters at most) selects its
per-language "unseen" weight.
"""
import unicodedata
import zlib

MAX_N = 5
MAX_WORD = 24
ORDER_WORD = 6

_cat = {}


def is_letter(c):
    k = _cat.get(c)
    if k is None:
        cat = unicodedata.category(c)
        k = _cat[c] = cat[0] in "LM" or c in "\u200c\u200d"
    return k


def lower1(c):
    low = c.lower()
    return low[0] if low else c


# Letters that NFC writes as several code points (composition exclusions: the Devanagari nukta
# letters U+0958..U+095F, Bengali, Gurmukhi, Oriya, Tibetan, Hebrew presentation forms) are read
# as NFC writes them, as the run time does (features.c nfc_splits, generated from this rule).
SPLIT_SCRIPTS = ("DEVANAGARI", "BENGALI", "GURMUKHI", "ORIYA", "TIBETAN", "HEBREW")


def nfc_split(c):
    n = unicodedata.normalize("NFC", c)
    if len(n) > 1 and unicodedata.name(c, "?").split()[0] in SPLIT_SCRIPTS:
        return n
    return None


class _WordMap(dict):
    """Code point -> what it becomes in a word: its lowered form, "" (tatweel) or " " (not a
    letter: a word separator). Filled on first sight, so that str.translate does the work."""

    def __missing__(self, cp):
        c = chr(cp)
        if c == "\u0640":
            v = ""
        elif c == "\u0329":
            v = "\u0323"
        elif is_letter(c):
            v = nfc_split(c) or lower1(c)
        else:
            v = " "
        self[cp] = v
        return v


_word_map = _WordMap()


def words(line):
    """The lowered words of a line, as the run time sees them."""
    return line.translate(_word_map).split()


def word_features(w):
    """(order, text) of every feature of one word, repeats included."""
    p = " " + w + " "
    feats = []
    L = len(p)
    for n in range(1, MAX_N + 1):
        for i in range(L - n + 1):
            g = p[i:i + n]
            if n == 1 and g == " ":
                continue
            feats.append((n, g))
    if len(w) <= MAX_WORD:
        feats.append((ORDER_WORD, "\x01" + w))
    return feats


def key(text):
    return zlib.crc32(text.encode("utf-8")) & 0xFFFFFFFF
