#!/usr/bin/env python3
"""collect_text.py -- gather training text for the language identifier, one file per language.

  collect_text.py CORPORA_DIR UNPACKED_DEBS_DIR OUT_DIR

Reads the UDHR and Tatoeba corpora (CORPORA_DIR/udhr, CORPORA_DIR/tatoeba) and the Debian packages
unpacked by fetch_debs.sh (translated gettext catalogues, Firefox language packs, LibreOffice help
pages, iso-codes, hunspell word lists; from any other package its catalogues as source "cat", its
GNOME help pages as "doc" and its translated manual pages as "man"; fortune cookies as "fort",
Wesnoth's campaign catalogues as "game", the Debian handbook and GIMP's manual as "book") and writes OUT_DIR/<code>.<source>.txt, one text unit a line,
NFC. <code> is the code dragoman prints: ISO 639-1 where one exists, else ISO 639-3.

Kept apart from build_langid.py so that the slow part (reading ~300 packages) runs once and the model
can be rebuilt from the text files quickly. Python 3 standard library only.
"""
import html
import io
import os
import re
import struct
import sys
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from langcodes import out_code  # noqa: E402

# UDHR varieties that are not a language of their own for us, or that would only blur a neighbour:
# Sinitic varieties written like standard Chinese, the spelling variants of Cherokee and Tifinagh.
UDHR_SKIP = {"gan", "hak", "hsn", "nan", "wuu", "cjy", "cmn_hans_beijing", "cmn_hans_guiyang",
             "cmn_hans_harbin", "cmn_hans_nanjing", "cmn_hans_tianjin", "vie_han", "jpn_osaka",
             "jpn_tokyo", "chr_uppercase", "ell_polytonic", "deu_1901", "ron_1953", "ron_1993",
             "fuf_adlm", "khk_mong", "tgl_tglg", "jav_java", "kkh_lana"}

# Debian package language tags that are not the language's code.
PKG_TAG = {"gug": "gn", "pa-in": "pa", "gu-in": "gu", "hi-in": "hi", "ne-np": "ne", "nb-no": "nb",
           "nn-no": "nn", "sv-se": "sv", "ga-ie": "ga", "fy-nl": "fy", "hy-am": "hy",
           "ca-valencia": "ca", "kmr": "ku", "bn-in": "bn", "sw-tz": "sw", "es-ar": None,
           "es-cl": None, "es-mx": None, "en-ca": None, "en-gb": None, "en-za": None, "all": None,
           "in": None, "pt-br": "pt", "pt-pt": "pt", "es-es": "es", "zh-cn": "zh", "zh-tw": "zh",
           "sr-latn": "sr", "en-us": "en"}


def nfc(s):
    return unicodedata.normalize("NFC", s.replace("\u0329", "\u0323"))


class Sink:
    """Appends lines to OUT_DIR/<code>.<source>.txt, dropping exact duplicates."""

    def __init__(self, out):
        self.out = out
        self.files = {}
        self.seen = {}

    def add(self, code, source, line):
        line = nfc(" ".join(line.split()))
        if len(line) < 2:
            return
        key = (code, source)
        seen = self.seen.setdefault(key, set())
        h = hash(line)
        if h in seen:
            return
        seen.add(h)
        f = self.files.get(key)
        if f is None:
            f = self.files[key] = open(os.path.join(self.out, f"{code}.{source}.txt"), "w",
                                       encoding="utf-8")
        f.write(line + "\n")

    def close(self):
        for f in self.files.values():
            f.close()


def read_mo(data):
    """(msgid, msgstr) pairs of a GNU .mo catalogue; plural forms and contexts split off."""
    if len(data) < 28:
        return
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic == 0x950412DE else ">" if magic == 0xDE120495 else None
    if end is None:
        return
    _, n, o_orig, o_trans = struct.unpack(end + "4I", data[4:20])
    for i in range(n):
        try:
            lo, oo = struct.unpack(end + "2I", data[o_orig + 8 * i:o_orig + 8 * i + 8])
            lt, ot = struct.unpack(end + "2I", data[o_trans + 8 * i:o_trans + 8 * i + 8])
            msgid = data[oo:oo + lo].decode("utf-8")
            msgstr = data[ot:ot + lt].decode("utf-8")
        except (struct.error, UnicodeDecodeError):
            continue
        if not msgid:
            continue  # the header
        msgid = msgid.split("\x04")[-1].split("\x00")[0]
        for s in msgstr.split("\x00"):
            yield msgid, s


