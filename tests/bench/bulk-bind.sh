#!/usr/bin/env bash
# Bulk-bind benchmark (issue 5). Not run in CI.
#
#   tests/bench/bulk-bind.sh            # 10,000 AXB rows, 20 ms latency, limit 500/s
#   ROWS=2000 LATENCY_MS=50 RATE_LIMIT=200 tests/bench/bulk-bind.sh
#
# Release build of `maskline-services --example bulk_bench`: an in-process simulator with a
# latency fault on every request, a one-at-a-time loop of single binds and a bulk job over the
# same account, in the same run. Prints the throughput ratio (bulk / loop) and the peak request
# rate the simulator saw in any one second against the configured limit. The last line holds
# both figures.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
echo "== building (release)"
cargo build --release -q -p maskline-services --example bulk_bench
echo "== running"
exec "${CARGO_TARGET_DIR:-target}/release/examples/bulk_bench"
