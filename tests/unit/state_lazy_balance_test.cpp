// State over a view that gives accounts without their balance (StateView::read_account_lazily,
// as the parallel engine's view does for contracts): the balance is read only when execution
// uses it; credits before that stay credits, rolled back like any change; the diff reports an
// unread balance's credit as balance_credit with balance_unread, and a read one as the balance.
#include <gtest/gtest.h>

#include "state/in_memory_state.hpp"
#include "state/state.hpp"

namespace paraevm {
namespace {

Address addr(uint8_t b) {
  Address a;
  a[19] = b;
  return a;
}

/// InMemoryState, except that accounts with code come without their balance; counts the
/// balance reads.
class LazyView final : public StateView {
 public:
  explicit LazyView(InMemoryState& backing) : backing_(backing) {}
  std::optional<AccountInfo> read_account(const Address& a) override { return backing_.read_account(a); }
  AccountRead read_account_lazily(const Address& a) override {
    auto info = backing_.read_account(a);
    if (!info || !info->has_code()) return {info, true};
    info->balance = U256{};
    return {info, false};
  }
  U256 read_balance(const Address& a) override {
    ++balance_reads;
    return backing_.read_account(a)->balance;
  }
  U256 read_storage(const Address& a, const U256& k) override { return backing_.read_storage(a, k); }
  SharedCode read_code(const Hash& h) override { return backing_.read_code(h); }
  Hash read_block_hash(uint64_t n) override { return backing_.read_block_hash(n); }
  int balance_reads = 0;

 private:
  InMemoryState& backing_;
};

class StateLazyBalanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    backing_.set_account(addr(1), 1, U256{1000}, Bytes{0x00});  // a contract
    backing_.set_account(addr(2), 0, U256{50}, {});             // an account without code
  }
  const AccountDiff* find(const StateDiff& d, const Address& a) {
    for (const AccountDiff& x : d.accounts)
      if (x.address == a) return &x;
    return nullptr;
  }
  InMemoryState backing_;
  LazyView view_{backing_};
};

TEST_F(StateLazyBalanceTest, CreditsWithoutReadingTheBalance) {
  State s(view_);
  EXPECT_TRUE(s.exists(addr(1)));
  EXPECT_FALSE(s.is_empty(addr(1)));  // it has code: no balance needed
  EXPECT_EQ(s.get_code(addr(1))->size(), 1u);
  const auto cp = s.checkpoint();
  s.add_balance(addr(1), U256{7});
  s.rollback(cp);  // the credit undone
  s.add_balance(addr(1), U256{5});
  s.add_balance(addr(1), U256{3});
  s.set_nonce(addr(1), 2);
  EXPECT_EQ(view_.balance_reads, 0);
  s.finalize(true);
  EXPECT_EQ(view_.balance_reads, 0);
  const StateDiff d = s.build_diff();
  EXPECT_TRUE(d.balance_unread);
  const AccountDiff* a = find(d, addr(1));
  ASSERT_NE(a, nullptr);
  EXPECT_FALSE(a->balance);
  ASSERT_TRUE(a->balance_credit);
  EXPECT_EQ(*a->balance_credit, U256{8});
  EXPECT_TRUE(a->balance_unread);
  EXPECT_EQ(a->nonce, 2u);
}

TEST_F(StateLazyBalanceTest, ReadsTheBalanceWhenUsedAndReportsIt) {
  State s(view_);
  s.add_balance(addr(1), U256{5});  // before the read: kept in the sum
  EXPECT_EQ(view_.balance_reads, 0);
  EXPECT_EQ(s.get_balance(addr(1)), U256{1005});
  EXPECT_EQ(view_.balance_reads, 1);
  const auto cp = s.checkpoint();
  s.sub_balance(addr(1), U256{100});
  EXPECT_EQ(s.get_balance(addr(1)), U256{905});
  s.rollback(cp);
  EXPECT_EQ(s.get_balance(addr(1)), U256{1005});
  s.set_balance(addr(1), U256{42});
  EXPECT_EQ(s.get_balance(addr(1)), U256{42});
  s.add_balance(addr(1), U256{1});
  EXPECT_EQ(view_.balance_reads, 1);
  const StateDiff d = s.build_diff();
  EXPECT_FALSE(d.balance_unread);
  const AccountDiff* a = find(d, addr(1));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->balance, U256{43});
  EXPECT_FALSE(a->balance_credit);
}

TEST_F(StateLazyBalanceTest, RolledBackCreditBeforeTheReadIsGone) {
  State s(view_);
  const auto cp = s.checkpoint();
  s.add_balance(addr(1), U256{5});
  EXPECT_EQ(s.get_balance(addr(1)), U256{1005});
  s.rollback(cp);
  EXPECT_EQ(s.get_balance(addr(1)), U256{1000});
  EXPECT_TRUE(s.build_diff().empty());
}

TEST_F(StateLazyBalanceTest, SubtractingReadsTheBalanceFirst) {
  State s(view_);
  s.sub_balance(addr(1), U256{400});
  EXPECT_EQ(view_.balance_reads, 1);
  const AccountDiff* a = find(s.build_diff(), addr(1));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->balance, U256{600});
}

// A lazy credit (the coinbase's fee) to an account loaded afterwards without its balance joins
// the pending credit: the diff lists the account once, its balance still unread.
TEST_F(StateLazyBalanceTest, LazyCreditThenLoadStaysACredit) {
  State s(view_);
  s.credit_lazily(addr(1), U256{9});
  EXPECT_EQ(s.get_code(addr(1))->size(), 1u);
  EXPECT_EQ(view_.balance_reads, 0);
  const StateDiff d = s.build_diff();
  ASSERT_EQ(d.accounts.size(), 1u);
  EXPECT_EQ(d.accounts[0].balance_credit, U256{9});
  EXPECT_TRUE(d.accounts[0].balance_unread);
  State t(view_);
  t.credit_lazily(addr(1), U256{9});
  EXPECT_EQ(t.get_balance(addr(1)), U256{1009});  // read on use, the credit on top
  EXPECT_EQ(find(t.build_diff(), addr(1))->balance, U256{1009});
}

// An account whose balance decides its emptiness (no code, nonce zero) comes with it; the
// lazy path never applies to it, whatever the view would do.
TEST_F(StateLazyBalanceTest, EmptinessOfAnAccountWithoutCodeReadsItsBalance) {
  State s(view_);
  EXPECT_FALSE(s.is_empty(addr(2)));
  s.touch(addr(2));
  s.sub_balance(addr(2), U256{50});
  EXPECT_TRUE(s.is_empty(addr(2)));
  s.finalize(true);
  const AccountDiff* a = find(s.build_diff(), addr(2));
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(a->deleted);
  EXPECT_EQ(view_.balance_reads, 0);  // given with the account
}

}  // namespace
}  // namespace paraevm
