#!/usr/bin/env bash
# The tests under sanitizers (docs/security.md § The tests under sanitizers). Any report fails.
#   asan: unit, contract (SQLite and a throwaway PostgreSQL) and integration tests, built with
#         ASan + UBSan (preset asan); the server binary the integration tests start is built so too.
#   tsan: ThreadSanitizer (preset tsan) over the threaded parts: every unit test, the monitoring
#         store's contract tests (ingest and the series compactor), and the integration tests of
#         the live channel, MQTT ingest and security, monitoring and the server's lifecycle.
#
#   scripts/sanitize.sh                   both
#   scripts/sanitize.sh asan|tsan [ARGS]  one; ARGS go to ctest (e.g. -R OpenApi to run a part)
#   SANITIZE_TARGETS="unit_tests"         build only these targets (with a matching -L/-R)
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
export CCACHE_BASEDIR=$PWD
# UBSan reports and goes on unless told to stop.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
# The threaded parts, as ctest name patterns (gtest suite names).
TSAN_THREADED=${TSAN_THREADED:-'MonitoringStore|LiveChannel|MqttIngest|MqttSecurity|MonitoringApi|ServerLifecycle'}
# SANITIZE_TARGETS="unit_tests" builds less when only a part is run.
read -r -a TARGETS <<<"${SANITIZE_TARGETS:-unit_tests contract_tests integration_tests citysafe}"

build_preset() {
  local preset=$1
  [ -f "build/$preset/build.ninja" ] || cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$(nproc)" --target "${TARGETS[@]}"
}

source scripts/test_pg.sh
start_test_pg

presets=(asan tsan)
if (($#)); then
  presets=("$1")
  shift
fi
for preset in "${presets[@]}"; do
  case $preset in
    asan)
      build_preset asan
      ctest --preset asan -L 'unit|contract|integration' -j 2 --timeout 900 "$@"
      ;;
    tsan)
      build_preset tsan
      if (($#)); then
        ctest --preset tsan -L 'unit|contract|integration' -j 2 --timeout 900 "$@"
      else
        ctest --preset tsan -L unit -j 2 --timeout 900
        ctest --preset tsan -L 'contract|integration' -R "$TSAN_THREADED" -j 2 --timeout 900
      fi
      ;;
    *) echo "usage: $0 [asan|tsan] [ctest arguments]" >&2; exit 2 ;;
  esac
done
