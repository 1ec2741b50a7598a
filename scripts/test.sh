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

# `npm install`, not `npm ci`: with the lock it installs exactly the pinned versions, and it keeps
# a node_modules already there, which `npm ci` deletes first. The lock lists every platform's
# optional native packages (rollup, esbuild) without libc fields, as npm 10 and 11 both write it,
# so on a fresh clone `npm install` leaves it unchanged and `npm ci` accepts it.
npm install --no-audit --no-fund
npm test
