// The optimistic round (parallel/optimistic_block.hpp): the committer's overlay against
// InMemoryState's own rules, what counts as a changed read, and whole blocks with failing
// workers and a failing committer compared with in-order execution byte for byte. (The
// randomized differential test runs it on 10,000 blocks without faults.)
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

#include "chain/block_executor.hpp"
#include "chain/block_fingerprint.hpp"
#include "parallel/evm_block_executor.hpp"
#include "parallel/optimistic_block.hpp"
#include "random_block_generator.hpp"

namespace paraevm {
namespace {

using parallel::CommittedOverlay;
using parallel::PreStateRead;

Address address(uint8_t i) {
  Address a;
  a[0] = 0xbb;
  a[19] = i;
  return a;
}

AccountDiff account_diff(const Address& a) {
  AccountDiff d;
  d.address = a;
  return d;
}

StateDiff diff_of(std::vector<AccountDiff> accounts) {
  StateDiff d;
  d.accounts = std::move(accounts);
  return d;
}

// After every diff, the overlay reads what InMemoryState reads once the same diffs are applied.
TEST(CommittedOverlay, ReadsWhatTheAppliedStateReads) {
  InMemoryState pre;
  pre.set_account(address(1), 5, U256(1000), {});
  pre.set_account(address(2), 1, U256(7), Bytes{0x60, 0x00}, {{U256(1), U256(11)}, {U256(2), U256(22)}});
  pre.set_account(address(3), 0, U256(3), {});
  InMemoryState applied = pre;
  CommittedOverlay overlay;
  overlay.reset(pre, 16);

  std::vector<StateDiff> diffs;
  {  // a transfer's shape: nonce and balance of one, a lazy credit to an absent account
    AccountDiff sender = account_diff(address(1));
    sender.nonce = 6;
    sender.balance = U256(900);
    AccountDiff recipient = account_diff(address(4));
    recipient.balance_credit = U256(50);
    diffs.push_back(diff_of({sender, recipient}));
  }
  {  // storage alone, one slot cleared; another credit on top of the first
    AccountDiff contract = account_diff(address(2));
    contract.storage = {{U256(1), U256(0)}, {U256(3), U256(33)}};
    AccountDiff recipient = account_diff(address(4));
    recipient.balance_credit = U256(5);
    diffs.push_back(diff_of({contract, recipient}));
  }
  {  // the contract destroyed, then re-created with fresh storage
    AccountDiff gone = account_diff(address(2));
    gone.deleted = true;
    diffs.push_back(diff_of({gone}));
    AccountDiff created = account_diff(address(2));
    created.storage_cleared = true;
    created.nonce = 1;
    created.code_hash = kEmptyCodeHash;
    created.storage = {{U256(3), U256(44)}};
    diffs.push_back(diff_of({created}));
  }
  {  // a full balance write after credits resets them
    AccountDiff recipient = account_diff(address(4));
    recipient.balance = U256(1);
    AccountDiff gone = account_diff(address(3));
    gone.deleted = true;
    diffs.push_back(diff_of({recipient, gone}));
  }
  for (size_t k = 0; k < diffs.size(); ++k) {
    applied.apply(diffs[k]);
    overlay.accept(diffs[k]);
    for (uint8_t a = 1; a <= 5; ++a) {
      EXPECT_EQ(overlay.read_account(address(a)), applied.read_account(address(a)))
          << "after diff " << k << ", account " << int{a};
      for (uint64_t slot = 1; slot <= 3; ++slot)
        EXPECT_EQ(overlay.read_storage(address(a), U256(slot)), applied.read_storage(address(a), U256(slot)))
            << "after diff " << k << ", account " << int{a} << ", slot " << slot;
    }
  }
}

TEST(CommittedOverlay, ChangedReadsAreThoseTheDiffsCouldChange) {
  InMemoryState pre;
  pre.set_account(address(1), 0, U256(10), {});
  pre.set_account(address(2), 1, U256(0), Bytes{0x60, 0x00}, {{U256(1), U256(11)}});
  CommittedOverlay overlay;
  overlay.reset(pre, 16);
  using Kind = PreStateRead::Kind;
  auto changed = [&](uint8_t a, Kind kind, uint64_t slot = 0) {
    return overlay.changed({address(a), kind, U256(slot)});
  };
  EXPECT_FALSE(changed(1, Kind::kAccount));

  AccountDiff credit = account_diff(address(1));
  credit.balance_credit = U256(1);
  AccountDiff storage = account_diff(address(2));
  storage.storage = {{U256(1), U256(12)}};
  const StateDiff first = diff_of({credit, storage});  // the overlay keeps pointers to its diffs
  overlay.accept(first);
  EXPECT_TRUE(changed(1, Kind::kAccount));      // a credit changes the balance
  EXPECT_FALSE(changed(1, Kind::kCodeHash));    // but not the code
  EXPECT_FALSE(changed(2, Kind::kAccount));     // a storage write leaves the account as it was
  EXPECT_TRUE(changed(2, Kind::kStorage, 1));   // except that slot
  EXPECT_FALSE(changed(2, Kind::kStorage, 2));  // and no other
  EXPECT_TRUE(changed(2, Kind::kHasStorage));
  EXPECT_FALSE(changed(3, Kind::kStorage, 1));  // an account nobody touched

  AccountDiff gone = account_diff(address(2));
  gone.deleted = true;
  const StateDiff second = diff_of({gone});
  overlay.accept(second);
  EXPECT_TRUE(changed(2, Kind::kAccount));
  EXPECT_TRUE(changed(2, Kind::kCodeHash));
  EXPECT_TRUE(changed(2, Kind::kStorage, 2));  // every slot of a destroyed account
}

// Fails each chosen transaction's first attempt at incarnation 0 (a round execution) and at
// incarnation 1 (the committer's re-run), once each. When the block then goes to the engine,
// its incarnations 0 and 1 of a transaction the round never reached fail too, which is fewer
// failures than the engine's max_attempts (it would take more for a deterministic failure).
class FailOnce final : public parallel::FaultInjector {
 public:
  FailOnce(uint32_t every, bool rerun_too) : every_(every), rerun_too_(rerun_too) {}
  void maybe_fail(parallel::FaultPoint point, parallel::Version v, unsigned) override {
    if (point != parallel::FaultPoint::kBeforeExecute || v.tx % every_ != 0) return;
    if (v.incarnation > (rerun_too_ ? 1u : 0u)) return;
    std::lock_guard lock(mu_);
    if (!failed_.insert({v.tx, v.incarnation}).second) return;
    injected.fetch_add(1);
    throw std::runtime_error("injected");
  }
  std::atomic<uint64_t> injected{0};

