#include <gtest/gtest.h>

#include "base/hex.hpp"

namespace paraevm {
namespace {

TEST(Hex, Encode) {
  const Bytes b{0x00, 0x01, 0xab, 0xff};
  EXPECT_EQ(to_hex(b), "0x0001abff");
  EXPECT_EQ(to_hex(b, false), "0001abff");
  EXPECT_EQ(to_hex(Bytes{}), "0x");
  EXPECT_EQ(to_hex(Bytes{}, false), "");
}

TEST(Hex, Decode) {
  EXPECT_EQ(from_hex("0x0001abff"), (Bytes{0x00, 0x01, 0xab, 0xff}));
  EXPECT_EQ(from_hex("0X0001ABFF"), (Bytes{0x00, 0x01, 0xab, 0xff}));
  EXPECT_EQ(from_hex("deadBEEF"), (Bytes{0xde, 0xad, 0xbe, 0xef}));
  EXPECT_EQ(from_hex("0x"), Bytes{});
  EXPECT_EQ(from_hex(""), Bytes{});
}

TEST(Hex, DecodeRejectsMalformed) {
  EXPECT_FALSE(from_hex("0x1"));
  EXPECT_FALSE(from_hex("abc"));
  EXPECT_FALSE(from_hex("0xzz"));
  EXPECT_FALSE(from_hex("0x0g"));
  EXPECT_FALSE(from_hex("x0"));
  EXPECT_FALSE(from_hex(" 00"));
}

TEST(Hex, RoundTrip) {
  Bytes all(256);
  for (int i = 0; i < 256; ++i) all[i] = static_cast<uint8_t>(i);
  EXPECT_EQ(from_hex(to_hex(all)), all);
  EXPECT_EQ(from_hex(to_hex(all, false)), all);
}

TEST(Hex, Fixed) {
  auto a = fixed_from_hex<20>("0x01");
  ASSERT_TRUE(a);
  EXPECT_EQ((*a)[19], 0x01);
  EXPECT_EQ((*a)[0], 0x00);
  EXPECT_FALSE(fixed_from_hex<2>("0x010203"));
  EXPECT_FALSE(fixed_from_hex<2>("0x0"));
}

}  // namespace
}  // namespace paraevm
