#!/usr/bin/env bash
# clang-format on all C++ sources; clang-tidy (bugprone, performance, naming) on the core, which
# is small and Beast-free so this stays quick.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find libs apps tests bench -name '*.[ch]pp')
clang-format --dry-run --Werror "${sources[@]}"
mapfile -t core < <(printf '%s\n' "${sources[@]}" | grep -E '^libs/(common|core)/src/.*\.cpp$')
if [ -f build/release/compile_commands.json ]; then
  if ! out=$(clang-tidy -p build/release --quiet --extra-arg=-Wno-unknown-warning-option "${core[@]}" 2>&1); then
    echo "$out" | grep -v "warnings generated"
    echo "lint: clang-tidy failed"
    exit 1
  fi
fi
echo "lint: ok"
