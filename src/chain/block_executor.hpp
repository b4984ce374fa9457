// Sequential execution of a block's transactions: the reference result that the parallel engine
// must reproduce byte for byte.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "chain/block.hpp"
#include "chain/bloom.hpp"
#include "chain/transition.hpp"
#include "state/in_memory_state.hpp"

namespace paraevm {

/// The environment of the block's transactions from its header, under `rev`.
/// The blob base fee and blob limit follow the revision's default blob schedule.
BlockEnv block_env_from_header(const BlockHeader& header, Revision rev, const U256& chain_id);

/// Outcome of one block's transactions.
struct BlockExecution {
  /// Per included transaction, in order.
  std::vector<TxReceipt> receipts;
  /// Cumulative gas used after each transaction.
  std::vector<uint64_t> cumulative_gas;
  uint64_t gas_used = 0;
  uint64_t blob_gas_used = 0;
  Bloom logs_bloom;
  /// Set when a transaction was invalid: the block is invalid, execution stopped there.
  std::optional<size_t> invalid_tx;
  std::optional<TxError> error;

  bool valid() const { return !invalid_tx.has_value(); }
};

/// Executes `transactions` in order on `state` (the diffs are applied as they come), with the
/// given senders. Stops at the first invalid transaction.
BlockExecution execute_transactions(InMemoryState& state, const BlockEnv& env, Revision rev,
                                    std::span<const Transaction> transactions,
                                    std::span<const Address> senders);

/// Executes and commits transactions [begin, end) in order into `out` (which holds the receipts
/// of those before `begin`). Returns false, and stops, at an invalid transaction.
bool execute_range(BlockExecution& out, InMemoryState& state, const BlockEnv& env, Revision rev,
                   std::span<const Transaction> transactions, std::span<const Address> senders,
                   size_t begin, size_t end);

/// What the block still offers its next transaction, given what `out` has used so far.
BlockGasLeft gas_left(const BlockExecution& out, const BlockEnv& env);
/// The same, given the gas and blob gas used so far.
BlockGasLeft gas_left(const BlockEnv& env, uint64_t gas_used, uint64_t blob_gas_used);

/// Commits the outcome of transaction `index`, the next in block order: applies its diff to
/// `state` and appends its receipt, or marks the block invalid there. Returns false when the
/// transaction was invalid (execution stops).
bool commit_outcome(BlockExecution& out, InMemoryState& state, size_t index, TxOutcome&& outcome);

/// The bookkeeping half of commit_outcome() for a valid transaction: gas, the receipt's bloom
/// (`bloom`) and the receipt (with its diff) appended to `out`; the diff is not applied to any
/// state.
void record_receipt(BlockExecution& out, TxReceipt&& receipt, const Bloom& bloom);

/// A receipt's bloom: the union of its logs' addresses and topics.
Bloom receipt_bloom(const TxReceipt& receipt);

}  // namespace paraevm
