// State: journal rollback, original vs current storage, access sets, transient storage,
// EIP-161 finalisation and the diff it produces.
#include <gtest/gtest.h>

#include "base/hex.hpp"
#include "state/in_memory_state.hpp"
#include "state/state.hpp"

namespace paraevm {
namespace {

Address addr(uint8_t b) {
  Address a;
  a[19] = b;
  return a;
}

class StateJournalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    backing_.set_account(addr(1), 5, U256{1000}, {}, {{U256{1}, U256{11}}, {U256{2}, U256{22}}});
    backing_.set_account(addr(2), 0, U256{0}, {});  // empty account
  }
  InMemoryState backing_;
};

TEST_F(StateJournalTest, ReadsThroughAndRollsBackBalancesAndNonces) {
  State s(backing_);
  EXPECT_EQ(s.get_balance(addr(1)), U256{1000});
  EXPECT_EQ(s.get_nonce(addr(1)), 5u);
  const auto cp = s.checkpoint();
  s.sub_balance(addr(1), U256{300});
  s.add_balance(addr(3), U256{300});
  s.set_nonce(addr(1), 6);
  EXPECT_TRUE(s.exists(addr(3)));
  EXPECT_EQ(s.get_balance(addr(1)), U256{700});
  s.rollback(cp);
  EXPECT_EQ(s.get_balance(addr(1)), U256{1000});
  EXPECT_EQ(s.get_nonce(addr(1)), 5u);
  EXPECT_FALSE(s.exists(addr(3)));
  EXPECT_TRUE(s.build_diff().empty());
}

TEST_F(StateJournalTest, OriginalStorageStaysAtTransactionStart) {
  State s(backing_);
  s.set_storage(addr(1), U256{1}, U256{99});
  EXPECT_EQ(s.get_storage(addr(1), U256{1}), U256{99});
  EXPECT_EQ(s.get_original_storage(addr(1), U256{1}), U256{11});
  const auto cp = s.checkpoint();
  s.set_storage(addr(1), U256{1}, U256{0});
  s.set_storage(addr(1), U256{7}, U256{70});
  s.rollback(cp);
  EXPECT_EQ(s.get_storage(addr(1), U256{1}), U256{99});
  EXPECT_EQ(s.get_storage(addr(1), U256{7}), U256{0});
  EXPECT_EQ(s.get_original_storage(addr(1), U256{1}), U256{11});
}

TEST_F(StateJournalTest, NestedCheckpoints) {
  State s(backing_);
  const auto outer = s.checkpoint();
  s.set_storage(addr(1), U256{2}, U256{1});
  const auto inner = s.checkpoint();
  s.set_storage(addr(1), U256{2}, U256{2});
  s.rollback(inner);
  EXPECT_EQ(s.get_storage(addr(1), U256{2}), U256{1});
  s.rollback(outer);
  EXPECT_EQ(s.get_storage(addr(1), U256{2}), U256{22});
}

TEST_F(StateJournalTest, AccessSetsAndTransientStorageRollBack) {
  State s(backing_);
  EXPECT_EQ(s.access_account(addr(1)), AccessStatus::Cold);
  EXPECT_EQ(s.access_account(addr(1)), AccessStatus::Warm);
  const auto cp = s.checkpoint();
  EXPECT_EQ(s.access_account(addr(9)), AccessStatus::Cold);
  EXPECT_EQ(s.access_storage(addr(1), U256{5}), AccessStatus::Cold);
  EXPECT_EQ(s.access_storage(addr(1), U256{5}), AccessStatus::Warm);
  s.set_transient(addr(1), U256{3}, U256{33});
  EXPECT_EQ(s.get_transient(addr(1), U256{3}), U256{33});
  s.rollback(cp);
  EXPECT_EQ(s.access_account(addr(9)), AccessStatus::Cold);
  EXPECT_EQ(s.access_storage(addr(1), U256{5}), AccessStatus::Cold);
  EXPECT_EQ(s.access_account(addr(1)), AccessStatus::Warm);
  EXPECT_EQ(s.get_transient(addr(1), U256{3}), U256{0});
  // Transient storage never reaches the diff.
  s.set_transient(addr(1), U256{3}, U256{33});
  EXPECT_TRUE(s.build_diff().empty());
}

