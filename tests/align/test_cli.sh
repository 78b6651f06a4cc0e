#!/bin/sh
# Command-line contract of align, diff and mine on the example articles (Persian, Hindi,
# English): the batch format of the evaluation, every output format, bad input, exit codes.
set -u
prog=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; fi; }

fa=$src/examples/iran-iraq/003_7524bfdbcb54633c.txt
en=$src/examples/iran-iraq/004_5e79b54d010dd1a8.txt
hi=$src/examples/iran-iraq/000_53f2f7017102b22e.txt
en1=$src/examples/iran-iraq/001_e90ef68c3666fdb9.txt

# batch contract: one output line per pair, ids kept, 0-based index lists
cat > "$tmp/pairs.jsonl" <<'J'
{"id": "a1", "src": ["The president met the prime minister on Tuesday.", "They talked about oil."], "tgt": ["Der Präsident traf am Dienstag den Premierminister.", "Sie sprachen über Öl.", "Das Wetter war gut."]}
{"id": "a2", "src": [], "tgt": ["تهران ۲۱ تیر"]}
{"id": "a3", "src": ["Nur ein Satz."], "tgt": []}
J
"$prog" align --batch "$tmp/pairs.jsonl" > "$tmp/out.jsonl"
check "batch exit 0" "[ $? -eq 0 ]"
check "batch one line per pair" "[ \$(wc -l < '$tmp/out.jsonl') -eq 3 ]"
check "batch ids" "grep -q '\"id\": \"a1\", \"align\": \[\[\[0\], \[0\]\]' '$tmp/out.jsonl'"
check "batch empty source side" "grep -q '\"id\": \"a2\", \"align\": \[\[\[\], \[0\]\]\]' '$tmp/out.jsonl'"
check "batch empty target side" "grep -q '\"id\": \"a3\", \"align\": \[\[\[0\], \[\]\]\]' '$tmp/out.jsonl'"

# a line of OCR debris inside a block ("h * \"") is reported on its own, without counterpart; a
# short piece that holds a letter pair or a bracket ("L. Evans) .") stays in its block
cat > "$tmp/debris.jsonl" <<'J'
{"id": "d1", "src": ["Am Morgen verliessen sie das Lager.", "Dank den Seilen erreichten sie den Grat sehr schnell, doch dann sanken sie bis zu den Knien in den Schnee ein.", "Am Abend waren sie wieder im Lager."], "tgt": ["Le matin, ils quittèrent le camp.", "Grâce aux cordes, l'arête", "h * \"", "est atteinte très rapidement, mais ensuite ils enfoncent dans la neige jusqu'aux genoux.", "Le soir, ils étaient de retour au camp."], "src_lang": "de", "tgt_lang": "fr"}
{"id": "d2", "src": ["Der Präsident traf am Dienstag den Premierminister.", "Sie sprachen über Öl, die Preise und die neue Leitung nach Norden (Ch .", "L. Evans) ."], "tgt": ["The president met the prime minister on Tuesday.", "They talked about oil, prices and the new pipeline to the north (Ch. L. Evans)."]}
J
"$prog" align --batch "$tmp/debris.jsonl" > "$tmp/debris.out"
check "debris inside a block reported apart" "grep -q '\"id\": \"d1\", \"align\": \[\[\[0\], \[0\]\], \[\[1\], \[1, 3\]\], \[\[\], \[2\]\]' '$tmp/debris.out'"
check "a piece with a bracket stays in its block" "grep -q '\[\[1, 2\], \[1\]\]' '$tmp/debris.out'"

# a bad line is rejected, the rest aligned, exit status 1
printf '%s\n' '{"id": "x"}' >> "$tmp/pairs.jsonl"
"$prog" align --batch "$tmp/pairs.jsonl" > "$tmp/out2.jsonl" 2> "$tmp/err"
check "bad line -> exit 1" "[ $? -eq 1 ]"
check "bad line reported" "grep -q rejected '$tmp/err'"
check "good lines kept" "[ \$(wc -l < '$tmp/out2.jsonl') -eq 3 ]"
"$prog" align --batch "$tmp/none.jsonl" > /dev/null 2>&1
check "missing file -> exit 3" "[ $? -eq 3 ]"
"$prog" align --format nosuch "$fa" "$en" > /dev/null 2>&1
check "unknown format -> exit 2" "[ $? -eq 2 ]"

