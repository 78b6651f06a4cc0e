#!/bin/sh
# fetch_debs.sh WORK_DIR -- download and unpack (never install) the Debian packages whose text
# trains the language identifier: translated catalogues (libreoffice-l10n-*, firefox-esr-l10n-*,
# iso-codes, ~80 widely translated GNOME/KDE/Xfce/system packages), LibreOffice and GNOME help
# pages, translated manual pages (manpages-XX), hunspell word lists, and word lists dumped from tesseract's
# language models (yor, mri, lat...), and (seventh round) fortune cookies, Wesnoth's campaign text and
# translated manuals (debian-handbook, gimp-help-hr/nn). Nothing of this is committed; the model is built from it by
#   python3 tools/langid/collect_text.py /work/shared/corpora WORK_DIR/x WORK_DIR/text WORK_DIR/tess
#   python3 tools/langid/build_langid.py count WORK_DIR/text WORK_DIR/counts
#   python3 tools/langid/population.py WORK_DIR/x/unicode-cldr-core/usr/share/unicode/cldr/common/supplemental/supplementalData.xml > data/langid/population.tsv
#   python3 tools/langid/build_langid.py model WORK_DIR/counts data/langid/langid.bin.gz --population data/langid/population.tsv
set -eu
work=$1
mkdir -p "$work/debs" "$work/x" "$work/tess"
cd "$work/debs"
apt-cache search --names-only '^(libreoffice-l10n-|firefox-esr-l10n-|hunspell-|libreoffice-help-)' |
    awk '{print $1}' | grep -vE 'libreoffice-help-(common|en-gb)|hunspell-tools|-en-|hunspell-dict' > ../pkgs.txt
printf '%s\n' iso-codes unicode-cldr-core libreoffice-help-en-us tesseract-ocr-yor tesseract-ocr-mri tesseract-ocr-lat \
    tesseract-ocr-tir tesseract-ocr-amh tesseract-ocr-urd tesseract-ocr-snd tesseract-ocr-pus \
    tesseract-ocr-swa tesseract-ocr-fil tesseract-ocr-msa >> ../pkgs.txt
# more translated text: packages with many gettext catalogues, GNOME help pages (Mallard) and
# translated manual pages (collect_text.py takes any package's usr/share/{locale,help,man}/TAG)
printf '%s\n' \
    libc-l10n util-linux-locales coreutils tar grep sed diffutils findutils debconf-i18n apt \
    dpkg aptitude-common tasksel-data libgtk-3-common libgtk2.0-common libglib2.0-data \
    gnome-shell-common gnome-control-center-data nautilus-data evolution-common \
    evolution-data-server-common gedit-common evince-common totem-common rhythmbox-data inkscape \
    xkb-data gnome-desktop3-data gnome-terminal-data vlc-l10n transmission-common pidgin-data \
    gparted synaptic shotwell-common gnucash-common network-manager gnome-software-common \
    accountsservice mate-desktop-common xfce4-panel xfce4-session thunar-data gnome-user-docs \
    gnome-devel-docs gimp-data gnome-maps gnome-calendar gnome-weather cheese-common file-roller \
    caja-common pluma-common gnome-games-app gnome-chess aisleriot gnome-mahjongg gnome-sudoku \
    gnome-klotski hitori quadrapassel gnome-robots gnome-2048 libgweather-4-common \
    gnome-online-accounts seahorse gnome-disk-utility baobab simple-scan gnome-clocks \
    gnome-contacts gnome-music gnome-photos gnome-text-editor epiphany-browser-data geary \
    gnome-builder tuxpaint-data kdeconnect plasma-workspace-data dolphin konsole gwenview \
    kdenlive-data krita-data >> ../pkgs.txt
apt-cache search --names-only '^manpages-' | awk '{print $1}' | grep -vE -- '-dev$' >> ../pkgs.txt
# everyday and narrative text from other domains (seventh round; counted apart and used only to
# lift the counts of what the UI text lacks, see build_langid.py LIFT_SOURCES): fortune cookies,
# Battle for Wesnoth's campaign catalogues, the Debian Administrator's Handbook, GIMP's manual
printf '%s\n' fortunes fortunes-es fortunes-de fortunes-it fortunes-ru fortunes-pl fortunes-cs \
    fortunes-bg fortunes-br fortunes-eo fortunes-ga debian-handbook gimp-help-hr gimp-help-nn >> ../pkgs.txt
apt-cache search --names-only '^wesnoth-[0-9.]+-data$' | awk '{print $1}' | sort | tail -1 >> ../pkgs.txt
xargs -n 1 apt-get download < ../pkgs.txt || true  # one at a time: a missing name skips only itself
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
