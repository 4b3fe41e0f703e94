#!/usr/bin/env bash
# Fuzzes the parsers of untrusted input for a bounded time each (not part of scripts/test.sh):
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]      default 300 s, every target
#   FUZZ_PARALLEL=1 runs the targets side by side (each for SECONDS of wall time) instead of
#   one after the other; FUZZ_NICE=19 runs them at that niceness. The summary gives each
#   target's executions, wall seconds and CPU seconds (user+system).
# Stable Rust: libFuzzer with coverage instrumentation and no sanitizer (`-s none`; our crates
# forbid `unsafe`). Set FUZZ_SANITIZER=address to use ASan (RUSTC_BOOTSTRAP=1 on stable).
# Targets and seed corpus: tests/fuzz/. New inputs land in tests/fuzz/corpus/<target>/;
# minimise before committing: cargo fuzz cmin --fuzz-dir tests/fuzz -s none <target>.
# Crashes: tests/fuzz/artifacts/<target>/ (reproduce: cargo fuzz run --fuzz-dir tests/fuzz -s none <target> <file>).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

CARGO_FUZZ_VERSION=0.13.2
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(cdr_json sheet_row phone_number sim_auth_header receiver_push)

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> cargo install cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --locked --version "$CARGO_FUZZ_VERSION" || exit 1
fi
sanitizer=${FUZZ_SANITIZER:-none}
if [ "$sanitizer" != none ]; then export RUSTC_BOOTSTRAP=1; fi

cargo fuzz build --fuzz-dir tests/fuzz -s "$sanitizer" || exit 1

failed=()
summary=()
logdir=$(mktemp -d)
nice_level=${FUZZ_NICE:-0}

run_target() { # TARGET: fuzzes it, leaves its log and CPU seconds in $logdir
  local t=$1
  /usr/bin/time -f '%U %S' -o "$logdir/$t.cpu" nice -n "$nice_level" \
    cargo fuzz run --fuzz-dir tests/fuzz -s "$sanitizer" "$t" -- \
    -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 >"$logdir/$t.log" 2>&1
  echo $? >"$logdir/$t.rc"
}

for t in "${targets[@]}"; do
  echo "==> $t for ${seconds}s"
  if [ "${FUZZ_PARALLEL:-0}" = 1 ]; then run_target "$t" & else run_target "$t"; fi
done
wait

for t in "${targets[@]}"; do
  log="$logdir/$t.log"
  grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|==|SUMMARY|thread .* panicked|Failing input)' "$log" | sed "s/^/[$t] /" || true
  rc=$(cat "$logdir/$t.rc" 2>/dev/null || echo 1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cpu=$(awk '{printf "%.0f", $1 + $2}' "$logdir/$t.cpu" 2>/dev/null || echo '?')
  if [ "$rc" -ne 0 ]; then
    failed+=("$t")
    summary+=("$t: FAILED (exit $rc) after ${execs:-?} executions; see tests/fuzz/artifacts/$t/ and $log")
  else
    summary+=("$t: ${execs:-?} executions in ${seconds}s wall, ${cpu}s CPU, no crash")
  fi
done

echo
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found crashes in: ${failed[*]}" >&2
  exit 1
fi
