#!/usr/bin/env bash
# One command that installs what the tests need and runs every test: formatting, lints,
# Rust tests, UI tests, the generated-types check, and the real-window E2E suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

step() { printf '\n==> %s\n' "$*"; }

bash scripts/install-deps.sh

TAURI_DRIVER_VERSION=2.1.0
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  step "cargo install tauri-driver $TAURI_DRIVER_VERSION"
  cargo install tauri-driver --locked --version "$TAURI_DRIVER_VERSION"
fi
export PATH="$HOME/.cargo/bin:$PATH"
step "npm ci (e2e)"
npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error

step "UI: typecheck, lint, unit tests, build"
npm --prefix ui run typecheck
npm --prefix ui run lint
npm --prefix ui test
npm --prefix ui run build

step "Rust: fmt, clippy"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Dependencies: cargo deny (licenses, bans, sources, advisories) and npm audit"
# Policy in tests/deny.toml. The advisory databases (RustSec on GitHub, npm's audit endpoint)
# are not reachable from every CI machine: unreachable = a loud SKIPPED note; reachable and a
# known vulnerability = failure. See SECURITY.md.
CARGO_DENY_VERSION=0.20.2
if ! cargo deny --version 2>/dev/null | grep -qF "$CARGO_DENY_VERSION"; then
  cargo install cargo-deny --locked --version "$CARGO_DENY_VERSION"
fi
deny=(cargo deny --manifest-path Cargo.toml --config tests/deny.toml --workspace --locked)
"${deny[@]}" check --hide-inclusion-graph licenses bans sources
if "${deny[@]}" fetch db >/dev/null 2>&1; then
  "${deny[@]}" check advisories
else
  echo "SKIPPED: cargo deny check advisories (the RustSec database on GitHub is unreachable from here)"
fi
audit_out=$(mktemp)
if npm --prefix ui audit --omit=dev --audit-level=high --json >"$audit_out" 2>/dev/null; then
  echo "npm audit: no high or critical vulnerability in the UI's runtime dependencies"
elif grep -q '"vulnerabilities"' "$audit_out"; then
  npm --prefix ui audit --omit=dev --audit-level=high || true
  echo "npm audit found high or critical vulnerabilities in ui/ runtime dependencies" >&2
  exit 1
else
  echo "SKIPPED: npm audit (the registry's audit endpoint answered: $(grep -m1 '"message"' "$audit_out" | sed "s/^ *//" | cut -c1-160))"
fi
rm -f "$audit_out"

step "Workflows: actionlint and zizmor (.github/workflows)"
bash scripts/lint-workflows.sh

step "Only the shell (src-tauri) depends on tauri"
# Workspace crates only (tauri's own plugins depend on it too, which is fine).
dependents=$(cargo tree -i tauri -e normal --depth 1 --prefix none --workspace --locked | grep -F "($PWD/" | sort -u)
if [ "$dependents" != "maskline-app v$(cargo pkgid -p maskline-app | sed 's/.*[@#]//') ($PWD/src-tauri)" ]; then
  echo "tauri must only be a dependency of src-tauri, found: $dependents" >&2
  exit 1
fi

step "Generated TypeScript bindings are fresh"
cargo run -q -p xtask --locked -- gen-ts
if [ -n "$(git status --porcelain -- ui/src/ipc/bindings)" ]; then
  git status --porcelain -- ui/src/ipc/bindings
  git --no-pager diff -- ui/src/ipc/bindings
  echo "ui/src/ipc/bindings is stale: run 'cargo run -p xtask -- gen-ts' and commit" >&2
  exit 1
fi

step "Rust: all tests (inside a D-Bus session with an unlocked gnome-keyring)"
keyring_home=$(mktemp -d)
XDG_DATA_HOME="$keyring_home" MASKLINE_TEST_KEYRING=1 keyctl session - dbus-run-session -- bash -c '
  eval "$(printf %s test | gnome-keyring-daemon --unlock --components=secrets)"
  cargo test --workspace --locked'

step "Build the app and the simulator for the real-window tests"
cargo build -q -p maskline-sim --locked
npm exec --prefix ui -- tauri build --debug --no-bundle

step "One instance only, and the CPU renderer without a GPU (the built app launched twice under Xvfb)"
bash scripts/single-instance-check.sh target/debug/maskline-app

step "Real-window E2E (Xvfb + dbus + gnome-keyring + tauri-driver)"
export MASKLINE_APP="$PWD/target/debug/maskline-app"
E2E_HOME=$(mktemp -d)
XDG_DATA_HOME="$E2E_HOME" XDG_CONFIG_HOME="$E2E_HOME/config" KEYRING_PASSWORD=e2e \
  keyctl session - dbus-run-session -- \
  xvfb-run -a -s "-screen 0 1280x800x24" bash tests/e2e/run-e2e.sh
