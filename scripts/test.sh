#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine, then runs it all:
# svelte-check, lint, unit tests, a production build and the end-to-end tests in Chromium.
# RAPPORT_CHROMIUM picks another browser (see scripts/chromium.mjs); apt-get is then not used.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require-node.sh

chromium_advice() {
	cat >&2 <<ADVICE
  - Google Chrome (the .deb from https://www.google.com/chrome/):
      RAPPORT_CHROMIUM=/usr/bin/google-chrome bash scripts/test.sh
  - Playwright's own Chromium, which the script then downloads:
      RAPPORT_CHROMIUM=playwright bash scripts/test.sh
ADVICE
}

# Debian's Chromium unless RAPPORT_CHROMIUM names another: Playwright's own download is not
# reachable from every machine.
if [ -n "${RAPPORT_CHROMIUM:-}" ] && [ "$RAPPORT_CHROMIUM" != "playwright" ] &&
	[ ! -x "$RAPPORT_CHROMIUM" ]; then
	echo "RAPPORT_CHROMIUM=$RAPPORT_CHROMIUM is not an executable. Set it to a Chromium or Chrome" >&2
	echo "binary, or to \"playwright\" for Playwright's own Chromium." >&2
	exit 1
fi
if [ -z "${RAPPORT_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "No Chromium at /usr/bin/chromium, and no apt-get to install Debian's. Install Chromium" >&2
		echo "and a Chinese font (Noto Sans CJK) with this system's packages, or use another Chromium:" >&2
		chromium_advice
		exit 1
	fi
	SUDO=""
	if [ "$(id -u)" -ne 0 ]; then
		if ! command -v sudo >/dev/null 2>&1; then
			echo "No Chromium at /usr/bin/chromium, and installing Debian's needs root: this user is" >&2
			echo "not root and sudo is not installed. As root: apt-get install chromium fonts-noto-cjk" >&2
			echo "Or use another Chromium:" >&2
			chromium_advice
			exit 1
		fi
		SUDO="sudo"
	fi
	$SUDO apt-get update -qq
	# Ubuntu has no chromium package of its own: its chromium-browser only installs the snap.
	candidate="$(apt-cache policy chromium 2>/dev/null | sed -n 's/^ *Candidate: *//p')"
	if [ -z "$candidate" ] || [ "$candidate" = "(none)" ] || [[ "$candidate" == *snap* ]]; then
		echo "apt-get has no chromium package here (Ubuntu ships Chromium only as a snap)." >&2
		echo "Add a Debian repository's chromium, or use another Chromium:" >&2
		chromium_advice
		exit 1
	fi
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
	if [ ! -x /usr/bin/chromium ]; then
		echo "apt-get installed chromium $candidate, but there is no /usr/bin/chromium." >&2
		echo "Use another Chromium:" >&2
		chromium_advice
		exit 1
	fi
fi

# The end-to-end tests run in Chromium's headless shell when it is there (scripts/chromium.mjs):
# the same engine with less for the machine to do. Installed when apt-get has it; without it the
# tests run in Chromium itself.
if [ -z "${RAPPORT_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium-headless-shell ] &&
	command -v apt-get >/dev/null 2>&1; then
	SUDO=""
	if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
	if [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; then
		DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium-headless-shell \
			>/dev/null 2>&1 ||
			{ $SUDO apt-get update -qq >/dev/null 2>&1 &&
				DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium-headless-shell \
					>/dev/null 2>&1; } ||
			echo "chromium-headless-shell is not available here: the end-to-end tests use Chromium." >&2
	fi
fi

# `npm install`, not `npm ci`: with the lock it installs exactly the pinned versions, and it keeps
# a node_modules already there, which `npm ci` deletes first. The lock lists every platform's
# optional native packages (rollup, esbuild) without libc fields, as npm 10 and 11 both write it,
# so on a fresh clone `npm install` leaves it unchanged and `npm ci` accepts it.
npm install --no-audit --no-fund
if [ "${RAPPORT_CHROMIUM:-}" = "playwright" ]; then
	npx playwright install chromium
fi
# The end-to-end tests serve the build on RAPPORT_PORT (4173 by default), or on the next free
# port when something (such as scripts/serve.sh) holds it.
RAPPORT_PORT="$(node scripts/free-port.mjs "${RAPPORT_PORT:-4173}")"
export RAPPORT_PORT
npm test
