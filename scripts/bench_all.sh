#!/usr/bin/env bash
# Reproduces the figures of docs/BENCHMARKS.md: interpreter suite, mainnet sequential throughput,
# parallel speedups on mainnet blocks and on gigagas workloads (the third-party ones when
# $PARAEVM_DATA/contracts exists). Writes JSON files into OUT
# (default build/bench-results). Needs the test data (PARAEVM_DATA or ../shared/data).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${PARAEVM_BUILD_DIR:-build/release}
out=${1:-build/bench-results}
mkdir -p "$out"
if [[ -z ${PARAEVM_DATA:-} ]]; then
  ../shared/data/unpack.sh build/data >/dev/null
  export PARAEVM_DATA=$PWD/build/data
fi
paraevm=$build_dir/paraevm
threads=1,$(nproc)
{ echo "nproc: $(nproc)"; grep -m1 'model name' /proc/cpuinfo; date -u; uptime; } > "$out/machine.txt"
"$paraevm" statetest --bench --json "$PARAEVM_DATA/evm-benchmarks" > "$out/interpreter.json"
"$paraevm" replay --json "$PARAEVM_DATA/mainnet" > "$out/replay.json"
# --conflicts: each block's conflict report (where its dependencies went) in the same JSON.
"$paraevm" bench --blocks "$PARAEVM_DATA/mainnet" --threads "$threads" --repeat 5 --conflicts 5 --json > "$out/blocks.json"
for w in raw erc20 amm; do
  "$paraevm" bench --workload $w --gas 1000000000 --threads "$threads" --repeat 5 --conflicts 5 --json > "$out/$w.json"
done
for w in nft game mixed; do
  "$paraevm" bench --workload $w --txs 10000 --threads "$threads" --repeat 5 --conflicts 5 --json > "$out/$w.json"
done
# The third-party contracts (Uniswap V3, an OpenZeppelin-style ERC-20), when the data has them.
if [[ -d $PARAEVM_DATA/contracts ]]; then
  for w in uniswap3 erc20-oz; do
    "$paraevm" bench --workload $w --gas 1000000000 --threads "$threads" --repeat 5 --conflicts 5 --json > "$out/$w.json"
  done
fi
# The engine itself: every block through it, whatever the automatic mode would choose; and the
# mainnet blocks with each worker bound to its own CPU.
for w in raw erc20 amm; do
  "$paraevm" bench --workload $w --gas 1000000000 --threads "$threads" --repeat 5 --every-block --json \
    > "$out/engine-$w.json"
done
"$paraevm" bench --blocks "$PARAEVM_DATA/mainnet" --threads "$threads" --repeat 5 --every-block --json \
  > "$out/engine-blocks.json"
"$paraevm" bench --blocks "$PARAEVM_DATA/mainnet" --threads "$threads" --repeat 5 --pin --json \
  > "$out/pinned-blocks.json"
# The optimistic round itself, on every block and never handing over (where it wins, where not).
for w in erc20 amm; do
  "$paraevm" bench --workload $w --gas 1000000000 --threads "$threads" --repeat 5 --optimistic --json \
    > "$out/optimistic-$w.json"
done
for w in nft game; do
  "$paraevm" bench --workload $w --txs 10000 --threads "$threads" --repeat 5 --optimistic --json \
    > "$out/optimistic-$w.json"
done
echo "results in $out"