TEST_F(StateJournalTest, LogsRollBack) {
  State s(backing_);
  s.add_log({addr(1), {}, {1}});
  const auto cp = s.checkpoint();
  s.add_log({addr(1), {}, {2}});
  s.rollback(cp);
  ASSERT_EQ(s.logs().size(), 1u);
  EXPECT_EQ(s.logs()[0].data, Bytes{1});
}

TEST_F(StateJournalTest, TouchedEmptyAccountsAreRemovedFromSpuriousDragon) {
  {
    State s(backing_);
    s.touch(addr(2));  // existing empty account
    s.touch(addr(4));  // non-existent
    s.finalize(true);
    const StateDiff d = s.build_diff();
    ASSERT_EQ(d.accounts.size(), 1u);
    EXPECT_EQ(d.accounts[0].address, addr(2));
    EXPECT_TRUE(d.accounts[0].deleted);
  }
  {
    // Before EIP-161 the touch creates the account and it stays.
    State s(backing_);
    s.touch(addr(4));
    s.finalize(false);
    const StateDiff d = s.build_diff();
    ASSERT_EQ(d.accounts.size(), 1u);
    EXPECT_EQ(d.accounts[0].address, addr(4));
    EXPECT_FALSE(d.accounts[0].deleted);
  }
  {
    // A touch that is rolled back does not count.
    State s(backing_);
    const auto cp = s.checkpoint();
    s.touch(addr(2));
    s.rollback(cp);
    s.finalize(true);
    EXPECT_TRUE(s.build_diff().empty());
  }
}

TEST_F(StateJournalTest, DestructedAccountIsDeleted) {
  State s(backing_);
  EXPECT_TRUE(s.mark_destructed(addr(1)));
  EXPECT_FALSE(s.mark_destructed(addr(1)));
  s.finalize(true);
  const StateDiff d = s.build_diff();
  ASSERT_EQ(d.accounts.size(), 1u);
  EXPECT_TRUE(d.accounts[0].deleted);
  backing_.apply(d);
  EXPECT_EQ(backing_.find(addr(1)), nullptr);
}

TEST_F(StateJournalTest, DiffAppliesToBacking) {
  State s(backing_);
  s.set_storage(addr(1), U256{1}, U256{0});
  s.set_storage(addr(1), U256{3}, U256{33});
  s.set_storage(addr(1), U256{2}, U256{22});  // unchanged: not in the diff
  s.add_balance(addr(5), U256{7});
  s.set_code(addr(5), std::make_shared<const Bytes>(Bytes{0x60, 0x00}));
  s.finalize(true);
  const StateDiff d = s.build_diff();
  backing_.apply(d);
  const auto* a1 = backing_.find(addr(1));
  ASSERT_NE(a1, nullptr);
  EXPECT_EQ(a1->storage.size(), 2u);
  EXPECT_EQ(a1->storage.at(U256{3}), U256{33});
  EXPECT_EQ(a1->storage.count(U256{1}), 0u);
  const auto* a5 = backing_.find(addr(5));
  ASSERT_NE(a5, nullptr);
  EXPECT_EQ(a5->balance, U256{7});
  EXPECT_EQ(*a5->code, (Bytes{0x60, 0x00}));
  EXPECT_EQ(*backing_.read_code(a5->code_hash), (Bytes{0x60, 0x00}));
}

TEST_F(StateJournalTest, CreatedContractDropsOldStorageAndReadsZeroOriginals) {
  State s(backing_);
  EXPECT_TRUE(s.has_storage(addr(1)));
  s.create_contract(addr(1));
  EXPECT_TRUE(s.is_created(addr(1)));
  EXPECT_EQ(s.get_storage(addr(1), U256{1}), U256{0});
  EXPECT_EQ(s.get_original_storage(addr(1), U256{2}), U256{0});
  EXPECT_FALSE(s.has_storage(addr(1)));
  s.finalize(true);
  const StateDiff d = s.build_diff();
  ASSERT_EQ(d.accounts.size(), 1u);
  EXPECT_TRUE(d.accounts[0].storage_cleared);
  backing_.apply(d);
  EXPECT_TRUE(backing_.find(addr(1))->storage.empty());
}

TEST(InMemoryStateTest, EmptyStateRoot) {
  InMemoryState st;
  EXPECT_EQ(to_hex(st.state_root()),
            "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
}

}  // namespace
}  // namespace paraevm
