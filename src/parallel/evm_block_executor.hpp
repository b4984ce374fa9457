// Parallel execution of a block's transactions with Block-STM over the EVM: the same result as
// execute_transactions() (chain/block_executor.hpp), byte for byte, for any thread count.
#pragma once

#include <functional>
#include <memory>
#include <span>

#include "chain/block_executor.hpp"
#include "parallel/conflict_report.hpp"
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

/// Which blocks go through the optimistic round (parallel/optimistic_block.hpp) first.
enum class OptimisticRound : uint8_t {
  kNever,
  kUniformBlocks,  ///< blocks of one or two kinds of transaction (all gas limits alike)
  kAlways,         ///< every block that reaches the engine (tests)
};

/// Which blocks the EVM adapter runs without the engine, and how (docs/ARCHITECTURE.md,
/// "Automatic mode"): the policy on top of the engine's own ExecutorOptions.
struct AutomaticMode {
  /// A block whose transactions' gas limits add up to less than this runs in order: starting
  /// the workers and multi-version memory costs tens of microseconds, what such a block takes in
  /// all (measured on mainnet blocks of 1-2 million gas).
  uint64_t min_parallel_gas = 4'000'000;
  /// A block of plain value transfers runs without the engine, its accounts being known before
  /// execution (parallel/transfer_block.hpp).
  bool transfer_blocks = true;
  /// This many of a block's first transactions (at most an eighth of the block) run in order,
  /// timed: when what the rest is predicted to cost per transaction (the probe's time per unit
  /// of gas limit, times the rest's gas limits) is too little for the engine's own cost per
  /// transaction (engine_cost_ns) to pay off on the threads there are, the rest of the block
  /// runs in order too; otherwise the engine takes over from there. 0: no probe.
  size_t probe_txs = 32;
  /// The probe's threshold on its predicted speedup. Below 1 because the prediction is low:
  /// on the 51 mainnet blocks the rest of a block cost 1-5x more per transaction than
  /// predicted (cold code and state later in the block). Calibrated there at 2 threads: blocks
  /// predicted at 0.77 or more ran faster on the engine; 6196166, predicted 0.68-0.75 from run
  /// to run (a probe of a few microseconds is noisy), runs at 0.58x on it (docs/BENCHMARKS.md).
  double min_probe_speedup = 0.75;
  /// The same for a block whose transactions all have about the same gas limit (one or two
  /// kinds of transaction, a batch): there the probe is a fair sample and its prediction is not
  /// low, but the model leaves out that execution itself runs slower beside the engine (the
  /// interpreter took 12-30% more samples per block on two threads in the AMM and ERC-20
  /// workloads), so the bar is above 1.
  double min_probe_speedup_uniform = 1.15;
  /// The engine's extra cost per transaction over in-order execution, wall time on one thread,
  /// plus engine_cost_per_write_ns per location the transaction writes (it reads about as many).
  /// Measured on the development machine: a transfer (3 writes) costs the engine about 2.5 us
  /// more, a mainnet transaction (about 10 locations) 5-8 us more: multi-version memory,
  /// validation, the deferred commit and contention between workers.
  uint64_t engine_cost_ns = 1500;
  uint64_t engine_cost_per_write_ns = 600;
  /// Blocks of one or two kinds of transaction (dApp batches, the benchmark workloads) go
  /// through the optimistic round: measured on the workloads at 2 threads, it beat the engine
  /// wherever transactions rarely conflict and lost where many do (AMM pools, mainnet blocks: a
  /// third to a half of their transactions read what an earlier one wrote). The committer
  /// watches each group of optimistic_group_txs transactions and hands the rest of the block
  /// to the engine after one where more than max_rerun_share had to run again (group 0: never).
  OptimisticRound optimistic_round = OptimisticRound::kUniformBlocks;
  /// The probe's bar for a block that goes to the optimistic round (its prediction is the
  /// engine's): the round's cost per transaction is about half the engine's, so a uniform
  /// block predicted at 0.75 on the engine is predicted at about 1.1 on it.
  double min_probe_speedup_optimistic = 0.75;
  size_t optimistic_group_txs = 64;
  double max_rerun_share = 0.125;
  /// After the probe, a block runs in order when the dependencies certain from its transactions
  /// (parallel/block_shape.hpp) allow less than this speedup; 0 turns the check off. Also the
  /// bar for a transfer block's components.
  double min_predicted_speedup = 1.3;

  /// Every block to the engine, whatever its size or shape (with ExecutorOptions::every_block:
  /// replay, blocktest, the tests, `bench --every-block`).
  static AutomaticMode off() {
    AutomaticMode m;
    m.min_parallel_gas = 0;
    m.transfer_blocks = false;
    m.probe_txs = 0;
    m.min_predicted_speedup = 0;
    m.optimistic_round = OptimisticRound::kNever;
    return m;
  }
  /// Every block through the optimistic round, never handed to the engine (with
  /// ExecutorOptions::every_block: `bench --optimistic`, blocktest, the tests).
  static AutomaticMode optimistic_only() {
    AutomaticMode m = off();
    m.optimistic_round = OptimisticRound::kAlways;
    m.optimistic_group_txs = 0;
    return m;
  }
};

/// Runs blocks in parallel; keeps its thread pool and multi-version memory across blocks.
class ParallelBlockExecutor {
 public:
  /// `engine`: the engine's threads and behaviour; `automatic`: which blocks skip it.
  ParallelBlockExecutor(ExecutorOptions engine, AutomaticMode automatic);
  ~ParallelBlockExecutor();

  /// Executes `transactions` on `state` (updated with the block's changes, as the sequential
  /// executor does) and returns the same BlockExecution the sequential executor would.
  BlockExecution execute(InMemoryState& state, const BlockEnv& env, Revision rev,
                         std::span<const Transaction> transactions, std::span<const Address> senders);

  /// Counters of the last block: the engine's, or the adapter's when the engine did not run.
  ExecutionStats stats() const;
  /// Per-transaction times and dependencies of the last block (with options.profile).
  DependencyGraph dependency_graph() const;
  /// The same dependencies, each with the location it went through (conflict_report.hpp).
  /// Both describe the last block the engine ran: give the executor AutomaticMode::off() to
  /// have every block run there.
  std::vector<ConflictEdge> conflict_edges() const;
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
  /// Runs `transactions` (the block's from `offset` on) with the optimistic round
  /// (parallel/optimistic_block.hpp) and commits them into `out`, handing the rest to the engine
  /// (commit_parallel) after a group with too many re-runs; false (nothing done) when the
  /// committer failed.
  bool run_optimistic(InMemoryState& state, const BlockEnv& env, Revision rev,
                      std::span<const Transaction> transactions, std::span<const Address> senders,
                      size_t offset, BlockExecution& out);
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
