#!/usr/bin/env bash
# Runs every test: unit tests, spec fixtures (state, blockchain, transaction, RLP and trie tests)
# and mainnet replays through CTest, then the parallel engine's tests under ThreadSanitizer. The
# fixtures come from ../shared/data when it is there (unpacked into build/data); without them the
# data-driven tests report themselves as skipped.
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
status=0
passed=0
failed=0
ctest_log=$(mktemp)
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)" "$@" | tee "$ctest_log" || status=1
# CTest's "N% tests passed, F tests failed out of T" line gives the counts.
if line=$(grep -E 'tests failed out of [0-9]+' "$ctest_log"); then
  total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")
  bad=$(sed -E 's/.* ([0-9]+) tests failed.*/\1/' <<<"$line")
  passed=$((total - bad))
  failed=$bad
fi
rm -f "$ctest_log"

# ThreadSanitizer: the parallel engine's tests (tests/parallel/*_test.cpp).
if [[ ${PARAEVM_SKIP_TSAN:-0} != 1 ]]; then
  tsan_dir=build/tsan
  cmake -S . -B "$tsan_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARAEVM_SANITIZE=thread \
        -DPARAEVM_BENCH=OFF >/dev/null
  targets=$(basename -s .cpp tests/parallel/*_test.cpp)
  cmake --build "$tsan_dir" -j"$(nproc)" --target $targets
  for t in $targets; do
    echo "== ThreadSanitizer: $t"
    if TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" "$tsan_dir/tests/$t" --gtest_brief=1; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
      status=1
    fi
  done
fi
# One line for the whole run: CTest entries plus ThreadSanitizer executables.
echo "tests: $passed passed, $failed failed"
exit $status
