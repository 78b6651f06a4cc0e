#!/bin/sh
# compare_speed.sh OLD_BENCH NEW_BENCH TEXT RUNS [ROUNDS] -- two builds of bench_langid on the same
# lines, alternately RUNS times (ROUNDS rounds each, default 5): each run prints dragoman's and
# CLD2's lines per second and their ratio, so that a busy machine shows as noise in both. The
# median ratio of each build is the figure to compare.
set -eu
old=$1 new=$2 text=$3 runs=$4 rounds=${5:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for i in $(seq "$runs"); do
    for b in old new; do
        eval bin=\$$b
        "$bin" "$text" "$out" "$rounds" | awk -v b=$b '
            /^dragoman/ {d = $2} /^cld2/ {c = $2}
            END {printf "%s dragoman %8.0f cld2 %8.0f ratio %.3f\n", b, d, c, d / c}'
    done
done | tee "$out/all"
for b in old new; do
    grep "^$b " "$out/all" | awk '{print $7}' | sort -n |
        awk -v b=$b '{r[NR] = $1} END {printf "%s median ratio %.3f (min %.3f, max %.3f, %d runs)\n",
            b, (NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2), r[1], r[NR], NR}'
done
