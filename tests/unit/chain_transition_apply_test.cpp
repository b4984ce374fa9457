// apply_transaction end to end over an InMemoryState: fees, refunds, creation, validation
// errors, EIP-7702 authorizations. Expected values are worked out by hand from the EIPs.
#include <gtest/gtest.h>

#include "base/keccak.hpp"
#include "base/rlp.hpp"
#include "chain/transition.hpp"
#include "crypto/secp256k1.hpp"
#include "state/host.hpp"
#include "state/in_memory_state.hpp"
#include "state/state.hpp"

namespace paraevm {
namespace {

Address addr(uint8_t b) {
  Address a;
  a[0] = 0xaa;
  a[19] = b;
  return a;
}

class TransitionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.coinbase = addr(0xcb);
    env_.number = 1;
    env_.timestamp = 1000;
    env_.gas_limit = 30'000'000;
    env_.base_fee = U256{7};
    state_.set_account(sender_, 0, U256{1'000'000'000}, {});
  }
  Transaction transfer(const U256& value) const {
    Transaction tx;
    tx.type = TxType::DynamicFee;
    tx.chain_id = U256{1};
    tx.max_fee_per_gas = U256{10};
    tx.gas_price = tx.max_fee_per_gas;
    tx.max_priority_fee_per_gas = U256{2};
    tx.gas_limit = 50'000;
    tx.to = addr(0x02);
    tx.value = value;
    return tx;
  }
  TxOutcome run(const Transaction& tx, Revision rev = Revision::Cancun) {
    TxOutcome out = apply_transaction(state_, env_, rev, tx, sender_);
    if (out.valid()) state_.apply(out.receipt.diff);
    return out;
  }

  InMemoryState state_;
  BlockEnv env_;
  Address sender_ = addr(0x01);
};

// A plain transfer credits its recipient lazily (no balance read). Paid to the coinbase at a
// zero gas price (the fee credit is zero, which only touches; before EIP-161 a touch keeps the
// account), the coinbase must still be listed once in the diff, with the value: the parallel
// engine turns each listed account into one write, and a second, empty entry had overwritten
// the credit (found by the randomized differential test).
TEST_F(TransitionTest, LazyTransferToCoinbaseWithZeroFeeListsItOnce) {
  Transaction tx = transfer(U256{5000});
  tx.type = TxType::Legacy;
  tx.gas_price = U256{0};
  tx.to = env_.coinbase;
  env_.base_fee = U256{0};  // no base fee before London
  const TxOutcome out = run(tx, Revision::Frontier);
  ASSERT_TRUE(out.valid());
  size_t listed = 0;
  for (const AccountDiff& d : out.receipt.diff.accounts) {
    if (d.address != env_.coinbase) continue;
    ++listed;
    EXPECT_EQ(d.balance_credit.value_or(d.balance.value_or(U256{})), U256{5000});
  }
  EXPECT_EQ(listed, 1u);
  EXPECT_EQ(state_.find(env_.coinbase)->balance, U256{5000});
}

TEST_F(TransitionTest, ValueTransferPaysPriorityFeeAndBurnsBaseFee) {
  const TxOutcome out = run(transfer(U256{5000}));
  ASSERT_TRUE(out.valid());
  EXPECT_EQ(out.receipt.status, StatusCode::Success);
  EXPECT_EQ(out.receipt.gas_used, 21000u);
  // Effective price min(2, 10 - 7) + 7 = 9; the coinbase gets 2 per gas.
  EXPECT_EQ(state_.find(sender_)->balance, U256{1'000'000'000 - 5000 - 21000 * 9});
  EXPECT_EQ(state_.find(sender_)->nonce, 1u);
  EXPECT_EQ(state_.find(addr(0x02))->balance, U256{5000});
  EXPECT_EQ(state_.find(env_.coinbase)->balance, U256{21000 * 2});
}

TEST_F(TransitionTest, ZeroValueTransferToNothingLeavesNoAccount) {
  env_.base_fee = U256{10};  // priority fee 0: the coinbase earns nothing
  const TxOutcome out = run(transfer(U256{0}));
  ASSERT_TRUE(out.valid());
  EXPECT_EQ(state_.find(addr(0x02)), nullptr);       // EIP-161: touched and empty
  EXPECT_EQ(state_.find(env_.coinbase), nullptr);
}

TEST_F(TransitionTest, ValidationErrors) {
  Transaction tx = transfer(U256{1});
  tx.nonce = 1;
  EXPECT_EQ(run(tx).error, TxError::NonceMismatchTooHigh);
  tx.nonce = 0;
  tx.gas_limit = 20999;
  EXPECT_EQ(run(tx).error, TxError::IntrinsicGasTooLow);
  tx.gas_limit = 50'000;
  tx.value = U256{1'000'000'000};  // value + 50000 * 10 exceeds the balance
  EXPECT_EQ(run(tx).error, TxError::InsufficientAccountFunds);
  tx.value = U256{1};
  tx.max_fee_per_gas = U256{6};
  EXPECT_EQ(run(tx).error, TxError::InsufficientMaxFeePerGas);
  tx.max_fee_per_gas = U256{10};
  tx.max_priority_fee_per_gas = U256{11};
  EXPECT_EQ(run(tx).error, TxError::PriorityGreaterThanMaxFeePerGas);
  tx.max_priority_fee_per_gas = U256{2};
  EXPECT_EQ(run(tx, Revision::Berlin).error, TxError::TypeNotSupported);
  tx.gas_limit = 40'000'000;
  EXPECT_EQ(run(tx).error, TxError::GasAllowanceExceeded);
  tx.gas_limit = (uint64_t{1} << 24) + 1;
  EXPECT_EQ(run(tx, Revision::Osaka).error, TxError::GasLimitExceedsMaximum);
  // Nothing changed.
  EXPECT_EQ(state_.find(sender_)->nonce, 0u);
  EXPECT_EQ(state_.find(sender_)->balance, U256{1'000'000'000});
}

TEST_F(TransitionTest, SenderWithCodeIsRejected) {
  state_.set_account(sender_, 0, U256{1'000'000'000}, Bytes{0x00});
  EXPECT_EQ(run(transfer(U256{1})).error, TxError::SenderNotEoa);
}

TEST_F(TransitionTest, StorageClearRefundIsCappedAtOneFifth) {
  // Contract: SSTORE(0, 0) on a slot holding 1.
  state_.set_account(addr(0x02), 1, U256{0}, Bytes{0x60, 0x00, 0x60, 0x00, 0x55, 0x00},
                     {{U256{0}, U256{1}}});
  Transaction tx = transfer(U256{0});
  const TxOutcome out = run(tx);
  ASSERT_TRUE(out.valid());
  // 21000 + 2 PUSH1 (3 each) + SSTORE cold (2100 + 2900) = 26006 gas before the refund;
  // refund 4800 (EIP-3529) is under 26006 / 5 = 5201.
  EXPECT_EQ(out.receipt.gas_used, 26006u - 4800u);
  EXPECT_TRUE(state_.find(addr(0x02))->storage.empty());
}

TEST_F(TransitionTest, RevertKeepsFeesAndNonce) {
  // Contract: SSTORE(0, 1); REVERT(0, 0)
  state_.set_account(addr(0x02), 1, U256{0},
                     Bytes{0x60, 0x01, 0x60, 0x00, 0x55, 0x60, 0x00, 0x80, 0xfd});
  const TxOutcome out = run(transfer(U256{100}));
  ASSERT_TRUE(out.valid());
  EXPECT_EQ(out.receipt.status, StatusCode::Revert);
  EXPECT_TRUE(state_.find(addr(0x02))->storage.empty());
  EXPECT_EQ(state_.find(addr(0x02))->balance, U256{0});
  EXPECT_EQ(state_.find(sender_)->nonce, 1u);
  EXPECT_EQ(state_.find(sender_)->balance,
            U256{1'000'000'000} - U256{out.receipt.gas_used} * U256{9});
}

TEST_F(TransitionTest, CreationDeploysAtTheSenderNonceAddress) {
  Transaction tx = transfer(U256{0});
  tx.to.reset();
  tx.gas_limit = 100'000;
  // MSTORE8(0, 0x5b); RETURN(0, 1): deploys JUMPDEST.
  tx.data = Bytes{0x60, 0x5b, 0x60, 0x00, 0x53, 0x60, 0x01, 0x60, 0x00, 0xf3};
  const TxOutcome out = run(tx);
  ASSERT_TRUE(out.valid());
  ASSERT_EQ(out.receipt.status, StatusCode::Success);
  const Address created = create_address(sender_, 0);
  ASSERT_TRUE(out.receipt.contract_address.has_value());
  EXPECT_EQ(*out.receipt.contract_address, created);
  const auto* acc = state_.find(created);
  ASSERT_NE(acc, nullptr);
  EXPECT_EQ(*acc->code, Bytes{0x5b});
  EXPECT_EQ(acc->nonce, 1u);
}

TEST_F(TransitionTest, LogsAreReturned) {
  // LOG1(0, 0, topic 0x42)
  state_.set_account(addr(0x02), 1, U256{0}, Bytes{0x60, 0x42, 0x60, 0x00, 0x80, 0xa1, 0x00});
  const TxOutcome out = run(transfer(U256{0}));
  ASSERT_TRUE(out.valid());
  ASSERT_EQ(out.receipt.logs.size(), 1u);
  EXPECT_EQ(out.receipt.logs[0].address, addr(0x02));
  ASSERT_EQ(out.receipt.logs[0].topics.size(), 1u);
  EXPECT_EQ(out.receipt.logs[0].topics[0][31], 0x42);
  // No logs: keccak256(rlp([])) = keccak256(0xc0).
  EXPECT_EQ(logs_hash({}), keccak256(Bytes{0xc0}));
}

TEST_F(TransitionTest, SetCodeAuthorizationDelegates) {
  Bytes32 key;
  key[31] = 0x11;
  const Address authority = *address_from_private_key(key);
  state_.set_account(authority, 0, U256{0}, {});
  // Delegate code: SSTORE(0, 7)
  state_.set_account(addr(0x03), 0, U256{0}, Bytes{0x60, 0x07, 0x60, 0x00, 0x55, 0x00});

  Authorization auth;
  auth.chain_id = U256{1};
  auth.address = addr(0x03);
  auth.nonce = 0;
  RlpEncoder enc;
  enc.append_raw(Bytes{0x05});
  const size_t mark = enc.begin_list();
  enc.append_u256(auth.chain_id).append_address(auth.address).append_u64(auth.nonce);
  enc.end_list(mark);
  const auto sig = sign(keccak256(enc.view()), key);
  ASSERT_TRUE(sig.has_value());
  auth.r = sig->r;
  auth.s = sig->s;
  auth.y_parity = U256{sig->recovery_id};

  Transaction tx = transfer(U256{0});
  tx.type = TxType::SetCode;
  tx.to = authority;
  tx.gas_limit = 100'000;
  tx.authorizations = {auth};
  const TxOutcome out = run(tx, Revision::Prague);
  ASSERT_TRUE(out.valid());
  EXPECT_EQ(out.receipt.status, StatusCode::Success);
  const auto* acc = state_.find(authority);
  ASSERT_NE(acc, nullptr);
  EXPECT_EQ(acc->nonce, 1u);
  ASSERT_EQ(acc->code->size(), 23u);
  EXPECT_EQ(delegation_target(*acc->code), addr(0x03));
  // The delegate's code ran against the authority's storage.
  EXPECT_EQ(acc->storage.at(U256{0}), U256{7});
}

}  // namespace
}  // namespace paraevm
