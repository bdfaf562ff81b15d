#!/usr/bin/env bash
# The demo as `make run` starts it: a local Mosquitto broker (unless one already listens on 1883)
# and the platform consuming from it, with the demo district and its simulated sensors.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var/mosquitto
chmod 777 var/mosquitto  # mosquitto drops to its own user and saves its queue here
broker_pid=""
if ! (echo >/dev/tcp/127.0.0.1/1883) 2>/dev/null; then
  cat >var/mosquitto/mosquitto.conf <<CONF
listener 1883 127.0.0.1
allow_anonymous true
persistence true
persistence_location $(pwd)/var/mosquitto/
max_inflight_messages 1000
max_queued_messages 0
CONF
  /usr/sbin/mosquitto -c var/mosquitto/mosquitto.conf >var/mosquitto/mosquitto.log 2>&1 &
  broker_pid=$!
  trap '[ -n "$broker_pid" ] && kill "$broker_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do (echo >/dev/tcp/127.0.0.1/1883) 2>/dev/null && break; sleep 0.1; done
fi
build/release/apps/citysafe/citysafe serve --demo --db sqlite:var/citysafe.db --web web/dist \
  --mqtt 127.0.0.1:1883 "$@"
