#!/bin/sh
# incr_eval.sh DRAGOMAN SET [PARTS] -- incremental `dragoman link` against a whole relink on a
# shared evaluation set: the set's documents are ingested in PARTS parts (default 2) with a link
# after each, then the stories are scored against the gold; then `link --full` on the same store
# is scored too. Prints both pairwise F1s (score.py clusters) and the time of each link.
# Measurement only: nothing here is trained on the set.
set -eu
DM=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SET=$2
PARTS=${3:-2}
SCORE=$(dirname "$SET")/score.py
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
n=$(wc -l <"$SET/docs.jsonl")
per=$(( (n + PARTS - 1) / PARTS ))
split -l "$per" -d "$SET/docs.jsonl" "$W/part."
stories() { "$DM" list --db "$W/s.db" | awk 'NR>1 {print $1 "\t" $4}' >"$1"; }
for p in "$W"/part.*; do
    "$DM" ingest -q --db "$W/s.db" "$p" 2>/dev/null || true
    t0=$(date +%s.%N)
    DM_LINK_TIMING=1 "$DM" link -q --db "$W/s.db" 2>"$W/timing"
    t1=$(date +%s.%N)
    echo "link after $(basename "$p"): $(echo "$t1 - $t0" | bc) s wall; $(grep -E 'incremental|read from the store' "$W/timing" | tr '\n' ';')"
    [ -n "${VERBOSE:-}" ] && cat "$W/timing"
done
stories "$W/incr.tsv"
echo "incremental: $(python3 "$SCORE" clusters "$SET/gold.tsv" "$W/incr.tsv" | tail -1)"
t0=$(date +%s.%N)
"$DM" link -q --full --db "$W/s.db"
t1=$(date +%s.%N)
stories "$W/full.tsv"
echo "link --full: $(echo "$t1 - $t0" | bc) s wall"
echo "whole relink: $(python3 "$SCORE" clusters "$SET/gold.tsv" "$W/full.tsv" | tail -1)"
