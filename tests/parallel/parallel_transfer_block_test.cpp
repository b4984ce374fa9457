// Blocks of plain transfers (parallel/transfer_block.hpp): planning, and execution compared with
// in-order execution byte for byte (receipts, logs, gas, state) over random transfer blocks
// with every kind of account sharing the components must respect.
#include <gtest/gtest.h>

#include <atomic>
#include <random>
#include <stdexcept>

#include "chain/block_executor.hpp"
#include "chain/block_fingerprint.hpp"
#include "parallel/evm_block_executor.hpp"
#include "parallel/transfer_block.hpp"

namespace paraevm {
namespace {

constexpr uint64_t kEther = 1'000'000'000'000'000'000ULL;

Address account(uint32_t i) {
  Address a;
  a[0] = 0xaa;
  a[16] = static_cast<uint8_t>(i >> 24);
  a[17] = static_cast<uint8_t>(i >> 16);
  a[18] = static_cast<uint8_t>(i >> 8);
  a[19] = static_cast<uint8_t>(i);
  return a;
}

struct TransferBlock {
  BlockEnv env;
  Revision rev = Revision::Prague;
  InMemoryState pre;
  std::vector<Transaction> txs;
  std::vector<Address> senders;
};

/// `n` transfers among `accounts` funded accounts (a few poor, a few absent: recipients only),
/// with zero values, self-transfers, senders that received earlier in the block, and calldata
/// when asked (such a block does not qualify: it runs on the engine).
TransferBlock random_transfers(uint64_t seed, size_t n, uint32_t accounts, Revision rev,
                               bool with_calldata = false) {
  std::mt19937_64 rng(seed);
  auto pick = [&](uint64_t k) { return std::uniform_int_distribution<uint64_t>(0, k - 1)(rng); };
  TransferBlock b;
  b.rev = rev;
  b.env.number = 1;
  b.env.gas_limit = 30'000'000;
  b.env.base_fee = at_least(rev, Revision::London) ? U256(7) : U256(0);
  b.env.coinbase = account(0xffffff);
  b.env.chain_id = U256(1);
  std::vector<uint64_t> nonces(accounts, 0);
  for (uint32_t i = 0; i < accounts; ++i) {
    if (i % 7 == 6) continue;  // absent: created by a credit, or touched and removed
    const U256 balance = i % 5 == 4 ? U256(30'000) : U256(kEther);  // poor: only a little gas
    b.pre.set_account(account(i), 0, balance, {});
  }
  for (size_t t = 0; t < n; ++t) {
    const uint32_t from = static_cast<uint32_t>(pick(accounts));
    if (from % 7 == 6) {  // an absent sender: send from a funded one instead
      --t;
      continue;
    }
    Transaction tx;
    const uint64_t kind = pick(10);
    tx.type = !at_least(rev, Revision::Berlin) || kind < 3 ? TxType::Legacy
              : !at_least(rev, Revision::London) || kind < 5 ? TxType::AccessList
                                                             : TxType::DynamicFee;
    tx.chain_id = U256(1);
    tx.nonce = nonces[from]++;
    tx.to = pick(8) == 0 ? account(from) : account(static_cast<uint32_t>(pick(accounts)));
    tx.value = pick(4) == 0 ? U256(0) : U256(1 + pick(1'000'000'000));
    if (with_calldata && pick(6) == 0) tx.data = Bytes{0x01, 0x02, 0x00};  // to an account without code
    tx.gas_limit = 21'000 + (tx.data.empty() ? 0 : 1'000) + pick(3) * 10'000;
    tx.gas_price = U256(8 + pick(5));
    tx.max_fee_per_gas = U256(8 + pick(5));
    tx.max_priority_fee_per_gas = U256(1 + pick(3));
    if (tx.type == TxType::AccessList && pick(2) == 0)
      tx.access_list.push_back({account(static_cast<uint32_t>(pick(accounts))), {}});
    b.txs.push_back(tx);
    b.senders.push_back(account(from));
  }
  return b;
}

BlockFingerprint in_order(const TransferBlock& b, BlockExecution* execution = nullptr) {
  InMemoryState state = b.pre;
  BlockExecution out = execute_transactions(state, b.env, b.rev, b.txs, b.senders);
  BlockFingerprint f = fingerprint(out, state);
  if (execution) *execution = std::move(out);
  return f;
}

struct ParallelRun {
  BlockFingerprint fingerprint;
  bool transfer_block = false;
};

// The automatic mode with its size checks off: small random blocks too take the transfer path.
parallel::AutomaticMode transfers_at_any_size() {
  parallel::AutomaticMode automatic;
  automatic.min_parallel_gas = 0;
  automatic.min_predicted_speedup = 0;
  return automatic;
}

ParallelRun parallel(const TransferBlock& b, unsigned threads) {
  parallel::ExecutorOptions options;
  options.threads = threads;
  options.sequential_below = 0;
  parallel::ParallelBlockExecutor executor(options, transfers_at_any_size());
  InMemoryState state = b.pre;
  const BlockExecution out = executor.execute(state, b.env, b.rev, b.txs, b.senders);
  return {fingerprint(out, state), executor.stats().transfer_block};
}

TEST(TransferBlockPlan, ComponentsFollowSendersAndReadRecipients) {
  TransferBlock b = random_transfers(1, 0, 8, Revision::Prague);
  auto add = [&](uint32_t from, uint32_t to, uint64_t value) {
    Transaction tx;
    tx.type = TxType::DynamicFee;
    tx.to = account(to);
    tx.value = U256(value);
    tx.gas_limit = 21'000;
    tx.max_fee_per_gas = U256(10);
    tx.max_priority_fee_per_gas = U256(1);
    b.txs.push_back(tx);
    b.senders.push_back(account(from));
  };
  add(0, 1, 5);  // 0: 1 never reads: a lazy credit, no component
  add(2, 1, 5);  // 1: likewise
  add(3, 4, 5);  // 2: 4 sends later: joins 3 and 4
  add(4, 5, 0);  // 3: a zero value reads 5 (touch)
  add(5, 6, 5);  // 4: 5 sends: joins the component of 3, 4
  add(0, 7, 5);  // 5: 0's second transaction
  parallel::TransferPlanner planner;
  parallel::TransferBlockPlan plan;
  ASSERT_TRUE(parallel::plan_transfer_block(b.env, b.rev, b.txs, b.senders, planner, plan));
  EXPECT_EQ(plan.heads, (std::vector<parallel::TxIndex>{0, 1, 2}));
  EXPECT_EQ(plan.next[0], 5u);
  EXPECT_EQ(plan.next[2], 3u);
  EXPECT_EQ(plan.next[3], 4u);
  EXPECT_EQ(plan.next[4], parallel::kNoTx);
  EXPECT_EQ(plan.largest, 3u);
  EXPECT_FALSE(plan.recipient_read[0]);
  EXPECT_TRUE(plan.recipient_read[2]);
  EXPECT_TRUE(plan.recipient_read[3]);
}

TEST(TransferBlockPlan, RejectsWhatItCannotPredict) {
  const TransferBlock base = random_transfers(2, 20, 30, Revision::Prague);
  parallel::TransferPlanner planner;
  parallel::TransferBlockPlan plan;
  ASSERT_TRUE(parallel::plan_transfer_block(base.env, base.rev, base.txs, base.senders, planner, plan));
  auto rejected = [&](auto&& change) {
    TransferBlock b = base;
    change(b);
    return !parallel::plan_transfer_block(b.env, b.rev, b.txs, b.senders, planner, plan);
  };
  EXPECT_TRUE(rejected([](TransferBlock& b) { b.txs[3].to.reset(); }));  // a creation
  EXPECT_TRUE(rejected([](TransferBlock& b) { b.txs[3].data = Bytes{0xa9}; }));
  EXPECT_TRUE(rejected([](TransferBlock& b) { b.txs[3].to = b.env.coinbase; }));
  EXPECT_TRUE(rejected([](TransferBlock& b) { b.senders[3] = b.env.coinbase; }));
  EXPECT_TRUE(rejected([](TransferBlock& b) {  // a precompile runs code of a kind
    Address sha256;
    sha256[19] = 2;
    b.txs[3].to = sha256;
  }));
  EXPECT_TRUE(rejected([](TransferBlock& b) {  // no priority fee: touches the coinbase
    b.txs[3].type = TxType::Legacy;
    b.txs[3].gas_price = b.env.base_fee;
  }));
  EXPECT_TRUE(rejected([](TransferBlock& b) {
    b.txs[3].type = TxType::SetCode;
    b.txs[3].authorizations.push_back({});
  }));
  // One sender behind most of the first transactions: its component would bound the speedup,
  // so the planning is not even started when the caller asks for a share.
  TransferBlock payouts = base;
  for (size_t i = 0; i < payouts.senders.size(); i += 5) payouts.senders[i] = payouts.senders[1];
  for (size_t i = 1; i < payouts.senders.size(); i += 5) payouts.senders[i] = payouts.senders[1];
  for (size_t i = 2; i < payouts.senders.size(); i += 5) payouts.senders[i] = payouts.senders[1];
  EXPECT_TRUE(parallel::plan_transfer_block(payouts.env, payouts.rev, payouts.txs, payouts.senders,
                                            planner, plan));  // 60%: only the default share
  EXPECT_FALSE(parallel::plan_transfer_block(payouts.env, payouts.rev, payouts.txs, payouts.senders,
                                             planner, plan, 0.5));
  EXPECT_TRUE(parallel::plan_transfer_block(payouts.env, payouts.rev, payouts.txs, payouts.senders,
                                            planner, plan, 0.7));
}

// The differential test: many random transfer blocks, dense (few accounts: long components,
// hot recipients) and sparse, on several revisions and thread counts.
TEST(TransferBlock, IdenticalToInOrderExecution) {
  size_t transfer_blocks = 0, blocks = 0;
  for (uint64_t seed = 1; seed <= 300; ++seed)
    for (Revision rev : {Revision::Frontier, Revision::SpuriousDragon, Revision::Berlin, Revision::London,
                         Revision::Prague}) {
      const uint32_t accounts = seed % 3 == 0 ? 6 : seed % 3 == 1 ? 40 : 400;
      const TransferBlock b = random_transfers(seed, 10 + seed % 90, accounts, rev, seed % 10 == 0);
      const BlockFingerprint expected = in_order(b);
      for (unsigned threads : {2u, 3u}) {
        const ParallelRun run = parallel(b, threads);
        ++blocks;
        if (run.transfer_block) ++transfer_blocks;
        ASSERT_EQ(run.fingerprint, expected) << "seed " << seed << " threads " << threads << ": "
                                             << describe_difference(expected, run.fingerprint);
      }
    }
  // Most blocks qualify; the densest form chains too long to share out and go the other way.
  EXPECT_GT(transfer_blocks, blocks / 2);
}

// Blocks of thousands of transfers (workers take components 16 at a time), over few and many
// accounts, and one with calldata near its end (not a transfer block after all). Kept small
// enough for the ThreadSanitizer run (about 15 s there).
TEST(TransferBlock, LargeBlocksIdenticalToInOrderExecution) {
  size_t transfer_blocks = 0;
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    const uint32_t accounts = seed % 2 ? 3000 : 20000;
    TransferBlock b = random_transfers(900 + seed, 4500, accounts, seed < 3 ? Revision::Prague : Revision::Berlin);
    if (seed == 3) b.txs[4000].data = Bytes{0x01};
    const BlockFingerprint expected = in_order(b);
    for (unsigned threads : {2u, 3u}) {
      const ParallelRun run = parallel(b, threads);
      transfer_blocks += run.transfer_block;
      ASSERT_EQ(run.fingerprint, expected) << "seed " << seed << " threads " << threads << ": "
                                           << describe_difference(expected, run.fingerprint);
      if (seed == 3) {
        EXPECT_FALSE(run.transfer_block) << "threads " << threads;
      }
    }
  }
  EXPECT_EQ(transfer_blocks, 4u);
}

TEST(TransferBlock, RecipientWithCodeFallsBackToTheEngine) {
  TransferBlock b = random_transfers(7, 60, 50, Revision::Prague);
  // STOP: a call that runs code, which the plan cannot see (the workers find it).
  b.pre.set_account(*b.txs[40].to, 0, U256(0), Bytes{0x00});
  const ParallelRun run = parallel(b, 2);
  EXPECT_FALSE(run.transfer_block);
  EXPECT_EQ(run.fingerprint, in_order(b));
}

// Fails the first attempt of every transaction that `fail_every`-th divides (any incarnation,
// any point), once each, so that the engine's retries get through.
class FailOnce final : public parallel::FaultInjector {
 public:
  FailOnce(size_t txs, uint32_t fail_every) : failed_(txs), fail_every_(fail_every) {}
  void maybe_fail(parallel::FaultPoint point, parallel::Version v, unsigned) override {
    if (point == parallel::FaultPoint::kValidate || v.tx % fail_every_ != 0) return;
    if (!failed_[v.tx].exchange(true)) {
      injected.fetch_add(1);
      throw std::runtime_error("injected");
    }
  }
  std::atomic<uint64_t> injected{0};

 private:
  std::vector<std::atomic<bool>> failed_;
  uint32_t fail_every_;
};

// A worker failing on the transfer path leaves nothing behind: the block goes the usual way
// (the engine, which recovers from the failures it meets in turn) and ends exactly right.
TEST(TransferBlock, WorkerFailuresEndInTheExactResult) {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    const TransferBlock b = random_transfers(100 + seed, 80, seed % 2 ? 30 : 300, Revision::Prague);
    const BlockFingerprint expected = in_order(b);
    FailOnce faults(b.txs.size(), 1 + static_cast<uint32_t>(seed % 7));
    parallel::ExecutorOptions options;
    options.threads = 2;
    options.sequential_below = 0;
    options.faults = &faults;
    parallel::ParallelBlockExecutor executor(options, transfers_at_any_size());
    InMemoryState state = b.pre;
    const BlockExecution out = executor.execute(state, b.env, b.rev, b.txs, b.senders);
    const BlockFingerprint got = fingerprint(out, state);
    EXPECT_EQ(got, expected) << "seed " << seed << ": " << describe_difference(expected, got);
    EXPECT_GT(faults.injected.load(), 0u) << "seed " << seed;
    EXPECT_FALSE(executor.stats().transfer_block) << "seed " << seed;
  }
}

TEST(TransferBlock, InvalidTransactionsGiveTheInOrderVerdict) {
  TransferBlock nonce_gap = random_transfers(8, 60, 50, Revision::Prague);
  nonce_gap.txs[30].nonce += 5;
  TransferBlock over_limit = random_transfers(9, 60, 50, Revision::Prague);
  over_limit.env.gas_limit = 21'000 * 20;  // runs out of block gas part-way
  for (const TransferBlock* b : {&nonce_gap, &over_limit}) {
    BlockExecution expected;
    const BlockFingerprint f = in_order(*b, &expected);
    ASSERT_TRUE(expected.invalid_tx.has_value());
    const ParallelRun run = parallel(*b, 2);
    EXPECT_TRUE(run.transfer_block);
    EXPECT_EQ(run.fingerprint, f) << describe_difference(f, run.fingerprint);
  }
}

}  // namespace
}  // namespace paraevm
