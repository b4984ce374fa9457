// The precompile activation table.
#include <gtest/gtest.h>

#include "precompiles_test_util.hpp"

namespace paraevm {
namespace {

using test::precompile_address;

TEST(Registry, ActivationByRevision) {
  struct Case {
    uint16_t address;
    Revision since;
  };
  constexpr Case kCases[] = {
      {0x01, Revision::Frontier},  {0x04, Revision::Frontier},  {0x05, Revision::Byzantium},
      {0x08, Revision::Byzantium}, {0x09, Revision::Istanbul},  {0x0a, Revision::Cancun},
      {0x0b, Revision::Prague},    {0x11, Revision::Prague},    {0x100, Revision::Osaka},
  };
  for (const auto& c : kCases) {
    for (int r = 0; r < kRevisionCount; ++r) {
      const auto rev = static_cast<Revision>(r);
      EXPECT_EQ(is_precompile(rev, precompile_address(c.address)), at_least(rev, c.since))
          << "address " << c.address << " in " << r;
    }
  }
}

TEST(Registry, NonPrecompiles) {
  EXPECT_FALSE(is_precompile(Revision::Osaka, precompile_address(0)));
  EXPECT_FALSE(is_precompile(Revision::Osaka, precompile_address(0x12)));
  EXPECT_FALSE(is_precompile(Revision::Osaka, precompile_address(0x101)));
  Address a = precompile_address(1);
  a[0] = 1;
  EXPECT_FALSE(is_precompile(Revision::Osaka, a));
  EXPECT_FALSE(run_precompile(Revision::Osaka, a, {}, 100000).success);
  // A non-zero byte anywhere in the 18-byte prefix, not only the first.
  for (size_t i = 0; i < 18; ++i) {
    Address b = precompile_address(1);
    b[i] = 0x80;
    EXPECT_FALSE(is_precompile(Revision::Osaka, b)) << "byte " << i;
  }
}

TEST(Registry, WarmSetMatchesActivation) {
  const std::pair<Revision, WarmPrecompiles> kCases[] = {
      {Revision::Frontier, {4, false}},  {Revision::Byzantium, {8, false}},
      {Revision::Istanbul, {9, false}},  {Revision::Cancun, {10, false}},
      {Revision::Prague, {0x11, false}}, {Revision::Osaka, {0x11, true}},
  };
  for (const auto& [rev, expected] : kCases) {
    EXPECT_EQ(warm_precompiles(rev).consecutive, expected.consecutive) << revision_name(rev);
    EXPECT_EQ(warm_precompiles(rev).p256, expected.p256) << revision_name(rev);
  }
  // Every revision: exactly the addresses is_precompile accepts, up to 0x0100.
  for (int r = 0; r < kRevisionCount; ++r) {
    const auto rev = static_cast<Revision>(r);
    const WarmPrecompiles warm = warm_precompiles(rev);
    for (uint16_t low = 1; low <= 0x100; ++low) {
      const bool warmed = low <= warm.consecutive || (low == 0x100 && warm.p256);
      EXPECT_EQ(warmed, is_precompile(rev, precompile_address(low))) << low << " in " << r;
    }
  }
}

}  // namespace
}  // namespace paraevm