MARKUP = re.compile(r"<[^>]*>|%\d*\$?[-+ #0-9.]*[sdifuxXcpl%]|\{[^}]*\}|\$\([A-Z0-9_]+\)|\$[A-Z0-9_]+\$"
                    r"|&[a-zA-Z]+;|\\[nt]|https?://\S+|\S+@\S+")


def clean_ui(s):
    s = MARKUP.sub(" ", s)
    s = s.replace("~", "").replace("_", " ").replace("&", "")
    return " ".join(s.split())


def useful(msgid, msgstr):
    if not msgstr or msgstr == msgid:
        return False
    letters = sum(c.isalpha() for c in msgstr)
    return letters >= 2


def collect_mo_tree(sink, root, code, source, english=False):
    """Translations of every catalogue under root; with english, the English msgids as well."""
    for dirpath, _, files in os.walk(root):
        for fn in files:
            if fn.endswith(".mo"):
                with open(os.path.join(dirpath, fn), "rb") as f:
                    data = f.read()
                for msgid, msgstr in read_mo(data):
                    if useful(msgid, msgstr):
                        sink.add(code, source, clean_ui(msgstr))
                        if english:
                            sink.add("en", source, clean_ui(msgid))


FTL_VALUE = re.compile(r"^\s*[.\w-]+\s*=\s*(.*)$")
DTD_VALUE = re.compile(r'<!ENTITY\s+\S+\s+"([^"]*)"')


def collect_xpi(sink, path, code):
    try:
        z = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        return
    for name in z.namelist():
        if not name.endswith((".ftl", ".properties", ".dtd")):
            continue
        try:
            text = z.read(name).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if name.endswith(".dtd"):
            vals = DTD_VALUE.findall(text)
        else:
            vals = []
            for line in text.split("\n"):
                if line.startswith("#") or not line.strip():
                    continue
                m = FTL_VALUE.match(line)
                vals.append(m.group(1) if m else line)
        for v in vals:
            v = clean_ui(v)
            if sum(c.isalpha() for c in v) >= 2:
                sink.add(code, "ui", v)


TAG = re.compile(r"<[^>]*>")
SCRIPT = re.compile(r"<(script|style)[^>]*>.*?</\1>", re.S)
BLOCK = re.compile(r"</?(p|h\d|li|td|div|br|title)[^>]*>", re.I)


def collect_help(sink, root, code, source="help"):
    for dirpath, _, files in os.walk(root):
        for fn in files:
            if not fn.endswith(".html"):
                continue
            with open(os.path.join(dirpath, fn), encoding="utf-8", errors="replace") as f:
                text = f.read()
            text = SCRIPT.sub(" ", text)
            text = BLOCK.sub("\n", text)
            text = html.unescape(TAG.sub(" ", text))
            for line in text.split("\n"):
                line = " ".join(line.split())
                if sum(c.isalpha() for c in line) >= 12:
                    sink.add(code, source, line)


def collect_hunspell(sink, root, code):
    for dirpath, _, files in os.walk(root):
        for fn in files:
            if not fn.endswith(".dic"):
                continue
            path = os.path.join(dirpath, fn)
            aff = path[:-4] + ".aff"
            enc = "utf-8"
            if os.path.exists(aff):
                with open(aff, "rb") as f:
                    m = re.search(rb"^SET\s+(\S+)", f.read(), re.M)
                    if m:
                        enc = m.group(1).decode("ascii", "replace")
            try:
                with open(path, encoding=enc, errors="replace") as f:
                    lines = f.read().split("\n")[1:]
            except LookupError:
                continue
            for line in lines:
                w = line.split("/")[0].split("\t")[0].strip()
                if w and w[0].islower() and all(c.isalpha() or c in "-'’" for c in w):
                    sink.add(code, "words", w)


TROFF_ESC = re.compile(r"\\f[BIRP]|\\f\(..|\\\(..|\\[-&e|^ ]|\\\*.|\\s[-+]?\d")


def roff_paragraphs(text):
    """Paragraphs of a troff manual page: text lines between requests, escapes dropped."""
    para = []
    for line in text.split("\n"):
        if line.startswith((".", "'")):
            if para:
                yield TROFF_ESC.sub("", " ".join(para))
                para = []
            continue
        para.append(line)
    if para:
        yield TROFF_ESC.sub("", " ".join(para))


