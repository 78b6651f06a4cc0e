#!/bin/sh
# same_answers.sh OLD_DRAGOMAN NEW_DRAGOMAN TEXT -- a speed change must not change an answer: runs
# every line of TEXT through two builds of `dragoman langid` (the best language; the five best
# with their confidences; a restricted candidate set; the list of languages; the language spans
# of a text in many languages) and prints any line where they differ.
# Exit status 0 only when every output is identical. Example, after building the old commit in
# /tmp/old: bench/langid/same_answers.sh /tmp/old/build/dragoman build/dragoman \
#   /work/shared/eval/langid-lingua/text.txt
set -eu
old=$1 new=$2 text=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
run() { # NAME ARGS...: both builds with the same arguments, then diff
    name=$1
    shift
    "$old" langid "$@" < "$text" > "$out/$name.old" || echo "$name: old build failed"
    "$new" langid "$@" < "$text" > "$out/$name.new" || echo "$name: new build failed"
    if cmp -s "$out/$name.old" "$out/$name.new"; then
        echo "$name: identical ($(wc -l < "$out/$name.new") lines)"
    else
        echo "$name: DIFFERENT"
        diff "$out/$name.old" "$out/$name.new" | head -20
        status=1
    fi
}
run best
run top5 -k 5
run only --only en,de,fr,nl,af,ru,uk,hi,mr -k 3
run list --list
# spans of a text in many languages: the lines of every 50th language-sorted stretch, as one text
awk 'NR % 50 < 3' "$text" > "$out/mixed.txt"
run spans --spans "$out/mixed.txt"
exit $status
