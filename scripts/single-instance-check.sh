#!/usr/bin/env bash
# One instance only: launches the built app twice under Xvfb (fresh profile, own D-Bus session)
# and checks that the second launch hands over to the first and exits by itself, that the first
# is told (it focuses its window) and keeps running. Also checks the renderer choice on this
# machine: without a usable /dev/dri/renderD* the app must run with Skia's CPU renderer.
#   scripts/single-instance-check.sh [path/to/maskline-app]   (default target/debug/maskline-app,
#   built with: npm exec --prefix ui -- tauri build --debug --no-bundle)
set -euo pipefail
cd "$(dirname "$0")/.."
app=$(realpath "${1:-target/debug/maskline-app}")
[ -x "$app" ] || { echo "no app at $app: build it first" >&2; exit 2; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" APP="$app" LOGS="$home" \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    set -u
    fail() { echo "FAIL: $*" >&2; echo "--- first:" >&2; cat "$LOGS/first.log" >&2; echo "--- second:" >&2; cat "$LOGS/second.log" >&2 2>/dev/null; kill "$first" 2>/dev/null; exit 1; }
    "$APP" >"$LOGS/first.log" 2>&1 &
    first=$!
    for _ in $(seq 1 60); do grep -q "log folder\|no log file" "$LOGS/first.log" 2>/dev/null && break; sleep 0.5; done
    sleep 5
    kill -0 "$first" 2>/dev/null || fail "the first instance did not stay up"
    rc=0; timeout 60 "$APP" >"$LOGS/second.log" 2>&1 || rc=$?
    [ "$rc" = 0 ] || fail "the second launch did not exit by itself with 0 (rc=$rc)"
    sleep 1
    kill -0 "$first" 2>/dev/null || fail "the first instance died when the second started"
    grep -q "a second launch: focusing the running window" "$LOGS/first.log" || fail "the first instance was not told"
    if ! ls /dev/dri/renderD* >/dev/null 2>&1; then
      grep -q "Skia.s CPU renderer" "$LOGS/first.log" || fail "no GPU here, yet the app did not choose the CPU renderer"
      echo "ok: no GPU render node here, the app chose the CPU renderer"
    fi
    echo "ok: the second launch exited (rc 0) and the first (pid $first) stayed up and was told"
    kill "$first"; wait "$first" 2>/dev/null || true'
