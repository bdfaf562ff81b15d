#!/usr/bin/env bash
# Starts the real server (demo district, fresh SQLite) and runs the browser journey against it.
#   run.sh PATH/TO/citysafe   — screenshot at build/e2e/login_map.png
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
binary=$1
work=$(mktemp -d /tmp/citysafe-e2e.XXXXXX)
port=$((20000 + RANDOM % 20000))
"$binary" serve --demo --db "sqlite:$work/e2e.db" --port "$port" --web "$root/web/dist" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.1
done
mkdir -p "$root/build/e2e"
CITYSAFE_URL="http://127.0.0.1:$port" CITYSAFE_SCREENSHOT="$root/build/e2e/login_map.png" \
  node "$here/login_map.test.mjs"
