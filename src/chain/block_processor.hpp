// Whole-block processing: body checks (EIP-7934 block size from Osaka), header checks against the
// parent, the DAO fork's irregular state change (EIP-779), pre-execution system calls (EIP-4788,
// EIP-2935), transactions, withdrawals (EIP-4895), requests (EIP-7685: EIP-6110 deposits, EIP-7002
// and EIP-7251 system calls), pre-merge block and ommer rewards, and the post-execution checks
// (gas used, blob gas used, receipts root, bloom, state root, requests).
#pragma once

#include <optional>
#include <string>

#include "chain/block_codec.hpp"
#include "chain/block_executor.hpp"
#include "chain/header_validation.hpp"
#include "state/in_memory_state.hpp"

namespace paraevm {

/// EIP-7934 (Osaka): the largest valid RLP-encoded block, MAX_BLOCK_SIZE (10 MiB) less a 2 MiB
/// margin for the beacon block around it. A larger block is BLOCK_RLP_SIZE_LIMIT_EXCEEDED.
inline constexpr size_t kMaxRlpBlockSize = 8 * 1024 * 1024;

/// Chain parameters of one block (the DAO fork block is in `header.dao_fork_block`).
struct BlockRules {
  HeaderRules header;
  U256 chain_id = 1;
};

/// Result of processing a block: nullopt error means the block is valid (and `state` holds the
/// post-state); otherwise the block is invalid and `state` is unspecified.
struct BlockOutcome {
  std::optional<std::string> error;
  BlockExecution execution;
  bool valid() const { return !error.has_value(); }
};

/// Optional hook run on the senders and environment of a block's transactions (on the state
/// before them), e.g. to compare a parallel execution with the sequential one. Returns an error
/// to fail the block.
using TransactionsHook = std::optional<std::string> (*)(void* ctx, const InMemoryState& pre,
                                                        const BlockEnv& env, Revision rev,
                                                        const Block& block,
                                                        std::span<const Address> senders,
                                                        const BlockExecution& sequential);

/// Validates and executes `block` (child of `parent`) on `state`.
BlockOutcome process_block(InMemoryState& state, const DecodedBlock& block,
                           const BlockHeader& parent, const BlockRules& rules,
                           TransactionsHook hook = nullptr, void* hook_ctx = nullptr);

/// The block env of `header` with the blob fee of `schedule` (when given).
BlockEnv block_env(const BlockHeader& header, const BlockRules& rules);

}  // namespace paraevm
