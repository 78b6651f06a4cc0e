#!/bin/sh
# Alignment benchmark: sentences per second and peak memory on long real pairs (see
# docs/ALIGNMENT.md). Usage: bench/align/run.sh [build/dragoman] [N ...]
# Uses 1 core (nice); hunalign is run on the same input when it is installed.
set -eu
prog=${1:-build/dragoman}
shift || true
sizes=${*:-"1000 10000"}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
udhr=${UDHR_DIR:-/work/shared/corpora/udhr}
printf '%-10s %8s %8s %10s %10s %8s\n' aligner sentences seconds sent/s peak-MiB link-F1
for n in $sizes; do
    python3 "$here/make_long_pair.py" "$udhr" "$tmp/p$n" "$n"
    /usr/bin/time -f '%e %M' -o "$tmp/time" nice "$prog" align --lines --format jsonl \
        "$tmp/p$n.src" "$tmp/p$n.tgt" > "$tmp/out$n.jsonl"
    read -r secs kib < "$tmp/time"
    f1=$(python3 - "$tmp/out$n.jsonl" "$tmp/p$n.gold" <<'PY'
import json, sys
pred = set()
for line in open(sys.argv[1], encoding="utf-8"):
    b = json.loads(line)
    pred.update((s, t) for s in b["src"] for t in b["tgt"])
gold = {tuple(map(int, l.split())) for l in open(sys.argv[2])}
tp = len(pred & gold)
p = tp / len(pred) if pred else 0; r = tp / len(gold) if gold else 0
print(f"{2 * p * r / (p + r) if p + r else 0:.4f}")
PY
)
    awk -v n="$n" -v s="$secs" -v k="$kib" -v f="$f1" 'BEGIN { printf "%-10s %8d %8.2f %10.0f %10.1f %8s\n", "dragoman", n, s, n / (s > 0 ? s : 0.01), k / 1024, f }'
    if command -v hunalign >/dev/null 2>&1; then
        : > "$tmp/null.dic"
        /usr/bin/time -f '%e %M' -o "$tmp/time" nice hunalign -text "$tmp/null.dic" "$tmp/p$n.src" "$tmp/p$n.tgt" > /dev/null 2>&1 || true
        read -r secs kib < "$tmp/time"
        awk -v n="$n" -v s="$secs" -v k="$kib" 'BEGIN { printf "%-10s %8d %8.2f %10.0f %10.1f %8s\n", "hunalign", n, s, n / (s > 0 ? s : 0.01), k / 1024, "-" }'
    fi
done
