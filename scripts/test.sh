#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine, then runs it all:
# svelte-check, lint, unit tests, a production build and the end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
	# Playwright cannot download its own browser here; Debian's Chromium is used instead.
	SUDO=""
	[ "$(id -u)" -ne 0 ] && SUDO="sudo"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

# `npm install`, not `npm ci`: this registry serves only this platform's optional native packages
# (rollup, esbuild), so the lock cannot list the other platforms' ones, and npm 11's `npm ci`
# refuses such a lock. With the lock present, `npm install` installs exactly its pinned versions.
npm install --no-audit --no-fund
npm test
