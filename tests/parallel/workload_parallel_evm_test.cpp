// Parallel EVM execution == sequential execution, byte for byte (receipts, logs, state diffs,
// state root), on generated dApp blocks of every kind, with and without hot spots, at several
// thread counts.
#include <gtest/gtest.h>

#include <algorithm>
#include <unordered_map>

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
    parallel::ParallelBlockExecutor executor(parallel::ExecutorOptions::every_block(threads),
                                             parallel::AutomaticMode::off());
    for (int round = 0; round < 2; ++round) {  // the executor is reused across blocks
      InMemoryState state = w.pre;
      const BlockExecution par = executor.execute(state, w.env, w.rev, w.txs, w.senders);
      const BlockFingerprint got = fingerprint(par, state);
      EXPECT_EQ(got, expected) << workload::kind_name(c.kind) << " hot " << c.hot << " threads " << threads << ": "
                               << describe_difference(expected, got);
    }
  }
}

// The conflict report of an ERC-20 block where half the transfers go to one account: every such
// transfer after the first read the balance slot the previous one wrote, so that slot of the
// token leads the report with one dependency per hot transfer but the first, and carries the
// critical path.
TEST(ParallelEvmConflicts, HotRecipientSlotLeadsTheReport) {
  const workload::Workload w = workload::build({workload::Kind::Erc20, 200, 0, 0.5, 7});
  std::unordered_map<Address, size_t, FixedBytesHasher> recipients;  // transfer(address,uint256)
  for (const Transaction& tx : w.txs) {
    ASSERT_GE(tx.data.size(), 36u);
    Address to;
    std::copy(tx.data.begin() + 16, tx.data.begin() + 36, to.data());
    ++recipients[to];
  }
  size_t hot = 0;
  for (const auto& [to, count] : recipients) hot = std::max(hot, count);
  ASSERT_GT(hot, 50u);
  parallel::ExecutorOptions options = parallel::ExecutorOptions::every_block(2);
  options.profile = true;
  parallel::ParallelBlockExecutor executor(options, parallel::AutomaticMode::off());
  InMemoryState state = w.pre;
  ASSERT_TRUE(executor.execute(state, w.env, w.rev, w.txs, w.senders).valid());
  // The dependencies as found, every transaction costing the same: measured times would let
  // one transaction that the machine happened to delay be the critical path.
  parallel::DependencyGraph graph = executor.dependency_graph();
  std::fill(graph.cost_ns.begin(), graph.cost_ns.end(), uint64_t{1000});
  const parallel::ConflictReport r = parallel::build_conflict_report(graph, executor.conflict_edges(), 3);
  ASSERT_FALSE(r.locations.empty());
  const Address token = *w.txs[0].to;
  EXPECT_EQ(r.locations[0].key.address, token);
  EXPECT_EQ(r.locations[0].key.field, parallel::EvmField::Storage);
  EXPECT_EQ(r.locations[0].dependencies, hot - 1);
  EXPECT_EQ(r.locations[0].readers, hot - 1);
  EXPECT_EQ(r.dependent_transactions, hot - 1);
  EXPECT_GT(r.locations[0].critical_path_ns, 0u);
  EXPECT_EQ(r.critical_path_transactions, hot);
  // The hot slot is what keeps the block from scaling: without it, nothing conflicts.
  EXPECT_LT(r.ideal, 0.5 * r.locations[0].ideal_without);
  ASSERT_FALSE(r.contracts.empty());
  EXPECT_EQ(r.contracts[0].address, token);
  // The workload names it, for the report.
  const auto named = std::find_if(w.names.begin(), w.names.end(),
                                  [&](const workload::AddressName& n) { return n.address == token; });
  ASSERT_NE(named, w.names.end());
  EXPECT_EQ(named->name, "ERC-20 token PT");
}

std::vector<Case> all_cases() {
  std::vector<Case> out;
  for (auto kind : {workload::Kind::Raw, workload::Kind::Erc20, workload::Kind::Amm, workload::Kind::Nft,
                    workload::Kind::Game, workload::Kind::Mixed})
    for (double hot : {0.0, 0.3, 1.0}) out.push_back({kind, hot});
  return out;
}

// The automatic mode: a block too small to share out runs in order; transfers, even all into one
// account (lazy credits), run on the engine; and when the probe of the first transactions finds
// them too cheap for the engine's cost per transaction, the block runs in order after it. Each
// gives the in-order result.
TEST(ParallelEvmAutomatic, SmallOrCheapBlocksRunInOrderOthersInParallel) {
  struct Case {
    size_t txs;
    double hot;
    uint64_t engine_cost_ns;
    bool in_order;
  };
  for (const Case c : {Case{60, 0.0, 0, true}, Case{400, 0.0, 0, false}, Case{400, 1.0, 0, false},
                       Case{400, 0.0, 1'000'000'000, true}}) {
    const workload::Workload w = workload::build({workload::Kind::Raw, c.txs, 0, c.hot, 3});
    InMemoryState seq_state = w.pre;
    const BlockExecution seq = execute_transactions(seq_state, w.env, w.rev, w.txs, w.senders);
    parallel::ExecutorOptions options;
    options.threads = 4;
    parallel::AutomaticMode automatic;
    automatic.engine_cost_ns = c.engine_cost_ns;
    automatic.engine_cost_per_write_ns = 0;
    automatic.transfer_blocks = false;  // the probe's verdict (transfer blocks: their own test)
    parallel::ParallelBlockExecutor executor(options, automatic);
    InMemoryState state = w.pre;
    const BlockExecution par = executor.execute(state, w.env, w.rev, w.txs, w.senders);
    EXPECT_EQ(fingerprint(par, state), fingerprint(seq, seq_state)) << c.txs << " hot " << c.hot;
    EXPECT_EQ(executor.stats().sequential, c.in_order) << c.txs << " hot " << c.hot;
    // Lazy credits: transfers into one hot account do not conflict.
    if (!c.in_order) {
      EXPECT_EQ(executor.stats().aborts, 0u) << c.txs << " hot " << c.hot;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Workloads, ParallelEvmTest, ::testing::ValuesIn(all_cases()),
                         [](const auto& info) {
                           return std::string(workload::kind_name(info.param.kind)) + "_hot" +
                                  std::to_string(static_cast<int>(info.param.hot * 100));
                         });

}  // namespace
}  // namespace paraevm