def collect_man(sink, root, code="en"):
    """Prose of the manual pages under root (root/man1, root/man8...) as language code."""
    import gzip
    for sec in sorted(os.listdir(root)):
        d = os.path.join(root, sec)
        if not sec.startswith("man") or not os.path.isdir(d):
            continue
        for fn in sorted(os.listdir(d)):
            if not fn.endswith(".gz"):
                continue
            try:
                with gzip.open(os.path.join(d, fn), "rt", encoding="utf-8", errors="replace") as f:
                    text = f.read()
            except (OSError, EOFError):
                continue
            for para in roff_paragraphs(text):
                if sum(c.isalpha() for c in para) >= 12:
                    sink.add(code, "man", para)


# Mallard help pages (GNOME): text of the block elements; code samples and commands dropped.
PAGE_CODE = re.compile(r"<(code|screen|cmd|input|output|sys|file|key|keyseq|gui|guiseq|app)\b[^>]*>.*?</\1>",
                       re.S)
PAGE_BLOCK = re.compile(r"</?(p|title|desc|item|td|note|section|page|list|steps|terms|tr|info|credit)\b[^>]*>")


def locale_code(tag):
    """The language of a locale directory name (pt_BR -> pt); None for script or spelling
    variants (sr@latin, ca@valencia: other writing of a language we learn from its main form) and
    for English variants."""
    if "@" in tag or tag.startswith("en_") or tag in ("C", "POSIX"):
        return None
    base = tag.split("_")[0].split(".")[0]
    if base in ("en", "no"):
        return None
    return out_code(base)


def collect_package(sink, root):
    """Any other package: its gettext catalogues (usr/share/locale/TAG/LC_MESSAGES), Mallard help
    pages (usr/share/help/TAG) and translated manual pages (usr/share/man/TAG)."""
    loc = os.path.join(root, "usr/share/locale")
    if os.path.isdir(loc):
        for tag in sorted(os.listdir(loc)):
            code = locale_code(tag)
            d = os.path.join(loc, tag, "LC_MESSAGES")
            if code and os.path.isdir(d):
                collect_mo_tree(sink, d, code, "cat")
    helpdir = os.path.join(root, "usr/share/help")
    if os.path.isdir(helpdir):
        for tag in sorted(os.listdir(helpdir)):
            code = "en" if tag == "C" else locale_code(tag)
            if not code:
                continue
            for dirpath, _, files in os.walk(os.path.join(helpdir, tag)):
                for fn in sorted(files):
                    if not fn.endswith(".page"):
                        continue
                    with open(os.path.join(dirpath, fn), encoding="utf-8", errors="replace") as f:
                        text = f.read()
                    text = PAGE_BLOCK.sub("\n", PAGE_CODE.sub(" ", text))
                    text = html.unescape(TAG.sub(" ", text))
                    for line in text.split("\n"):
                        line = " ".join(line.split())
                        if sum(c.isalpha() for c in line) >= 12:
                            sink.add(code, "doc", line)
    mandir = os.path.join(root, "usr/share/man")
    if os.path.isdir(mandir):
        for tag in sorted(os.listdir(mandir)):
            code = locale_code(tag)
            if code and os.path.isdir(os.path.join(mandir, tag)):
                collect_man(sink, os.path.join(mandir, tag), code)


# Fortune cookies (fortunes, fortunes-XX): quotations, jokes, proverbs -- everyday prose, unlike the
# UI strings and help pages. Each cookie becomes one line; its attribution ("-- Author") is dropped.
FORTUNE_DIR_CODE = {"brasil": "pt"}  # a file directly under games/fortunes that is not English
FORTUNE_SKIP = {"art", "ascii-art"}


def collect_fortunes(sink, root):
    base = os.path.join(root, "usr/share/games/fortunes")
    for dirpath, _, files in os.walk(base):
        rel = os.path.relpath(dirpath, base)
        top = rel.split(os.sep)[0]
        for fn in sorted(files):
            path = os.path.join(dirpath, fn)
            if fn.endswith((".dat", ".u8")) or os.path.islink(path) or fn in FORTUNE_SKIP:
                continue
            code = out_code(top) if rel != "." else FORTUNE_DIR_CODE.get(fn, "en")
            if not code:
                continue
            with open(path, "rb") as f:
                data = f.read()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
            for cookie in re.split(r"\n%+\n", text):
                lines = [ln for ln in cookie.split("\n") if not re.match(r"\s*(--|—|―)", ln)]
                line = " ".join(" ".join(lines).split())
                if sum(c.isalpha() for c in line) >= 12:
                    sink.add(code, "fort", line)


