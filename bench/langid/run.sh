#!/bin/sh
# run.sh BUILD_DIR TEXT GOLD -- the three identifiers on the same lines, then the shared scorer on
# each one's predictions. Build first with: cmake -S . -B build -DDM_BENCH_PEERS=ON
set -eu
build=$1 text=$2 gold=$3
out=$(mktemp -d)
"$build/bench/langid/bench_langid" "$text" "$out"
scorer=${DM_SCORER:-$(dirname "$0")/../../../shared/eval/score.py}
for s in dragoman cld2 exttextcat; do
    echo "== $s"
    python3 "$scorer" langid "$gold" "$out/$s.pred"
done
rm -rf "$out"
