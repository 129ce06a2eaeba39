#!/usr/bin/env bash
# One-time set-up for running every test on a fresh Debian machine: npm packages, Chromium (from apt) for the
# webview tests in a real browser, and code-server (a real VS Code) for the e2e tests. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
echo "setup: npm packages installed; chromium at $(command -v chromium || echo /usr/bin/chromium)"

# code-server (a real VS Code, ~800 MB, cached in ~/.cache/layergraph-e2e; skipped when present) for the e2e tests
bash scripts/e2e-setup.sh
