# Sourced by the test scripts: start_test_pg starts a throwaway PostgreSQL on the first free
# loopback port from 55432 up (another run or cluster may hold one), exports CITYSAFE_TEST_PG and
# CITYSAFE_REQUIRE_PG, and stops it when the script exits.
start_test_pg() {
  pg_dir=$(mktemp -d /tmp/citysafe-pg.XXXXXX)
  chmod 755 "$pg_dir"
  local port=${CITYSAFE_TEST_PG_PORT:-55432}
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  trap 'scripts/pg_test_cluster.sh stop "$pg_dir"' EXIT
  export CITYSAFE_TEST_PG
  CITYSAFE_TEST_PG=$(scripts/pg_test_cluster.sh start "$pg_dir" "$port") || {
    cat "$pg_dir"/*.log >&2
    exit 1
  }
  export CITYSAFE_REQUIRE_PG=1
  echo "test PostgreSQL: $CITYSAFE_TEST_PG"
}
