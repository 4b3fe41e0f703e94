#!/usr/bin/env bash
# Installs everything Maskline needs on Debian/Ubuntu: system packages, npm packages and
# test tools. Safe to run again; skips what is already there. Needs root or sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

APT_PACKAGES=(
  # build
  build-essential pkg-config file curl git libwebkit2gtk-4.1-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev libxdo-dev libdbus-1-dev
  # Node.js and npm for the UI (the distribution's; any Node >= 20 works)
  nodejs npm
  # headless window tests and the keyring
  xvfb xauth webkit2gtk-driver dbus dbus-x11 gnome-keyring keyutils imagemagick
  fonts-noto-cjk
  # audio in the webview (GStreamer: WAV incl. A-law, MP3) and a sound server for machines
  # without a sound card (the E2E wrapper starts it with a null sink)
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav pulseaudio
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  if [ "$p" = nodejs ] || [ "$p" = npm ]; then
    command -v "$p" >/dev/null 2>&1 && continue
  fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Vite 8 needs Node.js >= 20.19; older distributions ship an older one.
node_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null; }
if ! node_ok; then
  echo "==> Node.js is older than 20.19: installing Node 22 from the npm registry"
  $SUDO npm install -g --no-audit --no-fund node@22
  hash -r
  node_ok || { echo "Please install Node.js 20.19 or newer (https://nodejs.org) and run this again." >&2; exit 1; }
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust is not installed. Install it from https://rustup.rs (stable, see rust-version in Cargo.toml), then run this again." >&2
  exit 1
fi

echo "==> npm ci (ui)"
npm ci --prefix ui --no-audit --no-fund --loglevel=error
