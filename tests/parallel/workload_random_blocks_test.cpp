// Randomized differential test: random blocks with controlled conflicts over a small universe
// (hot storage slots, hot balances including the lazily credited coinbase, calls, creations and
// re-creations, self-destructs, logs, transient storage, failing and invalid transactions) run
// sequentially and with ParallelBlockExecutor at 2, 4 and 8 threads (the engine, the probe, the
// transfer-block path, the optimistic round and its hand-over to the engine); the fingerprints
// (receipts, logs, outputs, canonical diffs, state root) must be identical.
//
// PARAEVM_RANDOM_BLOCKS sets the number of blocks (default 1000, spread over the revisions);
// PARAEVM_RANDOM_SEED the base seed (default 1); PARAEVM_RANDOM_BLOCK_SEED=<seed of a failure>
// re-runs that one block (in every revision's test; the failure names the revision).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>

#include "chain/block_fingerprint.hpp"
#include "chain/validation.hpp"
#include "parallel/evm_block_executor.hpp"
#include "random_block_generator.hpp"

namespace paraevm {
namespace {

using random_block::kRevisions;

uint64_t env_u64(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 10) : fallback;
}

struct Coverage {
  std::map<std::string, size_t> errors;
  size_t blocks = 0, invalid_blocks = 0, txs = 0, failed_txs = 0, logs = 0, created = 0, deleted = 0;
};

void tally(Coverage& c, const BlockExecution& e) {
  ++c.blocks;
  c.invalid_blocks += !e.valid();
  if (e.error) ++c.errors[std::string(tx_error_name(*e.error))];
  for (const TxReceipt& r : e.receipts) {
    ++c.txs;
    c.failed_txs += !r.success();
    c.logs += r.logs.size();
    for (const AccountDiff& a : r.diff.accounts) {
      c.deleted += a.deleted;
      c.created += a.code_hash.has_value() && !a.deleted;
    }
  }
}

class RandomBlocksTest : public ::testing::TestWithParam<Revision> {};

TEST_P(RandomBlocksTest, ParallelIdenticalToSequential) {
  const Revision rev = GetParam();
  const size_t revisions = std::size(kRevisions);
  const uint64_t total = env_u64("PARAEVM_RANDOM_BLOCKS", 1000);
  const uint64_t base_seed = env_u64("PARAEVM_RANDOM_SEED", 1);
  const size_t rev_index = std::find(std::begin(kRevisions), std::end(kRevisions), rev) - std::begin(kRevisions);
  const uint64_t blocks = (total + revisions - 1 - rev_index) / revisions;

  std::vector<std::unique_ptr<parallel::ParallelBlockExecutor>> executors;
  // One more at 3 threads with the automatic mode's probe and abort budget on (its size and
  // shape checks off, its engine cost zero so that the engine takes over after the probe): the
  // first transactions run in order, the engine the rest, and conflict-heavy blocks fall back.
  parallel::ExecutorOptions probing = parallel::ExecutorOptions::every_block(3);
  probing.max_abort_share = 0.5;
  parallel::AutomaticMode probe_only = parallel::AutomaticMode::off();
  probe_only.probe_txs = 32;
  probe_only.engine_cost_ns = 0;
  probe_only.engine_cost_per_write_ns = 0;
  executors.push_back(std::make_unique<parallel::ParallelBlockExecutor>(probing, probe_only));
  for (unsigned threads : {2u, 4u, 8u})
    executors.push_back(std::make_unique<parallel::ParallelBlockExecutor>(
        parallel::ExecutorOptions::every_block(threads), parallel::AutomaticMode::off()));
  // And one that runs the blocks of plain transfers among them on their own path
  // (parallel/transfer_block.hpp), the others on the engine.
  parallel::AutomaticMode transfers_only = parallel::AutomaticMode::off();
  transfers_only.transfer_blocks = true;
  executors.push_back(std::make_unique<parallel::ParallelBlockExecutor>(
      parallel::ExecutorOptions::every_block(2), transfers_only));
  // The optimistic round (parallel/optimistic_block.hpp) on every block: at 2 and 4 threads
  // never handing over (every conflict re-run by the committer), at 3 threads handing the rest
  // to the engine after the first group of 4 with a re-run.
  for (unsigned threads : {2u, 4u})
    executors.push_back(std::make_unique<parallel::ParallelBlockExecutor>(
        parallel::ExecutorOptions::every_block(threads), parallel::AutomaticMode::optimistic_only()));
  parallel::AutomaticMode handing_over = parallel::AutomaticMode::off();
  handing_over.optimistic_round = parallel::OptimisticRound::kAlways;
  handing_over.optimistic_group_txs = 4;
  handing_over.max_rerun_share = 0;
  executors.push_back(std::make_unique<parallel::ParallelBlockExecutor>(
      parallel::ExecutorOptions::every_block(3), handing_over));

  Coverage coverage;
  size_t mismatches = 0;
  // Of the 8-thread executor: printed, not asserted (they depend on the machine's scheduling).
  uint64_t executions = 0, aborts = 0, suspensions = 0, parallel_txs = 0, transfer_blocks = 0;
  uint64_t optimistic_blocks = 0, optimistic_reruns = 0, handed_over = 0;
  const uint64_t only_seed = env_u64("PARAEVM_RANDOM_BLOCK_SEED", 0);
  for (uint64_t i = 0; i < (only_seed ? 1 : blocks); ++i) {
    const uint64_t seed = only_seed ? only_seed : base_seed * 1'000'003 + i * revisions + rev_index;
    random_block::Generator generator(seed);
    const random_block::RandomBlock b = generator.build(rev);
    InMemoryState seq_state = b.pre;
    const BlockExecution seq = execute_transactions(seq_state, b.env, b.rev, b.txs, b.senders);
    tally(coverage, seq);
    const BlockFingerprint expected = fingerprint(seq, seq_state);
    for (const auto& executor : executors) {
      InMemoryState state = b.pre;
      const BlockExecution par = executor->execute(state, b.env, b.rev, b.txs, b.senders);
      const BlockFingerprint got = fingerprint(par, state);
      if (executor->stats().transfer_block) ++transfer_blocks;
      if (executor->stats().optimistic) {
        ++optimistic_blocks;
        optimistic_reruns += executor->stats().aborts;
      } else if (executor.get() == executors.back().get()) {
        ++handed_over;  // the last executor always runs the optimistic round first
      }
      if (executor->threads() == 8) {
        executions += executor->stats().executions;
        aborts += executor->stats().aborts;
        suspensions += executor->stats().suspensions;
        parallel_txs += b.txs.size();
      }
      if (got == expected) continue;
      ++mismatches;
      ADD_FAILURE() << revision_name(rev) << " seed " << seed << " threads " << executor->threads() << ": "
                    << describe_difference(expected, got) << "\ncoinbase "
                    << static_cast<int>(b.env.coinbase[0]) << "/" << static_cast<int>(b.env.coinbase[19])
                    << " block gas limit " << b.env.gas_limit << "\n"
                    << b.summary;
      if (mismatches >= 5) FAIL() << "stopping after 5 mismatches";
    }
  }
  std::printf("%s: %zu blocks (%zu invalid), %zu txs (%zu failed), %zu logs, %zu code writes, %zu deletions\n",
              std::string(revision_name(rev)).c_str(), coverage.blocks, coverage.invalid_blocks, coverage.txs,
              coverage.failed_txs, coverage.logs, coverage.created, coverage.deleted);
  std::printf("  8 threads: %llu incarnations for %llu transactions, %llu aborts, %llu suspensions\n",
              static_cast<unsigned long long>(executions), static_cast<unsigned long long>(parallel_txs),
              static_cast<unsigned long long>(aborts), static_cast<unsigned long long>(suspensions));
  std::printf("  blocks run as plain transfers: %llu\n", static_cast<unsigned long long>(transfer_blocks));
  std::printf("  optimistic round: %llu blocks, %llu re-runs; %llu handed over to the engine\n",
              static_cast<unsigned long long>(optimistic_blocks), static_cast<unsigned long long>(optimistic_reruns),
              static_cast<unsigned long long>(handed_over));
  for (const auto& [name, count] : coverage.errors) std::printf("  invalid: %s x%zu\n", name.c_str(), count);
  // The generator must exercise what it claims (large enough runs only).
  if (!only_seed && blocks >= 100) {
    EXPECT_GT(coverage.invalid_blocks, 0u);
    EXPECT_GT(coverage.failed_txs, 0u);
    EXPECT_GT(coverage.txs - coverage.failed_txs, coverage.txs / 4);
    EXPECT_GT(coverage.logs, 0u);
    EXPECT_GT(coverage.created, 0u);
    EXPECT_GT(optimistic_reruns, 0u);  // the committer's re-runs are exercised
    EXPECT_GT(handed_over, 0u);        // and so is the hand-over
  }
}

// Directed: self-destruct, CREATE2 re-creation at the same address, reads of the old slots.
TEST_P(RandomBlocksTest, RecreatedContractReadsFreshStorage) {
  const Revision rev = GetParam();
  random_block::Generator generator(7);
  const random_block::RandomBlock b = generator.recreate_scenario(rev);
  InMemoryState seq_state = b.pre;
  const BlockExecution seq = execute_transactions(seq_state, b.env, b.rev, b.txs, b.senders);
  ASSERT_TRUE(seq.valid()) << revision_name(rev);
  const BlockFingerprint expected = fingerprint(seq, seq_state);
  for (unsigned threads : {2u, 4u, 8u}) {
    parallel::ParallelBlockExecutor executor(parallel::ExecutorOptions::every_block(threads),
                                             parallel::AutomaticMode::off());
    InMemoryState state = b.pre;
    const BlockExecution par = executor.execute(state, b.env, b.rev, b.txs, b.senders);
    const BlockFingerprint got = fingerprint(par, state);
    EXPECT_EQ(got, expected) << revision_name(rev) << " threads " << threads << ": "
                             << describe_difference(expected, got);
  }
}

INSTANTIATE_TEST_SUITE_P(Revisions, RandomBlocksTest, ::testing::ValuesIn(kRevisions),
                         [](const auto& info) { return std::string(revision_name(info.param)); });

}  // namespace
}  // namespace paraevm
