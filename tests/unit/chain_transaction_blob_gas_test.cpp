// Blob gas pricing (EIP-4844, EIP-7691, EIP-7918).
#include <gtest/gtest.h>

#include "chain/blob_gas.hpp"

namespace paraevm {
namespace {

TEST(BlobGas, FakeExponentialVectors) {
  // The test vectors published with EIP-4844's reference implementation.
  struct Case {
    uint64_t factor, numerator, denominator, expected;
  };
  const Case cases[] = {
      {1, 0, 1, 1},       {38493, 0, 1000, 38493}, {0, 1234, 2345, 0},   {1, 2, 1, 6},
      {1, 4, 2, 6},       {1, 3, 1, 16},           {1, 6, 2, 18},        {1, 4, 1, 49},
      {1, 8, 2, 50},      {10, 8, 2, 542},         {11, 8, 2, 596},      {1, 5, 1, 136},
      {1, 5, 2, 11},      {2, 5, 2, 23},           {1, 50000000, 2225652, 5709098764},
      {1, 380928, 3338477, 1},
  };
  for (const Case& c : cases)
    EXPECT_EQ(fake_exponential(c.factor, c.numerator, c.denominator), U256{c.expected})
        << c.factor << " " << c.numerator << " " << c.denominator;
}

TEST(BlobGas, FakeExponentialSaturatesAndHandlesZeroDenominator) {
  EXPECT_EQ(fake_exponential(1, uint64_t{1} << 40, 3338477), U256::max());
  EXPECT_EQ(fake_exponential(UINT64_MAX, UINT64_MAX, 1), U256::max());
  EXPECT_EQ(fake_exponential(1, 5, 0), U256{});
}

TEST(BlobGas, FakeExponentialNearTheTopOfTheRange) {
  // e^170 ~ 2^245: intermediates exceed 256 bits, the result does not. Expected value from an
  // arbitrary-precision evaluation of the EIP's Python definition.
  EXPECT_EQ(fake_exponential(1, 170 * 3338477ULL, 3338477),
            *U256::from_string("0x264538b81a60dbd9af65c124ebed52437148f48be36979f91ad4a5bedf39d9"));
  // (2^64 - 1) * e^177 ~ 2^319 does not fit.
  EXPECT_EQ(fake_exponential(UINT64_MAX, 177 * 5007716ULL, 5007716), U256::max());
}

TEST(BlobGas, DefaultSchedules) {
  EXPECT_FALSE(default_blob_schedule(Revision::Shanghai).has_value());
  EXPECT_EQ(default_blob_schedule(Revision::Cancun), (BlobSchedule{3, 6, 3338477}));
  EXPECT_EQ(default_blob_schedule(Revision::Prague), (BlobSchedule{6, 9, 5007716}));
  EXPECT_EQ(default_blob_schedule(Revision::Osaka), (BlobSchedule{6, 9, 5007716}));
}

TEST(BlobGas, BaseFeeFromExcess) {
  const BlobSchedule cancun{3, 6, 3338477};
  EXPECT_EQ(blob_base_fee(0, cancun), U256{1});
  // 0x0e0000 = 917504 excess: e^(917504 / 3338477) = 1.316..., floor 1.
  EXPECT_EQ(blob_base_fee(0x0e0000, cancun), U256{1});
  // 10^8 excess: e^29.95 = 1.02e13 (value from the exact series).
  EXPECT_EQ(blob_base_fee(100'000'000, cancun), U256{10203769476395ULL});
}

TEST(BlobGas, NextExcessBlobGas) {
  const BlobSchedule cancun{3, 6, 3338477};
  const uint64_t target = 3 * kGasPerBlob;
  EXPECT_EQ(next_excess_blob_gas(0, target - 1, cancun, false, 0), 0u);
  EXPECT_EQ(next_excess_blob_gas(100, target, cancun, false, 0), 100u);
  EXPECT_EQ(next_excess_blob_gas(0, 6 * kGasPerBlob, cancun, false, 0), target);
  // EIP-7918: a base fee high enough makes the reserve price bind; the excess then grows by
  // used * (max - target) / max = 6 blobs * 3/6.
  const BlobSchedule osaka{6, 9, 5007716};
  const uint64_t used = 9 * kGasPerBlob;
  EXPECT_EQ(next_excess_blob_gas(0, used, osaka, true, 1), used - 6 * kGasPerBlob);
  EXPECT_EQ(next_excess_blob_gas(0, used, osaka, true, 1'000'000'000),
            used * 3 / 9);
}

}  // namespace
}  // namespace paraevm
