#!/usr/bin/env bash
# Benchmark of the CDR import and the Calls page queries (issue 6). Not run in CI.
#
#   tests/bench/calls.sh [COUNT]        # default 1,000,000 CDRs
#
# 1. builds release binaries, generates COUNT CDRs with `maskline-sim gen-cdrs` (JSON Lines,
#    50 CDRs per notification body, as the platform sends them);
# 2. imports them with `maskline import` (dedupe + every index + the number-search index)
#    and measures records/s and peak RSS with /usr/bin/time -v;
# 3. loads the same CDRs (flattened to one FeeInfo per line, flattening not timed) with
#    `sqlite-utils insert --nl` and DuckDB `read_json` into a table, same run, same machine
#    (both installed from PyPI into a venv under target/);
# 4. times the Calls page's queries on the imported database (p50/p95 over 50 runs each).
# The last line sums up the ratios and the worst p95.
set -euo pipefail

COUNT=${1:-1000000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
TARGET=${CARGO_TARGET_DIR:-target}
OUT=$TARGET/bench-calls
VENV=$TARGET/bench-venv
BIN=$TARGET/release
mkdir -p "$OUT"
rm -f "$OUT"/maskline.db* "$OUT"/su.db* "$OUT"/duck.db*

echo "== building (release)"
cargo build --release -q -p maskline-cli -p maskline-sim
cargo build --release -q -p maskline-services --example calls_bench

if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install -q sqlite-utils duckdb

echo "== generating $COUNT CDRs"
"$BIN/maskline-sim" gen-cdrs --count "$COUNT" --seed 1 --out "$OUT/cdrs.jsonl"
"$VENV/bin/python" - "$OUT/cdrs.jsonl" "$OUT/flat.jsonl" <<'PY'
import json, sys
with open(sys.argv[1]) as src, open(sys.argv[2], "w") as dst:
    for line in src:
        for rec in json.loads(line)["feeLst"]:
            dst.write(json.dumps(rec, separators=(",", ":")) + "\n")
PY
ls -l "$OUT/cdrs.jsonl" "$OUT/flat.jsonl"

# measure NAME CMD…: runs CMD under /usr/bin/time -v; sets SECS and RSS_MB.
measure() {
  local name=$1; shift
  /usr/bin/time -v "$@" > "$OUT/$name.out" 2> "$OUT/$name.time"
  SECS=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$OUT/$name.time")
  RSS_MB=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$OUT/$name.time")
}
rate() { awk -v n="$COUNT" -v s="$1" 'BEGIN {printf "%.0f", n / s}'; }

echo "== maskline import"
measure maskline "$BIN/maskline" --db "$OUT/maskline.db" import "$OUT/cdrs.jsonl" --json
ML_SECS=$SECS; ML_RSS=$RSS_MB; ML_RATE=$(rate "$SECS")
grep -o '"new":[0-9]*,"path":"[^"]*","rejected":[0-9]*' "$OUT/maskline.out" || cat "$OUT/maskline.out"
echo "maskline import: ${ML_SECS}s, ${ML_RATE} records/s, peak RSS ${ML_RSS} MB"
measure maskline_again "$BIN/maskline" --db "$OUT/maskline.db" import "$OUT/cdrs.jsonl" --json
echo "re-import (all duplicates): ${SECS}s, $(rate "$SECS") records/s, peak RSS ${RSS_MB} MB"

echo "== sqlite-utils insert --nl"
measure sqlite_utils "$VENV/bin/sqlite-utils" insert "$OUT/su.db" calls "$OUT/flat.jsonl" --nl
SU_SECS=$SECS; SU_RATE=$(rate "$SECS")
echo "sqlite-utils: ${SU_SECS}s, ${SU_RATE} records/s, peak RSS ${RSS_MB} MB"

echo "== DuckDB read_json"
measure duckdb "$VENV/bin/python" -c "import duckdb,sys; c=duckdb.connect(sys.argv[1]); c.execute(\"SET enable_progress_bar = false\"); c.execute(\"CREATE TABLE calls AS SELECT * FROM read_json(?, format='newline_delimited')\", [sys.argv[2]]); print(c.execute('select count(*) from calls').fetchone()[0])" "$OUT/duck.db" "$OUT/flat.jsonl"
DK_SECS=$SECS; DK_RATE=$(rate "$SECS")
echo "duckdb: ${DK_SECS}s, ${DK_RATE} records/s, peak RSS ${RSS_MB} MB (rows: $(cat "$OUT/duckdb.out"))"

echo "== Calls page queries on $(ls -lh "$OUT/maskline.db" | awk '{print $5}') database (ms over 50 runs: name p50 p95 rows)"
"$BIN/examples/calls_bench" "$OUT/maskline.db" 50 | tee "$OUT/queries.txt"
WORST=$(sort -k3 -n -r "$OUT/queries.txt" | head -1)

awk -v ml="$ML_RATE" -v su="$SU_RATE" -v dk="$DK_RATE" -v rss="$ML_RSS" -v worst="$WORST" 'BEGIN {
  split(worst, w, " ");
  printf "SUMMARY import %d rec/s = %.1fx sqlite-utils (aim >=10x), %.2fx DuckDB (aim >=0.5x); peak RSS %d MB (aim <300); worst p95 %.1f ms (%s, aim <50)\n",
    ml, ml / su, ml / dk, rss, w[3], w[1] }'
