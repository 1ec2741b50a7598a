#!/usr/bin/env bash
# Installs the dependencies, builds the static app and serves it on http://127.0.0.1:4173, or on
# the next free port when that one is taken (RAPPORT_PORT chooses another first port).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require-node.sh
# `npm install`, not `npm ci`: with the lock it installs exactly the pinned versions, and it keeps
# a node_modules already there, which `npm ci` deletes first. The lock lists every platform's
# optional native packages (rollup, esbuild) without libc fields, as npm 10 and 11 both write it,
# so on a fresh clone `npm install` leaves it unchanged and `npm ci` accepts it.
npm install --no-audit --no-fund
npm start
