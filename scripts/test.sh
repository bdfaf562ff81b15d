#!/usr/bin/env bash
# Every test: lint (clang-format, clang-tidy with its per-file cache, ESLint, the web's API types
# against openapi.json), unit, contract (SQLite and a real PostgreSQL), integration (every answer
# checked against openapi.json), browser, and a short fuzz run of every parser (docs/security.md
# § Fuzzing). CITYSAFE_TIDY=all runs clang-tidy over libs/ and apps/ (scripts/lint.sh).
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
