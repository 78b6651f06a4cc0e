"""The UDHR of ../shared/corpora as the alignment and mining benchmarks read it (standard library
only): one translation as {paragraph key: text}, and the translations they take in turn."""

LANGS = ["deu_1996", "fra", "spa", "rus", "arb", "hin", "pes_1", "tur", "heb", "ita", "nld",
         "pol", "ukr", "ell_monotonic", "ben", "tam", "kor", "vie", "ind", "swe", "ces", "fin"]


def read(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            k, _, t = line.rstrip("\n").partition("\t")
            if t.strip():
                out[k] = t.strip()
    return out
