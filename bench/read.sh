#!/bin/sh
# read.sh [SIZE_MB] -- read + normalize + segment throughput on a large JSONL built from the
# evaluation documents (distinct ids, each set repeated until SIZE_MB, default 300), with `cat`
# of the same file as the floor. Prints the figures docs/PERFORMANCE.md records.
set -eu
cd "$(dirname "$0")/.."
size=${1:-300}
big=${TMPDIR:-/tmp}/dragoman-bench-read.jsonl
ev=../shared/eval
python3 - "$size" "$big" "$ev" <<'PY'
import json, sys
size, out, ev = int(sys.argv[1]) * 1000000, sys.argv[2], sys.argv[3]
docs = []
for s in ("doclink-ntrex", "doclink-flores", "doclink-seeds"):
    with open(f"{ev}/{s}/docs.jsonl", encoding="utf-8") as f:
        docs += [json.loads(l) for l in f]
n = written = 0
with open(out, "w", encoding="utf-8") as f:
    while written < size:
        for d in docs:
            line = json.dumps({"id": f"{n}-{d['id']}", "text": d["text"]}, ensure_ascii=False) + "\n"
            f.write(line); written += len(line.encode()); n += 1
            if written >= size: break
PY
ls -l "$big" | awk '{printf "input: %.0f MB\n", $5/1e6}'
/usr/bin/time -f "cat: %e s" cat "$big" > /dev/null
/usr/bin/time -f "bench_read: %e s wall, %U s user, %M KB peak" build/bench/bench_read "$big"
