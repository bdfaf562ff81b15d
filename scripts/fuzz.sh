#!/usr/bin/env bash
# Fuzzes every parser of outside input (tests/fuzz/*_fuzz.cpp) with libFuzzer, SECONDS each
# (docs/security.md § Fuzzing), after replaying the crashes committed under tests/fuzz/regressions/.
# Prints executions and crashes per target; exits non-zero when any target crashed.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default 60 s, every target
# Corpora grow in build/fuzz/corpus/<target>/; crashing inputs land in build/fuzz/crashes/<target>/
# and become regressions once fixed. On a shared machine, CITYSAFE_CPU_LOCK=FILE holds that flock
# around each build and fuzz step, so others can build between targets.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
export CCACHE_BASEDIR=$PWD
shared=../shared/data
build=build/fuzz
bin=$build/tests/fuzz

locked() {
  if [ -n "${CITYSAFE_CPU_LOCK:-}" ]; then flock "$CITYSAFE_CPU_LOCK" "$@"; else "$@"; fi
}

[ -f "$build/build.ninja" ] || locked cmake --preset fuzz >/dev/null
mkdir -p "$build/logs"
if ! locked cmake --build --preset fuzz >"$build/logs/build.log" 2>&1; then
  tail -40 "$build/logs/build.log" >&2
  echo "fuzz: the build failed" >&2
  exit 1
fi

if (($#)); then
  targets=("$@")
else
  mapfile -t targets < <(find tests/fuzz -maxdepth 1 -name '*_fuzz.cpp' -printf '%f\n' |
    sed 's/_fuzz\.cpp$//' | sort)
fi

# The first lines of a file show a parser's paths, and libFuzzer mutates small inputs faster.
head_of() { head -n 40 "$1" >"$2/$(basename "$1")"; }

# Seeds from shared data, made small or converted to the target's format; committed seeds are
# read from tests/fuzz/seeds/ directly.
make_seeds() {
  local target=$1 dir=$2 f
  case $target in
    csv)
      for f in "$shared"/regions/*.csv "$shared"/gb18218/*.csv "$shared"/sensors/*/*.csv; do
        head_of "$f" "$dir"
      done
      ;;
    series_csv)
      for f in "$shared"/sensors/*/*.csv; do head_of "$f" "$dir"; done
      ;;
    hazard_ledger)
      for f in "$shared"/gb18218/*.csv; do head_of "$f" "$dir"; done
      ;;
    risk_import)
      # The same files as Chinese Excel saves them.
      for f in tests/fuzz/seeds/risk_import/* tests/fuzz/seeds/hazard_ledger/*; do
        iconv -f UTF-8 -t GBK "$f" >"$dir/gbk-$(basename "$f")"
      done
      head_of "$shared/regions/cities.csv" "$dir"
      ;;
    xlsx)
      for f in "$shared"/gb18218/*.csv "$shared"/regions/cities.csv \
        "$shared"/sensors/water_levels/*.csv tests/fuzz/seeds/hazard_ledger/*.csv; do
        "$bin/fuzz_seed_maker" xlsx "$dir/$(basename "$f" .csv).xlsx" "$f"
      done
      ;;
    image)
      "$bin/fuzz_seed_maker" images "$dir"
      ;;
    osm)
      "$bin/fuzz_seed_maker" osm "$dir/monaco.osm.pbf" "$shared/osm/osrm_monaco.osm.pbf" 30
      "$bin/fuzz_seed_maker" osm "$dir/monaco.osm" "$shared/osm/osrm_monaco.osm.pbf" 8
      "$bin/fuzz_seed_maker" osm "$dir/huangpu.osm" "$shared/osm/shanghai_huangpu_osmnx.osm" 8
      "$bin/fuzz_seed_maker" osm "$dir/huangpu.osm.pbf" "$shared/osm/shanghai_huangpu_osmnx.osm" 30
      "$bin/fuzz_seed_maker" osm "$dir/huangpu.osm.bz2" "$shared/osm/shanghai_huangpu_osmnx.osm" 4
      ;;
  esac
}

failed=0
printf '%-16s %12s %8s  %s\n' target executions crashes notes
for target in "${targets[@]}"; do
  fuzzer=$bin/${target}_fuzz
  [ -x "$fuzzer" ] || { echo "fuzz: no target $target" >&2; exit 2; }
  seeds=$build/seeds/$target corpus=$build/corpus/$target crashes=$build/crashes/$target
  log=$build/logs/$target.log
  rm -rf "$seeds"
  mkdir -p "$seeds" "$corpus" "$crashes" "$(dirname "$log")"
  make_seeds "$target" "$seeds"
  inputs=("$corpus" "$seeds")
  [ -d "tests/fuzz/seeds/$target" ] && inputs+=("tests/fuzz/seeds/$target")
  notes=""
  # A committed crash must stay fixed: each is run once, outside the fork mode that would go on.
  mapfile -t regressions < <(find "tests/fuzz/regressions/$target" -type f 2>/dev/null | sort)
  if ((${#regressions[@]})); then
    if ! locked "$fuzzer" "${regressions[@]}" >"$log.replay" 2>&1; then
      notes="a committed regression crashes again (see $log.replay)"
      failed=1
    fi
  fi
  before=$(find "$crashes" -type f | wc -l)
  # One worker; crashes, timeouts and out-of-memory inputs are saved and fuzzing goes on.
  locked "$fuzzer" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 -use_value_profile=1 \
    -artifact_prefix="$crashes/" "${inputs[@]}" >"$log" 2>&1 || true
  status=$(grep -E '^#[0-9]+: cov' "$log" | tail -1)
  executions=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$status")
  found=$(sed -E 's|.*oom/timeout/crash: ([0-9]+)/([0-9]+)/([0-9]+).*|\1 \2 \3|' <<<"$status")
  read -r ooms timeouts crashes_found <<<"${found:-0 0 0}"
  total=$((ooms + timeouts + crashes_found))
  if [ -z "$status" ]; then
    notes="${notes:+$notes; }no status line (see $log)"
    failed=1
  fi
  if ((total)); then
    notes="${notes:+$notes; }$crashes_found crash, $timeouts timeout, $ooms out-of-memory; inputs: $crashes/ ($(($(find "$crashes" -type f | wc -l) - before)) new)"
    failed=1
  fi
  printf '%-16s %12s %8s  %s\n' "$target" "${executions:-0}" "$total" "$notes"
done
exit $failed
