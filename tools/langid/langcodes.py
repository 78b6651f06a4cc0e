"""langcodes.py -- the code dragoman prints for a language tag found in a corpus or a package name.

ISO 639-1 where one exists, else ISO 639-3 (table: Debian's iso-codes, /usr/share/iso-codes/json).
Members of a macrolanguage that the world writes as one language (arb, pes, cmn, zsm...) are
printed as the macrolanguage's 639-1 code, the way readers and other identifiers name them.
"""
import json
import os

ISO_JSON = os.environ.get("ISO_CODES_JSON", "/usr/share/iso-codes/json/iso_639-3.json")

# individual language -> the macrolanguage code that names it in practice
MEMBER = {
    "arb": "ar", "pes": "fa", "prs": "fa", "cmn": "zh", "khk": "mn", "azj": "az", "azb": "az",
    "uzn": "uz", "zsm": "ms", "mly": "ms", "swh": "sw", "plt": "mg", "ydd": "yi", "als": "sq",
    "ekk": "et", "lvs": "lv", "gax": "om", "gaz": "om", "hae": "om", "npi": "ne", "ory": "or",
    "pbu": "ps", "pbt": "ps", "kmr": "ku", "gug": "gn", "quy": "qu", "quz": "qu", "qug": "qu",
    "qud": "qu", "qva": "qu", "qvc": "qu", "qvh": "qu", "qvm": "qu", "qvn": "qu", "qwh": "qu",
    "qxa": "qu", "qxn": "qu", "qxu": "qu", "ayr": "ay", "fuv": "ff", "fuf": "ff", "knc": "kr",
    "kng": "kg", "ktu": "kg", "twi": "ak", "fat": "ak", "aka": "ak", "tgl": "tl", "fil": "tl",
    "ojb": "oj", "ike": "iu", "nya": "ny", "lvs_": "lv", "mlt": "mt", "hat": "ht", "gsw1": "gsw",
    "tzm": "tzm", "ckb": "ckb", "lin": "ln", "cnr": "sr", "src": "sc", "roh": "rm",
}

_part1 = None


def _load():
    global _part1
    if _part1 is None:
        _part1 = {}
        with open(ISO_JSON, encoding="utf-8") as f:
            for e in json.load(f)["639-3"]:
                _part1[e["alpha_3"]] = e.get("alpha_2")
    return _part1


def out_code(tag):
    """Output code for a 2- or 3-letter tag (or a UDHR variety name); None when unknown."""
    tag = tag.lower()
    if tag in MEMBER:
        return MEMBER[tag]
    p1 = _load()
    if len(tag) == 2:
        return tag if tag in set(v for v in p1.values() if v) else None
    if tag in p1:
        return p1[tag] or tag
    return None


def alpha3(code):
    """The ISO 639-3 code of an output code (for the model's second name of a language)."""
    p1 = _load()
    if len(code) == 3:
        return code
    for a3, a2 in p1.items():
        if a2 == code:
            return a3
    return code
