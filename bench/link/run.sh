#!/bin/sh
# Linking benchmark: documents per second and peak memory of `dragoman cluster` on 10k and 100k
# documents built from the evaluation sets (make_docs.py), with the pairwise F1 on the built gold.
#   bench/link/run.sh BUILD_DIR [SIZES...]      (default sizes: 10000 100000)
set -eu
BUILD=${1:-build}
shift || true
SIZES=${*:-"10000 100000"}
HERE=$(dirname "$0")
TMP=${TMPDIR:-/tmp}/dm-bench-link
mkdir -p "$TMP"
for n in $SIZES; do
    [ -s "$TMP/docs-$n.jsonl" ] || python3 "$HERE/make_docs.py" "$n" "$TMP/docs-$n.jsonl" "$TMP/gold-$n.tsv" "$BUILD/dragoman"
    /usr/bin/time -f "%e %U %S %M" -o "$TMP/time-$n" "$BUILD/dragoman" cluster "$TMP/docs-$n.jsonl" > "$TMP/pred-$n.tsv"
    read -r wall user sys rss < "$TMP/time-$n"
    f1=$(python3 /work/shared/eval/score.py clusters "$TMP/gold-$n.tsv" "$TMP/pred-$n.tsv" | tail -1)
    mb=$(du -m "$TMP/docs-$n.jsonl" | cut -f1)
    echo "$n documents ($mb MB): wall $wall s, cpu $user+$sys s, $(python3 -c "print(round($n/$wall))") documents/s, peak $((rss / 1024)) MB, $f1"
done
