#!/usr/bin/env bash
# Runs the E2E suite. Call it inside: keyctl session - dbus-run-session -- xvfb-run … (see scripts/test.sh).
# Unlocks a gnome-keyring, starts tauri-driver, runs node --test, and stops the driver on exit.
set -euo pipefail
cd "$(dirname "$0")"
: "${MASKLINE_APP:?set MASKLINE_APP to the built app binary}"
: "${KEYRING_PASSWORD:=e2e}"
eval "$(printf '%s' "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true

mkdir -p ../../e2e-screenshots
# Rendering: this machine has no GPU, and WebKitGTK's accelerated (Skia over GL) path runs on Mesa's
# software rasteriser, whose worker has crashed the web process here (SIGSEGV in swrast_dri.so;
# WebKitWebDriver then reports "page crash or hang"). Skia's CPU renderer draws the same pages without GL.
export WEBKIT_SKIA_ENABLE_CPU_RENDERING=1
# A fresh app per test, one right after the other: without the single-instance hand-over, which
# hung a launch made while the previous test's app was still releasing its name on the session
# bus (the hand-over itself is tested by scripts/single-instance-check.sh).
export MASKLINE_E2E_SEQUENTIAL_LAUNCHES=1
# Audio: WebKitGTK plays through GStreamer, which needs a sink. A CI machine has no sound card,
# so a PulseAudio daemon with a null sink stands in (playback runs at real speed, silently).
if command -v pulseaudio >/dev/null 2>&1; then
  export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
  pulseaudio --daemonize=yes --exit-idle-time=-1 -n \
    --load="module-null-sink sink_name=e2e_null" --load="module-native-protocol-unix" \
    > "${TMPDIR:-/tmp}/pulseaudio.log" 2>&1 || echo "pulseaudio did not start; playback tests will fail" >&2
fi
tauri-driver --port 4444 > "${TMPDIR:-/tmp}/tauri-driver.log" 2>&1 &
driver=$!
# The PrivateNumber simulator on a free loopback port: the platform for the account tests.
: "${MASKLINE_SIM:=$(dirname "$MASKLINE_APP")/maskline-sim}"
sim_log=$(mktemp)
"$MASKLINE_SIM" serve --port 0 --seed 7 > "$sim_log" 2>&1 &
sim=$!
trap 'kill $driver $sim 2>/dev/null || true; pulseaudio --kill 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  MASKLINE_SIM_URL=$(sed -n 's/^listening on //p' "$sim_log")
  [ -n "$MASKLINE_SIM_URL" ] && break
  sleep 0.1
done
[ -n "$MASKLINE_SIM_URL" ] || { cat "$sim_log"; echo "the simulator did not start" >&2; exit 1; }
export MASKLINE_SIM_URL
for _ in $(seq 1 100); do
  (exec 3<>/dev/tcp/127.0.0.1/4444) 2>/dev/null && break
  sleep 0.1
done
node --test --test-concurrency=1 ${E2E_ONLY:-./*.test.mjs}
