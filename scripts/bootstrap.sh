#!/usr/bin/env bash
# Installs what is missing (Debian packages, npm packages) and nothing else. Idempotent: a second
# run with everything present does no network work.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config clang-format clang-tidy
  libboost1.81-dev libexpected-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libpq-dev
  libmosquitto-dev mosquitto mosquitto-clients libprotozero-dev zlib1g-dev libbz2-dev
  libexpat1-dev libstb-dev liblz4-dev libspdlog-dev libfmt-dev libcli11-dev libargon2-dev
  libgtest-dev libgmock-dev libbenchmark-dev libssl-dev postgresql-15 postgresql-15-postgis-3
  nodejs npm chromium fonts-noto-cjk ca-certificates openssl
  # make fuzz: libFuzzer with ASan/UBSan, llvm-symbolizer for readable crash reports.
  clang-14 libclang-rt-14-dev llvm-14
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# A machine with a newer node from elsewhere has node/npm without the Debian packages.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs/}"); missing=("${missing[@]/npm/}")
fi
read -r -a missing <<<"${missing[*]}"
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# libosmium2-dev depends on libboost-dev (1.74), which conflicts with libboost1.81-dev that Beast
# needs. libosmium is header-only, so we unpack Debian's package into .deps/ instead of installing.
if [ ! -f .deps/usr/include/osmium/version.hpp ]; then
  echo "bootstrap: unpacking Debian's libosmium2-dev into .deps/"
  tmp=$(mktemp -d); chmod 777 "$tmp"
  (cd "$tmp" && apt-get download -qq libosmium2-dev 2>/dev/null || { apt-get update -qq && apt-get download -qq libosmium2-dev; })
  mkdir -p .deps && dpkg-deb -x "$tmp"/libosmium2-dev_*.deb .deps
  rm -rf "$tmp"
fi

# Front end: npm ci only when the lock file changed since the last install.
if [ -f web/package-lock.json ]; then
  stamp=web/node_modules/.citysafe-lock.sha256
  want=$(sha256sum web/package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
fi
