#!/usr/bin/env bash
# clang-format on all C++ sources; clang-tidy (bugprone, performance, naming: .clang-tidy) with a
# per-file cache; ESLint and the generated-API-types check for web/.
#
#   CITYSAFE_TIDY=all    (default) every .cpp under libs/ and apps/, headers included
#   CITYSAFE_TIDY=core   clang-tidy on libs/common and libs/core only
#   CITYSAFE_TIDY=off    no clang-tidy
#   scripts/lint.sh FILE...   clang-tidy on just these files (any CITYSAFE_TIDY but off)
#   CITYSAFE_TIDY_JOBS=N      clang-tidy processes at once (default: one per core)
#
# The cache (~/.cache/citysafe-tidy/, or CITYSAFE_TIDY_CACHE) keeps one stamp per file that passed, named by a hash of
# the clang-tidy version, .clang-tidy, the file's compile command, the file and every header of the
# project it includes (from ninja's dependency log), so a warm run re-checks only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find libs apps tests bench -name '*.[ch]pp')
clang-format --dry-run --Werror "${sources[@]}"

scope=${CITYSAFE_TIDY:-all}
case $scope in
  core) pattern='^libs/(common|core)/src/.*\.cpp$' ;;
  all) pattern='^(libs|apps)/.*\.cpp$' ;;
  off) pattern='^$' ;;
  *) echo "lint: CITYSAFE_TIDY is core, all or off, not '$scope'" >&2; exit 2 ;;
esac
if (($#)); then
  tidy=("$@")
else
  mapfile -t tidy < <(printf '%s\n' "${sources[@]}" | grep -E "$pattern" || true)
fi
build=build/release
if [ "$scope" != off ] && ((${#tidy[@]})) && [ -f $build/compile_commands.json ]; then
  # Outside the build folder and keyed on repository-relative text, so that a fresh clone (CI) on
  # the same machine reuses the verdicts (like ccache does for the objects).
  cache=${CITYSAFE_TIDY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/citysafe-tidy}
  mkdir -p "$cache"
  # The part of the key every file shares.
  common=$( (clang-tidy --version; cat .clang-tidy) | sha256sum | cut -d' ' -f1)
  # Object file -> its headers inside the tree (repository-relative), from the dependency log of
  # the last build, where they are relative to the build folder or absolute.
  deps=$(ninja -C $build -t deps 2>/dev/null | awk -v root="$root/" '
    /^[^ ].*: #deps/ { obj = $1; sub(/:$/, "", obj); next }
    /^    / {
      p = $1
      if (index(p, "../../") == 1) p = substr(p, 7)
      else if (index(p, root) == 1) p = substr(p, length(root) + 1)
      else next
      if (index(p, ".deps/") != 1) print obj "\t" p
    }')
  todo=()
  declare -A key_of=()
  for file in "${tidy[@]}"; do
    command=$(grep -F -A0 "\"command\": " $build/compile_commands.json |
      grep -F -- " -c $root/$file\"" | head -1 || true)
    if [ -z "$command" ]; then
      todo+=("$file")  # not compiled in this build: no cache
      continue
    fi
    object=$(sed -E 's/.* -o ([^ ]+) -c .*/\1/' <<<"$command")
    headers=$(awk -F'\t' -v o="$object" '$1 == o { print $2 }' <<<"$deps")
    if [ -z "$headers" ]; then
      todo+=("$file")  # never built: the headers are unknown, so no cache
      continue
    fi
    key=$( (echo "$common"; echo "${command//$root\//}"; cat "$file"; echo "$headers"; xargs cat <<<"$headers") |
      sha256sum | cut -d' ' -f1)
    key_of[$file]=$key
    [ -f "$cache/$key" ] || todo+=("$file")
  done
  echo "lint: clang-tidy ($scope): ${#todo[@]} of ${#tidy[@]} files changed since their last clean run"
  failed=0
  if ((${#todo[@]})); then
    results=$(mktemp -d)
    # One file per clang-tidy process, in parallel; each leaves its output and, if clean, its stamp.
    printf '%s\n' "${todo[@]}" | nl -ba -w1 -s$'\t' | while IFS=$'\t' read -r n file; do
      printf '%s\t%s\t%s\n' "$n" "$file" "${key_of[$file]:-}"
    done | xargs -P "${CITYSAFE_TIDY_JOBS:-$(nproc)}" -d '\n' -n1 bash -c '
      IFS=$'"'"'\t'"'"' read -r n file key <<<"$1"
      if clang-tidy -p '"$build"' --quiet --extra-arg=-Wno-unknown-warning-option "$file" \
           >"'"$results"'/$n.out" 2>&1; then
        [ -z "$key" ] || touch "'"$cache"'/$key"
      else
        echo "$file" >"'"$results"'/$n.failed"
      fi' _
    if compgen -G "$results/*.failed" >/dev/null; then
      cat "$results"/*.out | grep -v -E "warnings? generated|^Suppressed|^Use -header-filter" || true
      echo "lint: clang-tidy failed in: $(cat "$results"/*.failed | tr '\n' ' ')"
      failed=1
    fi
    rm -rf "$results"
  fi
  ((failed == 0)) || exit 1
fi

# The web client: ESLint (web/eslint.config.js) and the API types against openapi.json.
if [ -f web/package.json ] && [ -d web/node_modules ]; then
  (cd web && npm run --silent lint && node scripts/api-types.mjs --check)
fi
echo "lint: ok"
