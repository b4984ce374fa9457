// SHA256 (0x02), RIPEMD160 (0x03) and IDENTITY (0x04): standard digests and per-word gas.
#include <gtest/gtest.h>

#include "precompiles_test_util.hpp"

namespace paraevm {
namespace {

using test::Vector;

// Digests of "" and "abc": FIPS 180-2 appendix B.1 (SHA-256) and the RIPEMD-160 reference page
// (Dobbertin, Bosselaers, Preneel), left-padded to 32 bytes for RIPEMD160.
constexpr Vector kSha256Vectors[] = {
    {"empty", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 60},
    {"abc", "616263", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 72},
    {"33 bytes", "000000000000000000000000000000000000000000000000000000000000000000",
     "7f9c9e31ac8256ca2f258583df262dbc7d6f68f2a03043d5c99a4ae5a7396ce9", 84},
};
constexpr Vector kRipemdVectors[] = {
    {"empty", "", "0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31", 600},
    {"abc", "616263", "0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc", 720},
};
constexpr Vector kIdentityVectors[] = {
    {"empty", "", "", 15},
    {"32 bytes", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
     "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", 18},
    {"33 bytes", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff01",
     "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff01", 21},
};

TEST(Hashes, Sha256) {
  for (const auto& v : kSha256Vectors) test::check_vector(0x02, Revision::Frontier, v);
}
TEST(Hashes, Ripemd160) {
  for (const auto& v : kRipemdVectors) test::check_vector(0x03, Revision::Frontier, v);
}
TEST(Hashes, Identity) {
  for (const auto& v : kIdentityVectors) test::check_vector(0x04, Revision::Frontier, v);
}

TEST(Hashes, LargeInputGas) {
  const Bytes in(1000, 0x5a);  // 32 words
  auto r = run_precompile(Revision::Osaka, test::precompile_address(0x04), in, 1000);
  ASSERT_TRUE(r.success);
  EXPECT_EQ(r.gas_left, 1000 - (15 + 3 * 32));
  EXPECT_EQ(r.output, in);
  r = run_precompile(Revision::Osaka, test::precompile_address(0x03), in, 10000);
  EXPECT_EQ(r.gas_left, 10000 - (600 + 120 * 32));
  r = run_precompile(Revision::Osaka, test::precompile_address(0x02), in, 10000);
  EXPECT_EQ(r.gas_left, 10000 - (60 + 12 * 32));
}

}  // namespace
}  // namespace paraevm
