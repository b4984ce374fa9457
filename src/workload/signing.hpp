// Signed transactions for generated blocks.
#pragma once

#include "chain/transition.hpp"
#include "workload/setup_chain.hpp"

namespace paraevm::workload {

/// An EIP-1559 call from `from` (nonce `nonce`) to `to`, on the chain of `env`, paying a
/// priority fee of 1 gwei over the base fee, signed with `from`'s key.
/// Throws std::runtime_error when signing fails.
Transaction signed_call(const BlockEnv& env, const KeyPair& from, uint64_t nonce, const Address& to,
                        Bytes data, uint64_t gas_limit);

}  // namespace paraevm::workload
