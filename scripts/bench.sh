#!/usr/bin/env bash
# Builds and runs the benchmarks; docs/PERFORMANCE.md records their figures with this command,
# the machine and the date. PostGIS runs in a throwaway PostgreSQL on loopback for the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh release
cmake --build --preset release --target bench_audit_chain bench_risk_spatial bench_hazards bench_rule_engine \
  bench_mqtt_ingest bench_http_load
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
build/release/bench/bench_audit_chain --benchmark_min_time=1
build/release/bench/bench_rule_engine
# The HTTP transport against the real binary: a login storm, 10,000 idle connections, 100 clients.
build/release/bench/bench_http_load --seconds 20
# End to end through Mosquitto into SQLite: 10 minutes at 100,000 readings/s (two five-minute
# steps of the series compactor, so a whole move runs beside ingestion), then flat out.
build/release/bench/bench_mqtt_ingest --sensors 200000 --seconds "${BENCH_MQTT_SECONDS:-600}" --rate 100000
build/release/bench/bench_mqtt_ingest --sensors 200000 --seconds 20 --rate 400000

pg_dir=$(mktemp -d /tmp/citysafe-bench-pg.XXXXXX)
chmod 755 "$pg_dir"
pg_port=55532
while (echo >"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
trap 'scripts/pg_test_cluster.sh stop "$pg_dir"' EXIT
pg_uri=$(scripts/pg_test_cluster.sh start "$pg_dir" "$pg_port")
build/release/bench/bench_risk_spatial --points "${BENCH_POINTS:-1000000}" --queries 1000 --pg "$pg_uri"
build/release/bench/bench_hazards --hazards "${BENCH_HAZARDS:-100000}" --queries 500 --pg "$pg_uri"
