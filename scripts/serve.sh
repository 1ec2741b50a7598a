#!/usr/bin/env bash
# Installs the dependencies, builds the static app and serves it on http://127.0.0.1:4173.
set -euo pipefail
cd "$(dirname "$0")/.."
# `npm install`, not `npm ci`: this registry serves only this platform's optional native packages
# (rollup, esbuild), so the lock cannot list the other platforms' ones, and npm 11's `npm ci`
# refuses such a lock. With the lock present, `npm install` installs exactly its pinned versions.
npm install --no-audit --no-fund
npm start
