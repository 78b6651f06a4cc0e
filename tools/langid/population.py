#!/usr/bin/env python3
"""population.py -- how many people use each language, from CLDR's territory data.

  population.py SUPPLEMENTAL_DATA.xml > population.tsv

SUPPLEMENTAL_DATA.xml is CLDR's common/supplemental/supplementalData.xml (Debian package
unicode-cldr-core, unpacked by fetch_debs.sh). For every territory CLDR gives its population and,
per language, the share of it that uses the language; a language's figure is the sum over
territories of population x share. Script variants (sr_Latn, pa_Arab) count for their language.
build_langid.py turns the figures into the model's prior: on a word or two the evidence is thin,
and then a language used by hundreds of millions should win over a small neighbour that happens to
share the word (Spanish over Aragonese), unless the evidence for the small one is strong.
"""
import collections
import re
import sys

TERRITORY = re.compile(r'<territory type="([A-Z0-9]+)"[^>]*\bpopulation="([0-9.eE+]+)"[^>]*>(.*?)</territory>',
                       re.S)
LANGUAGE = re.compile(r'<languagePopulation type="([A-Za-z_]+)"[^>]*\bpopulationPercent="([0-9.eE+-]+)"')


def populations(xml):
    users = collections.Counter()
    for _, pop, body in TERRITORY.findall(xml):
        for lang, percent in LANGUAGE.findall(body):
            users[lang.split("_")[0]] += float(pop) * float(percent) / 100.0
    return users


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        users = populations(f.read())
    print("# language\tusers (CLDR supplementalData.xml: territory population x populationPercent)")
    for lang, n in sorted(users.items(), key=lambda kv: -kv[1]):
        print(f"{lang}\t{int(round(n))}")


if __name__ == "__main__":
    main()