def collect_game(sink, root):
    """Battle for Wesnoth's catalogues (usr/share/games/wesnoth/VERSION/locale/TAG): campaign
    narrative and dialogue, ~50 languages; the English msgids of the German catalogues for English."""
    games = os.path.join(root, "usr/share/games/wesnoth")
    for ver in sorted(os.listdir(games)):
        loc = os.path.join(games, ver, "locale")
        if not os.path.isdir(loc):
            continue
        for tag in sorted(os.listdir(loc)):
            code = locale_code(tag)
            if code:
                collect_mo_tree(sink, os.path.join(loc, tag), code, "game", english=(code == "de"))


def collect_books(sink, root):
    """Translated manuals in HTML, source "book": the Debian Administrator's Handbook
    (usr/share/doc/debian-handbook/html/TAG) and GIMP's user manual (usr/share/gimp/2.0/help/TAG).
    Untranslated paragraphs fall back to English and are dropped by the count step."""
    for sub in ("usr/share/doc/debian-handbook/html", "usr/share/gimp/2.0/help"):
        base = os.path.join(root, sub)
        if not os.path.isdir(base):
            continue
        for tag in sorted(os.listdir(base)):
            code = locale_code(tag.replace("-", "_"))
            if code and os.path.isdir(os.path.join(base, tag)):
                collect_help(sink, os.path.join(base, tag), code, "book")


def main():
    corpora, debs, out = sys.argv[1:4]
    tess = sys.argv[4] if len(sys.argv) > 4 else None
    os.makedirs(out, exist_ok=True)
    sink = Sink(out)
    udhr = os.path.join(corpora, "udhr")
    for fn in sorted(os.listdir(udhr)):
        var = fn[5:-4]
        if var in UDHR_SKIP or var[:3].isdigit():
            continue
        code = out_code(var.split("_")[0])
        if not code:
            continue
        with open(os.path.join(udhr, fn), encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t", 1)
                if len(parts) == 2:
                    sink.add(code, "udhr", parts[1])
    tat = os.path.join(corpora, "tatoeba")
    for fn in sorted(os.listdir(tat)):
        code = out_code(fn[:-4])
        if not code:
            continue
        with open(os.path.join(tat, fn), encoding="utf-8") as f:
            for line in f:
                sink.add(code, "tatoeba", line)
    for pkg in sorted(os.listdir(debs)):
        root = os.path.join(debs, pkg)
        m = re.match(r"(libreoffice-l10n|firefox-esr-l10n|libreoffice-help|hunspell)-(.+)$", pkg)
        if m:
            kind, tag = m.groups()
            code = PKG_TAG.get(tag, tag.split("-")[0]) if tag in PKG_TAG else out_code(tag.split("-")[0])
            if not code:
                continue
            if kind == "libreoffice-l10n":
                collect_mo_tree(sink, root, code, "ui", english=(code == "de"))
            elif kind == "firefox-esr-l10n":
                for dirpath, _, files in os.walk(root):
                    for fn in files:
                        if fn.endswith(".xpi"):
                            collect_xpi(sink, os.path.join(dirpath, fn), code)
            elif kind == "libreoffice-help":
                collect_help(sink, root, code)
            else:
                collect_hunspell(sink, root, code)
        elif pkg == "iso-codes":
            loc = os.path.join(root, "usr/share/locale")
            for tag in sorted(os.listdir(loc)):
                code = out_code(re.split(r"[_@.]", tag)[0])
                if code:
                    collect_mo_tree(sink, os.path.join(loc, tag), code, "iso")
        elif pkg.startswith("fortunes"):
            collect_fortunes(sink, root)
        elif pkg.startswith("wesnoth"):
            collect_game(sink, root)
        elif pkg.startswith(("debian-handbook", "gimp-help")):
            collect_books(sink, root)
        elif not pkg.startswith(("tesseract-ocr", "libreoffice-", "firefox-esr-", "hunspell")):
            collect_package(sink, root)
    if os.path.isdir("/usr/share/man"):
        collect_man(sink, "/usr/share/man")
    if tess:  # word lists that fetch_debs.sh dumped from tesseract's language models
        for fn in sorted(os.listdir(tess)):
            if fn.endswith(".words"):
                code = out_code(fn[:-6])
                with open(os.path.join(tess, fn), encoding="utf-8", errors="replace") as f:
                    for w in f:
                        w = w.strip()
                        if w and w == w.lower() and all(c.isalpha() for c in w):
                            sink.add(code, "words", w)
    sink.close()


if __name__ == "__main__":
    main()
