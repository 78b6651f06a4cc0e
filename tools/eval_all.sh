#!/bin/sh
# eval_all.sh [PROGRAM] -- run every shared evaluation set and print the headline figures, as
# docs/EVALUATION.md records them. PROGRAM defaults to build/dragoman.
set -u
cd "$(dirname "$0")/.."
prog=${1:-build/dragoman}
ev=../shared/eval
for set in doclink-seeds doclink-ntrex doclink-flores salign-ntrex salign-textberg-dev mine-tatoeba langid-lingua; do
    out=$("$ev/run" "$ev/$set" "$prog" 2>&1)
    secs=$(printf '%s\n' "$out" | grep '^seconds' | tail -n 1)
    head=$(printf '%s\n' "$out" | tail -n 1)
    extra=""
    case $set in
        salign-*) extra=$(printf '%s\n' "$out" | grep -E '^(omission|beads)' | tr '\n' ' ') ;;
        langid-*) extra=$(printf '%s\n' "$out" | grep -E '^(sentences|word-pairs|single-words|kind)' | tr '\n' ' ') ;;
    esac
    printf '%-20s %s | %s | %s\n' "$set" "$head" "$secs" "$extra"
done
