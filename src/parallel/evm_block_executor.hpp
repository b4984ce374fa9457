// Parallel execution of a block's transactions with Block-STM over the EVM: the same result as
// execute_transactions() (chain/block_executor.hpp), byte for byte, for any thread count.
#pragma once

#include <functional>
#include <memory>
#include <span>

#include "chain/block_executor.hpp"
#include "parallel/executor.hpp"
#include "parallel/evm_location.hpp"
#include "parallel/evm_state_view.hpp"

namespace paraevm::parallel {

/// What one incarnation of a transaction produced.
struct EvmTxOutput {
  TxOutcome outcome;
};

struct ParallelStats {
  ExecutionStats core;
  DependencyGraph graph;  // filled when profiling
};

/// Runs blocks in parallel; keeps its thread pool and multi-version memory across blocks.
class ParallelBlockExecutor {
 public:
  explicit ParallelBlockExecutor(ExecutorOptions options);
  ~ParallelBlockExecutor();

  /// Executes `transactions` on `state` (updated with the block's changes, as the sequential
  /// executor does) and returns the same BlockExecution the sequential executor would.
  BlockExecution execute(InMemoryState& state, const BlockEnv& env, Revision rev,
                         std::span<const Transaction> transactions, std::span<const Address> senders);

  /// Counters of the last block: the engine's, or the adapter's when the engine did not run.
  ExecutionStats stats() const;
  /// Per-transaction times and dependencies of the last block (with options.profile).
  DependencyGraph dependency_graph() const;
  unsigned threads() const;

 private:
  /// Runs `transactions` (the block's from `offset` on) on the engine over `state` and commits
  /// them into `out`, which holds the receipts of the transactions before them.
  void commit_parallel(InMemoryState& state, const BlockEnv& env, Revision rev,
                       std::span<const Transaction> transactions, std::span<const Address> senders,
                       size_t offset, BlockExecution& out);

  /// Runs a block of plain transfers (parallel/transfer_block.hpp) when it qualifies and its
  /// components allow a speedup; false (nothing done) otherwise.
  bool run_transfer_block(InMemoryState& state, const BlockEnv& env, Revision rev,
                          std::span<const Transaction> transactions, std::span<const Address> senders,
                          BlockExecution& out);
  /// Commits the results of transactions (the block's from `offset` on) in block order into
  /// `out`: every check that depends on earlier transactions' gas, the receipts, then the diffs
  /// applied by all workers. From the first transaction that is invalid or fails those checks
  /// on, the rest are committed one by one, and such a transaction is re-run in order on the
  /// committed state for the exact verdict.
  void commit_outcomes(InMemoryState& state, const BlockEnv& env, Revision rev,
                       std::span<const Transaction> transactions, std::span<const Address> senders,
                       size_t offset, BlockExecution& out,
                       const std::function<TxOutcome&(size_t)>& outcome_of);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Appends the writes of a transaction's diff to `writes`, as multi-version memory locations.
/// `view` supplies the unchanged fields of the accounts that changed.
void diff_to_writes(const StateDiff& diff, TxIndex tx, MvStateView& view,
                    WriteSet<EvmTraits>& writes);

}  // namespace paraevm::parallel