# output formats
"$prog" align --format tsv "$hi" "$en1" > "$tmp/a.tsv"
check "tsv three columns" "awk -F'\t' 'NF != 3 { bad = 1 } END { exit bad }' '$tmp/a.tsv'"
"$prog" align --format tmx --src-lang fa --tgt-lang en "$fa" "$en" > "$tmp/a.tmx"
check "tmx 1.4" "grep -q '<tmx version=\"1.4\">' '$tmp/a.tmx' && grep -q 'xml:lang=\"fa\"' '$tmp/a.tmx'"
"$prog" align --format html "$fa" "$en" > "$tmp/a.html"
check "html report, directions per side" "grep -q '<p dir=\"rtl\"><span class=\"n\">0</span> رهبر' '$tmp/a.html' && grep -q '<p dir=\"ltr\"><span class=\"n\">0</span> Tehran' '$tmp/a.html' && grep -q '</html>' '$tmp/a.html'"
check "html marks the date only in English" "grep -q '<mark>21</mark>' '$tmp/a.html'"
"$prog" align --format moses --out "$tmp/m" "$hi" "$en1" 2> /dev/null
check "moses line-parallel" "[ -s '$tmp/m.src' ] && [ \$(wc -l < '$tmp/m.src') -eq \$(wc -l < '$tmp/m.tgt') ]"
"$prog" align "$fa" "$en" > "$tmp/a.jsonl"
check "jsonl blocks with text and score" "grep -q '\"score\": ' '$tmp/a.jsonl' && grep -q '\"tgt_text\": ' '$tmp/a.jsonl'"

# diff: readable and JSON
"$prog" diff "$fa" "$en" > "$tmp/d.txt"
check "diff summary" "grep -q '^summary:' '$tmp/d.txt'"
"$prog" diff --json "$fa" "$en" > "$tmp/d.json"
check "diff json: the date 21 only in English" "grep -q '\"kind\": \"number\", \"side\": \"tgt\", \"src\": \[[0-9, ]*\], \"tgt\": \[[0-9, ]*\], \"what\": \"21\"' '$tmp/d.json'"

# diff --batch honours each pair's languages (they pick the lexicon: Dienstag = Tuesday in
# German only), and capitalised words of an English title-case headline are not names
cat > "$tmp/dpairs.jsonl" <<'J'
{"id": "de", "src_lang": "de", "tgt_lang": "en", "src": ["Der Präsident traf am Dienstag den Premierminister in Berlin.", "Sie sprachen über Öl."], "tgt": ["The president met the prime minister on Tuesday.", "They talked about oil."]}
{"id": "fr", "src_lang": "fr", "tgt_lang": "en", "src": ["Der Präsident traf am Dienstag den Premierminister in Berlin.", "Sie sprachen über Öl."], "tgt": ["The president met the prime minister on Tuesday.", "They talked about oil."]}
{"id": "title", "src_lang": "de", "tgt_lang": "en", "src": ["Polizei nimmt Mann fest", "Der Mann wurde am Dienstag festgenommen."], "tgt": ["Police Arrest Man After Stabbing In Birkenhead", "The man was held by officers on Tuesday."]}
J
"$prog" diff --batch "$tmp/dpairs.jsonl" > "$tmp/dpairs.out"
check "diff batch one line per pair" "[ \$(wc -l < '$tmp/dpairs.out') -eq 3 ]"
check "diff batch: German lexicon for the de pair" "grep '\"id\": \"de\"' '$tmp/dpairs.out' | grep -q '\"what\": \"Berlin\"' && ! grep '\"id\": \"de\"' '$tmp/dpairs.out' | grep -q '\"what\": \"Dienstag\"'"
check "diff batch: no German lexicon for the pair said to be French" "grep '\"id\": \"fr\"' '$tmp/dpairs.out' | grep -q '\"what\": \"Dienstag\"'"
check "diff: title-case headline words are not names" "! grep '\"id\": \"title\"' '$tmp/dpairs.out' | grep -q '\"kind\": \"name\"'"

# mine: one line per source line, j<TAB>score
sed -n '1,12p' "$tmp/a.tsv" | cut -f2 > "$tmp/t.txt"
tac "$tmp/t.txt" > "$tmp/s.txt"
"$prog" mine "$tmp/s.txt" "$tmp/t.txt" > "$tmp/mine.txt"
check "mine one line per source line" "[ \$(wc -l < '$tmp/mine.txt') -eq \$(wc -l < '$tmp/s.txt') ]"
check "mine finds identical lines" "[ \$(head -1 '$tmp/mine.txt' | cut -f1) -eq \$((\$(wc -l < '$tmp/t.txt') - 1)) ]"
exit $fail
