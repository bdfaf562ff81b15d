#!/usr/bin/env bash
# Builds and runs the benchmarks; figures go to docs/PERFORMANCE.md by hand, with this command,
# the machine and the date.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh release
cmake --build --preset release --target bench_audit_chain
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
build/release/bench/bench_audit_chain --benchmark_min_time=1
