#!/bin/sh
# run_case.sh CASE_DIR DRAGOMAN -- run one command-line case.
# CASE_DIR/cmd      shell script; runs with $DRAGOMAN, $CASE (the folder), $TMP (a fresh folder),
#                   $ROOT (the repository), in $TMP
# CASE_DIR/rc       expected exit status (default 0)
# CASE_DIR/stdout   expected standard output, exactly (optional)
# CASE_DIR/stdout.grep, stderr.grep   lines that must each match somewhere (grep -E), optional
# CASE_DIR/no-sanitize  skip (77) in AddressSanitizer builds
set -u
CASE=$1
DRAGOMAN=$2
if [ -f "$CASE/no-sanitize" ] && [ "${DM_SANITIZED:-0}" = 1 ]; then
    echo "skipped in a sanitizer build"; exit 77
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d)
export CASE DRAGOMAN ROOT TMP
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
sh "$CASE/cmd" >"$TMP/out" 2>"$TMP/err"
rc=$?
want=0
[ -f "$CASE/rc" ] && want=$(cat "$CASE/rc")
fail=0
if [ "$rc" != "$want" ]; then
    echo "exit status $rc, expected $want"; fail=1
fi
if [ -f "$CASE/stdout" ] && ! diff -u "$CASE/stdout" "$TMP/out"; then
    echo "standard output differs"; fail=1
fi
for stream in stdout stderr; do
    f="$CASE/$stream.grep"
    [ -f "$f" ] || continue
    src="$TMP/out"; [ "$stream" = stderr ] && src="$TMP/err"
    while IFS= read -r pat; do
        [ -n "$pat" ] || continue
        grep -Eq -- "$pat" "$src" || { echo "$stream lacks: $pat"; fail=1; }
    done <"$f"
done
if [ $fail -ne 0 ]; then
    echo "--- stdout"; head -c 4000 "$TMP/out"; echo "--- stderr"; head -c 4000 "$TMP/err"
fi
exit $fail
