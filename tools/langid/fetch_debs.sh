#!/bin/sh
# fetch_debs.sh WORK_DIR -- download and unpack (never install) the Debian packages whose text
# trains the language identifier: translated catalogues (libreoffice-l10n-*, firefox-esr-l10n-*,
# iso-codes), LibreOffice help pages, hunspell word lists, and word lists dumped from tesseract's
# language models (yor, mri, lat...). Nothing of this is committed; the model is built from it by
#   python3 tools/langid/collect_text.py /work/shared/corpora WORK_DIR/x WORK_DIR/text WORK_DIR/tess
#   python3 tools/langid/build_langid.py count WORK_DIR/text WORK_DIR/counts
#   python3 tools/langid/build_langid.py model WORK_DIR/counts data/langid/langid.bin.gz --bias tools/langid/bias.tsv
set -eu
work=$1
mkdir -p "$work/debs" "$work/x" "$work/tess"
cd "$work/debs"
apt-cache search --names-only '^(libreoffice-l10n-|firefox-esr-l10n-|hunspell-|libreoffice-help-)' |
    awk '{print $1}' | grep -vE 'libreoffice-help-(common|en-gb)|hunspell-tools|-en-|hunspell-dict' > ../pkgs.txt
printf '%s\n' iso-codes libreoffice-help-en-us tesseract-ocr-yor tesseract-ocr-mri tesseract-ocr-lat \
    tesseract-ocr-tir tesseract-ocr-amh tesseract-ocr-urd tesseract-ocr-snd tesseract-ocr-pus \
    tesseract-ocr-swa tesseract-ocr-fil tesseract-ocr-msa >> ../pkgs.txt
xargs -n 8 apt-get download < ../pkgs.txt
for d in *.deb; do p=${d%%_*}; [ -d "../x/$p" ] || dpkg -x "$d" "../x/$p"; done
# tesseract's word lists: combine_tessdata and dawg2wordlist come with the tesseract-ocr package
if command -v dawg2wordlist > /dev/null; then
    cd "$work/tess"
    for f in ../x/tesseract-ocr-*/usr/share/tesseract-ocr/*/tessdata/*.traineddata; do
        l=$(basename "$f" .traineddata)
        combine_tessdata -u "$f" "$l." > /dev/null
        dawg2wordlist "$l.lstm-unicharset" "$l.lstm-word-dawg" "$l.words" > /dev/null
    done
fi
