#!/usr/bin/env bash
# Installs what the web page's browser test needs: Debian's chromium and the
# playwright-core and axe-core Node packages (playwright drives it, no browser
# download; axe-core audits the page for accessibility).
# Idempotent: does nothing when both are already there. The test
# (crates/lede-server/tests/browser.rs) runs this before it starts.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "install-browser: installing chromium with apt-get" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq --no-install-recommends chromium >&2
    else
        echo "install-browser: chromium is missing and cannot be installed here (need root and apt-get)" >&2
        exit 1
    fi
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "install-browser: node and npm are needed to drive the browser" >&2
    exit 1
fi

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
    echo "install-browser: installing playwright-core and axe-core from package-lock.json" >&2
    npm ci --no-audit --no-fund --loglevel=error >&2
fi
