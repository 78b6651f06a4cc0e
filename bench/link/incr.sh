#!/bin/sh
# Incremental linking benchmark: N documents of make_docs.py, the first N-ADD ingested and
# linked, then the last ADD ingested and linked again (incremental), then `link --full` on the
# same store. Prints wall and CPU seconds of each link, the documents analysed and relinked, and
# the pairwise F1 of the stories against the construction's gold.
#   bench/link/incr.sh BUILD_DIR [N [ADD]]      (default 10000 1000)
set -eu
BUILD=$(cd "${1:-build}" && pwd)
N=${2:-10000}
ADD=${3:-1000}
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=${TMPDIR:-/tmp}/dm-bench-link
mkdir -p "$TMP"
[ -s "$TMP/docs-$N.jsonl" ] || python3 "$HERE/make_docs.py" "$N" "$TMP/docs-$N.jsonl" "$TMP/gold-$N.tsv" "$BUILD/dragoman"
W=$TMP/incr-$N
rm -rf "$W" && mkdir -p "$W"
head -n $((N - ADD)) "$TMP/docs-$N.jsonl" >"$W/first.jsonl"
tail -n "$ADD" "$TMP/docs-$N.jsonl" >"$W/added.jsonl"
DM=$BUILD/dragoman
score() {
    "$DM" list --db "$W/s.db" | awk 'NR>1 {print $1 "\t" $4}' >"$W/pred.tsv"
    python3 /work/shared/eval/score.py clusters "$TMP/gold-$N.tsv" "$W/pred.tsv" | tail -1
}
run() { # label, link options
    label=$1
    shift
    DM_LINK_TIMING=1 /usr/bin/time -f "%e %U %S %M" -o "$W/time" "$DM" link -q --db "$W/s.db" "$@" 2>"$W/timing"
    read -r wall user sys rss <"$W/time"
    echo "$label: wall $wall s, cpu $user+$sys s, peak $((rss / 1024)) MB; $(grep -E 'incremental:|read from the store' "$W/timing" | sed 's/^link: //' | tr '\n' ';')"
}
"$DM" ingest -q --db "$W/s.db" "$W/first.jsonl"
run "link $((N - ADD)) (whole)"
"$DM" ingest -q --db "$W/s.db" "$W/added.jsonl"
run "link +$ADD (incremental)"
echo "  stories after the incremental link: $(score)"
cp "$W/timing" "$W/timing-incremental"
run "link --full ($N)" --full
echo "  stories after the whole relink: $(score)"
