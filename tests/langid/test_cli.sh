#!/bin/sh
# The command-line contract of `dragoman langid`: one code a line for each input line (empty lines
# and digits give "und"), -k N with scores, --only, macrolanguages, --spans, usage errors. $1 = the program.
set -u
prog=$1
fail=0
check() { # name expected actual
    if [ "$2" != "$3" ]; then
        printf '%s: expected [%s], got [%s]\n' "$1" "$2" "$3" >&2
        fail=1
    fi
}
out=$(printf '%s\n' "The weather is nice today and we are going to the beach." "" "12345" \
    "Die Regierung hat neue Maßnahmen angekündigt." "Правительство объявило о новых мерах поддержки." \
    "Η κυβέρνηση ανακοίνωσε νέα μέτρα." | "$prog" langid)
check lines "en und und de ru el" "$(echo $out)"
# no newline at the end of the last line, CRLF line ends
out=$(printf 'Le gouvernement a annoncé de nouvelles mesures.\r\nIl fait beau' | "$prog" langid | head -1)
check crlf "fr" "$out"
out=$(printf 'Il governo ha annunciato nuove misure per le famiglie.\n' | "$prog" langid -k 2)
check k2-fields 4 "$(echo "$out" | awk -F'\t' '{print NF}')"
check k2-first it "$(echo "$out" | cut -f1)"
# a text that does not tell Bokmål from Nynorsk is Norwegian, unless one language is asked for
out=$(printf 'kongen og dronningen\n' | "$prog" langid); check macro no "$out"
out=$(printf 'kongen og dronningen\n' | "$prog" langid --individual)
case "$out" in nb|nn) ;; *) check individual "nb or nn" "$out" ;; esac
out=$(printf 'vaðlaheiðargöng\n' | "$prog" langid --only no -k 3 | cut -f1,3)
case "$out" in "no	nb"|"no	nn"|nb*|nn*) ;; *) check only-macro "nb or nn" "$out" ;; esac
out=$(printf 'وزیر اعظم نے کہا کہ حکومت عوام کی فلاح کے لیے ہر ممکن قدم اٹھائے گی۔\n' | "$prog" langid --only fa,ar)
case "$out" in fa|ar) ;; *) check only "fa or ar" "$out" ;; esac
out=$(printf 'The president spoke today about the economy of the country. رئیس جمهور امروز درباره اقتصاد کشور و مشکلات مردم صحبت کرد.' | "$prog" langid --spans | cut -f3 | tr '\n' ' ')
check spans "en fa " "$out"
"$prog" langid --help > /dev/null; check help 0 $?
"$prog" langid --bogus < /dev/null 2> /dev/null; check bad-option 2 $?
"$prog" langid -k 0 < /dev/null 2> /dev/null; check bad-k 2 $?
"$prog" langid --only zz9 < /dev/null 2> /dev/null; check bad-code 2 $?
"$prog" langid /nonexistent/file 2> /dev/null; check missing-file 3 $?
n=$("$prog" langid --list | wc -l); [ "$n" -ge 150 ] || check languages ">=150" "$n"
[ $fail = 0 ] && echo "langid cli: all passed"
exit $fail
