// The third-party workloads ($PARAEVM_DATA/contracts): every transaction of the hand-written
// pre-state succeeds in order with the gas the contracts need, and the parallel engine gives the
// in-order result byte for byte, with and without a hot spot.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "chain/block_fingerprint.hpp"
#include "parallel/evm_block_executor.hpp"
#include "workload/third_party.hpp"

namespace paraevm {
namespace {

struct Case {
  workload::ThirdPartyKind kind;
  double hot;
  uint64_t min_gas, max_gas;  // plausible gas used per transaction
};

class ThirdPartyWorkloadTest : public ::testing::TestWithParam<Case> {};

TEST_P(ThirdPartyWorkloadTest, SucceedsInOrderAndIdenticalInParallel) {
  const Case c = GetParam();
  std::filesystem::path dir;
  try {
    dir = workload::third_party_contracts_dir();
  } catch (const std::exception& e) {
    GTEST_SKIP() << e.what();
  }
  const workload::Workload w = workload::build_third_party({c.kind, 320, 0, c.hot, 5, dir});
  ASSERT_EQ(w.txs.size(), 320u);
  InMemoryState seq_state = w.pre;
  const BlockExecution seq = execute_transactions(seq_state, w.env, w.rev, w.txs, w.senders);
  ASSERT_TRUE(seq.valid());
  ASSERT_EQ(seq.receipts.size(), w.txs.size());
  for (size_t i = 0; i < seq.receipts.size(); ++i) {
    const TxReceipt& r = seq.receipts[i];
    EXPECT_TRUE(r.success()) << "transaction " << i << " status " << static_cast<int>(r.status);
    EXPECT_GE(r.gas_used, c.min_gas) << "transaction " << i;
    EXPECT_LE(r.gas_used, c.max_gas) << "transaction " << i;
    EXPECT_FALSE(r.logs.empty()) << "transaction " << i;  // Transfer (and Swap) events
  }
  const BlockFingerprint expected = fingerprint(seq, seq_state);
  for (unsigned threads : {2u, 4u}) {
    parallel::ParallelBlockExecutor executor(parallel::ExecutorOptions::every_block(threads),
                                             parallel::AutomaticMode::off());
    InMemoryState state = w.pre;
    const BlockExecution par = executor.execute(state, w.env, w.rev, w.txs, w.senders);
    const BlockFingerprint got = fingerprint(par, state);
    EXPECT_EQ(got, expected) << w.name << " hot " << c.hot << " threads " << threads << ": "
                             << describe_difference(expected, got);
  }
}

// A transfer between two holders: 21,000 + calldata + two cold balance reads and two non-zero
// writes + the Transfer log. A swap: SingleSwap -> SwapRouter -> pool -> both tokens, with the
// callback; pevm's figure is about 155,934.
INSTANTIATE_TEST_SUITE_P(
    Kinds, ThirdPartyWorkloadTest,
    ::testing::Values(Case{workload::ThirdPartyKind::Erc20Oz, 0.0, 25'000, 35'000},
                      Case{workload::ThirdPartyKind::Erc20Oz, 0.5, 25'000, 35'000},
                      Case{workload::ThirdPartyKind::Uniswap3, 0.0, 100'000, 200'000},
                      Case{workload::ThirdPartyKind::Uniswap3, 0.5, 100'000, 200'000}),
    [](const auto& info) {
      std::string name(workload::third_party_kind_name(info.param.kind));
      std::replace(name.begin(), name.end(), '-', '_');
      return name + "_hot" + std::to_string(static_cast<int>(info.param.hot * 100));
    });

// A malformed .hex file is reported with its name.
TEST(ThirdPartyContracts, MalformedFileNamed) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "paraevm_bad_contracts";
  std::filesystem::create_directories(dir);
  for (const char* name :
       {"ERC20Token", "WETH9", "UniswapV3Factory", "UniswapV3Pool", "SwapRouter", "SingleSwap"})
    std::ofstream(dir / (std::string(name) + ".hex")) << "60zz\n";
  try {
    (void)workload::build_third_party({workload::ThirdPartyKind::Erc20Oz, 4, 0, 0, 1, dir});
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("ERC20Token.hex"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("not hex"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace paraevm
