// Parallel EVM execution == sequential execution, byte for byte (receipts, logs, state diffs,
// state root), on generated dApp blocks of every kind, with and without hot spots, at several
// thread counts.
#include <gtest/gtest.h>

#include "chain/block_fingerprint.hpp"
#include "parallel/evm_block_executor.hpp"
#include "workload/workload.hpp"

namespace paraevm {
namespace {

struct Case {
  workload::Kind kind;
  double hot;
};

class ParallelEvmTest : public ::testing::TestWithParam<Case> {};

TEST_P(ParallelEvmTest, IdenticalToSequential) {
  const Case c = GetParam();
  const workload::Workload w = workload::build({c.kind, 120, 0, c.hot, 7});
  InMemoryState seq_state = w.pre;
  const BlockExecution seq = execute_transactions(seq_state, w.env, w.rev, w.txs, w.senders);
  ASSERT_TRUE(seq.valid());
  ASSERT_EQ(seq.receipts.size(), w.txs.size());
  const BlockFingerprint expected = fingerprint(seq, seq_state);
  for (unsigned threads : {1u, 2u, 4u, 8u}) {
    parallel::ParallelBlockExecutor executor(
        parallel::ExecutorOptions::every_block(threads));
    for (int round = 0; round < 2; ++round) {  // the executor is reused across blocks
      InMemoryState state = w.pre;
      const BlockExecution par = executor.execute(state, w.env, w.rev, w.txs, w.senders);
      const BlockFingerprint got = fingerprint(par, state);
      EXPECT_EQ(got, expected) << workload::kind_name(c.kind) << " hot " << c.hot << " threads " << threads << ": "
                               << describe_difference(expected, got);
    }
  }
}

std::vector<Case> all_cases() {
  std::vector<Case> out;
  for (auto kind : {workload::Kind::Raw, workload::Kind::Erc20, workload::Kind::Amm, workload::Kind::Nft,
                    workload::Kind::Game, workload::Kind::Mixed})
    for (double hot : {0.0, 0.3, 1.0}) out.push_back({kind, hot});
  return out;
}

// The automatic mode (default options): a block of transfers into one account is a chain and
// runs in order; independent transfers run on the engine. Both give the in-order result.
TEST(ParallelEvmAutomatic, ChainsRunInOrderOthersInParallel) {
  for (double hot : {1.0, 0.0}) {
    const workload::Workload w = workload::build({workload::Kind::Raw, 400, 0, hot, 3});
    InMemoryState seq_state = w.pre;
    const BlockExecution seq = execute_transactions(seq_state, w.env, w.rev, w.txs, w.senders);
    parallel::ParallelBlockExecutor executor({.threads = 4});
    InMemoryState state = w.pre;
    const BlockExecution par = executor.execute(state, w.env, w.rev, w.txs, w.senders);
    EXPECT_EQ(fingerprint(par, state), fingerprint(seq, seq_state)) << "hot " << hot;
    EXPECT_EQ(executor.stats().sequential, hot == 1.0) << "hot " << hot;
  }
}

INSTANTIATE_TEST_SUITE_P(Workloads, ParallelEvmTest, ::testing::ValuesIn(all_cases()),
                         [](const auto& info) {
                           return std::string(workload::kind_name(info.param.kind)) + "_hot" +
                                  std::to_string(static_cast<int>(info.param.hot * 100));
                         });

}  // namespace
}  // namespace paraevm
