#!/usr/bin/env bash
# The main job: generates a mixed dApp block (ERC-20 transfers, AMM swaps, NFT mints and
# transfers, game moves; contracts deployed through paraevm itself), executes it sequentially and
# in parallel, checks that the results are identical, and prints the speedup, the ideal
# speedup its dependencies allow on more cores, and where its transactions conflict (the five
# locations and contracts that carry the most dependencies).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${PARAEVM_BUILD_DIR:-build/release}
threads=1,$(nproc)
exec "$build_dir/paraevm" bench --workload mixed --txs "${PARAEVM_DEMO_TXS:-4000}" --hot 0.05 --threads "$threads" --conflicts 5 "$@"
