// The automatic mode's prediction: which dependencies are certain from the transactions alone.
#include <gtest/gtest.h>

#include <vector>

#include "parallel/block_shape.hpp"

namespace paraevm::parallel {
namespace {

Address account(uint8_t n) {
  Address a;
  a[19] = n;
  a[0] = 0x10;
  return a;
}

Transaction transfer(uint8_t to, uint64_t gas = 21000) {
  Transaction tx;
  tx.gas_limit = gas;
  tx.to = account(to);
  tx.value = U256(1);
  return tx;
}

Transaction call(uint8_t to) {
  Transaction tx = transfer(to, 50000);
  tx.value = U256(0);
  tx.data = Bytes{0xa9, 0x05, 0x9c, 0xbb};
  return tx;
}

TEST(BlockShape, OneSenderIsAChain) {
  std::vector<Transaction> txs;
  std::vector<Address> senders;
  for (uint8_t i = 0; i < 50; ++i) {
    txs.push_back(transfer(100 + i));
    senders.push_back(account(1));
  }
  const DependencyGraph g = predicted_dependencies(txs, senders);
  ASSERT_EQ(g.deps.size(), 50u);
  EXPECT_TRUE(g.deps[0].empty());
  for (size_t i = 1; i < 50; ++i) EXPECT_EQ(g.deps[i], std::vector<TxIndex>{static_cast<TxIndex>(i - 1)});
  EXPECT_DOUBLE_EQ(predicted_speedup(txs, senders, 4), 1.0);
}

TEST(BlockShape, IndependentTransfersScale) {
  std::vector<Transaction> txs;
  std::vector<Address> senders;
  for (uint8_t i = 0; i < 64; ++i) {
    txs.push_back(transfer(100 + i));
    senders.push_back(account(i));
  }
  for (const auto& d : predicted_dependencies(txs, senders).deps) EXPECT_TRUE(d.empty());
  EXPECT_DOUBLE_EQ(predicted_speedup(txs, senders, 4), 4.0);
}

TEST(BlockShape, TransfersIntoOneAccountAndCallsOfOneContractAreIndependent) {
  std::vector<Transaction> txs;
  std::vector<Address> senders;
  for (uint8_t i = 0; i < 8; ++i) {
    txs.push_back(transfer(200));  // value into one account: credited lazily
    senders.push_back(account(i));
  }
  for (uint8_t i = 8; i < 16; ++i) {
    txs.push_back(call(201));  // calls of one contract: conflicts only execution can tell
    senders.push_back(account(i));
  }
  for (const auto& d : predicted_dependencies(txs, senders).deps) EXPECT_TRUE(d.empty());
}

TEST(BlockShape, RecipientThatLaterSendsDependsOnEveryPayment) {
  std::vector<Transaction> txs{transfer(7), transfer(7), transfer(9), transfer(9)};
  // 7 spends what txs 0 and 1 paid it, then sends again (its own nonce).
  std::vector<Address> senders{account(1), account(2), account(7), account(7)};
  const DependencyGraph g = predicted_dependencies(txs, senders);
  EXPECT_EQ(g.deps[2], (std::vector<TxIndex>{0, 1}));
  EXPECT_EQ(g.deps[3], std::vector<TxIndex>{2});
}

// The one-pass check agrees with the exact prediction, on chains, independent transactions and
// mixes of both (where the bounds leave it to the exact schedule).
TEST(BlockShape, BelowAgreesWithTheExactPrediction) {
  for (size_t chain = 0; chain <= 64; chain += 8) {
    std::vector<Transaction> txs;
    std::vector<Address> senders;
    for (uint8_t i = 0; i < 64; ++i) {
      txs.push_back(transfer(100 + i, 21000 + 1000u * (i % 5)));
      senders.push_back(account(i < chain ? 1 : i));
    }
    for (unsigned threads : {2u, 4u, 8u})
      for (double threshold : {1.1, 1.3, 1.9, 3.0})
        EXPECT_EQ(predicted_speedup_below(txs, senders, threads, threshold),
                  predicted_speedup(txs, senders, threads) < threshold)
            << "chain " << chain << " threads " << threads << " threshold " << threshold;
  }
}

}  // namespace
}  // namespace paraevm::parallel
