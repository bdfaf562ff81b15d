#!/usr/bin/env bash
# The unit and contract tests built with ASan and UBSan (preset asan), against SQLite and a
# throwaway PostgreSQL; then the unit tests under ThreadSanitizer (preset tsan). Any report fails.
#   scripts/sanitize.sh [asan|tsan]    both when not given
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
export CCACHE_BASEDIR=$PWD
# UBSan in the asan preset reports and goes on unless told to stop.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1}

run_preset() {
  local preset=$1 labels=$2
  shift 2
  [ -f "build/$preset/build.ninja" ] || cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$(nproc)" --target "$@"
  ctest --preset "$preset" -L "$labels" -j 2 --timeout 600
}

presets=("${1:-asan}")
[ $# -eq 0 ] && presets=(asan tsan)
for preset in "${presets[@]}"; do
  case $preset in
    asan)
      source scripts/test_pg.sh
      start_test_pg
      run_preset asan 'unit|contract' unit_tests contract_tests
      ;;
    tsan) run_preset tsan unit unit_tests ;;
    *) echo "usage: $0 [asan|tsan]" >&2; exit 2 ;;
  esac
done
