#!/usr/bin/env bash
# Runs every test: unit tests, spec fixtures (state, blockchain, transaction, RLP, trie tests) and
# mainnet replays through CTest. The fixtures come from ../shared/data when it is there (unpacked
# into build/data); without them the data-driven tests report themselves as skipped.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${PARAEVM_BUILD_DIR:-build/release}

if [[ -z ${PARAEVM_DATA:-} && -x ../shared/data/unpack.sh ]]; then
  ../shared/data/unpack.sh build/data >/dev/null
  export PARAEVM_DATA=$PWD/build/data
fi
# Re-configure so that CTest sees PARAEVM_DATA.
cmake -S . -B "$build_dir" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)" "$@"
