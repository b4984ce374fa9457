// Solidity storage slots and code instantiation for the hand-written third-party state.
#include <gtest/gtest.h>

#include "workload/abi.hpp"
#include "workload/solidity_storage.hpp"
#include "workload/third_party_contracts.hpp"

namespace paraevm {
namespace {

using workload::solidity::mapping_slot;

// keccak256(abi.encode(uint256(1), uint256(0))): the slot of m[1] for a mapping at slot 0, the
// value Solidity tutorials quote.
TEST(SolidityStorage, MappingSlotIsKeccakOfKeyThenSlot) {
  EXPECT_EQ(mapping_slot(U256(0), U256(1)).to_hex(),
            "0xada5013122d395ba3c54772283fb069b10426056ef8ca54750cb9bb552a59e7d");
}

TEST(SolidityStorage, NestedMappingsApplyTheKeysInOrder) {
  const U256 owner = 0xaa, spender = 0xbb;
  EXPECT_EQ(mapping_slot(U256(1), {owner, spender}),
            mapping_slot(mapping_slot(U256(1), owner), spender));
  EXPECT_NE(mapping_slot(U256(1), {owner, spender}), mapping_slot(U256(1), {spender, owner}));
}

// A negative int24 or int16 key is sign-extended to 32 bytes before hashing.
TEST(SolidityStorage, SignedKeysAreSignExtended) {
  EXPECT_EQ(abi::word_signed(-1), U256::max());
  EXPECT_NE(mapping_slot(U256(5), abi::word_signed(-600000)),
            mapping_slot(U256(5), U256(static_cast<uint32_t>(-600000) & 0xffffff)));
}

TEST(SolidityStorage, ShortStringIsLeftAlignedWithTwiceItsLength) {
  EXPECT_EQ(workload::solidity::short_string("GLD").to_hex(),
            "0x474c440000000000000000000000000000000000000000000000000000000006");
  EXPECT_EQ(workload::solidity::short_string(""), U256(0));
}

TEST(SolidityStorage, PackedFieldsAreShiftedToTheirOffset) {
  EXPECT_EQ(workload::solidity::packed(3000, 160), U256(3000) << 160);
}

// Placeholders are replaced only at byte boundaries: in "0ab0ab" the "ab" at digit 1 straddles
// two bytes and stays; the one at digit 4 is the third byte.
TEST(ThirdPartyContracts, InstantiateReplacesAlignedPlaceholders) {
  EXPECT_EQ(workload::instantiate("0ab0ab", {{"ab", "cd"}}), (Bytes{0x0a, 0xb0, 0xcd}));
  EXPECT_THROW((void)workload::instantiate("6ab0", {{"ab", "cd"}}), std::invalid_argument);
  EXPECT_THROW((void)workload::instantiate("60ab", {{"ab", "c"}}), std::invalid_argument);
}

}  // namespace
}  // namespace paraevm
