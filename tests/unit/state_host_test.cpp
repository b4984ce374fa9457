// StateHost: storage status classification, CREATE/CREATE2 addresses, delegation designators,
// nested calls through the interpreter (value transfer, depth and balance refusals, rollback).
#include <gtest/gtest.h>

#include "base/hex.hpp"
#include "state/host.hpp"
#include "state/in_memory_state.hpp"

namespace paraevm {
namespace {

Address hex_addr(std::string_view h) { return *fixed_from_hex<20>(h); }

TEST(StorageStatusTest, AllNineCases) {
  const U256 z{0}, x{1}, y{2}, w{3};
  EXPECT_EQ(classify_storage_write(z, z, w), StorageStatus::Added);             // 0 -> 0 -> Z
  EXPECT_EQ(classify_storage_write(x, x, z), StorageStatus::Deleted);           // X -> X -> 0
  EXPECT_EQ(classify_storage_write(x, x, w), StorageStatus::Modified);          // X -> X -> Z
  EXPECT_EQ(classify_storage_write(x, z, w), StorageStatus::DeletedAdded);      // X -> 0 -> Z
  EXPECT_EQ(classify_storage_write(x, y, z), StorageStatus::ModifiedDeleted);   // X -> Y -> 0
  EXPECT_EQ(classify_storage_write(x, z, x), StorageStatus::DeletedRestored);   // X -> 0 -> X
  EXPECT_EQ(classify_storage_write(z, y, z), StorageStatus::AddedDeleted);      // 0 -> Y -> 0
  EXPECT_EQ(classify_storage_write(x, y, x), StorageStatus::ModifiedRestored);  // X -> Y -> X
  EXPECT_EQ(classify_storage_write(x, y, w), StorageStatus::Assigned);          // X -> Y -> Z
  EXPECT_EQ(classify_storage_write(x, x, x), StorageStatus::Assigned);          // no-op
  EXPECT_EQ(classify_storage_write(z, z, z), StorageStatus::Assigned);          // no-op zero
  EXPECT_EQ(classify_storage_write(z, y, w), StorageStatus::Assigned);          // 0 -> Y -> Z
}

TEST(CreateAddressTest, CreateVectors) {
  // Widely published vectors for sender 0x6ac7...dbf0.
  const Address sender = hex_addr("6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0");
  EXPECT_EQ(to_hex(create_address(sender, 0)), "0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d");
  EXPECT_EQ(to_hex(create_address(sender, 1)), "0x343c43a37d37dff08ae8c4a11544c718abb4fcf8");
  EXPECT_EQ(to_hex(create_address(sender, 2)), "0xf778b86fa74e846c4f0a1fbd1335fe81c00a0c91");
  EXPECT_EQ(to_hex(create_address(sender, 3)), "0xfffd933a0bc612844eaf0c6fe3e5b8e9b6c1d19c");
}

TEST(CreateAddressTest, Create2Eip1014Examples) {
  const Bytes32 zero_salt{};
  EXPECT_EQ(to_hex(create2_address(Address{}, zero_salt, Bytes{0x00})),
            "0x4d1a2e2bb4f88f0250f26ffff098b0b30b26bf38");
  EXPECT_EQ(to_hex(create2_address(hex_addr("deadbeef00000000000000000000000000000000"), zero_salt,
                                   Bytes{0x00})),
            "0xb928f69bb1d91cd65274e3c79d8986362984fda3");
  EXPECT_EQ(to_hex(create2_address(hex_addr("00000000000000000000000000000000deadbeef"),
                                   *fixed_from_hex<32>("0x00000000000000000000000000000000000000000"
                                                       "000000000000000cafebabe"),
                                   Bytes{0xde, 0xad, 0xbe, 0xef})),
            "0x60f3f640a8508fc6a86d45df051962668e1e8ac7");
  EXPECT_EQ(to_hex(create2_address(Address{}, zero_salt, Bytes{})),
            "0xe33c0c7f7df4809055c3eba6c09cfe4baf1bd9e0");
}

TEST(DelegationTest, Designator) {
  Bytes code{0xef, 0x01, 0x00};
  for (int i = 0; i < 20; ++i) code.push_back(static_cast<uint8_t>(i + 1));
  auto target = delegation_target(code);
  ASSERT_TRUE(target.has_value());
  EXPECT_EQ((*target)[0], 1);
  EXPECT_EQ((*target)[19], 20);
  code.push_back(0);
  EXPECT_FALSE(delegation_target(code).has_value());
  code.pop_back();
  code[2] = 0x01;
  EXPECT_FALSE(delegation_target(code).has_value());
}

class HostCallTest : public ::testing::Test {
 protected:
  Address a_ = hex_addr("1000000000000000000000000000000000000001");
  Address b_ = hex_addr("2000000000000000000000000000000000000002");
  InMemoryState backing_;
  TxContext ctx_;
};

TEST_F(HostCallTest, CallRunsCodeAndTransfersValue) {
  // b: SSTORE(0, CALLVALUE); STOP
  backing_.set_account(b_, 1, U256{0}, Bytes{0x34, 0x60, 0x00, 0x55, 0x00});
  backing_.set_account(a_, 0, U256{100}, {});
  State state(backing_);
  StateHost host(state, Revision::Cancun, ctx_);
  Message msg;
  msg.depth = 1;
  msg.gas = 100000;
  msg.sender = a_;
  msg.recipient = b_;
  msg.code_address = b_;
  msg.value = U256{40};
  const Result r = host.call(msg);
  EXPECT_EQ(r.status, StatusCode::Success);
  EXPECT_LT(r.gas_left, 100000);
  EXPECT_EQ(state.get_storage(b_, U256{0}), U256{40});
  EXPECT_EQ(state.get_balance(a_), U256{60});
  EXPECT_EQ(state.get_balance(b_), U256{40});
}

TEST_F(HostCallTest, RefusedCallsReturnTheirGas) {
  backing_.set_account(a_, 0, U256{10}, {});
  State state(backing_);
  StateHost host(state, Revision::Cancun, ctx_);
  Message msg;
  msg.depth = 1;
  msg.gas = 5000;
  msg.sender = a_;
  msg.recipient = b_;
  msg.code_address = b_;
  msg.value = U256{11};  // more than a_ has
  Result r = host.call(msg);
  EXPECT_NE(r.status, StatusCode::Success);
  EXPECT_EQ(r.gas_left, 5000);
  msg.value = U256{0};
  msg.depth = 1025;
  r = host.call(msg);
  EXPECT_EQ(r.status, StatusCode::CallDepthExceeded);
  EXPECT_EQ(r.gas_left, 5000);
}

TEST_F(HostCallTest, RevertRollsBackState) {
  // b: SSTORE(0, 1); REVERT(0, 0)
  backing_.set_account(b_, 1, U256{0}, Bytes{0x60, 0x01, 0x60, 0x00, 0x55, 0x60, 0x00, 0x80, 0xfd});
  backing_.set_account(a_, 0, U256{100}, {});
  State state(backing_);
  StateHost host(state, Revision::Cancun, ctx_);
  Message msg;
  msg.depth = 1;
  msg.gas = 100000;
  msg.sender = a_;
  msg.recipient = b_;
  msg.code_address = b_;
  msg.value = U256{5};
  const Result r = host.call(msg);
  EXPECT_EQ(r.status, StatusCode::Revert);
  EXPECT_GT(r.gas_left, 0);
  EXPECT_EQ(state.get_storage(b_, U256{0}), U256{0});
  EXPECT_EQ(state.get_balance(a_), U256{100});
}

TEST_F(HostCallTest, CreateDeploysCodeAndBumpsNonces) {
  backing_.set_account(a_, 7, U256{100}, {});
  State state(backing_);
  StateHost host(state, Revision::Cancun, ctx_);
  // init code: MSTORE8(0, 0x00); RETURN(0, 1)  -> deploys the one-byte code 0x00
  const Bytes init{0x60, 0x00, 0x60, 0x00, 0x53, 0x60, 0x01, 0x60, 0x00, 0xf3};
  Message msg;
  msg.kind = CallKind::Create;
  msg.depth = 1;
  msg.gas = 100000;
  msg.sender = a_;
  msg.input = init;
  const Result r = host.call(msg);
  ASSERT_EQ(r.status, StatusCode::Success);
  EXPECT_EQ(r.create_address, create_address(a_, 7));
  EXPECT_EQ(state.get_nonce(a_), 8u);
  EXPECT_EQ(state.get_nonce(r.create_address), 1u);
  EXPECT_EQ(*state.get_code(r.create_address), Bytes{0x00});
  EXPECT_TRUE(state.is_created(r.create_address));
}

TEST_F(HostCallTest, CreateRejectsEfPrefixFromLondon) {
  backing_.set_account(a_, 0, U256{0}, {});
  // init code: MSTORE8(0, 0xef); RETURN(0, 1)
  const Bytes init{0x60, 0xef, 0x60, 0x00, 0x53, 0x60, 0x01, 0x60, 0x00, 0xf3};
  Message msg;
  msg.kind = CallKind::Create;
  msg.depth = 1;
  msg.gas = 100000;
  msg.sender = a_;
  msg.input = init;
  {
    State state(backing_);
    StateHost host(state, Revision::London, ctx_);
    const Result r = host.call(msg);
    EXPECT_NE(r.status, StatusCode::Success);
    EXPECT_EQ(r.gas_left, 0);
    EXPECT_EQ(state.get_nonce(a_), 1u);  // the creator's nonce bump stays
  }
  {
    State state(backing_);
    StateHost host(state, Revision::Berlin, ctx_);
    EXPECT_EQ(host.call(msg).status, StatusCode::Success);
  }
}

}  // namespace
}  // namespace paraevm
