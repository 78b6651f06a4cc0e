#!/bin/sh
# Export benchmark: the store-wide path of a corpus builder. Ingests the news articles of the
# doclink-ntrex evaluation set (1,476 documents, 123 stories in 12 languages: used here as a
# load, nothing is learned from it), links them, then times `dragoman export` (every pair of
# versions of every story aligned and written as TSV): document pairs, sentence pairs, sentence
# pairs per second, peak memory.
#   bench/export/run.sh [BUILD_DIR]
set -eu
BUILD=${1:-build}
DOCS=${DOCS:-/work/shared/eval/doclink-ntrex/docs.jsonl}
TMP=${TMPDIR:-/tmp}/dm-bench-export
rm -rf "$TMP"
mkdir -p "$TMP"
DB="$TMP/s.db"
/usr/bin/time -f "%e %U %S %M" -o "$TMP/t-ingest" "$BUILD/dragoman" ingest -q --db "$DB" "$DOCS"
/usr/bin/time -f "%e %U %S %M" -o "$TMP/t-link" "$BUILD/dragoman" link -q --db "$DB"
/usr/bin/time -f "%e %U %S %M" -o "$TMP/t-export" "$BUILD/dragoman" export --db "$DB" > "$TMP/pairs.tsv" 2> "$TMP/export.err"
"$BUILD/dragoman" export --db "$DB" --docs > "$TMP/docs.tsv"
for step in ingest link export; do
    read -r wall user sys rss < "$TMP/t-$step"
    echo "$step: wall $wall s, cpu $user+$sys s, peak $((rss / 1024)) MB"
done
read -r wall user sys rss < "$TMP/t-export"
pairs=$(wc -l < "$TMP/pairs.tsv")
echo "export: $(wc -l < "$TMP/docs.tsv") document pairs, $pairs sentence pairs," \
    "$(python3 -c "print(round($pairs / max($wall, 0.001)))") sentence pairs/s"
tail -1 "$TMP/export.err"
