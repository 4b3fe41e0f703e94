#!/usr/bin/env bash
# Benchmark of recordings playback (issue 7). Not run in CI.
#
#   tests/bench/recordings.sh [RUNS]        # default 20
#
# Builds the `recordings_bench` example in release and runs it: it writes a cached 60-minute
# A-law recording (28.8 MB) into a temp recordings folder and measures, through the same
# `recordings::serve` the `rec` URI scheme uses,
#   1. "play" → first bytes: the `Range: bytes=0-` request a media element sends (A-law is
#      served as PCM, capped to 1 MiB per answer),
#   2. a Range seek into the middle,
#   3. the waveform peaks, computed cold from the file,
# each p50/p95 over RUNS, next to a baseline in the same run (std::fs::read of the whole file,
# and reading + decoding every sample). The last line gives the three figures and the aims.
set -euo pipefail

RUNS=${1:-20}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
TARGET=${CARGO_TARGET_DIR:-target}

echo "== building (release)"
cargo build --release -q -p maskline-services --example recordings_bench
"$TARGET/release/examples/recordings_bench" "$RUNS"
