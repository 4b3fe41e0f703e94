#!/usr/bin/env bash
# Fuzzes the parsers of untrusted input for a bounded time each (not part of scripts/test.sh):
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]      default 300 s, every target
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
for t in "${targets[@]}"; do
  log=$(mktemp)
  echo "==> $t for ${seconds}s"
  cargo fuzz run --fuzz-dir tests/fuzz -s "$sanitizer" "$t" -- \
    -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 2>&1 | tee "$log" | grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|==|SUMMARY|thread .* panicked|Failing input)' || true
  rc=${PIPESTATUS[0]}
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$rc" -ne 0 ]; then
    failed+=("$t")
    summary+=("$t: FAILED (exit $rc) after ${execs:-?} executions; see tests/fuzz/artifacts/$t/")
  else
    summary+=("$t: ${execs:-?} executions in ${seconds}s, no crash")
  fi
  rm -f "$log"
done

echo
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found crashes in: ${failed[*]}" >&2
  exit 1
fi
