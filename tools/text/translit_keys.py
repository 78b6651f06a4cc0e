#!/usr/bin/env python3
"""translit_keys.py -- how often a country's name in a language meets its English name.

For each language, the one-word country names of Unicode CLDR (Debian `unicode-cldr-core`,
common/main/XX.xml, territories with a two-letter code) in that language and in English go
through `dragoman names`; a name counts as met when both keys are equal. Country names are
mostly transliterations, so the share says how well names cross from that script: it is what
showed that Sinhala, Khmer, Lao and Tibetan stayed in their own script (0-1%) before
src/text/latin_rules.c. Nothing here teaches the program anything; CLDR is only read.

usage: translit_keys.py DRAGOMAN [CLDR_MAIN_DIR] [LANG...]
(CLDR_MAIN_DIR default /usr/share/unicode/cldr/common/main: `apt-get install unicode-cldr-core`,
or `apt-get download unicode-cldr-core && dpkg -x unicode-cldr-core_*.deb DIR`.)
"""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

PROG = sys.argv[1]
MAIN = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/unicode/cldr/common/main"
LANGS = sys.argv[3:] or ["si", "km", "lo", "bo", "my", "ka", "am", "ti", "hy", "he", "ar", "fa", "ur",
                         "hi", "bn", "ta", "te", "th", "ko", "ja", "zh", "el", "ru", "mn"]


def territories(loc):
    root = ET.parse(os.path.join(MAIN, loc + ".xml")).getroot()
    return {e.get("type"): e.text for e in root.iter("territory")
            if e.get("alt") is None and len(e.get("type", "")) == 2 and e.get("type").isalpha() and e.text}


def keys(names):
    out = subprocess.run([PROG, "names"], input="".join(n + "\n" for n in names), capture_output=True,
                         text=True, check=True).stdout.splitlines()
    return [line.split("\t")[2] if line.count("\t") == 2 else "" for line in out]


def main():
    en = territories("en")
    total_met = total = 0
    for lang in LANGS:
        try:
            names = territories(lang)
        except (OSError, ET.ParseError):
            print(f"{lang}: no CLDR file")
            continue
        pairs = [(en[k], v) for k, v in sorted(names.items()) if k in en and " " not in en[k] and " " not in v]
        ke, kn = keys([p[0] for p in pairs]), keys([p[1] for p in pairs])
        met = sum(1 for a, b in zip(ke, kn) if a and a == b)
        total_met, total = total_met + met, total + len(pairs)
        print(f"{lang}\t{met}/{len(pairs)}\t{met / len(pairs):.2f}")
    print(f"all\t{total_met}/{total}\t{total_met / total:.2f}")


main()
