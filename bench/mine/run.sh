#!/bin/sh
# Mining benchmark: sentences per second and peak memory on large inputs (see docs/ALIGNMENT.md).
# Usage: bench/mine/run.sh [build/dragoman] [N ...]   (1 core, nice)
# Accuracy: the mined English line has the gold line's text (the English side repeats).
set -eu
prog=${1:-build/dragoman}
shift || true
sizes=${*:-"2000 20000"}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
udhr=${UDHR_DIR:-/work/shared/corpora/udhr}
printf '%-10s %8s %8s %8s %12s %10s %8s\n' miner sentences seconds cpu-s sent/cpu-s peak-MiB accuracy
for n in $sizes; do
    python3 "$here/make_mine_pair.py" "$udhr" "$tmp/p$n" "$n"
    /usr/bin/time -f '%e %U %M' -o "$tmp/time" nice "$prog" mine "$tmp/p$n.src" "$tmp/p$n.tgt" > "$tmp/out$n"
    read -r secs cpu kib < "$tmp/time"
    acc=$(python3 - "$tmp/out$n" "$tmp/p$n.gold" "$tmp/p$n.tgt" <<'PY'
import sys
pred = [int(l.split("\t")[0]) for l in open(sys.argv[1])]
gold = [int(l) for l in open(sys.argv[2])]
tgt = open(sys.argv[3], encoding="utf-8").read().split("\n")
ok = sum(p == g or (p >= 0 and tgt[p] == tgt[g]) for p, g in zip(pred, gold))
print(f"{ok / len(gold):.4f}")
PY
)
    awk -v n="$n" -v s="$secs" -v c="$cpu" -v k="$kib" -v a="$acc" 'BEGIN { printf "%-10s %8d %8.2f %8.2f %12.0f %10.1f %8s\n", "dragoman", n, s, c, n / (c > 0 ? c : 0.01), k / 1024, a }'
done
