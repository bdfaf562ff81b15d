#!/usr/bin/env bash
# Builds the server (Release by default) and the web UI. Incremental: ccache + ninja + vite.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-release}
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
# Paths relative to the checkout, so a fresh clone reuses the cache.
export CCACHE_BASEDIR=$PWD
[ -f "build/$preset/build.ninja" ] || cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
if [ -f web/package.json ]; then
  # Rebuild the UI only when a source is newer than the last build.
  if [ ! -f web/dist/index.html ] || [ -n "$(find web/src web/index.html web/package.json -newer web/dist/index.html 2>/dev/null | head -1)" ]; then
    (cd web && npm run build --silent)
  fi
fi