 private:
  uint32_t every_;
  bool rerun_too_;
  std::mutex mu_;
  std::set<std::pair<uint32_t, uint32_t>> failed_;
};

TEST(OptimisticRound, FailuresEndInTheExactResult) {
  uint64_t optimistic_blocks = 0, injected = 0;
  for (uint64_t seed = 1; seed <= 120; ++seed) {
    const Revision rev = random_block::kRevisions[seed % std::size(random_block::kRevisions)];
    random_block::Generator generator(seed);
    const random_block::RandomBlock b = generator.build(rev);
    InMemoryState seq_state = b.pre;
    const BlockExecution seq = execute_transactions(seq_state, b.env, b.rev, b.txs, b.senders);
    const BlockFingerprint expected = fingerprint(seq, seq_state);

    FailOnce faults(1 + static_cast<uint32_t>(seed % 5), seed % 3 == 0);
    parallel::ExecutorOptions options = parallel::ExecutorOptions::every_block(seed % 2 ? 2 : 3);
    options.faults = &faults;
    parallel::ParallelBlockExecutor executor(options, parallel::AutomaticMode::optimistic_only());
    InMemoryState state = b.pre;
    const BlockExecution out = executor.execute(state, b.env, b.rev, b.txs, b.senders);
    const BlockFingerprint got = fingerprint(out, state);
    EXPECT_EQ(got, expected) << revision_name(rev) << " seed " << seed << ": "
                             << describe_difference(expected, got);
    optimistic_blocks += executor.stats().optimistic;
    injected += faults.injected.load();
  }
  // Both kinds of ending happen: the committer's re-runs absorb the round's failures, and a
  // failed re-run sends the block to the engine.
  EXPECT_GT(injected, 0u);
  EXPECT_GT(optimistic_blocks, 0u);
  EXPECT_LT(optimistic_blocks, 120u);
}

// The committer hands the rest of a block to the engine after a group with too many re-runs,
// and the result is the same either way.
TEST(OptimisticRound, ConflictingBlocksAreHandedToTheEngine) {
  size_t handed_over = 0;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    random_block::Generator generator(seed);
    const random_block::RandomBlock b = generator.build(Revision::Prague);
    InMemoryState seq_state = b.pre;
    const BlockExecution seq = execute_transactions(seq_state, b.env, b.rev, b.txs, b.senders);
    const BlockFingerprint expected = fingerprint(seq, seq_state);
    for (double share : {0.0, 1.0}) {
      parallel::AutomaticMode automatic = parallel::AutomaticMode::off();
      automatic.optimistic_round = parallel::OptimisticRound::kAlways;
      automatic.optimistic_group_txs = 2;
      automatic.max_rerun_share = share;
      parallel::ParallelBlockExecutor executor(parallel::ExecutorOptions::every_block(2), automatic);
      InMemoryState state = b.pre;
      const BlockExecution out = executor.execute(state, b.env, b.rev, b.txs, b.senders);
      const BlockFingerprint got = fingerprint(out, state);
      EXPECT_EQ(got, expected) << "seed " << seed << " share " << share << ": "
                               << describe_difference(expected, got);
      if (share == 1.0) {
        EXPECT_TRUE(executor.stats().optimistic) << "seed " << seed;  // never too many re-runs
      } else if (!executor.stats().optimistic) {
        ++handed_over;
      }
    }
  }
  EXPECT_GT(handed_over, 0u);  // the random blocks' hot slots and balances make re-runs
}

}  // namespace
}  // namespace paraevm
