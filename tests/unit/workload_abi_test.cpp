#include <gtest/gtest.h>

#include "base/hex.hpp"
#include "workload/abi.hpp"

namespace paraevm {
namespace {

// Selectors as published in the ERC-20 standard and listed in ../shared/data/README.md.
TEST(Abi, SelectorsOfWellKnownFunctions) {
  EXPECT_EQ(to_hex(abi::selector("transfer(address,uint256)").view(), false), "a9059cbb");
  EXPECT_EQ(to_hex(abi::selector("approve(address,uint256)").view(), false), "095ea7b3");
  EXPECT_EQ(to_hex(abi::selector("balanceOf(address)").view(), false), "70a08231");
}

TEST(Abi, StaticArgumentsAreLeftPaddedWords) {
  Address to;
  to[19] = 0xaa;
  const Bytes call = abi::encode_call("transfer(address,uint256)", {abi::word(to), U256(5)});
  ASSERT_EQ(call.size(), 4u + 64u);
  EXPECT_EQ(call[4 + 31], 0xaa);
  EXPECT_EQ(call[4 + 63], 5);
  for (size_t i = 4; i < 4 + 31; ++i) EXPECT_EQ(call[i], 0);
}

// The Solidity ABI spec's example layout: (uint256[] a, uint256 b) puts the offset 0x40 in the
// head, b next, then the array's length and elements.
TEST(Abi, DynamicArrayGoesToTheTail) {
  const Bytes args = abi::encode_arguments({std::vector<U256>{7, 8}, U256(9)});
  ASSERT_EQ(args.size(), 32u * 5);
  EXPECT_EQ(args[31], 0x40);
  EXPECT_EQ(args[63], 9);
  EXPECT_EQ(args[95], 2);
  EXPECT_EQ(args[127], 7);
  EXPECT_EQ(args[159], 8);
}

TEST(Abi, TwoStringsConstructorArguments) {
  const Bytes args = abi::encode_two_strings("Para", "PT");
  ASSERT_EQ(args.size(), 32u * 6);
  EXPECT_EQ(args[31], 0x40);
  EXPECT_EQ(args[63], 0x80);
  EXPECT_EQ(args[95], 4);
  EXPECT_EQ(args[96], 'P');
  EXPECT_EQ(args[159], 2);
  EXPECT_EQ(args[160], 'P');
}

TEST(Abi, NegativeWordIsTwosComplement) {
  EXPECT_EQ(abi::word_signed(-1), U256::max());
  EXPECT_EQ(abi::word_signed(3), U256(3));
}

}  // namespace
}  // namespace paraevm
