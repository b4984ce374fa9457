// Signed transactions for generated blocks.
#pragma once

#include <optional>

#include "chain/transition.hpp"
#include "workload/setup_chain.hpp"

namespace paraevm::workload {

/// An EIP-1559 call from `from` (nonce `nonce`) to `to` (a creation when empty), on the chain
/// of `env`, paying a priority fee of 1 gwei over the base fee, signed with `from`'s key.
/// Throws std::runtime_error when signing fails.
Transaction signed_call(const BlockEnv& env, const KeyPair& from, uint64_t nonce,
                        std::optional<Address> to, Bytes data, uint64_t gas_limit,
                        const U256& value = {});

/// The block environment of every generated workload (a Prague block with a 1,000-gigagas
/// limit, base fee 1 gwei, coinbase derived from `seed`).
BlockEnv benchmark_env(uint64_t seed);

}  // namespace paraevm::workload
