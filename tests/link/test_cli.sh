#!/bin/sh
# The command-line contract of `dragoman cluster` and `dragoman explain`: one id<TAB>cluster line
# per document, the example pairs sharing a label, a rejected line giving exit status 1, usage
# errors 2, explanations naming the two documents.
set -u
DRAGOMAN=$1
EX=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
die() { echo "FAIL: $*" >&2; fail=1; }

python3 - "$EX" "$TMP/docs.jsonl" <<'PY'
import json, os, sys
ex, out = sys.argv[1], sys.argv[2]
with open(out, "w") as f:
    for name in sorted(os.listdir(ex)):
        if name.endswith(".txt"):
            f.write(json.dumps({"id": name[:3], "text": open(os.path.join(ex, name)).read()}, ensure_ascii=False) + "\n")
PY

# Persian and Arabic are told apart by the language model; without it the test cannot judge
echo "The cat sleeps on the table." | "$DRAGOMAN" langid > /dev/null 2>&1 || { echo "skipped: no language model"; exit 77; }

"$DRAGOMAN" cluster "$TMP/docs.jsonl" > "$TMP/out" || die "cluster exited $?"
[ "$(wc -l < "$TMP/out")" -eq 5 ] || die "expected 5 lines"
lab() { awk -F'\t' -v id="$1" '$1 == id { print $2 }' "$TMP/out"; }
[ "$(lab 000)" = "$(lab 001)" ] || die "000 and 001 should share a story"
[ "$(lab 003)" = "$(lab 004)" ] || die "003 and 004 should share a story"
[ "$(lab 000)" != "$(lab 003)" ] || die "000 and 003 are different stories"
[ "$(lab 002)" != "$(lab 000)" ] && [ "$(lab 002)" != "$(lab 003)" ] || die "002 is a story of its own"

# standard input, and a broken line: the rest is clustered, exit status 1
{ cat "$TMP/docs.jsonl"; echo '{"id": "broken", "text": '; } | "$DRAGOMAN" cluster - > "$TMP/out2" 2> "$TMP/err2"
rc=$?
[ $rc -eq 1 ] || die "a rejected line should give exit status 1, got $rc"
[ "$(wc -l < "$TMP/out2")" -eq 5 ] || die "expected the 5 good documents"
grep -q "rejected" "$TMP/err2" || die "the rejected line should be reported"

"$DRAGOMAN" cluster > /dev/null 2>&1; [ $? -eq 2 ] || die "no input file is a usage error"
"$DRAGOMAN" cluster "$TMP/missing.jsonl" > /dev/null 2>&1; [ $? -eq 3 ] || die "a missing file is a failure"

"$DRAGOMAN" explain --docs "$TMP/docs.jsonl" 000 001 > "$TMP/why" || die "explain exited $?"
grep -q "^000: language" "$TMP/why" || die "explain should describe 000"
grep -q "same story" "$TMP/why" || die "000 and 001 should be explained as one story"
"$DRAGOMAN" explain --docs "$TMP/docs.jsonl" 000 nope > /dev/null 2>&1; [ $? -eq 3 ] || die "unknown id"
(cd "$TMP" && DRAGOMAN_DB="$TMP/none.db" "$DRAGOMAN" explain 000 001 > /dev/null 2>&1); [ $? -eq 3 ] || die "explain without --docs reads the store; no store is a failure"
exit $fail
