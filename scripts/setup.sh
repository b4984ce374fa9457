#!/usr/bin/env bash
# Installs paraevm's build dependencies (Debian 12, through apt) and builds the Release tree in
# build/release. Idempotent: a second run only rebuilds what changed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

packages=(build-essential cmake ninja-build pkg-config zstd clang
          libsecp256k1-dev libssl-dev libgmp-dev libsimdjson-dev nlohmann-json3-dev libcli11-dev
          libmimalloc-dev libgtest-dev libgmock-dev libbenchmark-dev libcrypto++-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

build_type=${PARAEVM_BUILD_TYPE:-Release}
build_dir=${PARAEVM_BUILD_DIR:-build/release}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" ${PARAEVM_CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
