#!/usr/bin/env bash
# Every test: lint, unit, contract (SQLite and a real PostgreSQL), integration, browser.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh release
scripts/lint.sh

pg_dir=$(mktemp -d /tmp/citysafe-pg.XXXXXX)
chmod 755 "$pg_dir"
# The first free loopback port from 55432 up (another run or cluster may hold one).
pg_port=${CITYSAFE_TEST_PG_PORT:-55432}
while (echo >"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
trap 'scripts/pg_test_cluster.sh stop "$pg_dir"' EXIT
export CITYSAFE_TEST_PG
CITYSAFE_TEST_PG=$(scripts/pg_test_cluster.sh start "$pg_dir" "$pg_port") || {
  cat "$pg_dir"/*.log >&2
  exit 1
}
export CITYSAFE_REQUIRE_PG=1
echo "test PostgreSQL: $CITYSAFE_TEST_PG"

if [ -f web/package.json ]; then (cd web && npm test --silent); fi
ctest --preset release -j 2 --timeout 300 "$@"
