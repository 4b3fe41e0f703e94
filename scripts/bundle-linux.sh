#!/usr/bin/env bash
# Builds the Linux installers (deb and rpm) with exactly the command the release workflow
# gives tauri-action (`tauriScript` + `build` + the matrix args), so the Linux half of a
# release is proven here. Prints each package's path and size.
#
#   scripts/bundle-linux.sh                  build target/release/bundle/{deb,rpm}
#   scripts/bundle-linux.sh --install-check  also: apt-get install ./maskline_*.deb (needs root),
#                                            start the installed /usr/bin/maskline-app under Xvfb,
#                                            check it stays up and take a screenshot of its first screen
set -euo pipefail
cd "$(dirname "$0")/.."

install_check=0
for arg in "$@"; do
  case "$arg" in
    --install-check) install_check=1 ;;
    *) echo "usage: $0 [--install-check]" >&2; exit 2 ;;
  esac
done

# Keep in step with .github/workflows/release.yml: tauriScript and the ubuntu matrix args.
TAURI_SCRIPT=(node ui/node_modules/@tauri-apps/cli/tauri.js)
LINUX_ARGS=(--bundles deb,rpm)

if [ ! -f ui/node_modules/@tauri-apps/cli/tauri.js ]; then
  npm ci --prefix ui --no-audit --no-fund --loglevel=error
fi
"${TAURI_SCRIPT[@]}" build "${LINUX_ARGS[@]}"

bundle_dir=target/release/bundle
deb=$(ls -t "$bundle_dir"/deb/*.deb | head -n1)
rpm=$(ls -t "$bundle_dir"/rpm/*.rpm | head -n1)
for f in "$deb" "$rpm"; do
  printf '%s\t%s bytes (%s)\n' "$f" "$(stat -c %s "$f")" "$(du -h "$f" | cut -f1)"
done

[ "$install_check" = 1 ] || exit 0

echo "==> apt-get install ./$deb"
sudo_cmd=()
[ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get install -y "./$deb"
app=$(dpkg -L maskline | grep -E '/bin/maskline-app$' | head -n1)
[ -x "$app" ] || { echo "the installed package has no maskline-app binary" >&2; exit 1; }
echo "installed: $app"

out=${INSTALL_CHECK_OUT:-target/install-check}
mkdir -p "$out"
home=$(mktemp -d)
# The installed app, first screen, in a fresh profile: it must stay up for 20 s and draw.
XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" HOME="$home" \
  APP="$app" OUT="$PWD/$out" \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    "$APP" >"$OUT/app.log" 2>&1 &
    pid=$!
    sleep 20
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the installed app exited within 20 s:" >&2; cat "$OUT/app.log" >&2; exit 1
    fi
    import -window root "$OUT/first-screen.png"
    kill "$pid"; wait "$pid" 2>/dev/null || true'
echo "the installed app stayed up; screenshot: $out/first-screen.png"
