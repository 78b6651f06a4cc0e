#!/bin/sh
# Linking benchmark: documents per second and peak memory of `dragoman cluster` on 10k, 100k (and
# 1M) documents built from the evaluation sets (make_docs.py), with the pairwise F1 on the built
# gold, the threads used and the machine's load (the other core may be busy: say so with figures).
#   bench/link/run.sh BUILD_DIR [SIZES...]      (default sizes: 10000 100000)
# DM_LINK_THREADS=N sets the linker's threads (default: 2 when the machine has 2 cores or more);
# DM_LINK_TIMING=1 prints the time of each phase to stderr.
set -eu
BUILD=${1:-build}
shift || true
SIZES=${*:-"10000 100000"}
HERE=$(dirname "$0")
TMP=${TMPDIR:-/tmp}/dm-bench-link
mkdir -p "$TMP"
for n in $SIZES; do
    [ -s "$TMP/docs-$n.jsonl" ] || python3 "$HERE/make_docs.py" "$n" "$TMP/docs-$n.jsonl" "$TMP/gold-$n.tsv" "$BUILD/dragoman"
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %U %S %M" -o "$TMP/time-$n" "$BUILD/dragoman" cluster "$TMP/docs-$n.jsonl" > "$TMP/pred-$n.tsv"
    read -r wall user sys rss < "$TMP/time-$n"
    f1=$(python3 /work/shared/eval/score.py clusters "$TMP/gold-$n.tsv" "$TMP/pred-$n.tsv" | tail -1)
    mb=$(du -mL "$TMP/docs-$n.jsonl" | cut -f1)
    echo "$n documents ($mb MB): wall $wall s, cpu $user+$sys s, $(python3 -c "print(round($n/$wall))") documents/s, peak $((rss / 1024)) MB, threads ${DM_LINK_THREADS:-default}, load before $load, $f1"
done
