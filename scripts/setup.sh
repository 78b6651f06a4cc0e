#!/bin/sh
# setup.sh -- install what dragoman needs from Debian's packages, build it, and run it on the
# bundled example articles. Idempotent; works as root on a fresh Debian 12 machine (uses sudo
# when run as another user). Nothing is downloaded at run time.
set -eu
cd "$(dirname "$0")/.."

# What each package is for: README.md, "Dependencies".
PACKAGES="build-essential cmake pkg-config libicu-dev libsqlite3-dev libjansson-dev libxml2-dev
libmicrohttpd-dev zlib1g-dev python3 clang libclang-rt-dev"

missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "setup: installing:$missing"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
else
    echo "setup: all Debian packages present"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"

# The main job on the example: store the five articles, then say what they are.
db=build/example.db
rm -f "$db" "$db-wal" "$db-shm"
build/dragoman ingest --db "$db" examples/iran-iraq
build/dragoman link -q --db "$db"
build/dragoman report --db "$db"
