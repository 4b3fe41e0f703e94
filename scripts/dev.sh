#!/usr/bin/env bash
# One command from a fresh clone to a running Maskline: installs what is missing, then
# starts the app in development mode (Vite dev server + a debug build of the Rust side).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
echo "==> starting Maskline (first build takes a few minutes)"
exec npm exec --prefix ui -- tauri dev "$@"
