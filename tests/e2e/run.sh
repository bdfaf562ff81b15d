#!/usr/bin/env bash
# Starts the real server once (demo district, fresh SQLite) and runs every browser test in this
# folder (*.test.mjs) against it, one after another.
#   run.sh PATH/TO/citysafe   — screenshots at build/e2e/<test>.png
# Closes with `N passed, M failed` over all the tests; exits non-zero if any failed.
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
passed=0
failed=0
failures=()
for test in "$here"/*.test.mjs; do
  name=$(basename "$test" .test.mjs)
  echo "== $name"
  if CITYSAFE_URL="http://127.0.0.1:$port" CITYSAFE_SCREENSHOT="$root/build/e2e/$name.png" node "$test"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
  fi
done
if [ "$failed" -gt 0 ]; then
  echo "failed: ${failures[*]}; server log (last 40 lines):"
  tail -n 40 "$work/server.log"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
