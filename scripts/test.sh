#!/usr/bin/env bash
# Every test: lint, unit, contract (SQLite and a real PostgreSQL), integration, browser, and a short
# fuzz run of every parser (docs/security.md § Fuzzing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh release
scripts/lint.sh

source scripts/test_pg.sh
start_test_pg

if [ -f web/package.json ]; then (cd web && npm test --silent); fi
# Replays the committed crash inputs, then fuzzes each target briefly (its own clang build).
scripts/fuzz.sh "${CITYSAFE_TEST_FUZZ_SECONDS:-5}"
# Last, so its summary closes the run.
ctest --preset release -j 2 --timeout 300 "$@"
