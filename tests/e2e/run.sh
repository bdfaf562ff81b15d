#!/usr/bin/env bash
# Starts a Mosquitto broker and the real server once (demo district, fresh SQLite, consuming readings
# from that broker) and runs every browser test in this folder (*.test.mjs) against it, one after
# another. The tests get CITYSAFE_URL, CITYSAFE_MQTT (the broker, HOST:PORT) and CITYSAFE_BINARY.
#   run.sh PATH/TO/citysafe   — screenshots at build/e2e/<test>.png
# Env: MOSQUITTO (default /usr/sbin/mosquitto).
# Closes with `N passed, M failed` over all the tests; exits non-zero if any failed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
mosquitto=${MOSQUITTO:-/usr/sbin/mosquitto}
work=$(mktemp -d /tmp/citysafe-e2e.XXXXXX)
server=
broker=
stop() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$broker" ]; then kill "$broker" 2>/dev/null || true; wait "$broker" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop EXIT
# A free loopback port (the kernel's pick, released at once).
free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"
}

mqtt_port=$(free_port)
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\n' "$mqtt_port" >"$work/mosquitto.conf"
"$mosquitto" -c "$work/mosquitto.conf" >"$work/mosquitto.log" 2>&1 &
broker=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$mqtt_port") 2>/dev/null && break
  kill -0 "$broker" 2>/dev/null || { cat "$work/mosquitto.log"; exit 1; }
  sleep 0.1
done
mqtt="127.0.0.1:$mqtt_port"

port=$((20000 + RANDOM % 20000))
"$binary" serve --demo --db "sqlite:$work/e2e.db" --port "$port" --web "$root/web/dist" --mqtt "$mqtt" \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.1
done
# The server subscribes to the broker in the background: readings published before that are lost.
for _ in $(seq 1 100); do
  grep -q 'mqtt: subscribed' "$work/server.log" && break
  sleep 0.1
done
mkdir -p "$root/build/e2e"
passed=0
failed=0
failures=()
for test in "$here"/*.test.mjs; do
  name=$(basename "$test" .test.mjs)
  echo "== $name"
  if CITYSAFE_URL="http://127.0.0.1:$port" CITYSAFE_MQTT="$mqtt" CITYSAFE_BINARY="$binary" \
     CITYSAFE_SENSOR_DATA="$root/../shared/data/sensors" \
    CITYSAFE_SCREENSHOT="$root/build/e2e/$name.png" node "$test"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
  fi
done
if [ "$failed" -gt 0 ]; then
  echo "failed: ${failures[*]}; server log (last 40 lines):"
  tail -n 40 "$work/server.log"
  echo "broker log (last 10 lines):"
  tail -n 10 "$work/mosquitto.log"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
